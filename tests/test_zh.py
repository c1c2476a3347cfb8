"""A reader of Chinese sees no English: every command, with --lang zh, on the frozen ledger (and check
on a broken one), prints Chinese apart from the data's own ids, names and notes.

"English" here is a run of two or more English words (`not valid TOML`, `goals are overdue`): a single
word is left alone, for it is a field name, an id or a TOML keyword a reader types as it is (`quote`,
`goal`, `between`). Commands written in backticks, file paths, ids and every text of the ledger itself
(English names, titles, notes, doubts) are taken out before the search.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sykj_track.cli import main
from sykj_track.ledger.load import load

from helpers import SNAPSHOT

AS_OF = ["--as-of", "2026-11-22"]
ENGLISH = re.compile(r"[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+)+")
# What is not the tool's prose: GitHub's ::error ...:: syntax, `commands`, paths and file:line places,
# ids, dates, URLs.
NOT_PROSE = re.compile(r"::\w+ [^\n]*?::|`[^`]*`|https?://\S+|[\w./-]*/[\w./-]+(?::\d+)?|\b[a-z0-9]+(?:[_-][a-z0-9]+)+\b")


@pytest.fixture(scope="module")
def ledger_texts() -> list[str]:
    """Every text of the ledger that is data, longest first: English names, titles, notes, doubts."""
    ledger, _ = load(SNAPSHOT)
    texts = {m.en for m in ledger.metrics.values()} | {m.note for m in ledger.metrics.values()}
    texts |= {s.title for s in ledger.sources} | {s.note for s in ledger.sources}
    for record in (*ledger.goals, *ledger.figures):
        texts |= {record.note, record.doubt, record.quote}
    return sorted((t for t in texts if t), key=len, reverse=True)


def english_in(output: str, data: list[str]) -> list[str]:
    """The runs of English words in `output` once the data's own texts, ids and commands are taken out."""
    text = output
    for item in data:
        text = text.replace(item, " ")
    # a table wraps a long text over its lines: join the lines of each cell back before searching
    text = re.sub(r"[│┃]", " ", text)
    text = NOT_PROSE.sub(" ", text)
    return ENGLISH.findall(text)


def run(root: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--data", str(root), *args, "--lang", "zh"], env={"COLUMNS": "1000"},
                                prog_name="sykj-track")
    assert "Traceback" not in result.output, result.output
    return result.output


COMMANDS = [
    ["status", *AS_OF], ["status", "-v", *AS_OF], ["status", "--year", "2020", *AS_OF],
    ["sources", *AS_OF], ["metrics"], ["check", *AS_OF], ["check", "-v", *AS_OF],
    ["check", "--format", "github", *AS_OF],
    ["show", "高新技术企业", *AS_OF], ["show", "高新技术企业", "-v", *AS_OF],
    ["diff", "2024", "2025", *AS_OF], ["diff", "2024", "2025", "-v", *AS_OF], ["diff", "2024", "2019", *AS_OF],
    ["audit"], ["audit", "-v"], ["changes", "--since", "2023-01-01", "--until", "2026-11-22"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_every_command_speaks_chinese(args, ledger_texts):
    assert english_in(run(SNAPSHOT, *args), ledger_texts) == []


@pytest.mark.parametrize("width", ["80", "200"])
def test_check_on_a_broken_ledger_speaks_chinese(tmp_path, ledger_texts, width):
    root = tmp_path / "ledger"
    shutil.copytree(SNAPSHOT, root)
    for name, old, new in (("2024-work-report", 'op = ">="', 'op = ">=="'), ("2021-work-report", "quote = ", "qoute = "),
                           ("2018-work-report", "year = 2019", 'year = "2019"'),
                           ("2023-newspaper", 'bound = "exact"', 'bound = "exactly"')):
        report = root / "targets" / f"{name}.toml"
        report.write_text(report.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    (root / "targets" / "broken.toml").write_text("[source\nid = \n", encoding="utf-8")
    (root / "seeds" / "stray.txt").write_text("无人引用的报告。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--data", str(root), "check", *AS_OF, "--lang", "zh"], env={"COLUMNS": width})
    assert result.exit_code == 1 and "Traceback" not in result.output
    for shown in ("TOML 语法错误", "未知字段 `qoute`", "不在可选范围内", "没有任何 targets 文件引用这份报告"):
        assert shown in result.output
    assert english_in(result.output, ledger_texts) == []
    status = CliRunner().invoke(main, ["--data", str(root), "status", *AS_OF, "--lang", "zh"])
    assert status.exit_code == 1 and english_in(status.output, ledger_texts) == []


def test_messages_of_the_other_commands_speak_chinese(tmp_path, ledger_texts):
    made = CliRunner().invoke(main, ["init", str(tmp_path / "new"), "--agency", "大连市科学技术局", "--lang", "zh"])
    assert made.exit_code == 0 and english_in(made.output, ledger_texts) == []
    page = run(SNAPSHOT, "report", "--html", str(tmp_path / "r.html"), *AS_OF)
    assert "已写入" in page and english_in(page, ledger_texts) == []
    exported = run(SNAPSHOT, "export", "--sqlite", str(tmp_path / "l.db"), *AS_OF)
    assert english_in(exported, ledger_texts) == [], exported
    seed = next((SNAPSHOT / "seeds").iterdir())
    drafted = CliRunner().invoke(main, ["--data", str(SNAPSHOT), "extract", str(seed), "--lang", "zh"])
    assert english_in(drafted.stderr, ledger_texts) == []


@pytest.mark.parametrize("args", [["status", "--metric", "高新技术企"], ["diff", "2024", "2024"],
                                  ["changes", "--since", "2026-01-01", "--until", "2025-01-01"],
                                  ["report", "--html", ""], ["show", "企业"]])
def test_usage_errors_speak_chinese(args, ledger_texts):
    assert english_in(run(SNAPSHOT, *args), ledger_texts) == []


def test_a_chinese_locale_is_enough(tmp_path, ledger_texts):
    """No --lang and no $SYKJ_TRACK_LANG: LANG=zh_CN.UTF-8 speaks Chinese (a ledger declaring
    nothing), and so does a ledger that declares lang = "zh" under any locale."""
    root = tmp_path / "ledger"
    shutil.copytree(SNAPSHOT, root)
    (root / "targets" / "ledger.toml").unlink()
    env = {"SYKJ_TRACK_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "zh_CN.UTF-8", "COLUMNS": "1000"}
    for args in (["status", *AS_OF], ["audit"], ["diff", "2024", "2024"]):
        result = CliRunner().invoke(main, ["--data", str(root), *args], env=env, prog_name="sykj-track")
        assert english_in(result.output, ledger_texts) == [], (args, result.output)
    declared = CliRunner().invoke(main, ["--data", str(SNAPSHOT), "check", *AS_OF], prog_name="sykj-track",
                                  env={**env, "LANG": "en_US.UTF-8"})
    assert "通过" in declared.output and english_in(declared.output, ledger_texts) == []


def test_no_command_shows_the_help_not_an_error():
    result = CliRunner().invoke(main, [], env={"SYKJ_TRACK_LANG": "zh"}, prog_name="sykj-track")
    assert "命令：" in result.output and "错误" not in result.output


EXAMPLE = re.compile(r"^ +(?:sykj-track|datasette|sqlite-utils|cp) .*?(?= {2,}|$)", re.M)
OPTION = re.compile(r"--[a-z-]+(?: [a-z]+\b)?")  # an option and its value, as typed
HELPS = [[], *([name] for name in sorted(main.commands))]


@pytest.mark.parametrize("how", ["--lang", "SYKJ_TRACK_LANG"])
@pytest.mark.parametrize("command", HELPS, ids=[" ".join(c) or "sykj-track" for c in HELPS])
def test_help_speaks_chinese(command, how, ledger_texts):
    """`--help` of the group and of each command: click's headings, the help text with its examples,
    and every option's help in Chinese, whether --lang or the environment asks for it."""
    args = [*command, "--help", "--lang", "zh"] if how == "--lang" else [*command, "--help"]
    env = {"COLUMNS": "80", "SYKJ_TRACK_LANG": "zh" if how != "--lang" else "en"}
    result = CliRunner().invoke(main, ["--data", str(SNAPSHOT), *args], env=env, prog_name="sykj-track")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("用法：") and "选项：" in result.output and "显示此帮助并退出" in result.output
    # the examples' command lines are typed as they are; what is said beside them is prose
    prose = OPTION.sub(" ", EXAMPLE.sub(" ", result.output))
    prose = re.sub(r"GitHub\s+Actions|Even\s+Better\s+TOML", " ", prose)  # products, as they name themselves
    assert english_in(prose, ledger_texts) == [], prose
    wide = [line for line in result.output.splitlines()
            if _width(line) > 80 and not line.startswith("    ") and re.search("[\u4e00-\u9fff]", line)]
    assert wide == []  # an example, a path or a list of choices may be wider than the terminal; prose never


def _width(line: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_every_command_and_option_has_chinese_help():
    """A new command or option without a Chinese help text fails here."""
    import click

    from sykj_track.i18n_help import command_help, option_help

    missing = []
    for name, command in [("main", main), *sorted(main.commands.items())]:
        if not command_help(name):
            missing.append(name)
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden \
                    and not option_help(name, max(param.opts, key=len)):
                missing.append(f"{name} {max(param.opts, key=len)}")
    assert missing == []


def test_help_wraps_chinese_by_its_width():
    """A Chinese character takes two columns; a closing mark never starts a line, an opening one
    never ends one, and a Latin word is not split."""
    from sykj_track.render.help import wrap

    assert wrap("一二三四五，六", 10) == ["一二三四", "五，六"]
    assert wrap("一二三（四五六）", 8) == ["一二三", "（四五", "六）"]
    assert wrap("一二 targets/ledger.toml 三", 12) == ["一二", "targets/ledger.toml", "三"]


def test_check_help_lists_every_rule_in_chinese():
    """A rule added to ledger/rules.py needs its Chinese line in the help section too."""
    from sykj_track.i18n_help import CHECK_ERRORS, CHECK_WARNINGS
    from sykj_track.ledger.rules import ERRORS, WARNINGS

    assert (len(CHECK_ERRORS), len(CHECK_WARNINGS)) == (len(ERRORS), len(WARNINGS))
