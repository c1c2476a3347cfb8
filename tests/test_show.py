"""`sykj-track show`: the per-year series, the table and terminal chart, JSON; on hand-made and real data."""

import json
from datetime import date

import pytest
from click.testing import CliRunner

from sykj_track.render.chart import chart_lines, figure_text, render_show
from sykj_track.cli import main
from sykj_track.analysis.reconcile import reconcile
from sykj_track.analysis.series import all_series, metric_series

from helpers import SNAPSHOT, figure, goal

AS_OF = date(2026, 1, 1)


@pytest.fixture
def platforms(data):
    data.metric("platforms", unit="个", zh="科技创新平台", aliases=["创新平台"])
    data.metric("platform_staff", unit="人", zh="科技创新平台人员")
    data.metric("unused", zh="没有数据的指标")
    data.source("plan", date(2021, 12, 31), "2022年平台达到1500个。2023年平台达到1600个，同比增长10%。", goals=[
        goal("platforms", 2022, 1500, "平台达到1500个", unit="个"),
        goal("platforms", 2023, 1600, "平台达到1600个", unit="个"),
        goal("platforms", 2023, 10, "同比增长10%", unit="%", basis="growth")])
    data.source("old", date(2021, 3, 1), "2020年平台1200个。", figures=[
        figure("platforms", 2020, 1200, "2020年平台1200个", unit="个")])
    data.source("news", date(2023, 3, 8), "平台预计1450个。平台1420个。", figures=[
        figure("platforms", 2022, 1450, "平台预计1450个", unit="个", estimate=True),
        figure("platforms", 2022, 1420, "平台1420个", unit="个")])
    data.source("late", date(2024, 3, 1), "平台1700个<script>alert(1)</script>。", figures=[
        figure("platforms", 2023, 1700, "平台1700个<script>alert(1)</script>", unit="个")])
    return data


def run(data, *args):
    return CliRunner().invoke(main, ["--data", str(data.root), *args], catch_exceptions=False)


# --- series -----------------------------------------------------------------------------------------

def test_series_covers_every_year_from_first_to_last(platforms):
    ledger = platforms.load()
    ms = metric_series(ledger, reconcile(ledger, AS_OF), "platforms")
    level = ms.series[0]
    assert [s.basis for s in ms.series] == ["level", "growth"]
    assert [p.year for p in level.points] == [2020, 2021, 2022, 2023]
    assert [p.year for p in level.years_with_data] == [2020, 2022, 2023]
    gap = level.points[1]
    assert gap.verdicts == () and gap.figures == () and gap.shown is None and gap.status is None


def test_series_charts_the_figure_a_goal_is_judged_on(platforms):
    ledger = platforms.load()
    point = metric_series(ledger, reconcile(ledger, AS_OF), "platforms").series[0].points[2]
    assert [f.value for f in point.figures] == [1450, 1420]
    assert point.shown.value == 1420  # final beats the estimate, though the estimate is larger
    assert point.status == "miss"
    assert metric_series(ledger, reconcile(ledger, AS_OF), "platforms").series[0].points[3].status == "hit"


def test_series_sees_only_what_was_published_by_as_of(platforms):
    ledger = platforms.load()
    ms = metric_series(ledger, reconcile(ledger, date(2023, 6, 30)), "platforms")
    last = ms.series[0].points[-1]
    assert last.year == 2023 and last.figures == () and last.status == "pending"
    before = metric_series(ledger, reconcile(ledger, date(2021, 6, 30)), "platforms")
    assert not before.has_goal and [p.year for p in before.series[0].points] == [2020]


def test_series_scale_fits_targets_and_figures(platforms):
    ledger = platforms.load()
    ms = metric_series(ledger, reconcile(ledger, AS_OF), "platforms")
    assert ms.series[0].scale_max() == 1700
    assert ms.series[1].scale_max() == 10


def test_all_series_skips_metrics_with_nothing(platforms):
    ledger = platforms.load()
    assert [ms.metric.id for ms in all_series(ledger, reconcile(ledger, AS_OF))] == ["platforms"]


# --- text and chart ---------------------------------------------------------------------------------

def test_show_prints_a_table_then_a_plain_chart_when_piped(platforms):
    result = run(platforms, "show", "创新平台", "--as-of", "2026-01-01")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "科技创新平台 / platforms (platforms)" in out
    assert "≥ 1500 个" in out and "1420 个" in out and "1450 个 (est.)" in out and "miss final 95%" in out
    assert "\x1b[" not in out
    chart = [line for line in out.splitlines() if line[:4].isdigit() and line[4:6] == " |"]
    assert [line[:4] for line in chart] == ["2020", "2021", "2022", "2023", "2023"]  # level, then growth
    assert not any(ch in "█▏▎▍▌▋▊▉┃│" for line in chart for ch in line)  # drawn in ASCII; labels may be Chinese
    assert all(len(line) <= 80 for line in chart)
    row_2022 = chart[2]
    assert "#" in row_2022 and "|" in row_2022[6:] and row_2022.endswith("miss")
    assert "target ≥1500" in row_2022 and "1420" in row_2022


def test_chart_bar_lengths_follow_the_values(platforms):
    ledger = platforms.load()
    level = metric_series(ledger, reconcile(ledger, AS_OF), "platforms").series[0]
    lines = [line.plain for line in chart_lines(level, 80, plain=True)][1:-1]
    bars = {line[:4]: line[6:].split(" ")[0].count("#") for line in lines}
    assert bars["2021"] == 0
    assert bars["2020"] < bars["2022"] < bars["2023"]
    assert abs(bars["2022"] / bars["2023"] - 1420 / 1700) < 0.05


def test_chart_on_a_terminal_uses_blocks_and_colour(platforms):
    ledger = platforms.load()
    ms = metric_series(ledger, reconcile(ledger, AS_OF), "platforms")
    out = render_show(ms, AS_OF, color=True, width=80, plain=False)
    assert "█" in out and "┃" in out and "\x1b[" in out
    from rich.text import Text

    assert max(Text.from_ansi(line).cell_len for line in out.splitlines()) <= 80


def test_chart_fits_narrow_and_wide_terminals(platforms):
    ledger = platforms.load()
    level = metric_series(ledger, reconcile(ledger, AS_OF), "platforms").series[0]
    for width in (60, 80, 120):
        assert max(line.cell_len for line in chart_lines(level, width, plain=True)[1:-1]) <= width


def test_figure_text_marks_bounds_estimates_and_cut_offs(platforms):
    ledger = platforms.load()
    fig = next(f for f in ledger.figures if f.estimate)
    assert figure_text(fig) == "1450 个 (预计)"
    assert figure_text(fig, with_unit=False, short=True) == "1450 预计"


def test_show_json_has_the_same_content(platforms):
    result = run(platforms, "show", "platforms", "--as-of", "2026-01-01", "--format", "json")
    payload = json.loads(result.output)
    assert payload["as_of"] == "2026-01-01" and payload["metric"]["zh"] == "科技创新平台"
    level = payload["series"][0]
    assert level["basis"] == "level" and [y["year"] for y in level["years"]] == [2020, 2022, 2023]
    y2022 = level["years"][1]
    assert y2022["status"] == "miss"
    assert [g["target"] for g in y2022["goals"]] == [1500] and y2022["goals"][0]["status"] == "miss"
    assert [(f["value"], f["estimate"], f["charted"]) for f in y2022["figures"]] == [(1450, True, False),
                                                                                    (1420, False, True)]
    assert y2022["figures"][1]["source"] == "news" and y2022["figures"][1]["quote"] == "平台1420个"
    assert payload["series"][1]["basis"] == "growth" and payload["series"][1]["unit"] == "%"


def test_show_a_metric_with_nothing_yet_says_so(platforms):
    result = run(platforms, "show", "platforms", "--as-of", "2020-01-01")
    assert result.exit_code == 0
    assert "No report published by 2020-01-01 gives a goal or a figure of this metric." in result.output
    empty = json.loads(run(platforms, "show", "platforms", "--as-of", "2020-01-01", "--format", "json").output)
    assert empty["series"] == [] and empty["metric"]["id"] == "platforms"


def test_show_unknown_metric_suggests_names(platforms):
    result = run(platforms, "show", "科技创新平太")
    assert result.exit_code == 2
    assert "no metric called '科技创新平太'. Did you mean 科技创新平台" in result.output
    result = run(platforms, "show", "nothing-like-it")
    assert result.exit_code == 2 and "sykj-track metrics" in result.output


def test_show_ambiguous_metric_lists_candidates(platforms):
    result = run(platforms, "show", "平台")
    assert result.exit_code == 2
    assert "matches 2 metrics" in result.output
    assert "platforms" in result.output and "platform_staff" in result.output


def test_show_help_has_examples():
    out = CliRunner().invoke(main, ["show", "--help"]).output
    assert "sykj-track show 高新技术企业" in out and "--format" in out and "--as-of" in out


# --- real data --------------------------------------------------------------------------------------

def test_show_real_hitech_enterprises():
    result = CliRunner().invoke(main, ["--data", str(SNAPSHOT), "show", "高企", "--as-of", "2026-11-22"])
    assert result.exit_code == 0, result.output
    chart: dict[str, str] = {}
    for line in result.output.splitlines():
        if line[4:6] == " |":
            chart.setdefault(line[:4], line)  # the level chart comes first
    assert chart["2022"].endswith("miss") and "4200" in chart["2022"] and "target ≥4500" in chart["2022"]
    assert "5902 est." in chart["2024"]
    assert "miss final 93%" in result.output


def test_show_real_tech_contract_value_json():
    result = CliRunner().invoke(main, ["--data", str(SNAPSHOT), "show", "tech_contract_value", "--as-of", "2026-11-22",
                                       "--format", "json"])
    years = {y["year"]: y for y in json.loads(result.output)["series"][0]["years"]}
    assert years[2022]["status"] == "hit"
    charted = [f for f in years[2022]["figures"] if f["charted"]]
    assert [(f["value"], f["bound"]) for f in charted] == [(400, "more_than")]  # full year beats 截至12月22日
