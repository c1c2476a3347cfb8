"""Write an extraction draft as a targets/ TOML file for review, or as JSON for other tools."""

from __future__ import annotations

import json
from typing import Any

import tomli_w

from .records import Draft, Item


def _number(value) -> int | float:
    """A Decimal as TOML/JSON writes it: 100, not 100.0; 2.5 stays 2.5."""
    return int(value) if value == value.to_integral_value() else float(value)


def item_json(item: Item) -> dict[str, Any]:
    """One item in the JSON shape of `extract --format json` (README; `value` holds a goal's target too)."""
    return {"kind": item.kind, "metric": item.metric, "year": item.year, "value": _number(item.value),
            "value_max": _number(item.value_max) if item.value_max is not None else None, "unit": item.unit,
            "op": item.op, "bound": item.bound, "basis": item.basis, "estimate": item.estimate,
            "as_of": item.as_of.isoformat() if item.as_of else None, "quote": item.quote,
            "confidence": item.confidence, "already_recorded": item.already_recorded,
            "known_metric": item.known_metric, "agency": item.agency, "tier": item.tier or None,
            "revealed": item.revealed, "doubt": item.doubt or None,
            "subject": item.subject}


def render_draft_json(result: Draft) -> str:
    """{"source": {...}, "items": [...], "new_metrics": [...]} with dates as ISO strings."""
    source = dict(result.source.as_dict(), published=result.source.published.isoformat())
    payload = {"source": source, "encoding": result.encoding, "items": [item_json(i) for i in result.items],
               "new_metrics": [{"id": m.id, "zh": m.zh, "en": m.en, "unit": m.unit, "kind": m.kind, "better": m.better}
                               for m in result.new_metrics],
               "warnings": list(result.warnings),
               "skipped": [{"value": s.written, "reason": s.reason, "quote": s.quote} for s in result.skipped]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _record(item: Item, source_agency: str) -> dict[str, Any]:
    record: dict[str, Any] = {"metric": item.metric, "year": item.year}
    if item.kind == "goal":
        record["op"] = item.op
        record["target"] = _number(item.value)
        if item.value_max is not None:
            record["target_max"] = _number(item.value_max)
    else:
        record["value"] = _number(item.value)
    record["unit"] = item.unit
    if item.kind == "figure":
        record["bound"] = item.bound
        record["estimate"] = item.estimate
    record["basis"] = item.basis
    if item.as_of is not None:
        record["as_of"] = item.as_of
    record["quote"] = item.quote
    if item.revealed:
        record["revealed"] = True
        record["note"] = item.note
    if item.doubt:
        record["doubt"] = item.doubt
    if item.agency and item.agency != source_agency:
        record["agency"] = item.agency
    return record


def _comment(text: str) -> str:
    return "\n".join(f"# {line}" if line else "#" for line in text.splitlines())


def _conflicts(items: tuple[Item, ...]) -> set[int]:
    """Indexes of goals that would give one report a second target for one goal (check refuses that):
    the later statement, or the stretch tier of a two-tier goal."""
    chosen: dict[tuple, int] = {}
    later = set()
    ordered = sorted(range(len(items)), key=lambda i: items[i].tier == "stretch")
    for i in ordered:
        item = items[i]
        if item.kind != "goal":
            continue
        key = (item.metric, item.year, item.agency, item.basis)
        if key in chosen:
            later.add(i)
        else:
            chosen[key] = i
    return later


def proposed_metrics_toml(metrics) -> str:
    """[metric.<id>] tables with every field the registry requires, ready for targets/metrics.toml."""
    blocks = []
    for metric in metrics:
        table = tomli_w.dumps({"metric": {metric.id: {"zh": metric.zh, "en": metric.en, "unit": metric.unit,
                                                      "kind": metric.kind, "better": metric.better}}})
        blocks.append(table.replace('en = ""', 'en = ""  # write the English name'))
    return "\n".join(blocks).rstrip()


def render_draft_toml(result: Draft, command: str = "sykj-track extract") -> str:
    """The draft as a targets/<id>.toml file: a review header, [source], then goals and figures, each
    with a comment giving its confidence and what to check. Items a reviewer must decide on (a second
    target for one goal, a stretch tier) are written commented out, so the file loads as it stands."""
    source = result.source.as_dict()
    agency = result.source.agency
    unknown = [m for m in result.new_metrics]
    header = [
        f"DRAFT written by `{command}` — review every record before committing.",
        "Check for each: the metric, the year, goal vs figure, the bound, and that the quote says it.",
        f"Read as {result.encoding}; publication date from {result.published_how}.",
        "Then run `sykj-track check`.",
    ]
    for warning in result.warnings:
        header += ["", f"WARNING: {warning}"]
    if unknown:
        header.append("")
        header.append(f"{len(unknown)} measure(s) the registry does not know are proposed: paste the block below")
        header.append("into targets/metrics.toml (remove the leading '# '), write each `en`, check the guessed")
        header.append("kind and better, rename ids at will (here and in the records), or delete the records.")
    parts = [_comment("\n".join(header))]
    if unknown:
        parts += ["#", _comment(proposed_metrics_toml(unknown))]
    parts += ["", tomli_w.dumps({"source": source}).rstrip()]
    skipped = _conflicts(result.items)
    for kind in ("goal", "figure"):
        for i, item in enumerate(result.items):
            if item.kind != kind:
                continue
            notes = [f"confidence {item.confidence:.2f}"]
            if not item.known_metric:
                notes.append(f"new metric proposed from 「{item.subject}」")
            if item.tier:
                notes.append(f"{item.tier} tier of a two-tier goal ({'确保' if item.tier == 'base' else '力争'})")
            if item.already_recorded or item.revealed:
                notes.append(item.note)
            body = tomli_w.dumps({kind: [_record(item, agency)]}).rstrip()
            parts.append("")
            parts.append("# " + "; ".join(notes))
            if i in skipped:
                parts.append("# Commented out: this report already gives another target for this goal above; "
                             "keep one, or give the other a metric of its own.")
                parts.append(_comment(body))
            else:
                parts.append(body)
    if result.skipped:
        parts.append("")
        parts.append(_comment("Numbers left out as neither goals nor figures (add any that is one by hand):\n" +
                              "\n".join(f"  {s.written}: {s.reason} 「{s.quote}」" for s in result.skipped)))
    return "\n".join(parts) + "\n"
