"""Reconciliations of the real ledger, each checked by hand against the reports in seeds/.

All with an explicit as-of date, so the verdicts do not move with the calendar.
"""

from dataclasses import replace
from datetime import date

import pytest

from sykj_track.analysis.reconcile import reconcile
from sykj_track.api import validate

AS_OF = date(2026, 11, 22)
SCIENCE = "沈阳市科学技术局"


@pytest.fixture(scope="module")
def result(real_ledger):
    return reconcile(real_ledger, AS_OF)


def verdict(result, year, metric, basis="level", agency=SCIENCE):
    found = [v for v in result.verdicts if (v.goal.year, v.goal.metric, v.goal.basis, v.goal.agency)
             == (year, metric, basis, agency) and v.status != "superseded"]
    assert len(found) == 1, found
    return found[0]


def test_the_real_data_passes_check(real_ledger):
    assert validate(real_ledger) == []
    assert len(real_ledger.sources) == 5


def test_every_seed_has_goals_and_figures(real_ledger):
    for source in real_ledger.sources:
        goals = [g for g in real_ledger.goals if g.source == source]
        assert goals, source.id
        if source.id != "2025-press-conference":  # a press conference of plans gives no figures
            assert [f for f in real_ledger.figures if f.source == source], source.id


# 004: 2022年,全市高新技术企业数量达到4500家 / 003: 高新技术企业达到 4200家
def test_2022_hitech_enterprises_missed(result):
    v = verdict(result, 2022, "hitech_enterprises")
    assert (v.status, v.actual, v.evidence) == ("miss", 4200, "final")
    assert [s.id for s in v.sources] == ["2021-work-report"] and v.figure.source.id == "2023-newspaper"
    assert v.attainment == pytest.approx(4200 / 4500)


# 004: 2022年,全市科技创新平台达到1230家 / 003: 沈阳市各类科技创新平台达到1426个
def test_2022_platforms_hit(result):
    v = verdict(result, 2022, "innovation_platforms")
    assert (v.status, v.actual) == ("hit", 1426)


# 004: 2022年,全市双创载体数量达到240家 / 003: 各类"双创"载体达240家 -- exactly on target
def test_2022_startup_carriers_hit_exactly(result):
    v = verdict(result, 2022, "startup_carriers")
    assert (v.status, v.actual, v.attainment) == ("hit", 240, 1.0)


# 004: 技术合同成交额达到360亿元 / 003: 目前，技术合同成交额超过400亿元 (a bound: more than 400)
def test_2022_tech_contracts_hit_on_a_bound(result):
    v = verdict(result, 2022, "tech_contract_value")
    assert (v.status, v.actual, v.actual_bound, v.evidence) == ("hit", 400, "more_than", "final")


# 003: 截至2022年12月22日 ... 技术合同成交额达394.28亿元 -- the partial figure loses to the full-year one,
# but on its own it already proves the goal of a flow metric.
def test_2022_tech_contracts_partial_figure_alone_is_a_hit(real_ledger):
    without_bound = replace(real_ledger, figures=tuple(
        f for f in real_ledger.figures
        if not (f.metric == "tech_contract_value" and f.year == 2022 and not f.partial)))
    v = verdict(reconcile(without_bound, AS_OF), 2022, "tech_contract_value")
    assert (v.status, v.evidence, v.actual, v.figure.as_of) == ("hit", "partial", 394.28, date(2022, 12, 22))


# 004: 科技成果转化基金,2022年实现5亿元规模 / 003: 设立首期1亿元科技成果转化基金 (at least 1亿)
def test_2022_transfer_fund_is_inconclusive(result):
    v = verdict(result, 2022, "sci_conversion_fund_scale")
    assert (v.status, v.reason, v.actual_bound) == ("pending", "inconclusive", "at_least")


# 000: 同比增长14.2%(超额完成10%省考目标) -- a goal revealed afterwards, set by the province
def test_2023_rd_growth_provincial_goal_revealed_and_hit(real_ledger, result):
    v = verdict(result, 2023, "rd_expenditure", "growth", agency="辽宁省(省考目标)")
    assert (v.status, v.actual, v.goal.revealed) == ("hit", 14.2, True)
    before = reconcile(real_ledger, date(2025, 6, 4))
    assert not [w for w in before.verdicts if w.goal.metric == "rd_expenditure"]


# 000: 预计新增高新技术企业850家(超出200家完成省考目标) -- an estimate against a worked-out target of 650
def test_2024_new_hitech_enterprises_estimate(result):
    v = verdict(result, 2024, "hitech_enterprises", "increment", agency="辽宁省(省考目标)")
    assert (v.status, v.evidence, v.actual, v.goal.target) == ("hit", "estimate", 850, 650)


# 002 and 000 both: 各级各类科技创新平台总数达到1850家 / 各类创新平台达到1850个 -- one goal, two sources
def test_2025_platforms_goal_restated_by_two_reports(real_ledger, result):
    v = verdict(result, 2025, "innovation_platforms")
    assert [s.id for s in v.sources] == ["2025-press-conference", "2024-work-report"]
    assert (v.status, v.reason) == ("pending", "no-figure")
    early = verdict(reconcile(real_ledger, date(2025, 4, 1)), 2025, "innovation_platforms")
    assert [s.id for s in early.sources] == ["2025-press-conference"] and early.reason == "not-due"


# 002: 技术合同成交额增长10% / 000: 同比增长10 % -- a growth goal, restated
def test_2025_tech_contract_growth_goal_restated(result):
    v = verdict(result, 2025, "tech_contract_value", "growth")
    assert len(v.sources) == 2 and v.goal.target == 10


# 000 (科技局) and 002 (工信局) both aim the 生物医药及医疗装备 cluster at 1000亿元: two agencies, two goals
def test_same_target_of_two_agencies_stays_two_goals(result):
    science = verdict(result, 2025, "biomed_cluster_scale")
    industry = verdict(result, 2025, "biomed_cluster_scale", agency="沈阳市工业和信息化局")
    assert science.goal.target == industry.goal.target == 1000


# 001: 高新技术企业达到1500家以上 -- no later report gives a 2019 figure
def test_2019_hitech_goal_has_no_figure(result):
    v = verdict(result, 2019, "hitech_enterprises")
    assert (v.status, v.reason, v.goal.op, v.goal.target) == ("pending", "no-figure", ">=", 1500)


# 003: 力争科技型企业总数突破2万家 -- op ">" ; the 2024 report gives 2024's total, not 2023's
def test_2023_tech_enterprises_goal_has_no_figure(result):
    v = verdict(result, 2023, "tech_enterprises")
    assert (v.status, v.reason, v.goal.op, v.goal.target) == ("pending", "no-figure", ">", 20000)


# Before the 2023 newspaper appeared, the 2022 goals could not be judged yet.
def test_2022_goals_not_due_in_mid_2022(real_ledger):
    early = reconcile(real_ledger, date(2022, 6, 30))
    v = verdict(early, 2022, "tech_contract_value")
    assert (v.status, v.reason) == ("pending", "not-due")
