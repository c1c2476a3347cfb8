"""The words and signs every view uses for a verdict, in the reader's language (from sykj_track.i18n):
the status a reader sees, the basis of a goal, a target, an actual figure, a reason. The terminal
tables, show, CSV labels and the HTML page all take them from here, so they cannot drift apart.
"""

from __future__ import annotations

from ..i18n import label, t
from ..model import Verdict
from ..quantity import format_number

OP_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}
BOUND_SIGNS = {"exact": "", "more_than": ">", "at_least": "≥", "about": "≈", "at_most": "≤"}
STATUS_STYLE = {"hit": "bold green", "miss": "bold red", "pending": "yellow", "unreported": "magenta",
                "superseded": "dim"}


def shown_status(v: Verdict) -> str:
    """The status a reader sees: the verdict's, or "unreported" for an overdue goal with no figure
    (the JSON status stays hit / miss / pending / superseded)."""
    return "unreported" if v.unreported else v.status


def status_label(v: Verdict, lang: str = "en") -> str:
    """"hit", "pending · unreported" (zh 逾期未报), ..."""
    return t(f"status.{shown_status(v)}", lang)


def basis_label(basis: str, lang: str) -> str:
    """"" for a level, 增速 / growth, 新增 / increase."""
    return t(f"basis.{basis}", lang)


def metric_label(v: Verdict, lang: str, agency: bool = True) -> str:
    """The metric's name in `lang`, its basis in brackets, the agency when not the ledger's own."""
    name = v.metric.name(lang)
    basis = basis_label(v.goal.basis, lang)
    if basis:
        name += f"（{basis}）" if lang == "zh" else f" ({basis})"
    if v.revealed:  # known only because a report says it was met: left out of the hit rate
        name += f"（{t('label.revealed', lang)}）" if lang == "zh" else f" ({t('label.revealed', lang)})"
    if agency and v.outside:
        name += f" [{v.goal.agency}]"
    return name


def target_text(v: Verdict) -> str:
    """"≥ 4500 家", "3–5 家", "> 10 %"."""
    goal = v.goal
    if goal.op == "between":
        return f"{format_number(goal.target)}–{format_number(goal.target_max or 0)} {goal.unit}"
    return f"{OP_SIGNS[goal.op]} {format_number(goal.target)} {goal.unit}"


def actual_text(v: Verdict, lang: str) -> str:
    """"> 400 亿元", "≈ 5902 家 (预计)", "394.28 亿元 (截至2022-12-22)"."""
    if v.actual is None:
        return "—"
    text = f"{BOUND_SIGNS.get(v.actual_bound or 'exact', '')}{format_number(round(v.actual, 2))} {v.goal.unit}"
    if v.actual_estimate:
        text += f" ({t('figure.estimate', lang)})"
    if v.figure is not None and v.figure.as_of is not None:
        text += f" ({t('figure.to', lang, date=v.figure.as_of)})"
    return text


def reason_text(v: Verdict, lang: str = "en") -> str:
    """The reason a goal is pending, and the evidence a verdict rests on, in `lang`."""
    parts = [label(prefix, value, lang) for prefix, value in (("reason", v.reason), ("evidence", v.evidence))
             if value]
    return t("sep.clause", lang).join(parts)


def interval_text(v: Verdict, lang: str = "en") -> str:
    """A derived value's range for people: "1506.61–1520 个", "≥ 12 % … unbounded"."""
    if v.actual_interval is None:
        return ""
    lo, hi = v.actual_interval
    unit = f" {v.goal.unit}"
    if lo == float("-inf") and hi == float("inf"):
        return t("interval.any", lang)
    if hi == float("inf"):
        return f"≥ {format_number(round(lo, 2))}{unit} … {t('interval.unbounded', lang)}"
    if lo == float("-inf"):
        return f"{t('interval.no_floor', lang)} … ≤ {format_number(round(hi, 2))}{unit}"
    if lo == hi:
        return f"{format_number(round(lo, 2))}{unit}"
    return f"{format_number(round(lo, 2))}–{format_number(round(hi, 2))}{unit}"


def sources_text(v: Verdict) -> str:
    """The reports stating the goal, and "→ report" giving the figure when it is another one."""
    ids = [s.id for s in v.sources]
    text = ", ".join(ids)
    if v.figure is not None and v.figure.source.id not in ids:
        text += f" → {v.figure.source.id}"
    return text
