"""Bad input gives file, line, what is wrong and how to fix it; every problem is reported at once."""

from datetime import date

from sykj_track.ledger.load import load
from sykj_track.ledger.validate import validate

from helpers import figure, goal


def problems_of(data):
    ledger, problems = load(data.root)
    return ledger, [str(p) for p in problems]


def test_broken_toml_names_file_and_line(data):
    data.metric("platforms")
    (data.root / "targets" / "broken.toml").write_text('[source]\nid = "broken"\ntitle = 平台\n', encoding="utf-8")
    _, problems = problems_of(data)
    assert len(problems) == 1
    assert problems[0].startswith("targets/broken.toml:3: error: not valid TOML")
    assert "fix:" in problems[0]


def test_missing_field_unknown_metric_and_bad_unit_are_all_reported(data):
    data.metric("platforms", unit="个")
    data.source("r", date(2023, 1, 1), "平台达到1500家 成交额500亿元", goals=[
        {"metric": "platforms", "year": 2023, "op": ">=", "unit": "家", "basis": "level", "quote": "平台达到1500家"},
        goal("platfroms", 2023, 1500, "平台达到1500家"),
        goal("platforms", 2023, 500, "成交额500亿元", unit="亿元"),
    ])
    ledger, problems = problems_of(data)
    assert ledger.goals == ()
    assert len(problems) == 3
    assert "targets/r.toml:" in problems[0] and "lacks target" in problems[0]
    assert "unknown metric 'platfroms'" in problems[1] and "did you mean platforms" in problems[1]
    assert "unit does not fit metric platforms" in problems[2]


def test_problem_lines_point_at_the_record(data):
    data.metric("platforms")
    data.source("r", date(2023, 1, 1), "平台达到1500家", goals=[
        goal("platforms", 2023, 1500, "平台达到1500家"), goal("platforms", 2023, 1500, "平台达到1500家", op="=>")])
    _, problems = problems_of(data)
    text = (data.root / "targets" / "r.toml").read_text(encoding="utf-8").splitlines()
    line = int(problems[0].split(":")[1])
    assert text[line - 1].startswith("op = ") and "=>" in text[line - 1]
    assert "use one of: >=, >, <=, <, between" in problems[0]


def test_typo_in_field_name_gets_a_suggestion(data):
    data.metric("platforms")
    data.source("r", date(2023, 1, 1), "3—5家", goals=[goal("platforms", 2023, 3, "3—5家", op="between", targetmax=5)])
    _, problems = problems_of(data)
    assert any("unknown field `targetmax`" in p and "did you mean `target_max`" in p for p in problems)


def test_values_convert_to_the_metric_unit(data):
    data.metric("tech_enterprises").metric("money", unit="亿元", kind="flow")
    ledger = data.source("r", date(2025, 6, 5), "科技型企业总数突破2.5万家 1.1万亿", figures=[
        figure("tech_enterprises", 2024, 2.5, "科技型企业总数突破2.5万家", unit="万家", bound="more_than"),
        figure("money", 2024, "1.1万亿", "1.1万亿", unit="万亿")]).load()
    assert [f.value for f in ledger.figures] == [25000, 11000]
    assert ledger.figures[0].written == "2.5万家"


def test_check_finds_quotes_missing_from_the_seed_and_numbers_missing_from_quotes(data):
    data.metric("platforms")
    ledger = data.source("r", date(2023, 1, 1), "平台总数达 1426\n个，创历史新高", figures=[
        figure("platforms", 2022, 1426, "平台总数达1426个"),          # found: whitespace ignored
        figure("platforms", 2021, 1300, "平台总数达1300个"),          # not in the seed
        figure("platforms", 2020, 1200, "平台总数达1426个"),          # number not in the quote
    ]).load()
    problems = [str(p) for p in validate(ledger)]
    assert len(problems) == 2
    assert "quote not found" in problems[0] and "1300" in problems[0]
    assert "the number 1200家 is not in its quote" in problems[1]


def test_revealed_goal_may_carry_a_worked_out_target(data):
    data.metric("hitech")
    ledger = data.source("r", date(2025, 6, 5), "新增850家(超出200家完成省考目标)", goals=[
        goal("hitech", 2024, 650, "新增850家(超出200家完成省考目标)", basis="increment", revealed=True,
             note="850 - 200")]).load()
    assert validate(ledger) == []


def test_two_targets_for_one_goal_in_one_report_is_a_problem(data):
    data.metric("platforms")
    ledger = data.source("r", date(2023, 1, 1), "达到1500家 达到1600家", goals=[
        goal("platforms", 2023, 1500, "达到1500家"), goal("platforms", 2023, 1600, "达到1600家")]).load()
    assert any("states two targets" in str(p) for p in validate(ledger))


def test_a_seed_without_targets_file_is_a_problem(data):
    data.metric("platforms")
    (data.root / "seeds" / "new_report.txt").write_text("新报告", encoding="utf-8")
    ledger = data.load()
    assert [p.message for p in validate(ledger)] == ["no targets file cites this report"]
