"""The audit on hand-made data: one case per finding kind, with rounding and bounds at the edges."""

from datetime import date

import pytest

from sykj_track.analysis.intervals import decimals, half_unit, published_interval
from sykj_track.analysis.audit import audit, below_prior, disagreement_warnings, finding_record, written

from helpers import figure, goal

D1, D2 = date(2022, 3, 1), date(2023, 3, 1)


@pytest.fixture
def firms(data):
    return (data.metric("firms", zh="科技型企业").metric("money", unit="亿元", kind="flow")
            .metric("rank", unit="位", kind="rank", better="lower"))


def kinds(ledger):
    return [(f.kind, f.metric.id, f.years) for f in audit(ledger)]


def one_report(data, figures=(), goals=(), published=D2):
    text = " ".join(r["quote"] for r in (*figures, *goals))
    return data.source("r", published, text, figures=list(figures), goals=list(goals)).load()


# ---- arithmetic: what a published number stands for

def test_decimals_come_from_the_quote_where_the_toml_value_loses_them(firms):
    ledger = one_report(firms, figures=[
        figure("money", 2021, 13, "同比增长13.0%", unit="%", basis="growth"),
        figure("firms", 2021, 2.5, "突破2.5万家", unit="万家", bound="more_than"),
        figure("firms", 2020, 3402, "达到3402家")])
    growth, bounded, count = ledger.figures
    assert (decimals(growth), half_unit(growth)) == (1, 0.05)
    assert (decimals(bounded), half_unit(bounded)) == (1, 500)
    assert half_unit(count) == 0  # a whole count is a count, not a rounded measurement
    assert (published_interval(bounded).lo, published_interval(bounded).hi) == (24500, float("inf"))


def test_only_ascii_digits_in_a_quote_are_read_as_its_number(firms):
    from dataclasses import replace

    (growth,) = one_report(firms, figures=[figure("money", 2021, 13, "同比增长13.0%", unit="%",
                                                  basis="growth")]).figures
    # Arabic-Indic ١٣٫٠ and ١٣.٠ are no number to the reader of a Chinese report: the value's own places count
    assert decimals(replace(growth, quote="同比增长\u0661\u0663.\u0660%")) == 0


# ---- increment-mismatch

def test_increment_that_does_not_add_up_across_reports(firms):
    firms.source("a", D1, "企业100家", figures=[figure("firms", 2021, 100, "企业100家")])
    firms.source("b", D2, "企业120家，新增30家", figures=[
        figure("firms", 2022, 120, "企业120家"), figure("firms", 2022, 30, "新增30家", basis="increment")])
    (found,) = audit(firms.load())
    assert (found.kind, found.years) == ("increment-mismatch", (2021, 2022))
    assert [role for role, _ in found.records] == ["before", "after", "increment"]
    assert found.arithmetic == "120家 − 100家 = 20 家; increase stated 30家"
    record = finding_record(found)
    assert (found.note, record["note"], record["note_zh"], found.estimate) == ("", None, None, False)


def test_increment_that_adds_up_is_no_finding(firms):
    assert kinds(one_report(firms, figures=[
        figure("firms", 2021, 100, "去年100家"), figure("firms", 2022, 120, "企业120家"),
        figure("firms", 2022, 20, "新增20家", basis="increment")])) == []


@pytest.mark.parametrize("increment, flagged", [(3500, False), (4000, False), (4500, True)])
def test_increment_against_rounded_levels(firms, increment, flagged):
    # 1.2万 stands for 11500–12500 and 1.5万 for 14500–15500: any increase of 2000–4000 fits.
    ledger = one_report(firms, figures=[
        figure("firms", 2021, 1.2, "去年1.2万家", unit="万家"), figure("firms", 2022, 1.5, "今年1.5万家", unit="万家"),
        figure("firms", 2022, increment, f"增加{increment}家", basis="increment")])
    assert bool(kinds(ledger)) is flagged


# ---- growth-mismatch

def test_a_whole_number_of_money_is_rounded_too(firms):
    # 100亿元 stands for 99.5–100.5, so 111.74 is 11.2–12.3% above it: 11.9% fits.
    assert kinds(one_report(firms, figures=[
        figure("money", 2021, 100, "去年100亿元", unit="亿元"), figure("money", 2022, 111.74, "今年111.74亿元", unit="亿元"),
        figure("money", 2022, 11.9, "同比增长11.9%", unit="%", basis="growth")])) == []


@pytest.mark.parametrize("stated, flagged", [(11.7, False), (11.9, True), (11.5, True)])
def test_growth_stated_to_one_decimal_is_judged_with_its_rounding(firms, stated, flagged):
    # 100.00 -> 111.74 is 11.73–11.75%: "11.7%" covers 11.65–11.75, so a 0.04 difference is no finding.
    ledger = one_report(firms, figures=[
        figure("money", 2021, 100, "去年100.00亿元", unit="亿元"), figure("money", 2022, 111.74, "今年111.74亿元", unit="亿元"),
        figure("money", 2022, stated, f"同比增长{stated}%", unit="%", basis="growth")])
    assert kinds(ledger) == ([("growth-mismatch", "money", (2021, 2022))] if flagged else [])


def test_growth_against_an_increase_and_the_level_it_ends_at(firms):
    # 3402 - 842 = 2560; 842 / 2560 = 32.89%
    good = one_report(firms, figures=[figure("firms", 2021, 3402, "达到3402家"),
                                      figure("firms", 2021, 842, "净增842家", basis="increment"),
                                      figure("firms", 2021, 32.89, "同比增长32.89%", unit="%", basis="growth")])
    assert kinds(good) == []


def test_growth_against_an_increase_that_does_not_fit(data):
    data.metric("firms")
    ledger = one_report(data, figures=[figure("firms", 2021, 3402, "达到3402家"),
                                       figure("firms", 2021, 842, "净增842家", basis="increment"),
                                       figure("firms", 2021, 30, "同比增长30%", unit="%", basis="growth")])
    (found,) = audit(ledger)
    assert (found.kind, found.years) == ("growth-mismatch", (2020, 2021))
    assert [role for role, _ in found.records] == ["increment", "after", "growth"]


def test_partial_year_growth_is_left_alone(firms):
    # 同比 of a year to date compares the same months of last year, which no report gives.
    ledger = one_report(firms, figures=[
        figure("money", 2021, 100, "去年100亿元", unit="亿元"),
        figure("money", 2022, 200, "截至11月200亿元", unit="亿元", as_of=date(2022, 11, 30)),
        figure("money", 2022, 5, "同比增长5%", unit="%", basis="growth", as_of=date(2022, 11, 30))])
    assert kinds(ledger) == []


@pytest.mark.parametrize("prior, target, rate, flagged", [
    (110, 115, 15, True),    # 110 -> 115 is 4.5%, not 15%
    (200, 220, 10, False),   # 200 -> 220 is 10%
])
def test_growth_goal_against_level_goal_and_last_level(firms, prior, target, rate, flagged):
    ledger = one_report(firms, figures=[figure("firms", 2021, prior, f"现有{prior}家")],
                        goals=[goal("firms", 2022, target, f"达到{target}家"),
                               goal("firms", 2022, rate, f"达到{target}家、同比增长{rate}%", unit="%", basis="growth")])
    assert kinds(ledger) == ([("growth-mismatch", "firms", (2021, 2022))] if flagged else [])


@pytest.mark.parametrize("rate, flagged", [(15, False), (20, False), (25, True)])
def test_after_a_more_than_bound_implied_growth_is_only_an_upper_bound(firms, rate, flagged):
    # 突破2.5万 (above 24500 with rounding) -> 3万: growth of at most 22.4%, any lower rate fits.
    ledger = one_report(firms, figures=[figure("firms", 2024, 2.5, "突破2.5万家", unit="万家", bound="more_than")],
                        goals=[goal("firms", 2025, 3, "突破3万家", op=">", unit="万家"),
                               goal("firms", 2025, rate, f"同比增长{rate}%", unit="%", basis="growth")])
    assert bool(kinds(ledger)) is flagged


def test_increase_goal_against_level_goal_and_last_level(firms):
    # 新增100名 from 213 is 313, but the level goal says 300.
    ledger = one_report(firms, figures=[figure("firms", 2018, 213, "培养213家")],
                        goals=[goal("firms", 2019, 100, "新增100家", basis="increment"),
                               goal("firms", 2019, 300, "总数达到300家以上")])
    (found,) = audit(ledger)
    assert (found.kind, found.years) == ("increment-mismatch", (2018, 2019))
    assert found.arithmetic == "300家 − 213家 = 87 家; increase goal 100家"
    assert "Both goals are floors" in finding_record(found)["note"]  # 313 would meet both
    assert finding_record(found)["note_zh"]


@pytest.mark.parametrize("level_op, floors", [(">", True), (">=", True), ("<=", False)])
def test_a_plan_whose_goals_are_both_floors_says_so(firms, level_op, floors):
    ledger = one_report(firms, figures=[figure("firms", 2018, 213, "培养213家")],
                        goals=[goal("firms", 2019, 100, "新增100家", basis="increment"),
                               goal("firms", 2019, 300, "总数300家", op=level_op)])
    (found,) = audit(ledger)
    assert found.note.startswith("The level goal and the increase goal of one report do not agree")
    assert ("Both goals are floors" in found.note) is floors


# ---- target-below-prior

def test_goal_below_a_figure_already_reported(firms):
    firms.source("old", D1, "平台达到1251家", figures=[figure("firms", 2018, 1251, "平台达到1251家")])
    firms.source("plan", D2, "2022年平台达到1230家", goals=[goal("firms", 2022, 1230, "2022年平台达到1230家")])
    (found,) = audit(firms.load())
    assert (found.kind, found.years) == ("target-below-prior", (2018, 2022))
    assert [r.source.id for _, r in found.records] == ["old", "plan"]


def test_below_prior_with_a_cap_on_the_years_looked_at(firms):
    ledger = one_report(firms, figures=[figure("firms", 2020, 1240, "2020年1240家"),
                                        figure("firms", 2021, 1251, "2021年1251家"),
                                        figure("firms", 2022, 1260, "2022年1260家")],
                        goals=[goal("firms", 2022, 1230, "2022年平台达到1230家")])
    (target,) = ledger.goals
    levels = list(ledger.figures)
    metric = ledger.metrics["firms"]
    # Never the goal's own year, whatever the cap; the latest year below both.
    assert below_prior(target, metric, levels, max_year=2025).year == 2021
    assert below_prior(target, metric, levels, max_year=2020).year == 2020
    assert below_prior(target, metric, levels, max_year=2019) is None


def test_goal_set_before_the_figure_was_published_is_not_below_prior(firms):
    firms.source("plan", D1, "平台达到1230家", goals=[goal("firms", 2022, 1230, "平台达到1230家")])
    firms.source("later", D2, "平台达到1251家", figures=[figure("firms", 2021, 1251, "平台达到1251家")])
    assert kinds(firms.load()) == []


def test_goal_equal_to_a_bounded_prior_is_not_below_it(firms):
    # "1000场以上" last year allows exactly 1000: a goal of 1000 is not shown to be lower.
    assert kinds(one_report(firms, figures=[figure("firms", 2021, 1000, "活动1000家以上", bound="at_least")],
                            goals=[goal("firms", 2022, 1000, "活动1000家")])) == []


@pytest.mark.parametrize("target, flagged", [(20, True), (18, False), (15, False)])
def test_a_rank_goal_worse_than_the_rank_already_reached(firms, target, flagged):
    ledger = one_report(firms, figures=[figure("rank", 2022, 18, "排名第18位", unit="位")],
                        goals=[goal("rank", 2023, target, f"进入前{target}位", op="<=", unit="位")])
    assert bool(kinds(ledger)) is flagged
    if flagged:
        assert audit(ledger)[0].arithmetic == "goal for 2023: ≤ 20位; already reported for 2022: 18位, better than the target"


def test_below_prior_cites_the_best_place_already_reached(firms):
    ledger = one_report(firms, figures=[figure("rank", 2022, 18, "预计排名第18位", unit="位", estimate=True),
                                        figure("rank", 2022, 16, "排名第16位", unit="位")],
                        goals=[goal("rank", 2023, 20, "进入前20位", op="<=", unit="位")])
    (found,) = audit(ledger)
    assert [r.value for role, r in found.records if role == "prior"] == [16]


@pytest.mark.parametrize("year, flagged", [(2021, True), (2022, False), (2023, False)])
def test_below_prior_looks_only_at_earlier_years(firms, year, flagged):
    # The year of the goal itself (or a later one) is not "already reached" when the goal was set.
    ledger = one_report(firms, figures=[figure("firms", year, 1251, "平台达到1251家")],
                        goals=[goal("firms", 2022, 1230, "2022年平台达到1230家")])
    assert kinds(ledger) == ([("target-below-prior", "firms", (2021, 2022))] if flagged else [])
    if flagged:
        assert audit(ledger)[0].arithmetic.endswith("already reported for 2021: 1251家, above the target")


# ---- conflicting-figures

def test_two_figures_of_one_year_that_cannot_both_be_true(firms):
    firms.source("a", D1, "企业100家", figures=[figure("firms", 2021, 100, "企业100家")])
    firms.source("b", D2, "企业120家", figures=[figure("firms", 2021, 120, "企业120家")])
    (found,) = audit(firms.load())
    assert (found.kind, found.years) == ("conflicting-figures", (2021,))
    record = finding_record(found)
    assert [q["source"] for q in record["quotes"]] == ["a", "b"]


@pytest.mark.parametrize("second", [
    dict(value=104, quote="约104家", bound="about"),          # within 5% of "about"
    dict(value=90, quote="预计90家", estimate=True),          # a final figure revises an estimate
    dict(value=90, quote="截至6月90家", as_of=date(2021, 6, 30)),  # a stock at another date
    dict(value=120, quote="截至6月120家", as_of=date(2021, 6, 30)),  # a stock may shrink
])
def test_figures_that_can_both_be_true(firms, second):
    ledger = one_report(firms, figures=[figure("firms", 2021, 100, "企业100家"),
                                        figure("firms", 2021, unit="家", **second)])
    assert kinds(ledger) == []


def test_two_places_for_one_year_conflict(firms):
    # A place is counted, not rounded: 第18位 is not 17.5–18.5.
    firms.source("a", D1, "排名第18位", figures=[figure("rank", 2021, 18, "排名第18位", unit="位")])
    firms.source("b", D2, "排名第19位", figures=[figure("rank", 2021, 19, "排名第19位", unit="位")])
    assert kinds(firms.load()) == [("conflicting-figures", "rank", (2021,))]


def test_check_warns_at_the_later_figure_citing_the_earlier(firms):
    firms.source("a", D1, "企业100家", figures=[figure("firms", 2021, 100, "企业100家")])
    firms.source("b", D2, "企业120家", figures=[figure("firms", 2021, 120, "企业120家")])
    (warning,) = disagreement_warnings(firms.load())
    assert str(warning.where).startswith("targets/b.toml:")
    assert "firms 2021 (level) is 120家 here but 100家 in a (targets/a.toml:" in warning.message


def test_check_warns_within_one_report_at_the_second_figure(firms):
    ledger = one_report(firms, figures=[figure("firms", 2021, 100, "企业100家"), figure("firms", 2021, 120, "企业120家")])
    (warning,) = disagreement_warnings(ledger)
    assert str(warning.where) == str(ledger.figures[1].where)
    assert "is 120家 here but 100家 in the same report" in warning.message


def test_a_running_total_cannot_shrink(firms):
    ledger = one_report(firms, figures=[
        figure("money", 2022, 400, "截至11月400亿元", unit="亿元", as_of=date(2022, 11, 30)),
        figure("money", 2022, 380, "全年380亿元", unit="亿元")])
    (found,) = audit(ledger)
    assert found.kind == "conflicting-figures" and "cannot shrink" in found.arithmetic
    assert [r.value for _, r in found.records] == [400, 380]


def test_a_running_total_that_stays_the_same_is_no_conflict(data):
    data.metric("events", unit="场", kind="flow")
    ledger = one_report(data, figures=[figure("events", 2022, 50, "截至11月50场", unit="场", as_of=date(2022, 11, 30)),
                                       figure("events", 2022, 50, "全年50场", unit="场")])
    assert kinds(ledger) == []


def test_goals_are_written_with_their_operator(firms):
    ledger = one_report(firms, goals=[goal("firms", 2022, 4500, "达到4500家"),
                                      goal("money", 2022, 3, "3至5亿元", op="between", unit="亿元", target_max=5),
                                      goal("rank", 2022, 20, "前20位", op="<", unit="位")])
    assert [written(g) for g in ledger.goals] == ["≥ 4500家", "3–5亿元", "< 20位"]


def test_estimates_are_marked_and_the_json_form_is_complete(firms):
    ledger = one_report(firms, figures=[figure("firms", 2021, 100, "去年100家"),
                                        figure("firms", 2022, 150, "预计150家", estimate=True),
                                        figure("firms", 2022, 20, "预计新增20家", basis="increment", estimate=True)])
    (found,) = audit(ledger)
    assert found.estimate
    record = finding_record(found)
    assert set(record) == {"kind", "metric", "name_zh", "name_en", "years", "numbers", "arithmetic", "estimate",
                           "note", "quotes", "arithmetic_zh", "note_zh"}
    assert record["arithmetic"].endswith("increase stated 20家 (预计)")
    assert record["arithmetic_zh"].endswith("报告的新增 20家 (预计)")
    assert record["numbers"] == {"before": "100家", "after": "150家 (预计)", "increment": "20家 (预计)"}
    assert record["quotes"][0]["where"].startswith("targets/r.toml:")
