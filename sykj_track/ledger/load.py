"""Read targets/*.toml into a Ledger, collecting every problem with its file and line.

Nothing here stops at the first error: each broken record becomes a Problem and is left out, the
rest loads, and the caller reports all problems at once (the beancount way).
"""

from __future__ import annotations

import difflib
import math
import os
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from ..i18n import Msg, msg
from ..model import (BASES, BETTER, BOUNDS, INCREMENTS, KINDS, OPS, Figure, Goal, Ledger, Metric,
                    Problem, Source, Where)
from .identity import IDENTITY_FILE, LedgerIdentity, read_identity
from .rules import FIRST_YEAR, LAST_YEAR
from ..quantity import QuantityError, convert, parse_quantity, parse_unit
from .textfile import TextFileError, read_bytes, read_text

if TYPE_CHECKING:
    from .cache import Cache

T = TypeVar("T")

METRICS_FILE = "metrics.toml"

# The fields of each record and the type of each. A quantity is a number or a string like "2.5万家".
QUANTITY = "quantity"
METRIC_TYPES: dict[str, Any] = {"zh": str, "en": str, "unit": str, "kind": str, "better": str,
                                "aliases": list, "note": str, "increments": str, "part_of": str}
SOURCE_TYPES: dict[str, Any] = {"id": str, "file": str, "title": str, "agency": str, "published": date,
                                "published_approx": bool, "note": str, "url": str, "archive_url": str,
                                "retrieved": date, "sha256": str}
GOAL_TYPES: dict[str, Any] = {"metric": str, "year": int, "op": str, "target": QUANTITY, "target_max": QUANTITY,
                              "unit": str, "basis": str, "quote": str, "agency": str, "revealed": bool,
                              "note": str, "doubt": str}
FIGURE_TYPES: dict[str, Any] = {"metric": str, "year": int, "value": QUANTITY, "unit": str, "bound": str,
                                "estimate": bool, "as_of": date, "basis": str, "quote": str, "note": str,
                                "doubt": str}
METRIC_FIELDS, SOURCE_FIELDS = set(METRIC_TYPES), set(SOURCE_TYPES)

# What a field should hold, and how to write it: messages of the catalogue (sykj_track.i18n).
_KIND_OF = {str: "string", int: "int", bool: "bool", list: "list", date: "date", QUANTITY: "quantity"}
_TYPE_NAMES = {t: msg(f"type.{name}") for t, name in _KIND_OF.items()}
_EXAMPLES = {t: msg(f"example.{name}") for t, name in _KIND_OF.items()}
METRIC_REQUIRED = ("zh", "en", "unit", "kind", "better")
SOURCE_REQUIRED = ("id", "file", "title", "agency", "published")
GOAL_REQUIRED = ("metric", "year", "op", "target", "basis", "quote")
FIGURE_REQUIRED = ("metric", "year", "value", "bound", "basis", "quote")
METRIC_ID = r"[a-z][a-z0-9_]*"  # snake_case English


_HEADER = re.compile(r"^\s*\[\[?([^\[\]]+)\]\]?\s*(#.*)?$")


class _TomlFile:
    """A parsed TOML file that can say on which line a table or a key sits."""

    def __init__(self, name: str, text: str):
        self.name = name
        self.lines = text.splitlines()
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


def _relative_name(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def _parse_toml(path: Path, root: Path, problems: list[Problem]) -> tuple[dict[str, Any], _TomlFile] | None:
    name = _relative_name(path, root)
    try:
        text = read_text(path)
    except TextFileError as exc:
        problems.append(Problem.said(Where(name), exc.what, exc.fix))
        return None
    import tomllib  # not needed when every file comes from the cache

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else max(1, len(text.splitlines()))  # "at end of document"
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc))
        problems.append(Problem.of(Where(name, line), "toml.invalid", detail=_toml_detail(message)))
        return None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits, which int() refuses to read
        long_run = re.search(r"[0-9_]{1000,}", text)
        line = text.count("\n", 0, long_run.start()) + 1 if long_run else 1
        problems.append(Problem.of(Where(name, line), "toml.digits", detail=str(exc)))
        return None
    except RecursionError:
        problems.append(Problem.of(Where(name), "toml.nested"))
        return None
    return data, _TomlFile(name, text)


# tomllib's messages (Python 3.11-3.13), so that a reader of Chinese is told what is wrong in Chinese;
# matched only when a file does not parse (re caches the compiled patterns).
_TOML_MESSAGES = (
    (r"Cannot declare (?P<key>.+) twice", "toml.declare_twice"),
    (r"Cannot mutate immutable namespace (?P<key>.+)", "toml.immutable"),
    (r"Cannot overwrite a value(?: \(in (?P<key>.+)\))?", "toml.overwrite"),
    (r"Cannot redefine namespace (?P<key>.+)", "toml.redefine"),
    (r"Duplicate inline table key (?P<key>.+)", "toml.inline_twice"),
    (r"Escaped character is not a Unicode scalar value", "toml.escape"),
    (r"Expected '=' after a key in a key/value pair", "toml.expected_equals"),
    (r"Expected '\]' at the end of a table declaration", "toml.expected_bracket"),
    (r"Expected '\]\]' at the end of an array declaration", "toml.expected_brackets"),
    (r"Expected (?P<key>.+)", "toml.expected"),
    (r"Found invalid character (?P<key>.+)", "toml.invalid_char"),
    (r"Illegal character (?P<key>.+)", "toml.illegal_char"),
    (r"Invalid date or datetime", "toml.bad_date"),
    (r"Invalid hex value", "toml.bad_hex"),
    (r"Invalid initial character for a key part", "toml.bad_key"),
    (r"Invalid statement", "toml.bad_statement"),
    (r"Invalid value", "toml.bad_value"),
    (r"Unclosed array", "toml.unclosed_array"),
    (r"Unclosed inline table", "toml.unclosed_table"),
    (r"Unescaped '\\' in a string", "toml.backslash"),
    (r"Unterminated string", "toml.unterminated"),
)


def _toml_detail(message: str) -> Msg | str:
    """tomllib's message as a message of the catalogue; one it does not know, as it is."""
    for pattern, key in _TOML_MESSAGES:
        match = re.fullmatch(pattern, message)
        if match:
            fields = {"key": match.group("key")} if "key" in match.re.groupindex else {}
            if key == "toml.overwrite":
                return msg(key) if not fields["key"] else msg("toml.overwrite_in", **fields)
            return msg(key, **fields)
    return message


def _unknown_fields(record: dict[str, Any], allowed: set[str], where: Where, what: str) -> list[Problem]:
    problems = []
    for key in record:
        if key not in allowed:
            close = difflib.get_close_matches(key, sorted(allowed), n=1)
            hint = (msg("field.did_you_mean", name=close[0]) if close
                    else msg("field.allowed", names=", ".join(sorted(allowed))))
            problems.append(Problem.of(where, "field.unknown", fix=hint, key=key, what=what))
    return problems


def _type_name(value: Any) -> Msg:
    """What a TOML value is, in words: "a string", "true/false", "a date with a time"."""
    if isinstance(value, bool):
        return msg("type.of.bool")
    if isinstance(value, datetime):
        return msg("type.of.datetime")
    name = {str: "str", int: "number", float: "number", list: "list", dict: "table", date: "date",
            time: "time"}.get(type(value))
    return msg(f"type.of.{name}") if name else msg("type.of.other", name=type(value).__name__)


def _fits(value: Any, expected: Any) -> bool:
    if expected is QUANTITY:
        if isinstance(value, float):
            return math.isfinite(value)
        return isinstance(value, (int, str)) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected is date:
        return type(value) is date  # a datetime is a date too, but a time of day means a typo
    if expected is list:
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    return isinstance(value, expected)


def _wrong_types(record: dict[str, Any], types: dict[str, Any], toml: _TomlFile, header: str, index: int
                 ) -> list[Problem]:
    """A Problem for every known field whose value has the wrong type."""
    return [Problem.of(toml.where(header, index, key), "field.wrong_type", fix=_example(key, value, types[key]),
                       key=key, type=_type_name(value), value=_short(value), expected=_TYPE_NAMES[types[key]])
            for key, value in record.items() if key in types and not _fits(value, types[key])]


def _example(key: str, value: Any, kind: Any) -> Msg:
    """How to write the field: with the reader's own value where it only needs its quotes taken off
    (year = "2026" -> year = 2026), else the general example for its type."""
    if kind is int and isinstance(value, str) and re.fullmatch(r"\s*[0-9]+\s*", value):
        return msg("example.int_as", key=key, value=value.strip())
    return _EXAMPLES[kind]


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _choice(value: Any, allowed: tuple[str, ...], toml: _TomlFile, header: str, index: int, field: str
            ) -> Problem | None:
    if value not in allowed:
        return Problem.of(toml.where(header, index, field), "field.choice", key=field, value=repr(value),
                          allowed=", ".join(allowed))
    return None


def _metric_problems(metric_id: str, entry: dict[str, Any], where: Where, toml: _TomlFile) -> list[Problem]:
    """What is wrong with one [metric.<id>] table: its fields, their types and values, its unit, its id."""
    found = _unknown_fields(entry, METRIC_FIELDS, where, f"metric {metric_id}")
    found += _wrong_types(entry, METRIC_TYPES, toml, f"metric.{metric_id}", 0)
    missing = [k for k in METRIC_REQUIRED if k not in entry]
    if found:
        pass
    elif missing:
        found.append(Problem.of(where, "metrics.lacks", id=metric_id, fields=", ".join(missing)))
    else:
        found += [p for p in (_choice(entry["kind"], KINDS, toml, f"metric.{metric_id}", 0, "kind"),
                              _choice(entry["better"], BETTER, toml, f"metric.{metric_id}", 0, "better"),
                              _choice(entry.get("increments", "gross"), INCREMENTS, toml,
                                      f"metric.{metric_id}", 0, "increments"))
                  if p]
        try:
            if parse_unit(str(entry["unit"])).dimension is None:
                raise QuantityError(msg("unit.multiplier_only", unit=repr(entry["unit"])))
        except QuantityError as exc:
            found.append(Problem.said(toml.where(f"metric.{metric_id}", 0, "unit"), exc.what,
                                      msg("metrics.unit.fix")))
    if not re.fullmatch(METRIC_ID, metric_id):
        found.append(Problem.of(where, "metrics.bad_id", id=repr(metric_id)))
    return found


def load_metrics(root: Path, problems: list[Problem]) -> dict[str, Metric]:
    """Read targets/metrics.toml."""
    path = root / "targets" / METRICS_FILE
    if not path.is_file():
        problems.append(Problem.of(Where(f"targets/{METRICS_FILE}"), "metrics.missing"))
        return {}
    parsed = _parse_toml(path, root, problems)
    if parsed is None:
        return {}
    data, toml = parsed
    metrics: dict[str, Metric] = {}
    table = data.get("metric", {})
    if not isinstance(table, dict) or set(data) - {"metric"}:
        problems.append(Problem.of(Where(toml.name, 1), "metrics.tables_only"))
        if not isinstance(table, dict):
            return {}
    for metric_id, entry in table.items():
        where = toml.where(f"metric.{metric_id}")
        if not isinstance(entry, dict):
            problems.append(Problem.of(where, "metrics.not_table", id=metric_id))
            continue
        found = _metric_problems(metric_id, entry, where, toml)
        problems.extend(found)
        if found:
            continue
        metrics[metric_id] = Metric(
            id=metric_id, zh=entry["zh"], en=entry["en"], unit=entry["unit"], kind=entry["kind"],
            better=entry["better"], aliases=tuple(entry.get("aliases", ())), note=entry.get("note", ""),
            increments=entry.get("increments", "gross"), part_of=entry.get("part_of", ""))
    problems += _parts(metrics, toml)
    return metrics


def _parts(metrics: dict[str, Metric], toml: _TomlFile) -> list[Problem]:
    """`part_of` names another metric, counted in the same kind of unit, and no chain of parts loops."""
    problems = []
    for metric in metrics.values():
        if not metric.part_of:
            continue
        where = toml.where(f"metric.{metric.id}", 0, "part_of")
        total = metrics.get(metric.part_of)
        if total is None:
            close = difflib.get_close_matches(metric.part_of, list(metrics), n=3)
            hint = msg("metric.did_you_mean", names=", ".join(close)) if close else msg("part_of.unknown.fix")
            problems.append(Problem.of(where, "part_of.unknown", fix=hint, name=repr(metric.part_of)))
            continue
        try:
            convert(Decimal(1), metric.unit, total.unit)
        except QuantityError:
            problems.append(Problem.of(where, "part_of.unit", id=metric.id, unit=metric.unit, total=total.id,
                                       total_unit=total.unit))
            continue
        chain: list[str] = [metric.id]
        current: Metric | None = total
        while current is not None:
            if current.id in chain:
                problems.append(Problem.of(where, "part_of.circle", chain=" -> ".join([*chain, current.id])))
                break
            chain.append(current.id)
            current = metrics.get(current.part_of) if current.part_of else None
    return problems


# No published figure comes near this in any unit a metric is counted in (China's GDP is about 1.3e14
# 元); beyond it a number is a typo or an attack, and arithmetic on it would overflow.
MAX_MAGNITUDE = 1e15


@dataclass(frozen=True, slots=True)
class Amount:
    """A target or value read from a record: in the metric's unit (% for growth), and as written."""

    value: float  # in `unit`
    written: str  # as the report writes it, e.g. "2.5万家"
    unit: str  # the metric's unit, % for growth, 百分点 for the change of a share


def _amount(record: dict[str, Any], field: str, basis: str, metric: Metric, place: Callable[[], Where]
            ) -> Amount | Problem:
    """Read a target/value (with `unit`) and convert it to the metric's unit (% for growth). `place`
    gives the file:line to blame, looked up only when there is a problem.
    """
    raw = record[field]
    unit = record.get("unit")
    try:
        if isinstance(raw, str):
            number, written_unit = parse_quantity(raw)
            if written_unit and unit and written_unit != unit:
                return Problem.of(place(), "amount.two_units", field=field, written=repr(written_unit),
                                  unit=repr(unit))
            unit = written_unit or unit
        else:
            number = Decimal(str(raw))
    except QuantityError as exc:
        return Problem.said(place(), exc.what, msg("amount.number.fix"))
    if not unit:
        return Problem.of(place(), "amount.no_unit", unit=metric.unit)
    target_unit = "%" if basis == "growth" else metric.unit
    try:
        parsed = parse_unit(unit)
        if basis == "growth" and parsed.dimension != "percent":
            raise QuantityError(msg("unit.growth_percent", unit=repr(unit)))
        if basis == "increment" and metric.kind == "ratio" and parsed.dimension == "points":
            target_unit = unit  # a change of a share is written in 百分点
        value = convert(number, unit, target_unit)
    except QuantityError as exc:
        return Problem.of(place(), "amount.unit_misfit", id=metric.id, unit=metric.unit, why=exc.what,
                          unit_repr=repr(metric.unit))
    if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
        why = (msg("amount.not_finite") if not math.isfinite(value)
               else msg("amount.over", limit=f"{MAX_MAGNITUDE:.0e}", unit=target_unit))
        return Problem.of(place(), "amount.beyond", field=field, raw=_short(str(raw)), unit=unit, why=why)
    written = f"{number.normalize():f}{unit}" if isinstance(raw, (int, float)) else raw
    return Amount(value, written, target_unit)


# size: goals and figures share these checks; what differs between them comes in as parameters
def _base_checks(record: dict[str, Any], required: tuple[str, ...], types: dict[str, Any], what: str,
                 toml: _TomlFile, index: int, metrics: dict[str, Metric]) -> list[Problem]:
    """The checks goals and figures share: fields, types, metric, year, quote and basis."""
    where = toml.where(what, index)
    if not isinstance(record, dict):
        return [Problem.of(where, "record.not_table", what=what, n=index + 1)]
    problems = _unknown_fields(record, set(types), where, what)
    problems += _wrong_types(record, types, toml, what, index)
    missing = [k for k in required if k not in record]
    if missing:
        problems.append(Problem.of(where, "record.lacks", what=what, fields=", ".join(missing),
                                   required=", ".join(required)))
    if problems:
        return problems
    if record["metric"] not in metrics:
        close = difflib.get_close_matches(record["metric"], list(metrics), n=3)
        add = msg("metric.add", id=record["metric"])
        hint = msg("metric.did_you_mean_add", names=", ".join(close), add=add) if close else add
        problems.append(Problem.of(toml.where(what, index, "metric"), "metric.unknown", fix=hint,
                                   id=repr(record["metric"])))
    if not FIRST_YEAR <= record["year"] <= LAST_YEAR:
        problems.append(Problem.of(toml.where(what, index, "year"), "year.range", year=record["year"],
                                   first=FIRST_YEAR, last=LAST_YEAR))
    if not record["quote"].strip():
        problems.append(Problem.of(toml.where(what, index, "quote"), "quote.empty"))
    choice = _choice(record["basis"], BASES, toml, what, index, "basis")
    if choice:
        problems.append(choice)
    return problems


def _records(data: dict[str, Any], what: str, toml: _TomlFile, problems: list[Problem]) -> list[Any]:
    """The [[goal]] or [[figure]] tables of a file; anything else there is a problem."""
    records = data.get(what, [])
    if isinstance(records, list):
        return records
    problems.append(Problem.of(toml.where(what), "record.not_list", what=what, type=_type_name(records)))
    return []


# One targets/<source-id>.toml as loaded: its source (None when it does not load), goals and figures.
Records = tuple[Source | None, list[Goal], list[Figure]]


def load_source_file(path: Path, root: Path, metrics: dict[str, Metric], problems: list[Problem]
                     ) -> Records:
    """Read one targets/<source-id>.toml."""
    parsed = _parse_toml(path, root, problems)
    if parsed is None:
        return None, [], []
    data, toml = parsed
    unknown = set(data) - {"source", "goal", "figure"}
    for key in sorted(unknown):
        problems.append(Problem.of(Where(toml.name), "source.unknown_table", key=key))
    info = data.get("source")
    if not isinstance(info, dict):
        problems.append(Problem.of(Where(toml.name, 1), "source.missing"))
        return None, [], []
    where = toml.where("source")
    found = _unknown_fields(info, SOURCE_FIELDS, where, "[source]")
    found += _wrong_types(info, SOURCE_TYPES, toml, "source", 0)
    missing = [k for k in SOURCE_REQUIRED if k not in info]
    if found:
        pass
    elif missing:
        found.append(Problem.of(where, "source.lacks", fields=", ".join(missing)))
    elif info["id"] != path.stem:
        found.append(Problem.of(toml.where("source", 0, "id"), "source.id_file", id=info["id"], stem=path.stem,
                                id_repr=repr(info["id"]), stem_repr=repr(path.stem)))
    if not found:
        found += _provenance_fields(info, toml)
    problems.extend(found)
    if found:
        return None, [], []
    source = Source(id=info["id"], file=info["file"], title=info["title"], agency=info["agency"],
                    published=info["published"], published_approx=bool(info.get("published_approx", False)),
                    note=info.get("note", ""), where=where, url=info.get("url", "").strip(),
                    archive_url=info.get("archive_url", "").strip(), retrieved=info.get("retrieved"),
                    sha256=info.get("sha256", "").strip().lower())
    if source.retrieved is not None and source.retrieved < source.published and not source.published_approx:
        problems.append(Problem.of(toml.where("source", 0, "retrieved"), "source.retrieved_early",
                                   retrieved=source.retrieved, published=source.published, severity="warning"))
    goals = [g for i, rec in enumerate(_records(data, "goal", toml, problems))
             if (g := _goal(rec, i, source, toml, metrics, problems)) is not None]
    figures = [f for i, rec in enumerate(_records(data, "figure", toml, problems))
               if (f := _figure(rec, i, source, toml, metrics, problems)) is not None]
    return source, goals, figures


_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


def _provenance_fields(info: dict[str, Any], toml: _TomlFile) -> list[Problem]:
    """url and archive_url are web addresses (http or https, with a host); sha256 is 64 hex digits."""
    from ..textsafe import safe_url  # the one definition of a link a page may make

    problems = []
    for key in ("url", "archive_url"):
        value = info.get(key, "").strip()
        if not value:
            continue
        if safe_url(value) is None:
            problems.append(Problem.of(toml.where("source", 0, key), "source.url", key=key, value=_short(value)))
    digest = info.get("sha256", "").strip()
    if "sha256" in info and not _SHA256.fullmatch(digest):
        problems.append(Problem.of(toml.where("source", 0, "sha256"), "source.sha256", value=_short(digest),
                                   file=info.get("file", "seeds/<file>")))
    return problems


def _goal(rec: dict[str, Any], i: int, source: Source, toml: _TomlFile, metrics: dict[str, Metric],
          problems: list[Problem]) -> Goal | None:
    found = _base_checks(rec, GOAL_REQUIRED, GOAL_TYPES, "goal", toml, i, metrics)
    if not found:
        choice = _choice(rec["op"], OPS, toml, "goal", i, "op")
        if choice:
            found.append(choice)
        elif rec["op"] == "between" and "target_max" not in rec:
            found.append(Problem.of(toml.where("goal", i, "op"), "goal.between"))
        elif rec["op"] != "between" and "target_max" in rec:
            found.append(Problem.of(toml.where("goal", i, "target_max"), "goal.target_max"))
    if found:
        problems.extend(found)
        return None
    metric = metrics[rec["metric"]]
    amount = _amount(rec, "target", rec["basis"], metric, lambda: toml.where("goal", i, "target"))
    if isinstance(amount, Problem):
        problems.append(amount)
        return None
    target_max = None
    if "target_max" in rec:
        top = _amount(rec, "target_max", rec["basis"], metric, lambda: toml.where("goal", i, "target_max"))
        if isinstance(top, Problem):
            problems.append(top)
            return None
        target_max = top.value
        if target_max <= amount.value:
            problems.append(Problem.of(toml.where("goal", i, "target_max"), "goal.max_below"))
            return None
    return Goal(metric=rec["metric"], year=rec["year"], op=rec["op"], target=amount.value, basis=rec["basis"],
                quote=rec["quote"], source=source, agency=rec.get("agency", source.agency),
                written=amount.written, unit=amount.unit, target_max=target_max, revealed=bool(rec.get("revealed", False)),
                note=rec.get("note", ""), doubt=rec.get("doubt", ""), where=toml.where("goal", i))


def _figure(rec: dict[str, Any], i: int, source: Source, toml: _TomlFile, metrics: dict[str, Metric],
            problems: list[Problem]) -> Figure | None:
    found = _base_checks(rec, FIGURE_REQUIRED, FIGURE_TYPES, "figure", toml, i, metrics)
    if not found:
        choice = _choice(rec["bound"], BOUNDS, toml, "figure", i, "bound")
        if choice:
            found.append(choice)
        as_of = rec.get("as_of")
        if as_of is not None and as_of.year != rec["year"]:
            found.append(Problem.of(toml.where("figure", i, "as_of"), "figure.as_of", as_of=as_of, year=rec["year"]))
    if found:
        problems.extend(found)
        return None
    metric = metrics[rec["metric"]]
    amount = _amount(rec, "value", rec["basis"], metric, lambda: toml.where("figure", i, "value"))
    if isinstance(amount, Problem):
        problems.append(amount)
        return None
    return Figure(metric=rec["metric"], year=rec["year"], value=amount.value, basis=rec["basis"],
                  bound=rec["bound"], quote=rec["quote"], source=source, written=amount.written, unit=amount.unit,
                  estimate=rec.get("estimate", False), as_of=rec.get("as_of"), note=rec.get("note", ""),
                  doubt=rec.get("doubt", ""), where=toml.where("figure", i))


PARALLEL_MIN_BYTES = 4_000_000  # below this, starting worker processes costs more than it saves


def load(root: Path, cache: Cache | None = None) -> tuple[Ledger, list[Problem]]:
    """Load every file under root/targets/. Returns the ledger of what loaded and all problems.

    With a cache, a file whose bytes (and metrics.toml's, and this code's) are unchanged since an
    earlier run is not parsed again. Many megabytes of files left to parse are parsed by one worker
    process per core.
    """
    problems: list[Problem] = []
    metrics_bytes = _bytes(root / "targets" / METRICS_FILE)
    metrics = _cached(cache, ("metrics", metrics_bytes), problems, lambda found: load_metrics(root, found))
    identity = _cached(cache, ("identity", _bytes(root / "targets" / IDENTITY_FILE)), problems,
                       lambda found: _identity(root, found))
    paths = [p for p in sorted((root / "targets").glob("*.toml")) if p.name not in (METRICS_FILE, IDENTITY_FILE)]
    results: dict[Path, tuple[Records, list[Problem]]] = {}
    keys: dict[Path, str] = {}
    size = 0
    for path in paths:
        data = _bytes(path)
        if cache is not None and data:
            keys[path] = cache.key("source", metrics_bytes, path.name, data)
            stored = cache.get(keys[path])
            if stored is not None:
                results[path] = stored
                continue
        size += len(data)
    missing = [p for p in paths if p not in results]
    for path, result in zip(missing, _parse_all(missing, root, metrics, parallel=size >= PARALLEL_MIN_BYTES)):
        results[path] = result
        if cache is not None and path in keys:
            cache.put(keys[path], result)
    sources: list[Source] = []
    goals: list[Goal] = []
    figures: list[Figure] = []
    registry_unread = not metrics and any(p.is_error and p.where.file == f"targets/{METRICS_FILE}" for p in problems)
    unchecked = 0
    for path in paths:
        (source, file_goals, file_figures), found = results[path]
        if registry_unread:  # every metric is "unknown" only because the registry did not load: say that once
            unchecked += sum(_is_unknown_metric(p) for p in found)
            found = [p for p in found if not _is_unknown_metric(p)]
        problems += found
        if source is not None:
            sources.append(source)
        goals += file_goals
        figures += file_figures
    if unchecked:
        problems.append(Problem.of(Where(f"targets/{METRICS_FILE}"), "metrics.unread", n=unchecked))
    identity = identity.with_agency_of(s.agency for s in sources)
    ledger = Ledger(root=root, metrics=metrics, sources=tuple(sources), goals=tuple(goals),
                    figures=tuple(figures), identity=identity)
    return ledger, problems


def _is_unknown_metric(problem: Problem) -> bool:
    return problem.what is not None and problem.what.key == "metric.unknown"


def _identity(root: Path, problems: list[Problem]) -> LedgerIdentity:
    identity, found = read_identity(root)
    problems.extend(found)
    return identity


def _parse_one(path: Path, root: Path, metrics: dict[str, Metric]) -> tuple[Records, list[Problem]]:
    found: list[Problem] = []
    return load_source_file(path, root, metrics, found), found


_worker_metrics: dict[str, Metric] = {}


def _start_worker(metrics: dict[str, Metric]) -> None:
    global _worker_metrics
    _worker_metrics = metrics


def _parse_in_worker(path: Path, root: Path) -> tuple[Records, list[Problem]]:
    return _parse_one(path, root, _worker_metrics)


def _parse_all(paths: list[Path], root: Path, metrics: dict[str, Metric], parallel: bool
               ) -> list[tuple[Records, list[Problem]]]:
    """Each file's ((source, goals, figures), problems), in order; in worker processes when `parallel`
    and there is more than one core, else (or if workers cannot be started) here."""
    workers = min(os.cpu_count() or 1, len(paths))
    if parallel and workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        try:
            with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(metrics,)) as pool:
                return list(pool.map(_parse_in_worker, paths, [root] * len(paths),
                                     chunksize=max(1, len(paths) // (4 * workers))))
        except (OSError, RuntimeError, ImportError):  # no fork, no semaphores, a broken pool: go on alone
            pass
    return [_parse_one(path, root, metrics) for path in paths]


def _bytes(path: Path) -> bytes:
    try:
        return read_bytes(path)
    except OSError:
        return b""  # the loader proper reports why it cannot be read


def _cached(cache: Cache | None, parts: tuple[bytes | str, ...], problems: list[Problem],
            compute: Callable[[list[Problem]], T]) -> T:
    """compute(problems) or its stored result, with the problems it found added to `problems`."""
    key = cache.key(*parts) if cache is not None and parts[-1] else None
    stored = cache.get(key) if cache is not None and key is not None else None
    if stored is not None:
        value: T = stored[0]
        found: list[Problem] = stored[1]
    else:
        found = []
        value = compute(found)
        if cache is not None and key is not None:
            cache.put(key, (value, found))
    problems.extend(found)
    return value
