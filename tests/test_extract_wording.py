"""extract on the ways other bureaus word a measure: spellings of a registry name, narrower measures,
one measure named several ways in one report, ranks in words, changes of rank and average rates.
Every sentence is invented for the test; each checks a rule, not a text."""

from __future__ import annotations

from sykj_track.extract import draft
from sykj_track.model import Metric


def metric(metric_id: str, zh: str, unit: str = "家", aliases: tuple[str, ...] = (), kind: str = "stock") -> Metric:
    return Metric(metric_id, zh, metric_id, unit, kind, "higher", aliases)


REGISTRY = {m.id: m for m in (
    metric("firms_hi", "高新技术企业数量", aliases=("高新技术企业",)),
    metric("firms_tech", "科技型企业总数", aliases=("科技型企业",)),
    metric("rd_spend", "R&D经费投入", unit="亿元", kind="flow", aliases=("R&D经费投入",)),
    metric("rd_share", "R&D投入强度(占地区生产总值比重)", unit="%", kind="ratio", aliases=("R&D投入强度",)),
    metric("deals", "技术合同成交额", unit="亿元", kind="flow", aliases=("登记技术合同成交额",)),
)}
SUMMARY = "2025-02-10\n一、2024年工作情况\n"
PLAN = "2025-02-10\n二、2025年工作安排\n"


def run(sentence: str, registry: dict | None = None, head: str = SUMMARY):
    return draft((head + sentence).encode(), REGISTRY if registry is None else registry)


def by_value(result, value: str):
    found = [i for i in result.items if f"{i.value.normalize():f}" == value]
    assert len(found) == 1, result.items
    return found[0]


def test_rd_written_in_words_or_with_its_spending_is_the_registry_intensity():
    assert by_value(run("某市研发投入强度达到2.41%。"), "2.41").metric == "rd_share"
    assert by_value(run("全市R&D经费投入强度达到1.97%。"), "1.97").metric == "rd_share"
    assert by_value(run("全社会研发经费投入强度提高到2.6%左右。", head=PLAN), "2.6").metric == "rd_share"
    # the spending itself is still the spending
    assert by_value(run("全市R&D经费投入达到88.5亿元。"), "88.5").metric == "rd_spend"


def test_a_registered_turnover_completed_is_the_registry_turnover():
    result = run("技术合同登记成交额完成73.4亿元，较上年增长12.1%。")
    assert {i.metric for i in result.items} == {"deals"}
    assert not result.new_metrics


def test_a_clause_naming_no_measure_continues_the_one_before():
    result = run("高新技术企业总量达到1450家，2026年突破1700家。", head=PLAN)
    assert by_value(result, "1700").metric == "firms_hi"
    # a number whose measure follows it names its own
    result = run("举办对接会，217项科技成果与305项技术需求对接。")
    assert all(i.metric != "firms_hi" for i in result.items)


def test_average_yearly_growth_is_no_year_of_growth():
    result = run("技术合同成交额年均增长12%以上，2027年达到90亿元。", head=PLAN)
    assert [i.written for i in result.items] == ["90亿元"]
    assert by_value(result, "90").metric == "deals"
    assert [(s.written, "年均" in s.reason) for s in result.skipped] == [("12%", True)]
    assert run("规上工业增加值复合增长率达到9.5%。", {}).items == ()


def test_ranks_in_chinese_numerals_and_changes_of_rank():
    result = run("在全国城市创新能力评价中位列第三十一，较上年上升4位。", {})
    assert [(i.written, i.op, i.bound) for i in result.items] == [("31位", None, "exact")]
    assert [s.written for s in result.skipped] == ["4位"] and "change of rank" in result.skipped[0].reason
    assert [i.written for i in run("综合创新指数排名第七。", {}).items] == ["7位"]
    assert [i.written for i in run("综合创新指数居全省第2。", {}).items] == ["2位"]


def test_a_first_place_claimed_in_words_is_skipped():
    for sentence in ("新增数和总数均居全省第一。", "成交额增速居全国第二。", "创新指数名列全省第一。"):
        result = run(sentence, {})
        assert result.items == (), result.items
        assert result.skipped


def test_a_narrower_population_is_not_the_registry_measure():
    result = run("全市科技型中小企业总数达到2831家。")
    assert by_value(result, "2831").metric not in REGISTRY
    assert by_value(run("全市科技型企业总数达到2831家。"), "2831").metric == "firms_tech"


def test_one_measure_named_several_ways_gets_one_proposed_id():
    text = ("全市新增创新型小微企业88家，创新型小微企业总数达到960家。"
            "技术经纪人登记交易额完成5.2亿元。\n二、2025年工作安排\n创新型小微企业将达到1200家，技术经纪人交易额突破6亿元。")
    result = run(text, {})
    ids = {i.written: i.metric for i in result.items}
    assert ids["88家"] == ids["960家"] == ids["1200家"]
    assert ids["5.2亿元"] == ids["6亿元"]
    assert len(result.new_metrics) == 2


def test_a_target_stated_beside_its_figure_is_a_revealed_goal():
    result = run("全年新认定科技型小微企业265家（任务目标200家），完成全年任务的132%。", {})
    figure, goal = result.items
    assert (figure.kind, figure.written, figure.basis) == ("figure", "265家", "increment")
    assert (goal.kind, goal.written, goal.basis, goal.op, goal.year) == ("goal", "200家", "increment", ">=", 2024)
    assert goal.revealed and goal.metric == figure.metric and "科技型小微企业" in goal.quote
    assert [s.written for s in result.skipped] == ["132%"] and "target completed" in result.skipped[0].reason


def test_a_target_in_brackets_after_the_figure_it_was_met_by():
    result = run("上半年新增孵化企业118家，完成全年任务目标（300家）的39.3%。", {})
    goal = next(i for i in result.items if i.kind == "goal")
    assert goal.written == "300家" and goal.revealed and "孵化企业" in goal.quote
    result = run("技术合同成交额同比增长13.1%(超额完成11%省考目标)。")
    goal = next(i for i in result.items if i.kind == "goal")
    assert (goal.metric, goal.written, goal.basis) == ("deals", "11%", "growth")
    assert "省考" in goal.doubt


def test_how_far_a_target_was_beaten_is_not_the_target():
    result = run("新增高新技术企业610家(超出150家完成省考目标)。")
    assert [i.written for i in result.items] == ["610家"]
    assert [s.written for s in result.skipped] == ["150家"]


def test_a_count_reached_so_far_is_a_figure_even_among_goals():
    text = "全年目标是高新技术企业突破1600家。\n截至目前，我市今年高新技术企业总数已达1320家。"
    result = run(text, head="2024-05-20\n二、2024年工作安排\n")
    kinds = {i.written: (i.kind, i.as_of) for i in result.items}
    assert kinds["1600家"][0] == "goal"
    assert kinds["1320家"][0] == "figure" and str(kinds["1320家"][1]) == "2024-05-20"


def test_a_new_count_naming_its_own_measure_is_not_the_one_before():
    result = run("高新技术企业突破1600家，新组建市级中试平台40家。", head=PLAN)
    assert by_value(result, "1600").metric == "firms_hi"
    assert by_value(result, "40").metric != "firms_hi"
    result = run("高新技术企业达到1520家，新增230家。")
    assert by_value(result, "230").metric == "firms_hi"


ZONES = {**REGISTRY, "zone_firms_hi": metric("zone_firms_hi", "自创区高新技术企业", aliases=("自创区高新技术企业",))}


def test_a_zones_figures_are_not_the_citys():
    result = run("迁入开发区的高新技术企业31家。")
    item = by_value(result, "31")
    assert item.metric != "firms_hi" and not item.known_metric and "开发区" in item.subject
    assert result.new_metrics[0].id.startswith("dev_zone")


def test_a_heading_naming_a_zone_puts_its_section_there():
    text = ("全市高新技术企业达到1800家。\n三、全年：某高新区超额完成年度任务\n"
            "全年新认定高新技术企业120家，同比增长15%。\n全市科技型企业总数达到4100家。\n"
            "四、下一步工作\n高新技术企业突破2000家。")
    result = run(text)
    zone = [i for i in result.items if "高新区" in i.subject]
    assert sorted(i.written for i in zone) == ["120家", "15%"]
    assert all(i.metric == zone[0].metric and "高新区" in i.doubt for i in zone)
    # the city's own words, and the sections after, stay the city's
    assert by_value(result, "4100").metric == "firms_tech"
    assert by_value(result, "1800").metric == by_value(result, "2000").metric == "firms_hi"


def test_a_zone_the_registry_knows_gets_its_own_measure():
    result = run("三、自创区建设成效\n新认定高新技术企业95家。", ZONES)
    assert by_value(result, "95").metric == "zone_firms_hi"


def test_meetings_documents_shares_of_a_call_and_milestones_are_skipped():
    for sentence in ("召开全市科技创新大会1次。", "出台政策文件9个。", "组织召开科技成果对接会12次。",
                     "占全省申报数量（2810家）的11%。", "某市成为全省率先突破500家的设区市。"):
        result = run(sentence, {})
        assert result.items == (), (sentence, result.items)
        assert result.skipped, sentence


def test_proposed_ids_say_what_they_count():
    result = run("全市新增众创空间40家。技术转移机构促成交易3项。某某指标达到7.5%。", {})
    ids = {i.written: i.metric for i in result.items}
    assert ids["40家"] == "makerspaces"
    assert not any(i.startswith("measure_") for i in ids.values()), ids
    assert ids["7.5%"] == "rate"


def test_proposed_names_carry_no_growth_or_rank_wording():
    result = run("全市数字创意产业增加值同比增长9.4%。在全国城市创新指数排名中位列第十二。", {})
    names = {m.zh for m in result.new_metrics}
    assert "数字创意产业增加值" in names
    assert any(name.endswith("排名") for name in names), names


def test_rd_intensity_written_two_ways_is_one_proposal():
    text = "全市R&D经费投入强度达到1.8%。\n二、2025年工作安排\n全社会研发投入强度提高到2%。"
    result = run(text, {})
    assert len({i.metric for i in result.items}) == 1 and result.new_metrics[0].id == "rd_intensity"


def test_a_date_in_brackets_under_the_title_is_the_publication_date():
    result = draft("某市科学技术局局长2024年度述职报告\n（2025年1月20日）\n全年新增高新技术企业120家。".encode(), {})
    assert str(result.source.published) == "2025-01-20" and not result.source.published_approx


def test_a_report_of_another_body_is_said_in_the_draft():
    from sykj_track.extract.output import render_draft_json, render_draft_toml

    data = "乙市科学技术局2024年工作总结\n发布日期：2025-01-08\n全年新增高新技术企业120家。".encode()
    result = draft(data, {}, agency="甲市科学技术局")
    assert result.source.agency == "甲市科学技术局"
    assert len(result.warnings) == 1 and "乙市科学技术局" in result.warnings[0]
    assert "WARNING" in render_draft_toml(result) and "乙市科学技术局" in render_draft_json(result)
    assert draft(data, {}, agency="乙市科学技术局").warnings == ()


def test_a_share_of_a_total_is_quoted_with_the_count_it_is_of():
    result = run("全市842家企业获评科技型小微企业，占全区总数的27.3%。", {})
    share = by_value(result, "27.3")
    assert share.quote.startswith("全市842家企业获评科技型小微企业") and share.metric != by_value(result, "842").metric
    assert by_value(run("约占全省科技型小微企业总数的21%。", {}), "21").bound == "about"


def test_a_place_before_a_scope_word_does_not_hide_the_registry_name():
    result = run("2024年，某地全社会研发经费（R&D）投入91.2亿元。", {"rd": metric(
        "rd", "全社会研发(R&D)经费投入", unit="亿元", kind="flow")})
    assert by_value(result, "91.2").metric == "rd"


def test_a_zones_registry_measure_is_not_the_citys_by_likeness():
    registry = {"zone_share": metric("zone_share", "自创区R&D占GDP比重", unit="%", kind="ratio",
                                     aliases=("自创区R&D占GDP比重",))}
    result = run("全市研发投入占GDP比重达到2.71%。", registry)
    assert by_value(result, "2.71").metric != "zone_share"


def test_a_list_of_counts_is_not_a_count_of_its_items():
    result = run("全年新增重点实验室6家、工程研究中心5家、新型研发机构3家。", {})
    assert sorted(i.written for i in result.items) == ["3家", "5家", "6家"]


def test_an_alias_of_a_zones_measure_is_the_zones_even_without_the_zone_word():
    registry = {"zone_share": metric("zone_share", "自创区高新技术产品产值占比", unit="%", kind="ratio",
                                     aliases=("高新技术产品产值占工业总产值比重",))}
    assert by_value(run("高新技术产业产值占工业产值比重达到51.2%。", registry), "51.2").metric != "zone_share"
    assert by_value(run("自创区建设提速，高新技术产业产值占工业产值比重达到51.2%。", registry), "51.2").metric == "zone_share"
