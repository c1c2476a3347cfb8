"""Turn verdicts into a table, JSON or CSV. Knows nothing of how verdicts are reached."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from ..i18n import count, t
from ..model import CheckReport, Figure, Goal, Problem, Summary, Verdict
from ..ledger.quotes import SeedTexts, squeeze
from ..quantity import format_number
from ..textsafe import csv_cell, inert, markdown_cell
from ..vocabulary import STATUSES
from .labels import (STATUS_STYLE, actual_text, interval_text, metric_label, reason_text, shown_status, sources_text,
                     status_label, target_text)

if TYPE_CHECKING:
    from ..analysis.coverage import MetricUse, SourceCoverage

COLUMNS = ("id", "metric", "name_zh", "name_en", "agency", "year", "basis", "op", "target", "target_max",
           "unit", "status", "reason", "actual", "actual_bound", "actual_estimate", "actual_as_of", "evidence",
           "attainment", "actual_interval", "sources", "source_urls", "quote", "figure_source", "figure_source_url",
           "figure_year", "figure_quote", "derived_from",
           "superseded_by", "revealed", "note", "doubt", "figure_doubt")

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




def with_bom(text: str) -> str:
    """CSV for Excel and WPS: a UTF-8 byte order mark first and CRLF line ends. Without the mark,
    Excel on a Chinese Windows reads UTF-8 as GBK and shows every 汉字 garbled; with it, tools that
    read plain UTF-8 (pandas, csvkit, Python's csv) would see it in the first header, so it is
    written only when asked for (--excel)."""
    return "\ufeff" + text.replace("\r\n", "\n").replace("\n", "\r\n")


# size: display options, each with its default
def render_table(verdicts: list[Verdict], as_of: date, lang: str = "en", verbose: bool = False,
                 color: bool | None = None, width: int | None = None, seeds: SeedTexts | None = None) -> str:
    """Tables, one per target year, each followed by its counts; totals at the end. Below about 100
    columns each goal is a block of lines instead of a table row. With verbose, the quotes behind
    each verdict; with `seeds` too, each quote's place in its seed (file:line) and the sentence
    around it."""
    from .tables import Col, console, draw, text_of

    if not verdicts:
        return t("status.none", lang, date=as_of) + "\n"
    out = console(width or 200, bool(color))
    columns = [Col(t("col.metric", lang)), Col(t("col.target", lang), "right", keep_words=True),
               Col(t("col.actual", lang), "right", keep_words=True), Col(t("col.pct", lang), "right", True),
               Col(t("col.status", lang), keep_words=True), Col(t("col.reason", lang)),
               Col(t("col.sources", lang), keep_words=True)]
    years = _by_year(verdicts)
    for year, group in years:
        rows = []
        for v in group:
            pct = "" if v.attainment is None else f"{v.attainment * 100:.0f}%"
            rows.append((metric_label(v, lang), target_text(v), actual_text(v, lang), pct,
                         (status_label(v, lang), STATUS_STYLE[shown_status(v)]), reason_text(v, lang),
                         sources_text(v)))
        draw(out, columns, rows, title=t("status.title", lang, year=year))
        label = t("summary.year_as_of" if len(years) == 1 else "summary.year", lang, year=year, date=as_of)
        out.print(summary_line(Summary.of(group), label, lang))
        if verbose:
            for line, style in quote_lines(group, lang, seeds):
                out.print(line, style=style or None)
        out.print()
    if len(years) != 1:  # with one year shown, its own line (with the as-of date) is the total
        out.print(summary_line(Summary.of(verdicts), t("summary.all", lang, date=as_of), lang))
    return text_of(out)


def summary_line(summary: Summary, title: str, lang: str = "en") -> str:
    """"2024: 3 hit, 1 miss, 2 pending (1 not due, 1 unreported); hit rate of decided goals: 75%"."""
    rate = summary.hit_rate
    text = f"{title}{t('summary.counts', lang, hit=summary.hit, miss=summary.miss, pending=summary.pending)}"
    other = summary.pending - summary.not_due - summary.unreported
    open_parts = [t(key, lang, n=n) for n, key in ((summary.not_due, "summary.not_due"),
                                                   (summary.unreported, "summary.unreported"),
                                                   (other, "summary.other")) if n]
    if summary.pending:
        text += t("paren.open", lang) + t("sep.clause", lang).join(open_parts) + t("paren.close", lang)
    if summary.superseded:
        text += t("summary.superseded", lang, n=summary.superseded)
    text += t("summary.rate", lang, rate="—" if rate is None else f"{rate * 100:.0f}%")
    if summary.revealed:
        text += count("summary.revealed", summary.revealed, lang) + t("summary.revealed_why", lang)
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


def render_quotes(records: Iterable[tuple[str, Goal | Figure]], seeds: SeedTexts | None = None,
                  lang: str = "en") -> str:
    """Labelled quotes ("goal", "figure", with a basis after them), one per line with the report, its
    place in the seed and the year, each followed by the sentence around it: `show --verbose`."""
    lines = []
    for role, record in records:
        lines.append(inert(f"  {_role(role, lang):<6} {quote_place(record, seeds)} ({record.year}): 「{record.quote}」"))
        lines += sentence_lines(record, seeds, " " * 9)
    return "\n".join(lines) + "\n" if lines else ""


def _role(role: str, lang: str) -> str:
    """"goal", "figure (growth)" in `lang`."""
    word, _, basis = role.partition(" (")
    text = t(f"quote.{word}", lang) if word in ("goal", "figure") else word
    if basis:
        text += f" ({t('basis.' + basis.rstrip(')'), lang) or basis.rstrip(')')})"
    return text


def quote_lines(group: list[Verdict], lang: str = "en", seeds: SeedTexts | None = None) -> list[tuple[str, str]]:
    """(line, style) pairs: the quotes, notes and doubts behind each verdict (--verbose), each quote
    with its place in the seed and the sentence around it."""
    pad = " " * 11
    lines: list[tuple[str, str]] = []
    for v in group:
        lines.append((f"  {inert(v.id)}", "bold"))
        for goal in v.statements:
            lines.append((inert(f"    {t('quote.goal', lang):<6} {quote_place(goal, seeds)}: 「{goal.quote}」"), ""))
            lines += [(text, "dim") for text in sentence_lines(goal, seeds, pad)]
        figures = [v.figure] if v.figure else list(v.derived_from)
        for text, key in ((v.goal.note, "quote.note"), (v.goal.doubt, "quote.doubt")):
            if text:
                lines.append((inert(f"      {t(key, lang)}: {text}"), "dim"))
        if v.revealed:
            lines.append((f"      {t('quote.revealed', lang)}", "dim"))
        if v.evidence == "derived":
            lines.append((inert("    " + t("quote.derived", lang, range=interval_text(v, lang),
                                             n=len(v.derived_from))), ""))
        for fig in figures:
            lines.append((inert(f"    {t('quote.figure', lang)} {quote_place(fig, seeds)} ({fig.year}): 「{fig.quote}」"), ""))
            lines += [(text, "dim") for text in sentence_lines(fig, seeds, pad)]
            if fig.doubt:
                lines.append((inert(f"      {t('quote.doubt', lang)}: {fig.doubt}"), "dim"))
    return lines


SOURCE_KEYS = ("goals", "figures", *STATUSES)


def render_sources(rows: list[SourceCoverage], as_of: date, markdown: bool = False, lang: str = "en",
                   width: int = 200) -> str:
    """The per-report coverage table, as a table or as Markdown for the README."""
    from .tables import Col, console, draw, text_of

    header = (t("sources.report", lang), t("sources.seed", lang), t("sources.published", lang),
              *(t(f"sources.{k}", lang) if k in ("goals", "figures") else t(f"status.{k}", lang)
                for k in SOURCE_KEYS))
    cell = markdown_cell if markdown else partial(inert, newlines=False)
    lines = []
    for row in rows:
        source = row.source
        published = source.published.isoformat() + (f" ({t('sources.approx', lang)})" if source.published_approx
                                                     else "")
        lines.append((cell(source.id), cell(source.file.removeprefix("seeds/")), published,
                      *(str(getattr(row, k)) for k in SOURCE_KEYS)))
    totals = (t("sources.total", lang), "", "", *(str(sum(getattr(r, k) for r in rows)) for k in SOURCE_KEYS[:2]),
              "", "", "", "")
    if markdown:
        out = [t("sources.md_title", lang, date=as_of), "", "| " + " | ".join(header) + " |",
               "|" + "---|" * len(header)]
        out += ["| " + " | ".join(line) + " |" for line in (*lines, totals)]
        return "\n".join(out) + "\n"
    console_ = console(width, False)
    columns = [Col(header[0], keep_words=True), Col(header[1], keep_words=True), Col(header[2], keep_words=True),
               *(Col(h, "right", True) for h in header[3:])]
    draw(console_, columns, [*lines, totals])
    console_.print(t("sources.footer", lang, date=as_of))
    return text_of(console_)


def render_sources_json(rows: list[SourceCoverage], as_of: date) -> str:
    """{"as_of": ..., "sources": [...]}, each row as its record()."""
    return json.dumps({"as_of": as_of.isoformat(), "sources": [row.record() for row in rows]}, ensure_ascii=False,
                      indent=2) + "\n"


def render_sources_csv(rows: list[SourceCoverage]) -> str:
    """The per-report coverage rows as CSV, the JSON keys as columns."""
    out = io.StringIO()
    records = [row.record() for row in rows]
    if records:
        writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _csv_cell(v) for k, v in record.items()} for record in records)
    return out.getvalue()


def render_metrics_json(rows: list[MetricUse]) -> str:
    """`metrics --format json`: a list of each metric's record()."""
    return json.dumps([row.record() for row in rows], ensure_ascii=False, indent=2) + "\n"


def render_metrics(rows: list[MetricUse], lang: str = "en", width: int = 200) -> str:
    """`metrics` as a table: id, names, unit, kind, how many goals and figures use each."""
    from .tables import Col, console, draw, text_of

    out = console(width, False)
    columns = [Col(t("col.id", lang), keep_words=True), Col(t("metrics.zh", lang)), Col(t("metrics.en", lang)),
               Col(t("metrics.unit", lang), keep_words=True), Col(t("metrics.kind", lang), keep_words=True),
               Col(t("metrics.goals", lang), "right", True), Col(t("metrics.figures", lang), "right", True)]
    draw(out, columns, [(r.metric.id, r.metric.zh, r.metric.en, r.metric.unit, r.metric.kind, str(r.goals),
                         str(r.figures)) for r in rows])
    return text_of(out)


def render_check(report: CheckReport, lang: str = "en", width: int = 200, color: bool = False) -> str:
    """`check` for people: one table per file of its problems (place, error or warning, what is
    wrong and, under it, how to fix it), then a one-line summary."""
    from .tables import Col, console, draw, text_of

    by_file: dict[str, list[Problem]] = {}
    for problem in sorted((*report.errors, *report.warnings), key=lambda p: (p.where.file, p.where.line)):
        by_file.setdefault(problem.where.file, []).append(problem)
    out = console(width, color)
    columns = [Col(t("check.where", lang), keep_words=True), Col(t("check.severity", lang), keep_words=True),
               Col(t("check.message", lang))]
    for file, problems in by_file.items():
        errors = sum(p.is_error for p in problems)
        counts = t("sep.clause", lang).join(count(key, n, lang) for key, n in (("n.error", errors),
                                            ("n.warning", len(problems) - errors)) if n)
        rows = [(str(p.where), (t("check.error" if p.is_error else "check.warning", lang),
                                "bold red" if p.is_error else "yellow"), _problem_cell(p, lang))
                for p in problems]
        draw(out, columns, rows, title=f"── {file}{t('paren.open', lang)}{counts}{t('paren.close', lang)}")
        out.print()
    s = report.summary
    out.print(inert(t("check.summary", lang, verdict=t("check.ok" if report.ok else "check.failed", lang),
                      sources=count("n.source", report.sources, lang),
                      goals=count("n.goal", s.hit + s.miss + s.pending, lang), stated=report.goals,
                      figures=count("n.figure", report.figures, lang), date=report.as_of, hit=s.hit, miss=s.miss,
                      pending=s.pending, errors=count("n.error", len(report.errors), lang),
                      warnings=count("n.warning", len(report.warnings), lang), root=report.root)),
              style="bold green" if report.ok else "bold red")
    return text_of(out)


def _problem_cell(problem: Problem, lang: str) -> str:
    """What is wrong and, on a line of its own, how to fix it."""
    hint = problem.hint_in(lang)
    text = problem.message_in(lang)
    return f"{text}\n{t('check.fix', lang)}{t('check.colon', lang)}{hint}" if hint else text


def problem_text(problem: Problem, lang: str = "en") -> str:
    """"file:line: error: message" and its "fix:" line in `lang`: how the commands other than
    `check` report the problems of the data they load."""
    severity = t("check.error" if problem.is_error else "check.warning", lang)
    colon = t("check.colon", lang)
    text = f"{inert(problem.where)}: {severity}{colon}{inert(problem.message_in(lang))}"
    hint = problem.hint_in(lang)
    return f"{text}\n    {t('check.fix', lang)}{colon}{inert(hint)}" if hint else text


def render_check_json(report: CheckReport) -> str:
    """`check --format json`: {"errors": [...], "warnings": [...], "summary": {...}}."""
    return json.dumps({"errors": [p.as_dict() for p in report.errors],
                       "warnings": [p.as_dict() for p in report.warnings],
                       "summary": report.summary_dict()}, ensure_ascii=False, indent=2) + "\n"
