from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sykj_track.quantity import (QuantityError, chinese_numerals, convert, format_number, parse_chinese_numeral,
                                 parse_quantity, parse_unit)


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


@pytest.mark.parametrize("word, factor", [("万亿", 10**12), ("亿元", 10**8), ("万家", 10**4), ("千人", 10**3),
                                          ("百人", 10**2), ("家", 1)])
def test_each_multiplier(word, factor):
    assert parse_unit(word).factor == factor


def test_a_multiplier_is_read_longest_first():
    assert (parse_unit("万亿").dimension, parse_unit("万亿元").factor) == (None, 10**12)
    assert convert(3, "千元", "元") == 3000 and convert(2, "百人", "人") == 200


@pytest.mark.parametrize("value, text", [(25000.0, "25000"), (394.28, "394.28"), (2.97, "2.97"), (11.7, "11.7"),
                                         (-3.5, "-3.5"), (0.1 + 0.2, "0.3"), (-0.0, "0"), (1e15, "1000000000000000")])
def test_format_number_without_float_noise(value, text):
    assert format_number(value) == text


# ---- numbers written in characters: 两, 十五, 一百零五

def test_every_number_below_ten_thousand_reads_back_from_each_of_its_forms():
    for number in range(1, 10000):
        for form in chinese_numerals(number):
            assert parse_chinese_numeral(form) == number, form


@pytest.mark.parametrize("number", [0, -5, 10000, 25000])
def test_only_numbers_from_1_to_9999_have_character_forms(number):
    assert chinese_numerals(number) == set()


@pytest.mark.parametrize("number, forms", [
    (1, {"一"}), (2, {"二", "两"}), (10, {"一十", "十"}), (15, {"一十五", "十五"}), (100, {"一百", "百"}),
    (105, {"一百零五", "百零五"}), (1010, {"一千零一十", "千零一十"}), (2000, {"二千", "两千"}), (9999, {"九千九百九十九"}),
])
def test_character_forms(number, forms):
    assert chinese_numerals(number) == forms


@pytest.mark.parametrize("text, number", [("两", 2), ("十五", 15), ("百", 100), ("两百", 200), ("一百零五", 105),
                                          ("二〇", None), ("三千零五十", 3050), ("两千", 2000),
                                          ("一百〇五", 105)])
def test_parse_chinese_numeral(text, number):
    assert parse_chinese_numeral(text) == number


@pytest.mark.parametrize("text", ["", "二三", "五一", "一二", "十百", "十十", "零十", "一千零百", "千千", "零", "五个",
                                  "abc", "十五家"])
def test_what_is_not_a_numeral(text):
    assert parse_chinese_numeral(text) is None
