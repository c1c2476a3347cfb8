"""Dates and years: when a report was published, and the year a number speaks of."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from .layout import HEADING, SUMMARY_WORDS, tidy

# ---------------------------------------------------------------------------------------- dates

_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(度)?")


@dataclass(frozen=True)
class Published:
    """When a report was published, and whether the text says so (approx=False) or it was inferred."""

    date: date
    approx: bool
    how: str  # where it came from, for the draft's comment


def _valid_date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def find_published(text: str) -> Published | None:
    """The publication date: a 发布日期 line, a date alone on a header line, or a date closing the text.

    Without one, the date is inferred from the years the report speaks of (approx=True): the end of
    the year a summary covers, else the start of the latest year it names. None when it names no year.
    """
    lines = [tidy(line) for line in text.splitlines() if line.strip()]
    for line in lines[:8]:
        match = re.search(r"(?:发布日期|发布时间|日期)[:：]?\s*" + _FULL_DATE.pattern, line)
        if match and (found := _valid_date(*match.groups()[:3])):
            return Published(found, False, "the 发布日期 line")
    for line in lines[:8]:
        match = _FULL_DATE.fullmatch(line.strip())
        if match and (found := _valid_date(*match.groups())):
            return Published(found, False, "the dated header")
    for line in lines[-4:]:
        match = _FULL_DATE.search(line)
        if match and len(line) <= 30 and (found := _valid_date(*match.groups())):
            return Published(found, False, "the date closing the text")
    summaries = [int(m.group(1)) for line in lines if HEADING.match(line) or line is lines[0]
                 for m in [SUMMARY_WORDS.search(line)] if m]
    if summaries:
        return Published(date(max(summaries), 12, 31), True, f"the summary of {max(summaries)} (no date in the text)")
    years = [int(m.group(1)) for m in YEAR.finditer(tidy(text))]
    plausible = [y for y in years if 1990 <= y <= 2100]
    if plausible:
        latest = max(plausible)
        return Published(date(latest, 1, 1), True, f"the latest year named, {latest} (no date in the text)")
    return None


def month_end(year: int, month: int) -> date:
    """The last day of a month (截至9月底 runs to 9-30)."""
    return date(year, month, 1) + relativedelta(day=31)


def year_in(sentence: str, position: int, clause: tuple[int, int]) -> tuple[int | None, bool]:
    """The year a number at `position` speaks of when the sentence says it: the nearest year before it
    (由2020年的0.81%增加至1.04%: only the first number is of 2020), else one later in its clause
    (11个项目荣获2023年度国家科学技术奖). Returns (year, explicit) ; ranges (2023年-2025年) count as none."""
    best = None
    for match in YEAR.finditer(sentence):
        year = int(match.group(1))
        after = sentence[match.end():match.end() + 2]
        if after[:1] in ("-", "—", "至", "到") and YEAR.match(sentence[match.end() + 1:]) or \
                re.search(r"\d年?[-—至]$", sentence[:match.start()]):
            continue
        if re.search(r"(?:比|较|与|同)$", sentence[:match.start()]) or \
                re.match(r"(?:度)?(?:的)?(?:相比|相较|同期)|为基数|为基期|为基准", sentence[match.end():]):
            continue  # 比2015年增长1.37倍: the base of a comparison, not the year of what follows
        if match.end() <= position:
            between = sentence[match.end():position]
            if re.search(r"(?:增加|提高|提升|增长|上升|跃升|下降|回落|降低|减少)(?:至|到)|增至|升至|降至|达到|到\d", between) and \
                    re.search(r"由|从", sentence[max(0, match.start() - 2):match.start()]):
                continue
            best = year
        elif best is None and clause[0] <= match.start() < clause[1]:
            return year, True
    return best, best is not None


def relative_year(text: str, base: int) -> int | None:
    """The year 明年 or 去年 names, counted from `base` (the year the text was written in)."""
    if re.search(r"明年|下一年", text):
        return base + 1
    if re.search(r"去年|上年度", text) and not re.search(r"比上年|较上年|同比", text):
        return base - 1
    return None
