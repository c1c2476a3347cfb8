"""`audit` and `diff` on the bundled ledger; each expectation checked by hand against seeds/.

All with an explicit as-of date, so nothing moves with the calendar.
"""

from datetime import date

import pytest

from sykj_track.analysis.audit import audit
from sykj_track.analysis.diff import diff
from sykj_track.model import Figure

AS_OF = date(2026, 11, 22)


@pytest.fixture(scope="module")
def findings(real_ledger):
    return {(f.kind, f.metric.id, f.years): f for f in audit(real_ledger)}


# 000: 国家级科技创新平台(总数79家) for 2024; goal 全市国家级创新平台达到100个、同比增长15%.
# 100 / 79 = +26.6%, and 79 x 1.15 = 90.85: the two goals of one sentence do not agree.
def test_national_platforms_growth_goal_does_not_fit_the_level_goal(findings):
    f = findings[("growth-mismatch", "national_innovation_platforms", (2024, 2025))]
    assert [r.value if isinstance(r, Figure) else r.target for _, r in f.records] == [79, 100, 15]
    assert "26.58%" in f.arithmetic


# 000: 引育带土移植”人才团队项目33项 in 2024; goal 引进高端创新创业团队35个、同比增长15% (33 x 1.15 = 37.95).
def test_daitu_teams_growth_goal_does_not_fit(findings):
    f = findings[("growth-mismatch", "daitu_teams", (2024, 2025))]
    assert "6.06%" in f.arithmetic and "15%" in f.arithmetic


# 001: 培养技术经纪人213名 (2018); 新增100名技术经纪人,总数达到300名以上 (2019): 213 + 100 = 313, not 300.
def test_tech_brokers_increase_goal_does_not_add_up(findings):
    f = findings[("increment-mismatch", "tech_brokers", (2018, 2019))]
    assert "300名 − 213名 = 87 名" in f.arithmetic


# 001: 各类科技创新平台达到1251个 (2018); 004: 2022年,全市科技创新平台达到1230家.
# 004: 活动1052场 (2021); 开展“盛菁汇”路演等活动1000场 (2022), and 000's 1000场以上 for 2025.
# 003: 滚动实施147项“揭榜挂帅”...攻关项目 (2022); 实施100项关键核心技术攻关项目 (2023).
# 000: 支持...中青年科技人才110名 (2024); 培育优秀中青年科技人才100名 (2025).
@pytest.mark.parametrize("metric, years, prior", [
    ("innovation_platforms", (2018, 2022), 1251),
    ("innovation_startup_events", (2021, 2022), 1052),
    ("innovation_startup_events", (2021, 2025), 1052),
    ("key_tech_projects", (2022, 2023), 147),
    ("young_sci_talents", (2024, 2025), 110),
])
def test_goals_below_what_was_already_reported(findings, metric, years, prior):
    f = findings[("target-below-prior", metric, years)]
    assert dict(f.records)["prior"].value == prior


# The figures agree with each other wherever the reports give enough to check, e.g.
# 003: 科技型企业15363家，增加4238家，同比增长38.09% against 004's 突破11000家 (15363 - 4238 = 11125);
# 003: 雏鹰企业1385家，新增320家，同比增长30.05% against 004's 1065家; 瞪羚、独角兽 235 / 83 / 54.61% against 152;
# 004: 高新技术企业3402家、净增842家、同比增长32.89% (842 / 2560 = 32.89%);
# 003: R&D 215.5亿元、同比增长11.7% against 004's 192.9亿元 (+11.72%).
def test_no_figure_contradicts_another(findings):
    assert not [k for k in findings if k[0] == "conflicting-figures"]
    figure_only = [f for f in findings.values() if f.kind in ("increment-mismatch", "growth-mismatch")
                   and not any(role == "goal" for role, _ in f.records)]
    assert figure_only == []


def test_the_audit_is_exactly_these_findings(findings):
    assert len(findings) == 8


def test_diff_2024_2025(real_ledger):
    rows = {(r.metric.id, r.basis): r for r in diff(real_ledger, 2024, 2025, AS_OF).rows}
    assert "inconsistent-growth" in rows[("national_innovation_platforms", "level")].flags
    # 突破2.5万 -> 突破3万 with 15%: 2.5万 is only a floor, so the implied growth is at most 22.4%.
    tech = rows[("tech_enterprises", "level")]
    assert "consistent-growth" in tech.flags and tech.implied_growth.lo == -100
    # 预计700亿元 -> 超过770亿元, 同比增长10%
    assert "consistent-growth" in rows[("tech_contract_value", "level")].flags
    # 超15亿元 -> 超25亿元, 同比增长66.7% (25 / 15 = 1.667)
    assert "consistent-growth" in rows[("tech_finance_support", "level")].flags
    assert "target-below-prior" in rows[("young_sci_talents", "level")].flags
    # 新增650家 for 2024 was revealed afterwards (超出200家完成省考目标), never a plan: not "dropped" in 2025
    assert rows[("hitech_enterprises", "increment")].flags == ()


def test_diff_2022_2023_statuses(real_ledger):
    rows = {(r.metric.id, r.basis): r for r in diff(real_ledger, 2022, 2023, AS_OF).rows}
    hitech = rows[("hitech_enterprises", "level")]
    # 2022: 4500 goal, 4200 reported -> miss; 2023: 5000 goal, no figure yet -> pending, which is no
    # change of status: only two decided verdicts can differ
    assert (hitech.a.verdict.status, hitech.b.verdict.status) == ("miss", "pending")
    assert "status-change" not in hitech.flags
    assert "target-below-prior" in rows[("key_tech_projects", "level")].flags


def test_diff_2021_2022_growth_of_figures(real_ledger):
    rows = {(r.metric.id, r.basis): r for r in diff(real_ledger, 2021, 2022, AS_OF).rows}
    for metric in ("chuying_enterprises", "gazelle_unicorn_enterprises", "tech_enterprises"):
        assert rows[(metric, "level")].flags == ("consistent-growth",), metric
        assert rows[(metric, "level")].implied_from == "actual"
