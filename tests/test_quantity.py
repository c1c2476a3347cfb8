from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sykj_track.quantity import QuantityError, chinese_numerals, convert, format_number, parse_quantity, parse_unit


@pytest.mark.parametrize("text, number, unit", [
    ("2.5万家", "2.5", "万家"),
    ("394.28亿元", "394.28", "亿元"),
    ("1.1万亿", "1.1", "万亿"),
    ("17万名", "17", "万名"),
    ("2.7万人", "2.7", "万人"),
    ("50.3%", "50.3", "%"),
    ("770", "770", ""),
    ("8416 项", "8416", "项"),
    ("1,250个", "1250", "个"),
])
def test_parse_quantity_as_the_reports_write_it(text, number, unit):
    assert parse_quantity(text) == (Decimal(number), unit)


@pytest.mark.parametrize("number, from_unit, to_unit, expected", [
    (2.5, "万家", "家", 25000),
    (1.1, "万亿", "亿元", 11000),
    (17, "万名", "人", 170000),
    (394.28, "亿元", "亿元", 394.28),
    (5000, "万元", "亿元", 0.5),
    (1850, "家", "个", 1850),  # platforms are counted in 家 and in 个
])
def test_convert_between_comparable_units(number, from_unit, to_unit, expected):
    assert convert(number, from_unit, to_unit) == pytest.approx(expected)


@pytest.mark.parametrize("from_unit, to_unit", [("亿元", "家"), ("%", "亿元"), ("家", "%")])
def test_units_of_different_kinds_do_not_convert(from_unit, to_unit):
    with pytest.raises(QuantityError):
        convert(1, from_unit, to_unit)


def test_unknown_unit_and_non_number_are_clear_errors():
    with pytest.raises(QuantityError, match="unknown unit"):
        parse_unit("斤两")
    with pytest.raises(QuantityError, match="not a number"):
        parse_quantity("很多家")


def test_percent_points_are_not_percent():
    assert parse_unit("个百分点").dimension == "points"
    assert parse_unit("百分点").dimension == "points"


MULTIPLIER = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(sorted(MULTIPLIER)), st.sampled_from(["家", "元", "人"]))
def test_parse_then_convert_to_base_is_number_times_multiplier(number, prefix, base):
    text = f"{number}{prefix}{base}"
    parsed, unit = parse_quantity(text)
    assert parsed == number
    assert convert(parsed, unit, base) == pytest.approx(float(number) * MULTIPLIER[prefix])


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False))
def test_format_number_round_trips_to_four_places(value):
    assert float(format_number(value)) == pytest.approx(value, abs=1e-4, rel=1e-9)


@pytest.mark.parametrize("number, form", [(2, "两"), (2, "二"), (100, "百"), (100, "一百"), (1000, "千"),
                                          (15, "十五"), (105, "一百零五"), (2000, "两千"), (61, "六十一")])
def test_chinese_numerals(number, form):
    assert form in chinese_numerals(number)
