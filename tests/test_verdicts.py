"""Verdict rules that must hold on data not seen yet: figure preference, derived values (open,
too wide, levels from growth or a net increase), overdue goals and revealed goals in the hit rate."""

from datetime import date

import pytest
from click.testing import CliRunner

from sykj_track.cli import main
from sykj_track.model import Summary
from sykj_track.analysis.reconcile import best_figure, reconcile
from sykj_track.render import render_csv, render_json, render_table, status_label

from helpers import figure, goal

AS_OF = date(2026, 6, 30)


@pytest.fixture
def m(data):
    return (data.metric("contracts", unit="亿元", kind="flow")
            .metric("firms", zh="科技型企业")
            .metric("platforms", unit="个", zh="创新平台")
            .metric("certified", zh="高新技术企业")
            .metric("netfirms", zh="科技企业", increments="net"))


def one(result, **match):
    found = [v for v in result.verdicts if all(getattr(v.goal, k) == val for k, val in match.items())
             and v.status != "superseded"]
    assert len(found) == 1, found
    return found[0]


def contracts_goal(m, target=770, year=2025):
    m.source("plan", date(year, 1, 1), f"成交额超过{target}亿元",
             goals=[goal("contracts", year, target, f"成交额超过{target}亿元", op=">", unit="亿元")])


# ---- figure preference: full year first, then final, then exact, then later publication

def test_a_full_year_estimate_beats_a_later_partial_final_figure(m):
    contracts_goal(m)
    m.source("summary", date(2026, 2, 1), "预计全年成交额760亿元",
             figures=[figure("contracts", 2025, 760, "预计全年成交额760亿元", unit="亿元", estimate=True)])
    m.source("article", date(2026, 3, 1), "截至9月底成交额512.6亿元",
             figures=[figure("contracts", 2025, 512.6, "截至9月底成交额512.6亿元", unit="亿元", as_of=date(2025, 9, 30))])
    v = one(reconcile(m.load(), AS_OF))
    assert (v.status, v.actual, v.evidence) == ("miss", 760, "estimate")


def test_partial_figures_decide_only_without_a_full_year_one_the_later_cutoff_first(m):
    contracts_goal(m)
    m.source("a", date(2025, 10, 1), "截至9月底成交额512.6亿元 截至11月底成交额780亿元", figures=[
        figure("contracts", 2025, 512.6, "截至9月底成交额512.6亿元", unit="亿元", as_of=date(2025, 9, 30)),
        figure("contracts", 2025, 780, "截至11月底成交额780亿元", unit="亿元", as_of=date(2025, 11, 30),
               estimate=True)])
    v = one(reconcile(m.load(), AS_OF))
    assert (v.status, v.actual, v.evidence) == ("hit", 780, "partial")


def test_preference_order_step_by_step(m):
    ledger = m.source("r", date(2026, 3, 1), "甲 乙", figures=[
        figure("contracts", 2025, 700, "甲700", unit="亿元", estimate=True),
        figure("contracts", 2025, 690, "乙690", unit="亿元", bound="more_than"),
        figure("contracts", 2025, 710, "丙710", unit="亿元", as_of=date(2025, 12, 20))]).load()
    by_value = {f.value: f for f in ledger.figures}
    assert best_figure(list(ledger.figures)).value == 690  # full year and final over estimate, bound or not
    assert best_figure([by_value[700], by_value[710]]).value == 700  # full-year estimate over partial final
    assert best_figure([by_value[710]]).value == 710


# ---- derived values: a number only when the interval decides

def growth_goal(m, metric="firms", year=2025, target=15):
    m.source("plan", date(year, 1, 1), f"同比增长{target}%",
             goals=[goal(metric, year, target, f"同比增长{target}%", unit="%", basis="growth")])


def test_open_derived_growth_is_inconclusive_with_no_number(m):
    growth_goal(m)
    m.source("r24", date(2025, 3, 1), "科技型企业总数突破2.5万家",
             figures=[figure("firms", 2024, 2.5, "科技型企业总数突破2.5万家", unit="万家", bound="more_than")])
    m.source("r25", date(2026, 3, 1), "科技型企业突破3万家",
             figures=[figure("firms", 2025, 3, "科技型企业突破3万家", unit="万家", bound="more_than", estimate=True)])
    ledger = m.load()
    v = one(reconcile(ledger, AS_OF))
    assert (v.status, v.reason, v.evidence) == ("pending", "inconclusive", "derived")
    assert v.actual is None and v.attainment is None
    assert v.actual_interval == (float("-inf"), float("inf"))
    record = [g for g in __import__("json").loads(render_json([v], AS_OF))["goals"]][0]
    assert record["actual"] is None and record["actual_interval"] == {"lo": None, "hi": None}
    assert record["attainment"] is None
    table = render_table([v], AS_OF, verbose=True)
    assert "—" in table and "-100" not in table and "derived any value" in table


def test_bounded_derived_growth_too_wide_to_decide_shows_its_range(m):
    growth_goal(m, target=20)
    m.source("r", date(2026, 3, 1), "2024年约100家 2025年约120家", figures=[
        figure("firms", 2024, 100, "2024年约100家", bound="about"),
        figure("firms", 2025, 120, "2025年约120家", bound="about")])
    v = one(reconcile(m.load(), AS_OF))
    assert (v.status, v.reason, v.actual) == ("pending", "inconclusive", None)
    lo, hi = v.actual_interval
    assert lo < 20 < hi
    assert "—" in render_table([v], AS_OF) and "inconclusive" in render_table([v], AS_OF)
    assert ";" not in render_csv([v]).splitlines()[1].split(",")[COLUMN("actual_interval")]


def COLUMN(name):  # noqa: N802 - reads as the constant it indexes
    from sykj_track.render import COLUMNS
    return COLUMNS.index(name)


def test_an_open_derived_value_that_decides_gives_its_bound_not_a_point(m):
    growth_goal(m, target=30)
    m.source("r", date(2026, 3, 1), "2024年突破2.5万家 2025年2.8万家", figures=[
        figure("firms", 2024, 2.5, "2024年突破2.5万家", unit="万家", bound="more_than"),
        figure("firms", 2025, 2.8, "2025年2.8万家", unit="万家")])
    v = one(reconcile(m.load(), AS_OF))
    # 2.8万 (27500–28500) over more than 2.5万 (above 24500): at most 16.3%, whatever the earlier level was.
    assert (v.status, v.actual_bound, v.attainment) == ("miss", "at_most", None)
    assert v.actual == pytest.approx(28500 / 24500 * 100 - 100)


def test_derived_rounding_counts(m):
    growth_goal(m, target=13)
    m.source("r", date(2026, 3, 1), "2024年1.00万家 2025年1.13万家", figures=[
        figure("firms", 2024, 1.00, "2024年1.00万家", unit="万家"),
        figure("firms", 2025, 1.13, "2025年1.13万家", unit="万家")])
    v = one(reconcile(m.load(), AS_OF))
    # 11250–11350 over 9950–10050: 11.9% to 14.1% straddles 13%.
    assert (v.status, v.reason) == ("pending", "inconclusive")


# ---- derived levels: last year's level from this year's level and its growth or net increase

def level_goal(m, metric, target, year=2023, unit="家"):
    m.source("plan", date(year, 1, 1), f"达到{target}{unit}",
             goals=[goal(metric, year, target, f"达到{target}{unit}", unit=unit)])


def test_level_derived_from_next_years_level_and_growth(m):
    level_goal(m, "platforms", 1500, unit="个")
    m.source("r", date(2025, 6, 5), "各级各类创新平台1710个,同比增长13%", figures=[
        figure("platforms", 2024, 1710, "各级各类创新平台1710个", unit="个"),
        figure("platforms", 2024, 13, "同比增长13%", unit="%", basis="growth")])
    v = one(reconcile(m.load(), AS_OF))
    assert (v.status, v.evidence, v.actual_bound) == ("hit", "derived", "about")
    lo, hi = v.actual_interval
    assert (round(lo, 1), round(hi, 1)) == (1506.6, 1520.0)
    assert [f.basis for f in v.derived_from] == ["level", "growth"]
    verbose = render_table([v], AS_OF, verbose=True)
    assert "各级各类创新平台1710个" in verbose and "同比增长13%" in verbose


def test_level_too_close_to_the_target_stays_inconclusive(m):
    level_goal(m, "platforms", 1515, unit="个")
    m.source("r", date(2025, 6, 5), "平台1710个,同比增长13%", figures=[
        figure("platforms", 2024, 1710, "平台1710个", unit="个"),
        figure("platforms", 2024, 13, "同比增长13%", unit="%", basis="growth")])
    v = one(reconcile(m.load(), AS_OF))
    assert (v.status, v.reason, v.actual) == ("pending", "inconclusive", None)


def test_an_increase_implies_a_level_only_where_the_metric_says_increases_are_net(m):
    level_goal(m, "certified", 5000)
    level_goal_text = "科技企业达到5000家"
    m.source("plan2", date(2023, 1, 2), level_goal_text, goals=[goal("netfirms", 2023, 5000, level_goal_text)])
    m.source("r", date(2025, 6, 5), "高企5902家 新增850家 科技企业5902家 增加850家", figures=[
        figure("certified", 2024, 5902, "高企5902家"), figure("certified", 2024, 850, "新增850家", basis="increment"),
        figure("netfirms", 2024, 5902, "科技企业5902家"),
        figure("netfirms", 2024, 850, "增加850家", basis="increment")])
    result = reconcile(m.load(), AS_OF)
    gross, net = one(result, metric="certified"), one(result, metric="netfirms")
    assert (gross.status, gross.reason) == ("pending", "no-figure")  # 新增 certifications: others may lapse
    assert (net.status, net.actual, net.evidence) == ("hit", 5052, "derived")


def test_of_two_derived_levels_the_narrower_decides(m):
    # 1000家 after growth of 5% (4.5–5.5%) was 947.9–956.9; after a net increase of 45家 it was 955.
    level_goal(m, "netfirms", 953)
    m.source("r", date(2025, 6, 5), "科技企业1000家,同比增长5%,净增45家", figures=[
        figure("netfirms", 2024, 1000, "科技企业1000家"),
        figure("netfirms", 2024, 5, "同比增长5%", unit="%", basis="growth"),
        figure("netfirms", 2024, 45, "净增45家", basis="increment")])
    v = one(reconcile(m.load(), AS_OF))
    assert (v.status, v.evidence, v.actual, v.actual_bound) == ("hit", "derived", 955, "exact")
    assert [f.basis for f in v.derived_from] == ["level", "increment"]


def test_a_partial_figure_of_a_stock_proves_nothing_so_the_derived_value_speaks(m):
    # 平台 are a stock: 1600 by June may be fewer by December. 1710 after 13% growth is 1506.6–1520.
    level_goal(m, "platforms", 1515, unit="个")
    m.source("mid", date(2023, 7, 1), "截至6月平台1600个", figures=[
        figure("platforms", 2023, 1600, "截至6月平台1600个", unit="个", as_of=date(2023, 6, 30))])
    m.source("r", date(2025, 6, 5), "平台1710个,同比增长13%", figures=[
        figure("platforms", 2024, 1710, "平台1710个", unit="个"),
        figure("platforms", 2024, 13, "同比增长13%", unit="%", basis="growth")])
    v = one(reconcile(m.load(), AS_OF))
    assert (v.status, v.reason, v.evidence) == ("pending", "inconclusive", "derived")


def test_a_reported_full_year_figure_beats_a_derived_one_and_a_derived_one_beats_a_partial(m):
    level_goal(m, "platforms", 1500, unit="个")
    m.source("r", date(2025, 6, 5), "平台1710个,同比增长13% 截至6月平台1400个", figures=[
        figure("platforms", 2024, 1710, "平台1710个", unit="个"),
        figure("platforms", 2024, 13, "同比增长13%", unit="%", basis="growth"),
        figure("platforms", 2023, 1400, "截至6月平台1400个", unit="个", as_of=date(2023, 6, 30))])
    assert one(reconcile(m.load(), AS_OF)).evidence == "derived"
    m.source("r2", date(2025, 7, 1), "2023年平台1490个", figures=[figure("platforms", 2023, 1490, "2023年平台1490个", unit="个")])
    v = one(reconcile(m.load(), AS_OF))
    assert (v.status, v.evidence, v.actual) == ("miss", "final", 1490)


# ---- overdue: pending · unreported, apart from not-due

def test_a_goal_whose_year_is_over_with_no_figure_reads_unreported(m):
    contracts_goal(m, year=2019)
    contracts_goal_2030 = goal("contracts", 2030, 900, "成交额达到900亿元", unit="亿元")
    m.source("later", date(2019, 2, 1), "成交额达到900亿元", goals=[contracts_goal_2030])
    result = reconcile(m.load(), AS_OF)
    old, future = one(result, year=2019), one(result, year=2030)
    assert (old.status, old.reason) == ("pending", "no-figure") and old.unreported
    assert status_label(old) == "pending · unreported" and status_label(old, "zh") == "逾期未报"
    assert status_label(future) == "pending" and not future.unreported
    summary = Summary.of(result.verdicts)
    assert (summary.pending, summary.not_due, summary.unreported) == (2, 1, 1)
    table = render_table(list(result.verdicts), AS_OF)
    assert "pending · unreported" in table and "(1 not due, 1 unreported)" in table
    assert '"unreported": 1' in render_json(list(result.verdicts), AS_OF)


def test_status_reason_filters(m):
    contracts_goal(m, year=2019)
    m.source("later", date(2019, 2, 1), "成交额达到900亿元", goals=[goal("contracts", 2030, 900, "成交额达到900亿元", unit="亿元")])
    run = CliRunner().invoke(main, ["--data", str(m.root), "status", "--reason", "no-figure", "--as-of",
                                    "2026-06-30", "--format", "json"])
    assert run.exit_code == 0, run.output
    import json
    assert [g["year"] for g in json.loads(run.output)["goals"]] == [2019]


# ---- revealed goals: marked and counted apart from the hit rate

def test_revealed_goals_are_left_out_of_the_hit_rate(m):
    m.source("plan", date(2023, 1, 1), "成交额达到500亿元 平台达到1000个", goals=[
        goal("contracts", 2023, 500, "成交额达到500亿元", unit="亿元"),
        goal("platforms", 2023, 1000, "平台达到1000个", unit="个")])
    m.source("r", date(2024, 6, 1), "成交额480亿元(超额完成省考目标) 平台900个", goals=[
        goal("contracts", 2023, 450, "成交额480亿元(超额完成省考目标)", unit="亿元", revealed=True,
             agency="辽宁省")], figures=[
        figure("contracts", 2023, 480, "成交额480亿元", unit="亿元"),
        figure("platforms", 2023, 900, "平台900个", unit="个")])
    result = reconcile(m.load(), AS_OF)
    summary = Summary.of(result.verdicts)
    assert (summary.hit, summary.miss, summary.revealed) == (1, 2, 1)
    assert summary.hit_rate == 0  # the two planned goals are both missed; the revealed hit is left out
    table = render_table(list(result.verdicts), AS_OF)
    assert "1 revealed goal left out" in table
    assert '"revealed": 1' in render_json(list(result.verdicts), AS_OF)


def test_revealed_goals_and_overdue_goals_are_marked_in_tables_show_and_html(m):
    from sykj_track.render.html import render_html

    contracts_goal(m, year=2019)
    m.source("r", date(2024, 6, 1), "成交额480亿元(超额完成省考目标)", goals=[
        goal("contracts", 2023, 450, "成交额480亿元(超额完成省考目标)", unit="亿元", revealed=True)],
        figures=[figure("contracts", 2023, 480, "成交额480亿元", unit="亿元")])
    ledger = m.load()
    verdicts = list(reconcile(ledger, AS_OF).verdicts)
    assert "（事后披露）" in render_table(verdicts, AS_OF, lang="zh") and "(revealed)" in render_table(verdicts, AS_OF, lang="en")
    page = render_html(verdicts, [], ledger.sources, AS_OF)
    assert "逾期未报" in page and "s-unreported" in page and "事后披露" in page
    run = CliRunner().invoke(main, ["--data", str(m.root), "show", "contracts", "--as-of", "2026-06-30"])
    assert "pending · unreported" in run.output


def test_a_partial_running_total_that_proves_the_goal_is_not_lost_to_a_vaguer_derived_value(m):
    contracts_goal(m, target=500, year=2023)
    m.source("a", date(2023, 12, 1), "截至11月底成交额520亿元", figures=[
        figure("contracts", 2023, 520, "截至11月底成交额520亿元", unit="亿元", as_of=date(2023, 11, 30))])
    m.source("b", date(2025, 6, 5), "预计全年成交额实现700亿元,同比增长超过10%", figures=[
        figure("contracts", 2024, 700, "预计全年成交额实现700亿元", unit="亿元", estimate=True),
        figure("contracts", 2024, 10, "同比增长超过10%", unit="%", basis="growth", bound="more_than",
               estimate=True)])
    v = one(reconcile(m.load(), AS_OF))
    assert (v.status, v.evidence, v.actual) == ("hit", "partial", 520)
