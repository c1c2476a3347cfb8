"""changes --since/--until: verdicts that changed between two as-of dates, and the reports that changed them."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sykj_track.analysis.changes import changes
from sykj_track.cli import main

from helpers import SNAPSHOT, figure, goal

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")


@pytest.fixture
def newsroom(data):
    data.metric("hitech_enterprises", zh="高新技术企业数量")
    data.metric("tech_contract_value", unit="亿元", kind="flow", zh="技术合同成交额")
    data.source("plan", date(2021, 12, 31), "2022年高新技术企业达到4500家，技术合同成交额达到360亿元，2023年高新技术企业达到5000家。",
                goals=[goal("hitech_enterprises", 2022, 4500, "高新技术企业达到4500家"),
                       goal("tech_contract_value", 2022, 360, "技术合同成交额达到360亿元", unit="亿元"),
                       goal("hitech_enterprises", 2023, 5000, "2023年高新技术企业达到5000家")])
    data.source("estimate", date(2022, 12, 30), "预计全年技术合同成交额达到380亿元。",
                figures=[figure("tech_contract_value", 2022, 380, "预计全年技术合同成交额达到380亿元", unit="亿元",
                                estimate=True)], url="https://example.org/estimate")
    data.source("news", date(2023, 3, 8), "高新技术企业达到4200家。技术合同成交额400亿元。今年高新技术企业达到4800家。",
                figures=[figure("hitech_enterprises", 2022, 4200, "高新技术企业达到4200家"),
                         figure("tech_contract_value", 2022, 400, "技术合同成交额400亿元", unit="亿元")],
                goals=[goal("hitech_enterprises", 2023, 4800, "今年高新技术企业达到4800家")])
    return data


def by_goal(found):
    return {c.id: c for c in found}


def test_a_report_decides_a_goal_and_is_named_with_its_quote(newsroom):
    found = by_goal(changes(newsroom.load(), date(2023, 1, 1), date(2023, 6, 30)))
    miss = found["2022:hitech_enterprises:level"]
    assert (miss.kind, miss.before.status, miss.after.status) == ("decided", "pending", "miss")
    assert (miss.report.id, miss.quotes, miss.when) == ("news", ("高新技术企业达到4200家",), date(2023, 3, 8))


def test_a_restated_target_is_a_revision(newsroom):
    found = by_goal(changes(newsroom.load(), date(2023, 1, 1), date(2023, 6, 30)))
    revised = found["2023:hitech_enterprises:level"]
    assert revised.kind == "revised"
    assert (revised.before.goal.target, revised.after.goal.target) == (5000, 4800)
    assert revised.quotes == ("今年高新技术企业达到4800家",)


def test_an_estimate_confirmed_by_the_final_figure_is_new_evidence(newsroom):
    ledger = newsroom.load()
    first = by_goal(changes(ledger, date(2022, 6, 30), date(2023, 1, 1)))["2022:tech_contract_value:level"]
    assert (first.kind, first.after.status, first.after.evidence, first.report.id) == (
        "decided", "hit", "estimate", "estimate")
    later = by_goal(changes(ledger, date(2023, 1, 1), date(2023, 6, 30)))["2022:tech_contract_value:level"]
    assert (later.kind, later.after.evidence, later.report.id) == ("evidence", "final", "news")


def test_new_goals_and_overdue_goals(newsroom):
    ledger = newsroom.load()
    found = by_goal(changes(ledger, date(2021, 6, 30), date(2022, 6, 30)))
    assert {c.kind for c in found.values()} == {"new"}
    assert found["2022:hitech_enterprises:level"].report.id == "plan"
    # Without the newspaper, the year ends with no figure: the calendar, not a report, changes it.
    overdue = by_goal(changes(ledger, date(2022, 6, 30), date(2023, 1, 2)))["2022:hitech_enterprises:level"]
    assert (overdue.kind, overdue.report, overdue.when) == ("overdue", None, date(2023, 1, 1))


def test_nothing_changes_between_two_days_without_a_report(newsroom):
    assert changes(newsroom.load(), date(2023, 3, 9), date(2023, 12, 31)) == []


def test_each_step_is_its_own_change(newsroom):
    """pending -> hit (estimate) -> hit (final): two changes, each on its report's day, in any window."""
    steps = [c for c in changes(newsroom.load(), date(2022, 6, 30), date(2023, 6, 30))
             if c.id == "2022:tech_contract_value:level"]
    assert [(c.when, c.kind, c.report.id, c.after.evidence) for c in steps] == [
        (date(2022, 12, 30), "decided", "estimate", "estimate"), (date(2023, 3, 8), "evidence", "news", "final")]


def test_a_goal_for_next_year_is_new_and_not_due_and_overdue_on_1_january(data):
    """`after` is the verdict on the change's own day, and the calendar's step is an entry of its own,
    however long the window."""
    data.metric("chokepoint", unit="项", zh="关键核心技术攻关")
    data.source("plan", date(2018, 12, 18), "2019年攻克关键核心技术10项。",
                goals=[goal("chokepoint", 2019, 10, "2019年攻克关键核心技术10项", unit="项")])
    ledger = data.load()
    for since, until in ((date(2018, 1, 1), date(2026, 1, 1)), (date(2018, 12, 1), date(2018, 12, 31)),
                         (date(2018, 12, 17), date(2020, 1, 1))):
        found = changes(ledger, since, until)
        new = found[0]
        assert (new.kind, new.when, new.after.status, new.after.reason) == ("new", date(2018, 12, 18), "pending",
                                                                            "not-due")
        if until >= date(2020, 1, 1):
            overdue = found[1]
            assert (overdue.kind, overdue.when, overdue.report) == ("overdue", date(2020, 1, 1), None)
            assert (overdue.before.reason, overdue.after.reason) == ("not-due", "no-figure")
        assert len(found) == (2 if until >= date(2020, 1, 1) else 1)
    only_overdue = changes(ledger, date(2019, 12, 1), date(2020, 2, 1))
    assert [(c.kind, c.when) for c in only_overdue] == [("overdue", date(2020, 1, 1))]


def test_a_change_has_the_same_record_in_every_window_that_holds_its_day(newsroom):
    from sykj_track.render.changes import change_record

    ledger = newsroom.load()
    windows = [(date(2021, 1, 1), date(2024, 6, 30)), (date(2022, 12, 31), date(2023, 3, 8)),
               (date(2023, 3, 7), date(2023, 3, 9))]
    seen = [{c.entry_id: change_record(c) for c in changes(ledger, since, until)} for since, until in windows]
    for entry_id, record in seen[2].items():
        assert seen[0][entry_id] == seen[1][entry_id] == record


def test_until_must_follow_since(newsroom):
    with pytest.raises(ValueError):
        changes(newsroom.load(), date(2023, 1, 1), date(2023, 1, 1))
    result = CliRunner().invoke(main, ["--data", str(newsroom.root), "changes", "--since", "2023-06-30",
                                       "--until", "2023-01-01"])
    assert result.exit_code == 2 and "not after" in result.output


def run(newsroom, *args):
    result = CliRunner().invoke(main, ["--data", str(newsroom.root), "changes", "--lang", "zh", *args],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_json_lines(newsroom):
    lines = run(newsroom, "--since", "2023-01-01", "--until", "2023-06-30", "--format", "json").splitlines()
    records = [json.loads(line) for line in lines]
    assert [(r["goal"], r["kind"]) for r in records] == [
        ("2022:hitech_enterprises:level", "decided"), ("2022:tech_contract_value:level", "evidence"),
        ("2023:hitech_enterprises:level", "revised")]
    assert records[0]["before"]["status"] == "pending" and records[0]["after"]["status"] == "miss"
    assert records[0]["report"]["id"] == "news" and records[0]["quotes"] == ["高新技术企业达到4200家"]


def test_text_names_the_report_and_quotes_it(newsroom):
    text = run(newsroom, "--since", "2023-01-01", "--until", "2023-06-30", "--kind", "decided")
    assert "2022 高新技术企业数量 ≥ 4500 家: 逾期未报 → 未达成 [有了结论]" in text
    assert "「高新技术企业达到4200家」" in text and "revised" not in text


# RFC 4151: tag:authority,date:specific, with the specific part percent-encoded to plain URI characters.
TAG_URI = re.compile(r"tag:[a-z0-9][a-z0-9.-]*,\d{4}(-\d\d(-\d\d)?)?:[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]+")


def atom_feed(text: str) -> ET.Element:
    """Parse the feed and check what RFC 4287 requires of it (4.1.1 feed, 4.1.2 entry, 3.3 dates,
    4.2.6 ids); return the root."""
    feed = ET.fromstring(text.encode("utf-8"))
    assert feed.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{tag}")) == 1, tag
    for tag in ("subtitle", "generator", "rights", "icon", "logo"):
        assert len(feed.findall(f"{ATOM}{tag}")) <= 1, tag
    feed_author = feed.find(f"{ATOM}author/{ATOM}name") is not None and feed.findtext(f"{ATOM}author/{ATOM}name")
    assert RFC3339.fullmatch(feed.findtext(f"{ATOM}updated"))
    ids = [feed.findtext(f"{ATOM}id")]
    for entry in feed.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{tag}")) == 1, tag
        for tag in ("content", "summary", "published"):
            assert len(entry.findall(f"{ATOM}{tag}")) <= 1, tag
        assert feed_author or entry.findtext(f"{ATOM}author/{ATOM}name"), "an entry with no author"
        assert RFC3339.fullmatch(entry.findtext(f"{ATOM}updated"))
        alternate = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        content = entry.find(f"{ATOM}content")
        assert content is not None or alternate, "an entry needs content or an alternate link"
        assert len(alternate) <= 1 and all(link.get("href") for link in entry.findall(f"{ATOM}link"))
        if content is not None:
            assert content.get("type", "text") == "text" and len(content) == 0 and content.text
        ids.append(entry.findtext(f"{ATOM}id"))
    assert all(TAG_URI.fullmatch(i) for i in ids), ids
    assert len(set(ids)) == len(ids)
    return feed


def entries(feed: ET.Element) -> dict[str, tuple[str, str]]:
    return {e.findtext(f"{ATOM}id"): (e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}content"))
            for e in feed.iter(f"{ATOM}entry")}


def test_atom_feed_is_valid_and_its_entries_the_same_in_any_window(newsroom):
    narrow = atom_feed(run(newsroom, "--since", "2023-01-01", "--until", "2023-06-30", "--format", "atom"))
    wide = atom_feed(run(newsroom, "--since", "2022-06-30", "--until", "2024-01-01", "--format", "atom"))
    assert entries(narrow).items() <= entries(wide).items()
    title, content = next(v for v in entries(narrow).values() if "4500" in v[0])
    assert title == "2022 高新技术企业数量 ≥ 4500 家: 逾期未报 → 未达成 [有了结论]"
    assert content.splitlines()[0] == title and "「高新技术企业达到4200家」" in content
    # The change the estimate made links to its report; changes by a report with no url need none.
    linked = [e for e in wide.iter(f"{ATOM}entry") if e.find(f"{ATOM}link") is not None]
    assert [e.find(f"{ATOM}link").attrib for e in linked] == [
        {"href": "https://example.org/estimate", "rel": "alternate"}]
    assert "2022-12-30" in linked[0].findtext(f"{ATOM}id")


def test_atom_ids_stay_when_the_ledger_is_renamed(newsroom):
    args = ("--since", "2021-01-01", "--until", "2024-01-01", "--format", "atom")
    before = atom_feed(run(newsroom, *args))
    (newsroom.root / "targets" / "ledger.toml").write_text('name = "另一个名字"\nagency = "沈阳市科学技术局"\n',
                                                           encoding="utf-8")
    after = atom_feed(run(newsroom, *args))
    assert before.findtext(f"{ATOM}title") != after.findtext(f"{ATOM}title")
    assert before.findtext(f"{ATOM}id") == after.findtext(f"{ATOM}id")
    assert list(entries(before)) == list(entries(after))


def test_a_feed_reader_reads_the_feed(newsroom):
    """feedparser (the feed library most readers in Python use) finds no error and every entry whole."""
    feedparser = pytest.importorskip("feedparser")
    parsed = feedparser.parse(run(newsroom, "--since", "2021-01-01", "--until", "2024-01-01", "--format", "atom"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10" and parsed.feed.id.startswith("tag:") and parsed.feed.author == "sykj-track"
    assert parsed.entries and all(e.id.startswith("tag:") and e.content[0].value.startswith(e.title)
                                  for e in parsed.entries)
    assert [link.href for e in parsed.entries for link in e.get("links", [])] == ["https://example.org/estimate"]


def test_atom_feed_stays_well_formed_with_control_characters(data):
    data.metric("m", zh="指标\x1b[31m")
    data.source("plan", date(2021, 12, 31), "达到10家\x0c。", goals=[goal("m", 2022, 10, "达到10家\x0c")])
    atom_feed(CliRunner().invoke(main, ["--data", str(data.root), "changes", "--since", "2021-01-01",
                                        "--until", "2022-01-01", "--format", "atom"]).output)


# --- the bundled reports, through the frozen snapshot ------------------------------------------------

def test_what_the_2023_newspaper_changed(real_ledger):
    newspaper = next(s for s in real_ledger.sources if s.id == "2023-newspaper")
    day_before = date.fromordinal(newspaper.published.toordinal() - 1)
    found = changes(real_ledger, day_before, newspaper.published)
    assert found and {c.report.id for c in found} == {"2023-newspaper"}
    decided = {c.id: (c.before.status, c.after.status, c.quotes) for c in found if c.kind == "decided"}
    assert decided["2022:hitech_enterprises:level"] == ("pending", "miss", ("高新技术企业达到 4200家",))
    assert {c.kind for c in found} <= {"new", "decided", "revised", "evidence"}
    # Every change it made rests on its own words.
    seed = (SNAPSHOT / newspaper.file).read_text(encoding="utf-8")
    squeeze = lambda text: re.sub(r"\s+", "", text)  # noqa: E731
    assert all(squeeze(q) in squeeze(seed) for c in found for q in c.quotes)


def test_readme_excerpt_is_the_real_output():
    """README shows what the 2023 newspaper changed; the frozen snapshot still prints it."""
    from helpers import REPO

    result = CliRunner().invoke(main, ["--data", str(SNAPSHOT), "changes", "--since", "2023-03-07", "--until",
                                       "2023-03-08", "--kind", "decided", "--lang", "zh"], catch_exceptions=False)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    excerpt = readme.split("$ sykj-track changes --since 2023-03-07 --until 2023-03-08 --kind decided\n", 1)[1]
    shown = [line for line in excerpt.split("```", 1)[0].splitlines()
             if line.strip() and line.strip() not in ("...", "…")]
    assert shown and all(line in result.output.splitlines() for line in shown), result.output


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dates(date(2017, 1, 1), date(2027, 1, 1)), st.dates(date(2017, 1, 1), date(2027, 1, 1)),
       st.dates(date(2017, 1, 1), date(2027, 1, 1)))
def test_a_window_lists_the_changes_of_its_halves(real_ledger, a, b, c):
    """Split a window at any day: its changes are those of the first half, then those of the second,
    entry for entry (what a feed says of a day does not depend on the dates asked for)."""
    from sykj_track.render.changes import change_record

    since, middle, until = sorted((a, b, c))
    if not since < middle < until:
        return
    whole = [change_record(c) for c in changes(real_ledger, since, until)]
    halves = [change_record(c) for c in (*changes(real_ledger, since, middle), *changes(real_ledger, middle, until))]
    assert whole == halves
    assert all(since.isoformat() < r["date"] <= until.isoformat() for r in whole)
