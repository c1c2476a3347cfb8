"""The ledger as one SQLite database, for Datasette and sqlite-utils, with a metadata file beside it.

Tables (foreign keys in brackets):

    sources    one row per report: file, title, agency, published, url, archive_url, retrieved, sha256
    metrics    one row per measure: Chinese and English names, unit, kind, aliases
    goals      every goal statement [metric -> metrics, source -> sources, verdict -> verdicts]
    figures    every reported figure [metric -> metrics, source -> sources]
    verdicts   the verdict of every goal as of the export date [metric, goal, figure, superseded_by_goal]
    findings   audit findings [metric]; finding_records pairs each with the goals and figures it rests on

Every goal and figure carries its quote, the file:line of its record in targets/ and the line its
quote stands on in the seed. Quotes, notes and titles are searchable with SQLite's trigram tokenizer:
the default tokenizer splits on spaces and punctuation, so a Chinese sentence would be one token and
高新技术企业 would find nothing inside it.

sqlite-utils is imported here only, so the rest of the tool starts without it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..model import Figure, Goal, Ledger, Reconciliation

TRIGRAM_SQLITE = (3, 34, 0)  # the first SQLite with the trigram tokenizer
LICENSE = "MIT"
LICENSE_URL = "https://opensource.org/licenses/MIT"

# Per table, its columns in order. Their meanings (Datasette shows them as the columns' help) and the
# tables' titles and descriptions are in the catalogue (export.column.*, export.table.*), in both languages.
TABLES: dict[str, tuple[str, ...]] = {
    "sources": ("id", "file", "title", "agency", "published", "published_approx", "url", "archive_url", "retrieved",
                "sha256", "note", "record"),
    "metrics": ("id", "zh", "en", "unit", "kind", "better", "aliases", "note"),
    "goals": ("id", "verdict", "metric", "source", "agency", "year", "basis", "op", "target", "target_max", "unit",
              "written", "revealed", "quote", "seed_line", "record", "note", "doubt"),
    "figures": ("id", "metric", "source", "year", "basis", "value", "unit", "written", "bound", "estimate", "as_of",
                "quote", "seed_line", "record", "note", "doubt"),
    "verdicts": ("id", "as_of", "metric", "name_zh", "name_en", "agency", "year", "basis", "op", "target",
                 "target_max", "unit", "status", "reason", "evidence", "actual", "actual_bound", "actual_estimate",
                 "actual_as_of", "actual_lo", "actual_hi", "attainment", "revealed", "quote", "goal", "sources",
                 "source_urls", "figure", "figure_source", "figure_source_url", "figure_year", "figure_quote",
                 "derived_from", "superseded_by_goal", "superseded_by", "note", "doubt", "figure_doubt"),
    "findings": ("id", "kind", "metric", "years", "arithmetic", "estimate", "note"),
    "finding_records": ("finding", "role", "goal", "figure", "written"),
}
SEARCHABLE = {"sources": ["title", "note"], "goals": ["quote", "note"], "figures": ["quote", "note"],
              "findings": ["arithmetic", "note"]}


class ExportError(Exception):
    """The database cannot be built here (an SQLite without the trigram tokenizer)."""


@dataclass(frozen=True)
class Exported:
    """What export_sqlite wrote."""

    database: Path
    metadata: Path
    counts: dict[str, int]


def trigram_supported() -> bool:
    """True when this Python's SQLite has the FTS5 trigram tokenizer."""
    return sqlite3.sqlite_version_info >= TRIGRAM_SQLITE


def build_database(ledger: Ledger, result: Reconciliation, findings: list) -> bytes:
    """The whole database, built in memory, as the bytes of an SQLite file."""
    if not trigram_supported():
        raise ExportError(f"this Python's SQLite is {sqlite3.sqlite_version}; full-text search in Chinese "
                          f"needs the trigram tokenizer of SQLite {'.'.join(map(str, TRIGRAM_SQLITE))} or "
                          "newer. Use a newer Python (python.org and uv builds bundle a recent SQLite).")
    import sqlite_utils

    from ..ledger.quotes import SeedTexts

    conn = sqlite3.connect(":memory:")
    db = sqlite_utils.Database(conn)
    seeds = SeedTexts(ledger.root)
    goal_ids = {id(g): n for n, g in enumerate(ledger.goals, start=1)}
    figure_ids = {id(f): n for n, f in enumerate(ledger.figures, start=1)}
    verdict_of = {id(g): v.id for v in result.verdicts for g in v.statements}

    def seed_line(record: Goal | Figure) -> str | None:
        found = seeds.locate(record.source.file, record.quote)
        return found.where(record.source.file) if found else None

    _table(db, "sources", ({
        "id": s.id, "file": s.file, "title": s.title, "agency": s.agency, "published": s.published.isoformat(),
        "published_approx": s.published_approx, "url": s.url or None, "archive_url": s.archive_url or None,
        "retrieved": s.retrieved.isoformat() if s.retrieved else None, "sha256": s.sha256 or None,
        "note": s.note or None, "record": str(s.where)} for s in ledger.sources))
    _table(db, "metrics", ({
        "id": m.id, "zh": m.zh, "en": m.en, "unit": m.unit, "kind": m.kind, "better": m.better,
        "aliases": list(m.aliases), "note": m.note or None} for m in ledger.metrics.values()))
    _table(db, "figures", ({
        "id": figure_ids[id(f)], "metric": f.metric, "source": f.source.id, "year": f.year, "basis": f.basis,
        "value": f.value, "unit": f.unit, "written": f.written, "bound": f.bound, "estimate": f.estimate,
        "as_of": f.as_of.isoformat() if f.as_of else None, "quote": f.quote, "seed_line": seed_line(f),
        "record": str(f.where), "note": f.note or None, "doubt": f.doubt or None} for f in ledger.figures),
        [("metric", "metrics", "id"), ("source", "sources", "id")])
    _table(db, "goals", ({
        "id": goal_ids[id(g)], "verdict": verdict_of.get(id(g)), "metric": g.metric, "source": g.source.id,
        "agency": g.agency, "year": g.year, "basis": g.basis, "op": g.op, "target": g.target,
        "target_max": g.target_max, "unit": g.unit, "written": g.written, "revealed": g.revealed,
        "quote": g.quote, "seed_line": seed_line(g), "record": str(g.where), "note": g.note or None,
        "doubt": g.doubt or None} for g in ledger.goals),
        [("metric", "metrics", "id"), ("source", "sources", "id")])
    _table(db, "verdicts", (_verdict_row(v, result.as_of, goal_ids, figure_ids) for v in result.verdicts),
           [("metric", "metrics", "id"), ("goal", "goals", "id"), ("figure", "figures", "id"),
            ("superseded_by_goal", "goals", "id")])
    db.table("goals").add_foreign_key("verdict", "verdicts", "id")  # goals and verdicts point at each other
    _insert_findings(db, findings, goal_ids, figure_ids)
    for table, columns in SEARCHABLE.items():
        db.table(table).enable_fts(columns, tokenize="trigram")
    for table, column in (("goals", "year"), ("goals", "metric"), ("figures", "metric"), ("verdicts", "status")):
        db.table(table).create_index([column])
    conn.commit()
    data = conn.serialize()
    conn.close()
    return data


NUMBERS = {"year": int, "target": float, "target_max": float, "value": float, "actual": float,
           "actual_lo": float, "actual_hi": float, "figure_year": int,
           "attainment": float, "published_approx": int, "revealed": int, "estimate": int,
           "actual_estimate": int, "goal": int, "figure": int, "superseded_by_goal": int, "finding": int}
NUMBERED = ("goals", "figures", "findings")  # tables whose id is a row number


def _column_types(table: str) -> dict[str, type]:
    """Every column declared with its type, so a column empty in every row still has one."""
    return {name: int if (name == "id" and table in NUMBERED) else NUMBERS.get(name, str)
            for name in TABLES[table]}


def _table(db, name: str, rows, foreign_keys: Sequence[tuple[str, str, str]] = ()) -> None:
    """Create table `name` with every column of TABLES declared (in that order), then fill it."""
    db[name].create(_column_types(name), pk="id" if "id" in TABLES[name] else None,
                    foreign_keys=list(foreign_keys))
    db[name].insert_all(rows)


def _verdict_row(v, as_of: date, goal_ids: dict[int, int], figure_ids: dict[int, int]) -> dict[str, Any]:
    """The verdict as `status --format json` writes it, flattened to columns (the derived range into
    actual_lo and actual_hi), with the as-of date and the rows of the goal and figure it rests on."""
    from .verdicts import verdict_record

    record = verdict_record(v)
    interval = record.pop("actual_interval") or {}
    fig = v.figure
    row = {**record, "as_of": as_of.isoformat(), "actual_lo": interval.get("lo"), "actual_hi": interval.get("hi"),
           "goal": goal_ids[id(v.goal)], "figure": figure_ids[id(fig)] if fig is not None else None,
           "superseded_by_goal": goal_ids[id(v.superseded_by)] if v.superseded_by is not None else None}
    return {column: row[column] for column in TABLES["verdicts"]}


def _insert_findings(db, findings: list, goal_ids: dict[int, int], figure_ids: dict[int, int]) -> None:
    from ..analysis.audit import written

    _table(db, "findings", (), [("metric", "metrics", "id")])
    _table(db, "finding_records", (), [("finding", "findings", "id"), ("goal", "goals", "id"),
                                       ("figure", "figures", "id")])
    for number, finding in enumerate(findings, start=1):
        db["findings"].insert({"id": number, "kind": finding.kind, "metric": finding.metric.id,
                               "years": list(finding.years), "arithmetic": finding.arithmetic,
                               "estimate": finding.estimate, "note": finding.note or None})
        db["finding_records"].insert_all(
            {"finding": number, "role": role,
             "goal": goal_ids.get(id(record)) if isinstance(record, Goal) else None,
             "figure": figure_ids.get(id(record)) if isinstance(record, Figure) else None,
             "written": written(record)} for role, record in finding.records)


def datasette_metadata(database: str, title: str, as_of: date, source: str, lang: str = "zh") -> dict[str, Any]:
    """Datasette's metadata for the exported database `database` (its file name without .db): titles
    and descriptions of the tables and their columns in `lang` (Datasette's metadata has one text per
    column, so the file is in one language: export --lang chooses it). No source_url: a ledger's reports
    each have their own, in the sources table."""
    from ..i18n import t

    tables = {name: {"title": t(f"export.table.{name}", lang), "description": t(f"export.table.{name}.about", lang),
                     "columns": {column: t(f"export.column.{name}.{column}", lang) for column in columns}}
              for name, columns in TABLES.items()}
    tables["goals"]["sort"] = "year"
    tables["verdicts"]["sort"] = "year"
    return {
        "title": title,
        "description": t("export.description", lang, date=as_of.isoformat()),
        "license": LICENSE, "license_url": LICENSE_URL, "source": source,
        "databases": {database: {
            "title": title, "tables": tables,
            "queries": {"misses": {
                "title": t("export.query.misses", lang),
                "sql": "select verdicts.year, verdicts.name_zh, verdicts.op, verdicts.target, verdicts.unit, "
                       "verdicts.actual, verdicts.actual_bound, verdicts.quote, verdicts.figure_quote "
                       "from verdicts where status = 'miss' and year = :year order by name_zh"}},
        }},
    }


# size: what the database holds and where it goes, and the words of its metadata: each given by the caller
def export_sqlite(ledger: Ledger, result: Reconciliation, findings: list, path: Path,
                  metadata_path: Path, title: str, source: str, lang: str = "zh") -> Exported:
    """Write the database to `path` and Datasette's metadata to `metadata_path`, each atomically
    (a reader sees the old file or the new one, never half of one; an existing file is replaced)."""
    from ..ledger.atomicwrite import write_atomic

    data = build_database(ledger, result, findings)
    write_atomic(path, data)
    metadata = datasette_metadata(path.stem, title, result.as_of, source, lang)
    write_atomic(metadata_path, json.dumps(metadata, ensure_ascii=False, indent=2) + "\n")
    counts = {"sources": len(ledger.sources), "metrics": len(ledger.metrics), "goals": len(ledger.goals),
              "figures": len(ledger.figures), "verdicts": len(result.verdicts), "findings": len(findings)}
    return Exported(path, metadata_path, counts)
