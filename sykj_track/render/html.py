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

from ..identity import NEUTRAL, LedgerIdentity
from ..model import Figure, Source, Summary, Verdict
from ..quantity import format_number
from ..i18n import t
from .labels import actual_text, interval_text, metric_label, shown_status, status_label, target_text
from ..series import MetricSeries, Series, YearPoint
from ..textsafe import html_text, safe_url

STATUS_ZH = {"hit": "达成", "miss": "未达成", "pending": "待定", "superseded": "已修订"}
REASON_ZH = {"not-due": "未到期", "no-figure": "逾期未报", "partial": "仅部分年度", "inconclusive": "无法判定",
             "revised": "目标已修订"}
EVIDENCE_ZH = {"final": "正式数据", "estimate": "预计数", "partial": "部分年度数据", "derived": "由两年数据推算"}
COLOURS = {"hit": "#1a7f37", "miss": "#c62828", "pending": "#b7791f", "superseded": "#8a8f98", None: "#5b7db1"}


def esc(text: Any) -> str:
    """Text as HTML, quotes included, so it is safe in element content and in attribute values."""
    return html_text(text)


# --- summary ----------------------------------------------------------------------------------------

def _rate(summary: Summary) -> str:
    rate = summary.hit_rate
    return "—" if rate is None else f"{rate * 100:.0f}%"


def _stack_bar(summary: Summary) -> str:
    total = summary.hit + summary.miss + summary.pending + summary.superseded
    if not total:
        return ""
    parts = []
    for status in ("hit", "miss", "pending", "superseded"):
        count = getattr(summary, status)
        if count:
            parts.append(f'<span class="seg s-{status}" style="width:{count / total * 100:.2f}%" '
                         f'title="{esc(STATUS_ZH[status])} {status}: {count}"></span>')
    return f'<div class="stack">{"".join(parts)}</div>'


def _summary_section(verdicts: Sequence[Verdict]) -> str:
    total = Summary.of(verdicts)
    cards = "".join(
        f'<div class="card s-{status}"><div class="num">{getattr(total, status)}</div>'
        f'<div class="lbl">{STATUS_ZH[status]} <span class="en">{status}</span></div></div>'
        for status in ("hit", "miss", "pending", "superseded"))
    cards += (f'<div class="card s-unreported"><div class="num">{total.unreported}</div>'
              f'<div class="lbl">{t("status.unreported", "zh")} <span class="en">unreported</span></div></div>')
    left_out = (f'<div class="en">不含{total.revealed}项事后披露的目标 · {total.revealed} revealed goal(s) left out</div>'
                if total.revealed else "")
    cards += (f'<div class="card rate"><div class="num">{_rate(total)}</div>'
              f'<div class="lbl">达成率 <span class="en">hit rate</span>{left_out}</div></div>')
    years: dict[int, list[Verdict]] = {}
    for v in verdicts:
        years.setdefault(v.goal.year, []).append(v)
    rows = []
    for year, group in sorted(years.items()):
        s = Summary.of(group)
        rows.append(f'<tr><th scope="row">{year}</th><td class="n">{len(group)}</td>'
                    f'<td class="n c-hit">{s.hit}</td><td class="n c-miss">{s.miss}</td>'
                    f'<td class="n c-pending">{s.pending}</td><td class="n c-unreported">{s.unreported}</td>'
                    f'<td class="n c-superseded">{s.superseded}</td>'
                    f'<td class="n">{_rate(s)}</td><td class="bar">{_stack_bar(s)}</td></tr>')
    return f"""
<section id="summary">
  <h2>概览 <span class="en">Summary</span></h2>
  <div class="cards">{cards}</div>
  <table class="years">
    <thead><tr><th>目标年份</th><th class="n">目标数</th><th class="n">达成</th><th class="n">未达成</th>
      <th class="n">待定</th><th class="n">其中逾期未报</th><th class="n">已修订</th><th class="n">达成率</th><th></th></tr></thead>
    <tbody>{"".join(rows)}</tbody>
  </table>
  <p class="note">达成率 = 达成 ÷ (达成 + 未达成)：只算已有结论、且由计划提出的目标；事后才披露的目标（“超额完成…目标”）不计入。
  待定的目标或未到期，或逾期未报（年份已过，尚无报告给出当年数据）。
  Hit rate counts decided goals a plan stated; goals revealed only afterwards are left out.</p>
</section>"""


# --- the goals table --------------------------------------------------------------------------------

def _links(source: Source) -> str:
    """Links to where the report was published and to its archived copy, when recorded (the loader
    admits http(s) addresses only)."""
    links = [f'<a href="{esc(url)}" rel="noopener noreferrer">{label}</a>'
             for url, label in ((source.url, "原文链接 link"), (source.archive_url, "存档 archive")) if safe_url(url)]
    return " ".join(links)


def _quote(label: str, source: Source, quote: str, extra: str = "") -> str:
    published = source.published.isoformat() + ("（约）" if source.published_approx else "")
    links = _links(source)
    return (f'<li><span class="ql">{esc(label)}</span> <q>{esc(quote)}</q>'
            f'<span class="qs">— {esc(source.title)}（{esc(source.id)}，{esc(published)}，'
            f'<code>{esc(source.file)}</code>{"，" + links if links else ""}）{extra}</span></li>')


def _detail(v: Verdict) -> str:
    items = [_quote("目标 goal", g.source, g.quote) for g in v.statements]
    figures: list[Figure] = [v.figure] if v.figure is not None else list(v.derived_from)
    for fig in figures:
        label = f"{fig.year}年数据 figure"
        items.append(_quote(label, fig.source, fig.quote,
                            f' <span class="doubt">存疑 doubt: {esc(fig.doubt)}</span>' if fig.doubt else ""))
    notes = []
    if v.superseded_by is not None:
        notes.append(f"被后来的报告修订 superseded by {esc(v.superseded_by.source.id)}："
                     f"<q>{esc(v.superseded_by.quote)}</q>")
    if v.evidence == "derived":
        notes.append(f"由上面的数据推算 derived from the figures above: {esc(interval_text(v))}")
    if v.revealed:
        notes.append("事后披露的目标，不计入达成率 (revealed afterwards: left out of the hit rate)")
    for label, text in (("说明 note", v.goal.note), ("存疑 doubt", v.goal.doubt)):
        if text:
            notes.append(f"{label}: {esc(text)}")
    notes_html = "".join(f"<p>{n}</p>" for n in notes)
    return f'<ul class="quotes">{"".join(items)}</ul>{notes_html}<p class="vid">id: <code>{esc(v.id)}</code></p>'


def _reason(v: Verdict) -> str:
    parts = []
    if v.reason:
        parts.append(f'<span class="nw">{esc(REASON_ZH.get(v.reason, v.reason))} '
                     f'<span class="en">{esc(v.reason)}</span></span>')
    if v.evidence:
        parts.append(f'<span class="nw">{esc(EVIDENCE_ZH.get(v.evidence, v.evidence))} '
                     f'<span class="en">{esc(v.evidence)}</span></span>')
    return "；".join(parts)


def _goal_rows(verdicts: Sequence[Verdict], identity: LedgerIdentity) -> str:
    rows = []
    for v in verdicts:
        name = metric_label(v, "zh", agency=False)
        agency = v.goal.agency
        agency_tag = f'<span class="tag">{esc(identity.short(agency))}</span>' if v.outside else ""
        pct = "" if v.attainment is None else f"{v.attainment * 100:.0f}%"
        sources = "、".join(esc(s.id) for s in v.sources)
        if v.figure is not None and v.figure.source not in v.sources:
            sources += f' <span class="arrow">→</span> {esc(v.figure.source.id)}'
        rows.append(
            f'<tr class="goal" data-year="{v.goal.year}" data-status="{esc(v.status)}" data-agency="{esc(agency)}" '
            f'tabindex="0" aria-expanded="false">'
            f'<td class="n">{v.goal.year}</td>'
            f'<td><span class="chev" aria-hidden="true">▸</span>{esc(name)} {agency_tag}'
            f'<div class="en">{esc(v.metric.en)}</div></td>'
            f'<td class="n">{esc(target_text(v))}</td><td class="n">{esc(actual_text(v, "zh"))}</td>'
            f'<td class="n">{pct}</td>'
            f'<td><span class="badge s-{esc(shown_status(v))}">{esc(status_label(v, "zh"))} '
            f'<span class="en">{esc(status_label(v, "en"))}</span></span></td><td>{_reason(v)}</td><td class="src">{sources}</td></tr>'
            f'<tr class="detail" hidden><td></td><td colspan="7">{_detail(v)}</td></tr>')
    return "".join(rows)


def _options(values: Iterable[tuple[str, str]]) -> str:
    return "".join(f'<option value="{esc(value)}">{esc(label)}</option>' for value, label in values)


def _goals_section(verdicts: Sequence[Verdict], identity: LedgerIdentity) -> str:
    years = sorted({v.goal.year for v in verdicts})
    agencies = sorted({(v.outside, v.goal.agency) for v in verdicts})
    statuses = [s for s in ("hit", "miss", "pending", "superseded") if any(v.status == s for v in verdicts)]
    return f"""
<section id="goals">
  <h2>目标明细 <span class="en">Every goal</span></h2>
  <form class="filters" onsubmit="return false">
    <label>年份 <select id="f-year"><option value="">全部 all</option>{_options((str(y), str(y)) for y in years)}</select></label>
    <label>状态 <select id="f-status"><option value="">全部 all</option>{_options((s, f"{STATUS_ZH[s]} {s}") for s in statuses)}</select></label>
    <label>部门 <select id="f-agency"><option value="">全部 all</option>{_options((a, identity.short(a)) for _, a in agencies)}</select></label>
    <label class="grow">搜索 <input id="f-text" type="search" placeholder="指标、引文、报告… metric, quote, report"></label>
    <button type="button" id="f-reset">重置 reset</button>
    <button type="button" id="f-expand">展开全部 expand all</button>
  </form>
  <p class="count">显示 <b id="shown">{len(verdicts)}</b> / {len(verdicts)} 个目标 · 点击一行查看原文引文与来源
  <span class="en">click a row for its quotes and sources</span></p>
  <div class="scroll"><table id="goal-table" class="goals">
    <thead><tr><th class="n">年份</th><th>指标 <span class="en">metric</span></th><th class="n">目标 <span class="en">target</span></th>
      <th class="n">实际 <span class="en">actual</span></th><th class="n">完成率</th><th>状态 <span class="en">status</span></th>
      <th>原因 / 依据</th><th>来源 <span class="en">sources</span></th></tr></thead>
    <tbody>{_goal_rows(verdicts, identity)}</tbody>
  </table></div>
  <p class="empty" id="none" hidden>没有符合条件的目标 — no goal matches these filters.</p>
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
        items.append(f'<li class="finding"><span class="tag">{esc(f.get("kind", ""))}</span> '
                     f'<b>{esc(metric_names.get(metric, metric))}</b> <span class="muted">{esc(years_text)}</span>'
                     f'<p>{esc(f.get("message") or f.get("arithmetic") or "")}</p>'
                     f'{f"<ul class=quotes>{chr(10).join(quotes)}</ul>" if quotes else ""}</li>')
    return f"""
<section id="findings">
  <h2>审计发现 <span class="en">Audit findings</span> <span class="muted">({len(findings)})</span></h2>
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
    chips = " ".join(f'<span class="badge s-{s}">{STATUS_ZH[s]} {getattr(counts, s)}</span>'
                     for s in ("hit", "miss", "pending") if getattr(counts, s))
    charts = []
    # Targets against actuals: a growth or increase series without a goal would be a chart of nothing
    # to judge; levels stay, as the context of any goal.
    for series in (s for s in ms.series if s.basis == "level" or any(p.verdicts for p in s.points)):
        charts.append(f'<figure><figcaption>{esc(t(f"basis.title.{series.basis}", "zh"))}（{esc(series.unit)}）</figcaption>'
                      f"{svg_chart(series)}</figure>")
    return (f'<article class="chart-card" id="m-{esc(ms.metric.id)}"><h3>{esc(ms.metric.zh)}</h3>'
            f'<div class="en">{esc(ms.metric.en)} · <code>{esc(ms.metric.id)}</code></div>'
            f'<div class="chips">{chips}</div>{"".join(charts)}</article>')


def _charts_section(series: Sequence[MetricSeries]) -> str:
    with_goals = [ms for ms in series if ms.has_goal]
    both = sorted((ms for ms in with_goals if ms.has_figure),
                  key=lambda ms: -sum(len(s.years_with_data) for s in ms.series))
    goal_only = [ms for ms in with_goals if not ms.has_figure]
    figure_only = len(series) - len(with_goals)
    legend = (f'<p class="legend"><span class="sw" style="background:{COLOURS["hit"]}"></span>达成 hit '
              f'<span class="sw" style="background:{COLOURS["miss"]}"></span>未达成 miss '
              f'<span class="sw" style="background:{COLOURS["pending"]}"></span>待定 pending '
              f'<span class="sw" style="background:{COLOURS[None]}"></span>当年无目标 no goal '
              f'<span class="sw faint"></span>预计或部分年度 estimate / part of the year '
              f'<span class="tl"></span>目标 target</p>')
    more = ""
    if goal_only:
        more = (f'<details class="more"><summary>另有 {len(goal_only)} 项指标只有目标、尚无数据'
                f' <span class="en">{len(goal_only)} more metrics with goals but no figure yet</span></summary>'
                f'<div class="grid">{"".join(_chart_card(ms) for ms in goal_only)}</div></details>')
    skipped = (f'<p class="note">{figure_only} 项指标只有数据、没有目标，不在此绘制；'
               f'<code>sykj-track show 指标</code> 可绘制任一指标。</p>' if figure_only else "")
    return f"""
<section id="charts">
  <h2>图表 <span class="en">Targets vs. actuals</span></h2>
  {legend}
  <div class="grid">{"".join(_chart_card(ms) for ms in both)}</div>
  {more}
  {skipped}
</section>"""


# --- sources, page ----------------------------------------------------------------------------------

def _sources_section(sources: Sequence[Source], as_of: date) -> str:
    rows = []
    for s in sorted(sources, key=lambda s: s.published):
        published = s.published.isoformat() + ("（约）" if s.published_approx else "")
        later = ' <span class="muted">（晚于截止日期，未计入 not yet published）</span>' if s.published > as_of else ""
        links = _links(s)
        rows.append(f"<tr><td>{esc(published)}</td><td>{esc(s.title)}{later}</td><td><code>{esc(s.id)}</code></td>"
                    f"<td><code>{esc(s.file)}</code>{'<br>' + links if links else ''}</td></tr>")
    return f"""
<section id="sources">
  <h2>来源 <span class="en">Sources</span></h2>
  <table class="sources"><thead><tr><th>发布</th><th>报告</th><th>id</th><th>原文</th></tr></thead>
  <tbody>{"".join(rows)}</tbody></table>
</section>"""


def render_html(verdicts: Sequence[Verdict], series: Sequence[MetricSeries], sources: Sequence[Source],
                as_of: date, findings: Sequence[Mapping[str, Any]] | None = None,
                identity: LedgerIdentity = NEUTRAL) -> str:
    """The report page of the ledger `identity` names. `findings` (dicts with kind, metric, years, message or arithmetic, quotes, as
    sykj_track.audit.finding_record gives them) adds a section."""
    metric_names = {ms.metric.id: ms.metric.zh for ms in series}
    metric_names |= {v.metric.id: v.metric.zh for v in verdicts}
    nav = [("summary", "概览"), ("goals", "目标明细"), ("charts", "图表"), ("sources", "来源")]
    if findings:
        nav.insert(1, ("findings", "审计发现"))
    nav_html = " · ".join(f'<a href="#{key}">{label}</a>' for key, label in nav)
    counted = sum(s.published <= as_of for s in sources)
    return f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(identity.who + ' ' if identity.who else '')}目标与完成情况（截至{as_of}）· sykj-track</title>
<link rel="icon" href="data:,">
<style>{CSS}</style>
</head>
<body>
<header>
  <h1>{esc(identity.who + '：' if identity.who else '')}说过的目标，做到了吗？</h1>
  <p class="sub">Goals stated in the reports, against the figures later reports give. 截至 <b>{as_of}</b>，依据 {counted} 份已发布报告，共 {len(verdicts)} 个目标。</p>
  <nav>{nav_html}</nav>
</header>
<main>
{_summary_section(verdicts)}
{_findings_section(findings or (), metric_names)}
{_goals_section(verdicts, identity)}
{_charts_section(series)}
{_sources_section(sources, as_of)}
</main>
<footer>由 <code>sykj-track report --html --as-of {as_of}</code> 生成。每个结论都附有报告原文；判定规则见项目 README。
Generated by sykj-track; every verdict carries the report's own words.</footer>
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
@media print { .filters, nav { display: none; } tr.detail[hidden] { display: table-row; } details.more { display: block; } }
"""

SCRIPT = """
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('#goal-table tr.goal'));
  var year = document.getElementById('f-year'), status = document.getElementById('f-status'),
      agency = document.getElementById('f-agency'), text = document.getElementById('f-text'),
      shown = document.getElementById('shown'), none = document.getElementById('none');
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
    this.textContent = open ? '收起全部 collapse all' : '展开全部 expand all';
  });
  apply();
}());
"""
