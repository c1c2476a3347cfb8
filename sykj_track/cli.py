"""The sykj-track command line: options wired to the functions of sykj_track.api.

Only click is imported at start-up; everything else is imported by the command that needs it, so
`sykj-track --help` stays instant.
"""

from __future__ import annotations

import os
import sys
from datetime import date

import click

FORMATS = ("table", "json", "csv")


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    from dateutil import parser

    try:
        # Missing parts default to the first: "2025-06" is 2025-06-01, "2025" is 2025-01-01.
        return parser.parse(value, default=parser.parse("2000-01-01")).date()
    except (ValueError, OverflowError) as exc:
        raise click.BadParameter(f"{value!r} is not a date ({exc}). Write it like 2025-12-31.") from None


def _load(ctx: click.Context):
    """Load the ledger; on load problems print them all and exit 1."""
    from . import api
    from .datadir import DataDirError

    try:
        ledger, problems = api.load_ledger(ctx.obj["data"])
    except DataDirError as exc:
        raise click.ClickException(str(exc)) from None
    if problems:
        _report(problems)
        click.echo(f"{len(problems)} problem(s) in {ledger.root / 'targets'}; nothing was reconciled.", err=True)
        sys.exit(1)
    return ledger


def _report(problems) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", "data", metavar="DIR", type=click.Path(file_okay=False),
              help="Data directory holding targets/ and seeds/. Default: $SYKJ_TRACK_DATA, else the "
                   "nearest of . and its parents with targets/, else the data bundled with the tool.")
@click.version_option(package_name="sykj-track", prog_name="sykj-track")
@click.pass_context
def main(ctx: click.Context, data: str | None) -> None:
    """Hold the Shenyang Science and Technology Bureau (沈阳市科学技术局) to its own numbers.

    Every goal the bureau's reports set (高新技术企业达到4500家, 技术合同成交额超过770亿元 ...) is
    matched with the figures later reports give, and judged hit, miss or pending, each verdict
    backed by quotes from the reports.

    \b
    Examples:
      sykj-track status                       every goal, as of today
      sykj-track status --year 2022 -v        one year, with the quotes
      sykj-track status --as-of 2023-06-30    what was known then
      sykj-track status --format json | jq .summary
      sykj-track check                        validate the data (run in CI)
    """
    ctx.ensure_object(dict)
    ctx.obj["data"] = data


@main.command()
@click.option("--year", "years", type=int, multiple=True, metavar="YEAR",
              help="Only goals for this target year (repeatable).")
@click.option("--metric", "metric_names", multiple=True, metavar="NAME",
              help="Only this metric: an id (hitech_enterprises), a Chinese name or alias (高新技术企业). Repeatable.")
@click.option("--status", "statuses", type=click.Choice(["hit", "miss", "pending", "superseded"]),
              multiple=True, help="Only goals with this status (repeatable).")
@click.option("--agency", metavar="NAME", help="Only goals of this agency (part of its name: 科技局, 工业和信息化局).")
@click.option("--as-of", "as_of", metavar="DATE", callback=_parse_date,
              help="Judge with what was published by DATE (default: today). E.g. 2023-06-30.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for reading; json or csv for other tools.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of metric names in the table.")
@click.option("-v", "--verbose", is_flag=True, help="Show the quotes behind every verdict.")
@click.pass_context
def status(ctx: click.Context, years: tuple[int, ...], metric_names: tuple[str, ...], statuses: tuple[str, ...],
           agency: str | None, as_of: date | None, fmt: str, lang: str, verbose: bool) -> None:
    """Every goal: hit, miss or pending, with the figure and the quotes that decide it.

    \b
    hit      a reported figure proves the goal (bounds honoured: 突破5000 proves ≥ 5000)
    miss     a reported figure disproves it
    pending  not-due (the year is not over), no-figure (overdue, no report gives a figure),
             partial (only part of the year is reported), inconclusive (a bound decides nothing)
    superseded  a later report restated the goal with another target
    """
    from . import api
    from .render import render_csv, render_json, render_table
    from .validate import validate

    ledger = _load(ctx)
    metric_ids = _metric_ids(ledger, metric_names)
    warnings = validate(ledger)
    if warnings:
        _report(warnings)
        click.echo(f"warning: {len(warnings)} problem(s) in the data; run `sykj-track check`.", err=True)
    when = as_of or api.default_as_of()
    result = api.reconcile(ledger, when)
    verdicts = api.select(result, years, metric_ids, statuses, agency)
    if fmt == "json":
        click.echo(render_json(verdicts, when), nl=False)
    elif fmt == "csv":
        click.echo(render_csv(verdicts), nl=False)
    else:
        import shutil

        tty = sys.stdout.isatty()
        color = tty and not os.environ.get("NO_COLOR")
        # On a terminal, fit it; piped, keep rows whole (COLUMNS still wins when set).
        width = shutil.get_terminal_size((200, 24)).columns if tty else int(os.environ.get("COLUMNS", 0) or 200)
        click.echo(render_table(verdicts, when, lang=lang, verbose=verbose, color=color, width=width), nl=False,
                   color=color)


@main.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Validate the data: every record well formed, every quote found in its seed (spaces and line
    breaks ignored), every number in its quote, every seed cited. Exit 1 on any problem."""
    from . import api
    from .datadir import DataDirError

    try:
        ledger, problems = api.load_ledger(ctx.obj["data"])
    except DataDirError as exc:
        raise click.ClickException(str(exc)) from None
    problems = api.check(ledger, problems)
    if problems:
        _report(problems)
        click.echo(f"{len(problems)} problem(s) found in {ledger.root}.", err=True)
        sys.exit(1)
    click.echo(f"ok: {len(ledger.sources)} sources, {len(ledger.metrics)} metrics, {len(ledger.goals)} goals, "
               f"{len(ledger.figures)} figures; every quote found in its seed ({ledger.root}).")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def metrics(ctx: click.Context, fmt: str) -> None:
    """List the metrics: id, Chinese and English name, unit, kind, and how many goals and figures use each."""
    import json

    ledger = _load(ctx)
    rows = []
    for m in sorted(ledger.metrics.values(), key=lambda m: m.id):
        goals = sum(g.metric == m.id for g in ledger.goals)
        figures = sum(f.metric == m.id for f in ledger.figures)
        rows.append({"id": m.id, "zh": m.zh, "en": m.en, "unit": m.unit, "kind": m.kind, "better": m.better,
                     "goals": goals, "figures": figures, "aliases": list(m.aliases)})
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(f"{row['id']:<40} {row['unit']:<4} {row['kind']:<6} {row['goals']:>3} goals "
                   f"{row['figures']:>3} figures  {row['zh']} / {row['en']}")


@main.command()
@click.option("--as-of", "as_of", metavar="DATE", callback=_parse_date,
              help="Judge with what was published by DATE (default: today).")
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json"]), default="table",
              show_default=True)
@click.pass_context
def sources(ctx: click.Context, as_of: date | None, fmt: str) -> None:
    """Per report: when it was published, how many goals and figures it gives, and how the goals it
    states stand (a goal stated by two reports counts for both)."""
    import json

    from . import api
    from .render import render_sources

    ledger = _load(ctx)
    when = as_of or api.default_as_of()
    rows = api.coverage(ledger, api.reconcile(ledger, when))
    if fmt == "json":
        click.echo(json.dumps({"as_of": when.isoformat(), "sources": rows}, ensure_ascii=False, indent=2))
    else:
        click.echo(render_sources(rows, when, markdown=fmt == "markdown"), nl=False)


# ---------------------------------------------------------------- diff and audit

def _metric_ids(ledger, names: tuple[str, ...]) -> tuple[str, ...]:
    """Metric ids for --metric names; a name that matches nothing is a usage error with suggestions."""
    from . import api

    ids: list[str] = []
    for name in names:
        found = api.resolve_metric(ledger, name)
        if not found:
            import difflib

            close = difflib.get_close_matches(name, [*ledger.metrics, *(m.zh for m in ledger.metrics.values())],
                                              n=3, cutoff=0.4)
            hint = f" Did you mean {', '.join(close)}?" if close else ""
            raise click.BadParameter(f"no metric called {name!r}.{hint} `sykj-track metrics` lists them all.",
                                     param_hint="--metric")
        ids += found
    return tuple(ids)


def _terminal() -> tuple[bool, int]:
    """Colour and width for a table: colour only on a terminal without NO_COLOR; piped, rows stay whole."""
    import shutil

    tty = sys.stdout.isatty()
    width = shutil.get_terminal_size((200, 24)).columns if tty else int(os.environ.get("COLUMNS", 0) or 200)
    return tty and not os.environ.get("NO_COLOR"), width


@main.command()
@click.argument("year_a", metavar="A", type=int)
@click.argument("year_b", metavar="B", type=int)
@click.option("--metric", "metric_names", multiple=True, metavar="NAME",
              help="Only this metric: an id, a Chinese name or an alias. Repeatable.")
@click.option("--only-flagged", is_flag=True, help="Only rows with a flag.")
@click.option("--as-of", "as_of", metavar="DATE", callback=_parse_date,
              help="Use what was published by DATE (default: today). E.g. 2026-11-22.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for reading; json or csv for other tools.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of metric names in the table.")
@click.option("-v", "--verbose", is_flag=True, help="Show the quotes behind every row.")
@click.pass_context
def diff(ctx: click.Context, year_a: int, year_b: int, metric_names: tuple[str, ...], only_flagged: bool,
         as_of: date | None, fmt: str, lang: str, verbose: bool) -> None:
    """Year A against year B: targets, actuals, change, and the growth B's plan implies.

    One row per metric with a goal or a figure in A or B. Growth is judged with the rounding of
    the published numbers and their bounds (突破, 以上, 约) in mind, and only when B follows A.

    \b
    Flags:
      consistent-growth    the stated growth (同比增长 X%) agrees with the levels
      inconsistent-growth  no values within rounding and bounds make them agree
      target-below-prior   B's target is below a figure already reported for A or earlier
      new-goal             a goal in B, none in A
      dropped-goal         a goal in A, none in B
      status-change        both years have a verdict, and they differ

    \b
    Examples:
      sykj-track diff 2024 2025 --as-of 2026-11-22
      sykj-track diff 2021 2022 --only-flagged -v
      sykj-track diff 2024 2025 --metric 科技型企业 --format json | jq '.rows[0].flags'
      sykj-track diff 2022 2025 --format csv > plan.csv
    """
    from . import api
    from .diff import years_with_data
    from .render_diff import render_diff_csv, render_diff_json, render_diff_table

    if year_a == year_b:
        raise click.BadParameter("A and B are the same year; compare two different years, e.g. 2024 2025.",
                                 param_hint="A B")
    ledger = _load(ctx)
    when = as_of or api.default_as_of()
    known = years_with_data(ledger, when)
    missing = [y for y in (year_a, year_b) if y not in known]
    if missing:
        raise click.ClickException(
            f"no goal or figure for {' or '.join(map(str, missing))} in the reports published by {when}. "
            f"Years with data: {', '.join(map(str, known)) or 'none'}.")
    result = api.diff(ledger, year_a, year_b, when, _metric_ids(ledger, metric_names))
    if only_flagged:
        from dataclasses import replace

        result = replace(result, rows=tuple(r for r in result.rows if r.flags))
    if fmt == "json":
        click.echo(render_diff_json(result), nl=False)
    elif fmt == "csv":
        click.echo(render_diff_csv(result), nl=False)
    else:
        color, width = _terminal()
        click.echo(render_diff_table(result, lang=lang, verbose=verbose, color=color, width=width), nl=False,
                   color=color)


@main.command()
@click.option("--kind", "kinds", multiple=True,
              type=click.Choice(["increment-mismatch", "growth-mismatch", "target-below-prior",
                                 "conflicting-figures"]),
              help="Only findings of this kind (repeatable).")
@click.option("--metric", "metric_names", multiple=True, metavar="NAME",
              help="Only this metric: an id, a Chinese name or an alias. Repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table for reading; json for other tools.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of metric names.")
@click.pass_context
def audit(ctx: click.Context, kinds: tuple[str, ...], metric_names: tuple[str, ...], fmt: str, lang: str) -> None:
    """Every place where the reports' numbers contradict each other, with the quotes.

    A finding is raised only when no values within the rounding of the published numbers and
    their bounds (突破, 以上, 约) make the arithmetic agree.

    \b
    Kinds:
      increment-mismatch   新增 X against two levels: prior level + X ≠ new level
      growth-mismatch      同比增长 X% against two levels, or against 新增 X and the new level
      target-below-prior   a goal below a figure already reported for an earlier year
      conflicting-figures  one metric and year reported with values that cannot both be true

    \b
    Examples:
      sykj-track audit
      sykj-track audit --kind growth-mismatch
      sykj-track audit --format json | jq '.findings[] | .arithmetic'
    """
    from . import api
    from .render_diff import render_audit_json, render_audit_table

    ledger = _load(ctx)
    metric_ids = _metric_ids(ledger, metric_names)
    findings = [f for f in api.audit(ledger) if (not kinds or f.kind in kinds)
                and (not metric_ids or f.metric.id in metric_ids)]
    if fmt == "json":
        click.echo(render_audit_json(findings), nl=False)
    else:
        color, width = _terminal()
        click.echo(render_audit_table(findings, lang=lang, color=color, width=width), nl=False, color=color)


if __name__ == "__main__":  # pragma: no cover
    main()
