"""Turn a Diff or audit findings into a table, JSON or CSV. Knows nothing of how they are reached."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from ..analysis.intervals import INF, point, show_growth
from ..analysis.audit import Finding, finding_record, record_dict, written
from ..analysis.diff import Diff, DiffRow, Side
from ..model import Figure, Goal
from ..ledger.quotes import SeedTexts
from ..quantity import format_number
from ..i18n import label, t
from .labels import basis_label
from .verdicts import quote_place, sentence_lines
from ..textsafe import csv_cell

DIFF_COLUMNS = ("metric", "name_zh", "name_en", "basis", "a_target", "a_actual", "a_status", "b_target",
                "b_actual", "b_status", "change", "change_pct", "change_of", "stated_growth", "implied_growth",
                "flags")


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def side_record(side: Side) -> dict[str, Any]:
    """One year of a diff row as a JSON-ready dict."""
    goal, fig = side.goal, side.actual
    return {
        "year": side.year,
        "target": goal.target if goal else None, "target_max": goal.target_max if goal else None,
        "op": goal.op if goal else None, "target_written": written(goal) if goal else None,
        "agency": goal.agency if goal else None,
        "status": side.verdict.status if side.verdict else None,
        "reason": side.verdict.reason if side.verdict else None,
        "actual": fig.value if fig else None, "actual_bound": fig.bound if fig else None,
        "actual_estimate": fig.estimate if fig else None,
        "actual_as_of": fig.as_of.isoformat() if fig and fig.as_of else None,
        "actual_written": written(fig) if fig else None,
        "unit": goal.unit if goal else fig.unit if fig else None,
    }


def row_records(row: DiffRow) -> list[tuple[str, Goal | Figure]]:
    """The goals and figures a diff row rests on, each with its role (a.target, b.actual, prior, ...)."""
    found: list[tuple[str, Goal | Figure]] = []
    for year_side, side in (("a", row.a), ("b", row.b)):
        for role, record in (("target", side.goal), ("actual", side.actual)):
            if record is not None:
                found.append((f"{year_side}.{role}", record))
    if row.stated_growth is not None:
        found.append(("b.stated_growth", row.stated_growth))
    if row.prior is not None:
        found.append(("prior", row.prior))
    return found


def diff_row_record(row: DiffRow) -> dict[str, Any]:
    """One diff row as a JSON-ready dict: the keys of `diff --format json`."""
    quotes = [record_dict(role, record) for role, record in row_records(row)]
    implied = row.implied_growth
    stated = row.stated_growth
    return {
        "metric": row.metric.id, "name_zh": row.metric.zh, "name_en": row.metric.en, "basis": row.basis,
        "a": side_record(row.a), "b": side_record(row.b),
        "change": _round(row.change), "change_pct": _round(row.change_pct, 2), "change_of": row.change_of or None,
        "stated_growth": None if stated is None else {
            "value": stated.target if isinstance(stated, Goal) else stated.value, "written": written(stated),
            "from": "goal" if isinstance(stated, Goal) else "figure", "source": stated.source.id},
        "implied_growth": None if implied is None else {
            # A one-sided range (after 突破/以上 the earlier level is only a floor) has no middle to report.
            "value": None if implied.lo <= -100 or implied.hi == INF else _round(point(implied), 2),
            "lo": _round(implied.lo, 4), "hi": _round(implied.hi, 4), "text": show_growth(implied),
            "from": row.implied_from},
        "flags": list(row.flags), "quotes": quotes,
    }


def _seed_places(quotes: list[dict[str, Any]], records: Iterable[tuple[str, Goal | Figure]],
                 seeds: SeedTexts | None) -> None:
    """Add each quote's place in its report ("seed_where": "seeds/x.txt:12"), which outlives a checkout
    of targets/ ("where" is the ledger's line)."""
    if seeds is None:
        return
    for quote, (_, record) in zip(quotes, records):
        quote["seed_where"] = seeds.cite(record.source.file, record.quote)


def render_diff_json(result: Diff, seeds: SeedTexts | None = None) -> str:
    """{"years": [A, B], "as_of": ..., "rows": [...]}; with `seeds`, each quote carries "seed_where"."""
    payload: dict[str, Any]  # its rows are dicts whose quotes get their places below
    payload = {"years": [result.year_a, result.year_b], "as_of": result.as_of.isoformat(),
               "lacks": [*({"year": year, "what": what, "text": lacks_text(year, what)} for year, what in result.lacks),
                         *({"year": year, "what": "agency-goals", "agency": agency,
                            "text": lacks_agency_text(result, year, agency)} for year, agency in result.lacks_agency)],
               "rows": [diff_row_record(r) for r in result.rows]}
    for record, row in zip(payload["rows"], result.rows):
        _seed_places(record["quotes"], row_records(row), seeds)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def lacks_text(year: int, what: str, lang: str = "en") -> str:
    """What the ledger lacks for a year, said once above the table instead of flagging every row."""
    return t("diff.lacks_goals" if what == "goals" else "diff.lacks_figures", lang, year=year)


def lacks_agency_text(result: Diff, year: int, agency: str, lang: str = "en") -> str:
    """The ledger has goals for `year` but none of `agency`, which set goals for the other year."""
    other = result.year_b if year == result.year_a else result.year_a
    return t("diff.lacks_agency", lang, year=year, agency=agency, other=other)


def _side_text(side: Side, what: str) -> str:
    if what == "target":
        return written(side.goal) if side.goal else ""
    return written(side.actual) if side.actual else ""


def _growth_text(row: DiffRow, lang: str = "en") -> tuple[str, str]:
    stated = written(row.stated_growth) if row.stated_growth is not None else ""
    implied = ""
    if row.implied_growth is not None:
        implied = show_growth(row.implied_growth, 1)
        if row.implied_from == "target":
            implied += f" ({t('diff.plan', lang)})"
    return stated, implied


def render_diff_csv(result: Diff) -> str:
    """One row per metric and basis; the table's columns plus statuses; flags joined with ';'."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=DIFF_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in result.rows:
        stated, implied = _growth_text(row)
        writer.writerow({key: csv_cell(value) for key, value in {
            "metric": row.metric.id, "name_zh": row.metric.zh, "name_en": row.metric.en, "basis": row.basis,
            "a_target": _side_text(row.a, "target"), "a_actual": _side_text(row.a, "actual"),
            "a_status": row.a.verdict.status if row.a.verdict else "",
            "b_target": _side_text(row.b, "target"), "b_actual": _side_text(row.b, "actual"),
            "b_status": row.b.verdict.status if row.b.verdict else "",
            "change": "" if row.change is None else format_number(round(row.change, 4)),
            "change_pct": "" if row.change_pct is None else f"{row.change_pct:.2f}",
            "change_of": row.change_of, "stated_growth": stated, "implied_growth": implied,
            "flags": ";".join(row.flags)}.items()})
    return out.getvalue()


FLAG_STYLE = {"inconsistent-growth": "bold red", "target-below-prior": "bold red", "consistent-growth": "green",
              "status-change": "yellow", "new-goal": "cyan", "dropped-goal": "magenta"}


def render_diff_table(result: Diff, lang: str = "en", verbose: bool = False, color: bool | None = None,
                      width: int | None = None, seeds: SeedTexts | None = None) -> str:
    """One table of rows (stacked below ~100 columns); with verbose, the quotes behind each row (with
    `seeds`, each quote's place in its seed and the sentence around it)."""
    from .tables import Col, console, draw, text_of

    out = console(width or 200, bool(color))
    a, b = result.year_a, result.year_b
    for year, what in result.lacks:
        out.print(lacks_text(year, what, lang), style="yellow")
    for year, agency in result.lacks_agency:
        out.print(lacks_agency_text(result, year, agency, lang), style="yellow")
    if not result.rows:
        out.print(t("diff.none", lang, a=a, b=b, date=result.as_of))
        return text_of(out)
    columns = [Col(t("col.metric", lang)), Col(t("diff.a_target", lang, year=a), "right", True),
               Col(t("diff.a_actual", lang, year=a), "right", True), Col(t("diff.a_target", lang, year=b), "right", True),
               Col(t("diff.a_actual", lang, year=b), "right", True), Col(t("diff.change", lang), "right", True),
               Col(t("diff.stated", lang), "right", True), Col(t("diff.implied", lang), "right", True),
               Col(t("diff.flags", lang), keep_words=True)]
    rows = [_diff_cells(row, lang) for row in result.rows]
    draw(out, columns, rows, title=t("diff.title", lang, a=a, b=b, date=result.as_of))
    counts: dict[str, int] = {}
    for row in result.rows:
        for flag in row.flags:
            counts[flag] = counts.get(flag, 0) + 1
    sep = t("sep.clause", lang)
    out.print(t("diff.rows", lang, n=len(result.rows))
              + (sep.join(f"{n} {t(f'flag.{flag}', lang)}" for flag, n in counts.items()) or t("diff.no_flags", lang)))
    if verbose:
        _print_quotes(out, result.rows, seeds)
    return text_of(out)


def _diff_cells(row: DiffRow, lang: str) -> tuple[Any, ...]:
    """The cells of one row of the diff table; its flags styled by the first flag that has a style."""
    name = row.metric.name(lang)
    basis = basis_label(row.basis, lang)
    if basis:
        name += f"（{basis}）" if lang == "zh" else f" ({basis})"
    change = ""
    if row.change is not None:
        change = f"{'+' if row.change > 0 else ''}{format_number(round(row.change, 2))}"
        if row.change_pct is not None:
            change += f" ({row.change_pct:+.1f}%)"
    stated, implied = _growth_text(row, lang)
    flags = "\n".join(t(f"flag.{flag}", lang) for flag in row.flags)
    style = next((FLAG_STYLE[f] for f in row.flags if f in FLAG_STYLE), "")
    return (name, _side_text(row.a, "target"), _side_text(row.a, "actual"), _side_text(row.b, "target"),
            _side_text(row.b, "actual"), change, stated, implied, (flags, style))


def _print_quotes(out: Any, rows: Sequence[DiffRow], seeds: SeedTexts | None) -> None:
    """diff -v: the quotes behind each row, each with its place in the seed and the sentence around it."""
    from ..textsafe import inert

    for row in rows:
        records = row_records(row)
        if not records:
            continue
        out.print(inert(f"  {row.metric.id} ({row.basis})"), style="bold")
        for role, record in records:
            out.print(inert(f"    {role:<16} {quote_place(record, seeds)} ({record.year}): 「{record.quote}」"))
            for line in sentence_lines(record, seeds, " " * 21):
                out.print(line, style="dim")


def render_audit_json(findings: list[Finding], seeds: SeedTexts | None = None) -> str:
    """{"findings": [...]}, each finding as finding_record() gives it; with `seeds`, each quote carries
    "seed_where"."""
    records = [finding_record(f) for f in findings]
    for record, finding in zip(records, findings):
        _seed_places(record["quotes"], finding.records, seeds)
    return json.dumps({"findings": records}, ensure_ascii=False, indent=2) + "\n"


def render_audit_table(findings: list[Finding], lang: str = "en", color: bool | None = None,
                       width: int | None = None, seeds: SeedTexts | None = None, verbose: bool = False) -> str:
    """Each finding: kind, metric, years, the arithmetic and its note, then a table of the quotes it
    rests on (role, report, year, place in the seed with `seeds` and in the ledger, quote; verbose
    adds the sentence around each quote); last, the count by kind."""
    from ..textsafe import inert
    from .tables import Col, console, draw, text_of

    out = console(width or 200, bool(color))
    if not findings:
        out.print(t("audit.none", lang))
        return text_of(out)
    columns = [Col(t("audit.role", lang), keep_words=True), Col(t("sources.report", lang), keep_words=True),
               Col(t("col.year", lang), keep_words=True), Col(t("check.where", lang), keep_words=True),
               Col(t("audit.quote", lang))]
    colon = t("check.colon", lang)
    for n, finding in enumerate(findings, 1):
        years = "→".join(str(y) for y in finding.years)
        out.print(inert(f"{n}. {t(f'kind.{finding.kind}', lang)}  {finding.metric.name(lang)} "
                        f"({finding.metric.id}), {years}"), style="bold")
        out.print(inert(f"{t('audit.arithmetic', lang)}{colon}{finding.arithmetic_in(lang)}"))
        note = finding.note_in(lang)
        if note:
            out.print(inert(f"{t('quote.note', lang)}{colon}{note}"), style="dim")
        if finding.estimate:
            out.print(t("audit.estimate", lang), style="dim")
        rows = []
        for role, record in finding.records:
            place = seeds.cite(record.source.file, record.quote) if seeds is not None else ""
            quote = f"「{record.quote}」"
            if verbose:
                quote = "\n".join([quote, *(line.strip() for line in sentence_lines(record, seeds, ""))])
            rows.append((label("role", role, lang), record.source.id, str(record.year),
                         "\n".join(p for p in (place, str(record.where)) if p), quote))
        draw(out, columns, rows)
        out.print()
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    out.print(t("audit.count", lang, n=len(findings))
              + t("sep.clause", lang).join(f"{n} {t(f'kind.{kind}', lang)}" for kind, n in counts.items()))
    return text_of(out)


AUDIT_CSV_COLUMNS = ("n", "kind", "metric", "name_zh", "name_en", "years", "arithmetic", "note", "estimate",
                     "role", "source", "year", "where", "quote")


def render_audit_csv(findings: list[Finding]) -> str:
    """One row per quote a finding rests on, the finding's columns repeated (a spreadsheet filters them)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(AUDIT_CSV_COLUMNS)
    for n, finding in enumerate(findings, 1):
        head = [n, finding.kind, finding.metric.id, finding.metric.zh, finding.metric.en,
                "-".join(str(y) for y in finding.years), finding.arithmetic, finding.note or "",
                "true" if finding.estimate else "false"]
        for role, record in finding.records:
            writer.writerow([csv_cell(c) for c in (*head, role, record.source.id, record.year, str(record.where),
                                                   record.quote)])
    return out.getvalue()
