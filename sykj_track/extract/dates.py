"""Dates and years: when a report was published, and the year a number speaks of."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
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
        match = _FULL_DATE.fullmatch(line.strip().strip("（）()〔〕[]【】"))  # （2025年1月20日） under a title
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


_RANGE_END = re.compile(r"\d年?[-—至]$")  # the year closes a range: 2023年-2025年
_COMPARED = re.compile(r"(?:度)?(?:的)?(?:相比|相较|同期)|为基数|为基期|为基准")
_FROM = re.compile(r"由|从")
# 由2020年的0.81%增加至1.04%: a change after the year ends at the number, which is not of that year
_CHANGED_TO = re.compile(r"(?:增加|提高|提升|增长|上升|跃升|下降|回落|降低|减少)(?:至|到)|增至|升至|降至|达到|到\d")


class Years:
    """The years a sentence names, read once, and the year each of its numbers speaks of (`at`).

    Asked for positions in increasing order (as the drafter does, number after number), all of a
    sentence's questions together cost time in proportion to its length.
    """

    def __init__(self, sentence: str):
        self.sentence = sentence
        self.marks: list[tuple[int, int, int, bool]] = []  # start, end, year, after 由/从
        for match in YEAR.finditer(sentence):
            before = sentence[max(0, match.start() - 3):match.start()]
            if sentence[match.end():match.end() + 1] in ("-", "—", "至", "到") and \
                    YEAR.match(sentence, match.end() + 1) or _RANGE_END.search(before):
                continue  # a range (2023年-2025年) names no single year
            if before.endswith(("比", "较", "与", "同")) or _COMPARED.match(sentence, match.end()):
                continue  # 比2015年增长1.37倍: the base of a comparison, not the year of what follows
            self.marks.append((match.start(), match.end(), int(match.group(1)),
                               bool(_FROM.search(sentence, max(0, match.start() - 2), match.start()))))
        self.ends = [end for _, end, _, _ in self.marks]
        self.starts = [start for start, _, _, _ in self.marks]
        changes = list(_CHANGED_TO.finditer(sentence))
        self._change_starts = [m.start() for m in changes]
        self._change_ends = [m.end() for m in changes]
        self._reset()

    def _reset(self) -> None:
        self._asked = -1
        self._pushed = 0
        self._open: list[int] = []  # marks before the last position asked that may still be its year

    def _changed_by(self, mark: int, position: int) -> bool:
        """A 由/从 year with a change (增加至, 达到) between it and `position`."""
        start, end, _, from_ = self.marks[mark]
        if not from_:
            return False
        at = bisect_left(self._change_starts, end)
        return at < len(self._change_starts) and self._change_ends[at] <= position

    def at(self, position: int, clause: tuple[int, int]) -> tuple[int | None, bool]:
        """The year a number at `position` speaks of when the sentence says it: the nearest year
        before it (由2020年的0.81%增加至1.04%: only the first number is of 2020), else one later in its
        clause (11个项目荣获2023年度国家科学技术奖). Returns (year, explicit); ranges (2023年-2025年)
        count as none."""
        if position < self._asked:
            self._reset()
        self._asked = position
        while self._pushed < len(self.marks) and self.ends[self._pushed] <= position:
            self._open.append(self._pushed)
            self._pushed += 1
        # a year passed over by a change stays passed over for every later number
        while self._open and self._changed_by(self._open[-1], position):
            self._open.pop()
        if self._open:
            return self.marks[self._open[-1]][2], True
        later = max(self._pushed, bisect_left(self.starts, clause[0]))
        if later < len(self.marks) and self.starts[later] < clause[1]:
            return self.marks[later][2], True
        return None, False


NEXT_YEAR = re.compile(r"明年|下一年")
LAST_YEAR = re.compile(r"去年|上年度")
ON_LAST_YEAR = re.compile(r"比上年|较上年|同比")  # a comparison with last year, not a figure of it


def relative_year(said: Callable[[re.Pattern[str]], bool], base: int) -> int | None:
    """The year 明年 or 去年 names, counted from `base` (the year the text was written in); `said`
    tells whether the text before the number holds a pattern."""
    if said(NEXT_YEAR):
        return base + 1
    if said(LAST_YEAR) and not said(ON_LAST_YEAR):
        return base - 1
    return None
