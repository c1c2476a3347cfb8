"""Every quote status -v, diff -v, audit and show -v print carries its seed's file:line, and in verbose
output the sentence around it."""

from datetime import date

from click.testing import CliRunner

from sykj_track.cli import main

from helpers import figure, goal

SEED = ("沈阳市科学技术局2024年工作总结\n\n"
        "一、2024年工作情况\n"
        "今年工作成效明显。全市科技型企业达到110家,同比增长10%,创历史新高。\n\n"
        "二、2025年工作安排\n"
        "坚持创新驱动。全市科技型企业达到121家。\n")


def ledger(data):
    data.metric("firms", zh="科技型企业")
    data.source("r", date(2025, 6, 5), SEED, figures=[
        figure("firms", 2024, 110, "全市科技型企业达到110家"),
        figure("firms", 2024, 10, "同比增长10%", unit="%", basis="growth")],
        goals=[goal("firms", 2025, 121, "全市科技型企业达到121家"),
               goal("firms", 2025, 15, "全市科技型企业达到121家", unit="%", basis="growth", revealed=True,
                    note="a made-up growth goal that disagrees with the level goal")])
    data.source("old", date(2024, 3, 1), "2023年全市科技型企业达到100家。",
                figures=[figure("firms", 2023, 100, "2023年全市科技型企业达到100家")])
    return str(data.root)


def run(root, *args):
    result = CliRunner().invoke(main, ["--data", root, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_status_verbose_gives_file_line_and_sentence(data):
    out = run(ledger(data), "status", "--as-of", "2026-06-30", "-v", "--year", "2024", "--year", "2025")
    assert "goal   r seeds/r.txt:7: 「全市科技型企业达到121家」" in out
    assert "… 全市科技型企业达到121家。" in out
    assert "坚持创新驱动" not in out  # the sentence, not the paragraph


def test_status_without_verbose_reads_no_seed(data):
    out = run(ledger(data), "status", "--as-of", "2026-06-30")
    assert "seeds/r.txt" not in out


def test_diff_verbose_gives_file_line_and_sentence(data):
    out = run(ledger(data), "diff", "2024", "2025", "--as-of", "2026-06-30", "-v")
    assert "r seeds/r.txt:4 (2024): 「全市科技型企业达到110家」" in out
    assert "… 全市科技型企业达到110家,同比增长10%,创历史新高。" in out


def test_audit_gives_file_line_and_verbose_the_sentence(data):
    root = ledger(data)
    plain = run(root, "audit")
    assert "seeds/r.txt:7" in plain and "targets/r.toml:" in plain
    assert "… " not in plain
    verbose = run(root, "audit", "-v")
    assert "… 全市科技型企业达到110家,同比增长10%,创历史新高。" in verbose
    assert "… 全市科技型企业达到121家。" in verbose and "坚持创新驱动" not in verbose  # the sentence only


def test_show_verbose_lists_every_quote_with_its_place(data):
    out = run(ledger(data), "show", "firms", "--as-of", "2026-06-30", "-v")
    quotes = out[out.index("Quotes"):]
    assert "figure old seeds/old.txt:1 (2023): 「2023年全市科技型企业达到100家」" in quotes
    assert "goal   r seeds/r.txt:7 (2025): 「全市科技型企业达到121家」" in quotes
    assert "… 全市科技型企业达到110家,同比增长10%,创历史新高。" in quotes


def test_json_quotes_of_diff_and_audit_carry_their_place_in_the_report(data):
    import json

    root = ledger(data)
    rows = json.loads(run(root, "diff", "2024", "2025", "--as-of", "2026-06-30", "--format", "json"))["rows"]
    places = {q["quote"]: q["seed_where"] for row in rows for q in row["quotes"]}
    assert places["全市科技型企业达到110家"] == "seeds/r.txt:4"
    findings = json.loads(run(root, "audit", "--format", "json"))["findings"]
    quotes = [q for f in findings for q in f["quotes"]]
    assert quotes and all(q["seed_where"].startswith("seeds/") and q["where"].startswith("targets/") for q in quotes)
