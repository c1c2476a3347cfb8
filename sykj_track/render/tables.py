"""The one table renderer: every table the tool prints (status, sources, metrics, check, show, diff,
audit) is drawn here with rich, fitted to the terminal.

A table is a list of `Col` and rows of cells (text, or (text, style)). `draw` lays it out:
- as a rich table when every column can be given at least its longest unbreakable word (a source id,
  a header word, a number with its unit) within the width: nothing is cut mid-word, text wraps at
  spaces (and between 汉字);
- else, as stacked records: one block per row, each cell under its header, which fits any width of
  40 columns and more. This is the layout below ~100 columns for the wide tables.

Every cell is passed through textsafe.inert here, and rich's markup is off, so data cannot style or
move the terminal. Rich is imported only when a table is drawn.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Union

from ..textsafe import inert

Cell = Union[str, tuple[str, str]]  # text, or (text, rich style such as "bold green")


@dataclass(frozen=True)
class Col:
    """A column: its header, alignment, and whether its texts must stay whole (ids, numbers with
    their units, statuses: short texts a reader should not see broken). A whole text may still
    wrap between the items of a list: after ", " and before " → "."""

    header: str
    justify: str = "left"
    keep_words: bool = False


def console(width: int, color: bool) -> Any:
    """A rich console writing to a buffer: `width` cells, colour when `color`, no markup, no emoji,
    no highlighting (a number in a quote is not painted)."""
    from rich.console import Console

    return Console(file=io.StringIO(), force_terminal=color, no_color=not color, width=width,
                   highlight=False, soft_wrap=False, emoji=False, markup=False, color_system="standard"
                   if color else None)


def text_of(out: Any) -> str:
    """What a console() has written, without the spaces rich pads lines with."""
    return "\n".join(line.rstrip() for line in out.file.getvalue().split("\n"))


def _longest_word(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(word) for word in text.split()), default=0)


def _longest_run(text: str) -> int:
    """The widest id, number or Latin word in `text` (what a fold keeps whole)."""
    return max((len(run) for run in _PIECES.findall(text) if len(run) > 1), default=0)


def _cell(cell: Cell) -> tuple[str, str]:
    return (inert(cell), "") if isinstance(cell, str) else (inert(cell[0]), cell[1])


def draw(out: Any, columns: Sequence[Col], rows: Sequence[Sequence[Cell]], title: str = "",
         show_lines: bool = False) -> None:
    """Print the table on the console `out`, as a table when it fits its width, else stacked."""
    from rich.cells import cell_len

    cells = [[_cell(c) for c in row] for row in rows]
    # What each column needs at least: its header's longest word and, for keep_words columns, every
    # cell's widest item (a source id, a number with its unit); other columns wrap between words,
    # and a run of 汉字 may fold anywhere, so they need MIN_FREE cells, or their longest id or number.
    need, natural = [], []
    for i, col in enumerate(columns):
        words = [_longest_word(col.header)]
        lines = [cell_len(col.header)]
        for row in cells:
            text = row[i][0]
            lines.append(max((cell_len(line) for line in text.split("\n")), default=0))
            if col.keep_words:
                words.append(max((cell_len(unit) for line in text.split("\n") for unit in _ITEMS.split(line)),
                                 default=0))
            else:  # 汉字 may fold anywhere, an id or a number only whole
                words.append(max(min(_longest_word(text), MIN_FREE), _longest_run(text)))
        need.append(max(words))
        natural.append(max(lines))
    widths = _fit(natural, need, out.width - 3 * len(columns) - 1)
    if widths is None:
        _draw_stacked(out, columns, cells, title, cell_len)
    else:
        _draw_table(out, columns, cells, widths, title, show_lines)


MIN_FREE = 16  # cells a column of free text (metric names, reasons) is never squeezed below


def _fit(natural: list[int], need: list[int], room: int) -> list[int] | None:
    """Column widths within `room` cells: the natural widths, narrowed widest first but never below
    `need`; None when even the needs do not fit."""
    widths = [max(n, least) for n, least in zip(natural, need)]
    if sum(need) > room:
        return None
    excess = sum(widths) - room
    while excess > 0:
        slack = [w - least for w, least in zip(widths, need)]
        widest = max(range(len(widths)), key=lambda i: (slack[i] > 0, widths[i]))
        # take from the widest column down to the next widest (at most), in one step
        others = [w for j, w in enumerate(widths) if j != widest and slack[j] > 0]
        step = max(1, min(excess, slack[widest], widths[widest] - max(others, default=0)))
        widths[widest] -= step
        excess -= step
    return widths


_ITEMS = re.compile(r"(?<=,) | (?=→ )")  # where a list of whole items may wrap: "a, b → c"
_PIECES = re.compile(r"[0-9A-Za-z.,%_/:-]+|.")  # what a fold keeps together: 2.5万 folds as 2.5 | 万


def wrap(text: str, width: int, whole: bool = False) -> list[str]:
    """Lines of at most `width` cells, broken at spaces and line breaks (`whole`: only between the
    items of a list); a word wider than the column (a run of 汉字, a long name) is folded where it must."""
    from rich.cells import cell_len

    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for word in (_ITEMS.split(paragraph) if whole else paragraph.split(" ")):
            size = cell_len(word)
            gap = 1 if line else 0
            if used + gap + size <= width:
                line, used = f"{line}{' ' * gap}{word}", used + gap + size
                continue
            if line and size <= width:
                lines.append(line)
                line, used = word, size
                continue
            if line:  # fold the long word from here on: a run of 汉字 reads on across the break
                line, used = line + " ", used + 1
            # folded between characters, but not inside a number or a Latin word that fits a line
            for piece in _PIECES.findall(word):
                for part in (piece,) if cell_len(piece) <= width else piece:
                    size = cell_len(part)
                    if used + size > width and line:
                        lines.append(line.rstrip())
                        line, used = "", 0
                    line, used = line + part, used + size
        lines.append(line)
    return lines


def _pad(lines: list[str], width: int, justify: str) -> str:
    """The lines of a cell, each one space in from the borders and aligned within `width` cells."""
    from rich.cells import cell_len

    out = []
    for line in lines:
        fill = " " * (width - cell_len(line))
        out.append(f" {fill}{line} " if justify == "right" else f" {line}{fill} ")
    return "\n".join(out)


def _draw_table(out: Any, columns: Sequence[Col], cells: list[list[tuple[str, str]]], widths: list[int],
                title: str, show_lines: bool) -> None:
    """A rich table whose cells are wrapped and aligned here: rich draws the borders and the colours.
    Each cell reaches rich as its finished lines (`_Lines`), so rich neither measures nor wraps it
    again: for the 130 rows of `status` that is about 20 ms against 35 for cells given as rich Text,
    and 120 for rich's own layout (see benchmarks/startup.py)."""
    from rich import box
    from rich.table import Table

    table = Table(title=title or None, title_justify="left", box=box.HEAVY_HEAD, show_lines=show_lines,
                  title_style="bold", padding=0, header_style="bold")
    for col, width in zip(columns, widths):
        table.add_column(_pad(wrap(col.header, width), width, col.justify), width=width + 2, no_wrap=True)
    styles: dict[str, Any] = {}
    for row in cells:
        table.add_row(*(_Lines(_pad(wrap(text, width, col.keep_words), width, col.justify).split("\n"), width + 2,
                               _style(style, styles))
                        for (text, style), width, col in zip(row, widths, columns)))
    out.print(table)


def _style(name: str, parsed: dict[str, Any]) -> Any:
    """rich's Style for a style name such as "bold green", parsed once per table."""
    if name not in parsed:
        from rich.style import Style

        parsed[name] = Style.parse(name) if name else None
    return parsed[name]


class _Lines:
    """A table cell as rich renders it: lines already wrapped and padded to `width` cells."""

    __slots__ = ("lines", "style", "width")

    def __init__(self, lines: list[str], width: int, style: Any) -> None:
        self.lines, self.width, self.style = lines, width, style

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.segment import Segment

        for n, line in enumerate(self.lines):
            if n:
                yield Segment.line()
            yield Segment(line, self.style)

    def __rich_measure__(self, console: Any, options: Any) -> Any:
        from rich.measure import Measurement

        return Measurement(self.width, self.width)


def _draw_stacked(out: Any, columns: Sequence[Col], cells: list[list[tuple[str, str]]], title: str,
                  cell_len: Any) -> None:
    """One block per row: the first cell as its heading, then `header  value` lines, values wrapped
    under themselves. The lines reach rich finished (`_Block`), as a table's cells do."""
    key_width = max(cell_len(c.header) for c in columns[1:]) if len(columns) > 1 else 0
    value_width = max(10, out.width - key_width - 2)
    rule = "─" * min(out.width, 60)
    styles: dict[str, Any] = {}
    lines: list[list[tuple[str, Any]]] = []  # each line: its pieces, (text, style)
    if title:
        lines.append([(title, _style("bold", styles))])
    for row in cells:
        lines.append([(rule, _style("dim", styles))])
        head, head_style = row[0]
        lines += [[(line, _style(head_style or "bold", styles))] for line in wrap(head, out.width)]
        for col, (value, style) in zip(columns[1:], row[1:]):
            if not value:
                continue
            key = col.header + " " * (key_width - cell_len(col.header))
            for n, line in enumerate(wrap(value, value_width, col.keep_words)):
                lead = (key + "  ", _style("dim", styles)) if n == 0 else (" " * (key_width + 2), None)
                lines.append([lead, (line, _style(style, styles))])
    out.print(_Block(lines), end="")


class _Block:
    """Lines of styled pieces, laid out already: rich only writes them (and their colours)."""

    __slots__ = ("lines",)

    def __init__(self, lines: list[list[tuple[str, Any]]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.segment import Segment

        for pieces in self.lines:
            for text, style in pieces:
                yield Segment(text, style)
            yield Segment.line()
