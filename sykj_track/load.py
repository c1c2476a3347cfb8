"""Read targets/*.toml into a Ledger, collecting every problem with its file and line.

Nothing here stops at the first error: each broken record becomes a Problem and is left out, the
rest loads, and the caller reports all problems at once (the beancount way).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from .model import (BASES, BETTER, BOUNDS, DEFAULT_AGENCY, KINDS, OPS, Figure, Goal, Ledger, Metric,
                    Problem, Source, Where)
from .quantity import QuantityError, convert, parse_quantity, parse_unit

METRICS_FILE = "metrics.toml"

METRIC_FIELDS = {"zh", "en", "unit", "kind", "better", "aliases", "note"}
SOURCE_FIELDS = {"id", "file", "title", "agency", "published", "published_approx", "note"}
GOAL_FIELDS = {"metric", "year", "op", "target", "target_max", "unit", "basis", "quote", "agency",
               "revealed", "note", "doubt"}
FIGURE_FIELDS = {"metric", "year", "value", "unit", "bound", "estimate", "as_of", "basis", "quote",
                 "note", "doubt"}
GOAL_REQUIRED = ("metric", "year", "op", "target", "basis", "quote")
FIGURE_REQUIRED = ("metric", "year", "value", "bound", "basis", "quote")


_HEADER = re.compile(r"^\s*\[\[?([^\[\]]+)\]\]?\s*(#.*)?$")


class _TomlFile:
    """A parsed TOML file that can say on which line a table or a key sits."""

    def __init__(self, path: Path, root: Path):
        self.path = path
        self.name = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        self.lines = path.read_text(encoding="utf-8").splitlines()
        # Line numbers of every table header, indexed once: records are looked up by position.
        self.headers: dict[str, list[int]] = {}
        for number, text in enumerate(self.lines):
            match = _HEADER.match(text)
            if match:
                self.headers.setdefault(match.group(1).strip(), []).append(number)

    def line_of(self, header: str, index: int = 0, key: str | None = None) -> int:
        """Line (1-based) of the index-th `[[header]]`/`[header]` table, or of `key` inside it."""
        starts = self.headers.get(header, [])
        if index >= len(starts):
            return 0
        start = starts[index]
        if key is None:
            return start + 1
        key_pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
        for n in range(start + 1, len(self.lines)):
            if self.lines[n].lstrip().startswith("["):
                break
            if key_pattern.match(self.lines[n]):
                return n + 1
        return start + 1

    def where(self, header: str, index: int = 0, key: str | None = None) -> Where:
        return Where(self.name, self.line_of(header, index, key))


def _parse_toml(path: Path, root: Path, problems: list[Problem]) -> tuple[dict[str, Any], _TomlFile] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(Where(str(path.relative_to(root))), f"not UTF-8 text ({exc.reason})",
                                "save the file as UTF-8"))
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else 0
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        problems.append(Problem(Where(str(path.relative_to(root)), line), f"not valid TOML: {message}",
                                "check quotes, brackets and `key = value` syntax on that line "
                                "(strings need double quotes; dates are written 2025-06-05)"))
        return None
    return data, _TomlFile(path, root)


def _unknown_fields(record: dict[str, Any], allowed: set[str], where: Where, what: str) -> list[Problem]:
    problems = []
    for key in record:
        if key not in allowed:
            close = difflib.get_close_matches(key, sorted(allowed), n=1)
            hint = f"did you mean `{close[0]}`?" if close else f"allowed fields: {', '.join(sorted(allowed))}"
            problems.append(Problem(where, f"unknown field `{key}` in {what}", hint))
    return problems


def _choice(value: Any, allowed: tuple[str, ...], toml: _TomlFile, header: str, index: int, field: str
            ) -> Problem | None:
    if value not in allowed:
        return Problem(toml.where(header, index, field), f"`{field}` is {value!r}",
                       f"use one of: {', '.join(allowed)}")
    return None


def load_metrics(root: Path, problems: list[Problem]) -> dict[str, Metric]:
    """Read targets/metrics.toml."""
    path = root / "targets" / METRICS_FILE
    if not path.is_file():
        problems.append(Problem(Where(f"targets/{METRICS_FILE}"), "missing metrics file",
                                "create targets/metrics.toml with one [metric.<id>] table per measure"))
        return {}
    parsed = _parse_toml(path, root, problems)
    if parsed is None:
        return {}
    data, toml = parsed
    metrics: dict[str, Metric] = {}
    for metric_id, entry in data.get("metric", {}).items():
        where = toml.where(f"metric.{metric_id}")
        if not isinstance(entry, dict):
            problems.append(Problem(where, f"metric.{metric_id} is not a table", "write [metric.<id>]"))
            continue
        found = _unknown_fields(entry, METRIC_FIELDS, where, f"metric {metric_id}")
        missing = [k for k in ("zh", "en", "unit", "kind", "better") if k not in entry]
        if missing:
            found.append(Problem(where, f"metric {metric_id} lacks {', '.join(missing)}",
                                 "every metric needs zh, en, unit, kind and better"))
        else:
            found += [p for p in (_choice(entry["kind"], KINDS, toml, f"metric.{metric_id}", 0, "kind"),
                                  _choice(entry["better"], BETTER, toml, f"metric.{metric_id}", 0, "better"))
                      if p]
            try:
                if parse_unit(str(entry["unit"])).dimension is None:
                    raise QuantityError(f"{entry['unit']!r} is a multiplier, not a unit")
            except QuantityError as exc:
                found.append(Problem(toml.where(f"metric.{metric_id}", 0, "unit"), str(exc),
                                     "count metrics in 家/个/项/名/人, money in 亿元 or 万元, shares in %"))
        if not re.fullmatch(r"[a-z][a-z0-9_]*", metric_id):
            found.append(Problem(where, f"metric id {metric_id!r} is not snake_case English",
                                 "use ids like hitech_enterprises"))
        problems.extend(found)
        if found:
            continue
        metrics[metric_id] = Metric(
            id=metric_id, zh=entry["zh"], en=entry["en"], unit=entry["unit"], kind=entry["kind"],
            better=entry["better"], aliases=tuple(entry.get("aliases", ())), note=entry.get("note", ""))
    return metrics


def _amount(record: dict[str, Any], field: str, basis: str, metric: Metric, where: Where
            ) -> tuple[float, str, str] | Problem:
    """Read a target/value (with `unit`) and convert it to the metric's unit (% for growth).

    Returns (value in the converted unit, the amount as written, the converted unit).
    """
    raw = record[field]
    unit = record.get("unit")
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        return Problem(where, f"`{field}` must be a number or a quantity like \"2.5万家\"", "write e.g. 770")
    try:
        if isinstance(raw, str):
            number, written_unit = parse_quantity(raw)
            if written_unit and unit and written_unit != unit:
                return Problem(where, f"`{field}` says {written_unit!r} but `unit` says {unit!r}",
                               "keep one of them")
            unit = written_unit or unit
        else:
            number = Decimal(str(raw))
    except QuantityError as exc:
        return Problem(where, str(exc), "write the number as the report does, e.g. 2.5 with unit \"万家\"")
    if not unit:
        return Problem(where, "no unit", f"add unit = \"{metric.unit}\" (the unit word as the report writes it)")
    target_unit = "%" if basis == "growth" else metric.unit
    try:
        parsed = parse_unit(unit)
        if basis == "growth" and parsed.dimension != "percent":
            raise QuantityError(f"a growth rate is a percentage, not {unit!r}")
        if basis == "increment" and metric.kind == "ratio" and parsed.dimension == "points":
            target_unit = unit  # a change of a share is written in 百分点
        value = convert(number, unit, target_unit)
    except QuantityError as exc:
        return Problem(where, f"unit does not fit metric {metric.id} ({metric.unit}): {exc}",
                       f"use a unit of the same kind as {metric.unit!r}, or another metric")
    written = f"{number.normalize():f}{unit}" if isinstance(raw, (int, float)) else raw
    return value, written, target_unit


def _base_checks(record: dict[str, Any], required: tuple[str, ...], allowed: set[str], what: str,
                 toml: _TomlFile, index: int, metrics: dict[str, Metric]) -> list[Problem]:
    where = toml.where(what, index)
    problems = _unknown_fields(record, allowed, where, what)
    missing = [k for k in required if k not in record]
    if missing:
        problems.append(Problem(where, f"{what} lacks {', '.join(missing)}",
                                f"every {what} needs {', '.join(required)}"))
        return problems
    if record["metric"] not in metrics:
        close = difflib.get_close_matches(str(record["metric"]), list(metrics), n=3)
        hint = (f"did you mean {', '.join(close)}?" if close else "") + \
            f" Add [metric.{record['metric']}] to targets/metrics.toml if it is a new measure."
        problems.append(Problem(toml.where(what, index, "metric"), f"unknown metric {record['metric']!r}",
                                hint.strip()))
    if not isinstance(record["year"], int) or isinstance(record["year"], bool) or not 1949 <= record["year"] <= 2100:
        problems.append(Problem(toml.where(what, index, "year"), f"year {record['year']!r} is not a year",
                                "write the year as a number, e.g. year = 2025"))
    if not isinstance(record["quote"], str) or not record["quote"].strip():
        problems.append(Problem(toml.where(what, index, "quote"), "empty quote",
                                "copy the clause carrying the number from the seed"))
    choice = _choice(record["basis"], BASES, toml, what, index, "basis")
    if choice:
        problems.append(choice)
    return problems


def load_source_file(path: Path, root: Path, metrics: dict[str, Metric], problems: list[Problem]
                     ) -> tuple[Source | None, list[Goal], list[Figure]]:
    """Read one targets/<source-id>.toml."""
    parsed = _parse_toml(path, root, problems)
    if parsed is None:
        return None, [], []
    data, toml = parsed
    unknown = set(data) - {"source", "goal", "figure"}
    for key in sorted(unknown):
        problems.append(Problem(Where(toml.name), f"unknown table `{key}`",
                                "a source file holds [source], [[goal]] and [[figure]] only"))
    info = data.get("source")
    if not isinstance(info, dict):
        problems.append(Problem(Where(toml.name, 1), "no [source] table",
                                "start the file with [source] id, file, title, agency, published"))
        return None, [], []
    where = toml.where("source")
    found = _unknown_fields(info, SOURCE_FIELDS, where, "[source]")
    missing = [k for k in ("id", "file", "title", "agency", "published") if k not in info]
    if missing:
        found.append(Problem(where, f"[source] lacks {', '.join(missing)}",
                             "[source] needs id, file, title, agency and published"))
    elif not isinstance(info["published"], date):
        found.append(Problem(toml.where("source", 0, "published"), "`published` is not a date",
                             "write a TOML date without quotes: published = 2025-06-05"))
    elif info["id"] != path.stem:
        found.append(Problem(toml.where("source", 0, "id"),
                             f"source id {info['id']!r} differs from the file name {path.stem!r}",
                             f"rename the file to {info['id']}.toml or set id = \"{path.stem}\""))
    problems.extend(found)
    if found:
        return None, [], []
    source = Source(id=info["id"], file=info["file"], title=info["title"], agency=info["agency"],
                    published=info["published"], published_approx=bool(info.get("published_approx", False)),
                    note=info.get("note", ""), where=where)
    goals = [g for i, rec in enumerate(data.get("goal", []))
             if (g := _goal(rec, i, source, toml, metrics, problems)) is not None]
    figures = [f for i, rec in enumerate(data.get("figure", []))
               if (f := _figure(rec, i, source, toml, metrics, problems)) is not None]
    return source, goals, figures


def _goal(rec: dict[str, Any], i: int, source: Source, toml: _TomlFile, metrics: dict[str, Metric],
          problems: list[Problem]) -> Goal | None:
    found = _base_checks(rec, GOAL_REQUIRED, GOAL_FIELDS, "goal", toml, i, metrics)
    if not found:
        choice = _choice(rec["op"], OPS, toml, "goal", i, "op")
        if choice:
            found.append(choice)
        elif rec["op"] == "between" and "target_max" not in rec:
            found.append(Problem(toml.where("goal", i, "op"), "op \"between\" needs target_max",
                                 "for 3—5家 write target = 3, target_max = 5"))
        elif rec["op"] != "between" and "target_max" in rec:
            found.append(Problem(toml.where("goal", i, "target_max"), "target_max without op \"between\"",
                                 "set op = \"between\" or drop target_max"))
    if found:
        problems.extend(found)
        return None
    metric = metrics[rec["metric"]]
    amount = _amount(rec, "target", rec["basis"], metric, toml.where("goal", i, "target"))
    if isinstance(amount, Problem):
        problems.append(amount)
        return None
    target_max = None
    if "target_max" in rec:
        top = _amount(rec, "target_max", rec["basis"], metric, toml.where("goal", i, "target_max"))
        if isinstance(top, Problem):
            problems.append(top)
            return None
        target_max = top[0]
        if target_max <= amount[0]:
            problems.append(Problem(toml.where("goal", i, "target_max"), "target_max is not above target",
                                    "for 3—5家 write target = 3, target_max = 5"))
            return None
    return Goal(metric=rec["metric"], year=rec["year"], op=rec["op"], target=amount[0], basis=rec["basis"],
                quote=rec["quote"], source=source, agency=rec.get("agency", source.agency or DEFAULT_AGENCY),
                written=amount[1], unit=amount[2], target_max=target_max, revealed=bool(rec.get("revealed", False)),
                note=rec.get("note", ""), doubt=rec.get("doubt", ""), where=toml.where("goal", i))


def _figure(rec: dict[str, Any], i: int, source: Source, toml: _TomlFile, metrics: dict[str, Metric],
            problems: list[Problem]) -> Figure | None:
    found = _base_checks(rec, FIGURE_REQUIRED, FIGURE_FIELDS, "figure", toml, i, metrics)
    if not found:
        choice = _choice(rec["bound"], BOUNDS, toml, "figure", i, "bound")
        if choice:
            found.append(choice)
        as_of = rec.get("as_of")
        if as_of is not None and not isinstance(as_of, date):
            found.append(Problem(toml.where("figure", i, "as_of"), "`as_of` is not a date",
                                 "write a TOML date without quotes: as_of = 2018-11-30"))
        elif as_of is not None and as_of.year != rec["year"]:
            found.append(Problem(toml.where("figure", i, "as_of"),
                                 f"as_of {as_of} is not in the figure's year {rec['year']}",
                                 "as_of is the date a partial-year figure runs to, within its year"))
        if not isinstance(rec.get("estimate", False), bool):
            found.append(Problem(toml.where("figure", i, "estimate"), "`estimate` must be true or false",
                                 "write estimate = true for 预计"))
    if found:
        problems.extend(found)
        return None
    metric = metrics[rec["metric"]]
    amount = _amount(rec, "value", rec["basis"], metric, toml.where("figure", i, "value"))
    if isinstance(amount, Problem):
        problems.append(amount)
        return None
    return Figure(metric=rec["metric"], year=rec["year"], value=amount[0], basis=rec["basis"],
                  bound=rec["bound"], quote=rec["quote"], source=source, written=amount[1], unit=amount[2],
                  estimate=rec.get("estimate", False), as_of=rec.get("as_of"), note=rec.get("note", ""),
                  doubt=rec.get("doubt", ""), where=toml.where("figure", i))


def load(root: Path) -> tuple[Ledger, list[Problem]]:
    """Load every file under root/targets/. Returns the ledger of what loaded and all problems."""
    problems: list[Problem] = []
    metrics = load_metrics(root, problems)
    sources: list[Source] = []
    goals: list[Goal] = []
    figures: list[Figure] = []
    for path in sorted((root / "targets").glob("*.toml")):
        if path.name == METRICS_FILE:
            continue
        source, file_goals, file_figures = load_source_file(path, root, metrics, problems)
        if source is not None:
            sources.append(source)
        goals += file_goals
        figures += file_figures
    ledger = Ledger(root=root, metrics=metrics, sources=tuple(sources), goals=tuple(goals),
                    figures=tuple(figures))
    return ledger, problems
