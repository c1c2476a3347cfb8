"""The sykj-track command line: options wired to the functions of sykj_track.api.

Only click is imported at start-up; everything else is imported by the command that needs it, so
`sykj-track --help` stays instant.
"""

from __future__ import annotations

import os
import sys
from datetime import date

import click

from .ledger.rules import help_text as check_rules_help
from .vocabulary import CHANGE_KINDS, FINDING_KINDS, REASONS, STATUSES, ChangeKind, FindingKind

FORMATS = ("table", "json", "csv")
FAIL_ON_EXIT = 3  # status --fail-on: apart from 1 (the data does not load) and 2 (usage error)


_ARGS: list[str] = []  # the command line, for the language of an error met before --lang is read


def _arg_lang() -> str | None:
    """--lang as the command line gives it, wherever it stands (it may come after an option in error,
    or after --help, which stops click before it reads --lang)."""
    option = None
    for n, arg in enumerate(_ARGS):
        if arg == "--lang" and n + 1 < len(_ARGS):
            option = _ARGS[n + 1]
        elif arg.startswith("--lang="):
            option = arg.split("=", 1)[1]
    return option


def _early_lang() -> str:
    """The language of a message given while the options are read: --lang if the command line has it
    (it may come after the option in error), else $SYKJ_TRACK_LANG or the locale."""
    from .i18n import resolve_lang

    return resolve_lang(_arg_lang())


def _help_lang(ctx: click.Context) -> str:
    """The language of --help: as every command resolves it (--lang, $SYKJ_TRACK_LANG, the ledger's
    declared lang, the locale), the ledger being the one --data names."""
    asked = _arg_lang() or os.environ.get("SYKJ_TRACK_LANG") or ""
    if asked.strip().lower().startswith("en"):  # as i18n reads it; English help needs no catalogue at all
        return "en"
    from .i18n import explicit_lang, resolve_lang

    settled = explicit_lang(_arg_lang())
    if settled:
        return settled
    from . import api

    try:
        root = api.find_data_dir(ctx.meta.get("sykj_track.data"))
    except api.DataDirError:
        return resolve_lang(_arg_lang())
    return resolve_lang(_arg_lang(), api.declared_lang(root, api.load_identity(root)))


class _Help:
    """A command whose --help speaks Chinese to a Chinese reader; English is click's own layout."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = _help_lang(ctx)
        if lang == "en":
            super().format_help(ctx, formatter)  # type: ignore[misc]
            return
        from .render.help import help_text

        formatter.write(help_text(ctx, self, ctx.command.name or "main", formatter.width))
        self.format_epilog(ctx, formatter)  # type: ignore[attr-defined]


class _Command(_Help, click.Command):
    """A command of sykj-track."""


def _parse_url(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """An http(s) address with a host, as `check` requires of a source's url: refused here, not later."""
    if value is None:
        return None
    from .textsafe import safe_url

    if safe_url(value.strip()) is None:
        from .i18n import t

        raise click.BadParameter(t("cli.bad_url", _early_lang(), value=repr(value)))
    return value.strip()


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    """A date written year first: 2025-12-31, 2025/12/31, 2025年12月31日; 2025-06 and 2025 mean
    their first day. Anything else (06/07/2023, 23-6-30) is refused rather than guessed."""
    if value is None:
        return None
    import re

    # [0-9], not \d: \d also matches full-width and Arabic-Indic digits, which int() would then accept.
    match = re.fullmatch(r"\s*([0-9]{4})(?:[-/.年]([0-9]{1,2})(?:[-/.月]([0-9]{1,2})日?|月)?)?年?\s*", value)
    from .i18n import t

    lang = _early_lang()
    if match is None:
        raise click.BadParameter(t("cli.bad_date", lang, value=repr(value), why=t("cli.year_first", lang)))
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        why = t("cli.bad_month" if not 1 <= month <= 12 else "cli.bad_day", lang)
        raise click.BadParameter(t("cli.bad_date", lang, value=repr(value), why=why)) from None


class _Year(click.ParamType):
    """A year in ASCII digits: int() would also read ２０２５ or ٢٠٢٥, which no one means to type."""

    name = "year"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if not (text.isascii() and text.isdigit() and 1 <= len(text) <= 4):
            from .i18n import t

            self.fail(t("cli.bad_year", _early_lang(), value=repr(value)), param, ctx)
        return int(text)


YEAR = _Year()


def _as_of_option(help_text: str = "Judge with what was published by DATE (default: today). E.g. 2023-06-30."):
    """--as-of, read by _parse_date."""
    return click.option("--as-of", "as_of", metavar="DATE", callback=_parse_date, help=help_text)


LANG_OPTION = click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
                           help="Language of the output (labels, headers, messages; JSON keys stay English). "
                                "Default: $SYKJ_TRACK_LANG, else the lang of targets/ledger.toml, else the locale.")
EXCEL_OPTION = click.option("--excel", is_flag=True,
                            help="With --format csv: write a UTF-8 byte order mark and CRLF line ends, so that "
                                 "Excel and WPS open the 汉字 correctly.")


def _lang(option: str | None, ledger=None) -> str:
    """The language to speak: --lang, else $SYKJ_TRACK_LANG, else the ledger's declared lang, else the locale."""
    from .i18n import resolve_lang

    if option is None:
        current = click.get_current_context(silent=True)
        option = current.meta.get("sykj_track.lang") if current is not None else None
    declared = None
    if ledger is not None:
        from . import api

        declared = api.declared_lang(ledger.root, ledger.identity)
    return resolve_lang(option, declared)


def _open(ctx: click.Context, cache: bool = True):
    """The ledger of --data and the loader's problems. Every command loads through here, so a data
    directory that is not one (DataDirError) is a usage error, exit 2, whichever command meets it."""
    from . import api

    try:
        return api.load_ledger(ctx.obj["data"], _cache(ctx) if cache else None)
    except api.DataDirError as exc:
        raise click.UsageError(exc.what.text(_early_lang())) from None


def _load(ctx: click.Context, lang: str | None = None):
    """Load the ledger; on load problems print them all and exit 1."""
    ledger, problems = _open(ctx)
    errors = [p for p in problems if p.is_error]
    if errors:
        from .i18n import t

        lang = _lang(lang, ledger)
        _report(problems, lang)
        click.echo(t("load.problems", lang, n=len(errors), root=ledger.root / "targets"), err=True)
        sys.exit(1)
    _report(problems, _lang(lang, ledger) if problems else "en")  # warnings only: worth a look, no reason to stop
    return ledger


def _cache(ctx: click.Context):
    """The cache of parsed files, unless --no-cache, SYKJ_TRACK_CACHE=off, or a ledger small enough to
    parse faster than to look up."""
    if ctx.obj.get("no_cache"):
        return None
    if "cache" not in ctx.obj:
        from . import api

        ctx.obj["cache"] = api.cache_for(ctx.obj["data"])
    return ctx.obj["cache"]


def _cannot_write(path: object, exc: OSError, lang: str) -> click.ClickException:
    """The error for a failed write: what the system says and, by its cause, what to do about it."""
    import errno

    from .i18n import has, os_reason, t

    name = errno.errorcode.get(exc.errno or 0, "")
    hint = t(f"write.{name}", lang) if has(f"write.{name}") else ""
    return click.ClickException(t("cli.cannot_write", lang, path=path, reason=os_reason(exc).text(lang))
                                + (t("paren.open", lang) + hint + t("paren.close", lang) if hint else ""))


def _complete_metric(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list:
    """Shell completion of a metric: ids that start with what is typed, and Chinese names and aliases
    that contain it (高新<TAB> offers 高新技术企业数量). Reads targets/metrics.toml only; any problem
    completes nothing rather than print an error into the shell."""
    from click.shell_completion import CompletionItem

    try:
        from . import api

        metrics = api.load_metrics(ctx.find_root().params.get("data"))
    except Exception:  # noqa: BLE001 - completion must never break the shell
        return []
    items = [CompletionItem(m.id, help=m.zh) for m in metrics.values() if m.id.startswith(incomplete)]
    if incomplete and not incomplete.isascii():
        names = {name: m for m in metrics.values() for name in (m.zh, *m.aliases) if incomplete in name}
        items += [CompletionItem(name, help=m.id) for name, m in sorted(names.items())]
    return items


def _no_such_metric(ledger, name: str, param_hint: str) -> click.BadParameter:
    """The error for a metric name that matches nothing, with the closest names as suggestions."""
    import difflib

    from .i18n import t

    lang = _early_lang()
    names = [*ledger.metrics, *(m.zh for m in ledger.metrics.values())]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.4)
    hint = t("cli.did_you_mean", lang, names=", ".join(close)) if close else ""
    return click.BadParameter(t("cli.no_metric", lang, name=repr(name), hint=hint), param_hint=param_hint)


def _warn_about(ledger, lang: str = "en") -> None:
    """Print the cross-record problems (two targets for one goal, a seed missing ...) as warnings; go
    on regardless. Quotes are not searched in the seeds here: that is `check`'s work, and on a large
    ledger it would cost more than the rest of the command."""
    from . import api

    warnings = api.validate(ledger, quotes=False)
    if warnings:
        from .i18n import t

        _report(warnings, lang)
        click.echo(t("load.warnings", lang, n=len(warnings)), err=True)


def _emit(text: str, bom: bool = False) -> None:
    """Write machine-readable output as it is. click.echo would first scan it for colour codes to
    strip, which takes seconds on the output of a large ledger. C1 controls and bidi overrides, which
    JSON and TOML writers leave raw, are written as \\u escapes: the same values, inert on a terminal.
    `bom` puts a UTF-8 byte order mark first (for Excel and WPS), after the escaping, which would
    otherwise write it as the six characters \\ufeff."""
    from .textsafe import json_inert

    text = json_inert(text)
    if bom:
        from .render import with_bom

        text = with_bom(text)
    sys.stdout.write(text)
    sys.stdout.flush()


def _report(problems, lang: str = "en") -> None:
    from .render import problem_text

    for problem in problems:
        click.echo(problem_text(problem, lang), err=True)


def _remember_data(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Keep --data where the --help epilogue finds it (--data is read before --help when written first)."""
    ctx.meta["sykj_track.data"] = value
    return value


def _remember_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """`sykj-track --lang zh CMD`: the language every command then speaks (hidden, as each command
    has its own --lang; it is here so that `sykj-track --help --lang zh` is not an error)."""
    if value:
        ctx.meta["sykj_track.lang"] = value
    return value


def ledger_epilog(data: str | None, lang: str | None = None) -> tuple[str, str]:
    """The closing lines of `sykj-track --help`: whose ledger the commands will read, and where it is
    (a line of its own, so that wrapping never splits a path)."""
    from . import api
    from .i18n import resolve_lang, t

    try:
        root = api.find_data_dir(data)
    except api.DataDirError as exc:
        lang = lang or resolve_lang(None)
        return t("help.no_ledger", lang, error=exc.what.text(lang)), ""
    identity = api.load_identity(root)
    lang = lang or resolve_lang(None, api.declared_lang(root, identity))
    if identity.agency:
        named = ""
        if identity.name and identity.name != identity.agency:
            named = f"（{identity.name}）" if lang == "zh" else f" ({identity.name})"
        return t("help.ledger", lang, who=identity.agency + named), str(root)
    return t("help.ledger_neutral", lang), str(root)


class _LedgerGroup(_Help, click.Group):
    """The command group whose --help ends with the ledger in use."""

    command_class = _Command

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """click's main, with its usage errors said in the reader's language."""
        _ARGS[:] = list(sys.argv[1:] if args is None else args)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except click.ClickException as exc:
            lang = _early_lang()
            if lang == "en" or type(exc).__name__ == "NoArgsIsHelpError":  # the latter is --help itself
                exc.show()
            else:
                from .render.usage import usage_error

                click.echo(usage_error(exc, lang), err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            from .i18n import t

            click.echo(t("cli.aborted", _early_lang()), err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        formatter.write_paragraph()
        text, root = ledger_epilog(ctx.meta.get("sykj_track.data"), _help_lang(ctx))
        with formatter.indentation():
            formatter.write_text(text)
            if root:
                from .textsafe import inert

                formatter.write(f"{'':>{formatter.current_indent}}  {inert(root)}\n")


@click.group(cls=_LedgerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", "data", metavar="DIR", type=click.Path(file_okay=False), is_eager=True,
              callback=_remember_data,
              help="Data directory holding targets/ and seeds/. Default: $SYKJ_TRACK_DATA, else the "
                   "nearest of . and its parents with targets/, else the data bundled with the tool.")
@click.option("--no-cache", is_flag=True,
              help="Parse every file afresh instead of reusing results for unchanged files "
                   "(kept in $SYKJ_TRACK_CACHE, else ~/.cache/sykj-track; SYKJ_TRACK_CACHE=off disables it).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, hidden=True, expose_value=False,
              callback=_remember_lang, help="Language of the output, as each command's --lang.")
@click.version_option(package_name="sykj-track", prog_name="sykj-track")
@click.pass_context
def main(ctx: click.Context, data: str | None, no_cache: bool) -> None:
    """Hold a government body to its own numbers.

    Every goal its reports set (高新技术企业达到4500家, 技术合同成交额超过770亿元 ...) is matched
    with the figures later reports give, and judged hit, miss or pending, each verdict backed by
    quotes from the reports. Whose ledger it is, targets/ledger.toml says; `sykj-track init DIR
    --agency NAME` starts one for another body.

    \b
    Examples:
      sykj-track status                       every goal, as of today
      sykj-track status --year 2022 -v        one year, with the quotes
      sykj-track status --as-of 2023-06-30    what was known then
      sykj-track status --format json | jq .summary
      sykj-track show 高新技术企业              one measure over the years, as a chart
      sykj-track diff 2024 2025               last year's results against this year's plan
      sykj-track audit                        where the reports contradict themselves
      sykj-track report --html report.html    everything, as one page to send
      sykj-track extract new-report.txt       draft the records of a new report
      sykj-track check                        validate the data (run in CI)
    """
    ctx.ensure_object(dict)
    ctx.obj["data"] = data
    ctx.obj["no_cache"] = no_cache


# size: one parameter per option, as click passes them
@main.command()
@click.option("--year", "years", type=YEAR, multiple=True, metavar="YEAR",
              help="Only goals for this target year (repeatable).")
@click.option("--metric", "metric_names", multiple=True, metavar="NAME", shell_complete=_complete_metric,
              help="Only this metric: an id (hitech_enterprises), a Chinese name or alias (高新技术企业). Repeatable.")
@click.option("--status", "statuses", type=click.Choice(STATUSES),
              multiple=True, help="Only goals with this status (repeatable).")
@click.option("--reason", "reasons", type=click.Choice(REASONS),
              multiple=True, help="Only pending (or superseded) goals with this reason (repeatable); no-figure "
                                  "lists the overdue goals no report gives a figure for.")
@click.option("--agency", metavar="NAME", help="Only goals of this agency (part of its name: 科学技术局, 工业和信息化局; 科技局 and 工信局 work too).")
@_as_of_option()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for reading; json or csv for other tools.")
@EXCEL_OPTION
@LANG_OPTION
@click.option("-v", "--verbose", is_flag=True, help="Show the quotes behind every verdict.")
@click.option("--fail-on", "fail_on", type=click.Choice([s for s in STATUSES if s != "hit"]), multiple=True,
              help=f"Exit {FAIL_ON_EXIT} when a goal shown has this status (repeatable), for pipelines that "
                   "should go red on a miss.")
@click.pass_context
def status(ctx: click.Context, years: tuple[int, ...], metric_names: tuple[str, ...], statuses: tuple[str, ...],
           reasons: tuple[str, ...], agency: str | None, as_of: date | None, fmt: str, excel: bool, lang: str | None,
           verbose: bool, fail_on: tuple[str, ...]) -> None:
    """Every goal: hit, miss or pending, with the figure and the quotes that decide it.

    \b
    hit      a reported figure proves the goal (bounds honoured: 突破5000 proves ≥ 5000)
    miss     a reported figure disproves it
    pending  not-due (the year is not over), no-figure (overdue, no report gives a figure;
             shown as "pending · unreported", 逾期未报), partial (only part of the year is
             reported), inconclusive (a bound, or a derived range, decides nothing)
    superseded  a later report restated the goal with another target

    The hit rate counts goals a plan stated: a goal known only because a report says it was
    exceeded (revealed) is left out, and the summary says how many were.

    \b
    Examples:
      sykj-track status --reason no-figure     overdue goals no report gives a figure for
      sykj-track status --status pending --reason inconclusive
      sykj-track status --year 2022 --fail-on miss   exit 3 if a 2022 goal was missed

    Exit status: 0 done, 1 the data does not load, 2 usage error, 3 a goal shown has a status
    given to --fail-on (the table is printed all the same).
    """
    from . import api
    from .render import render_csv, render_json, render_table

    ledger = _load(ctx, lang)
    lang = _lang(lang, ledger)
    metric_ids = _metric_ids(ledger, metric_names)
    _warn_about(ledger, lang)
    when = as_of or api.default_as_of()
    result = api.reconcile(ledger, when)
    known = sorted({v.goal.year for v in result.verdicts})
    if years and not set(years) & set(known):
        from .i18n import t

        raise click.ClickException(t("status.no_year", lang, years="/".join(map(str, years)),
                                     known=", ".join(map(str, known)) or "—"))
    verdicts = api.select(result, years, metric_ids, statuses, agency, reasons)
    if fmt == "json":
        _emit(render_json(verdicts, when))
    elif fmt == "csv":
        _emit(render_csv(verdicts), bom=excel)
    else:
        color, width = _terminal()
        seeds = api.seed_texts(ledger) if verbose else None  # quotes' places are looked up only to be shown
        click.echo(render_table(verdicts, when, lang=lang, verbose=verbose, color=color, width=width, seeds=seeds),
                   nl=False,
                   color=color)
    failing = [v for v in verdicts if v.status in fail_on]
    if failing:
        from .i18n import t

        ids = ", ".join(v.id for v in failing[:5]) + (" ..." if len(failing) > 5 else "")
        click.echo(t("status.fail_on", lang, n=len(failing), statuses=" / ".join(fail_on), ids=ids), err=True)
        sys.exit(FAIL_ON_EXIT)


@main.command()
@_as_of_option("Count goals overdue at DATE (default: today). E.g. 2026-01-01.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1 on any).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="text for reading; json for other tools; github for annotations on the offending lines "
                   "in GitHub Actions (::error file=…,line=…::message).")
@click.option("-v", "--verbose", is_flag=True, help="List each overdue goal instead of counting them.")
@LANG_OPTION
@click.pass_context
def check(ctx: click.Context, as_of: date | None, strict: bool, fmt: str, verbose: bool, lang: str | None) -> None:
    """Validate the data: the gate every new report passes in CI.

    {rules}

    \b
    Examples:
      sykj-track check                      what CI runs
      sykj-track check --strict -v          warnings fail too, each overdue goal listed
      sykj-track check --format json | jq '.errors[] | "\\(.file):\\(.line) \\(.message)"'
      sykj-track check --format github      in GitHub Actions: each problem on its line

    Exit status: 0 clean, 1 errors (or warnings with --strict), 2 usage errors.
    """
    from . import api
    from .render import render_check, render_check_json

    ledger, problems = _open(ctx)
    report = api.check(ledger, problems, as_of or api.default_as_of(), list_overdue=verbose, strict=strict,
                       cache=_cache(ctx))
    if fmt == "json":
        _emit(render_check_json(report))
    elif fmt == "github":
        from .render.ci import render_check_github

        _emit(render_check_github(report, lang=_lang(lang, ledger)))
    else:
        color, width = _terminal()
        click.echo(render_check(report, _lang(lang, ledger), width=width, color=color), nl=False, color=color)
    sys.exit(0 if report.ok else 1)


# The rules come from the one list of them, which the README's copy is made from too; indented like
# the docstring they go into, which click dedents when it prints the help.
check.help = (check.help or "").replace("{rules}", check_rules_help().replace("\n", "\n    "))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table for reading; json for other tools.")
@LANG_OPTION
@click.pass_context
def metrics(ctx: click.Context, fmt: str, lang: str | None) -> None:
    """List the metrics: id, Chinese and English name, unit, kind, and how many goals and figures use each."""
    from . import api
    from .render import render_metrics, render_metrics_json

    ledger = _load(ctx, lang)
    rows = api.metric_usage(ledger)
    if fmt == "json":
        _emit(render_metrics_json(rows))
        return

    click.echo(render_metrics(rows, _lang(lang, ledger), _terminal()[1]), nl=False)


@main.command()
@_as_of_option("Judge with what was published by DATE (default: today).")
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json", "csv"]), default="table",
              help="table for reading; markdown for the README's coverage table; json and csv (with each "
                   "report's url, archive_url, retrieved and sha256) for other tools.",
              show_default=True)
@LANG_OPTION
@click.pass_context
def sources(ctx: click.Context, as_of: date | None, fmt: str, lang: str | None) -> None:
    """Per report: when it was published, how many goals and figures it gives, and how the goals it
    states stand (a goal stated by two reports counts for both)."""
    from . import api
    from .render import render_sources, render_sources_csv, render_sources_json

    ledger = _load(ctx, lang)
    when = as_of or api.default_as_of()
    rows = api.coverage(ledger, api.reconcile(ledger, when), published_only=True)
    if fmt == "json":
        _emit(render_sources_json(rows, when))
    elif fmt == "csv":
        _emit(render_sources_csv(rows))
    else:
        click.echo(render_sources(rows, when, markdown=fmt == "markdown", lang=_lang(lang, ledger),
                                  width=_terminal()[1]), nl=False)


# size: one parameter per option, as click passes them
@main.command()
@click.argument("report", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["toml", "json"]), default="toml", show_default=True,
              help="toml: a targets/ file for review; json: {source, encoding, items, new_metrics, skipped} "
                   "for other tools.")
@click.option("--write", is_flag=True, help="Write the draft to targets/<id>.toml instead of stdout.")
@click.option("--force", is_flag=True, help="With --write: replace an existing targets/<id>.toml.")
@click.option("--id", "source_id", metavar="ID", help="Source id (and file name); default e.g. 2024-work-report.")
@click.option("--published", metavar="DATE", callback=_parse_date,
              help="Publication date, when the text does not state it (2021-12-31).")
@click.option("--url", metavar="URL", callback=_parse_url,
              help="Where the report was published (http or https); written to the draft's [source].")
@LANG_OPTION
@click.pass_context
def extract(ctx: click.Context, report: str, fmt: str, write: bool, force: bool, source_id: str | None,
            published: date | None, url: str | None, lang: str | None) -> None:
    """Draft the goals and figures of a new report, with their quotes, for a person to review.

    Reads REPORT (UTF-8 with or without BOM; UTF-16 with a BOM and GB18030/GBK are read and, with
    --write, the seed is converted to UTF-8; Big5 and garbage are refused), finds its date, works out for every number the year
    it speaks of, whether it is a goal or a figure, its bound (突破, 以上, 余, 约) and the metric it
    measures (matched on the names and aliases in targets/metrics.toml; unknown measures are proposed
    as new metrics, with ids from their words). Items targets/ already records are marked.

    \b
    Examples:
      sykj-track extract seeds/005_report.txt                 draft to stdout
      sykj-track extract seeds/005_report.txt --write         draft to targets/<id>.toml
      sykj-track extract report.txt --format json | jq '.items[] | select(.kind == "goal")'
      sykj-track --data ~/ledger extract ~/ledger/seeds/report.txt --id 2026-work-report --write
    Then: review the draft, add proposed metrics to targets/metrics.toml, run `sykj-track check`.
    """
    import re

    from . import api
    from .extract import ExtractError
    from .extract.output import render_draft_json, render_draft_toml

    from .i18n import os_reason, t

    ledger, problems = _open(ctx, cache=False)
    lang = _lang(lang, ledger)
    if problems:
        click.echo(t("extract.warning", lang, n=len(problems), root=ledger.root / "targets"), err=True)
    if source_id is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}", source_id):
        raise click.BadParameter(t("extract.bad_id", lang, id=repr(source_id)), param_hint="--id")
    try:
        extracted = api.extract(ledger, report, source_id=source_id, published=published, url=url)
    except OSError as exc:
        raise click.ClickException(t("cli.unreadable", lang, path=report, reason=os_reason(exc))) from None
    except ExtractError as exc:
        raise click.ClickException(t("cli.file_error", lang, path=report, message=exc.what)) from None
    result = extracted.draft
    text = render_draft_json(result) if fmt == "json" else render_draft_toml(result)
    goals = sum(i.kind == "goal" for i in result.items)
    summary = t("extract.summary", lang, goals=goals, figures=len(result.items) - goals,
                metrics=len(result.new_metrics), recorded=sum(i.already_recorded for i in result.items),
                encoding=result.encoding)
    if write:
        _write_draft(ledger, extracted, text, ".json" if fmt == "json" else ".toml", force, summary, lang)
        return
    _emit(text)
    click.echo(summary, err=True)
    if extracted.converted:
        click.echo(t("extract.convert_note", lang, report=report, encoding=result.encoding.upper(),
                     command=api.convert_command(report, result.encoding)), err=True)


# size: the second half of `extract`: its options and what the first half found, passed on
def _write_draft(ledger, extracted, text: str, suffix: str, force: bool, summary: str, lang: str) -> None:
    """extract --write: the draft to targets/<id><suffix>, and a seed read in another encoding to
    UTF-8 in seeds/ (unless a seed of that name is already there)."""
    from . import api
    from .i18n import t

    if api.is_installed_copy(ledger.root):
        raise click.UsageError(t("extract.installed", lang, root=ledger.root))
    source_id = extracted.draft.source.id
    target = ledger.root / "targets" / f"{source_id}{suffix}"
    if target.name in api.RESERVED_FILES or source_id in ("metrics", "ledger"):
        raise click.BadParameter(t("extract.reserved.metrics" if source_id == "metrics" else "extract.reserved.ledger",
                                   lang, id=repr(source_id)), param_hint="--id")
    try:
        api.write_atomic(target, text, replace=force)
    except FileExistsError:
        raise click.ClickException(t("extract.exists", lang, path=target)) from None
    except OSError as exc:
        raise _cannot_write(target, exc, lang) from None
    click.echo(t("extract.wrote", lang, path=target, summary=summary), err=True)
    seed = ledger.root / extracted.seed_file
    if extracted.converted and (seed.resolve() == extracted.path or not seed.exists()):
        try:
            api.write_atomic(seed, extracted.utf8_text, replace=True)
        except OSError as exc:
            raise _cannot_write(seed, exc, lang) from None
        click.echo(t("extract.converted", lang, encoding=extracted.draft.encoding.upper(), seed=seed), err=True)
    if not seed.is_file():
        click.echo(t("extract.copy_seed", lang, seed=seed), err=True)


@main.command(name="init")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--agency", metavar="NAME", default="",
              help="The body whose reports the ledger tracks, as the reports write it (大连市科学技术局). "
                   "Goals of other agencies are tagged with theirs; `extract` drafts for this one.")
@click.option("--name", metavar="TEXT", default="", help="What the ledger is called. Default: the agency.")
@click.option("--region", metavar="PLACE",
              help="Its city or province (大连市, 辽宁省). Default: the start of the agency's name.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="The language of the reports and of the report page.")
@click.option("--from", "metrics_from", metavar="DIR",
              help="Start from the metric registry of the ledger in DIR instead of an empty one; "
                   "`--from bundled` takes the registry of the data bundled with the tool.")
def init_command(directory: str, agency: str, name: str, region: str | None, lang: str,
                 metrics_from: str | None) -> None:
    """Create a ledger in DIRECTORY for one agency: targets/ledger.toml (whose ledger it is),
    targets/metrics.toml (empty with a commented example, or copied with --from), seeds/ and a
    README.md on how to fill them.

    \b
    Examples:
      sykj-track init ~/dalian --agency 大连市科学技术局
      sykj-track init ~/dalian --agency 大连市科学技术局 --from bundled
      sykj-track init ~/dalian --agency 大连市科学技术局 --from /path/to/another/ledger
      cp report.txt ~/dalian/seeds/ && cd ~/dalian
      sykj-track extract seeds/report.txt --write && sykj-track check
    """
    from . import api

    if metrics_from == "bundled" and not os.path.exists(metrics_from):
        metrics_from = str(api.bundled_data_dir() or metrics_from)
    try:
        result = api.init_ledger(directory, agency=agency, name=name, region=region, lang=lang,
                             metrics_from=metrics_from)
    except api.InitError as exc:  # said to the reader: --lang here is the new ledger's language
        from .i18n import resolve_lang

        raise click.ClickException(exc.what.text(resolve_lang(None))) from None
    from .i18n import t  # spoken in the language of the ledger being made

    for path in result.created:
        click.echo(t("init.created", lang, path=path))
    if result.metrics_copied:
        click.echo(t("init.copied", lang, n=result.metrics_copied, source=metrics_from))
    if result.to_review:
        click.echo(t("init.review", lang, n=len(result.to_review), ids=", ".join(result.to_review)))
    if not agency:
        click.echo(t("init.no_agency", lang))
    click.echo(t("init.next", lang, dir=directory))


# --- show and report: one metric over the years; the whole picture as one HTML page ----------------

# size: one parameter per option, as click passes them
@main.command()
@click.argument("metric_name", metavar="METRIC", shell_complete=_complete_metric)
@_as_of_option()
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="table (with a chart) for reading; json or csv (one row per goal or figure) for other tools.")
@click.option("-v", "--verbose", is_flag=True,
              help="After the chart, every quote: its report, its place in the seed (file:line) and the sentence around it.")
@EXCEL_OPTION
@LANG_OPTION
@click.pass_context
def show(ctx: click.Context, metric_name: str, as_of: date | None, fmt: str, excel: bool, lang: str | None,
         verbose: bool) -> None:
    """One metric year by year: its goals, the figures reported, the verdicts, and a chart.

    METRIC is an id (hitech_enterprises), a Chinese name or an alias (高新技术企业, 高企).
    In the chart each year is a row: the bar is the figure, the marker the target; on a terminal
    the bar is green (hit), red (miss), yellow (pending) or cyan (no goal that year).
    Piped, the output is plain ASCII.

    \b
    Examples:
      sykj-track show 高新技术企业
      sykj-track show tech_contract_value --as-of 2023-06-30
      sykj-track show 高企 -v                   with every quote and the sentence around it
      sykj-track show 技术合同成交额 --format json | jq '.series[0].years'
    """
    from . import api
    from .render.chart import render_show, render_show_csv, render_show_json

    ledger = _load(ctx, lang)
    lang = _lang(lang, ledger)
    found = api.resolve_metric(ledger, metric_name)
    if not found:
        raise _no_such_metric(ledger, metric_name, "METRIC")
    if len(found) > 1:
        from .i18n import t

        names = "".join(f"\n  {m:<36} {ledger.metrics[m].zh}" for m in found)
        raise click.BadParameter(t("cli.metric_matches", lang, name=repr(metric_name), n=len(found), names=names),
                                 param_hint="METRIC")
    _warn_about(ledger, lang)
    when = as_of or api.default_as_of()
    series = api.series(ledger, found[0], when)
    if fmt == "json":
        _emit(render_show_json(series, when))
        return
    if fmt == "csv":
        _emit(render_show_csv(series), bom=excel)
        return
    color, width = _terminal(default_width=80)
    click.echo(render_show(series, when, color=color, width=max(60, width), plain=not sys.stdout.isatty(),
                           lang=lang), nl=False, color=color)
    if verbose:
        from .i18n import t
        from .render import render_quotes

        click.echo(f"\n{t('show.quotes_title', lang)}\n"
                   + render_quotes(series.quoted_records(), api.seed_texts(ledger), lang), nl=False)


@main.command()
@click.option("--html", "html_path", metavar="FILE", required=True,
              help="Write the report to FILE as one self-contained HTML page ('-' for stdout).")
@_as_of_option()
@LANG_OPTION
@click.pass_context
def report(ctx: click.Context, html_path: str, as_of: date | None, lang: str | None) -> None:
    """The whole picture as one HTML page to read in a browser or send to a colleague.

    The page holds the summary per year (hit / miss / pending, hit rate), every goal in a table you
    can filter by year, status, agency and text (click a row for its quotes and sources), the
    findings of `sykj-track audit` with their arithmetic and quotes, and a chart per metric of
    targets against reported figures. It is one file: inline CSS, SVG and a little
    JavaScript, no network, no fonts to fetch.

    \b
    Examples:
      sykj-track report --html report.html
      sykj-track report --html report-2023.html --as-of 2023-06-30
      sykj-track report --html - | gzip > report.html.gz
    """
    from pathlib import Path

    from . import api
    from .i18n import t

    if not html_path.strip():
        raise click.BadParameter(t("report.empty_path", _lang(lang)), param_hint="--html")
    ledger = _load(ctx, lang)
    lang = _lang(lang, ledger)
    _warn_about(ledger, lang)
    when = as_of or api.default_as_of()
    made = api.html_report(ledger, when, lang)
    page = made.page
    if html_path == "-":
        _emit(page)
        return
    target = Path(html_path)
    if target.is_dir():
        raise click.BadParameter(t("report.is_dir", lang, path=html_path, example=target / "report.html"),
                                 param_hint="--html")
    if not target.parent.is_dir():
        raise click.BadParameter(t("report.no_dir", lang, dir=target.parent, name=target.name), param_hint="--html")
    try:
        api.write_atomic(target, page)
    except OSError as exc:
        raise _cannot_write(html_path, exc, lang) from None
    counts = made.summary
    click.echo(t("report.wrote", lang, path=target, kb=len(page.encode()) // 1024, n=made.goals, date=when,
                 hit=counts.hit, miss=counts.miss, pending=counts.pending), err=True)


# ---------------------------------------------------------------- diff and audit

def _metric_ids(ledger, names: tuple[str, ...]) -> tuple[str, ...]:
    """Metric ids for --metric names; a name that matches nothing is a usage error with suggestions."""
    from . import api

    ids: list[str] = []
    for name in names:
        found = api.resolve_metric(ledger, name)
        if not found:
            raise _no_such_metric(ledger, name, "--metric")
        if len(found) > 1:
            from .textsafe import inert

            from .i18n import t

            click.echo(inert(t("cli.metric_note", _early_lang(), name=name, n=len(found), ids=", ".join(found)),
                             False), err=True)
        ids += found
    return tuple(ids)


def _terminal(default_width: int = 200) -> tuple[bool, int]:
    """Colour and width for a table: colour only on a terminal without NO_COLOR; on a terminal, fit
    it; piped, keep rows whole (COLUMNS still wins when set)."""
    tty = sys.stdout.isatty()
    if tty:
        import shutil  # only a terminal has a size to ask for

        width = shutil.get_terminal_size((default_width, 24)).columns
    else:
        width = int(os.environ.get("COLUMNS", 0) or default_width)
    return tty and not os.environ.get("NO_COLOR"), width


# size: one parameter per option, as click passes them
@main.command()
@click.argument("year_a", metavar="A", type=YEAR)
@click.argument("year_b", metavar="B", type=YEAR)
@click.option("--metric", "metric_names", multiple=True, metavar="NAME", shell_complete=_complete_metric,
              help="Only this metric: an id, a Chinese name or an alias. Repeatable.")
@click.option("--only-flagged", is_flag=True, help="Only rows with a flag.")
@_as_of_option("Use what was published by DATE (default: today). E.g. 2026-11-22.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for reading; json or csv for other tools.")
@EXCEL_OPTION
@LANG_OPTION
@click.option("-v", "--verbose", is_flag=True, help="Show the quotes behind every row.")
@click.pass_context
def diff(ctx: click.Context, year_a: int, year_b: int, metric_names: tuple[str, ...], only_flagged: bool,
         as_of: date | None, fmt: str, excel: bool, lang: str | None, verbose: bool) -> None:
    """Year A against year B: targets, actuals, change, and the growth B's plan implies.

    One row per metric with a goal or a figure in A or B. Growth is judged with the rounding of
    the published numbers and their bounds (突破, 以上, 约) in mind, and only when B follows A.

    \b
    Flags:
      consistent-growth    the stated growth (同比增长 X%) agrees with the levels
      inconsistent-growth  no values within rounding and bounds make them agree
      target-below-prior   B's target is below a figure already reported for A or earlier
      new-goal             a goal in B, none in A's plan of the same agency
      dropped-goal         a goal in A, none in B's plan of the same agency
      status-change        both years have a verdict, and they differ

    \b
    Examples:
      sykj-track diff 2024 2025 --as-of 2026-11-22
      sykj-track diff 2021 2022 --only-flagged -v
      sykj-track diff 2024 2025 --metric 科技型企业 --format json | jq '.rows[0].flags'
      sykj-track diff 2022 2025 --format csv > plan.csv
    """
    from . import api
    from .i18n import t
    from .render.diffs import render_diff_csv, render_diff_json, render_diff_table

    if year_a == year_b:
        raise click.BadParameter(t("diff.same_year", _lang(lang)), param_hint="A B")
    ledger = _load(ctx, lang)
    lang = _lang(lang, ledger)
    when = as_of or api.default_as_of()
    known = api.years_with_data(ledger, when)
    missing = [y for y in (year_a, year_b) if y not in known]
    if missing:
        raise click.ClickException(t("diff.missing", lang, years="/".join(map(str, missing)), date=when,
                                     known=", ".join(map(str, known)) or t("none", lang)))
    result = api.diff(ledger, year_a, year_b, when, _metric_ids(ledger, metric_names), only_flagged=only_flagged)
    if fmt == "json":
        _emit(render_diff_json(result, seeds=api.seed_texts(ledger)))
    elif fmt == "csv":
        _emit(render_diff_csv(result), bom=excel)
    else:
        color, width = _terminal()
        seeds = api.seed_texts(ledger) if verbose else None  # looked up only when the quotes are shown
        click.echo(render_diff_table(result, lang=lang, verbose=verbose, color=color, width=width, seeds=seeds),
                   nl=False,
                   color=color)


# size: one parameter per option, as click passes them
@main.command()
@click.option("--kind", "kinds", multiple=True,
              type=click.Choice(FINDING_KINDS),
              help="Only findings of this kind (repeatable).")
@click.option("--metric", "metric_names", multiple=True, metavar="NAME", shell_complete=_complete_metric,
              help="Only this metric: an id, a Chinese name or an alias. Repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="table for reading; json or csv (one row per quote) for other tools.")
@EXCEL_OPTION
@LANG_OPTION
@click.option("-v", "--verbose", is_flag=True, help="Show the sentence around each quote in its report.")
@click.pass_context
def audit(ctx: click.Context, kinds: tuple[FindingKind, ...], metric_names: tuple[str, ...], fmt: str, excel: bool,
          lang: str | None, verbose: bool) -> None:
    """Every place where the reports' numbers contradict each other, with the quotes.

    A finding is raised only when no values within the rounding of the published numbers and
    their bounds (突破, 以上, 约) make the arithmetic agree.

    \b
    Kinds:
      increment-mismatch   新增 X against two levels: prior level + X ≠ new level
      growth-mismatch      同比增长 X% against two levels, or against 新增 X and the new level
      target-below-prior   a goal below a figure already reported for an earlier year
      conflicting-figures  one metric and year reported with values that cannot both be true
      part-exceeds-total   a part (国家级 of 各级, the registry's part_of) larger than its total

    \b
    Examples:
      sykj-track audit
      sykj-track audit --kind growth-mismatch
      sykj-track audit -v                     each quote with the sentence around it
      sykj-track audit --format json | jq '.findings[] | .arithmetic'

    Each quote is given with its place in the report (seeds/FILE:LINE) and in the ledger (targets/FILE:LINE).
    """
    from . import api
    from .render.diffs import render_audit_csv, render_audit_json, render_audit_table

    ledger = _load(ctx, lang)
    lang = _lang(lang, ledger)
    findings = api.audit(ledger, kinds, _metric_ids(ledger, metric_names))
    if fmt == "json":
        _emit(render_audit_json(findings, seeds=api.seed_texts(ledger)))
    elif fmt == "csv":
        _emit(render_audit_csv(findings), bom=excel)
    else:
        color, width = _terminal()
        click.echo(render_audit_table(findings, lang=lang, color=color, width=width, seeds=api.seed_texts(ledger),
                                      verbose=verbose), nl=False, color=color)



# ---------------------------------------------------------------- export and changes: for other tools

@main.command()
@click.option("--sqlite", "sqlite_path", metavar="FILE", required=True,
              help="Write the ledger to FILE as an SQLite database (replaced if it exists).")
@click.option("--metadata", "metadata_path", metavar="FILE",
              help="Where to write Datasette's metadata (default: metadata.json beside the database).")
@_as_of_option("Judge the verdicts with what was published by DATE (default: today).")
@LANG_OPTION
@click.pass_context
def export(ctx: click.Context, sqlite_path: str, metadata_path: str | None, as_of: date | None,
           lang: str | None) -> None:
    """The ledger as one SQLite database, to explore with Datasette or sqlite-utils.

    Tables: sources, metrics, goals, figures, verdicts (as of --as-of), findings (the audit's) and
    finding_records, joined by foreign keys. Every goal and figure has its quote, the file:line of
    its record and the seed line of its quote. Quotes, notes and titles have full-text search that
    works in Chinese (SQLite's trigram tokenizer: search three characters or more). A metadata.json
    for Datasette (titles, column descriptions, source, licence) is written beside the database,
    in the language of --lang.

    \b
    Examples:
      sykj-track export --sqlite ledger.db
      datasette ledger.db -m metadata.json          (pip install 'sykj-track[datasette]')
      sqlite-utils search ledger.db goals 高新技术企业
      sqlite-utils ledger.db "select year, name_zh, status from verdicts where status = 'miss'"
      sykj-track export --sqlite ledger-2023.db --as-of 2023-06-30 --metadata ledger-2023.json
    """
    from pathlib import Path

    from . import api
    from .render.export import TRIGRAM_SQLITE, trigram_supported
    from .i18n import t

    chosen = lang
    lang = _lang(chosen)
    target = Path(sqlite_path)
    meta = Path(metadata_path) if metadata_path else target.parent / "metadata.json"
    for path, option in ((target, "--sqlite"), (meta, "--metadata")):
        if path.is_dir():
            raise click.BadParameter(t("export.is_dir", lang, path=path, example=path / "ledger.db"),
                                     param_hint=option)
        if not path.parent.is_dir():
            raise click.BadParameter(t("report.no_dir", lang, dir=path.parent, name=path.name), param_hint=option)
    if meta.resolve() == target.resolve():
        raise click.BadParameter(t("export.same_file", lang), param_hint="--metadata")
    if not trigram_supported():
        import sqlite3

        raise click.ClickException(t("export.no_trigram", lang, version=sqlite3.sqlite_version,
                                     needed=".".join(map(str, TRIGRAM_SQLITE))))
    ledger = _load(ctx, chosen)
    lang = _lang(chosen, ledger)
    _warn_about(ledger, lang)
    when = as_of or api.default_as_of()
    try:
        done = api.export_sqlite(ledger, when, target, meta, lang=lang)
    except OSError as exc:
        raise _cannot_write(exc.filename or target, exc, lang) from None
    click.echo(t("export.wrote", lang, db=done.database, meta=done.metadata, date=when,
                 counts=t("export.counts", lang, **done.counts)), err=True)


@main.command()
@click.option("--since", metavar="DATE", required=True, callback=_parse_date,
              help="Verdicts as of DATE are the starting point (e.g. 2023-01-01).")
@click.option("--until", metavar="DATE", callback=_parse_date,
              help="Compare them with the verdicts as of DATE (default: today).")
@click.option("--kind", "kinds", multiple=True,
              type=click.Choice(CHANGE_KINDS),
              help="Only changes of this kind (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "atom"]), default="text", show_default=True,
              help="text for reading; json for JSON Lines (one change per line); atom for a feed.")
@LANG_OPTION
@click.pass_context
def changes(ctx: click.Context, since: date, until: date | None, kinds: tuple[ChangeKind, ...], fmt: str,
            lang: str) -> None:
    """Goals whose verdict changed between two dates, with the report that changed it and its quote.

    A verdict changes only on the day a report is published, or on 1 January after the goal's
    year (not due -> overdue). Every such step after --since up to --until is listed on its day,
    with the verdict before and after it, the same in any window that holds the day:

    \b
    new        a goal first stated by a report published that day
    decided    pending -> hit or miss (a report gave the figure)
    reversed   hit -> miss or miss -> hit
    reopened   hit or miss -> pending
    revised    a later report restated the goal with another target
    evidence   same verdict, on another figure (an estimate confirmed by the final figure)
    overdue    the goal's year ended and no report gives a figure

    \b
    Examples:
      sykj-track changes --since 2023-01-01 --until 2023-06-30    what the 2023 newspaper changed
      sykj-track changes --since 2025-01-01 --kind decided --kind reversed
      sykj-track changes --since 2018-01-01 --format json | jq -c 'select(.after.status == "miss")'
      sykj-track changes --since 2018-01-01 --format atom > changes.xml         a feed to subscribe to

    An Atom entry's id is a tag: URI of the goal and the day of the change, so a feed regenerated
    with other dates, or after the ledger is renamed, repeats no entry a reader has seen.
    """
    from . import api
    from .i18n import t
    from .render.changes import render_changes_atom, render_changes_jsonl, render_changes_text

    when = until or api.default_as_of()
    if when <= since:
        raise click.BadParameter(t("changes.until_before_since", _lang(lang), until=when, since=since),
                                 param_hint="--since/--until")
    ledger = _load(ctx)
    lang = _lang(lang, ledger)
    found = api.changes(ledger, since, when, kinds)
    if fmt == "json":
        _emit(render_changes_jsonl(found))
    elif fmt == "atom":
        _emit(render_changes_atom(found, since, when, ledger.identity.title, ledger.identity.agency, lang=lang))
    else:
        click.echo(render_changes_text(found, since, when, lang=lang), nl=False)


@main.command()
@click.argument("kind", type=click.Choice(["source", "metrics", "ledger"]), required=False)
@click.option("--write", "directory", metavar="DIR", type=click.Path(file_okay=False),
              help="Write every schema into DIR (source.schema.json, metrics.schema.json, ledger.schema.json).")
@LANG_OPTION
def schema(kind: str | None, directory: str | None, lang: str | None) -> None:
    """JSON Schemas of the ledger's files, for TOML editors (Taplo, VS Code's Even Better TOML).

    KIND is source (targets/<source-id>.toml), metrics (targets/metrics.toml) or ledger
    (targets/ledger.toml). The schemas are generated from the loader's own field tables, so an
    editor completes and checks exactly the fields `sykj-track check` accepts (the checks that
    need the seeds or other files are check's alone).

    \b
    Examples:
      sykj-track schema source                    print one schema
      sykj-track schema --write schema            write them all (then point .taplo.toml at them)
    """
    from pathlib import Path

    from . import api
    from .i18n import t

    lang = _lang(lang)
    if directory is None:
        if kind is None:
            raise click.UsageError(t("schema.kind", lang))
        _emit(next(iter(api.json_schemas(kind).values())))
        return
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    for name, text in api.json_schemas(kind).items():
        api.write_atomic(target / name, text)
        click.echo(t("schema.wrote", lang, path=target / name), err=True)

def run() -> None:
    """The console script: `main` in a process of its own, with the cycle collector off.

    A run builds hundreds of thousands of small acyclic records and ends: the cycle collector would
    walk them again and again (a third of the time on a large ledger) to free nothing. Only a process
    that ends with the command may turn it off; `main` called from Python (CliRunner, a notebook)
    leaves it as it was."""
    import gc

    gc.disable()
    main()


if __name__ == "__main__":  # pragma: no cover
    run()
