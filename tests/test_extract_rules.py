"""extract's precision rules: numbers that are no goal or figure go to `skipped` with a reason, list
items are mapped to their own subjects, and fuzzy registry matching. Real sentences from the seeds."""

from __future__ import annotations

import json

from sykj_track.extract.output import render_draft_json, render_draft_toml
from sykj_track.extract import draft
from sykj_track.model import Metric


def metric(metric_id: str, zh: str, unit: str = "家", aliases: tuple[str, ...] = (), kind: str = "stock") -> Metric:
    return Metric(metric_id, zh, metric_id, unit, kind, "higher", aliases)


REGISTRY = {m.id: m for m in (
    metric("hitech_enterprises", "高新技术企业数量", aliases=("高新技术企业", "高企")),
    metric("rd_intensity", "R&D投入强度", unit="%", kind="ratio"),
)}
SUMMARY = "2025-06-05\n一、2024年工作情况\n"


def run(sentence: str, registry: dict = REGISTRY, head: str = SUMMARY):
    return draft((head + sentence).encode(), registry)


def skipped_reason(sentence: str, registry: dict = REGISTRY) -> list[str]:
    result = run(sentence, registry)
    assert result.items == (), result.items
    return [s.reason for s in result.skipped]


def test_staff_and_party_counts_are_skipped():
    assert skipped_reason("“五惠帮企”处级干部服务包保97户企业，3个党支部获评先进基层党组织。")
    assert skipped_reason("组织召开了领导小组6次例会，经汇总、梳理、合并同类项后形成72项重点任务。")


def test_comparisons_with_a_national_average_are_skipped():
    result = run("R&D投入强度达到2.94%，同比提高0.3个百分点，高于全国(2.40%)0.54个百分点，高于全省(2.19%)0.75个百分点。")
    assert sorted(float(i.value) for i in result.items) == [0.3, 2.94]
    assert {s.written for s in result.skipped} == {"2.4%", "0.54个百分点", "2.19%", "0.75个百分点"}
    assert all("comparison" in s.reason for s in result.skipped)


def test_numbers_inside_a_document_title_are_skipped():
    reasons = skipped_reason("研究制定《五个国家级重大科技创新平台服务沈阳推进工作方案》。")
    assert reasons == ["part of a document title"]


def test_anecdotes_about_named_organisations_are_skipped():
    assert skipped_reason("沈阳化工研究院等15家单位获批15个省级技术创新中心。")
    assert skipped_reason("新松机器人、诺康制药、富创精密、东软医疗等企业产值分别增长24.1%、80.2%、152.9%和130.9%。")
    assert skipped_reason("中关村(沈阳)领创空间在孵企业11家，入驻率达到80%。")


def test_a_kind_of_carrier_is_no_named_place():
    result = run("备案大学科技园29家。")
    assert [i.written for i in result.items] == ["29家"] and not result.skipped


def test_a_share_of_the_province_is_kept_a_share_of_a_breakdown_skipped():
    kept = run("高新技术企业总数达到5902家，占全省的42.1%。")
    assert {float(i.value) for i in kept.items} == {5902, 42.1}
    split = run("联盟成员总数达到621家(企业372家、占59.9%)。")
    assert [i.written for i in split.items] == ["621家"]  # the total is a figure, its split is not
    assert {s.written for s in split.skipped} == {"372家", "59.9%"}


def test_one_of_and_universe_sizes_are_skipped():
    assert skipped_reason("跻身全国15个科技创新策源地之一。")
    assert skipped_reason("对全国97个城市进行综合评价。")


def test_skipped_numbers_are_in_the_json_and_commented_in_the_toml():
    result = run("3个党支部获评先进基层党组织，高新技术企业达到5902家。")
    payload = json.loads(render_draft_json(result))
    assert payload["skipped"] == [{"value": "3个", "reason": result.skipped[0].reason,
                                   "quote": "3个党支部获评先进基层党组织"}]
    assert [i["value"] for i in payload["items"]] == [5902]
    toml = render_draft_toml(result)
    assert "#   3个: " in toml and "3个党支部" in toml


# ------------------------------------------------------------------------------------ fuzzy matching

def test_a_name_split_by_its_number_is_matched():
    registry = {"standards": metric("standards", "“双百工程”实施以来形成技术标准(累计)", "项", aliases=("形成技术标准",))}
    (item,) = run("共完成1219项技术攻关,形成383项技术标准。", registry).items[-1:]
    assert (item.metric, float(item.value)) == ("standards", 383)


def test_a_breakdown_level_takes_its_totals_subject_and_levels_must_agree():
    registry = {m.id: m for m in (metric("national", "国家级技术转移示范机构"), metric("provincial", "省级技术转移示范机构"),
                                  metric("municipal", "市级技术转移示范机构"))}
    result = run("目前,我市共有各级技术示范转移机构41家,其中,国家级7家、省级13家、市级21家。", registry)
    assert {i.metric: float(i.value) for i in result.items if i.known_metric} == \
        {"national": 7, "provincial": 13, "municipal": 21}


def test_list_items_share_the_lists_tail():
    registry = {m.id: m for m in (metric("giant_pool", "科技“小巨人”企业培育库入库企业", aliases=("科技小巨人培育库企业",)),
                                  metric("hitech_pool", "高新技术企业培育库入库企业", aliases=("高新技术企业培育库企业",)))}
    result = run("新增科技小巨人和高新技术企业培育库企业236家和338家。", registry)
    assert {i.metric: float(i.value) for i in result.items} == {"giant_pool": 236, "hitech_pool": 338}


def test_respectively_with_a_shared_tail_keeps_the_growth_basis():
    registry = {m.id: m for m in (metric("robot", "自创区机器人产业产值", "亿元", kind="flow"),
                                  metric("biomed", "自创区生物医药产业产值", "亿元", kind="flow"))}
    result = run("自创区机器人、生物医药等产业产值分别增长23.6%、27.6%。", registry)
    assert {(i.metric, i.basis, float(i.value)) for i in result.items} == \
        {("robot", "growth", 23.6), ("biomed", "growth", 27.6)}


def test_a_generic_name_is_specialised_by_the_words_just_before_it():
    registry = {m.id: m for m in (metric("ic", "IC装备产业产值", "亿元", kind="flow"),
                                  metric("zone_ic", "自创区IC装备产业产值", "亿元", kind="flow"))}
    (item,) = run("自创区IC装备产业产值增长44.5%。", registry).items
    assert item.metric == "zone_ic"
    (item,) = run("全市IC装备产业产值增长44.5%。", registry).items
    assert item.metric == "ic"


def test_a_year_opening_a_sentence_holds_across_its_semicolons():
    head = "2021-02-01\n一、2021年工作情况\n"
    result = run("2020年全市R&D经费投入192.9亿元；R&D投入强度达到2.94%，同比提高0.3个百分点。", head=head)
    assert {i.year for i in result.items} == {2020}
    assert sorted(float(i.value) for i in result.items if i.metric == "rd_intensity") == [0.3, 2.94]


def test_a_name_in_a_parenthesis_is_no_subject_outside_it():
    registry = {"alliance_members": metric("alliance_members", "联盟成员总数")}
    result = run("联盟成员总数达到621家(企业372家、占59.9%)。", registry)
    assert [(i.metric, float(i.value)) for i in result.items] == [("alliance_members", 621)]


def test_inputs_work_under_way_and_deal_terms_are_skipped():
    assert skipped_reason("推荐17家企业申报辽宁省科技成果转化中试基地。")
    assert skipped_reason("征集全市科技创新成果88项、产业技术需求10项。") and \
        len(run("征集全市科技创新成果88项、产业技术需求10项。").skipped) == 2
    assert skipped_reason("第二批共发布榜单39项。")
    assert skipped_reason("目前已有来自全国的140多家科研单位正在与“发榜方”对接推进。")
    assert skipped_reason("赋予完成人及团队所有权90%，作价4505万元转化。")


def test_a_continuing_total_takes_the_earlier_name_counted_in_its_unit():
    registry = {m.id: m for m in (metric("institutes", "新型研发机构"), metric("sectors", "产业细分领域", "个"))}
    result = run("组建新型研发机构,基本覆盖20个产业细分领域,总数达到52家。", registry)
    assert {i.metric: float(i.value) for i in result.items} == {"sectors": 20, "institutes": 52}
