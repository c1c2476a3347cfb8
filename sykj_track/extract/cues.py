"""Cues: the words that make a number a goal or a figure, its bound, its basis, an estimate or a
partial year (力争/确保 a goal; 预计 an estimate; 截至9月底 a cut-off; 突破/以上/余/约 a bound)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from datetime import date

from .dates import Published, month_end, relative_year
from .layout import Section
from .quantities import Quantity
from .records import ItemKind, Tier
from .sentence import Sentence
from ..vocabulary import Basis, Bound, Op

# ---------------------------------------------------------------------------------------- wording

GOAL_CUES = re.compile(r"力争|确保|争取(?:达到|实现|突破|超过|到|在|\d)|计划(?:到|在|于|年底|今年|明年|实现|达到|新增|\d)|目标(?:是|为)|将(?:达|实现|突破|超过|新增)|"
                        r"预期达到|(?<!已于)年底前|到\d{4}年|努力实现|每年")
PAST_CUES = re.compile(r"已经|已|累计|同比|较上年|比上年|截至|截止|目前|现有|共有|达到了|实现了|取得|荣获|获批|获得|入选")
STRETCH = re.compile(r"力争|争取")
BASE = re.compile(r"确保")
GROWTH = re.compile(r"(?:增长|增速|增幅|提高|提升|上升|增加)(?:率)?(?:了)?(?:超过|超|达到|达|近|约)?$")
INCREMENT = re.compile(r"新增|净增|新建|新组建|新培育|新认定|新备案|新引进|新设立|新获批|新成立|新入库|新落户|新注册|"
                       r"迁入|增加(?!至|到|值)|新布局|年度新增")  # 增加值 (value added) is a level
MORE_THAN = re.compile(r"(?:突破|超过|超出|超|逾|高于|大于|多于)$")
AT_LEAST = re.compile(r"(?:不低于|不少于|至少)$")
AT_MOST = re.compile(r"(?:不超过|不高于|控制在|低于|少于)$")
ABOUT_BEFORE = re.compile(r"(?:近|约|接近|大约)$|约占[^，,；;。\d]{0,16}$")  # 约占全省…的30%
SKIP_CONTEXT = re.compile(r"最高|最多|给予|奖励|补助|补贴|资助|一次性|每年|每家|每个|每项|每人|党员|党支部|干部|编制|处室|科室")
AS_OF = re.compile(r"截[至止](?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|底|末)?")
HORIZON = re.compile(r"(?:到|至|在|于)((?:19|20)\d{2})年(?:底|末|前)?")
# 增速由2021年的40.1%回落至…: a rate of growth named before the number, with no other measure between
RATE_OF_GROWTH = re.compile(r"(?:增速|增幅|增长率|增长速度)(?:由|从|为|是|保持在)?[^，,；;。占比重]{0,10}$")
# A target stated beside the figure that met it: 545家（任务目标400家）, 完成全年任务目标（1300家）的54.2%,
# 增长10.4%(超额完成9%省考目标). The number follows 目标 or, in brackets, comes before it.
REVEALED_BEFORE = re.compile(r"(?:任务|考核|年度|全年|省考|市考|计划)目标(?:任务)?(?:为|是)?[（(]?$")
REVEALED_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,4}?目标")
ESTIMATE = re.compile(r"预计|预期|有望")
# Measures of the R&D survey, published about ten months after the year they measure.
LAGGED = re.compile(r"研发投入|研发经费|R&D|研究与试验发展|研究与实验发展|研发活动|研发人员")
NOW = re.compile(r"截[至止]目前|目前|今年以来")


THIS_YEAR = re.compile(r"年底前|全年|今年|本年")
NOW_WRITING = re.compile(r"年底前|今年|本年")  # the year the text is written in, not the one it reports
SO_FAR = re.compile(r"截[至止]目前|已(?:达|有|经|突破|超过|完成|实现)")  # 截至目前…已达1265家: reached, not aimed at


# size: the cues of one number, each a separate finding of the sentence; a record of them would be built only to be unpacked here
def kind_and_year(section: Section, mode: str, published: date, year: int | None, goal_cue: bool,
                  past_cue: bool, before: str, said: Callable[[re.Pattern[str]], bool]) -> tuple[ItemKind, int]:
    """Goal or figure, and the year it speaks of.

    Under a dated heading the heading's year rules (a summary of 2024 reports 2024, a plan for 2025
    sets goals for 2025); without one, a report from early in a year reports the year before and sets
    goals for its own year. A year written in the sentence wins; one before the section's is a lagged
    figure (错年统计), one after the publication year a goal. `before` is the number's clause up to it;
    `said` tells whether the sentence up to just after the number holds a pattern.
    """
    this_year = said(THIS_YEAR)
    if section.year is not None:
        figure_year = section.year
        goal_year = section.year + 1 if section.mode == "summary" and not this_year else section.year
    else:
        # 全年 in a text of the first quarter is the year it reports on; 今年 is the year it is written in
        now = said(NOW_WRITING)
        figure_year = published.year - 1 if published.month <= 3 and not now else published.year
        goal_year = published.year
    kind: ItemKind
    if mode == "plan":
        kind = "goal"
        if year is not None and year < goal_year and not goal_cue or \
                not goal_cue and (re.search(r"现有|目前|已经|截至|截止", before) or
                                  said(SO_FAR)):
            kind = "figure"
    else:
        kind = "goal" if goal_cue and (year is None or year > figure_year or said(STRETCH)) else "figure"
    if year is not None and year > published.year and not past_cue:
        kind = "goal"
    if year is None:
        relative = relative_year(said, published.year)
        year = relative if relative is not None else goal_year if kind == "goal" else figure_year
    return kind, year


def bound_from(before: str, after: str) -> tuple[Bound, Op]:
    """(figure bound, goal op) from the words around a number."""
    if after.startswith(("以上", "多")) or AT_LEAST.search(before):
        return ("at_least", ">=") if after.startswith("以上") or AT_LEAST.search(before) else ("more_than", ">")
    if after.startswith("余"):
        return "more_than", ">"
    if MORE_THAN.search(before):
        return "more_than", ">"
    if AT_MOST.search(before) or after.startswith(("以下", "以内")):
        return "at_most", "<="
    if ABOUT_BEFORE.search(before) or after.startswith("左右"):
        return "about", ">="
    return "exact", ">="


def basis_of(quantity: Quantity, before: str, clause_before: str) -> Basis:
    if quantity.unit in ("个百分点", "百分点"):
        return "increment"
    if quantity.unit == "%" and (GROWTH.search(before) or RATE_OF_GROWTH.search(before)):
        return "growth"
    if INCREMENT.search(clause_before) and not re.search(r"累计|总数|总量|达到|全市.{0,8}达", clause_before[clause_before.rfind("新增") if "新增" in clause_before else 0:]):
        return "increment"
    return "level"


TIER_CUE = re.compile(r"确保|力争|争取")


def tier_of(sentence: Sentence, position: int) -> Tier:
    """确保达到80家、力争突破100家: in a sentence with both, 确保 marks the base goal, 力争 the stretch."""
    if not (sentence.says(BASE) and sentence.says(STRETCH)):
        return ""
    cue = sentence.last(TIER_CUE, position)
    if cue is None:
        return ""
    return "base" if cue.group() == "确保" else "stretch"


# Parts of a year: 前三季度 (to 9-30), 上半年 (6-30), 一季度 / 截至一季度末 (3-31), 1—8月 (8-31).
PERIOD = re.compile(r"(?:((?:19|20)\d{2})\s*年)?(?:(前三季度|三季度末)|(上半年|前两季度|二季度末)|(第?一季度末?)|"
                    r"(?:1|一)\s*[—–\-~～至到]\s*(\d{1,2}|[二三四五六七八九十]|十一)\s*月)")
_MONTHS = {w: i for i, w in enumerate("一二三四五六七八九十", 1)} | {"十一": 11}


def _month_of(match: re.Match[str]) -> tuple[int | None, int] | None:
    """(year or None, last month) of a part of a year; None for a whole year (1—12月)."""
    year = int(match.group(1)) if match.group(1) else None
    if match.group(2):
        return year, 9
    if match.group(3):
        return year, 6
    if match.group(4):
        return year, 3
    last = match.group(5)
    month = int(last) if last.isdigit() else _MONTHS[last]
    return (year, month) if 1 <= month <= 11 else None


def period_end(text: str) -> tuple[int | None, int] | None:
    """(year or None, last month) of the last part of a year `text` names, or None. A whole year
    (1—12月) is no part of one.

    >>> period_end("2019年上半年"), period_end("1—8月"), period_end("1—12月")
    ((2019, 6), (None, 8), None)
    """
    found = None
    for match in PERIOD.finditer(text):
        found = _month_of(match) or found
    return found


WHOLE_YEAR = (re.compile("全年"), re.compile("年底"), re.compile("年末"))


def as_of(sentence: Sentence, position: int, year: int, published: Published,
          period: tuple[int | None, int] | None = None) -> date | None:
    """The date a partial-year figure at `position` runs to: 截至9月底 -> 09-30, 截至11月30日,
    前三季度 -> 09-30, 1—8月 -> 08-31, 截至目前 -> publication; else the part of the year its
    section's heading names (`period`, e.g. a heading "二、上半年：…")."""
    match = sentence.last(AS_OF, position)
    if match is not None:
        y = int(match.group(1)) if match.group(1) else year
        month = int(match.group(2))
        if not 1 <= month <= 12 or y != year:
            return None
        if match.group(3):
            try:
                return date(y, month, int(match.group(3)))
            except ValueError:
                return None
        return month_end(y, month)
    # 前三季度…150亿元，预计全年200亿元: a number after 全年 (or 年底) is of the whole year
    wholes = [m.start() for m in (sentence.last(word, position) for word in WHOLE_YEAR) if m is not None]
    whole = max(wholes, default=-1)
    part = _last_part(sentence, position, whole + 1 if whole >= 0 else 0)
    if whole < 0:
        part = part or period
    if part is not None:
        y = part[0] or year
        return month_end(y, part[1]) if y == year else None
    if sentence.said_before(NOW, position) and published.date.year == year and not published.approx \
            and published.date.month < 12:
        return published.date
    return None


def _last_part(sentence: Sentence, end: int, start: int) -> tuple[int | None, int] | None:
    """The last part of a year named inside sentence.text[start:end] (see period_end)."""
    found = sentence.matches(PERIOD)
    at = bisect_right(found.ends, end) - 1
    while at >= 0 and found.starts[at] >= start:
        part = _month_of(found.found[at])
        if part is not None:
            return part
        at -= 1
    return None
