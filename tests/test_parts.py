"""Breakdowns: a metric with part_of is a part of another, and never larger than it."""

from __future__ import annotations

from datetime import date

from helpers import REPO, figure

from sykj_track.analysis.audit import audit
from sykj_track.ledger.load import load, load_metrics
from sykj_track.analysis.parts import parts_exceeding_total

TEXT = "共有各级机构41家,其中,国家级7家、省级13家、市级21家。"


def registry(data, **national):
    data.metric("institutions", unit="家")
    data.metric("institutions_national", unit="家", part_of="institutions", **national)
    data.metric("institutions_national_labs", unit="个", part_of="institutions_national")
    return data


def kinds(ledger):
    return [(f.kind, f.metric.id, f.years, [r.value for _, r in f.records]) for f in parts_exceeding_total(ledger)]


def test_parts_within_their_total_make_no_finding(data):
    registry(data).source("r", date(2019, 1, 1), TEXT, figures=[
        figure("institutions", 2018, 41, "共有各级机构41家"),
        figure("institutions_national", 2018, 7, "国家级7家")])
    assert kinds(data.load()) == []


def test_a_part_larger_than_its_total_is_a_finding(data):
    registry(data).source("r", date(2019, 1, 1), "各级机构41家。国家级机构45家。", figures=[
        figure("institutions", 2018, 41, "各级机构41家"),
        figure("institutions_national", 2018, 45, "国家级机构45家")])
    [finding] = parts_exceeding_total(data.load())
    assert (finding.kind, finding.metric.id, finding.years) == ("part-exceeds-total", "institutions", (2018,))
    assert [role for role, _ in finding.records] == ["part", "total"]
    assert "45家" in finding.arithmetic and "41家" in finding.arithmetic
    assert any(f.kind == "part-exceeds-total" for f in audit(data.load()))


def test_a_part_of_a_part_is_checked_against_every_total_above_it(data):
    registry(data).source("r", date(2019, 1, 1), "各级机构41家。实验室50个。", figures=[
        figure("institutions", 2018, 41, "各级机构41家"),
        figure("institutions_national_labs", 2018, 50, "实验室50个", unit="个")])
    assert kinds(data.load()) == [("part-exceeds-total", "institutions", (2018,), [50, 41])]


def test_bounds_and_rounding_decide_nothing_by_themselves(data):
    # 突破4万 (more than 40000) against 4.1万家 rounded (40500..41500): they can agree; 约 widens too
    registry(data).source("r", date(2019, 1, 1), "各级机构4.1万家。国家级突破4万家。", figures=[
        figure("institutions", 2018, 4.1, "各级机构4.1万家", unit="万家"),
        figure("institutions_national", 2018, 4, "国家级突破4万家", unit="万家", bound="more_than")])
    assert kinds(data.load()) == []


def test_only_levels_of_one_year_one_cut_off_and_one_kind_of_estimate_meet(data):
    registry(data).source("r", date(2019, 1, 1), "各级机构41家。国家级新增50家。预计国家级45家。截至6月国家级48家。"
                          "2017年国家级60家。", figures=[
        figure("institutions", 2018, 41, "各级机构41家"),
        figure("institutions_national", 2018, 50, "国家级新增50家", basis="increment"),
        figure("institutions_national", 2018, 45, "预计国家级45家", estimate=True),
        figure("institutions_national", 2018, 48, "截至6月国家级48家", as_of=date(2018, 6, 30)),
        figure("institutions_national", 2017, 60, "2017年国家级60家")])
    assert kinds(data.load()) == []


def test_part_of_must_name_a_metric_of_the_same_kind_of_unit_without_a_loop(data):
    data.metric("institutions", unit="家")
    data.metric("funding", unit="亿元")
    data.metric("a", part_of="institutoins")
    data.metric("b", part_of="funding")
    data.metric("c", part_of="d")
    data.metric("d", part_of="c")
    _, problems = load(data.root)
    messages = sorted(p.message for p in problems)
    assert messages == ["b (家) cannot be a part of funding (亿元)",
                        "part_of goes round in a circle: c -> d -> c",
                        "part_of goes round in a circle: d -> c -> d",
                        "part_of names no metric: 'institutoins'"]
    assert next(p for p in problems if "institutoins" in p.message).hint == "did you mean institutions?"
    assert all(p.where.file == "targets/metrics.toml" and p.where.line > 0 for p in problems)


def test_the_bundled_breakdowns_name_their_totals():
    problems: list = []
    metrics = load_metrics(REPO, problems)  # the registry as it is now, not the frozen snapshot
    assert problems == []
    for part in ("tech_transfer_institutions_national", "tech_transfer_institutions_provincial",
                 "tech_transfer_institutions_municipal"):
        assert metrics[part].part_of == "tech_transfer_institutions"
    assert metrics["industry_tech_alliances_municipal"].part_of == "industry_tech_alliances"
    assert metrics["national_sci_projects"].part_of == "superior_sci_projects"
    assert all(m.part_of in metrics for m in metrics.values() if m.part_of)
