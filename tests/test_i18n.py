"""The catalogue of texts: every message in both languages, and how the language is chosen."""

from __future__ import annotations

import re

import pytest

from sykj_track.i18n import MESSAGES, count, label, locale_lang, resolve_lang, t


def _fields(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key):
    zh, en = MESSAGES[key]
    assert _fields(zh) == _fields(en), key
    if key != "basis.level" and key != "summary.revealed_why":
        assert zh and en, key


def test_the_chinese_texts_are_chinese():
    # (the page's language switch names the other language: its Chinese text is "English"; true/false
    # is TOML's own spelling; the last two pass on what the system or Python names)
    literal = {"html.lang_switch", "type.of.bool", "type.of.other", "os.other"}
    english_only = [k for k, (zh, en) in MESSAGES.items() if k not in literal and zh and re.fullmatch(r"[\x00-\x7f]*", zh)
                    and re.search("[a-z]{3}", zh)]
    assert english_only == []


def test_i18n_imports_nothing_from_the_project():
    import ast

    import sykj_track.i18n as module

    tree = ast.parse(open(module.__file__, encoding="utf-8").read())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0 and not (node.module or "").startswith("sykj_track")
        elif isinstance(node, ast.Import):
            assert not any(alias.name.startswith("sykj_track") for alias in node.names)


def test_t_fills_placeholders_and_count_chooses_the_plural():
    assert t("status.title", "zh", year=2024) == "2024年目标"
    assert t("status.title", "en", year=2024) == "Goals for 2024"
    assert count("n.goal", 1, "en") == "1 goal" and count("n.goal", 3, "en") == "3 goals"
    assert count("n.goal", 3, "zh") == "3 个目标"
    assert label("status", "hit", "zh") == "达成" and label("status", "odd", "zh") == "odd"


@pytest.mark.parametrize("option, env, ledger, expected", [
    ("en", {"SYKJ_TRACK_LANG": "zh", "LANG": "zh_CN.UTF-8"}, "zh", "en"),   # --lang wins
    (None, {"SYKJ_TRACK_LANG": "en", "LANG": "zh_CN.UTF-8"}, "zh", "en"),   # then the variable
    (None, {"SYKJ_TRACK_LANG": "", "LANG": "en_US.UTF-8"}, "zh", "zh"),     # then the ledger
    (None, {"LANG": "zh_CN.UTF-8"}, None, "zh"),                          # then the locale
    (None, {"LANG": "en_GB.UTF-8", "LC_ALL": "zh_TW.UTF-8"}, None, "zh"),  # LC_ALL first
    (None, {"LANG": "C"}, None, "en"),
    (None, {}, None, "en"),
    (None, {"SYKJ_TRACK_LANG": "fr"}, None, "en"),                        # an unknown value is skipped
])
def test_language_resolution(option, env, ledger, expected):
    assert resolve_lang(option, ledger, env) == expected


def test_locale_lang():
    assert locale_lang({"LC_MESSAGES": "zh_CN.GB18030"}) == "zh"
    assert locale_lang({"LANG": "de_DE"}) == "en"
