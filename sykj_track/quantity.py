"""Quantities as the reports write them: a number, an optional 万/亿 multiplier, a unit word.

"2.5万家" is 25000 家, "394.28亿元" is 394.28 亿元, "1.1万亿" is 11000 亿元 when the metric counts
money in 亿元. Units of one dimension (家 and 个 both count things) convert into each other; units of
different dimensions (家 and 亿元) never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .i18n import Msg, msg

# Base units and their dimension. The reports count things with many measure words (家 for firms,
# 个 for platforms, 项 for projects, 名 for people); a metric may be written with any of them, so they
# share one dimension: one report counts platforms in 家, another the same platforms in 个.
BASE_UNITS: dict[str, str] = {
    "家": "count", "个": "count", "项": "count", "名": "count", "人": "count", "户": "count",
    "场": "count", "套": "count", "件": "count", "份": "count", "所": "count", "只": "count",
    "支": "count", "次": "count", "场次": "count", "家（次）": "count", "家(次)": "count",
    "人年": "count",  # full-time equivalents of R&D staff
    "元": "money",
    "%": "percent", "％": "percent",
    "百分点": "points", "个百分点": "points",
    "平方米": "area",
    "P": "compute",
    "吨": "mass",
    "位": "rank",
}

# Longest first, so that 万亿 is not read as 万 followed by 亿.
MULTIPLIERS: dict[str, Decimal] = {
    "万亿": Decimal(10) ** 12,
    "亿": Decimal(10) ** 8,
    "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
    "百": Decimal(10) ** 2,
}

# ASCII digits only: \d would also take ４５００ or ٤٥٠٠, and Decimal() would read them.
_NUMBER = re.compile(r"^\s*([+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)\s*(.*?)\s*$")


class QuantityError(ValueError):
    """A number or unit that cannot be read; `what` says why, as a message of the catalogue
    (sykj_track.i18n), and str() in English."""

    def __init__(self, what: Msg):
        super().__init__(what.text("en"))
        self.what = what


@dataclass(frozen=True)
class Unit:
    """A unit word resolved to a dimension and a factor of that dimension's base unit."""

    word: str
    dimension: str | None  # None: a bare multiplier ("万亿") that takes the metric's dimension
    factor: Decimal


def parse_unit(word: str) -> Unit:
    """Resolve a unit word such as "万家", "亿元", "%" or a bare "万亿"."""
    text = word.strip()
    if text in BASE_UNITS:
        return Unit(text, BASE_UNITS[text], Decimal(1))
    for prefix, factor in MULTIPLIERS.items():
        if text.startswith(prefix):
            rest = text[len(prefix):]
            if rest == "":
                return Unit(text, None, factor)
            if rest in BASE_UNITS:
                return Unit(text, BASE_UNITS[rest], factor)
    known = "、".join(sorted(BASE_UNITS))
    raise QuantityError(msg("unit.unknown", unit=repr(word), known=known))


def parse_quantity(text: str) -> tuple[Decimal, str]:
    """Split "2.5万家" into (Decimal("2.5"), "万家"). The unit may be empty ("770")."""
    match = _NUMBER.match(text)
    if not match:
        raise QuantityError(msg("number.bad", text=repr(text)))
    try:
        number = Decimal(match.group(1).replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid decimals
        raise QuantityError(msg("number.bad_short", text=repr(text))) from exc
    return number, match.group(2)


def convert(number: Decimal | float | int, from_unit: str, to_unit: str) -> float:
    """Convert a number written in `from_unit` into `to_unit`.

    >>> convert(Decimal("2.5"), "万家", "家"), convert(3, "亿元", "万元")
    (25000.0, 30000.0)

    Raises QuantityError when the two units measure different things.
    """
    source, target = parse_unit(from_unit), parse_unit(to_unit)
    if target.dimension is None:
        raise QuantityError(msg("unit.multiplier", unit=repr(to_unit)))
    if source.dimension is not None and source.dimension != target.dimension:
        raise QuantityError(msg("unit.convert", unit=repr(from_unit), dimension=msg(f"dimension.{source.dimension}"),
                                to=repr(to_unit), to_dimension=msg(f"dimension.{target.dimension}")))
    value = Decimal(str(number)) * source.factor / target.factor
    return float(value)


def format_number(value: float) -> str:
    """Print a value without float noise: 25000, 394.28, 2.97, 11.7."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text


_DIGITS = "零一二三四五六七八九"


def chinese_numerals(number: int) -> set[str]:
    """Ways the reports may write a whole number below 10000 in characters.

    >>> sorted(chinese_numerals(2)), sorted(chinese_numerals(100))
    (['两', '二'], ['一百', '百'])
    """
    if not 0 < number < 10000:
        return set()
    parts, zero = [], False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            if zero:
                parts.append("零")
            parts.append(_DIGITS[digit] + name)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    forms = {text}
    if text[:2] in ("一十", "一百", "一千"):
        forms.add(text[1:])
    if text.startswith("二"):
        forms.add("两" + text[1:])
    return forms


_NUMERAL_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                   "八": 8, "九": 9}
_NUMERAL_PLACES = {"十": 10, "百": 100, "千": 1000}


def parse_chinese_numeral(text: str) -> int | None:
    """Read a whole number written in characters below 10000; None when `text` is not such a numeral.
    The inverse of chinese_numerals().

    >>> [parse_chinese_numeral(text) for text in ("两", "十五", "一百零五", "百", "五一")]
    [2, 15, 105, 100, None]
    """
    if not text or any(ch not in _NUMERAL_DIGITS and ch not in _NUMERAL_PLACES for ch in text):
        return None
    total, digit, last_place = 0, None, 10000
    for ch in text:
        if ch in _NUMERAL_DIGITS:
            if digit is not None and _NUMERAL_DIGITS[ch] != 0 and digit != 0:
                return None  # two digits in a row (二三) is not a numeral
            digit = _NUMERAL_DIGITS[ch]
        else:
            place = _NUMERAL_PLACES[ch]
            if place >= last_place:
                return None  # places must fall: 十百 is not a numeral
            if digit == 0:
                return None  # 零 stands between places, never before one: 零十 is not a numeral
            total += (1 if digit is None else digit) * place
            digit, last_place = None, place
    total += digit or 0
    return total or None
