"""Tables copied out of a spreadsheet or a PDF with one cell per line.

A statistics table pasted as text loses its grid: every cell stands on a line of its own, rows are
separated by blank lines, and the header names the columns, some of them years:

    序号 / 类别 / 指标 / 2016 / 2017 / 2018 / 2018年同比增长率 / 排名      (the header, one per line)
    1 / 高新产业指标 / 高新技术企业累计数（家） / 2177 / 2827 / 3536 / 25.08% / 4

Read as prose, such a row glues its numbers into one (21772827…). Here the header is found (a run of
short lines, two or more of them years), each row's label (the last cell that is not a number, its unit
in brackets) and its numbers, which fill the columns from the first year on, left to right (a missing
last cell is an empty one). A column of growth rates gives rates of its year (or the last year), one of
ranks gives ranks; a number in [ ] is an estimate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..vocabulary import Basis

_YEAR_CELL = re.compile(r"((?:19|20)\d{2})\s*年?(?:度)?")
_NUMBER_CELL = re.compile(r"(?P<open>[\[［【])?\s*(?P<num>[-−]?\d+(?:\.\d+)?)\s*(?P<pct>[%％])?\s*(?P<close>[\]］】])?")
_GROWTH_COLUMN = re.compile(r"增长|增速|增幅|变化率")
_RANK_COLUMN = re.compile(r"排序|排名|位次|名次")
_UNIT_IN_LABEL = re.compile(r"[（(]([^（）()]{1,6})[)）]\s*$")
_SENTENCE = re.compile(r"[。；;！？]")


@dataclass(frozen=True)
class Cell:
    """One number of a table: its row's label and unit, the column's year and what it holds."""

    label: str  # the measure, as the row names it, without its unit
    value: Decimal
    unit: str
    year: int
    basis: Basis  # level or growth
    estimate: bool
    quote: str  # the row's cells from the label to this number, one space apart
    line: int  # the line of the number (0-based)


@dataclass(frozen=True)
class Table:
    """The cells of one table and the lines it spans (they are not read as prose)."""

    cells: tuple[Cell, ...]
    first_line: int
    last_line: int


def _is_header_cell(line: str) -> bool:
    return 0 < len(line) <= 16 and not _SENTENCE.search(line)


def _column(line: str) -> tuple[str, int | None]:
    """What a header cell holds: ("year", year) for a year, ("growth", year) for rates, ("rank", None)
    for ranks, ("other", None) for anything else."""
    year = _YEAR_CELL.fullmatch(line.strip())
    if year:
        return "year", int(year.group(1))
    named = _YEAR_CELL.search(line)
    if _GROWTH_COLUMN.search(line):
        return "growth", int(named.group(1)) if named else None
    if _RANK_COLUMN.search(line):
        return "rank", None
    return "other", None


def _header_at(lines: list[str], start: int) -> int:
    """The end (exclusive) of a header run starting at `start`, or `start` when there is none."""
    end = start
    while end < len(lines) and _is_header_cell(lines[end]):
        end += 1
    years = sum(_column(line)[0] == "year" for line in lines[start:end])
    return end if end - start >= 4 and years >= 2 else start


def find_tables(lines: list[str]) -> list[Table]:
    """Every one-cell-per-line table in `lines` (stripped lines of the text)."""
    tables = []
    i = 0
    while i < len(lines):
        if not lines[i] or (i > 0 and lines[i - 1]):
            i += 1
            continue
        end = _header_at(lines, i)
        if end == i:
            i += 1
            continue
        table = _read(lines, i, end)
        if table is not None:
            tables.append(table)
            i = table.last_line + 1
        else:
            i = end
    return tables


def _read(lines: list[str], start: int, end: int) -> Table | None:
    columns = [_column(line) for line in lines[start:end]]
    first_year = next(k for k, (what, _) in enumerate(columns) if what == "year")
    value_columns = columns[first_year:]
    last_year = max(year for what, year in columns if what == "year" and year is not None)  # a year cell has one
    cells: list[Cell] = []
    i, last = end, end - 1
    while i < len(lines):
        while i < len(lines) and not lines[i]:
            i += 1
        row_start = i
        while i < len(lines) and lines[i]:
            i += 1
        row = list(range(row_start, i))
        if not row or any(not _is_header_cell(lines[k]) and not _UNIT_IN_LABEL.search(lines[k]) for k in row) \
                or len(row) > len(columns) + 1:
            break  # prose again
        numbers = [k for k in row if _NUMBER_CELL.fullmatch(lines[k])]
        labels = [k for k in row if k not in numbers]
        if not labels:
            break
        label_line = labels[-1]
        values = [k for k in numbers if k > label_line]
        if not values or len(values) > len(value_columns):
            break
        label = lines[label_line]
        unit_match = _UNIT_IN_LABEL.search(label)
        unit = unit_match.group(1) if unit_match else ""
        name = (label[:unit_match.start()] if unit_match else label).lstrip("*＊ ").strip()
        for k, (what, year) in zip(values, value_columns):
            match = _NUMBER_CELL.fullmatch(lines[k])
            assert match is not None  # values are among the lines _NUMBER_CELL matched
            value = Decimal(match.group("num").replace("−", "-"))
            quote = " ".join(lines[label_line:k + 1])
            estimate = bool(match.group("open") and match.group("close"))
            if what == "year" and year is not None:
                cells.append(Cell(name, value, "%" if match.group("pct") else unit, year, "level", estimate, quote, k))
            elif what == "growth":
                cells.append(Cell(name, value, "%", year or last_year, "growth", estimate, quote, k))
            elif what == "rank":
                cells.append(Cell(name, value, "位", last_year, "level", estimate, quote, k))
        last = i - 1
    if not cells:
        return None
    return Table(tuple(cells), start, last)
