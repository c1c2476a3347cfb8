"""`sykj-track show`: one metric year by year, as a table and a terminal bar chart, or as JSON.

Draws what series.py computed; knows nothing of how verdicts are reached. On a terminal the chart
uses block characters and colour; piped, it is plain ASCII so it survives any file or pager.
"""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

from ..model import Figure, Verdict
from ..quantity import format_number
from .labels import BOUND_SIGNS, STATUS_STYLE, reason_text, shown_status, status_label, target_text
from .verdicts import verdict_record
from ..series import MetricSeries, Series, YearPoint
from ..textsafe import inert

BASIS_TITLE = {"level": "level", "growth": "growth rate (同比增长)", "increment": "increase (新增)"}
NO_GOAL_STYLE = "cyan"
EIGHTHS = " ▏▎▍▌▋▊▉"  # partial block characters, 0/8 to 7/8 of a cell


def figure_text(fig: Figure, with_unit: bool = True, short: bool = False) -> str:
    """"> 400 亿元 (预计)", "394.28 亿元 (截至2022-12-22)": the value with its bound and caveats.

    `short` drops the spaces and the year of a cut-off date, for the chart's labels: ">400 预计"."""
    sign = BOUND_SIGNS.get(fig.bound, "")
    text = f"{sign} {format_number(fig.value)}" if sign else format_number(fig.value)
    if with_unit:
        text += f" {fig.unit}"
    if short:
        text = text.replace(" ", "") + (" 预计" if fig.estimate else "")
        return text + (f" 截至{fig.as_of:%m-%d}" if fig.as_of is not None else "")
    if fig.estimate:
        text += " (预计)"
    if fig.as_of is not None:
        text += f" (截至{fig.as_of})"
    return text


def verdict_text(v: Verdict) -> str:
    """"miss 93%", "pending · unreported no-figure", "hit final 111%"."""
    parts = [status_label(v), reason_text(v)]
    if v.attainment is not None:
        parts.append(f"{v.attainment * 100:.0f}%")
    return " ".join(p for p in parts if p)


def _agency_suffix(v: Verdict) -> str:
    return f" [{v.goal.agency}]" if v.outside else ""


# --- the table --------------------------------------------------------------------------------------

def _year_table(series: Series, color: bool) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=inert(f"{series.metric.zh} — {BASIS_TITLE[series.basis]}, {series.unit}"),
                  title_justify="left", show_lines=True, expand=False)
    table.add_column("year", justify="right", no_wrap=True)
    table.add_column("goals (source)", overflow="fold")
    table.add_column("figures (source)", overflow="fold")
    table.add_column("verdict", overflow="fold")
    several = any(len(p.figures) > 1 for p in series.points)
    for point in series.years_with_data:
        goals = Text()
        verdicts = Text()
        for i, v in enumerate(point.verdicts):
            sep = "\n" if i else ""
            sources = "".join(f"\n  {s.id}" for s in v.sources)
            goals.append(inert(f"{sep}{target_text(v)}{_agency_suffix(v)}{sources}"),
                         style="dim" if v.status == "superseded" else "")
            # One line per source under the goal: pad the verdict so the next one lines up with its goal.
            verdicts.append(inert(sep + verdict_text(v)), style=STATUS_STYLE[shown_status(v)] if color else "")
            verdicts.append("\n" * len(v.sources))
        figures = Text()
        for i, fig in enumerate(point.figures):
            mark = "* " if several and fig is point.shown else "  " if several else ""
            figures.append(inert(f"{chr(10) if i else ''}{mark}{figure_text(fig)}\n  {fig.source.id}"))
        table.add_row(str(point.year), goals or Text("—"), figures or Text("—"), verdicts or Text("—"))
    return table, several


# --- the chart --------------------------------------------------------------------------------------

def _bar(value: float, scale: float, cells: int, plain: bool) -> str:
    """A bar `value / scale` of `cells` long, in eighths of a cell on a terminal, whole '#' when plain."""
    if scale <= 0 or value <= 0:
        return ""
    eighths = round(min(value / scale, 1.0) * cells * 8)
    if plain:
        return "#" * round(eighths / 8)
    return "█" * (eighths // 8) + EIGHTHS[eighths % 8].strip()


def _marker_cell(target: float, scale: float, cells: int) -> int:
    return max(0, min(cells - 1, round(target / scale * cells) - 1)) if scale > 0 else 0


def _right_label(point: YearPoint) -> tuple[str, str, str]:
    actual = figure_text(point.shown, with_unit=False, short=True) if point.shown else ""
    seen: list[str] = []
    for v in point.in_force:
        text = target_text(v).removesuffix(f" {v.goal.unit}").replace(" ", "")
        if text not in seen:
            seen.append(text)
    targets = "目标" + ",".join(seen) if seen else ""
    return actual, targets, point.status or ""


def chart_lines(series: Series, width: int, plain: bool) -> list[Any]:
    """The chart of one series as rich Text lines: a row per year, bar = figure, marker = target."""
    from rich.cells import cell_len
    from rich.text import Text

    labels = [tuple(inert(text, False) for text in _right_label(p)) for p in series.points]
    widths = [max([0, *(cell_len(label[i]) for label in labels)]) for i in range(3)]
    # "2024 |" + bar + " " actual "  " targets "  " status
    cells = max(10, width - 6 - 5 - sum(widths))
    scale = series.scale_max()
    bar_char, marker_char, axis = ("#", "|", "|") if plain else ("█", "┃", "│")
    lines = []
    for point, (actual, targets, status) in zip(series.points, labels):
        style = "" if plain else STATUS_STYLE.get(point.status or "", NO_GOAL_STYLE)
        if point.shown is not None and (point.shown.estimate or point.shown.partial) and not plain:
            style += " dim"
        bar = _bar(point.shown.value, scale, cells, plain) if point.shown else ""
        row = list(bar.ljust(cells))
        styles = [style if ch.strip() else "" for ch in row]
        for v in point.in_force:
            at = _marker_cell(v.goal.target, scale, cells)
            row[at] = marker_char
            target_style = "bold" if plain else f"bold {STATUS_STYLE[v.status].split()[-1]}"
            styles[at] = f"{target_style} reverse" if at < len(bar) and not plain else target_style
        line = Text(f"{point.year} {axis}")
        for ch, st in zip(row, styles):
            line.append(ch, style=st or None)
        pad = [" " * (w - cell_len(t)) for t, w in zip((actual, targets, status), widths)]
        line.append(f" {pad[0]}{actual}  {targets}{pad[1]}  ")
        line.append(status, style=(STATUS_STYLE.get(status) if not plain else None))
        line.rstrip()
        lines.append(line)
    scale_text = inert(f"{format_number(round(scale, 2))} {series.unit}", False)
    lines.insert(0, Text(f"{'':4} 0{scale_text:>{cells}}"))
    legends = (["# figure   | target   (the status is written out at the end of each row)"] if plain
               else ["█ figure (faint: 预计 or part of the year)   ┃ target",
                     "green hit · red miss · yellow pending · cyan no goal that year"])
    lines += [Text(f"{'':5}{legend}", style=None if plain else "dim") for legend in legends]
    return lines


def render_show(ms: MetricSeries, as_of: date, color: bool = False, width: int = 80, plain: bool = True) -> str:
    """The text of `sykj-track show`: per basis, a table of every year and a chart of the series."""
    from rich.console import Console

    out = io.StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, width=width, highlight=False,
                      soft_wrap=False, emoji=False, markup=False)
    m = ms.metric
    console.print(inert(f"{m.zh} / {m.en} ({m.id})"))
    console.print(inert(f"unit {m.unit} · {m.kind} · {m.better} is better · as of {as_of}"))
    if m.note:
        console.print(inert(f"note: {m.note}"))
    if not ms.series:
        console.print(f"No report published by {as_of} gives a goal or a figure of this metric.")
    for series in ms.series:
        console.print()
        table, several = _year_table(series, color)
        console.print(table)
        if several:
            console.print("* the figure charted and judged: final over 预计, full year over part of it, "
                          "exact over bounded, then the later report")
        for line in chart_lines(series, width, plain):
            console.print(line, overflow="crop", no_wrap=True)
    return out.getvalue()


def _figure_record(fig: Figure, shown: bool) -> dict[str, Any]:
    return {"value": fig.value, "written": fig.written, "unit": fig.unit, "bound": fig.bound,
            "estimate": fig.estimate, "as_of": fig.as_of.isoformat() if fig.as_of else None,
            "source": fig.source.id, "published": fig.source.published.isoformat(), "quote": fig.quote,
            "charted": shown, "note": fig.note or None, "doubt": fig.doubt or None}


def show_record(ms: MetricSeries, as_of: date) -> dict[str, Any]:
    """The content of `show` as JSON-ready data: the metric, and per basis every year's goals and figures."""
    m = ms.metric
    return {
        "as_of": as_of.isoformat(),
        "metric": {"id": m.id, "zh": m.zh, "en": m.en, "unit": m.unit, "kind": m.kind, "better": m.better,
                   "aliases": list(m.aliases), "note": m.note or None},
        "series": [{"basis": s.basis, "unit": s.unit,
                    "years": [{"year": p.year, "status": p.status,
                               "goals": [verdict_record(v) for v in p.verdicts],
                               "figures": [_figure_record(f, f is p.shown) for f in p.figures]}
                              for p in s.years_with_data]}
                   for s in ms.series],
    }


def render_show_json(ms: MetricSeries, as_of: date) -> str:
    """show_record as indented JSON, Chinese kept as is."""
    return json.dumps(show_record(ms, as_of), ensure_ascii=False, indent=2) + "\n"
