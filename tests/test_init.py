"""`init`: a ledger for another body, its identity everywhere, and another ledger's registry as a start."""

from __future__ import annotations

import json
import tomllib

import pytest
from click.testing import CliRunner
from helpers import REPO

from sykj_track.cli import main
from sykj_track.ledger.identity import load_identity
from sykj_track.ledger.identity import region_of
from sykj_track.ledger.init import InitError, init_ledger

REPORT = """大连市科学技术局2025年工作总结及2026年工作安排
发布日期:2026年03月01日    来源: 大连市科学技术局

2025年,全市高新技术企业达到5000家。
2026年,高新技术企业达到5600家。市工业和信息化局:技术合同成交额达到600亿元。
"""

SOURCE = """[source]
id = "2025-work-report"
file = "seeds/r.txt"
title = "大连市科学技术局2025年工作总结及2026年工作安排"
agency = "大连市科学技术局"
published = 2026-03-01

[[goal]]
metric = "hitech_enterprises"
year = 2026
op = ">="
target = "5600家"
basis = "level"
quote = "2026年,高新技术企业达到5600家"

[[goal]]
metric = "tech_contract_value"
year = 2026
op = ">="
target = "600亿元"
basis = "level"
quote = "技术合同成交额达到600亿元"
agency = "大连市工业和信息化局"

[[figure]]
metric = "hitech_enterprises"
year = 2025
value = "5000家"
bound = "exact"
basis = "level"
quote = "全市高新技术企业达到5000家"
"""


@pytest.fixture
def dalian(tmp_path):
    root = tmp_path / "dalian"
    result = CliRunner().invoke(main, ["init", str(root), "--agency", "大连市科学技术局", "--from", str(REPO)])
    assert result.exit_code == 0, result.output
    (root / "seeds" / "r.txt").write_text(REPORT, "utf-8")
    (root / "targets" / "2025-work-report.toml").write_text(SOURCE, "utf-8")
    return root


def test_an_inited_ledger_for_another_city_carries_no_trace_of_shenyang(dalian):
    runner = CliRunner()
    data = ["--data", str(dalian)]
    outputs = {}
    for name, args in {"help": [*data, "--help"], "check": [*data, "check", "--as-of", "2026-06-01"],
                       "status": [*data, "status", "--as-of", "2026-06-01", "-v"],
                       "status-en": [*data, "status", "--as-of", "2026-06-01", "--lang", "en"],
                       "json": [*data, "status", "--as-of", "2026-06-01", "--format", "json"],
                       "csv": [*data, "status", "--as-of", "2026-06-01", "--format", "csv"],
                       "sources": [*data, "sources", "--format", "json"],
                       "html": [*data, "report", "--html", "-", "--as-of", "2026-06-01"]}.items():
        result = runner.invoke(main, args)
        assert result.exit_code == 0, (name, result.output)
        outputs[name] = result.output
    for name, text in outputs.items():
        assert "沈阳" not in text and "Shenyang" not in text, name
    assert "大连市科学技术局" in outputs["help"]
    assert "<h1>大连市科学技术局：" in outputs["html"] and "<title>大连市科学技术局 " in outputs["html"]
    # only the other agency's goal is tagged, with the region shortened on the page
    assert "[大连市工业和信息化局]" in outputs["status"] and "[大连市科学技术局]" not in outputs["status"]
    assert '<span class="tag">工业和信息化局</span>' in outputs["html"]
    ids = [v["id"] for v in json.loads(outputs["json"])["goals"]]
    assert sorted(ids) == ["2026:hitech_enterprises:level", "2026:tech_contract_value:level:大连市工业和信息化局"]


def test_init_writes_the_identity_and_a_readme_naming_it(tmp_path):
    made = init_ledger(tmp_path / "l", agency="辽宁省科学技术厅", name="辽宁科技厅台账", lang="zh")
    assert load_identity(tmp_path / "l").region == "辽宁省"
    assert made.identity.name == "辽宁科技厅台账" and made.metrics_copied == 0
    readme = (tmp_path / "l" / "README.md").read_text("utf-8")
    assert readme.startswith("# 辽宁科技厅台账") and "辽宁省科学技术厅" in readme
    assert "# [metric." in (tmp_path / "l" / "targets" / "metrics.toml").read_text("utf-8")


def test_init_without_agency_is_neutral_and_checks_clean(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["init", str(tmp_path / "l")])
    assert result.exit_code == 0 and "--agency" in result.output
    assert load_identity(tmp_path / "l").agency == ""
    text = (tmp_path / "l" / "README.md").read_text("utf-8") + (tmp_path / "l" / "targets" / "ledger.toml").read_text("utf-8")
    assert "沈阳" not in text
    assert runner.invoke(main, ["--data", str(tmp_path / "l"), "check"]).exit_code == 0


def test_region_is_the_start_of_the_agency_name():
    assert region_of("大连市科学技术局") == "大连市"
    assert region_of("辽宁省科学技术厅") == "辽宁省"
    assert region_of("内蒙古自治区科学技术厅") == "内蒙古自治区"
    assert region_of("广州市科学技术局") == "广州市"
    assert region_of("市科技局") == "" and region_of("科学技术部") == ""


def test_from_copies_the_registry_and_names_what_to_review(tmp_path):
    made = init_ledger(tmp_path / "l", agency="大连市科学技术局", metrics_from=REPO)
    copied = tomllib.loads((tmp_path / "l" / "targets" / "metrics.toml").read_text("utf-8"))["metric"]
    original = tomllib.loads((REPO / "targets" / "metrics.toml").read_text("utf-8"))["metric"]
    assert copied == original and made.metrics_copied == len(original)
    region_stem = load_identity(REPO).region.removesuffix("市")
    assert all(region_stem in json.dumps(original[m], ensure_ascii=False) for m in made.to_review)


def test_from_refuses_a_directory_without_a_registry_or_with_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InitError, match="no targets/metrics.toml"):
        init_ledger(tmp_path / "a", agency="大连市科学技术局", metrics_from=tmp_path / "empty")
    bad = tmp_path / "bad" / "targets"
    bad.mkdir(parents=True)
    (bad / "metrics.toml").write_text('[metric.x]\nzh = "x"\n', "utf-8")
    with pytest.raises(InitError, match="1 error"):
        init_ledger(tmp_path / "b", agency="大连市科学技术局", metrics_from=tmp_path / "bad")
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_init_never_overwrites_a_ledger(tmp_path):
    init_ledger(tmp_path / "l", agency="大连市科学技术局")
    (tmp_path / "l" / "targets" / "metrics.toml").unlink()
    with pytest.raises(InitError, match="ledger.toml already exists"):
        init_ledger(tmp_path / "l", agency="大连市科学技术局")


def test_the_ledger_language_is_the_default_of_lang(dalian, monkeypatch):
    monkeypatch.delenv("SYKJ_TRACK_LANG")  # the tests' default language; the ledger's comes after it
    runner = CliRunner()
    args = ["--data", str(dalian), "status", "--as-of", "2026-06-01"]
    assert "高新技术企业数量" in runner.invoke(main, args).output
    text = (dalian / "targets" / "ledger.toml").read_text("utf-8").replace('lang = "zh"', 'lang = "en"')
    (dalian / "targets" / "ledger.toml").write_text(text, "utf-8")
    english = runner.invoke(main, args).output
    assert "High-tech enterprises" in english and "高新技术企业数量" not in english
    assert "高新技术企业数量" in runner.invoke(main, [*args, "--lang", "zh"]).output


def test_from_bundled_takes_the_registry_shipped_with_the_tool(tmp_path):
    result = CliRunner().invoke(main, ["init", str(tmp_path / "l"), "--agency", "大连市科学技术局", "--from", "bundled"])
    assert result.exit_code == 0, result.output
    copied = tomllib.loads((tmp_path / "l" / "targets" / "metrics.toml").read_text("utf-8"))["metric"]
    assert "hitech_enterprises" in copied and f"{len(copied)} " in result.output
    missing = CliRunner().invoke(main, ["init", str(tmp_path / "m"), "--from", str(tmp_path / "nowhere")])
    assert missing.exit_code == 1 and "no such directory" in missing.output and not (tmp_path / "m").exists()


PRESS = """大连市科学技术局召开新闻发布会
发布日期:2026年03月01日    来源: 大连市科学技术局

2025年,大连市高新技术企业达到5000家。
市工业和信息化局相关负责人介绍,2026年,全市技术合同成交额力争达到600亿元。
2025年,大连市科技孵化器面积达到120万平方米。
"""


def test_extract_in_an_inited_ledger_drafts_for_that_city_only(tmp_path):
    """extract knows its city only from the ledger: the agency, the speaker's agency and the measure's
    name all come out Dalian's, with no other city's name anywhere in the draft."""
    root = tmp_path / "dalian"
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(root), "--agency", "大连市科学技术局"]).exit_code == 0
    (root / "press.txt").write_text(PRESS, "utf-8")
    result = runner.invoke(main, ["--data", str(root), "extract", str(root / "press.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "沈阳" not in result.output
    draft = json.loads(result.stdout)
    assert draft["source"]["agency"] == "大连市科学技术局"
    agencies = {item.get("agency") for item in draft["items"]}
    assert "大连市工业和信息化局" in agencies
    names = [m["zh"] for m in draft["new_metrics"]]
    assert "高新技术企业" in names and "技术合同成交额" in names, names
    assert not any(name.startswith("大连市") for name in names), names
