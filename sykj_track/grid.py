"""A plain text table with box-drawing lines, sized for CJK text, and optional ANSI colour.

`status` prints about 130 rows; laying them out with rich costs several times the start-up of the
whole tool, while a fixed layout like this one costs a few milliseconds. Wide characters (汉字, full-
width signs) take two terminal cells, and cells wrap when the table is wider than the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .textsafe import inert

ANSI = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33"}
MIN_WIDTH = 6  # a column is never squeezed below this many cells


# Characters two cells wide: East Asian Wide and Fullwidth (Unicode's EastAsianWidth W and F), as ranges.
_WIDE = re.compile("[\u1100-\u115f\u231a\u231b\u2329\u232a\u23e9-\u23ec\u2e80-\u303e\u3041-\u33ff"
                   "\u3400-\u4dbf\u4e00-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19"
                   "\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\U0001f300-\U0001f64f\U0001f900-\U0001f9ff"
                   "\U00020000-\U0003fffd]")
_ZERO = re.compile("[\u0300-\u036f\u200b-\u200f\ufe00-\ufe0f]")


def cell_width(text: str) -> int:
    """Terminal cells `text` takes: two for wide (CJK) characters, none for combining marks."""
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text)) - len(_ZERO.findall(text))


def style(text: str, spec: str, color: bool) -> str:
    """`text` in an ANSI style such as "bold green" when `color`, else unchanged."""
    codes = [ANSI[word] for word in spec.split() if word in ANSI]
    if not color or not codes or not text:
        return text
    return f"\x1b[{';'.join(codes)}m{text}\x1b[0m"


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells, broken at spaces where possible, else inside words."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for word in paragraph.split(" "):
            size = cell_width(word)
            gap = 1 if line else 0
            if used + gap + size <= width:
                line, used = f"{line}{' ' * gap}{word}", used + gap + size
                continue
            if line:
                lines.append(line)
                line, used = "", 0
            for char in word:  # fold a word longer than the column
                size = cell_width(char)
                if used + size > width and line:
                    lines.append(line)
                    line, used = "", 0
                line, used = line + char, used + size
        lines.append(line)
    return lines


@dataclass(frozen=True)
class Column:
    """A column's header and alignment ("left" or "right")."""

    header: str
    justify: str = "left"


def _fit(natural: list[int], width: int) -> list[int]:
    """Column widths that fit `width` cells in all, taking cells from the widest columns first."""
    widths = list(natural)
    borders = 3 * len(widths) + 1
    while sum(widths) + borders > width:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= MIN_WIDTH:
            break
        widths[widest] -= 1
    return widths


def render_grid(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int = 200,
                styles: Sequence[Sequence[str]] | None = None, color: bool = False) -> str:
    """The table as text, at most `width` cells wide where the columns allow. `styles[r][c]` is an
    ANSI style spec for a cell ("bold green"), used only when `color`."""
    rows = [[inert(cell) for cell in row] for row in rows]
    natural = [max([cell_width(c.header), *(cell_width(line) for row in rows for line in row[i].split("\n"))])
               for i, c in enumerate(columns)]
    widths = _fit(natural, width)

    def line(left: str, fill: str, middle: str, right: str) -> str:
        return left + middle.join(fill * (w + 2) for w in widths) + right

    def body(cells: Sequence[str], edge: str, cell_styles: Sequence[str] | None, bold: bool = False) -> list[str]:
        wrapped = [wrap(text, w) for text, w in zip(cells, widths)]
        out = []
        for n in range(max(len(lines) for lines in wrapped)):
            parts = []
            for i, lines in enumerate(wrapped):
                text = lines[n] if n < len(lines) else ""
                pad = " " * (widths[i] - cell_width(text))
                text = style(text, "bold" if bold else (cell_styles[i] if cell_styles else ""), color)
                parts.append(f" {pad}{text} " if columns[i].justify == "right" else f" {text}{pad} ")
            out.append(edge + edge.join(parts) + edge)
        return out

    out = [line("┏", "━", "┳", "┓"), *body([c.header for c in columns], "┃", None, bold=True),
           line("┡", "━", "╇", "┩")]
    for r, row in enumerate(rows):
        out += body(row, "│", styles[r] if styles else None)
    out.append(line("└", "─", "┴", "┘"))
    return "\n".join(out)
