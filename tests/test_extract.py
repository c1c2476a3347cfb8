"""extract: one test per parsing rule, year attribution across sections, goal/figure on real sentences."""

from __future__ import annotations

import re

import json
import tomllib
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from sykj_track.cli import main
from sykj_track.extract.output import render_draft_toml
from sykj_track.extract import (ExtractError, decode, draft, find_published, find_quantities, ledger_keys,
                                month_end, paragraphs)
from sykj_track.ledger.load import load
from sykj_track.model import Metric
from sykj_track.quantity import chinese_numerals, parse_chinese_numeral
from sykj_track.ledger.validate import squeeze

from helpers import REPO, SNAPSHOT, figure


def metric(metric_id: str, zh: str, unit: str = "家", aliases: tuple[str, ...] = (), kind: str = "stock") -> Metric:
    return Metric(metric_id, zh, metric_id, unit, kind, "higher", aliases)


REGISTRY = {m.id: m for m in (
    metric("hitech_enterprises", "高新技术企业数量", aliases=("高新技术企业", "高企")),
    metric("tech_enterprises", "科技型企业总数", aliases=("科技型企业",)),
    metric("tech_contract_value", "技术合同成交额", unit="亿元", kind="flow"),
    metric("rd_expenditure", "R&D经费投入", unit="亿元", kind="flow"),
    metric("rd_intensity", "R&D投入强度", unit="%", kind="ratio"),
    metric("national_platforms", "国家级科技创新平台", unit="个"),
    metric("innovation_rank", "创新型城市排名", unit="位", kind="rank", aliases=("排名",)),
)}


def items_of(text: str, registry=REGISTRY, **options):
    return draft(text.encode("utf-8"), registry, **options).items


def one(text: str, **options):
    found = items_of(text, **options)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------------------------ decoding

def test_reads_utf8_and_says_so():
    assert decode("高新技术企业".encode("utf-8")).encoding == "utf-8"
    assert decode(b"\xef\xbb\xbf" + "高企".encode("utf-8")).text == "高企"


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_reads_gbk_and_gb18030_as_gb18030(codec):
    decoded = decode("沈阳市科学技术局2024年工作总结".encode(codec))
    assert decoded.text == "沈阳市科学技术局2024年工作总结"
    assert decoded.encoding == "gb18030"


def test_binary_is_a_clear_error():
    with pytest.raises(ExtractError, match="UTF-8"):
        decode(bytes(range(128, 256)) * 4)


# ------------------------------------------------------------------------------------ dates

def test_date_from_the_publication_line():
    found = find_published("标题\n发布日期:2025年06月05日    来源: 沈阳市科学技术局\n正文")
    assert (found.date, found.approx) == (date(2025, 6, 5), False)


def test_date_from_a_dated_header_and_from_the_end():
    assert find_published("辽宁沈阳:多箭齐发\n\n2025-03-28\n来源").date == date(2025, 3, 28)
    assert find_published("正文。\n沈阳市科学技术局\n2018年12月18日\n").date == date(2018, 12, 18)


def test_a_date_inside_a_sentence_is_not_the_publication_date():
    found = find_published("截至\n2022 年 12 月 22 日，沈阳市当年认定登记技术合同 8416 项。计划到2023年年底前")
    assert found.approx and found.date == date(2023, 1, 1)


def test_without_a_date_the_summary_year_gives_an_approximate_one():
    found = find_published("前言\n一、2021年工作完成情况\n正文\n二、2022年工作思路\n")
    assert (found.date, found.approx) == (date(2021, 12, 31), True)


@pytest.mark.parametrize("month, last", [(2, 28), (9, 30), (12, 31)])
def test_month_end(month, last):
    assert month_end(2023, month) == date(2023, month, last)


# ------------------------------------------------------------------------------------ numbers

@pytest.mark.parametrize("text, number, unit", [
    ("科技型企业突破2.5万家", "2.5", "万家"),
    ("成交额394.28亿元", "394.28", "亿元"),
    ("规模总量达到1.1万亿", "1.1", "万亿"),
    ("同比增长14.2%", "14.2", "%"),
    ("同比提高0.3个百分点", "0.3", "个百分点"),
    ("分类形成百项“卡脖子”问题清单", "100", "项"),
    ("两个国家国际科技合作基地", "2", "个"),
    ("排名上升至全国第18位", "18", "位"),
    ("位列第61名", "61", "位"),
])
def test_quantities_as_reports_write_them(text, number, unit):
    (q,) = find_quantities(text)
    assert (q.number, q.unit) == (Decimal(number), unit)


@pytest.mark.parametrize("text, low, high", [("选择3—5家高校", 3, 5), ("打造15—20个数据应用产品", 15, 20),
                                             ("3-5家", 3, 5)])
def test_ranges(text, low, high):
    (q,) = find_quantities(text)
    assert (q.number, q.number_max) == (low, high)


def test_more_than_written_after_the_number():
    (q,) = find_quantities("累计开展活动320余场")
    assert q.more and q.number == 320 and q.unit == "场"


@pytest.mark.parametrize("text", ["2023年", "“325模式”", "一批企业", "第二场发布会", "支持科技成果“二次开发”",
                                  "建设“三个平台”", "千亿集群", "2022年12月22日"])
def test_words_that_are_not_quantities(text):
    assert find_quantities(text) == []


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10) ** 6, places=2),
       st.sampled_from(["", "万", "亿"]), st.sampled_from(["家", "个", "项", "元", "%"]))
def test_any_decimal_with_a_unit_is_read_back(number, prefix, unit):
    if unit == "%":
        prefix = ""
    (q,) = find_quantities(f"达到{number}{prefix}{unit}")
    assert q.number == number and q.unit == prefix + unit


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_numerals_read_back(number):
    for form in chinese_numerals(number):
        assert parse_chinese_numeral(form) == number


@pytest.mark.parametrize("text", ["", "二三", "十百", "高企"])
def test_non_numerals(text):
    assert parse_chinese_numeral(text) is None


# ------------------------------------------------------------------------------------ years and sections

REPORT = """沈阳市科学技术局2024年工作总结及2025年工作安排
发布日期:2025年06月05日    来源: 沈阳市科学技术局
一、关于2024年工作情况
全市高新技术企业总数达到5902家。2023年全社会R&D经费投入达到233.9亿元(错年统计)。
预计全年技术合同成交额实现700亿元。截至9月底,科技型企业突破2万家。
二、关于2025年工作安排
技术合同成交额超过770亿元、同比增长10%。高新技术企业达到6500家以上。
"""


def by_value(items):
    return {float(i.value): i for i in items}


def test_year_attribution_across_sections():
    items = by_value(items_of(REPORT))
    assert (items[5902].kind, items[5902].year) == ("figure", 2024)  # summary of 2024
    assert (items[233.9].kind, items[233.9].year) == ("figure", 2023)  # 错年统计: the year written wins
    assert (items[700].year, items[700].estimate) == (2024, True)  # 全年 in a summary: that year; 预计
    assert (items[770].kind, items[770].year, items[770].op) == ("goal", 2025, ">")  # plan, 超过
    assert (items[10].basis, items[10].metric) == ("growth", "tech_contract_value")  # 同比增长 after the name
    assert (items[6500].op, items[6500].metric) == (">=", "hitech_enterprises")


def test_partial_year_figure_gets_as_of():
    items = by_value(items_of(REPORT))
    assert items[2].as_of == date(2024, 9, 30) and items[2].bound == "more_than" and items[2].unit == "万家"


def test_without_headings_an_early_report_reports_last_year_and_plans_this_one():
    text = "2023-03-08\n沈阳市科技型企业数量突破1.5万家，同比增长38%。\n计划年底前，全市技术合同成交额达到500亿元。"
    items = by_value(items_of(text))
    assert (items[1.5].kind, items[1.5].year) == ("figure", 2022)
    assert (items[500].kind, items[500].year) == ("goal", 2023)


def test_from_year_to_year():
    text = "2021-12-31\n一、2021年工作完成情况\n全市R&D投入强度由2020年的2.50%增加至2.94%。"
    items = by_value(items_of(text))
    assert items[2.5].year == 2020 and items[2.94].year == 2021


# ------------------------------------------------------------------------------------ goals and figures

@pytest.mark.parametrize("sentence, kind, basis, bound_or_op, estimate", [
    # real sentences of the seeds, under a summary heading
    ("预计新增高新技术企业850家", "figure", "increment", "exact", True),
    ("科技型企业总数突破2.5万家", "figure", "level", "more_than", False),
    ("各级各类创新平台1710个,同比增长13%", "figure", "growth", "exact", False),
    ("全年预计新增高新技术企业386家左右", "figure", "increment", "about", True),
    ("力争科技型企业总数突破2万家", "goal", "level", ">", False),
])
def test_summary_sentences(sentence, kind, basis, bound_or_op, estimate):
    registry = dict(REGISTRY, innovation_platforms=metric("innovation_platforms", "各级各类创新平台", "个"))
    found = items_of(f"2024年工作总结\n2025-06-05\n一、2024年工作情况\n{sentence}。", registry)
    item = found[-1]
    assert (item.kind, item.basis, item.bound or item.op, item.estimate) == (kind, basis, bound_or_op, estimate)


@pytest.mark.parametrize("sentence, op", [
    ("全市高新技术企业数量达到4500家", ">="),
    ("科技型企业突破3万家", ">"),
    ("技术合同成交额超过770亿元", ">"),
    ("高新技术企业达到1500家以上", ">="),
])
def test_plan_sentences_are_goals(sentence, op):
    item = one(f"2025-01-10\n二、2025年工作目标\n{sentence}。")
    assert (item.kind, item.year, item.op) == ("goal", 2025, op)


def test_two_tier_goal_gives_base_and_stretch():
    found = items_of("2025-01-10\n二、2025年工作目标\n高新技术企业确保达到80家、力争突破100家。")
    tiers = {float(i.value): (i.tier, i.op) for i in found}
    assert tiers == {80: ("base", ">="), 100: ("stretch", ">")}
    toml_text = render_draft_toml(draft("2025-01-10\n二、2025年工作目标\n高新技术企业确保达到80家、力争突破100家。"
                                        .encode(), REGISTRY))
    assert len(tomllib.loads(toml_text)["goal"]) == 1  # the stretch tier is written commented out


def test_range_goal():
    item = one("2025-01-10\n二、2025年工作目标\n打造15—20个国家级科技创新平台。")
    assert (item.op, item.value, item.value_max) == ("between", 15, 20)


def test_policy_parameters_and_list_counts_are_left_out():
    text = ("2025-01-10\n二、2025年工作目标\n对首次认定的高企给予最高30万元奖励。"
            "瞄准智能芯片、智能语音、智能图像、智能器件4个核心产业。")
    assert items_of(text) == ()


# ------------------------------------------------------------------------------------ metrics

def test_a_name_after_the_number_wins():
    item = one("2025-06-05\n一、2024年工作情况\n新增3个国家级科技创新平台。")
    assert (item.metric, item.basis) == ("national_platforms", "increment")


def test_percent_never_measures_a_count():
    found = items_of("2025-06-05\n一、2024年工作情况\n高新技术企业总数达到5902家,占全省的42.1%。")
    metrics = {float(i.value): (i.metric, i.known_metric) for i in found}
    assert metrics[5902] == ("hitech_enterprises", True)
    assert metrics[42.1][1] is False  # proposed as a new metric, not dropped


def test_unknown_measure_is_proposed_not_dropped():
    result = draft("2025-06-05\n一、2024年工作情况\n备案大学科技园29家。".encode(), REGISTRY)
    (item,) = result.items
    assert not item.known_metric and item.metric not in REGISTRY and re.fullmatch(r"[a-z][a-z0-9_]*", item.metric)
    assert result.new_metrics[0].id == item.metric and "大学科技园" in result.new_metrics[0].zh


def test_respectively_pairs_names_and_numbers():
    registry = {m.id: m for m in (metric("biomed", "生物医药及医疗装备", "亿元"), metric("materials", "新材料", "亿元"))}
    found = items_of("2025-01-10\n二、2025年工作目标\n生物医药及医疗装备、新材料产业集群规模分别达到1000亿元、700亿元。",
                     registry)
    assert {i.metric: float(i.value) for i in found} == {"biomed": 1000, "materials": 700}


def test_already_recorded(data):
    data.metric("hitech_enterprises", zh="高新技术企业数量", aliases=["高新技术企业"])
    text = "2025-06-05\n一、2024年工作情况\n高新技术企业总数达到5902家。新增高新技术企业850家。"
    data.source("old", date(2025, 6, 5), text, figures=[figure("hitech_enterprises", 2024, 5902, "高新技术企业总数达到5902家")])
    ledger = data.load()
    found = by_value(draft(text.encode(), ledger.metrics, ledger_keys(ledger.goals, ledger.figures)).items)
    assert found[5902].already_recorded and not found[850].already_recorded


# ------------------------------------------------------------------------------------ real seeds

@pytest.fixture(scope="module")
def seed_drafts(real_ledger):
    return {s.file: draft((REPO / s.file).read_bytes(), real_ledger.metrics, seed_file=s.file,
                          agency=real_ledger.identity.agency)
            for s in real_ledger.sources}


def test_every_quote_is_in_its_seed_with_its_number(seed_drafts):
    for file, result in seed_drafts.items():
        seed = squeeze((REPO / file).read_text(encoding="utf-8"))
        for item in result.items:
            assert squeeze(item.quote) in seed, (file, item.quote)
            assert f"{item.value.normalize():f}" in squeeze(item.quote) or not item.quote[0].isascii()


def test_real_sentences_classified(seed_drafts):
    items = {(i.quote, float(i.value)): i for r in seed_drafts.values() for i in r.items}

    def find(fragment, value):
        return next(i for (q, v), i in items.items() if fragment in q and v == value)

    assert (find("技术合同成交额超过770亿元", 770).kind, find("技术合同成交额超过770亿元", 770).year) == ("goal", 2025)
    assert find("高新技术企业总数达到5902家", 5902).kind == "figure"
    assert find("全市R&D经费投入192.9亿元", 192.9).year == 2020  # a 2021 report, figures of 2020
    assert find("国家高新技术企业达到5000家", 5000).year == 2023
    assert not any("处级干部" in q for q, _ in items)  # a staff count is no figure: it goes to `skipped`


def test_seed_drafts_load_without_problems_but_new_metrics(tmp_path, real_ledger, seed_drafts):
    (tmp_path / "targets").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "targets" / "metrics.toml").write_text((REPO / "targets" / "metrics.toml").read_text("utf-8"), "utf-8")
    for n, (file, result) in enumerate(seed_drafts.items()):
        (tmp_path / file).write_bytes((REPO / file).read_bytes())
        result = replace(result, source=replace(result.source, id=f"draft-{n}"))
        (tmp_path / "targets" / f"draft-{n}.toml").write_text(render_draft_toml(result), "utf-8")
    ledger, problems = load(tmp_path)
    proposed = {m.id for result in seed_drafts.values() for m in result.new_metrics}
    assert problems and all(re.search(r"unknown metric '(\w+)'", p.message).group(1) in proposed for p in problems)


# ------------------------------------------------------------------------------------ CLI

def test_cli_extract_json(tmp_path):
    report = tmp_path / "r.txt"
    report.write_bytes(REPORT.encode("gbk"))
    result = CliRunner().invoke(main, ["--data", str(REPO), "extract", str(report), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["encoding"] == "gb18030"
    assert payload["source"]["published"] == "2025-06-05"
    keys = {"kind", "metric", "year", "value", "unit", "op", "bound", "basis", "estimate", "as_of", "quote",
            "confidence", "already_recorded"}
    assert payload["items"] and all(keys <= set(i) for i in payload["items"])


def test_cli_extract_write_refuses_to_overwrite(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "l")]).exit_code == 0
    seed = tmp_path / "l" / "seeds" / "r.txt"
    seed.write_text(REPORT, "utf-8")
    args = ["--data", str(tmp_path / "l"), "extract", str(seed), "--write", "--id", "r"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    written = tmp_path / "l" / "targets" / "r.toml"
    assert tomllib.loads(written.read_text("utf-8"))["source"]["file"] == "seeds/r.txt"
    again = runner.invoke(main, args)
    assert again.exit_code == 1 and "--force" in again.output
    assert runner.invoke(main, [*args, "--force"]).exit_code == 0


def test_cli_extract_bad_input_is_a_message_not_a_traceback(tmp_path):
    report = tmp_path / "r.bin"
    report.write_bytes(bytes(range(128, 256)) * 4)
    result = CliRunner().invoke(main, ["--data", str(REPO), "extract", str(report)])
    assert result.exit_code == 1 and "UTF-8" in result.output and "Traceback" not in result.output


def test_cli_init_then_check(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["init", str(tmp_path / "city")])
    assert result.exit_code == 0 and (tmp_path / "city" / "targets" / "metrics.toml").is_file()
    assert "# [metric." in (tmp_path / "city" / "targets" / "metrics.toml").read_text("utf-8")
    assert runner.invoke(main, ["--data", str(tmp_path / "city"), "check"]).exit_code == 0
    again = runner.invoke(main, ["init", str(tmp_path / "city")])
    assert again.exit_code == 1 and "already" in again.output


def test_paragraphs_join_pdf_lines():
    text = "\n".join(["促进成果转化是科技创新工", "作的出发点和落脚点。近年来，沈", "阳市不断建立科技成果转化体系，",
                      "畅通科技成果转化渠道，健全科技", "成果转化链条，提升科技型企业科", "技成果承接转化能力。截至",
                      "2022 年 12 月 22 日，沈阳市当年认", "定登记技术合同 8416 项，技术合"])
    (para,) = paragraphs(text)
    assert "2022年12月22日，沈阳市当年认定登记技术合同8416项" in para


def test_evaluation_script_guards_against_regressions():
    """Floors a little under today's scores: the curated ledger grows, so the script must not pin counts."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("extract_eval", REPO / "benchmarks" / "extract_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    results = module.evaluate(SNAPSHOT)  # the frozen ledger: a new report extract reads less well is no regression
    totals = {kind: [sum(r[kind][i] for r in results.values()) for i in range(4)] for kind in ("goal", "figure")}
    hits, drafted, curated, registry = totals["goal"]
    assert hits / curated >= 0.8 and hits / registry >= 0.85
    hits, drafted, curated, registry = totals["figure"]
    assert hits / curated >= 0.7 and hits / registry >= 0.75
    assert "| **all** | goal |" in module.table(results)
