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
from ..i18n import label, t
from .labels import BOUND_SIGNS, STATUS_STYLE, reason_text, shown_status, status_label, target_text
from .verdicts import verdict_record
from ..analysis.series import MetricSeries, Series, YearPoint
from ..textsafe import inert

NO_GOAL_STYLE = "cyan"
EIGHTHS = " ▏▎▍▌▋▊▉"  # partial block characters, 0/8 to 7/8 of a cell


def figure_text(fig: Figure, with_unit: bool = True, short: bool = False, lang: str = "zh") -> str:
    """"> 400 亿元 (预计)", "394.28 亿元 (截至2022-12-22)": the value with its bound and caveats.

    `short` drops the spaces and the year of a cut-off date, for the chart's labels: ">400 预计"."""
    sign = BOUND_SIGNS.get(fig.bound, "")
    text = f"{sign} {format_number(fig.value)}" if sign else format_number(fig.value)
    if with_unit:
        text += f" {fig.unit}"
    if short:
        text = text.replace(" ", "") + (f" {t('figure.estimate', lang)}" if fig.estimate else "")
        return text + (f" {t('figure.to', lang, date=f'{fig.as_of:%m-%d}')}" if fig.as_of is not None else "")
    if fig.estimate:
        text += f" ({t('figure.estimate', lang)})"
    if fig.as_of is not None:
        text += f" ({t('figure.to', lang, date=fig.as_of)})"
    return text


def verdict_text(v: Verdict, lang: str = "en") -> str:
    """"miss 93%", "pending · unreported no-figure", "hit final 111%"."""
    parts = [status_label(v, lang), reason_text(v, lang)]
    if v.attainment is not None:
        parts.append(f"{v.attainment * 100:.0f}%")
    return " ".join(p for p in parts if p)


def _agency_suffix(v: Verdict) -> str:
    return f" [{v.goal.agency}]" if v.outside else ""


# --- the table --------------------------------------------------------------------------------------

def _year_table(out: Any, series: Series, lang: str) -> bool:
    """Draw the table of every year of a series; True when some year has several figures (one marked *)."""
    from .tables import Col, draw

    several = any(len(p.figures) > 1 for p in series.points)
    rows = []
    for point in series.years_with_data:
        goals, verdicts = [], []
        for v in point.verdicts:
            goals.append(f"{target_text(v)}{_agency_suffix(v)}" + "".join(f"\n  {s.id}" for s in v.sources))
            # One line per source under the goal: pad the verdict so the next one lines up with its goal.
            verdicts.append(verdict_text(v, lang) + "\n" * len(v.sources))
        figures = []
        for fig in point.figures:
            mark = "* " if several and fig is point.shown else "  " if several else ""
            figures.append(f"{mark}{figure_text(fig, lang=lang)}\n  {fig.source.id}")
        style = STATUS_STYLE.get(shown_status(point.verdicts[0]), "") if point.verdicts else ""
        rows.append((str(point.year), "\n".join(goals) or "—", "\n".join(figures) or "—",
                     ("\n".join(verdicts).rstrip("\n") or "—", style)))
    title = f"{series.metric.name(lang)} — {t(f'basis.title.{series.basis}', lang)}, {series.unit}"
    draw(out, [Col(t("col.year", lang), "right", True), Col(t("show.goals", lang)), Col(t("show.figures", lang)),
               Col(t("show.verdict", lang))], rows, title=title, show_lines=True)
    return several


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


def _right_label(point: YearPoint, lang: str) -> tuple[str, str, str]:
    actual = figure_text(point.shown, with_unit=False, short=True, lang=lang) if point.shown else ""
    seen: list[str] = []
    for v in point.in_force:
        text = target_text(v).removesuffix(f" {v.goal.unit}").replace(" ", "")
        if text not in seen:
            seen.append(text)
    targets = t("show.target_prefix", lang) + ",".join(seen) if seen else ""
    return actual, targets, t(f"status.{point.status}", lang) if point.status else ""


def chart_lines(series: Series, width: int, plain: bool, lang: str = "en") -> list[Any]:
    """The chart of one series as rich Text lines: a row per year, bar = figure, marker = target."""
    from rich.cells import cell_len
    from rich.text import Text

    labels = [tuple(inert(text, False) for text in _right_label(p, lang)) for p in series.points]
    widths = [max([0, *(cell_len(label[i]) for label in labels)]) for i in range(3)]
    # "2024 |" + bar + " " actual "  " targets "  " status
    cells = max(10, width - 6 - 5 - sum(widths))
    scale = series.scale_max()
    marker_char, axis = ("|", "|") if plain else ("┃", "│")
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
        pad = [" " * (w - cell_len(text)) for text, w in zip((actual, targets, status), widths)]
        line.append(f" {pad[0]}{actual}  {targets}{pad[1]}  ")
        line.append(status, style=(STATUS_STYLE.get(point.status or "") if not plain else None))
        line.rstrip()
        lines.append(line)
    scale_text = inert(f"{format_number(round(scale, 2))} {series.unit}", False)
    lines.insert(0, Text(f"{'':4} 0{scale_text:>{cells}}"))
    legends = ([t("show.legend_plain", lang)] if plain
               else [t("show.legend_bar", lang), t("show.legend_colour", lang)])
    lines += [Text(f"{'':5}{legend}", style="" if plain else "dim") for legend in legends]
    return lines


def render_show(ms: MetricSeries, as_of: date, color: bool = False, width: int = 80, plain: bool = True,
                lang: str = "en") -> str:
    """The text of `sykj-track show`: per basis, a table of every year and a chart of the series."""
    from .tables import console, text_of

    out = console(width, color)
    m = ms.metric
    out.print(inert(f"{m.zh} / {m.en} ({m.id})"))
    better = t(f"show.better.{m.better}", lang) if m.better in ("higher", "lower") else m.better
    out.print(inert(t("show.unit_line", lang, unit=m.unit, kind=label("metric_kind", m.kind, lang), better=better,
                       date=as_of)))
    if m.note:
        out.print(inert(f"{t('quote.note', lang)}: {m.note}"))
    if not ms.series:
        out.print(t("show.none", lang, date=as_of))
    for series in ms.series:
        out.print()
        if _year_table(out, series, lang):
            out.print(t("show.charted", lang))
        for line in chart_lines(series, width, plain, lang):
            out.print(line, overflow="crop", no_wrap=True)
    return text_of(out)


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


SHOW_CSV_COLUMNS = ("metric", "name_zh", "basis", "year", "kind", "written", "value", "unit", "bound", "estimate",
                    "status", "source", "quote", "charted")


def render_show_csv(ms: MetricSeries) -> str:
    """One row per goal and per figure of every year, status on the goals, charted on the figure judged."""
    import csv

    from ..textsafe import csv_cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SHOW_CSV_COLUMNS)
    m = ms.metric
    for series in ms.series:
        for point in series.years_with_data:
            for v in point.verdicts:
                for goal in v.statements:
                    writer.writerow([csv_cell(c) for c in (
                        m.id, m.zh, series.basis, point.year, "goal", target_text(v), format_number(goal.target),
                        goal.unit, goal.op, "", v.status, goal.source.id, goal.quote, "")])
            for fig in point.figures:
                writer.writerow([csv_cell(c) for c in (
                    m.id, m.zh, series.basis, point.year, "figure", figure_text(fig), format_number(fig.value),
                    fig.unit, fig.bound, "true" if fig.estimate else "false", "", fig.source.id, fig.quote,
                    "true" if fig is point.shown else "false")])
    return out.getvalue()
