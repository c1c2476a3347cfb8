"""One small hand-made case per reconciliation rule."""

from datetime import date

import pytest

from sykj_track.analysis.intervals import Interval, figure_interval
from sykj_track.analysis.reconcile import reconcile

from helpers import figure, goal

AS_OF = date(2026, 6, 30)


@pytest.fixture
def platforms(data):
    return data.metric("platforms", unit="个", zh="科技创新平台").metric("contracts", unit="亿元", kind="flow")


def one(result, **match):
    found = [v for v in result.verdicts if all(getattr(v.goal, k) == val for k, val in match.items())
             and v.status != "superseded"]
    assert len(found) == 1, found
    return found[0]


# Rule 1: only sources published by as-of count, goals included.
def test_sources_published_after_as_of_are_ignored(platforms):
    platforms.source("plan", date(2021, 12, 31), "平台达到1230家", goals=[goal("platforms", 2022, 1230, "平台达到1230家")])
    platforms.source("report", date(2023, 3, 8), "平台达到1426个",
                     figures=[figure("platforms", 2022, 1426, "平台达到1426个", unit="个")])
    ledger = platforms.load()
    assert reconcile(ledger, date(2021, 12, 1)).verdicts == ()
    early = one(reconcile(ledger, date(2022, 6, 1)))
    assert (early.status, early.reason) == ("pending", "not-due")
    late = one(reconcile(ledger, date(2023, 3, 8)))
    assert (late.status, late.evidence, late.actual) == ("hit", "final", 1426)


# Rule 2: a restated goal is one goal citing every source; another target is a revision.
def test_restated_goal_merges_and_cites_both_sources(platforms):
    platforms.source("press", date(2025, 3, 28), "平台总数达到1850家", goals=[goal("platforms", 2025, 1850, "平台总数达到1850家")])
    platforms.source("report", date(2025, 6, 5), "平台达到1850个",
                     goals=[goal("platforms", 2025, 1850, "平台达到1850个", unit="个")])
    result = reconcile(platforms.load(), AS_OF)
    assert len(result.verdicts) == 1
    assert [s.id for s in result.verdicts[0].sources] == ["press", "report"]


def test_revised_goal_supersedes_the_earlier_target(platforms):
    platforms.source("press", date(2025, 3, 28), "平台达到1850家", goals=[goal("platforms", 2025, 1850, "平台达到1850家")])
    platforms.source("report", date(2025, 6, 5), "平台达到1900家", goals=[goal("platforms", 2025, 1900, "平台达到1900家")])
    result = reconcile(platforms.load(), AS_OF)
    statuses = {v.goal.target: v.status for v in result.verdicts}
    assert statuses == {1850: "superseded", 1900: "pending"}
    old = next(v for v in result.verdicts if v.status == "superseded")
    assert old.superseded_by.source.id == "report"
    # Before the revision was published, the first target is in force.
    assert [v.goal.target for v in reconcile(platforms.load(), date(2025, 4, 1)).verdicts] == [1850]


def test_goals_of_different_agencies_stay_apart(platforms):
    platforms.source("press", date(2025, 3, 28), "甲平台达到1850家 乙平台达到1850家", goals=[
        goal("platforms", 2025, 1850, "甲平台达到1850家"),
        goal("platforms", 2025, 1850, "乙平台达到1850家", agency="沈阳市工业和信息化局")])
    result = reconcile(platforms.load(), AS_OF)
    # The ledger's own goal first; another agency's is marked outside and its id ends with the agency.
    assert [(v.id, v.outside) for v in result.verdicts] == [
        ("2025:platforms:level", False), ("2025:platforms:level:沈阳市工业和信息化局", True)]


def test_a_revision_follows_the_goal_in_force_and_keeps_its_agency(platforms):
    agency = "沈阳市工业和信息化局"
    platforms.source("press", date(2025, 3, 28), "平台达到1850家",
                     goals=[goal("platforms", 2025, 1850, "平台达到1850家", agency=agency)])
    platforms.source("report", date(2025, 6, 5), "平台达到1900家",
                     goals=[goal("platforms", 2025, 1900, "平台达到1900家", agency=agency)])
    result = reconcile(platforms.load(), AS_OF)
    assert [(v.id, v.status, v.outside) for v in result.verdicts] == [
        (f"2025:platforms:level:{agency}", "pending", True),
        (f"2025:platforms:level:{agency}:>=1850家", "superseded", True)]


# Rule 3: which figure a goal is judged on.
@pytest.mark.parametrize("figures, expected_value", [
    # final over estimate
    ([dict(value=330, estimate=True), dict(value=340)], 340),
    # a full-year figure over a partial one
    ([dict(value=394.28, as_of=date(2022, 12, 22)), dict(value=390)], 390),
    # among partial figures, the later as_of
    ([dict(value=200, as_of=date(2022, 11, 30)), dict(value=150, as_of=date(2022, 9, 30))], 200),
    # exact over bounded
    ([dict(value=400, bound="more_than"), dict(value=403)], 403),
])
def test_figure_preference(platforms, figures, expected_value):
    text = "成交额" + " ".join(str(f["value"]) for f in figures)
    platforms.source("plan", date(2021, 12, 31), "成交额达到360亿元", goals=[goal("contracts", 2022, 360, "成交额达到360亿元", unit="亿元")])
    platforms.source("report", date(2023, 3, 8), text, figures=[
        figure("contracts", 2022, quote=str(f["value"]), unit="亿元", **f) for f in figures])
    assert one(reconcile(platforms.load(), AS_OF)).actual == expected_value


def test_later_publication_wins_among_equals(platforms):
    platforms.source("plan", date(2021, 12, 31), "平台达到1500家", goals=[goal("platforms", 2023, 1500, "平台达到1500家")])
    platforms.source("a", date(2024, 3, 1), "平台1490家", figures=[figure("platforms", 2023, 1490, "平台1490家")])
    platforms.source("b", date(2024, 6, 1), "平台1513家", figures=[figure("platforms", 2023, 1513, "平台1513家")])
    verdict = one(reconcile(platforms.load(), AS_OF))
    assert (verdict.actual, verdict.figure.source.id, verdict.status) == (1513, "b", "hit")


# Rule 4: status, honouring bounds.
@pytest.mark.parametrize("op, target, value, bound, status, reason", [
    (">=", 5000, 5000, "more_than", "hit", None),       # 突破5000 proves >= 5000
    (">", 5000, 5000, "at_least", "pending", "inconclusive"),  # 5000以上 may be exactly 5000
    (">", 5000, 5000, "more_than", "hit", None),
    (">=", 4500, 4200, "exact", "miss", None),
    (">=", 4500, 4200, "at_least", "pending", "inconclusive"),
    (">=", 4500, 4200, "at_most", "miss", None),
    (">=", 1000, 1052, "exact", "hit", None),
    (">=", 1000, 990, "about", "pending", "inconclusive"),   # 约990: within 5%, could be either
    (">=", 1000, 800, "about", "miss", None),
    (">=", 1000, 950, "about", "miss", None),                # 约950 is at most 997.5
    (">=", 1000, 1060, "about", "hit", None),                # 约1060 is at least 1007
    ("<=", 15, 18, "exact", "miss", None),
    ("<=", 15, 15, "exact", "hit", None),
    ("<", 15, 15, "exact", "miss", None),                    # 15 is not below 15
    ("<", 15, 14, "exact", "hit", None),
    ("<", 15, 20, "at_most", "pending", "inconclusive"),
    (">", 15, 14, "exact", "miss", None),
    ("between", 3, 4, "exact", "hit", None),
    ("between", 3, 6, "exact", "miss", None),
])
def test_status_honours_bounds(platforms, op, target, value, bound, status, reason):
    extra = {"target_max": 5} if op == "between" else {}
    platforms.source("plan", date(2022, 1, 1), "目标", goals=[goal("platforms", 2022, target, "目标", op=op, **extra)])
    platforms.source("report", date(2023, 3, 1), "实际", figures=[figure("platforms", 2022, value, "实际", bound=bound)])
    verdict = one(reconcile(platforms.load(), AS_OF))
    assert (verdict.status, verdict.reason) == (status, reason)


def test_partial_figure_of_a_flow_that_meets_the_target_is_a_hit(platforms):
    platforms.source("plan", date(2021, 12, 31), "成交额达到360亿元", goals=[goal("contracts", 2022, 360, "成交额达到360亿元", unit="亿元")])
    platforms.source("report", date(2023, 3, 8), "截至12月22日成交额394.28亿元", figures=[
        figure("contracts", 2022, 394.28, "成交额394.28亿元", unit="亿元", as_of=date(2022, 12, 22))])
    verdict = one(reconcile(platforms.load(), AS_OF))
    assert (verdict.status, verdict.evidence) == ("hit", "partial")


def test_partial_figure_below_target_or_of_a_stock_stays_pending(platforms):
    platforms.source("plan", date(2021, 12, 31), "成交额达到500亿元 平台达到100家", goals=[
        goal("contracts", 2022, 500, "成交额达到500亿元", unit="亿元"), goal("platforms", 2022, 100, "平台达到100家")])
    platforms.source("report", date(2022, 12, 1), "成交额206.4亿元 平台120家", figures=[
        figure("contracts", 2022, 206.4, "成交额206.4亿元", unit="亿元", as_of=date(2022, 11, 30)),
        figure("platforms", 2022, 120, "平台120家", as_of=date(2022, 11, 30))])
    result = reconcile(platforms.load(), AS_OF)
    for metric in ("contracts", "platforms"):
        verdict = one(result, metric=metric)
        assert (verdict.status, verdict.reason, verdict.evidence) == ("pending", "partial", "partial")


def test_estimate_decides_with_estimate_evidence(platforms):
    platforms.source("plan", date(2021, 1, 1), "成交额达到300亿元", goals=[goal("contracts", 2021, 300, "成交额达到300亿元", unit="亿元")])
    platforms.source("report", date(2021, 12, 31), "预计成交额330亿元", figures=[
        figure("contracts", 2021, 330, "成交额330亿元", unit="亿元", estimate=True)])
    verdict = one(reconcile(platforms.load(), AS_OF))
    assert (verdict.status, verdict.evidence, verdict.actual_estimate) == ("hit", "estimate", True)


def test_not_due_until_the_year_is_over_then_no_figure(platforms):
    platforms.source("plan", date(2025, 3, 28), "平台达到1850家", goals=[goal("platforms", 2025, 1850, "平台达到1850家")])
    ledger = platforms.load()
    assert one(reconcile(ledger, date(2025, 12, 31))).reason == "not-due"
    overdue = one(reconcile(ledger, date(2026, 1, 1)))
    assert overdue.reason == "no-figure"
    # Nothing to rest on: no figure, no number, no estimate.
    assert (overdue.figure, overdue.actual, overdue.actual_estimate, overdue.attainment) == (None, None, False, None)


# Rule 5: growth goals, reported or derived from two years' levels.
def test_growth_goal_uses_reported_growth(platforms):
    platforms.source("plan", date(2025, 1, 1), "增长10%", goals=[goal("contracts", 2025, 10, "增长10%", unit="%", basis="growth")])
    platforms.source("report", date(2026, 3, 1), "同比增长超过10%", figures=[
        figure("contracts", 2025, 10, "同比增长超过10%", unit="%", basis="growth", bound="more_than")])
    verdict = one(reconcile(platforms.load(), AS_OF))
    assert (verdict.status, verdict.evidence) == ("hit", "final")


def test_growth_goal_derived_from_two_levels(platforms):
    platforms.source("plan", date(2025, 1, 1), "同比增长15%", goals=[goal("platforms", 2025, 15, "同比增长15%", unit="%", basis="growth")])
    platforms.source("r2024", date(2025, 3, 1), "平台79个", figures=[figure("platforms", 2024, 79, "平台79个", unit="个")])
    platforms.source("r2025", date(2026, 3, 1), "平台100个", figures=[figure("platforms", 2025, 100, "平台100个", unit="个")])
    verdict = one(reconcile(platforms.load(), AS_OF))
    assert (verdict.status, verdict.evidence) == ("hit", "derived")
    assert verdict.actual == pytest.approx(26.58, abs=0.01)
    assert [f.year for f in verdict.derived_from] == [2024, 2025]


def test_derived_growth_from_a_bound_can_be_inconclusive(platforms):
    platforms.source("plan", date(2025, 1, 1), "同比增长15%", goals=[goal("platforms", 2025, 15, "同比增长15%", unit="%", basis="growth")])
    platforms.source("r", date(2026, 3, 1), "2024年100个 2025年突破110个", figures=[
        figure("platforms", 2024, 100, "2024年100个", unit="个"),
        figure("platforms", 2025, 110, "2025年突破110个", unit="个", bound="more_than")])
    verdict = one(reconcile(platforms.load(), AS_OF))
    assert (verdict.status, verdict.reason, verdict.evidence) == ("pending", "inconclusive", "derived")


def test_increment_goal_derived_from_two_levels(platforms):
    platforms.source("plan", date(2022, 1, 1), "新增300家", goals=[goal("platforms", 2022, 300, "新增300家", basis="increment")])
    platforms.source("r", date(2023, 3, 1), "2021年1000家 2022年1250家", figures=[
        figure("platforms", 2021, 1000, "2021年1000家"), figure("platforms", 2022, 1250, "2022年1250家")])
    verdict = one(reconcile(platforms.load(), AS_OF))
    assert (verdict.status, verdict.actual, verdict.evidence) == ("miss", 250, "derived")


def test_rank_lower_is_better(data):
    data.metric("rank", unit="位", kind="rank", better="lower")
    data.source("plan", date(2022, 1, 1), "排名进入前20位", goals=[goal("rank", 2022, 20, "排名进入前20位", op="<=", unit="位")])
    data.source("r", date(2023, 3, 5), "排名上升至全国第18位", figures=[figure("rank", 2022, 18, "第18位", unit="位")])
    verdict = one(reconcile(data.load(), AS_OF))
    assert verdict.status == "hit"
    assert verdict.attainment == pytest.approx(20 / 18)


# Rule 6: attainment is actual / target.
def test_attainment_is_actual_over_target(platforms):
    platforms.source("plan", date(2022, 1, 1), "高企4500家", goals=[goal("platforms", 2022, 4500, "高企4500家")])
    platforms.source("r", date(2023, 3, 1), "高企4200家", figures=[figure("platforms", 2022, 4200, "高企4200家")])
    verdict = one(reconcile(platforms.load(), AS_OF))
    assert verdict.attainment == pytest.approx(4200 / 4500)
    assert verdict.status == "miss"


def test_attainment_of_a_goal_of_one(data):
    data.metric("rank", unit="位", kind="rank", better="lower")
    data.source("plan", date(2022, 1, 1), "排名保持第1位", goals=[goal("rank", 2022, 1, "排名保持第1位", op="<=", unit="位")])
    data.source("r", date(2023, 3, 5), "排名第2位", figures=[figure("rank", 2022, 2, "排名第2位", unit="位")])
    verdict = one(reconcile(data.load(), AS_OF))
    assert (verdict.status, verdict.attainment) == ("miss", 0.5)


def test_intervals():
    assert Interval(5000, float("inf"), lo_closed=True).contains(figure_interval(5000, "more_than"))
    assert not Interval(5000, float("inf"), lo_closed=False).contains(figure_interval(5000, "at_least"))
    assert Interval(5000, float("inf"), lo_closed=False).overlaps(figure_interval(5000, "at_least"))
    assert not Interval(5000, float("inf"), lo_closed=False).overlaps(figure_interval(5000, "at_most"))
