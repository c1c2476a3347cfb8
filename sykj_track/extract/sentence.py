"""A sentence read once: where its clauses end, where brackets and titles open and close, where its
cue words stand.

A report's sentence can be long: a list of results joined by commas runs to thousands of clauses,
and each of its numbers is judged by the words before it (the clause it is in, a 预计 or 力争 anywhere
earlier, a bracket or a document title still open). Asking that by rescanning the text before each
number costs the square of the sentence's length. Here each fact is found once per sentence and each
question a number asks is a bisection, so a sentence costs time in proportion to its length.

A clause is read at most `REACH` characters either side of a number: the words that bear on a number
stand near it (the longest clause of the bundled seeds and of the extract corpus has 195 characters),
and a list of thousands of numbers with no clause mark between them would otherwise be read again for
each of them.

A cue "before" a number is a match of its pattern, found left to right in the whole sentence, that
ends before the number: the same as searching the text up to the number, but for a match that would
straddle the number's first character, which no cue of a report does.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from .layout import CLAUSE_END

REACH = 400
_CLAUSE_END = re.compile("[" + re.escape(CLAUSE_END) + "]")
_OPEN, _CLOSE = re.compile(r"[(（]"), re.compile(r"[)）]")
_TITLE_OPEN, _TITLE_CLOSE = re.compile("《"), re.compile("》")


class _Matches:
    """The matches of one pattern in the sentence, with their starts and ends for bisection."""

    def __init__(self, pattern: re.Pattern[str], text: str):
        self.found = list(pattern.finditer(text))
        self.starts = [m.start() for m in self.found]
        self.ends = [m.end() for m in self.found]  # ascending too: the matches do not overlap


class Sentence:
    """One sentence and what is known about each of its positions, built on first use."""

    def __init__(self, text: str):
        self.text = text
        self._matches: dict[re.Pattern[str], _Matches] = {}
        self._ends = self.matches(_CLAUSE_END).starts
        self._clause_starts: list[int] | None = None

    def __len__(self) -> int:
        return len(self.text)

    def matches(self, pattern: re.Pattern[str]) -> _Matches:
        """The matches of `pattern` in the whole sentence, found once."""
        if pattern not in self._matches:
            self._matches[pattern] = _Matches(pattern, self.text)
        return self._matches[pattern]

    # ------------------------------------------------------------------------------------ clauses

    def clause(self, position: int) -> tuple[int, int]:
        """The clause holding `position`: from after the last clause mark before it to the next mark
        at or after it (or the sentence's end), and no more than REACH characters either side."""
        start, end = self.whole_clause(position)
        return max(start, position - REACH), min(end, position + REACH)

    def whole_clause(self, position: int) -> tuple[int, int]:
        """The clause holding `position`, however long."""
        at = bisect_left(self._ends, position)
        start = self._ends[at - 1] + 1 if at else 0
        return start, self._ends[at] if at < len(self._ends) else len(self.text)

    def clause_start(self, position: int) -> int:
        """Where the clause that holds the text just before `position` starts."""
        return self.whole_clause(position)[0]

    def clause_index(self, position: int) -> int:
        """How many clause marks stand before `position`: the number of the clause holding it."""
        return bisect_left(self._ends, position)

    def clause_starts(self) -> list[int]:
        """The start of every clause, in order."""
        if self._clause_starts is None:
            self._clause_starts = [0, *(end + 1 for end in self._ends)]
        return self._clause_starts

    # ------------------------------------------------------------------------------------ brackets

    def _count(self, pattern: re.Pattern[str], start: int, end: int) -> int:
        starts = self.matches(pattern).starts
        return bisect_left(starts, end) - bisect_left(starts, start)

    def opened(self, end: int, start: int = 0) -> bool:
        """Whether text[start:end] opens more brackets than it closes (the number is inside one)."""
        return self._count(_OPEN, start, end) > self._count(_CLOSE, start, end)

    def in_title(self, end: int) -> bool:
        """Whether a document title 《… is open at `end`."""
        return self._count(_TITLE_OPEN, 0, end) > self._count(_TITLE_CLOSE, 0, end)

    # ------------------------------------------------------------------------------------ cues

    def said_before(self, pattern: re.Pattern[str], end: int) -> bool:
        """Whether `pattern` occurs in the sentence before `end`."""
        ends = self.matches(pattern).ends
        return bool(ends) and ends[0] <= end

    def says(self, pattern: re.Pattern[str]) -> bool:
        """Whether `pattern` occurs anywhere in the sentence."""
        return bool(self.matches(pattern).found)

    def said_within(self, pattern: re.Pattern[str], start: int, end: int) -> bool:
        """Whether `pattern` occurs inside text[start:end]."""
        found = self.matches(pattern)
        at = bisect_left(found.starts, start)
        return at < len(found.found) and found.ends[at] <= end

    def last(self, pattern: re.Pattern[str], end: int, start: int = 0) -> re.Match[str] | None:
        """The last match of `pattern` inside text[start:end], or None."""
        found = self.matches(pattern)
        at = bisect_right(found.ends, end) - 1
        return found.found[at] if at >= 0 and found.starts[at] >= start else None


def prefix_sums(values: list[int]) -> list[int]:
    """[0, v0, v0 + v1, ...]: the sum of any run of `values` in one subtraction."""
    return [0, *accumulate(values)]
