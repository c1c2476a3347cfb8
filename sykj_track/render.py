"""Turn verdicts into a table, JSON or CSV. Knows nothing of how verdicts are reached."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from .model import CheckReport, Figure, Goal, Problem, Summary, Verdict
from .quotes import SeedTexts, squeeze
from .quantity import format_number
from .textsafe import csv_cell, inert

COLUMNS = ("id", "metric", "name_zh", "name_en", "agency", "year", "basis", "op", "target", "target_max",
           "unit", "status", "reason", "actual", "actual_bound", "actual_estimate", "actual_as_of", "evidence",
           "attainment", "actual_interval", "sources", "source_urls", "quote", "figure_source", "figure_source_url",
           "figure_year", "figure_quote", "derived_from",
           "superseded_by", "revealed", "note", "doubt", "figure_doubt")

OP_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}
BOUND_SIGNS = {"exact": "", "more_than": ">", "at_least": "≥", "about": "≈", "at_most": "≤"}
STATUS_STYLE = {"hit": "bold green", "miss": "bold red", "pending": "yellow", "unreported": "magenta",
                "superseded": "dim"}
# What a reader sees for a verdict. The JSON status stays hit / miss / pending / superseded; a goal
# pending because its year is over and no report gives a figure reads as overdue, apart from not-due.
STATUS_LABELS = {"hit": {"en": "hit", "zh": "达成"}, "miss": {"en": "miss", "zh": "未达成"},
                 "pending": {"en": "pending", "zh": "待定"},
                 "unreported": {"en": "pending · unreported", "zh": "逾期未报"},
                 "superseded": {"en": "superseded", "zh": "已修订"}}


def shown_status(v: Verdict) -> str:
    """The status a reader sees: the verdict's, or "unreported" for an overdue goal with no figure."""
    return "unreported" if v.unreported else v.status


def status_label(v: Verdict, lang: str = "en") -> str:
    """"hit", "pending · unreported" (zh 逾期未报), ..."""
    return STATUS_LABELS[shown_status(v)]["zh" if lang == "zh" else "en"]
BASIS_ZH = {"level": "", "growth": "增速", "increment": "新增"}
BASIS_EN = {"level": "", "growth": "growth", "increment": "increase"}


def verdict_record(v: Verdict) -> dict[str, Any]:
    """One verdict as a flat, JSON-ready dict with the columns in COLUMNS."""
    goal, fig = v.goal, v.figure
    return {
        "id": v.id, "metric": goal.metric, "name_zh": v.metric.zh, "name_en": v.metric.en,
        "agency": goal.agency, "year": goal.year, "basis": goal.basis, "op": goal.op,
        "target": goal.target, "target_max": goal.target_max, "unit": goal.unit,
        "status": v.status, "reason": v.reason,
        "actual": None if v.actual is None else round(v.actual, 4), "actual_bound": v.actual_bound,
        "actual_estimate": v.actual_estimate, "actual_as_of": fig.as_of.isoformat() if fig and fig.as_of else None,
        "evidence": v.evidence,
        "attainment": None if v.attainment is None else round(v.attainment, 4),
        "actual_interval": _interval_record(v.actual_interval),
        "sources": [s.id for s in v.sources], "source_urls": [s.url or None for s in v.sources],
        "quote": goal.quote,
        "figure_source": fig.source.id if fig else None, "figure_source_url": fig.source.url or None if fig else None,
        "figure_year": fig.year if fig else None,
        "figure_quote": fig.quote if fig else None,
        "derived_from": [{"source": f.source.id, "year": f.year, "value": f.value, "quote": f.quote}
                         for f in v.derived_from],
        "superseded_by": v.superseded_by.source.id if v.superseded_by else None,
        "revealed": goal.revealed, "note": goal.note or None, "doubt": goal.doubt or None,
        "figure_doubt": fig.doubt or None if fig else None,
    }


def _interval_record(interval: tuple[float, float] | None) -> dict[str, float | None] | None:
    """{"lo", "hi"} with null for an open end (JSON has no infinity)."""
    if interval is None:
        return None
    lo, hi = interval
    return {"lo": None if lo == float("-inf") else round(lo, 4), "hi": None if hi == float("inf") else round(hi, 4)}


def interval_text(v: Verdict) -> str:
    """A derived value's range for people: "1506.61–1520 个", "> -100%…unbounded" reads "≤ 22.4 %"."""
    if v.actual_interval is None:
        return ""
    lo, hi = v.actual_interval
    unit = f" {v.goal.unit}"
    if lo == float("-inf") and hi == float("inf"):
        return "any value"
    if hi == float("inf"):
        return f"≥ {format_number(round(lo, 2))}{unit} … unbounded"
    if lo == float("-inf"):
        return f"unbounded … ≤ {format_number(round(hi, 2))}{unit}"
    if lo == hi:
        return f"{format_number(round(lo, 2))}{unit}"
    return f"{format_number(round(lo, 2))}–{format_number(round(hi, 2))}{unit}"


def summary_record(summary: Summary) -> dict[str, Any]:
    """Summary counts as a dict: statuses, pending split into not-due and unreported, and the hit
    rate of planned goals with the revealed goals it leaves out."""
    rate = summary.hit_rate
    return {"hit": summary.hit, "miss": summary.miss, "pending": summary.pending,
            "superseded": summary.superseded, "not_due": summary.not_due, "unreported": summary.unreported,
            "revealed": summary.revealed, "hit_rate": None if rate is None else round(rate, 4)}


def render_json(verdicts: list[Verdict], as_of: date) -> str:
    """{"as_of": ..., "goals": [...], "summary": {...}} with a per-year breakdown."""
    by_year = {str(year): summary_record(Summary.of(group)) for year, group in _by_year(verdicts)}
    summary = {**summary_record(Summary.of(verdicts)), "by_year": by_year}
    # One goal per line: as readable as indented JSON for a person, and json's C encoder (which
    # indent= turns off) writes tens of thousands of goals several times faster.
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: json.dumps builds one per call
    goals = ",\n".join("    " + encode(verdict_record(v)) for v in verdicts)
    goals = f"[\n{goals}\n  ]" if verdicts else "[]"
    return (f'{{\n  "as_of": "{as_of.isoformat()}",\n  "goals": {goals},\n'
            f'  "summary": {json.dumps(summary, ensure_ascii=False)}\n}}\n')


def render_csv(verdicts: list[Verdict]) -> str:
    """One row per goal, the JSON columns; lists joined with ';'."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for v in verdicts:
        row = verdict_record(v)
        row["sources"] = ";".join(row["sources"])
        if row["actual_interval"] is not None:
            lo, hi = row["actual_interval"]["lo"], row["actual_interval"]["hi"]
            row["actual_interval"] = f"{_csv_cell(lo)}..{_csv_cell(hi)}"  # an open end is left empty: "..22.45"
        row["source_urls"] = ";".join(url or "" for url in row["source_urls"]) if any(row["source_urls"]) else None
        row["derived_from"] = ";".join(f"{d['source']}:{d['year']}={format_number(d['value'])}"
                                       for d in row["derived_from"])
        writer.writerow({k: _csv_cell(val) for k, val in row.items()})
    return out.getvalue()


def _csv_cell(value: Any) -> Any:
    """A value written as JSON writes it: 100 not 100.0, true/false not True/False, null as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format_number(value)
    return csv_cell(value)


def _by_year(verdicts: Iterable[Verdict]) -> list[tuple[int, list[Verdict]]]:
    years: dict[int, list[Verdict]] = {}
    for v in verdicts:
        years.setdefault(v.goal.year, []).append(v)
    return sorted(years.items())


def target_text(v: Verdict) -> str:
    """"≥ 4500 家", "3–5 家", "> 10 %"."""
    goal = v.goal
    if goal.op == "between":
        return f"{format_number(goal.target)}–{format_number(goal.target_max or 0)} {goal.unit}"
    return f"{OP_SIGNS[goal.op]} {format_number(goal.target)} {goal.unit}"


def actual_text(v: Verdict, lang: str) -> str:
    """"> 400 亿元", "≈ 5902 家 (预计)", "394.28 亿元 (至2022-12-22)"."""
    if v.actual is None:
        return "—"
    text = f"{BOUND_SIGNS.get(v.actual_bound or 'exact', '')}{format_number(round(v.actual, 2))} {v.goal.unit}"
    if v.actual_estimate:
        text += " (est.)" if lang == "en" else " (预计)"
    if v.figure is not None and v.figure.as_of is not None:
        text += f" (to {v.figure.as_of})" if lang == "en" else f" (截至{v.figure.as_of})"
    return text


def reason_text(v: Verdict) -> str:
    """The reason a goal is pending, and the evidence a verdict rests on."""
    parts = [p for p in (v.reason, v.evidence) if p]
    return ", ".join(parts)


TABLE_COLUMNS = (("metric", "left"), ("target", "right"), ("actual", "right"), ("%", "right"),
                 ("status", "left"), ("reason / evidence", "left"), ("sources", "left"))


def render_table(verdicts: list[Verdict], as_of: date, lang: str = "zh", verbose: bool = False,
                 color: bool | None = None, width: int | None = None, seeds: SeedTexts | None = None) -> str:
    """Tables, one per target year, each followed by its counts; totals at the end. With verbose, the
    quotes behind each verdict; with `seeds` too, each quote's place in its seed (file:line) and the
    sentence around it."""
    from .grid import Column, render_grid, style

    paint = bool(color)
    if not verdicts:
        return f"No goals match (as of {as_of}).\n"
    columns = [Column(name, justify) for name, justify in TABLE_COLUMNS]
    basis_names = BASIS_EN if lang == "en" else BASIS_ZH
    out: list[str] = []
    for year, group in _by_year(verdicts):
        rows, styles = [], []
        for v in group:
            name = v.metric.name(lang)
            if basis_names[v.goal.basis]:
                name += f" ({basis_names[v.goal.basis]})"
            if v.revealed:  # known only because a report says it was met: left out of the hit rate
                name += " (revealed)" if lang == "en" else "（事后披露）"
            if v.outside:
                name += f" [{v.goal.agency}]"
            pct = "" if v.attainment is None else f"{v.attainment * 100:.0f}%"
            sources = ", ".join(s.id for s in v.sources)
            if v.figure is not None and v.figure.source.id not in sources:
                sources += f" → {v.figure.source.id}"
            rows.append((name, target_text(v), actual_text(v, lang), pct, status_label(v), reason_text(v), sources))
            styles.append(("", "", "", "", STATUS_STYLE[shown_status(v)], "", ""))
        out.append(style(f"Goals for {year}", "bold", paint))
        out.append(render_grid(columns, rows, width=width or 200, styles=styles, color=paint))
        out.append(_summary_line(Summary.of(group), f"{year}:"))
        if verbose:
            out += _quote_lines(group, paint, seeds)
        out.append("")
    out.append(_summary_line(Summary.of(verdicts), f"All years (as of {as_of}):"))
    return "\n".join(out) + "\n"


def _summary_line(summary: Summary, label: str) -> str:
    rate = summary.hit_rate
    text = f"{label} {summary.hit} hit, {summary.miss} miss, {summary.pending} pending"
    open_parts = [f"{n} {word}" for n, word in ((summary.not_due, "not due"), (summary.unreported, "unreported"),
                                                (summary.pending - summary.not_due - summary.unreported, "other"))
                  if n]
    if summary.pending and open_parts != [f"{summary.pending} not due"]:
        text += f" ({', '.join(open_parts)})"
    if summary.superseded:
        text += f", {summary.superseded} superseded"
    text += f"; hit rate of decided goals: {'—' if rate is None else f'{rate * 100:.0f}%'}"
    if summary.revealed:
        text += (f" ({summary.revealed} revealed goal{'s' if summary.revealed > 1 else ''} left out: "
                 "known only because a report says it was met)")
    return text


def quote_place(record: Goal | Figure, seeds: SeedTexts | None) -> str:
    """Where a quote stands: "seeds/x.txt:12" when the seed can be searched, else the report's id."""
    if seeds is None:
        return record.source.id
    return f"{record.source.id} {seeds.cite(record.source.file, record.quote)}"


def sentence_lines(record: Goal | Figure, seeds: SeedTexts | None, indent: str) -> list[str]:
    """The sentence around a quote, when it says more than the quote itself."""
    if seeds is None:
        return []
    sentence = seeds.sentence(record.source.file, record.quote)
    if not sentence or squeeze(sentence) == squeeze(record.quote):
        return []
    return [inert(f"{indent}… {sentence}")]


def render_quotes(records: Iterable[tuple[str, Goal | Figure]], seeds: SeedTexts | None = None) -> str:
    """Labelled quotes, one per line with the report, its place in the seed and the year, each followed
    by the sentence around it: the evidence section of `show --verbose`."""
    lines = []
    for label, record in records:
        lines.append(inert(f"  {label:<6} {quote_place(record, seeds)} ({record.year}): 「{record.quote}」"))
        lines += sentence_lines(record, seeds, " " * 9)
    return "\n".join(lines) + "\n" if lines else ""


def _quote_lines(group: list[Verdict], color: bool, seeds: SeedTexts | None = None) -> list[str]:
    """The quotes, notes and doubts behind each verdict of a year (--verbose), each with its place in
    the seed and the sentence around it."""
    from .grid import style

    lines = []
    for v in group:
        lines.append(f"  {style(inert(v.id), 'bold', color)}")
        for goal in v.statements:
            lines.append(inert(f"    goal   {quote_place(goal, seeds)}: 「{goal.quote}」"))
            lines += [style(text, "dim", color) for text in sentence_lines(goal, seeds, "           ")]
        figures = [v.figure] if v.figure else list(v.derived_from)
        for text, label in ((v.goal.note, "note"), (v.goal.doubt, "doubt")):
            if text:
                lines.append(style(inert(f"      {label}: {text}"), "dim", color))
        if v.revealed:
            lines.append(style("      revealed: known only because a report says it was met; left out of the hit rate",
                               "dim", color))
        if v.evidence == "derived":
            lines.append(inert(f"    derived {interval_text(v)}, from the {len(v.derived_from)} figures below"))
        for fig in figures:
            lines.append(inert(f"    figure {quote_place(fig, seeds)} ({fig.year}): 「{fig.quote}」"))
            lines += [style(text, "dim", color) for text in sentence_lines(fig, seeds, "           ")]
            if fig.doubt:
                lines.append(style(inert(f"      doubt: {fig.doubt}"), "dim", color))
    return lines


def render_sources(rows: list[dict[str, Any]], as_of: date, markdown: bool = False) -> str:
    """The per-report coverage table, plain or as Markdown for the README."""
    header = ("report", "seed", "published", "goals", "figures", "hit", "miss", "pending", "superseded")
    lines = []
    for row in rows:
        published = row["published"] + (" (approx.)" if row["published_approx"] else "")
        lines.append((inert(row["id"], False), inert(row["file"].removeprefix("seeds/"), False), published,
                      *(str(row[k]) for k in header[3:])))
    totals = ("total", "", "", *(str(sum(r[k] for r in rows)) for k in header[3:5]), "", "", "", "")
    if markdown:
        out = [f"Goal statuses as of {as_of}.", "", "| " + " | ".join(header) + " |",
               "|" + "---|" * len(header)]
        out += ["| " + " | ".join(line) + " |" for line in (*lines, totals)]
        return "\n".join(out) + "\n"
    widths = [max(len(h), *(len(line[i]) for line in (*lines, totals))) for i, h in enumerate(header)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [fmt.format(*header), *(fmt.format(*line) for line in (*lines, totals)),
           f"(statuses as of {as_of}; a goal stated by two reports counts for both)"]
    return "\n".join(out) + "\n"


def render_sources_csv(rows: list[dict[str, Any]]) -> str:
    """The per-report coverage rows as CSV, the JSON keys as columns."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _csv_cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def render_check(report: CheckReport) -> str:
    """`check` for people: problems grouped by file, each `file:line: message` with its fix, then a
    one-line summary."""
    by_file: dict[str, list[Problem]] = {}
    for problem in sorted((*report.errors, *report.warnings), key=lambda p: (p.where.file, p.where.line)):
        by_file.setdefault(problem.where.file, []).append(problem)
    lines = []
    for file, problems in by_file.items():
        errors = sum(p.is_error for p in problems)
        counts = ", ".join(text for n, word in ((errors, "error"), (len(problems) - errors, "warning"))
                           if n for text in [_plural(n, word)])
        lines.append(f"── {inert(file, False)} ({counts})")
        lines += [str(p) for p in problems]
        lines.append("")
    s = report.summary
    verdict = "ok" if report.ok else "FAILED"
    in_force = s.hit + s.miss + s.pending
    lines.append(f"{verdict}: {_plural(report.sources, 'source')}, {_plural(in_force, 'goal')} "
                 f"(stated {report.goals} times), "
                 f"{_plural(report.figures, 'figure')}; as of {report.as_of}: {s.hit} hit, {s.miss} miss, "
                 f"{s.pending} pending; {_plural(len(report.errors), 'error')}, "
                 f"{_plural(len(report.warnings), 'warning')} ({inert(report.root, False)})")
    return "\n".join(lines) + "\n"


def render_check_json(report: CheckReport) -> str:
    """`check --format json`: {"errors": [...], "warnings": [...], "summary": {...}}."""
    return json.dumps({"errors": [p.as_dict() for p in report.errors],
                       "warnings": [p.as_dict() for p in report.warnings],
                       "summary": report.summary_dict()}, ensure_ascii=False, indent=2) + "\n"
