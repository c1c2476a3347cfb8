"""Whose ledger it is: targets/ledger.toml, its errors, and the neutral default."""

from __future__ import annotations

from datetime import date

from helpers import REPO, goal

from sykj_track.ledger.identity import NEUTRAL, LedgerIdentity, load_identity, read_identity, render_identity_toml
from sykj_track.analysis.reconcile import reconcile


def write(data, text: str) -> None:
    (data.root / "targets" / "ledger.toml").write_text(text, encoding="utf-8")


def test_the_bundled_ledger_declares_its_bureau():
    identity = load_identity(REPO)
    assert identity.agency == "沈阳市科学技术局"
    assert identity.region == "沈阳市" and identity.lang == "zh"
    assert read_identity(REPO)[1] == []


def test_no_ledger_toml_gives_the_neutral_identity(data):
    data.metric("platforms")
    assert read_identity(data.root) == (NEUTRAL, [])
    assert NEUTRAL.agency == "" and NEUTRAL.name == "" and NEUTRAL.title == ""


def test_every_field_is_read(data):
    data.metric("platforms")
    write(data, 'name = "大连台账"\nagency = "大连市科学技术局"\nregion = "大连市"\nlang = "en"\n')
    assert load_identity(data.root) == LedgerIdentity("大连台账", "大连市科学技术局", "大连市", "en")


def test_an_unknown_key_gets_did_you_mean_with_its_line(data):
    data.metric("platforms")
    write(data, 'agency = "大连市科学技术局"\n\nagnecy = "x"\nregoin = "大连市"\n')
    identity, problems = read_identity(data.root)
    assert identity.agency == "大连市科学技术局"
    assert [(p.where.line, p.message, p.hint) for p in problems] == [
        (3, "unknown field `agnecy` in ledger.toml", "did you mean `agency`?"),
        (4, "unknown field `regoin` in ledger.toml", "did you mean `region`?")]
    assert all(p.where.file == "targets/ledger.toml" for p in problems)


def test_wrong_types_a_missing_agency_and_a_bad_lang_are_errors_with_a_fix(data):
    data.metric("platforms")
    write(data, 'name = 3\nlang = "fr"\n')
    identity, problems = read_identity(data.root)
    assert identity == NEUTRAL  # what is broken falls back to the default
    assert sorted((p.where.line, p.message) for p in problems) == [
        (1, "`name` is a number, not a string"), (1, "ledger.toml names no agency: the agency most sources declare is taken as the ledger's own"), (2, "`lang` is 'fr'")]
    assert all(p.hint for p in problems)


def test_invalid_toml_is_a_problem_not_a_traceback(data):
    data.metric("platforms")
    write(data, 'agency = "大连市科学技术局\n')
    identity, problems = read_identity(data.root)
    assert identity == NEUTRAL and len(problems) == 1 and problems[0].where.line == 1
    assert "not valid TOML" in problems[0].message


def test_ledger_toml_is_no_source_file_and_its_problems_reach_check(data):
    data.metric("platforms").source("r", date(2024, 1, 1), "平台达到5个。", goals=[
        goal("platforms", 2024, 5, "平台达到5个", unit="个")])
    write(data, 'agency = "沈阳市科学技术局"\nlnag = "zh"\n')
    from sykj_track.ledger.load import load

    ledger, problems = load(data.root)
    assert [p.message for p in problems] == ["unknown field `lnag` in ledger.toml"]
    assert len(ledger.sources) == 1 and ledger.identity.agency == "沈阳市科学技术局"


def test_only_goals_of_another_agency_are_outside(data):
    data.metric("platforms", unit="个")
    data.source("plan", date(2024, 1, 1), "平台达到5个。园区平台达到9个。", agency="大连市科学技术局", goals=[
        goal("platforms", 2024, 5, "平台达到5个", unit="个"),
        goal("platforms", 2024, 9, "园区平台达到9个", unit="个", agency="大连市工业和信息化局")])
    write(data, 'agency = "大连市科学技术局"\nregion = "大连市"\n')
    verdicts = reconcile(data.load(), date(2024, 6, 1)).verdicts
    assert [(v.goal.agency, v.outside, v.id) for v in verdicts] == [
        ("大连市科学技术局", False, "2024:platforms:level"),
        ("大连市工业和信息化局", True, "2024:platforms:level:大连市工业和信息化局")]


def test_without_ledger_toml_the_agency_most_sources_declare_is_the_own_one(data):
    data.metric("platforms", unit="个")
    for n in (1, 2):
        data.source(f"r{n}", date(2024, n, 1), "平台达到5个。", agency="大连市科学技术局",
                    goals=[goal("platforms", 2024 + n, 5, "平台达到5个", unit="个")])
    data.source("r3", date(2024, 3, 1), "平台达到5个。", agency="大连市工业和信息化局",
                goals=[goal("platforms", 2026, 5, "平台达到5个", unit="个")])
    ledger = data.load()
    assert ledger.identity.agency == "大连市科学技术局" and ledger.identity.name == ""
    outside = {v.goal.agency: v.outside for v in reconcile(ledger, date(2024, 6, 1)).verdicts}
    assert outside == {"大连市科学技术局": False, "大连市工业和信息化局": True}


def test_short_drops_the_region_and_nothing_else():
    identity = LedgerIdentity(agency="大连市科学技术局", region="大连市")
    assert identity.short("大连市工业和信息化局") == "工业和信息化局"
    assert identity.short("沈阳市工业和信息化局") == "沈阳市工业和信息化局"
    assert identity.short("大连市") == "大连市"
    assert NEUTRAL.short("大连市工业和信息化局") == "大连市工业和信息化局"


def test_the_written_file_reads_back(data):
    data.metric("platforms")
    identity = LedgerIdentity('引号"台账', "大连市科学技术局", "大连市", "zh")
    write(data, render_identity_toml(identity))
    assert read_identity(data.root) == (identity, [])
