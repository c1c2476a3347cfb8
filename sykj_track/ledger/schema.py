"""JSON Schemas of the ledger's files, generated from the loader's own field tables.

TOML editors (Taplo, and VS Code's Even Better TOML, which runs it) complete and validate a file
against a JSON Schema. The schemas are built here from the tables the loader checks fields with
(load.*_TYPES and *_REQUIRED, the choices in model, identity's fields), so a field added to the
loader appears in the schema the next time `sykj-track schema --write schema` runs, and a test
fails until it does.

What a schema cannot see: whether a metric named in a goal exists in metrics.toml, whether a unit
fits its metric, whether a quote is in its seed and a number in its quote. `sykj-track check` does.
TOML dates reach a schema as strings (Taplo converts them), so a date written in quotes passes the
schema and only the loader refuses it.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from . import identity, load, rules
from .. import model

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://sykj-track.invalid/schema/"  # a base for the $ids: the files are used locally
FILES = {"source": "source.schema.json", "metrics": "metrics.schema.json", "ledger": "ledger.schema.json"}

_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$",
         "description": "A TOML date without quotes: 2025-06-05"}
_CHOICES: dict[str, tuple[str, ...]] = {"kind": model.KINDS, "better": model.BETTER, "op": model.OPS,
                                        "basis": model.BASES, "bound": model.BOUNDS}
_DESCRIPTIONS = {
    "metric": "Metric id, as in targets/metrics.toml", "year": "The year the goal or figure is for",
    "op": "How the target is meant: >= (达到), > (突破, 超过), <=, <, between (3—5家)",
    "target": "The target as the report writes it: 4500 with unit, or \"2.5万家\"",
    "target_max": "The upper end for op = \"between\"", "value": "The figure as the report writes it",
    "unit": "The unit word as the report writes it (家, 亿元, %, 万人)",
    "basis": "level (达到), growth (增长 X%) or increment (新增)",
    "bound": "exact, more_than (突破, 超过), at_least (以上), about (约, 近), at_most",
    "quote": "The clause carrying the number, copied verbatim from the seed", "estimate": "true for 预计",
    "as_of": "For a partial-year figure, the day it runs to (截至)", "agency": "The body the goal is set for",
    "revealed": "true when a report reveals a goal only by saying it was met", "note": "Remarks",
    "doubt": "Why the reading may be wrong", "id": "The source id: the file's name without .toml",
    "file": "The report's text in the ledger: seeds/<name>.txt", "title": "Title of the report",
    "published": "Publication date", "published_approx": "true when the date is an estimate (say why in note)",
    "url": "Where the report was published (http or https)", "archive_url": "An archived copy (http or https)",
    "retrieved": "When the text was retrieved", "sha256": "SHA-256 of the seed file (sha256sum's first word)",
    "zh": "Chinese name", "en": "English name", "kind": "stock, flow, ratio or rank",
    "better": "higher or lower", "aliases": "Other wordings the reports use",
    "part_of": "The id of the total this measure is a part of (国家级 of 各级); audit checks parts fit it",
    "increments": "\"net\" when the reports' increments of this measure are net changes (净增), so a level "
                  "and its increase imply last year's level; \"gross\" (the default) when they may count "
                  "new entries while others lapse (新增 of certified firms)",
}
_IDENTITY_DESCRIPTIONS = {
    "name": "What the ledger is called", "agency": "The body whose reports are tracked, as the reports write it",
    "region": "Its city or province, as the agency's name writes it (大连市, 辽宁省)",
    "lang": "The language of the reports and of the report page: zh or en",
}


def _field(name: str, kind: Any) -> dict[str, Any]:
    """The schema of one field, from the loader's type for it."""
    if kind is load.QUANTITY:
        schema: dict[str, Any] = {"type": ["number", "string"], "minLength": 1}
    elif kind is date:
        schema = dict(_DATE)
    elif kind is list:
        schema = {"type": "array", "items": {"type": "string"}}
    else:
        schema = {"type": {str: "string", int: "integer", bool: "boolean"}[kind]}
    if name in _CHOICES:
        schema["enum"] = list(_CHOICES[name])
    if name == "year":
        schema |= {"minimum": rules.FIRST_YEAR, "maximum": rules.LAST_YEAR}
    if name == "quote":
        schema["pattern"] = r"\S"  # not empty, not only blanks
    if name == "sha256":
        schema["pattern"] = r"^\s*[0-9a-fA-F]{64}\s*$"
    if name in ("url", "archive_url"):
        schema["pattern"] = r"^\s*https?://[^\s/?#]+"
    if name in _DESCRIPTIONS and "description" not in schema:
        schema["description"] = _DESCRIPTIONS[name]
    return schema


def _record(types: dict[str, Any], required: tuple[str, ...], description: str) -> dict[str, Any]:
    return {"type": "object", "description": description, "additionalProperties": False,
            "required": list(required), "properties": {name: _field(name, kind) for name, kind in types.items()}}


def source_schema() -> dict[str, Any]:
    """targets/<source-id>.toml: one [source], its [[goal]]s and [[figure]]s."""
    goal = _record(load.GOAL_TYPES, load.GOAL_REQUIRED, "A goal the report sets")
    # op = "between" needs target_max, and target_max needs op = "between".
    goal["allOf"] = [{"if": {"properties": {"op": {"const": "between"}}, "required": ["op"]},
                      "then": {"required": ["target_max"]}, "else": {"not": {"required": ["target_max"]}}}]
    return {
        "$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID + FILES["source"],
        "title": "sykj-track source file (targets/<source-id>.toml)",
        "description": "One report: [source], then a [[goal]] per goal it sets and a [[figure]] per figure it gives.",
        "type": "object", "additionalProperties": False, "required": ["source"],
        "properties": {
            "source": _record(load.SOURCE_TYPES, load.SOURCE_REQUIRED, "The report"),
            "goal": {"type": "array", "items": goal, "description": "Goals: [[goal]] tables"},
            "figure": {"type": "array", "description": "Reported figures: [[figure]] tables",
                       "items": _record(load.FIGURE_TYPES, load.FIGURE_REQUIRED, "A figure the report gives")},
        },
    }


def metrics_schema() -> dict[str, Any]:
    """targets/metrics.toml: one [metric.<id>] table per measure."""
    return {
        "$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID + FILES["metrics"],
        "title": "sykj-track metrics (targets/metrics.toml)",
        "description": "Every measure goals and figures are recorded in: [metric.<snake_case_id>] tables.",
        "type": "object", "additionalProperties": False,
        "properties": {"metric": {
            "type": "object", "description": "The measures, one [metric.<id>] table each", "propertyNames": {"pattern": f"^{load.METRIC_ID}$"},
            "additionalProperties": _record(load.METRIC_TYPES, load.METRIC_REQUIRED, "A measure")}},
    }


def ledger_schema() -> dict[str, Any]:
    """targets/ledger.toml: whose ledger this is."""
    properties: dict[str, dict[str, Any]] = {name: {"type": "string", "description": _IDENTITY_DESCRIPTIONS[name]}
                  for name in identity.IDENTITY_FIELDS}
    properties["lang"]["enum"] = list(identity.LANGS)
    return {
        "$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID + FILES["ledger"],
        "title": "sykj-track ledger identity (targets/ledger.toml)",
        "description": "Whose ledger this is: its name, the agency whose reports it tracks, region, language.",
        "type": "object", "additionalProperties": False, "properties": properties,
    }


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema by the name of its file."""
    return {FILES["source"]: source_schema(), FILES["metrics"]: metrics_schema(), FILES["ledger"]: ledger_schema()}


def schema_text(schema: dict[str, Any]) -> str:
    """A schema as the committed file holds it."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def for_file(name: str) -> str:
    """The schema file that applies to a file of targets/ called `name`."""
    if name == load.METRICS_FILE:
        return FILES["metrics"]
    if name == identity.IDENTITY_FILE:
        return FILES["ledger"]
    return FILES["source"]


def as_json(value: Any) -> Any:
    """A parsed TOML document as an editor's validator sees it: dates and times become strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
