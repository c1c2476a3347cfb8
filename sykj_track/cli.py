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


def _no_such_metric(ledger, name: str, param_hint: str) -> click.BadParameter:
    """The error for a metric name that matches nothing, with the closest names as suggestions."""
    import difflib

    names = [*ledger.metrics, *(m.zh for m in ledger.metrics.values())]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.4)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    return click.BadParameter(f"no metric called {name!r}.{hint} `sykj-track metrics` lists them all.",
                              param_hint=param_hint)


def _warn_about(ledger) -> None:
    """Print the cross-record problems (a quote not in its seed ...) as warnings; go on regardless."""
    from .validate import validate

    warnings = validate(ledger)
    if warnings:
        _report(warnings)
        click.echo(f"warning: {len(warnings)} problem(s) in the data; run `sykj-track check`.", err=True)


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

    ledger = _load(ctx)
    metric_ids: list[str] = []
    for name in metric_names:
        found = api.resolve_metric(ledger, name)
        if not found:
            raise _no_such_metric(ledger, name, "--metric")
        metric_ids += found
    _warn_about(ledger)
    when = as_of or api.default_as_of()
    result = api.reconcile(ledger, when)
    verdicts = api.select(result, years, tuple(metric_ids), statuses, agency)
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


# --- show and report: one metric over the years; the whole picture as one HTML page ----------------

@main.command()
@click.argument("metric_name", metavar="METRIC")
@click.option("--as-of", "as_of", metavar="DATE", callback=_parse_date,
              help="Judge with what was published by DATE (default: today). E.g. 2023-06-30.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table (with a chart) for reading; json for other tools.")
@click.pass_context
def show(ctx: click.Context, metric_name: str, as_of: date | None, fmt: str) -> None:
    """One metric year by year: its goals, the figures reported, the verdicts, and a chart.

    METRIC is an id (hitech_enterprises), a Chinese name or an alias (高新技术企业, 高企).
    In the chart each year is a row: the bar is the figure, the marker the target; on a terminal
    the bar is green (hit), red (miss), yellow (pending) or cyan (no goal that year).
    Piped, the output is plain ASCII.

    \b
    Examples:
      sykj-track show 高新技术企业
      sykj-track show tech_contract_value --as-of 2023-06-30
      sykj-track show 技术合同成交额 --format json | jq '.series[0].years'
    """
    import shutil

    from . import api
    from .chart import render_show, render_show_json
    from .series import metric_series

    ledger = _load(ctx)
    found = api.resolve_metric(ledger, metric_name)
    if not found:
        raise _no_such_metric(ledger, metric_name, "METRIC")
    if len(found) > 1:
        names = "".join(f"\n  {m:<36} {ledger.metrics[m].zh}" for m in found)
        raise click.BadParameter(f"{metric_name!r} matches {len(found)} metrics; name one:{names}",
                                 param_hint="METRIC")
    _warn_about(ledger)
    when = as_of or api.default_as_of()
    series = metric_series(ledger, api.reconcile(ledger, when), found[0])
    if fmt == "json":
        click.echo(render_show_json(series, when), nl=False)
        return
    tty = sys.stdout.isatty()
    color = tty and not os.environ.get("NO_COLOR")
    width = shutil.get_terminal_size((80, 24)).columns if tty else int(os.environ.get("COLUMNS", 0) or 80)
    click.echo(render_show(series, when, color=color, width=max(60, width), plain=not tty), nl=False,
               color=color)


@main.command()
@click.option("--html", "html_path", metavar="FILE", required=True,
              help="Write the report to FILE as one self-contained HTML page ('-' for stdout).")
@click.option("--as-of", "as_of", metavar="DATE", callback=_parse_date,
              help="Judge with what was published by DATE (default: today). E.g. 2023-06-30.")
@click.pass_context
def report(ctx: click.Context, html_path: str, as_of: date | None) -> None:
    """The whole picture as one HTML page to read in a browser or send to a colleague.

    The page holds the summary per year (hit / miss / pending, hit rate), every goal in a table you
    can filter by year, status, agency and text (click a row for its quotes and sources), and a chart
    per metric of targets against reported figures. It is one file: inline CSS, SVG and a little
    JavaScript, no network, no fonts to fetch.

    \b
    Examples:
      sykj-track report --html report.html
      sykj-track report --html report-2023.html --as-of 2023-06-30
      sykj-track report --html - | gzip > report.html.gz
    """
    from pathlib import Path

    from . import api
    from .atomic import write_atomic
    from .html_report import render_html
    from .model import Summary
    from .series import all_series

    ledger = _load(ctx)
    _warn_about(ledger)
    when = as_of or api.default_as_of()
    result = api.reconcile(ledger, when)
    page = render_html(result.verdicts, all_series(ledger, result), ledger.sources, when)
    if html_path == "-":
        click.echo(page, nl=False)
        return
    target = Path(html_path)
    if target.is_dir():
        raise click.BadParameter(f"{html_path} is a directory; name a file, e.g. {target / 'report.html'}.",
                                 param_hint="--html")
    if not target.parent.is_dir():
        raise click.BadParameter(f"no directory {target.parent} to write {target.name} into; create it first.",
                                 param_hint="--html")
    try:
        write_atomic(target, page)
    except OSError as exc:
        raise click.ClickException(f"cannot write {html_path}: {exc.strerror or exc}") from None
    counts = Summary.of(result.verdicts)
    click.echo(f"wrote {target} ({len(page.encode()) // 1024} KB): {len(result.verdicts)} goals as of {when}, "
               f"{counts.hit} hit, {counts.miss} miss, {counts.pending} pending.", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
