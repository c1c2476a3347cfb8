"""`diff` on hand-made data (one case per flag) and through the CLI."""

import csv
import io
import json
from datetime import date

import pytest
from click.testing import CliRunner

from sykj_track.cli import main
from sykj_track.analysis.diff import diff, years_with_data

from helpers import figure, goal

AS_OF = date(2026, 6, 30)


@pytest.fixture
def plan(data):
    """A report of 2024 results and 2025 goals, like the bureau's yearly work report."""
    data.metric("firms", zh="科技型企业").metric("events", unit="场", kind="flow", zh="路演活动")
    return data


def rows(ledger, a=2024, b=2025, as_of=AS_OF):
    return {(r.metric.id, r.basis): r for r in diff(ledger, a, b, as_of).rows}


def report(data, figures=(), goals=(), published=date(2025, 6, 5), source="r"):
    text = " ".join(r["quote"] for r in (*figures, *goals))
    return data.source(source, published, text, figures=list(figures), goals=list(goals))


@pytest.mark.parametrize("prior, target, rate, flag", [
    (110, 115, 15, "inconsistent-growth"),
    (200, 220, 10, "consistent-growth"),
])
def test_stated_growth_against_the_growth_the_plan_implies(plan, prior, target, rate, flag):
    ledger = report(plan, figures=[figure("firms", 2024, prior, f"现有{prior}家")],
                    goals=[goal("firms", 2025, target, f"达到{target}家"),
                           goal("firms", 2025, rate, f"同比增长{rate}%", unit="%", basis="growth")]).load()
    row = rows(ledger)[("firms", "level")]
    assert row.flags == (flag,)  # no new-goal: the ledger holds no plan for 2024 at all
    assert (row.change, row.change_of, row.implied_from) == (target - prior, "actual→target", "target")
    assert row.stated_growth.target == rate
    assert ("firms", "growth") not in rows(ledger)  # the growth goal rides on the level row


def test_after_a_bound_the_implied_growth_is_an_upper_bound(plan):
    ledger = report(plan, figures=[figure("firms", 2024, 2.5, "突破2.5万家", unit="万家", bound="more_than")],
                    goals=[goal("firms", 2025, 3, "突破3万家", op=">", unit="万家"),
                           goal("firms", 2025, 15, "同比增长15%", unit="%", basis="growth")]).load()
    row = rows(ledger)[("firms", "level")]
    assert "consistent-growth" in row.flags
    assert row.implied_growth.hi == pytest.approx(30000 / 24500 * 100 - 100)
    assert row.implied_growth.lo == -100


def test_growth_is_judged_only_between_neighbouring_years(plan):
    ledger = report(plan, figures=[figure("firms", 2023, 110, "2023年110家")],
                    goals=[goal("firms", 2025, 115, "达到115家"),
                           goal("firms", 2025, 15, "同比增长15%", unit="%", basis="growth")]).load()
    row = rows(ledger, 2023, 2025)[("firms", "level")]
    assert row.implied_growth is not None
    assert not {"consistent-growth", "inconsistent-growth"} & set(row.flags)


def test_target_below_a_figure_already_reported(plan):
    ledger = report(plan, figures=[figure("events", 2024, 1052, "活动1052场", unit="场")],
                    goals=[goal("events", 2025, 1000, "活动1000场", unit="场")]).load()
    row = rows(ledger)[("events", "level")]
    assert "target-below-prior" in row.flags and row.prior.value == 1052


def test_new_dropped_and_status_change(plan):
    report(plan, published=date(2023, 3, 1), source="old", figures=[
        figure("firms", 2022, 4200, "达到4200家"), figure("events", 2022, 900, "活动900场", unit="场")],
        goals=[goal("firms", 2022, 4500, "2022年达到4500家"), goal("events", 2022, 800, "2022年活动800场", unit="场"),
               goal("events", 2023, 1000, "2023年活动1000场", unit="场")])
    report(plan, published=date(2024, 3, 1), source="new", figures=[figure("events", 2023, 1100, "活动1100场",
                                                                           unit="场")],
           goals=[goal("firms", 2024, 5000, "2024年达到5000家")])
    ledger = plan.load()
    found = rows(ledger, 2022, 2023)
    assert found[("firms", "level")].flags == ("dropped-goal",)
    events = found[("events", "level")]
    assert (events.a.verdict.status, events.b.verdict.status) == ("hit", "hit")
    assert events.flags == ()  # hit in both years: no status change; no growth stated
    assert rows(ledger, 2023, 2024)[("firms", "level")].flags == ("new-goal",)
    # 2022 missed (4200 < 4500); 2024 is pending as of mid-2026 with no figure: nothing has changed yet
    unchanged = rows(ledger, 2022, 2024)[("firms", "level")]
    assert (unchanged.a.verdict.status, unchanged.b.verdict.status) == ("miss", "pending")
    assert "status-change" not in unchanged.flags
    report(plan, published=date(2025, 3, 1), source="later", figures=[figure("firms", 2024, 5100, "达到5100家")])
    changed = rows(plan.load(), 2022, 2024)[("firms", "level")]
    assert (changed.a.verdict.status, changed.b.verdict.status) == ("miss", "hit")
    assert "status-change" in changed.flags


def test_a_year_the_ledger_has_no_plan_or_no_figures_for_is_said_once(plan):
    # Results of 2024 and goals of 2025 (no plan for 2024, no figures of 2025): nothing is new or dropped.
    ledger = report(plan, figures=[figure("firms", 2024, 110, "现有110家"), figure("events", 2024, 900, "活动900场",
                                                                                  unit="场")],
                    goals=[goal("firms", 2025, 115, "达到115家")]).load()
    result = diff(ledger, 2024, 2025, AS_OF)
    assert result.lacks == ((2024, "goals"), (2025, "figures"))
    assert not any({"new-goal", "dropped-goal"} & set(r.flags) for r in result.rows)
    # With a plan for 2024 in the ledger, a goal only in 2025 is new again.
    report(plan, published=date(2024, 1, 10), source="plan2024", goals=[goal("events", 2024, 800, "活动800场", unit="场")])
    again = diff(plan.load(), 2024, 2025, AS_OF)
    assert again.lacks == ((2025, "figures"),)
    by_metric = {r.metric.id: r for r in again.rows}
    assert by_metric["firms"].flags == ("new-goal",) and by_metric["events"].flags == ("dropped-goal",)


def test_rows_that_ask_for_a_look_come_first(plan):
    ledger = report(plan, figures=[figure("firms", 2024, 200, "现有200家"), figure("events", 2024, 1052, "活动1052场",
                                                                                  unit="场")],
                    goals=[goal("firms", 2025, 220, "达到220家"), goal("firms", 2025, 10, "同比增长10%", unit="%",
                                                                     basis="growth"),
                           goal("events", 2025, 1000, "活动1000场", unit="场")]).load()
    order = [(r.metric.id, r.flags) for r in diff(ledger, 2024, 2025, AS_OF).rows]
    assert order == [("events", ("target-below-prior",)), ("firms", ("consistent-growth",))]


def test_the_table_says_what_the_ledger_lacks_above_the_rows(cli_data):
    table = run(cli_data, "diff", "2024", "2025", "--as-of", "2026-06-30")
    assert table.output.splitlines()[0].startswith("The ledger records no goals for 2024")
    payload = json.loads(run(cli_data, "diff", "2024", "2025", "--as-of", "2026-06-30", "--format", "json").output)
    assert [(x["year"], x["what"]) for x in payload["lacks"]] == [(2024, "goals"), (2025, "figures")]


def test_years_with_data_respects_as_of(plan):
    ledger = report(plan, figures=[figure("firms", 2024, 100, "现有100家")],
                    goals=[goal("firms", 2025, 120, "达到120家")]).load()
    assert years_with_data(ledger, AS_OF) == [2024, 2025]
    assert years_with_data(ledger, date(2025, 1, 1)) == []


# ---- through the CLI

@pytest.fixture
def cli_data(plan):
    report(plan, figures=[figure("firms", 2024, 110, "现有110家"), figure("events", 2024, 1052, "活动1052场", unit="场")],
           goals=[goal("firms", 2025, 115, "达到115家"), goal("firms", 2025, 15, "同比增长15%", unit="%", basis="growth"),
                  goal("events", 2025, 1000, "活动1000场", unit="场")])
    return str(plan.root)


def run(root, *args):
    return CliRunner().invoke(main, ["--data", root, *args])


def test_cli_json_has_the_documented_shape(cli_data):
    result = run(cli_data, "diff", "2024", "2025", "--as-of", "2026-06-30", "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["years"] == [2024, 2025]
    row = next(r for r in payload["rows"] if r["metric"] == "firms")
    for key in ("metric", "name_zh", "a", "b", "change", "change_pct", "stated_growth", "implied_growth", "flags",
                "quotes"):
        assert key in row
    assert row["a"]["actual"] == 110 and row["b"]["target"] == 115 and row["change"] == 5
    assert row["flags"] == ["inconsistent-growth"]
    assert row["implied_growth"]["value"] == pytest.approx(4.55, abs=0.01)
    assert {q["role"] for q in row["quotes"]} == {"a.actual", "b.target", "b.stated_growth"}


def test_cli_table_csv_metric_and_only_flagged(cli_data):
    table = run(cli_data, "diff", "2024", "2025", "--as-of", "2026-06-30", "-v")
    assert table.exit_code == 0 and "inconsistent-growth" in table.output and "「现有110家」" in table.output
    out = run(cli_data, "diff", "2024", "2025", "--as-of", "2026-06-30", "--format", "csv", "--metric", "路演活动")
    (row,) = list(csv.DictReader(io.StringIO(out.output)))
    assert (row["metric"], row["flags"]) == ("events", "target-below-prior")
    flagged = run(cli_data, "diff", "2024", "2025", "--as-of", "2026-06-30", "--only-flagged", "--format", "json")
    assert all(r["flags"] for r in json.loads(flagged.output)["rows"])


def test_cli_years_without_data_and_bad_input(cli_data):
    result = run(cli_data, "diff", "2019", "2025", "--as-of", "2026-06-30")
    assert result.exit_code == 1
    assert "no goal or figure for 2019" in result.output and "Years with data: 2024, 2025" in result.output
    same = run(cli_data, "diff", "2025", "2025")
    assert same.exit_code == 2 and "same year" in same.output
    unknown = run(cli_data, "diff", "2024", "2025", "--metric", "nonesuch", "--as-of", "2026-06-30")
    assert unknown.exit_code == 2 and "no metric called" in unknown.output
    assert "Traceback" not in result.output + same.output + unknown.output


def test_cli_help_teaches_with_examples():
    for command, words in (("diff", ("Examples:", "inconsistent-growth", "--only-flagged")),
                           ("audit", ("Examples:", "increment-mismatch", "conflicting-figures"))):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and all(w in result.output for w in words)


def test_cli_audit_json_and_kind_filter(cli_data):
    result = run(cli_data, "audit", "--format", "json")
    assert result.exit_code == 0, result.output
    kinds = [f["kind"] for f in json.loads(result.output)["findings"]]
    assert sorted(kinds) == ["growth-mismatch", "target-below-prior"]
    only = json.loads(run(cli_data, "audit", "--format", "json", "--kind", "growth-mismatch").output)
    assert [f["kind"] for f in only["findings"]] == ["growth-mismatch"]
    table = run(cli_data, "audit")
    assert "2 finding(s)" in table.output and "「同比增长15%」" in table.output


OTHER = "沈阳市工业和信息化局"


@pytest.fixture
def two_agencies(plan):
    """2025: the bureau's own plan and another agency's goals from a press conference; 2026: the
    bureau's plan alone, with one goal of its own dropped."""
    plan.metric("robots", zh="机器人企业")
    report(plan, published=date(2025, 1, 20), source="plan2025",
           goals=[goal("firms", 2025, 115, "科技型企业达到115家"), goal("events", 2025, 800, "路演活动800场", unit="场")])
    report(plan, published=date(2025, 6, 5), source="press", goals=[goal("robots", 2025, 50, "机器人企业达到50家",
                                                                          agency=OTHER)])
    report(plan, published=date(2026, 1, 20), source="plan2026", goals=[goal("firms", 2026, 130, "科技型企业达到130家")])
    return plan


def test_a_goal_is_dropped_only_against_a_plan_of_its_own_agency(two_agencies):
    result = diff(two_agencies.load(), 2025, 2026, AS_OF)
    flags = {r.metric.id: r.flags for r in result.rows}
    assert flags["events"] == ("dropped-goal",)  # the bureau's own plan for 2026 leaves it out
    assert flags["robots"] == ()  # the bureau's plan would never restate another agency's goal
    assert result.lacks_agency == ((2026, OTHER),)
    # The other way round, the other agency's goal is not new against a year without its plan.
    back = diff(two_agencies.load(), 2026, 2025, AS_OF)
    assert {r.metric.id: r.flags for r in back.rows}["robots"] == ()
    assert {r.metric.id: r.flags for r in back.rows}["events"] == ("new-goal",)
    assert back.lacks_agency == ((2026, OTHER),)


def test_a_year_with_a_plan_of_each_agency_flags_both(two_agencies):
    report(two_agencies, published=date(2026, 2, 1), source="press2026",
           goals=[goal("firms", 2026, 20, "工业企业20家", agency=OTHER)])
    result = diff(two_agencies.load(), 2025, 2026, AS_OF)
    assert result.lacks_agency == ()
    assert {r.metric.id: r.flags for r in result.rows}["robots"] == ("dropped-goal",)


def test_the_table_says_once_which_agency_has_no_plan(two_agencies):
    args = ["--data", str(two_agencies.root), "diff", "2025", "2026", "--as-of", "2026-06-30"]
    table = CliRunner().invoke(main, args, catch_exceptions=False).output
    line = f"The ledger records goals for 2026, but none of {OTHER}: its goals for 2025 are not"
    assert table.count(line) == 1 and table.index(line) < table.index("robots")
    zh = CliRunner().invoke(main, [*args, "--lang", "zh"], catch_exceptions=False).output
    assert f"台账中有2026年的目标，但没有{OTHER}的" in zh
    payload = json.loads(CliRunner().invoke(main, [*args, "--format", "json"], catch_exceptions=False).output)
    assert [(x["year"], x["what"], x.get("agency")) for x in payload["lacks"]] == [
        (2025, "figures", None), (2026, "figures", None), (2026, "agency-goals", OTHER)]
