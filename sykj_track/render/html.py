"""`sykj-track report --html`: the whole ledger as one self-contained HTML page.

One file with inline CSS, inline SVG charts and a little vanilla JavaScript: no network, no CDN, no
web fonts, so it can be mailed to someone who will never install the tool. Every piece of text from
the data goes through textsafe.html_text: a quote containing <script> stays text.

Draws verdicts and series that were computed elsewhere; knows nothing of how they were reached.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from ..model import NEUTRAL, LedgerIdentity, Figure, Source, Summary, Verdict
from ..quantity import format_number
from ..i18n import label, t
from ..ledger.quotes import SeedTexts
from .labels import actual_text, interval_text, metric_label, shown_status, status_label, target_text
from ..analysis.series import MetricSeries, Series, YearPoint
from ..textsafe import html_text, safe_url
from ..vocabulary import STATUSES

COLOURS = {"hit": "#1a7f37", "miss": "#c62828", "pending": "#b7791f", "superseded": "#8a8f98", None: "#5b7db1"}


def esc(text: Any) -> str:
    """Text as HTML, quotes included, so it is safe in element content and in attribute values."""
    return html_text(text)


def L(key: str, **fields: Any) -> str:  # noqa: N802 - short, as it is used on every line of the page
    """A message of the catalogue in both languages; the page shows one, by its zh/en switch."""
    zh, en = (esc(t(key, lang, **fields)) for lang in ("zh", "en"))
    return f'<span class="zh">{zh}</span><span class="en">{en}</span>'


def _both(zh: str, en: str) -> str:
    """Two texts from the data (a metric's names), one per language of the page."""
    return f'<span class="zh">{esc(zh)}</span><span class="en">{esc(en)}</span>'


def _status(v: Verdict) -> str:
    return _both(status_label(v, "zh"), status_label(v, "en"))


# --- summary ----------------------------------------------------------------------------------------

def _rate(summary: Summary) -> str:
    rate = summary.hit_rate
    return "—" if rate is None else f"{rate * 100:.0f}%"


def _stack_bar(summary: Summary) -> str:
    total = summary.hit + summary.miss + summary.pending + summary.superseded
    if not total:
        return ""
    parts = []
    for status in STATUSES:
        count = getattr(summary, status)
        if count:
            parts.append(f'<span class="seg s-{status}" style="width:{count / total * 100:.2f}%" '
                         f'title="{esc(t("status." + status, "zh"))} {status}: {count}"></span>')
    return f'<div class="stack">{"".join(parts)}</div>'


_YEAR_COLUMNS = (("html.count", ""), ("status.hit", "hit"), ("status.miss", "miss"), ("status.pending", "pending"),
                 ("html.of_which_unreported", "unreported"), ("status.superseded", "superseded"),
                 ("html.hit_rate", ""))


def _summary_section(verdicts: Sequence[Verdict]) -> str:
    total = Summary.of(verdicts)
    cards = "".join(
        f'<div class="card s-{status}"><div class="num">{getattr(total, status)}</div>'
        f'<div class="lbl">{L("status." + status)}</div></div>'
        for status in STATUSES)
    cards += (f'<div class="card s-unreported"><div class="num">{total.unreported}</div>'
              f'<div class="lbl">{L("status.unreported")}</div></div>')
    left_out = f'<div class="muted">{L("html.revealed_left_out", n=total.revealed)}</div>' if total.revealed else ""
    cards += (f'<div class="card rate"><div class="num">{_rate(total)}</div>'
              f'<div class="lbl">{L("html.hit_rate")}{left_out}</div></div>')
    years: dict[int, list[Verdict]] = {}
    for v in verdicts:
        years.setdefault(v.goal.year, []).append(v)
    rows = []
    for year, group in sorted(years.items()):
        s = Summary.of(group)
        # Each number carries its header as a label (.k), shown only where the table is stacked.
        cells = "".join(f'<td class="n{" c-" + css if css else ""}"><span class="k">{L(key)}</span>{value}</td>'
                        for (key, css), value in zip(_YEAR_COLUMNS, (len(group), s.hit, s.miss, s.pending,
                                                                     s.unreported, s.superseded, _rate(s))))
        rows.append(f'<tr><th scope="row">{year}</th>{cells}<td class="bar">{_stack_bar(s)}</td></tr>')
    head = "".join(f'<th class="n">{L(key)}</th>' for key, _ in _YEAR_COLUMNS)
    return f"""
<section id="summary">
  <h2>{L("html.summary")}</h2>
  <div class="cards">{cards}</div>
  <div class="scroll"><table class="years">
    <thead><tr><th>{L("html.year")}</th>{head}<th></th></tr></thead>
    <tbody>{"".join(rows)}</tbody>
  </table></div>
  <p class="note">{L("html.rate_note")}</p>
</section>"""


# --- the goals table --------------------------------------------------------------------------------

def _links(source: Source) -> str:
    """Links to where the report was published and to its archived copy, when recorded (the loader
    admits http(s) addresses only)."""
    links = [f'<a href="{esc(url)}" rel="noopener noreferrer">{L(key)}</a>'
             for url, key in ((source.url, "html.link"), (source.archive_url, "html.archive")) if safe_url(url)]
    return " ".join(links)


def _in_paragraph(quote: str, seeds: SeedTexts | None, file: str) -> tuple[str, str]:
    """The quote inside its paragraph of the seed, the quote marked, and its place (seeds/x.txt:12);
    the quote alone, and the file, when the seed does not hold it."""
    found = seeds.locate(file, quote) if seeds is not None else None
    if found is None:
        return f"<q>{esc(quote)}</q>", file
    text = seeds.text(file) or ""  # type: ignore[union-attr]
    # The paragraph around the span, as written (whitespace runs collapsed for reading).
    start = text.rfind("\n\n", 0, found.start)
    end = text.find("\n\n", found.end)
    start = 0 if start < 0 else start + 2
    end = len(text) if end < 0 else end

    def tidy(part: str) -> str:
        return esc(" ".join(part.split()))

    before, quoted, after = text[start:found.start], text[found.start:found.end], text[found.end:end]
    if len(before) > 600:  # a paragraph as long as a page: keep the sentences near the quote
        before = "…" + before[-600:]
    if len(after) > 600:
        after = after[:600] + "…"
    lead = " " if before[-1:].isspace() else ""
    trail = " " if after[:1].isspace() else ""
    return (f'<blockquote class="para">{tidy(before)}{lead}<mark>{tidy(quoted)}</mark>{trail}{tidy(after)}'
            f'</blockquote>', found.where(file))


def _quote(label_html: str, source: Source, quote: str, seeds: SeedTexts | None, extra: str = "") -> str:
    published = source.published.isoformat() + (f"（{t('html.approx', 'zh')}）" if source.published_approx else "")
    links = _links(source)
    body, where = _in_paragraph(quote, seeds, source.file)
    return (f'<li><span class="ql">{label_html}</span>{body}'
            f'<span class="qs">— {esc(source.title)}（{esc(source.id)}，{esc(published)}，'
            f'<code>{esc(where)}</code>{"，" + links if links else ""}）{extra}</span></li>')


def _detail(v: Verdict, seeds: SeedTexts | None) -> str:
    items = [_quote(L("html.goal_quote"), g.source, g.quote, seeds) for g in v.statements]
    figures: list[Figure] = [v.figure] if v.figure is not None else list(v.derived_from)
    for fig in figures:
        items.append(_quote(L("html.figure_quote", year=fig.year), fig.source, fig.quote, seeds,
                            f' <span class="doubt">{L("quote.doubt")}: {esc(fig.doubt)}</span>' if fig.doubt else ""))
    notes = []
    if v.superseded_by is not None:
        notes.append(f"{L('html.superseded_by', id=v.superseded_by.source.id)}：<q>{esc(v.superseded_by.quote)}</q>")
    if v.evidence == "derived":
        notes.append(_both(t("html.derived", "zh", range=interval_text(v, "zh")),
                           t("html.derived", "en", range=interval_text(v, "en"))))
    if v.revealed:
        notes.append(L("html.revealed"))
    for key, text in (("quote.note", v.goal.note), ("quote.doubt", v.goal.doubt)):
        if text:
            notes.append(f'<span class="{"doubt" if key == "quote.doubt" else ""}">{L(key)}: {esc(text)}</span>')
    notes_html = "".join(f"<p>{n}</p>" for n in notes)
    return f'<ul class="quotes">{"".join(items)}</ul>{notes_html}<p class="vid">id: <code>{esc(v.id)}</code></p>'


def _doubt_mark(v: Verdict) -> str:
    """A mark on the row when the goal or its figure is in doubt: the text on hover, or on tap (focus)."""
    doubts = [d for d in (v.goal.doubt, v.figure.doubt if v.figure is not None else "") if d]
    if not doubts:
        return ""
    text = " / ".join(doubts)
    return (f'<span class="dmark" tabindex="0" title="{esc(text)}" aria-label="{esc(t("html.doubt_mark", "zh"))}: '
            f'{esc(text)}">⚠<span class="tip">{L("html.doubt_mark")}: {esc(text)}</span></span>')


def _reason(v: Verdict) -> str:
    parts = [_both(label(prefix, value, "zh"), label(prefix, value, "en"))
             for prefix, value in (("reason", v.reason), ("evidence", v.evidence)) if value]
    return "；".join(f'<span class="nw">{part}</span>' for part in parts)


def _goal_rows(verdicts: Sequence[Verdict], identity: LedgerIdentity, seeds: SeedTexts | None) -> str:
    rows = []
    for v in verdicts:
        agency = v.goal.agency
        agency_tag = f'<span class="tag">{esc(identity.short(agency))}</span>' if v.outside else ""
        pct = "" if v.attainment is None else f"{v.attainment * 100:.0f}%"
        sources = "、".join(esc(s.id) for s in v.sources)
        if v.figure is not None and v.figure.source not in v.sources:
            sources += f' <span class="arrow">→</span> {esc(v.figure.source.id)}'
        rows.append(
            f'<tr class="goal" data-year="{v.goal.year}" data-status="{esc(v.status)}" data-agency="{esc(agency)}" '
            f'tabindex="0" aria-expanded="false">'
            f'<td class="n yr">{v.goal.year}</td>'
            f'<td class="metric"><span class="chev" aria-hidden="true">▸</span>'
            f'{_both(metric_label(v, "zh", agency=False), metric_label(v, "en", agency=False))} {agency_tag}'
            f'{_doubt_mark(v)}</td>'
            f'<td class="n tg">{esc(target_text(v))}</td>'
            f'<td class="n ac">{_both(actual_text(v, "zh"), actual_text(v, "en"))}</td>'
            f'<td class="n pc">{pct}</td>'
            f'<td class="st"><span class="badge s-{esc(shown_status(v))}">{_status(v)}</span></td>'
            f'<td class="rs">{_reason(v)}</td><td class="src">{sources}</td></tr>'
            f'<tr class="detail" hidden><td colspan="8">{_detail(v, seeds)}</td></tr>')
    return "".join(rows)


def _options(values: Iterable[tuple[str, str]]) -> str:
    return "".join(f'<option value="{esc(value)}">{esc(label)}</option>' for value, label in values)


def _goals_section(verdicts: Sequence[Verdict], identity: LedgerIdentity, seeds: SeedTexts | None) -> str:
    years = sorted({v.goal.year for v in verdicts})
    agencies = sorted({(v.outside, v.goal.agency) for v in verdicts if v.goal.agency})
    statuses = [s for s in STATUSES if any(v.status == s for v in verdicts)]
    agency_filter = ""
    if len(agencies) > 1:  # one agency (or none named) is no choice to offer
        agency_filter = (f'<label>{L("html.agency")} <select id="f-agency"><option value="">{esc(t("html.all", "zh"))} '
                         f'{esc(t("html.all", "en"))}</option>'
                         f'{_options((a, identity.short(a)) for _, a in agencies)}</select></label>')
    else:
        agency_filter = '<select id="f-agency" hidden><option value=""></option></select>'
    all_label = f'{esc(t("html.all", "zh"))} {esc(t("html.all", "en"))}'
    head = "".join(f'<th class="{cls}">{L(key)}</th>' for cls, key in (
        ("n", "col.year"), ("", "col.metric"), ("n", "col.target"), ("n", "col.actual"), ("n", "col.pct"),
        ("", "col.status"), ("", "html.reason"), ("", "col.sources")))
    return f"""
<section id="goals">
  <h2>{L("html.goals")}</h2>
  <form class="filters" onsubmit="return false">
    <label>{L("col.year")} <select id="f-year"><option value="">{all_label}</option>{_options((str(y), str(y)) for y in years)}</select></label>
    <label>{L("col.status")} <select id="f-status"><option value="">{all_label}</option>{_options((s, f"{t('status.' + s, 'zh')} {t('status.' + s, 'en')}") for s in statuses)}</select></label>
    {agency_filter}
    <label class="grow">{L("html.search")} <input id="f-text" type="search" placeholder="{esc(t("html.search_hint", "zh"))} {esc(t("html.search_hint", "en"))}"></label>
    <button type="button" id="f-reset">{L("html.reset")}</button>
    <button type="button" id="f-expand">{L("html.expand")}</button>
  </form>
  <p class="count">{L("html.showing")} <b id="shown">{len(verdicts)}</b> / {len(verdicts)} {L("html.count_tail")}</p>
  <div class="scroll"><table id="goal-table" class="goals">
    <thead><tr>{head}</tr></thead>
    <tbody>{_goal_rows(verdicts, identity, seeds)}</tbody>
  </table></div>
  <p class="empty" id="none" hidden>{L("html.none")}</p>
</section>"""


# --- findings (from an audit, when one is given) ----------------------------------------------------

def _findings_section(findings: Sequence[Mapping[str, Any]], metric_names: Mapping[str, str]) -> str:
    if not findings:
        return ""
    items = []
    for f in findings:
        metric = str(f.get("metric") or "")
        years = f.get("years") or []
        years_text = "、".join(str(y) for y in years) if isinstance(years, (list, tuple)) else str(years)
        quotes = []
        for q in f.get("quotes") or []:
            if isinstance(q, Mapping):
                where = " · ".join(str(q[k]) for k in ("source", "year") if q.get(k) not in (None, ""))
                quotes.append(f'<li><q>{esc(q.get("quote", ""))}</q>'
                              f'{f"<span class=qs>— {esc(where)}</span>" if where else ""}</li>')
            else:
                quotes.append(f"<li><q>{esc(q)}</q></li>")
        kind = str(f.get("kind", ""))
        note = (f'<p class="fnote">{_both(str(f.get("note_zh") or f["note"]), str(f["note"]))}</p>'
                if f.get("note") else "")
        said = str(f.get("message") or f.get("arithmetic") or "")
        said = _both(str(f.get("arithmetic_zh") or said), said)
        items.append(f'<li class="finding"><span class="tag">{_both(label("kind", kind, "zh"), kind)}</span> '
                     f'<b>{esc(metric_names.get(metric, metric))}</b> <span class="muted">{esc(years_text)}</span>'
                     f'<p>{said}</p>{note}'
                     f'{f"<ul class=quotes>{chr(10).join(quotes)}</ul>" if quotes else ""}</li>')
    return f"""
<section id="findings">
  <h2>{L("html.findings")} <span class="muted">({len(findings)})</span></h2>
  <ul class="findings">{"".join(items)}</ul>
</section>"""


# --- charts -----------------------------------------------------------------------------------------

def nice_ticks(value: float) -> list[float]:
    """Axis ticks from 0 past `value` in round steps (1, 2, 2.5 or 5 times a power of ten), at most 5."""
    if value <= 0:
        return [0.0, 1.0]
    rough = value / 4
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough * 0.999999)
    return [step * i for i in range(math.ceil(value / step - 1e-9) + 1)]


def _label(x: float, y: float, text: str, colour: str, anchor: str = "middle", cls: str = "v") -> str:
    return (f'<text class="{cls}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{colour}">'
            f"{esc(text)}</text>")


def _figure_label(fig: Figure) -> str:
    sign = {"more_than": ">", "at_least": "≥", "about": "≈", "at_most": "≤"}.get(fig.bound, "")
    return sign + format_number(round(fig.value, 2))


def _tooltip(point: YearPoint, unit: str) -> str:
    lines = [f"{point.year}"]
    for fig in point.figures:
        extra = "（预计）" if fig.estimate else ""
        extra += f"（截至{fig.as_of}）" if fig.as_of else ""
        lines.append(f"数据 {_figure_label(fig)} {unit}{extra} — {fig.source.id}")
    for v in point.verdicts:
        lines.append(f"目标 {target_text(v)}：{status_label(v, 'zh')} {status_label(v, 'en')}")
    return "\n".join(lines)


def svg_chart(series: Series, width: int = 340, height: int = 180) -> str:
    """Targets against figures over the years: a bar per figure, a line per target, coloured by status."""
    left, right, top, bottom = 46, 8, 16, 22
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = nice_ticks(series.scale_max() * 1.06)
    top_value = ticks[-1]
    band = plot_w / len(series.points)

    def y_of(value: float) -> float:
        return top + plot_h * (1 - max(0.0, min(value, top_value)) / top_value)

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{esc(series.metric.zh)} {esc(t(f"basis.title.{series.basis}", "zh"))}">']
    for value in ticks:
        y = y_of(value)
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(_label(left - 4, y + 3, format_number(round(value, 2)), "#6b7280", "end", "ax"))
    for i, point in enumerate(series.points):
        mid = left + i * band + band / 2
        parts.append(_label(mid, height - 6, str(point.year), "#4b5563", cls="ax"))
        parts.append(f'<g><title>{esc(_tooltip(point, series.unit))}</title>')
        targets = [(y_of(v.goal.target), v) for v in point.in_force]
        bar_top = None
        if point.shown is not None:
            fig = point.shown
            colour = COLOURS[point.status]
            bar_top = y_of(fig.value)
            bar_w = min(band * 0.56, 34)
            faint = ' fill-opacity="0.4" stroke-dasharray="3 2"' if fig.estimate or fig.partial else ""
            parts.append(f'<rect x="{mid - bar_w / 2:.1f}" y="{bar_top:.1f}" width="{bar_w:.1f}" '
                         f'height="{max(0.0, top + plot_h - bar_top):.1f}" fill="{colour}" stroke="{colour}"{faint}/>')
            # A target just above the bar would sit on the bar's number: then the number goes inside the bar.
            crowded = any(0 < bar_top - y < 13 for y, _ in targets) and top + plot_h - bar_top > 14
            parts.append(_label(mid, bar_top + 11 if crowded else bar_top - 3, _figure_label(fig), "#111827"))
        for y, v in targets:
            colour = COLOURS[v.status]
            half = min(band * 0.45, 26)
            parts.append(f'<line class="target" x1="{mid - half:.1f}" x2="{mid + half:.1f}" y1="{y:.1f}" '
                         f'y2="{y:.1f}" stroke="{colour}"/>')
            # A target inside the bar has its number under the line: the bar's number is above the bar.
            label_y = y + 11 if bar_top is not None and y >= bar_top else y - 4
            parts.append(_label(mid, label_y, "目标" + format_number(v.goal.target), colour, cls="t"))
        parts.append("</g>")
    parts.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}"/>')
    parts.append("</svg>")
    return "".join(parts)


def _chart_card(ms: MetricSeries) -> str:
    counts = Summary.of(ms.as_of_verdicts)
    chips = " ".join(f'<span class="badge s-{s}">{L("status." + s)} {getattr(counts, s)}</span>'
                     for s in ("hit", "miss", "pending") if getattr(counts, s))
    charts = []
    # Targets against actuals: a growth or increase series without a goal would be a chart of nothing
    # to judge; levels stay, as the context of any goal.
    for series in (s for s in ms.series if s.basis == "level" or any(p.verdicts for p in s.points)):
        charts.append(f'<figure><figcaption>{L(f"basis.title.{series.basis}")}（{esc(series.unit)}）</figcaption>'
                      f"{svg_chart(series)}</figure>")
    return (f'<article class="chart-card" id="m-{esc(ms.metric.id)}"><h3>{_both(ms.metric.zh, ms.metric.en)}</h3>'
            f'<div class="muted"><code>{esc(ms.metric.id)}</code></div>'
            f'<div class="chips">{chips}</div>{"".join(charts)}</article>')


def _charts_section(series: Sequence[MetricSeries]) -> str:
    with_goals = [ms for ms in series if ms.has_goal]
    both = sorted((ms for ms in with_goals if ms.has_figure),
                  key=lambda ms: -sum(len(s.years_with_data) for s in ms.series))
    goal_only = [ms for ms in with_goals if not ms.has_figure]
    figure_only = len(series) - len(with_goals)
    legend = (f'<p class="legend"><span class="sw" style="background:{COLOURS["hit"]}"></span>{L("status.hit")} '
              f'<span class="sw" style="background:{COLOURS["miss"]}"></span>{L("status.miss")} '
              f'<span class="sw" style="background:{COLOURS["pending"]}"></span>{L("status.pending")} '
              f'<span class="sw" style="background:{COLOURS[None]}"></span>{L("html.no_goal")} '
              f'<span class="sw faint"></span>{L("html.faint")} '
              f'<span class="tl"></span>{L("col.target")}</p>')
    more = ""
    if goal_only:
        more = (f'<details class="more"><summary>{L("html.more_goal_only", n=len(goal_only))}</summary>'
                f'<div class="grid">{"".join(_chart_card(ms) for ms in goal_only)}</div></details>')
    skipped = f'<p class="note">{L("html.figure_only", n=figure_only)}</p>' if figure_only else ""
    return f"""
<section id="charts">
  <h2>{L("html.charts")}</h2>
  {legend}
  <div class="grid">{"".join(_chart_card(ms) for ms in both)}</div>
  {more}
  {skipped}
</section>"""


# --- sources, page ----------------------------------------------------------------------------------

def _sources_section(sources: Sequence[Source], as_of: date) -> str:
    rows = []
    for s in sorted(sources, key=lambda s: s.published):
        published = s.published.isoformat() + (f"（{L('html.approx')}）" if s.published_approx else "")
        later = f' <span class="muted">（{L("html.not_yet")}）</span>' if s.published > as_of else ""
        links = _links(s)
        rows.append(f"<tr><td class=nw>{published}</td><td>{esc(s.title)}{later}</td><td><code>{esc(s.id)}</code></td>"
                    f"<td><code>{esc(s.file)}</code>{'<br>' + links if links else ''}</td></tr>")
    return f"""
<section id="sources">
  <h2>{L("html.sources")}</h2>
  <div class="scroll"><table class="sources"><thead><tr><th>{L("html.published")}</th><th>{L("html.report")}</th><th>id</th>
  <th>{L("html.seed")}</th></tr></thead>
  <tbody>{"".join(rows)}</tbody></table></div>
</section>"""


# size: the page's parts, each optional with its default
def render_html(verdicts: Sequence[Verdict], series: Sequence[MetricSeries], sources: Sequence[Source],
                as_of: date, findings: Sequence[Mapping[str, Any]] | None = None,
                identity: LedgerIdentity = NEUTRAL, seeds: SeedTexts | None = None, lang: str = "zh") -> str:
    """The report page of the ledger `identity` names, in `lang` first (a switch in the page shows the
    other language). `findings` (dicts with kind, metric, years, message or arithmetic, note, quotes,
    as sykj_track.analysis.audit.finding_record gives them) adds a section; `seeds` lets each quote be shown
    inside its paragraph of the report, with its file:line."""
    metric_names = {ms.metric.id: ms.metric.zh for ms in series}
    metric_names |= {v.metric.id: v.metric.zh for v in verdicts}
    nav = [("summary", "html.summary"), ("goals", "html.goals"), ("charts", "html.charts"), ("sources", "html.sources")]
    if findings:
        nav.insert(1, ("findings", "html.findings"))
    nav_html = " · ".join(f'<a href="#{key}">{L(label_key)}</a>' for key, label_key in nav)
    counted = sum(s.published <= as_of for s in sources)
    who = identity.who
    lang = "en" if lang == "en" else "zh"
    return f"""<!doctype html>
<html lang="{'zh-CN' if lang == 'zh' else 'en'}" data-lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(who + ' ' if who else '')}目标与完成情况（截至{as_of}）· sykj-track</title>
<link rel="icon" href="data:,">
<style>{CSS}</style>
</head>
<body>
<header>
  <button type="button" id="lang" class="lang" aria-label="中文 / English">{L("html.lang_switch")}</button>
  <h1>{esc(who + '：' if who else '')}{L("html.title")}</h1>
  <p class="sub">{L("html.sub", date=as_of, n=counted, goals=len(verdicts))}</p>
  <nav>{nav_html}</nav>
</header>
<main>
{_summary_section(verdicts)}
{_findings_section(findings or (), metric_names)}
{_goals_section(verdicts, identity, seeds)}
{_charts_section(series)}
{_sources_section(sources, as_of)}
</main>
<footer>{L("html.footer", date=as_of)}</footer>
<script>{SCRIPT}</script>
</body>
</html>
"""


CSS = """
:root { --ink:#1f2933; --muted:#6b7280; --line:#e5e7eb; --bg:#f7f7f5; --hit:#1a7f37; --miss:#c62828;
  --pending:#b7791f; --superseded:#8a8f98; --accent:#1d4ed8; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink); font-size:14px; line-height:1.55;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "WenQuanYi Micro Hei", -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 28px; }
h1 { font-size: 26px; margin: 0 0 6px; letter-spacing: .02em; }
h2 { font-size: 19px; margin: 34px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 0; }
.sub { color: var(--muted); margin: 0 0 10px; max-width: 60em; }
nav a { color: var(--accent); text-decoration: none; } nav a:hover { text-decoration: underline; }
.en { color: var(--muted); font-size: .86em; font-weight: normal; }
.muted { color: var(--muted); }
.note { color: var(--muted); font-size: 12.5px; }
code { font-family: "Noto Sans Mono CJK SC", ui-monospace, Menlo, Consolas, monospace; font-size: .9em; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 16px; }
.card { background: #fff; border: 1px solid var(--line); border-top: 4px solid var(--muted); border-radius: 6px;
  padding: 10px 18px; min-width: 120px; }
.card .num { font-size: 28px; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; }
.card.s-hit { border-top-color: var(--hit); } .card.s-hit .num { color: var(--hit); }
.card.s-miss { border-top-color: var(--miss); } .card.s-miss .num { color: var(--miss); }
.card.s-pending { border-top-color: var(--pending); } .card.s-pending .num { color: var(--pending); }
.card.s-superseded { border-top-color: var(--superseded); } .card.rate { border-top-color: var(--accent); }
table { border-collapse: collapse; background: #fff; width: 100%; }
th, td { padding: 6px 9px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: #eef0f3; font-size: 13px; white-space: nowrap; position: sticky; top: 0; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.years { width: auto; min-width: 640px; } table.years td.bar { width: 260px; vertical-align: middle; }
.c-hit { color: var(--hit); font-weight: 600; } .c-miss { color: var(--miss); font-weight: 600; }
.c-pending { color: var(--pending); } .c-superseded { color: var(--superseded); }
.stack { display: flex; height: 12px; border-radius: 3px; overflow: hidden; background: var(--line); }
.seg.s-hit { background: var(--hit); } .seg.s-miss { background: var(--miss); }
.seg.s-pending { background: var(--pending); opacity: .75; } .seg.s-superseded { background: var(--superseded); }
.filters { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: center; background: #fff;
  border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.filters label { font-size: 13px; color: var(--muted); display: flex; gap: 6px; align-items: center; }
.filters .grow { flex: 1; min-width: 220px; } .filters .grow input { flex: 1; }
select, input, button { font: inherit; font-size: 13px; padding: 4px 8px; border: 1px solid #cbd0d6;
  border-radius: 4px; background: #fff; color: var(--ink); }
button { cursor: pointer; } button:hover { background: #eef0f3; }
.count { margin: 8px 0; font-size: 13px; color: var(--muted); } .count b { color: var(--ink); }
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
table.years .k { display: none; }
table.goals tr.goal { cursor: pointer; }
table.goals tr.goal:hover, table.goals tr.goal:focus { background: #f3f6fb; outline: none; }
table.goals tr.goal td { border-bottom-color: #eef0f3; }
table.goals tr[aria-expanded="true"] .chev { transform: rotate(90deg); }
.chev { display: inline-block; width: 1em; color: var(--muted); transition: transform .15s; }
td .en { margin-left: 1em; } .nw { white-space: nowrap; } .nw .en { margin-left: .3em; }
td.src { font-size: 12px; color: var(--muted); max-width: 15em; } .arrow { color: var(--ink); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12.5px; font-weight: 600;
  white-space: nowrap; }
.badge .en { color: inherit; opacity: .8; margin: 0; }
.badge.s-hit { background: #e3f4e8; color: var(--hit); } .badge.s-miss { background: #fde8e8; color: var(--miss); }
.badge.s-pending { background: #fdf3dc; color: #8a5a00; } .badge.s-unreported { background: #f6e3f3; color: #8a1f78; }
.c-unreported { color: #8a1f78; } .card.s-unreported { border-top-color: #8a1f78; } .card.s-unreported .num { color: #8a1f78; } .badge.s-superseded { background: #eceef1; color: #555b63; }
.tag { display: inline-block; font-size: 11.5px; padding: 0 6px; border-radius: 3px; background: #e8edf7;
  color: #334e8c; white-space: nowrap; }
tr.detail td { background: #fafbfc; font-size: 13px; padding-top: 2px; }
ul.quotes { margin: 4px 0; padding-left: 1.2em; } ul.quotes li { margin: 3px 0; }
q { quotes: "「" "」"; color: #111827; }
.ql { display: inline-block; min-width: 7.5em; color: var(--muted); font-size: 12px; }
.qs { color: var(--muted); font-size: 12px; margin-left: .5em; }
.doubt { color: #8a5a00; } .vid { color: var(--muted); font-size: 12px; margin: 2px 0 4px; }
.empty { padding: 12px; color: var(--muted); }
.findings { list-style: none; padding: 0; } .finding { background: #fff; border: 1px solid var(--line);
  border-left: 4px solid var(--miss); border-radius: 4px; padding: 8px 12px; margin-bottom: 8px; }
.finding p { margin: 4px 0; }
.legend { font-size: 13px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; }
.sw { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: -8px; vertical-align: -1px; }
.sw.faint { background: #5b7db166; border: 1px dashed #5b7db1; }
.tl { display: inline-block; width: 18px; border-top: 3px solid var(--ink); margin-right: -8px; vertical-align: middle; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 14px; }
.chart-card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; }
.chart-card .en { margin: 0; } .chips { margin: 6px 0 2px; display: flex; gap: 6px; }
figure { margin: 8px 0 0; } figcaption { font-size: 12px; color: var(--muted); }
svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }
svg .grid { stroke: #eef0f3; } svg .axis { stroke: #9ca3af; }
svg .target { stroke-width: 3; stroke-linecap: round; }
svg text { font-size: 10px; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg text.ax { font-size: 9.5px; stroke: none; } svg text.t { font-weight: 700; font-size: 9.5px; }
details.more { margin-top: 16px; } details.more summary { cursor: pointer; color: var(--accent); margin-bottom: 12px; }
table.sources td { font-size: 13px; }
footer { color: var(--muted); font-size: 12px; padding-top: 24px; padding-bottom: 40px; }
@media print { .filters, nav, .lang { display: none; } tr.detail[hidden] { display: table-row; } details.more { display: block; } }
/* one language at a time: the switch sets html[data-lang] */
html[data-lang="zh"] .en, html[data-lang="en"] .zh { display: none !important; }
html[data-lang="en"] .en { color: inherit; font-size: inherit; margin: 0; }
.lang { float: right; margin-top: 2px; }
blockquote.para { margin: 4px 0 2px; padding: 6px 10px; background: #fff; border-left: 3px solid #cbd0d6;
  color: #374151; font-size: 13px; line-height: 1.7; overflow-wrap: anywhere; }
mark { background: #fff1a8; color: #111827; padding: 0 1px; }
.dmark { color: #8a5a00; margin-left: .4em; cursor: help; position: relative; outline: none; }
.dmark .tip { display: none; position: absolute; left: 0; top: 1.6em; z-index: 5; width: 18em; max-width: 70vw;
  background: #fffbea; border: 1px solid #e5c76b; border-radius: 4px; padding: 6px 8px; color: var(--ink);
  font-size: 12.5px; font-weight: normal; white-space: normal; }
.dmark:hover .tip, .dmark:focus .tip { display: block; }
.fnote { color: #374151; font-size: 13px; background: #f5f7fa; padding: 4px 8px; border-radius: 4px; }
code { overflow-wrap: anywhere; }
@media (max-width: 640px) {
  header, main, footer { padding: 0 10px; } header { padding-top: 14px; } h1 { font-size: 20px; }
  .grid { grid-template-columns: 1fr; } .card { min-width: 0; flex: 1 1 40%; padding: 8px 10px; }
  /* the summary by year, stacked: one block per year, its bar beside it, each number under its label */
  table.years, table.years tbody { display: block; min-width: 0; } table.years thead { display: none; }
  table.years tr { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 2px 8px;
    padding: 8px 6px; border-top: 1px solid var(--line); }
  table.years th[scope="row"] { grid-column: 1; text-align: left; padding: 0; border: 0; font-size: 15px; }
  table.years td.bar { grid-row: 1; grid-column: 2 / -1; width: auto; min-width: 0; padding: 0; border: 0; }
  table.years td.n { display: block; text-align: left; padding: 0; border: 0; font-size: 14px; }
  table.years .k { display: block; font-size: 11px; color: var(--muted); white-space: normal; }
  .scroll { border: 0; }
  table.goals thead { display: none; }
  table.goals, table.goals tbody { display: block; }
  table.goals tr.goal { display: grid; grid-template-columns: auto 1fr auto; gap: 2px 8px; padding: 8px 6px;
    border-top: 1px solid var(--line); }
  table.goals tr.goal td { display: block; border: 0; padding: 0; text-align: left; white-space: normal; }
  table.goals td.yr { grid-row: 1; grid-column: 1; } table.goals td.metric { grid-row: 1; grid-column: 2; }
  table.goals td.st { grid-row: 1; grid-column: 3; }
  table.goals td.tg, table.goals td.ac, table.goals td.pc { grid-row: 2; }
  table.goals td.tg { grid-column: 1 / 2; } table.goals td.ac { grid-column: 2; } table.goals td.pc { grid-column: 3; }
  table.goals td.rs, table.goals td.src { grid-column: 1 / -1; font-size: 12px; max-width: none; }
  table.goals tr.detail { display: block; } table.goals tr.detail[hidden] { display: none; }
  table.goals tr.detail td { display: block; padding: 4px 6px 10px; }
  table.sources thead { display: none; } table.sources tr { display: block; border-top: 1px solid var(--line); }
  table.sources td { display: block; border: 0; padding: 2px 6px; }
  .filters .grow { min-width: 0; flex-basis: 100%; } .ql { min-width: 0; }
  td .en { margin-left: 0; }
}
"""

SCRIPT = """
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('#goal-table tr.goal'));
  var year = document.getElementById('f-year'), status = document.getElementById('f-status'),
      agency = document.getElementById('f-agency'), text = document.getElementById('f-text'),
      shown = document.getElementById('shown'), none = document.getElementById('none'),
      root = document.documentElement;
  document.getElementById('lang').addEventListener('click', function () {
    var lang = root.getAttribute('data-lang') === 'zh' ? 'en' : 'zh';
    root.setAttribute('data-lang', lang);
    root.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
  });
  var haystack = rows.map(function (r) {
    return (r.textContent + ' ' + r.nextElementSibling.textContent).toLowerCase();
  });
  function setOpen(row, open) {
    row.setAttribute('aria-expanded', open ? 'true' : 'false');
    row.nextElementSibling.hidden = !open || row.hidden;
  }
  function apply() {
    var y = year.value, s = status.value, a = agency.value, q = text.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (r, i) {
      var ok = (!y || r.dataset.year === y) && (!s || r.dataset.status === s) &&
               (!a || r.dataset.agency === a) && (!q || haystack[i].indexOf(q) !== -1);
      r.hidden = !ok;
      setOpen(r, r.getAttribute('aria-expanded') === 'true');
      if (ok) { n += 1; }
    });
    shown.textContent = String(n);
    none.hidden = n !== 0;
  }
  rows.forEach(function (r) {
    r.addEventListener('click', function () { setOpen(r, r.getAttribute('aria-expanded') !== 'true'); });
    r.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); r.click(); }
    });
  });
  [year, status, agency].forEach(function (el) { el.addEventListener('change', apply); });
  text.addEventListener('input', apply);
  document.getElementById('f-reset').addEventListener('click', function () {
    year.value = ''; status.value = ''; agency.value = ''; text.value = '';
    rows.forEach(function (r) { r.setAttribute('aria-expanded', 'false'); });
    apply();
  });
  document.getElementById('f-expand').addEventListener('click', function () {
    var open = rows.some(function (r) { return !r.hidden && r.getAttribute('aria-expanded') !== 'true'; });
    rows.forEach(function (r) { if (!r.hidden) { setOpen(r, open); } });
    this.innerHTML = open ? '<span class="zh">收起全部</span><span class="en">collapse all</span>'
                         : '<span class="zh">展开全部</span><span class="en">expand all</span>';
  });
  Array.prototype.slice.call(document.querySelectorAll('.dmark')).forEach(function (m) {
    m.addEventListener('click', function (e) { e.stopPropagation(); m.focus(); });
  });
  apply();
}());
"""
