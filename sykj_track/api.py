"""The plain Python API the CLI is a thin layer over."""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from .ledger import atomicwrite
from .ledger.datadir import DataDirError, bundled_data_dir, find_data_dir, is_installed_copy
from .ledger.identity import IDENTITY_FILE, LedgerIdentity, load_identity
from .ledger.init import InitError, init_ledger
from .ledger.load import METRICS_FILE
from .ledger.load import load
from .model import CheckReport, Ledger, Metric, Problem, Reconciliation, Summary, Verdict, Where

if TYPE_CHECKING:
    from pathlib import Path

    from .extract import Draft
    from .analysis.audit import Finding
    from .analysis.changes import Change
    from .analysis.coverage import MetricUse, SourceCoverage
    from .analysis.diff import Diff
    from .analysis.series import MetricSeries
    from .ledger.cache import Cache
    from .ledger.quotes import SeedTexts
    from .render.export import Exported
    from .vocabulary import ChangeKind, FindingKind

RESERVED_FILES = (METRICS_FILE, IDENTITY_FILE)  # the files in targets/ that are not reports
CACHE_MIN_BYTES = 50_000  # below this, parsing (tomllib reads ~4 MB/s) is as quick as hashing and unpickling

__all__ = ["CheckReport", "DataDirError", "Extracted", "HtmlReport", "InitError", "Ledger", "Problem",
           "Reconciliation", "audit", "bundled_data_dir", "cache_for", "changes", "check", "convert_command",
           "coverage", "declared_lang", "default_as_of", "diff", "export_sqlite", "extract", "find_data_dir",
           "html_report", "init_ledger", "is_installed_copy", "json_schemas", "load_identity", "load_ledger",
           "load_metrics", "metric_usage", "reconcile", "resolve_metric", "seed_texts", "select", "series",
           "validate", "write_atomic", "years_with_data"]


def load_ledger(data: str | os.PathLike[str] | None = None, cache: Cache | None = None
                ) -> tuple[Ledger, list[Problem]]:
    """Load the ledger from `data` (or the default data directory) with the loader's problems.

    Pass `Cache.default()` (from sykj_track.ledger.cache) to skip parsing files unchanged since an earlier run.
    """
    return load(find_data_dir(data), cache)


def write_atomic(path: str | os.PathLike[str], text: str, replace: bool = True) -> Path:
    """Write `text` to `path` in one step (a temporary file, then a rename): a reader never sees half
    a file. `replace=False` refuses an existing file (FileExistsError). See sykj_track.ledger.atomicwrite."""
    return atomicwrite.write_atomic(path, text, replace=replace)


def load_metrics(data: str | os.PathLike[str] | None = None) -> dict[str, Metric]:
    """The metric registry of the ledger in `data` alone (targets/metrics.toml), its problems ignored."""
    from .ledger.load import load_metrics as registry

    return registry(find_data_dir(data), [])


def declared_lang(root: Path, identity: LedgerIdentity) -> str | None:
    """The language the ledger in `root` declares in targets/ledger.toml; None when it has no such file."""
    return identity.lang if (root / "targets" / IDENTITY_FILE).is_file() else None


def json_schemas(kind: str | None = None) -> dict[str, str]:
    """JSON Schemas of the ledger's files as text, by file name (source.schema.json ...); only the one
    of `kind` (source, metrics or ledger) when given."""
    from .ledger.schema import FILES, schema_text, schemas

    return {name: schema_text(document) for name, document in schemas().items()
            if kind is None or name == FILES[kind]}


def cache_for(data: str | os.PathLike[str] | None = None) -> Cache | None:
    """The default cache (see sykj_track.ledger.cache) for the ledger in `data`, or None when its targets
    files are too small for a cache to pay."""
    targets = find_data_dir(data) / "targets"
    size = sum(path.stat().st_size for path in targets.glob("*.toml"))
    if size < CACHE_MIN_BYTES:
        return None
    from .ledger.cache import Cache

    return Cache.default()


def reconcile(ledger: Ledger, as_of: date) -> Reconciliation:
    """Every goal stated by a report published by `as_of`, judged hit, miss or pending with its evidence
    (see sykj_track.analysis.reconcile)."""
    from .analysis.reconcile import reconcile as judge

    return judge(ledger, as_of)


def validate(ledger: Ledger, quotes: bool = True, cache: Cache | None = None) -> list[Problem]:
    """The problems no single record shows: the ledger's own cross-record checks (quotes in their
    seeds unless `quotes=False`, duplicates, uncited seeds) and, as warnings, figures of one metric and
    year that cannot both be true (the audit's conflicting figures)."""
    from .analysis.audit import disagreement_warnings
    from .ledger.validate import validate as validate_files

    return [*validate_files(ledger, quotes=quotes, cache=cache), *disagreement_warnings(ledger)]


def check(ledger: Ledger, problems: list[Problem], as_of: date | None = None, list_overdue: bool = False,
          strict: bool = False, cache: Cache | None = None) -> CheckReport:
    """Everything `sykj-track check` reports: the loader's problems, the cross-record checks (quotes in
    seeds included), and goals overdue at `as_of` (default today) with no figure, as warnings: one
    warning per goal with `list_overdue`, else one that counts them. `strict` makes warnings errors."""
    as_of = as_of or default_as_of()
    found = [*problems, *validate(ledger, cache=cache)]
    result = reconcile(ledger, as_of)
    overdue = [v for v in result.verdicts if v.reason == "no-figure"]
    if overdue and list_overdue:
        found += [Problem.of(v.goal.where, "goal.overdue", id=v.id, name=v.metric.zh, year=v.goal.year,
                             severity="warning") for v in overdue]
    elif overdue:
        found.append(Problem.of(Where("targets"), "goal.overdue_count", n=len(overdue), severity="warning"))
    if strict:
        found = [replace(p, severity="error") for p in found]
    return CheckReport(root=ledger.root, as_of=as_of, errors=tuple(p for p in found if p.is_error),
                       warnings=tuple(p for p in found if not p.is_error), sources=len(ledger.sources),
                       goals=len(ledger.goals), figures=len(ledger.figures), summary=Summary.of(result.verdicts),
                       overdue=len(overdue))


AGENCY_SHORT = {"科技局": "科学技术局", "工信局": "工业和信息化局"}


def select(result: Reconciliation, years: tuple[int, ...] = (), metrics: tuple[str, ...] = (),
           statuses: tuple[str, ...] = (), agency: str | None = None, reasons: tuple[str, ...] = ()
           ) -> list[Verdict]:
    """Filter verdicts by year, metric id, status, reason (no-figure: overdue and unreported) and agency
    (a part of its name; 科技局 works)."""
    wanted_agency = agency or None
    for short, full in AGENCY_SHORT.items():  # 市科技局 and 大连市科技局 alike
        wanted_agency = wanted_agency.replace(short, full) if wanted_agency else None
    return [v for v in result.verdicts
            if (not years or v.goal.year in years)
            and (not metrics or v.goal.metric in metrics)
            and (not statuses or v.status in statuses)
            and (not reasons or v.reason in reasons)
            and (wanted_agency is None or wanted_agency in v.goal.agency)]


def resolve_metric(ledger: Ledger, name: str) -> list[str]:
    """Metric ids matching an id, a Chinese or English name, or an alias (exact, then substring)."""
    exact = [m.id for m in ledger.metrics.values()
             if name in (m.id, m.zh, m.en) or name in m.aliases]
    if exact:
        return exact
    lowered = name.lower()
    return [m.id for m in ledger.metrics.values()
            if lowered in m.id or name in m.zh or lowered in m.en.lower() or any(name in a for a in m.aliases)]


def coverage(ledger: Ledger, result: Reconciliation, published_only: bool = False) -> list[SourceCoverage]:
    """Per source: goals and figures recorded, and the statuses of the goals it states at as-of;
    with `published_only`, only the sources published by then (what `sykj-track sources` lists).
    See sykj_track.analysis.coverage; each row's record() is its JSON."""
    from .analysis.coverage import coverage as rows

    return rows(ledger, result, published_only)


def default_as_of() -> date:
    """Today: the one place the clock is read."""
    return date.today()


def metric_usage(ledger: Ledger) -> list[MetricUse]:
    """The registry, by id, with how many goals and figures use each metric (what `sykj-track metrics`
    lists); each row's record() is its JSON. See sykj_track.analysis.coverage."""
    from .analysis.coverage import metric_usage as usage

    return usage(ledger)


def audit(ledger: Ledger, kinds: Collection[FindingKind] = (), metrics: Collection[str] = ()) -> list[Finding]:
    """Every place where the ledger contradicts itself (see sykj_track.analysis.audit), or only the
    findings of `kinds` about `metrics` (ids); each finding turns into a JSON-ready dict with
    sykj_track.analysis.audit.finding_record."""
    from .analysis.audit import audit as find

    return [f for f in find(ledger) if (not kinds or f.kind in kinds) and (not metrics or f.metric.id in metrics)]


def years_with_data(ledger: Ledger, as_of: date) -> list[int]:
    """The years some goal or figure published by `as_of` speaks of: the years `diff` can compare."""
    from .analysis.diff import years_with_data as years

    return years(ledger, as_of)


def diff(ledger: Ledger, year_a: int, year_b: int, as_of: date, metrics: tuple[str, ...] = (),
         only_flagged: bool = False) -> Diff:
    """Year A against year B, metric by metric (see sykj_track.analysis.diff); with `only_flagged`,
    only the rows with a flag."""
    from .analysis.diff import diff as compare

    result = compare(ledger, year_a, year_b, as_of, metrics)
    return replace(result, rows=tuple(r for r in result.rows if r.flags)) if only_flagged else result


def changes(ledger: Ledger, since: date, until: date, kinds: Collection[ChangeKind] = ()) -> list[Change]:
    """Goals whose verdict as of `until` differs from their verdict as of `since`, each with the report
    that changed it (see sykj_track.analysis.changes); only changes of `kinds` when given."""
    from .analysis.changes import changes as compare

    return [c for c in compare(ledger, since, until) if not kinds or c.kind in kinds]


def series(ledger: Ledger, metric: str, as_of: date) -> MetricSeries:
    """One metric (an id) year by year, as of `as_of`: its goals, figures and verdicts (`show`)."""
    from .analysis.series import metric_series

    return metric_series(ledger, reconcile(ledger, as_of), metric)


@dataclass(frozen=True)
class HtmlReport:
    """The report page and what it holds."""

    page: str
    summary: Summary
    goals: int


def html_report(ledger: Ledger, as_of: date, lang: str = "zh") -> HtmlReport:
    """The whole ledger as one HTML page: every verdict as of `as_of`, the charts of every metric, the
    audit's findings, each quote in its paragraph of the report (`sykj-track report`)."""
    from .analysis.audit import finding_record
    from .analysis.series import all_series
    from .render.html import render_html

    result = reconcile(ledger, as_of)
    page = render_html(result.verdicts, all_series(ledger, result), ledger.sources, as_of,
                       findings=[finding_record(f) for f in audit(ledger)], identity=ledger.identity,
                       seeds=seed_texts(ledger), lang=lang)
    return HtmlReport(page, Summary.of(result.verdicts), len(result.verdicts))


def seed_texts(ledger: Ledger) -> SeedTexts:
    """The ledger's seeds, read when first asked for: where each quote stands, and the text around it."""
    from .ledger.quotes import SeedTexts

    return SeedTexts(ledger.root)


def export_sqlite(ledger: Ledger, as_of: date, path: str | os.PathLike[str],
                  metadata_path: str | os.PathLike[str] | None = None, lang: str = "zh") -> Exported:
    """Write the ledger, its verdicts as of `as_of` and the audit's findings to an SQLite database at
    `path`, and Datasette's metadata to `metadata_path` (default: metadata.json beside it); see
    sykj_track.render.export. Returns what was written."""
    from pathlib import Path

    from .render.export import export_sqlite as write

    target = Path(path)
    meta = Path(metadata_path) if metadata_path is not None else target.parent / "metadata.json"
    return write(ledger, reconcile(ledger, as_of), audit(ledger), target, meta, lang=lang,
                 title=ledger.identity.title or "sykj-track", source=ledger.identity.who or "seeds/")


@dataclass(frozen=True)
class Extracted:
    """The draft of a new report, with the report as read and where its seed belongs in the ledger."""

    draft: Draft
    path: Path  # the report, resolved
    data: bytes  # its bytes as read
    seed_file: str  # its place under the ledger's root: where it is, if inside the ledger, else seeds/<name>

    @property
    def converted(self) -> bool:
        """True when the report is not UTF-8: the ledger keeps seeds in UTF-8, so it is to be converted."""
        return self.draft.encoding not in ("utf-8", "utf-8-sig")

    @property
    def utf8_text(self) -> str:
        """The report's text, to be written as a UTF-8 seed."""
        from .ledger.textfile import sniff

        return sniff(self.data).text


def extract(ledger: Ledger, report: str | os.PathLike[str], source_id: str | None = None,
            published: date | None = None, url: str | None = None) -> Extracted:
    """Draft the goals and figures of the report at `report` against the ledger's registry and what it
    already records (see sykj_track.extract). Raises OSError when the file cannot be read, and
    sykj_track.extract.ExtractError when it is not a text it can read or has no date."""
    from pathlib import Path

    from .extract import draft, ledger_keys
    from .ledger.textfile import read_bytes

    path = Path(report).resolve()
    try:
        seed_file = path.relative_to(ledger.root.resolve()).as_posix()
    except ValueError:
        seed_file = f"seeds/{path.name}"
    data = read_bytes(path)
    result = draft(data, ledger.metrics, ledger_keys(ledger.goals, ledger.figures), seed_file=seed_file,
                   source_id=source_id, published=published, agency=ledger.identity.agency or None, url=url,
                   **({"city": ledger.identity.region} if ledger.identity.region else {}))
    return Extracted(result, path, data, seed_file)


def convert_command(path: str, encoding: str) -> str:
    """The shell command that converts the text file at `path` from `encoding` to UTF-8."""
    from .ledger.textfile import convert_command as command

    return command(path, encoding)
