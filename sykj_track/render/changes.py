"""Render the changes between two as-of dates: text to read, JSON Lines to stream, an Atom feed to subscribe to."""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from urllib.parse import quote

from ..analysis.audit import written
from ..analysis.changes import TAG, Change
from ..i18n import label, t
from ..model import Verdict
from ..textsafe import inert, json_inert, safe_url
from .labels import shown_status, status_label, target_text

ATOM_NS = "http://www.w3.org/2005/Atom"


def _state(v: Verdict | None) -> dict[str, Any] | None:
    if v is None:
        return None
    fig = v.figure
    return {"status": v.status, "reason": v.reason, "evidence": v.evidence, "target": written(v.goal),
            "actual": None if v.actual is None else round(v.actual, 4), "actual_bound": v.actual_bound,
            "figure": written(fig) if fig is not None else None,
            "figure_source": fig.source.id if fig is not None else None}


def change_record(change: Change) -> dict[str, Any]:
    """A change as a flat, JSON-ready dict."""
    report = change.report
    return {"id": change.entry_id, "kind": change.kind, "date": change.when.isoformat(), "goal": change.id,
            "metric": change.metric.id, "name_zh": change.metric.zh, "name_en": change.metric.en,
            "agency": change.goal.agency, "year": change.goal.year, "basis": change.goal.basis,
            "before": _state(change.before), "after": _state(change.after),
            "report": None if report is None else {"id": report.id, "title": report.title,
                                                   "published": report.published.isoformat(),
                                                   "url": report.url or None, "file": report.file},
            "quotes": list(change.quotes)}


def render_changes_jsonl(changes: list[Change]) -> str:
    """One JSON object per line per change, oldest first (JSON Lines, for `jq -c` and streams)."""
    return "".join(json_inert(json.dumps(change_record(c), ensure_ascii=False)) + "\n" for c in changes)


def _status(v: Verdict | None, lang: str) -> str:
    if v is None:
        return "—"
    text = status_label(v, lang)
    if v.reason and shown_status(v) == "pending":
        text += f" ({label('reason', v.reason, lang)})"
    return text


def headline(change: Change, lang: str = "zh") -> str:
    """One line: year, metric, target, and the verdict before -> after."""
    kind = t(f"change.{change.kind}", lang)
    target = target_text(change.after)
    if change.kind == "revised" and change.before is not None:
        target = f"{target_text(change.before)} → {target}"
    return (f"{change.goal.year} {change.metric.name(lang)} {target}: "
            f"{_status(change.before, lang)} → {_status(change.after, lang)} [{kind}]")


def _detail_lines(change: Change, lang: str) -> list[str]:
    lines = []
    if change.after.figure is not None or change.after.derived_from:
        figures = [change.after.figure] if change.after.figure is not None else list(change.after.derived_from)
        lines.append(f"{t('changes.figure', lang)} " + ", ".join(f"{f.year}: {written(f)}" for f in figures))
    if change.report is not None:
        lines.append(f"{change.report.id} ({change.report.published}) {change.report.title}")
        lines += [f"「{q}」" for q in change.quotes]
    else:
        lines.append(t("changes.no_report", lang, year=change.goal.year))
    return lines


def render_changes_text(changes: list[Change], since: date, until: date, lang: str = "zh") -> str:
    """The changes for reading: a headline per change, then the report and its quotes."""
    out = [t("changes.header", lang, since=since, until=until, n=len(changes))]
    for change in changes:
        out.append("")
        out.append(f"{change.when}  {inert(headline(change, lang))}")
        out += [f"    {inert(line)}" for line in _detail_lines(change, lang)]
    return "\n".join(out) + "\n"


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def feed_id(agency: str) -> str:
    """The feed's id: a tag: URI of the agency whose goals it follows (not the ledger's name, which a
    ledger may change), so a reader keeps its place when the ledger is renamed."""
    return f"{TAG}changes/{quote(agency, safe='') or 'ledger'}"


def render_changes_atom(changes: list[Change], since: date, until: date, ledger_title: str, agency: str = "",
                        lang: str = "zh") -> str:
    """An Atom feed (RFC 4287), one entry per change, newest first. Each entry has the headline as its
    title, the change in words with the report's quotes as its content, the report's url (when the
    ledger records one) as its alternate link, and the change's kind as its category. Entry ids are
    tag: URIs of the goal and the day (Change.entry_id): the same change has the same id in every feed,
    whatever the dates asked for or the ledger's name, so a reader shows it once."""
    import xml.etree.ElementTree as ET

    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attributes)
        if text is not None:
            element.text = inert(text)  # also keeps XML-illegal control characters out of the feed
        return element

    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    title = ledger_title or "sykj-track"
    sub(feed, "id", feed_id(agency))
    sub(feed, "title", t("changes.feed_title", lang, title=title))
    sub(feed, "subtitle", f"{since} → {until}")
    sub(feed, "updated", _timestamp(max((c.when for c in changes), default=until)))
    author = sub(feed, "author")  # every entry's author, so entries need none of their own
    sub(author, "name", "sykj-track")
    sub(feed, "generator", "sykj-track")
    for change in sorted(changes, key=lambda c: (c.when, c.id), reverse=True):
        entry = sub(feed, "entry")
        sub(entry, "id", change.entry_id)
        sub(entry, "title", headline(change, lang))
        sub(entry, "updated", _timestamp(change.when))
        sub(entry, "published", _timestamp(change.when))
        sub(entry, "category", term=change.kind, label=t(f"change.{change.kind}", lang))
        url = safe_url(change.report.url) if change.report is not None else None
        if url:
            sub(entry, "link", href=url, rel="alternate")
        sub(entry, "content", "\n".join([headline(change, lang), *_detail_lines(change, lang)]), type="text")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
