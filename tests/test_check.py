"""`sykj-track check`, the CI gate: each rule breaks a copy of the real data and must name the file
(and the line, where there is one) and exit 1; clean data exits 0; usage errors exit 2."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from sykj_track.cli import main

from helpers import SNAPSHOT, figure, goal, problem_lines

AS_OF = "2026-11-22"
REPORT = "targets/2024-work-report.toml"
SEED = "seeds/000_9f6591115d0a2f0a.txt"
# A goal of REPORT that the tests break in various ways.
GOAL_QUOTE = 'quote = "全市国家级创新平台达到100个"'


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the bundled data (targets/ and seeds/)."""
    root = tmp_path / "data"
    shutil.copytree(SNAPSHOT / "targets", root / "targets")
    shutil.copytree(SNAPSHOT / "seeds", root / "seeds")
    return root


def check(root: Path, *args: str):
    return CliRunner().invoke(main, ["--data", str(root), "check", "--as-of", AS_OF, *args], catch_exceptions=False)


def edit(root: Path, name: str, old: str, new: str) -> int:
    """Replace the first `old` in a file by `new`; return the 1-based line where it was."""
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    line = text[:text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def line_of(root: Path, name: str, text: str) -> int:
    lines = (root / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def goal_line(root: Path, key_line: int) -> int:
    """The [[goal]] header above a line."""
    lines = (root / REPORT).read_text(encoding="utf-8").splitlines()
    return max(i for i in range(1, key_line + 1) if lines[i - 1].strip() in ("[[goal]]", "[[figure]]"))


def fails_with(result, *parts: str) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [*problem_lines(result.output), *result.output.splitlines()]
    matching = [line for line in lines if all(part in line for part in parts)]
    assert matching, f"no line with {parts} in:\n{result.output}"
    return matching[0]


# ---------------------------------------------------------------------------------------- clean data


def test_the_bundled_data_passes(copy):
    result = check(copy)
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("ok: 5 sources,") and "0 errors" in last and "hit" in last and "pending" in last


def test_json_report_has_errors_warnings_and_summary(copy):
    edit(copy, REPORT, GOAL_QUOTE, 'quote = "全市国家级创新平台达到101个"')
    result = check(copy, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert set(report) == {"errors", "warnings", "summary"}
    assert {"file", "line", "message", "hint", "message_zh", "hint_zh"} <= set(report["errors"][0])
    assert report["errors"][0]["file"] == REPORT and report["errors"][0]["line"] > 0
    summary = report["summary"]
    assert summary["sources"] == 5 and summary["errors"] == len(report["errors"]) >= 1
    assert {"goals", "figures", "hit", "miss", "pending", "warnings"} <= set(summary)


def test_errors_are_grouped_by_file(copy):
    edit(copy, REPORT, GOAL_QUOTE, 'quote = "全市国家级创新平台达到101个"')
    (copy / "seeds" / "new-report.txt").write_text("2026年工作安排", encoding="utf-8")
    out = check(copy).output
    assert f"── {REPORT} (" in out and "── seeds/new-report.txt (1 error)" in out
    assert out.index("── seeds/new-report.txt") < out.index(f"── {REPORT}")


# ---------------------------------------------------------------------------------------- syntax and schema


def test_toml_syntax_error_names_file_and_line(copy):
    line = edit(copy, REPORT, 'op = ">="', 'op = >=')
    fails_with(check(copy), f"{REPORT}:{line}: error: not valid TOML")


def test_unknown_field_gets_a_suggestion(copy):
    line = edit(copy, REPORT, GOAL_QUOTE, GOAL_QUOTE.replace("quote", "qoute"))
    text = fails_with(check(copy), f"{REPORT}:{goal_line(copy, line)}:", "unknown field `qoute`")
    assert "did you mean" in check(copy).output and "`quote`" in check(copy).output
    assert text


def test_missing_field(copy):
    line = edit(copy, REPORT, GOAL_QUOTE + "\n", "")
    fails_with(check(copy), f"{REPORT}:{goal_line(copy, line - 1)}:", "goal lacks quote")


@pytest.mark.parametrize("old, new, words", [
    ("year = 2025", 'year = "2025"', "`year` is a string"),
    ("year = 2025", "year = 1900", "year 1900 is out of range"),
    ("year = 2025", "year = true", "`year` is true/false"),
    ("target = 100\n", "target = nan\n", "`target` is a number"),
    ('unit = "个"', "unit = 1", "`unit` is a number"),
    ('op = ">="', 'op = "=>"', "`op` is '=>'"),
    ('basis = "level"', 'basis = "stock"', "`basis` is 'stock'"),
    ('metric = "national_innovation_platforms"', 'metric = "national_innovation_platform"',
     "unknown metric 'national_innovation_platform'"),
])
def test_schema_errors_name_the_line(copy, old, new, words):
    anchor = '[[goal]]\nmetric = "national_innovation_platforms"'
    text = (copy / REPORT).read_text(encoding="utf-8")
    start = text.index(anchor)
    block_end = text.index("[[", start + 2)
    block = text[start:block_end]
    assert old in block
    (copy / REPORT).write_text(text[:start] + block.replace(old, new, 1) + text[block_end:], encoding="utf-8")
    line = line_of(copy, REPORT, new.strip())
    fails_with(check(copy), f"{REPORT}:{line}:", words)


def test_unit_that_does_not_fit_the_metric(copy):
    edit(copy, REPORT, 'target = 100\nunit = "个"', 'target = 100\nunit = "亿元"')
    line = line_of(copy, REPORT, "target = 100")
    fails_with(check(copy), f"{REPORT}:{line}:", "unit does not fit metric national_innovation_platforms (个)")


def test_figure_bound_and_dates(copy):
    line = edit(copy, REPORT, 'bound = "exact"', 'bound = "roughly"')
    fails_with(check(copy), f"{REPORT}:{line}:", "`bound` is 'roughly'")


def test_bad_published_date(copy):
    line = edit(copy, REPORT, "published = 2025-06-05", 'published = "June 2025"')
    fails_with(check(copy), f"{REPORT}:{line}:", "`published` is a string", )
    edit(copy, REPORT, 'published = "June 2025"', "published = 2025-06-31")
    fails_with(check(copy), f"{REPORT}:{line}: error: not valid TOML")


def test_metric_kind_outside_its_list(copy):
    line = edit(copy, "targets/metrics.toml", 'kind = "stock"', 'kind = "level"')
    fails_with(check(copy), f"targets/metrics.toml:{line}:", "`kind` is 'level'")


def test_duplicate_source_id(copy):
    shutil.copy(copy / REPORT, copy / "targets" / "2024-work-report-copy.toml")
    fails_with(check(copy), "targets/2024-work-report-copy.toml:", "source id '2024-work-report' differs from the file name")


def test_goal_written_as_a_table_not_a_list(copy):
    (copy / "targets" / "odd.toml").write_text('[source]\nid = "odd"\nfile = "seeds/x.txt"\ntitle = "t"\n'
                                               'agency = "a"\npublished = 2025-01-01\n[goal]\nmetric = "x"\n',
                                               encoding="utf-8")
    fails_with(check(copy), "targets/odd.toml:7:", "not a list of tables")


# ---------------------------------------------------------------------------------------- provenance


@pytest.mark.parametrize("path, words", [
    ("/etc/passwd", "is absolute"),
    ("seeds/../targets/metrics.toml", "climbs out with .."),
    ("docs/000_9f6591115d0a2f0a.txt", "is not inside seeds/"),
    ("seeds/missing.txt", "not found"),
])
def test_seed_path_must_be_inside_seeds(copy, path, words):
    edit(copy, REPORT, f'file = "{SEED}"', f'file = "{path}"')
    fails_with(check(copy), f"{REPORT}:1:", words)


def test_seed_that_links_outside_is_an_error(copy, tmp_path):
    outside = tmp_path / "elsewhere.txt"
    shutil.move(copy / SEED, outside)
    os.symlink(outside, copy / SEED)
    fails_with(check(copy), f"{REPORT}:1:", "is a link to", "outside seeds/")


def test_seed_that_is_a_directory(copy):
    (copy / SEED).unlink()
    (copy / SEED).mkdir()
    fails_with(check(copy), f"{REPORT}:1:", "is not a file")


def test_gb18030_seed_is_named_as_such(copy):
    text = (copy / SEED).read_text(encoding="utf-8")
    (copy / SEED).write_bytes(text.encode("gb18030"))
    line = fails_with(check(copy), f"{SEED}:", "is not UTF-8; it looks like GB18030")
    assert "iconv -f GB18030" in check(copy).output, line


def test_binary_seed(copy):
    (copy / SEED).write_bytes(bytes(range(256)) * 4)
    fails_with(check(copy), f"{SEED}:", "is not UTF-8 text")


def test_quote_not_in_seed(copy):
    text = (copy / SEED).read_text(encoding="utf-8")
    (copy / SEED).write_text(text.replace("国家级创新平台达到100个", "国家级创新平台达到90个"), encoding="utf-8")
    line = line_of(copy, REPORT, GOAL_QUOTE)
    fails_with(check(copy), f"{REPORT}:{goal_line(copy, line)}:", f"quote not found in {SEED}")


def test_number_not_in_quote(copy):
    line = edit(copy, REPORT, "target = 100\n", "target = 110\n")
    fails_with(check(copy), f"{REPORT}:{goal_line(copy, line)}:", "the number 110个 is not in its quote")


def test_quotes_compare_after_nfkc_and_without_whitespace(data):
    data.metric("platforms", unit="个")
    data.source("r", date(2025, 1, 1), "全市国家级创新平台\n达到 １００ 个。", goals=[
        goal("platforms", 2025, 100, "全市国家级创新平台达到100个", unit="个")])
    result = CliRunner().invoke(main, ["--data", str(data.root), "check", "--as-of", "2025-06-01"])
    assert result.exit_code == 0, result.output


def test_numbers_match_after_unit_normalization(data):
    data.metric("tech_enterprises").metric("contracts", unit="亿元", kind="flow")
    data.source("r", date(2025, 1, 1), "科技型企业总数突破2.5万家，技术合同成交额394.28亿元。", figures=[
        figure("tech_enterprises", 2024, 25000, "科技型企业总数突破2.5万家", bound="more_than"),
        figure("contracts", 2024, 394.28, "技术合同成交额394.28亿元", unit="亿元"),
        figure("contracts", 2024, 3942800, "技术合同成交额394.28亿元", unit="万元", note="same, in 万元")])
    result = CliRunner().invoke(main, ["--data", str(data.root), "check", "--as-of", "2025-06-01"])
    assert "the number" not in result.output, result.output


def test_uncited_seed_fails(copy):
    (copy / "seeds" / "2026-report.txt").write_text("2026年工作总结", encoding="utf-8")
    fails_with(check(copy), "seeds/2026-report.txt:", "no targets file cites this report")


def test_an_uncited_seed_in_gb18030_or_utf16_is_named_at_once(copy):
    for name, encoding, said in (("new-gb.txt", "gb18030", "GB18030"), ("new-16.txt", "utf-16", "UTF-16")):
        (copy / "seeds" / name).write_bytes("某市2026年科技工作总结：新增高新技术企业120家。".encode(encoding))
        result = check(copy)
        fails_with(result, f"seeds/{name}:", "no targets file cites this report")
        assert f"looks like {said}" in result.output and f"iconv -f {said}" in result.output, result.output
        (copy / "seeds" / name).unlink()


# ---------------------------------------------------------------------------------------- warnings


def disagreeing(data, value: float, unit: str):
    data.metric("hitech_enterprises")
    data.source("a", date(2024, 1, 10), "高新技术企业达到5902家", figures=[
        figure("hitech_enterprises", 2023, 5902, "高新技术企业达到5902家")])
    data.source("b", date(2024, 6, 1), f"高新技术企业达到{value}{unit}", figures=[
        figure("hitech_enterprises", 2023, value, f"高新技术企业达到{value}{unit}", unit=unit)])
    return data


def test_disagreeing_figures_warn_and_fail_with_strict(data):
    disagreeing(data, 5800, "家")
    args = ["--data", str(data.root), "check", "--as-of", "2024-12-01"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    rows = "\n".join(problem_lines(result.output))
    assert "targets/b.toml:" in rows and "warning: hitech_enterprises 2023 (level) is 5800家 here but 5902家 in a" in rows
    strict = CliRunner().invoke(main, [*args, "--strict"])
    assert strict.exit_code == 1 and "error: hitech_enterprises 2023" in "\n".join(problem_lines(strict.output))


def test_figures_that_agree_after_rounding_do_not_warn(data):
    disagreeing(data, 0.59, "万家")
    result = CliRunner().invoke(main, ["--data", str(data.root), "check", "--as-of", "2024-12-01", "--strict"])
    assert result.exit_code == 0, result.output


def test_overdue_goals_are_counted_and_listed_with_verbose(copy):
    counted = check(copy)
    assert "warning: 111 goals are overdue with no figure" in "\n".join(problem_lines(counted.output))
    listed = check(copy, "--verbose")
    overdue = [line for line in problem_lines(listed.output) if "is overdue" in line]
    assert len(overdue) == 111
    assert any(line.startswith("targets/2018-work-report.toml:") and "2019:" in line for line in overdue)
    assert check(copy, "--strict").exit_code == 1


# ---------------------------------------------------------------------------------------- usage


@pytest.mark.parametrize("args", [["check", "--format", "xml"], ["check", "--as-of", "someday"],
                                  ["--data", "/nowhere/at/all", "check"]])
def test_usage_errors_exit_2(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output


def test_toml_error_at_the_end_has_a_line_and_does_not_orphan_its_seed(copy):
    with open(copy / REPORT, "a", encoding="utf-8") as handle:
        handle.write("\nfoo =\n")
    lines = (copy / REPORT).read_text(encoding="utf-8").count("\n")
    result = check(copy)
    fails_with(result, f"{REPORT}:{lines}: error: not valid TOML")
    assert "no targets file cites" not in result.output


def test_summary_counts_goals_and_statements(copy):
    last = check(copy).output.strip().splitlines()[-1]
    assert "120 goals (stated 127 times)" in last


def test_a_string_year_is_fixed_with_its_own_value(copy):
    edit(copy, REPORT, "year = 2025", 'year = "2026"')
    result = check(copy, "--format", "json")
    hints = [p["hint"] for p in json.loads(result.output)["errors"] if "`year` is a string" in p["message"]]
    assert hints == ["write it as a number, without quotes: year = 2026"]


def test_a_registry_that_does_not_load_is_the_one_error_not_every_metric_unknown(copy):
    with (copy / "targets" / "metrics.toml").open("a", encoding="utf-8") as file:
        file.write('\nkind = "stock"\n')
    result = check(copy, "--format", "json")
    messages = [p["message"] for p in json.loads(result.output)["errors"]]
    assert any(m.startswith("not valid TOML") for m in messages)
    assert not any(m.startswith("unknown metric") for m in messages), messages
    assert any("the metric registry did not load" in m for m in messages)
