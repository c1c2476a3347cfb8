"""extract on reports of any bureau: headings without a year, five-year periods, goal horizons, tables,
follow-on rates, cut-offs and inputs. Every sentence here is invented for the test; none is from a
real report, so each checks a rule, not a text."""

from __future__ import annotations

from sykj_track.extract import draft
from sykj_track.extract.layout import Section, five_year_end, section_of
from sykj_track.model import Metric

EMPTY: dict[str, Metric] = {}


def items(text: str, registry: dict = EMPTY):
    return draft(text.encode(), registry).items


def one(text: str, value: str, registry: dict = EMPTY):
    found = [i for i in items(text, registry) if f"{i.value.normalize():f}" == value]
    assert len(found) == 1, items(text, registry)
    return found[0]


UNKNOWN = Section("unknown", None, "")


def test_headings_without_a_year_say_review_or_goals():
    assert section_of("三、工作进展情况", UNKNOWN).mode == "summary"
    assert section_of("二、发展目标", UNKNOWN).mode == "plan"
    assert section_of("（二）社会反响", UNKNOWN) == UNKNOWN


def test_a_span_of_years_in_a_title_names_no_year():
    section = section_of("某市创新型企业培育行动方案（2024—2028年）要点", UNKNOWN)
    assert section.year is None


def test_five_year_periods():
    assert five_year_end("“十二五”期间") == 2015
    assert five_year_end("十五五规划") == 2030
    section = section_of("一、“十四五”时期发展基础", UNKNOWN)
    assert (section.mode, section.year) == ("summary", 2025)


def test_figures_under_a_review_heading_are_of_the_publication_year():
    text = "某县发展概况\n发布日期：2031-11-02\n\n一、行动计划（2030—2034年）主要目标\n到2034年，示范工厂达到90家。\n\n" \
           "二、推进情况\n全县示范工厂达到41家。\n"
    goal = one(text, "90")
    figure = one(text, "41")
    assert (goal.kind, goal.year) == ("goal", 2034)
    assert (figure.kind, figure.year) == ("figure", 2031)


def test_a_horizon_holds_for_the_goals_after_it_up_to_the_next_heading():
    text = "某县规划\n发布日期：2031-05-02\n\n一、主要目标\n到2033年，示范工厂达到90家。\n" \
           "同时，孵化载体面积突破12万平方米。\n\n二、工作进展\n全县示范工厂达到41家。\n"
    assert (one(text, "12").kind, one(text, "12").year) == ("goal", 2033)
    assert (one(text, "41").kind, one(text, "41").year) == ("figure", 2031)


TABLE = """某区创新指标一览
发布日期：2032-04-10

序号
指标
2029
2030
2031
2031年同比增长率
全省排名

1
孵化载体数量（个）
120
[135]
150
11.1%
6

2
技术经纪人（名）
80
86
95
-5.2%

说明：以上数据以统计部门公布为准。
"""


def test_a_table_with_one_cell_per_line_is_read_by_columns():
    found = {(i.subject, i.year, i.basis, i.unit, f"{i.value.normalize():f}", i.estimate) for i in items(TABLE)}
    assert found == {
        ("孵化载体数量", 2029, "level", "个", "120", False),
        ("孵化载体数量", 2030, "level", "个", "135", True),
        ("孵化载体数量", 2031, "level", "个", "150", False),
        ("孵化载体数量", 2031, "growth", "%", "11.1", False),
        ("孵化载体数量", 2031, "level", "位", "6", False),
        ("技术经纪人", 2029, "level", "名", "80", False),
        ("技术经纪人", 2030, "level", "名", "86", False),
        ("技术经纪人", 2031, "level", "名", "95", False),
        ("技术经纪人", 2031, "growth", "%", "-5.2", False),  # the missing last cell (its rank) is empty
    }


def test_table_quotes_are_in_the_text_and_hold_their_number():
    flat = "".join(TABLE.split())
    for item in items(TABLE):
        last_cell = item.quote.split()[-1]
        assert "".join(item.quote.split()) in flat
        assert last_cell.strip("[]%") == f"{item.value.normalize():f}", item.quote


SUMMARY = "某市科技工作情况\n发布日期：2031-06-20\n\n一、2030年工作情况\n"


def test_a_rate_in_a_follow_on_clause_is_quoted_with_its_measure():
    rate = one(SUMMARY + "全市数字贸易额达到88亿元，同比增长9.4%，位居全省前列。\n", "9.4")
    assert rate.quote.startswith("全市数字贸易额达到88亿元") and rate.basis == "growth"
    points = one(SUMMARY + "企业研发费用占营收比重为3.2%，比上年提高0.4个百分点。\n", "0.4")
    assert "研发费用占营收比重" in points.quote


def test_a_rate_stays_with_the_measure_the_registry_does_not_know():
    text = SUMMARY + "全市数字贸易额达到88亿元，同比增长9.4%。\n"
    level, rate = one(text, "88"), one(text, "9.4")
    assert not level.known_metric and rate.metric == level.metric


def test_quanian_in_a_first_quarter_text_is_the_year_reported():
    text = "某市去年科技成绩单\n发布日期：2031-02-20\n\n全年新认定示范工厂52家。\n"
    assert one(text, "52").year == 2030


def test_qunian_counts_from_the_publication_year_whatever_the_heading():
    text = "某市会议\n发布日期：2032-04-02\n\n一、2031年工作回顾\n去年全市孵化器在孵企业达到930家。\n"
    assert one(text, "930").year == 2031


def test_the_base_of_a_comparison_is_not_the_year_of_what_follows():
    text = SUMMARY + "2030年全市数字贸易额88亿元，比2025年增长1.5倍，数字贸易企业达到510家。\n"
    assert one(text, "510").year == 2030
    plan = "某县规划\n发布日期：2031-05-02\n\n一、主要目标\n到2035年，以2030年为基数，示范工厂数量实现翻番，超过160家。\n"
    assert one(plan, "160").year == 2035


def test_an_estimate_after_a_semicolon_is_not_of_the_lagged_year():
    text = "某市总结\n发布日期：2032-03-01\n\n2030年全社会研发投入强度达2.9%；示范工厂预计突破300家。\n"
    assert one(text, "2.9").year == 2030
    estimate = one(text, "300")
    assert (estimate.year, estimate.estimate) == (2031, True)


def test_undated_rd_statistics_are_at_least_a_year_old():
    text = "某省发布会\n发布日期：2032-05-20\n\n全省研发投入强度提高至1.3%，创新主体持续壮大。\n"
    assert one(text, "1.3").year == 2030


def test_a_figure_repeated_after_a_dated_lead_keeps_the_lead_s_year():
    text = "某市去年科技成绩单\n发布日期：2031-03-10\n\n2029年，全市数字贸易额达到88.6亿元。\n\n●数字贸易\n全市数字贸易额88.6亿元。\n"
    assert {i.year for i in items(text)} == {2029}


def test_parts_of_a_year_give_the_cut_off():
    text = "某市进展\n发布日期：2031-10-20\n\n前三季度，全市数字贸易额达到66亿元，同比增长8%。\n" \
           "1—8月，全市孵化企业营业收入达到12.5亿元，预计全年营业收入20亿元。\n"
    assert str(one(text, "66").as_of) == "2031-09-30" and str(one(text, "8").as_of) == "2031-09-30"
    assert str(one(text, "12.5").as_of) == "2031-08-31"
    assert one(text, "20").as_of is None  # 全年: the whole year


def test_a_heading_naming_a_part_of_the_year_holds_its_figures_to_that_date():
    text = "某市2030年示范工厂进展\n发布日期：2031-01-15\n\n一、一季度：进展顺利\n截至一季度末，全市示范工厂达到41家。\n" \
           "新增示范工厂6家。\n\n二、全年：超额完成\n截至2030年底，全市示范工厂达到77家。\n"
    assert str(one(text, "41").as_of) == "2030-03-31" and str(one(text, "6").as_of) == "2030-03-31"
    assert one(text, "77").as_of is None


def test_value_added_is_a_level_and_a_named_rate_of_growth_is_growth():
    plan = "某县规划\n发布日期：2031-05-02\n\n一、主要目标\n到2035年，数字产业增加值占地区生产总值比重达到18%。\n"
    assert one(plan, "18").basis == "level"
    text = SUMMARY + "全市示范工厂增速由2028年的21.5%回落至2030年的12.2%。\n"
    assert one(text, "12.2").basis == "growth" and one(text, "21.5").basis == "growth"


def skipped(text: str) -> list[str]:
    result = draft(text.encode(), EMPTY)
    assert result.items == (), result.items
    return [s.reason for s in result.skipped]


def test_inputs_filed_or_recommended_are_not_achievements():
    assert skipped(SUMMARY + "全市推荐86家企业申报示范工厂。\n")
    assert skipped(SUMMARY + "我市已向主管部门申请报备示范工厂240家。\n")
    assert skipped(SUMMARY + "征集入库重点攻关项目64项。\n")


def test_the_bureau_s_own_projects_calls_plans_and_funding_are_not_achievements():
    assert skipped(SUMMARY + "全年组织实施市级科技计划项目212个、下达资金2600万元。\n")
    assert skipped(SUMMARY + "累计发布9批31个技术需求榜单。\n")
    assert skipped(SUMMARY + "吸引70余个创新团队参与竞榜。\n")
    assert skipped(SUMMARY + "同时明确12个重点产业发展计划。\n")


def test_counts_of_places_departments_bands_and_thresholds_are_not_measures():
    assert skipped(SUMMARY + "把年度任务分解到35个部门。\n")
    assert skipped(SUMMARY + "全省有9个市进入前20位。\n")
    assert skipped(SUMMARY + "推动年营收5亿元以上的制造企业建立研发机构。\n")


def test_a_count_of_the_sectors_just_listed_is_not_a_measure():
    assert skipped(SUMMARY + "着力推动智能传感等6个细分产业加快发展。\n")
