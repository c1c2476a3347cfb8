"""Quantities: the numbers of a sentence with their units (2.5万家, 14.2%, 第18位, 百项)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

from ..quantity import QuantityError, parse_chinese_numeral, parse_unit

# ---------------------------------------------------------------------------------------- quantities

_UNIT_WORDS = sorted({*(u for u in ("家（次）", "家(次)", "个百分点", "百分点", "平方米", "场次")), "家", "个", "项",
                      "名", "人", "户", "场", "套", "件", "份", "所", "只", "支", "次", "位", "元", "%", "％", "P", "吨"},
                     key=len, reverse=True)
_UNIT = "(?:" + "|".join(re.escape(u) for u in _UNIT_WORDS) + ")"
_MULT = "(?:万亿|亿|万|千)"
_DIGITS = r"\d+(?:\.\d+)?"
_CN = "[一二两三四五六七八九十百千零]+"
_RANGE_SEP = "[—–\\-~～至到]{1,2}"
# A number starts where a run of digits (or numerals) starts: begun in the middle of a run, the
# pattern would retry every suffix of a long run of digits, quadratic in its length. A bare
# multiplier (1.1万亿) is one when no unit word follows in the next 40 characters of its words:
# looked for to the end of the run, a run of numerals in characters (五万企业五万企业…) would be read
# again for each of them.
QUANTITY = re.compile(
    rf"(?P<ord>第)?(?P<num>(?<![\d.]){_DIGITS}|(?<![一二两三四五六七八九十百千零]){_CN})(?:\s*{_RANGE_SEP}\s*(?P<max>{_DIGITS}|{_CN}))?\s*(?P<more>余|多)?"
    rf"(?P<unit>{_MULT}?{_UNIT}|{_MULT}(?![\u4e00-\u9fff]{{0,40}}?{_UNIT}))")


# A rank written without its measure word, closing its clause: 位列第二十六，居全省第2。排名第八.
BARE_RANK = re.compile(rf"(?:位列|位居|名列|排名|排在|居)[^，,；;。！？第]{{0,12}}第(?P<num>\d{{1,3}}|{_CN})(?:位|名)?(?=$|[，,；;。！？、)）])")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as the text writes it, and where it sits in its sentence."""

    number: Decimal
    unit: str
    start: int
    end: int
    number_max: Decimal | None = None
    ordinal: bool = False  # 第61名, 第18位
    more: bool = False  # 320余场: more than the number

    @property
    def written(self) -> str:
        return f"{self.number.normalize():f}{self.unit}"


def _number(text: str) -> Decimal | None:
    if text[0].isdigit():
        return Decimal(text)
    value = parse_chinese_numeral(text)
    return Decimal(value) if value else None


def find_quantities(sentence: str) -> list[Quantity]:  # noqa: C901 - each exclusion of the docstring is one test on a match, in order
    """Every quantity in a sentence: 2.5万家, 3—5家, 14.2%, 0.3个百分点, 1.1万亿, 百项, 第18位.

    Left out: numbers without a unit word (years, names like 325模式), ordinals other than ranks
    (第二场), a lone 一 (一批, 一个时期), and parts of dates.
    """
    found = []
    for match in QUANTITY.finditer(sentence):
        raw, unit = match.group("num"), match.group("unit")
        ordinal = bool(match.group("ord"))
        if not raw[0].isdigit():
            if raw in ("一", "十", "千") or raw.startswith("一") and len(raw) == 1 or unit.startswith(("千", "万", "亿")):
                continue  # 一批, 十分, 千亿集群 (a name), 万众
            if ordinal or unit == "次" or sentence[match.start() - 1:match.start()] in ("“", "\""):
                continue  # 二次开发, “三个平台”: words, not counts
            if sentence[match.start():match.start() + 3] in ("百分点",):
                continue
        if ordinal and unit not in ("位", "名", "个"):
            continue
        if match.end() < len(sentence) and unit.endswith("次") is False and sentence[match.end():match.end() + 1] in ("年", "月", "日"):
            continue
        if raw[0].isdigit() and match.start() > 0 and sentence[match.start() - 1] in ".．-":
            continue
        number = _number(raw)
        top = _number(match.group("max")) if match.group("max") else None
        if number is None or (match.group("max") and (top is None or top <= number)):
            continue
        if unit == "％":
            unit = "%"
        if ordinal:
            unit = "位"  # 第61名 is a rank, whatever the measure word
        try:
            parse_unit(unit)
        except QuantityError:
            continue
        found.append(Quantity(number, unit, match.start("num"), match.end(), top, ordinal, bool(match.group("more"))))
    starts = [q.start for q in found]  # in order: found left to right
    for match in BARE_RANK.finditer(sentence):
        number = _number(match.group("num"))
        at = bisect_right(starts, match.start("num")) - 1  # the quantity that may hold it
        if number is not None and not (at >= 0 and match.start("num") < found[at].end):
            found.append(Quantity(number, "位", match.start("num"), match.end(), None, True))
    return sorted(found, key=lambda q: q.start)
