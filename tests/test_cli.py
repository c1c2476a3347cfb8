"""The command line, through click's CliRunner, on hand-made data."""

import csv
import io
import json
import re
from datetime import date

from pathlib import Path

import pytest
from click.testing import CliRunner

from sykj_track.cli import main
from sykj_track.ledger.datadir import DataDirError, find_data_dir
from sykj_track.render import COLUMNS

from helpers import figure, goal, problem_lines


@pytest.fixture
def ready(data):
    data.metric("hitech_enterprises", zh="高新技术企业数量", aliases=["高企", "高新技术企业"])
    data.metric("tech_contract_value", unit="亿元", kind="flow", zh="技术合同成交额")
    data.source("plan", date(2021, 12, 31),
                "2022年高新技术企业数量达到4500家，技术合同成交额达到360亿元。2023年高新技术企业达到5000家。", goals=[
                    goal("hitech_enterprises", 2022, 4500, "高新技术企业数量达到4500家"),
                    goal("tech_contract_value", 2022, 360, "技术合同成交额达到360亿元", unit="亿元"),
                    goal("hitech_enterprises", 2023, 5000, "高新技术企业达到5000家")])
    data.source("news", date(2023, 3, 8), "高新技术企业达到 4200家。技术合同成交额超过400亿元。", figures=[
        figure("hitech_enterprises", 2022, 4200, "高新技术企业达到4200家"),
        figure("tech_contract_value", 2022, 400, "技术合同成交额超过400亿元", unit="亿元", bound="more_than")])
    return data


def run(data, *args, env=None):
    result = CliRunner().invoke(main, ["--data", str(data.root), *args], env=env or {}, catch_exceptions=False)
    return result


def test_help_teaches():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "sykj-track status --as-of" in result.output
    status_help = CliRunner().invoke(main, ["status", "--help"]).output
    for word in ("--year", "--metric", "--status", "--agency", "--as-of", "--format", "--verbose", "no-figure"):
        assert word in status_help


def test_status_table_groups_by_year_with_counts(ready):
    result = run(ready, "status", "--as-of", "2024-01-01")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Goals for 2022" in out and "Goals for 2023" in out
    assert "miss" in out and "hit" in out
    assert "2022: 1 hit, 1 miss, 0 pending; hit rate of decided goals: 50%" in out
    assert "All years (as of 2024-01-01): 1 hit, 1 miss, 1 pending" in out
    assert "\x1b[" not in out  # no colour when not a terminal


def test_status_in_chinese(ready):
    out = run(ready, "status", "--as-of", "2024-01-01", "--lang", "zh").output
    assert "2022年目标" in out and "高新技术企业数量" in out and "达成" in out and "未达成" in out
    assert "2022年：达成 1，未达成 1，待定 0；已判定目标达成率：50%" in out
    assert "hit" not in out and "Goals" not in out


def test_status_english_names(ready):
    assert "hitech_enterprises" in run(ready, "status", "--as-of", "2024-01-01", "--lang", "en").output.replace(" ", "_")


def test_status_json(ready):
    result = run(ready, "status", "--as-of", "2024-01-01", "--format", "json")
    payload = json.loads(result.output)
    assert payload["as_of"] == "2024-01-01"
    assert payload["summary"]["hit"] == 1 and payload["summary"]["hit_rate"] == 0.5
    goals = {g["id"]: g for g in payload["goals"]}
    contract = goals["2022:tech_contract_value:level"]
    for key in ("id", "metric", "name_zh", "name_en", "agency", "year", "basis", "op", "target", "unit", "status",
                "reason", "actual", "actual_bound", "evidence", "attainment", "sources", "quote",
                "figure_source", "figure_quote"):
        assert key in contract
    assert (contract["status"], contract["actual"], contract["actual_bound"]) == ("hit", 400, "more_than")
    assert contract["sources"] == ["plan"] and contract["figure_source"] == "news"
    assert contract["figure_quote"] == "技术合同成交额超过400亿元"
    assert goals["2023:hitech_enterprises:level"]["reason"] == "no-figure"


def test_status_csv_has_the_json_columns(ready):
    rows = list(csv.DictReader(io.StringIO(run(ready, "status", "--as-of", "2024-01-01", "--format", "csv").output)))
    assert len(rows) == 3
    assert tuple(rows[0]) == COLUMNS


@pytest.mark.parametrize("args, count", [
    (("--year", "2023"), 1),
    (("--metric", "高企"), 2),
    (("--metric", "tech_contract_value"), 1),
    (("--status", "miss"), 1),
    (("--status", "hit", "--status", "miss"), 2),
    (("--agency", "科技局"), 3),
    (("--agency", "工信局"), 0),
])
def test_status_filters(ready, args, count):
    payload = json.loads(run(ready, "status", "--as-of", "2024-01-01", "--format", "json", *args).output)
    assert len(payload["goals"]) == count


def test_as_of_before_the_report_leaves_goals_not_due(ready):
    payload = json.loads(run(ready, "status", "--as-of", "2022-06-30", "--format", "json").output)
    assert {g["reason"] for g in payload["goals"]} == {"not-due"}


def test_verbose_shows_quotes(ready):
    out = run(ready, "status", "--as-of", "2024-01-01", "--verbose").output
    assert "「技术合同成交额达到360亿元」" in out and "「技术合同成交额超过400亿元」" in out


def test_bad_date_is_a_clear_error(ready):
    result = run(ready, "status", "--as-of", "next tuesday-ish")
    assert result.exit_code == 2
    assert "is not a date" in result.output and "2025-12-31" in result.output


def test_unknown_metric_is_a_clear_error(ready):
    result = run(ready, "status", "--metric", "hitech_enterprize")
    assert result.exit_code == 2
    assert "no metric called 'hitech_enterprize'" in result.output and "hitech_enterprises" in result.output


def test_broken_data_gives_problems_not_a_traceback(ready):
    (ready.root / "targets" / "plan.toml").write_text("[source\n", encoding="utf-8")
    for command in ("status", "check"):
        result = run(ready, command)
        assert result.exit_code == 1
        lines = result.output if command == "status" else "\n".join(problem_lines(result.output))
        assert "targets/plan.toml:1: error: not valid TOML" in lines
        assert "Traceback" not in result.output


def test_check_passes_on_clean_data_and_fails_on_a_bad_quote(ready):
    result = run(ready, "check", "--as-of", "2023-06-01")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: 2 sources")
    (ready.root / "seeds" / "news.txt").write_text("改过的文字", encoding="utf-8")
    result = run(ready, "check")
    assert result.exit_code == 1
    assert "quote not found in seeds/news.txt" in result.output


def test_missing_data_dir_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["--data", str(tmp_path), "status"])
    assert result.exit_code == 2
    assert "no targets/ directory there" in result.output


def test_metrics_command_lists_metrics(ready):
    out = run(ready, "metrics").output
    assert "hitech_enterprises" in out and "tech_contract_value" in out


# Data location: --data > $SYKJ_TRACK_DATA > nearest directory with targets/ > bundled data.
def test_data_dir_precedence(ready, tmp_path):
    other = tmp_path / "elsewhere"
    (other / "targets").mkdir(parents=True)
    (other / "targets" / "metrics.toml").write_text("", encoding="utf-8")
    nested = ready.root / "seeds"
    env = {"SYKJ_TRACK_DATA": str(other)}
    assert find_data_dir(ready.root, cwd=other, environ=env) == ready.root.resolve()
    assert find_data_dir(None, cwd=nested, environ=env) == other.resolve()
    assert find_data_dir(None, cwd=nested, environ={}) == ready.root.resolve()
    bundled = find_data_dir(None, cwd=tmp_path / "..", environ={})
    assert (bundled / "targets" / "metrics.toml").is_file()
    with pytest.raises(DataDirError, match="SYKJ_TRACK_DATA"):
        find_data_dir(None, cwd=tmp_path, environ={"SYKJ_TRACK_DATA": str(tmp_path / "nope")})


def test_sources_lists_coverage_per_report(ready):
    out = run(ready, "sources", "--as-of", "2024-01-01").output
    rows = [[cell.strip() for cell in re.split("[┃│]", line)[1:-1]] for line in out.splitlines() if line[:1] in "┃│"]
    assert rows[0][:5] == ["report", "seed", "published", "goals", "figures"]
    plan = next(row for row in rows if row[0] == "plan")
    assert plan[3:8] == ["3", "0", "1", "1", "1"]
    payload = json.loads(run(ready, "sources", "--as-of", "2024-01-01", "--format", "json").output)
    assert [s["id"] for s in payload["sources"]] == ["plan", "news"]
    assert "| report |" in run(ready, "sources", "--format", "markdown").output


def test_status_on_a_terminal_fits_and_colours(ready, monkeypatch):
    import sys
    from types import SimpleNamespace

    monkeypatch.setattr("sykj_track.cli.sys", SimpleNamespace(stdout=SimpleNamespace(isatty=lambda: True), exit=sys.exit))
    result = run(ready, "status", "--as-of", "2024-01-01")
    assert result.exit_code == 0, result.output
    assert "\x1b[" in result.output
    assert "\x1b[" not in run(ready, "status", "--as-of", "2024-01-01", env={"NO_COLOR": "1"}).output


@pytest.mark.parametrize("written, meant", [("2025-12-31", "2025-12-31"), ("2025/6/3", "2025-06-03"),
                                            ("2025年6月30日", "2025-06-30"), ("2025-06", "2025-06-01")])
def test_as_of_is_read_year_first(ready, written, meant):
    result = run(ready, "status", "--as-of", written, "--format", "json")
    assert result.exit_code == 0 and f'"as_of": "{meant}"' in result.output


@pytest.mark.parametrize("written", ["06/07/2023", "23-6-30", "2023-13-01", "yesterday"])
def test_ambiguous_dates_are_refused_not_guessed(ready, written):
    result = run(ready, "status", "--as-of", written)
    assert result.exit_code == 2 and "Write it like 2025-12-31" in result.output


def test_a_metric_name_that_matches_several_says_so(ready):
    result = CliRunner().invoke(main, ["--data", str(ready.root), "status", "--metric", "技术",
                                      "--as-of", "2023-06-01", "--format", "json"])
    assert result.exit_code == 0
    assert "matches 2 metrics: hitech_enterprises, tech_contract_value" in result.stderr


def test_the_installed_copy_of_the_data_is_never_written(tmp_path):
    import sykj_track
    from sykj_track.ledger.datadir import is_installed_copy

    assert is_installed_copy(Path(sykj_track.__file__).parent / "data")
    assert not is_installed_copy(tmp_path)


def test_the_cycle_collector_is_left_alone_by_main_and_off_in_the_console_script(ready, monkeypatch):
    import gc

    import sykj_track.cli as cli

    assert gc.isenabled()
    run(ready, "status", "--as-of", "2024-01-01")
    assert gc.isenabled(), "main called from Python must not switch the cycle collector off"
    monkeypatch.setattr(cli, "main", lambda: None)
    try:
        cli.run()
        assert not gc.isenabled()
    finally:
        gc.enable()
    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert 'sykj-track = "sykj_track.cli:run"' in pyproject


@pytest.mark.parametrize("args", [["status"], ["check"], ["metrics"], ["sources"], ["show", "x"], ["audit"],
                                  ["diff", "2024", "2025"], ["report", "--html", "-"],
                                  ["changes", "--since", "2024-01-01"], ["export", "--sqlite", "{tmp}/l.db"],
                                  ["extract", "{tmp}/report.txt"]])
def test_a_directory_without_a_ledger_is_a_usage_error_for_every_command(tmp_path, args):
    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "report.txt").write_text("2025年高新技术企业达到5000家。", encoding="utf-8")
    result = CliRunner().invoke(main, ["--data", str(empty), *(a.replace("{tmp}", str(tmp_path)) for a in args)])
    assert result.exit_code == 2, result.output
    assert "no targets/ directory there" in result.output


@pytest.mark.parametrize("args", [["status"], ["diff", "2023", "2024"], ["audit"], ["show", "高新技术企业"]])
def test_excel_csv_starts_with_a_real_byte_order_mark(args):
    """--excel: the bytes EF BB BF, then the header; not the escaped text \\ufeff."""
    result = CliRunner().invoke(main, [*args, "--format", "csv", "--excel", "--as-of", "2025-06-30"]
                                if args[0] != "audit" else [*args, "--format", "csv", "--excel"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf") and not result.stdout.startswith("\\ufeff")
    assert result.stdout_bytes[3:4].isalpha()


@pytest.mark.parametrize("url", ["ftp://example.org/r.txt", "javascript:alert(1)", "example.org/r", "https://"])
def test_extract_refuses_a_url_check_would_refuse(tmp_path, url):
    report = tmp_path / "r.txt"
    report.write_text("2025年工作总结\n发布日期:2026年03月01日\n\n2025年,高新技术企业达到5000家。\n", "utf-8")
    result = CliRunner().invoke(main, ["extract", str(report), "--url", url])
    assert result.exit_code == 2 and "http(s)" in result.output and "Traceback" not in result.output
