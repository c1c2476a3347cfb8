"""Draft the ledger entries of a new report: every goal and figure it states, with its quote.

The pipeline, one pure function per step: decode the bytes -> find the publication date -> split
into paragraphs, sentences and clauses, tracking the section each is in -> find the quantities ->
give each a year, a kind (goal or figure), a basis and a bound -> match it to a metric of the
registry. Nothing here reads files or the clock; `draft()` takes the report's bytes, the registry
and the records already in targets/.

The rules are about how such reports speak, not about particular reports: a heading
"2024年工作情况" opens a summary of 2024, "2025年工作安排" a plan for 2025; 预计 marks an estimate,
截至9月底 a partial year, 突破/以上/余/约 a bound; 力争/确保 a goal.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from .model import Figure, Goal, Metric
from .extract_match import breakdown_phrase, closest, list_phrases, specialise, tails
from .extract_skip import not_a_measure
from .quantity import QuantityError, convert, parse_chinese_numeral, parse_unit


class ExtractError(ValueError):
    """A report that cannot be read (not text in a known encoding)."""


# ---------------------------------------------------------------------------------------- decoding

ENCODINGS = ("utf-8", "gb18030")


@dataclass(frozen=True)
class Decoded:
    """A report's text and the encoding it was read with."""

    text: str
    encoding: str


def decode(data: bytes) -> Decoded:
    """Read UTF-8 (with or without BOM), else GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(data[3:].decode("utf-8"), "utf-8-sig")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # GB18030 decodes almost any bytes; text without a single CJK character is not a report.
        if encoding == "utf-8" or re.search(r"[\u4e00-\u9fff]", text):
            return Decoded(text, encoding)
    raise ExtractError("not text in UTF-8, GB18030 or GBK; save the report as UTF-8 text "
                       "(copy the text out of a PDF or web page first)")


# ---------------------------------------------------------------------------------------- text layout

_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[部章节]分?)")
_SUMMARY_WORDS = re.compile(r"(\d{4})\s*年(?:度)?(?:[^，,。；;]{0,6})(?:工作)?(?:情况|总结|完成情况|回顾|成效|主要成绩)")
_PLAN_WORDS = re.compile(r"(\d{4})\s*年(?:度)?(?:[^，,。；;]{0,6})(?:工作)?(?:安排|目标|思路|计划|打算|重点|任务|要点)")
_KEEP_SPACE = re.compile(r"(?<=[A-Za-z])\s+(?=[A-Za-z])|(?<=\d)[ \t]+(?=\d)")


def tidy(line: str) -> str:
    """Drop the spaces a PDF puts inside numbers and words (2022 年, 8416 项, 新 增), keeping those
    between two Latin words or two numbers. Only whitespace is removed, so a quote taken from the
    tidied text is still found in the original by `check`, which ignores whitespace."""
    parts, last = [], 0
    for match in _KEEP_SPACE.finditer(line):
        parts.append(re.sub(r"\s+", "", line[last:match.start()]))
        parts.append(" ")
        last = match.end()
    parts.append(re.sub(r"\s+", "", line[last:]))
    return "".join(parts)


def paragraphs(text: str) -> list[str]:
    """The report's paragraphs, tidied. Text copied from a PDF breaks lines inside sentences; when most
    lines are short and do not end a sentence, lines are joined up to a blank line or a heading."""
    lines = [line.strip() for line in text.splitlines()]
    filled = [line for line in lines if line]
    if not filled:
        return []
    unended = sum(1 for line in filled if not line.endswith(("。", "；", ";", "！", "？", "：", ":")))
    wrapped = len(filled) >= 8 and sorted(map(len, filled))[len(filled) // 2] <= 30 and unended > len(filled) * 0.6
    result: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line or (wrapped and _HEADING.match(line)) or not wrapped:
            if current:
                result.append(tidy("".join(current)))
                current = []
            if line:
                current.append(line)
            if not wrapped and current:
                result.append(tidy("".join(current)))
                current = []
            continue
        current.append(line)
        if line.endswith(("。", "！", "？")) and wrapped and len(line) < 12:
            # a short line closing a sentence is the end of a paragraph in wrapped text
            result.append(tidy("".join(current)))
            current = []
    if current:
        result.append(tidy("".join(current)))
    return [p for p in result if p]


# ---------------------------------------------------------------------------------------- dates

_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(度)?")


@dataclass(frozen=True)
class Published:
    """When a report was published, and whether the text says so (approx=False) or it was inferred."""

    date: date
    approx: bool
    how: str  # where it came from, for the draft's comment


def _valid_date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def find_published(text: str) -> Published | None:
    """The publication date: a 发布日期 line, a date alone on a header line, or a date closing the text.

    Without one, the date is inferred from the years the report speaks of (approx=True): the end of
    the year a summary covers, else the start of the latest year it names. None when it names no year.
    """
    lines = [tidy(line) for line in text.splitlines() if line.strip()]
    for line in lines[:8]:
        match = re.search(r"(?:发布日期|发布时间|日期)[:：]?\s*" + _FULL_DATE.pattern, line)
        if match and (found := _valid_date(*match.groups()[:3])):
            return Published(found, False, "the 发布日期 line")
    for line in lines[:8]:
        match = _FULL_DATE.fullmatch(line.strip())
        if match and (found := _valid_date(*match.groups())):
            return Published(found, False, "the dated header")
    for line in lines[-4:]:
        match = _FULL_DATE.search(line)
        if match and len(line) <= 30 and (found := _valid_date(*match.groups())):
            return Published(found, False, "the date closing the text")
    summaries = [int(m.group(1)) for line in lines if _HEADING.match(line) or line is lines[0]
                 for m in [_SUMMARY_WORDS.search(line)] if m]
    if summaries:
        return Published(date(max(summaries), 12, 31), True, f"the summary of {max(summaries)} (no date in the text)")
    years = [int(m.group(1)) for m in _YEAR.finditer(tidy(text))]
    plausible = [y for y in years if 1990 <= y <= 2100]
    if plausible:
        latest = max(plausible)
        return Published(date(latest, 1, 1), True, f"the latest year named, {latest} (no date in the text)")
    return None


def month_end(year: int, month: int) -> date:
    """The last day of a month (截至9月底 runs to 9-30)."""
    return date(year, month, 1) + relativedelta(day=31)


# ---------------------------------------------------------------------------------------- sections

@dataclass(frozen=True)
class Section:
    """What the text under a heading speaks of: a summary of `year` or a plan for `year`."""

    mode: str  # "summary" | "plan" | "unknown"
    year: int | None
    agency: str


def section_of(heading: str, previous: Section) -> Section:
    """The section a heading opens; a heading without a year keeps the current one."""
    summary = _SUMMARY_WORDS.search(heading)
    plan = _PLAN_WORDS.search(heading)
    if summary and plan:  # a title "2024年工作总结及2025年工作安排": the summary comes first
        return Section("summary", int(summary.group(1)), previous.agency)
    if plan:
        return Section("plan", int(plan.group(1)), previous.agency)
    if summary:
        return Section("summary", int(summary.group(1)), previous.agency)
    return previous


_AGENCY_SPEAKS = re.compile(r"(?:沈阳)?市([\u4e00-\u9fff]{2,12}?局)(?:相关)?(?:负责人|局长|副局长)?(?:介绍|表示|指出)")
_AGENCY_SHORT = {"科技局": "科学技术局", "工信局": "工业和信息化局"}


def agency_speaking(paragraph: str, city: str) -> str | None:
    """The agency a press-conference paragraph gives the floor to (市工业和信息化局相关负责人介绍)."""
    match = _AGENCY_SPEAKS.search(paragraph[:60])
    if not match:
        return None
    name = match.group(1)
    return city + _AGENCY_SHORT.get(name, name)


# ---------------------------------------------------------------------------------------- quantities

_UNIT_WORDS = sorted({*(u for u in ("家（次）", "家(次)", "个百分点", "百分点", "平方米", "场次")), "家", "个", "项",
                      "名", "人", "户", "场", "套", "件", "份", "所", "只", "支", "次", "位", "元", "%", "％", "P", "吨"},
                     key=len, reverse=True)
_UNIT = "(?:" + "|".join(re.escape(u) for u in _UNIT_WORDS) + ")"
_MULT = "(?:万亿|亿|万|千)"
_DIGITS = r"\d+(?:\.\d+)?"
_CN = "[一二两三四五六七八九十百千零]+"
_RANGE_SEP = "[—–\\-~～至到]{1,2}"
QUANTITY = re.compile(
    rf"(?P<ord>第)?(?P<num>{_DIGITS}|{_CN})(?:\s*{_RANGE_SEP}\s*(?P<max>{_DIGITS}|{_CN}))?\s*(?P<more>余|多)?"
    rf"(?P<unit>{_MULT}?{_UNIT}|{_MULT}(?![\u4e00-\u9fff]*?{_UNIT}))")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as the text writes it, and where it sits in its sentence."""

    number: Decimal
    unit: str
    start: int
    end: int
    number_max: Decimal | None = None
    ordinal: bool = False  # 第61名, 第18位
    more: bool = False  # 320余场: more than the number

    @property
    def written(self) -> str:
        return f"{self.number.normalize():f}{self.unit}"


def _number(text: str) -> Decimal | None:
    if text[0].isdigit():
        return Decimal(text)
    value = parse_chinese_numeral(text)
    return Decimal(value) if value else None


def find_quantities(sentence: str) -> list[Quantity]:
    """Every quantity in a sentence: 2.5万家, 3—5家, 14.2%, 0.3个百分点, 1.1万亿, 百项, 第18位.

    Left out: numbers without a unit word (years, names like 325模式), ordinals other than ranks
    (第二场), a lone 一 (一批, 一个时期), and parts of dates.
    """
    found = []
    for match in QUANTITY.finditer(sentence):
        raw, unit = match.group("num"), match.group("unit")
        ordinal = bool(match.group("ord"))
        if not raw[0].isdigit():
            if raw in ("一", "十", "千") or raw.startswith("一") and len(raw) == 1 or unit.startswith(("千", "万", "亿")):
                continue  # 一批, 十分, 千亿集群 (a name), 万众
            if ordinal or unit == "次" or sentence[match.start() - 1:match.start()] in ("“", "\""):
                continue  # 二次开发, “三个平台”: words, not counts
            if sentence[match.start():match.start() + 3] in ("百分点",):
                continue
        if ordinal and unit not in ("位", "名", "个"):
            continue
        if match.end() < len(sentence) and unit.endswith("次") is False and sentence[match.end():match.end() + 1] in ("年", "月", "日"):
            continue
        if raw[0].isdigit() and match.start() > 0 and sentence[match.start() - 1] in ".．-":
            continue
        number = _number(raw)
        top = _number(match.group("max")) if match.group("max") else None
        if number is None or (match.group("max") and (top is None or top <= number)):
            continue
        if unit == "％":
            unit = "%"
        if ordinal:
            unit = "位"  # 第61名 is a rank, whatever the measure word
        try:
            parse_unit(unit)
        except QuantityError:
            continue
        found.append(Quantity(number, unit, match.start("num"), match.end(), top, ordinal, bool(match.group("more"))))
    return found


# ---------------------------------------------------------------------------------------- wording

_GOAL_CUES = re.compile(r"力争|确保|争取(?:达到|实现|突破|超过|到|在|\d)|计划(?:到|在|于|年底|今年|明年|实现|达到|新增|\d)|目标(?:是|为)|将(?:达|实现|突破|超过|新增)|"
                        r"预期达到|(?<!已于)年底前|到\d{4}年|努力实现|每年")
_PAST_CUES = re.compile(r"已经|已|累计|同比|较上年|比上年|截至|截止|目前|现有|共有|达到了|实现了|取得|荣获|获批|获得|入选")
_STRETCH = re.compile(r"力争|争取")
_BASE = re.compile(r"确保")
_GROWTH = re.compile(r"(?:增长|增速|增幅|提高|提升|上升|增加)(?:率)?(?:了)?(?:超过|超|达到|达|近|约)?$")
_INCREMENT = re.compile(r"新增|净增|新建|新组建|新培育|新认定|新备案|新引进|新设立|新获批|增加(?!至|到)|新布局|年度新增")
_MORE_THAN = re.compile(r"(?:突破|超过|超出|超|逾|高于|大于|多于)$")
_AT_LEAST = re.compile(r"(?:不低于|不少于|至少)$")
_AT_MOST = re.compile(r"(?:不超过|不高于|控制在|低于|少于)$")
_ABOUT_BEFORE = re.compile(r"(?:近|约|接近|大约)$")
_SKIP_CONTEXT = re.compile(r"最高|最多|给予|奖励|补助|补贴|资助|一次性|每年|每家|每个|每项|每人|党员|党支部|干部|编制|处室|科室")
_AS_OF = re.compile(r"截[至止](?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|底|末)?")
_NOW = re.compile(r"截[至止]目前|目前|今年以来")


@dataclass(frozen=True)
class Item:
    """One drafted goal or figure. `value` (and `value_max`) are the numbers as written, in `unit`."""

    kind: str  # "goal" | "figure"
    metric: str
    year: int
    value: Decimal
    unit: str
    basis: str
    quote: str
    op: str | None = None  # goals: >=, >, <=, <, between
    bound: str | None = None  # figures: exact, more_than, at_least, about, at_most
    estimate: bool = False
    as_of: date | None = None
    value_max: Decimal | None = None
    confidence: float = 0.5
    already_recorded: bool = False
    known_metric: bool = True
    agency: str = ""
    tier: str = ""  # "base" (确保) | "stretch" (力争) for a two-tier goal
    subject: str = ""  # the words the metric was matched on (or proposed from)
    note: str = ""
    doubt: str = ""

    @property
    def written(self) -> str:
        return f"{self.value.normalize():f}{self.unit}"


@dataclass(frozen=True)
class ProposedMetric:
    """A measure the registry does not know, proposed for targets/metrics.toml."""

    id: str
    zh: str
    unit: str
    kind: str


@dataclass(frozen=True)
class Skipped:
    """A number left out of the draft because it is neither a goal nor a figure, and why."""

    written: str
    reason: str
    quote: str


@dataclass(frozen=True)
class Draft:
    """Everything extracted from one report; `skipped` holds the numbers left out, with the reason."""

    source: dict
    items: tuple[Item, ...]
    new_metrics: tuple[ProposedMetric, ...]
    encoding: str
    published_how: str
    skipped: tuple[Skipped, ...] = ()


# ---------------------------------------------------------------------------------------- metrics

@dataclass(frozen=True)
class _Name:
    text: str
    metric: str


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    metric: str


class MetricIndex:
    """The registry's names and aliases, longest first, for finding measures in a sentence."""

    def __init__(self, metrics: dict[str, Metric]):
        self.metrics = metrics
        names: dict[str, str] = {}
        for metric in metrics.values():
            for text in (metric.zh, *metric.aliases):
                text = tidy(text)
                if len(text) >= 2:
                    names.setdefault(text, metric.id)
        self.names = sorted((_Name(t, m) for t, m in names.items()), key=lambda n: -len(n.text))

    def hits(self, sentence: str) -> list[_Hit]:
        """Non-overlapping mentions of metrics in `sentence`, longer names winning."""
        taken = [False] * len(sentence)
        hits = []
        for name in self.names:
            start = sentence.find(name.text)
            while start != -1:
                end = start + len(name.text)
                if not any(taken[start:end]):
                    hits.append(_Hit(start, end, name.metric))
                    for i in range(start, end):
                        taken[i] = True
                start = sentence.find(name.text, end)
        return sorted(hits, key=lambda h: h.start)


def _fits(metric: Metric, unit: str, basis: str) -> bool:
    """Whether a number in `unit` can measure `metric` on `basis` (a % never counts firms)."""
    if basis == "growth":
        return True
    try:
        got, want = parse_unit(unit), parse_unit(metric.unit)
    except QuantityError:
        return False
    if basis == "increment" and metric.kind == "ratio" and got.dimension == "points":
        return True
    return got.dimension is None or got.dimension == want.dimension


# ---------------------------------------------------------------------------------------- the draft

_CLAUSE_END = "，,；;：:。！？!?"
_VERBS = re.compile(r"^(?:全市|我市|沈阳市|全省|其中|同时|共|累计|新增|推动|推进|实施|建设|培育|引进|打造|组织|开展|支持|"
                    r"力争|确保|争取|预计|实现|达到|突破|超过|完成|形成|获得|荣获|吸引|引育|新培育|滚动|开发|聚集|制定|发布|"
                    r"组建|设立|备案|认定|年度|今年|全年|的|和|及|与|、)+")
_TRAILING = re.compile(r"(?:总数|数量|总量|规模)?(?:达到|达|实现|突破|超过|超|为|是|有|共|约|近|增至|增加至|提高到|提升至|"
                        r"保持在|分别|以上|累计|新增)+$")


def _clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    start = max(sentence.rfind(ch, 0, position) for ch in _CLAUSE_END) + 1
    ends = [i for i in (sentence.find(ch, position) for ch in _CLAUSE_END) if i != -1]
    return start, min(ends) if ends else len(sentence)


def _sentences(paragraph: str) -> list[str]:
    parts = re.split(r"(?<=[。！？!?；;])", paragraph)
    return [p for p in parts if p.strip()]


def _suggest_id(subject: str, unit: str) -> str:
    digest = hashlib.sha1(subject.encode("utf-8")).hexdigest()[:6]
    return f"new_{digest}"


def _subject_before(clause_text: str) -> str:
    text = _TRAILING.sub("", clause_text)
    text = _VERBS.sub("", text)
    text = re.sub(r"^[“”\"(（)）、]+|[“”\"(（、]+$", "", text)
    return text[-16:]


def _kind_of_metric(unit: str, basis: str) -> str:
    try:
        dimension = parse_unit(unit).dimension
    except QuantityError:
        return "stock"
    if dimension in ("percent", "points"):
        return "ratio"
    if dimension == "rank":
        return "rank"
    if dimension == "money":
        return "flow"
    return "stock"


@dataclass
class _Context:
    published: date
    section: Section
    default_mode: str
    title_years: tuple[int | None, int | None]


def _year_in(sentence: str, position: int, clause: tuple[int, int]) -> tuple[int | None, bool]:
    """The year a number at `position` speaks of when the sentence says it: the nearest year before it
    (由2020年的0.81%增加至1.04%: only the first number is of 2020), else one later in its clause
    (11个项目荣获2023年度国家科学技术奖). Returns (year, explicit) ; ranges (2023年-2025年) count as none."""
    best = None
    for match in _YEAR.finditer(sentence):
        year = int(match.group(1))
        after = sentence[match.end():match.end() + 2]
        if after[:1] in ("-", "—", "至", "到") and _YEAR.match(sentence[match.end() + 1:]) or \
                re.search(r"\d年?[-—至]$", sentence[:match.start()]):
            continue
        if match.end() <= position:
            between = sentence[match.end():position]
            if re.search(r"增加至|增加到|提高到|提高至|提升至|提升到|增至|上升至|上升到|达到|到\d", between) and \
                    re.search(r"由|从", sentence[max(0, match.start() - 2):match.start()]):
                continue
            best = year
        elif best is None and clause[0] <= match.start() < clause[1]:
            return year, True
    return best, best is not None


def _relative_year(text: str, base: int) -> int | None:
    if re.search(r"明年|下一年", text):
        return base + 1
    if re.search(r"去年|上年度", text) and not re.search(r"比上年|较上年|同比", text):
        return base - 1
    return None


def _kind_and_year(section: Section, mode: str, published: date, year: int | None, goal_cue: bool,
                   past_cue: bool, before: str, upto: str) -> tuple[str, int]:
    """Goal or figure, and the year it speaks of.

    Under a dated heading the heading's year rules (a summary of 2024 reports 2024, a plan for 2025
    sets goals for 2025); without one, a report from early in a year reports the year before and sets
    goals for its own year. A year written in the sentence wins; one before the section's is a lagged
    figure (错年统计), one after the publication year a goal.
    """
    this_year = bool(re.search(r"年底前|全年|今年|本年", upto))
    if section.year is not None:
        figure_year = section.year
        goal_year = section.year + 1 if section.mode == "summary" and not this_year else section.year
    else:
        figure_year = published.year - 1 if published.month <= 3 and not this_year else published.year
        goal_year = published.year
    if mode == "plan":
        kind = "goal"
        if year is not None and year < goal_year and not goal_cue or \
                not goal_cue and re.search(r"现有|目前|已经|截至|截止", before):
            kind = "figure"
    else:
        kind = "goal" if goal_cue and (year is None or year > figure_year or _STRETCH.search(upto)) else "figure"
    if year is not None and year > published.year and not past_cue:
        kind = "goal"
    if year is None:
        relative = _relative_year(upto, goal_year if kind == "goal" else figure_year)
        year = relative if relative is not None else goal_year if kind == "goal" else figure_year
    return kind, year


def _bound_from(before: str, after: str) -> tuple[str, str]:
    """(figure bound, goal op) from the words around a number."""
    if after.startswith(("以上", "多")) or _AT_LEAST.search(before):
        return ("at_least", ">=") if after.startswith("以上") or _AT_LEAST.search(before) else ("more_than", ">")
    if after.startswith("余"):
        return "more_than", ">"
    if _MORE_THAN.search(before):
        return "more_than", ">"
    if _AT_MOST.search(before) or after.startswith(("以下", "以内")):
        return "at_most", "<="
    if _ABOUT_BEFORE.search(before) or after.startswith("左右"):
        return "about", ">="
    return "exact", ">="


def _basis_of(quantity: Quantity, before: str, clause_before: str) -> str:
    if quantity.unit in ("个百分点", "百分点"):
        return "increment"
    if quantity.unit == "%" and _GROWTH.search(before):
        return "growth"
    if _INCREMENT.search(clause_before) and not re.search(r"累计|总数|总量|达到|全市.{0,8}达", clause_before[clause_before.rfind("新增") if "新增" in clause_before else 0:]):
        return "increment"
    return "level"


class _Drafter:
    def __init__(self, text: str, index: MetricIndex, published: Published, city: str, default_agency: str):
        self.index = index
        self.published = published
        self.city = city
        self.default_agency = default_agency
        self.text = text
        self.skipped: list[Skipped] = []
        self.carried_year: int | None = None  # a year opening a sentence, for the parts after its semicolons
        self.paragraph_before = ""  # the paragraph's text before the current sentence: context for fuzzy matching

    def run(self) -> list[Item]:
        paras = paragraphs(self.text)
        default_mode = _document_mode(paras)
        section = Section("unknown", None, self.default_agency)
        items: list[Item] = []
        for number, para in enumerate(paras):
            if number == 0 and len(para) <= 60 or _HEADING.match(para) and len(para) <= 60:
                section = section_of(para, section)
                if len(para) <= 40:
                    continue
            speaker = agency_speaking(para, self.city)
            if speaker:
                section = replace(section, agency=speaker)
            # A sentence setting goals (计划年底前, 力争) makes the rest of its paragraph a plan too.
            planning = False
            self.paragraph_before = ""
            self.carried_year = None
            for sentence in _sentences(para):
                items += self.sentence(sentence, section, "plan" if planning else default_mode)
                self.paragraph_before += sentence
                # "2020年全市R&D经费投入192.9亿元；R&D投入强度达到2.94%": a year opening a sentence
                # holds across its semicolons, up to the full stop
                opening = _YEAR.search(sentence[:8])
                if sentence.endswith(("；", ";")):
                    self.carried_year = int(opening.group(1)) if opening else self.carried_year
                else:
                    self.carried_year = None
                planning = planning or bool(_GOAL_CUES.search(sentence)) and section.mode == "unknown"
        return items

    def sentence(self, sentence: str, section: Section, default_mode: str) -> list[Item]:
        quantities = find_quantities(sentence)
        if not quantities:
            return []
        hits = self.index.hits(sentence)
        paired = _respectively(sentence, quantities, hits)
        paired.update({k: v for k, v in self.list_pairs(sentence, quantities).items() if k not in paired})
        items = []
        last_metric: tuple[str, int] | None = None  # the metric a following 同比增长X% refers to
        previous: tuple[Quantity, str] | None = None
        for q in quantities:
            clause = _clause_bounds(sentence, q.start)
            before = sentence[clause[0]:q.start]
            if _SKIP_CONTEXT.search(before) and q.unit.endswith("元") or re.search(r"[一二三四五六七八九十]、$", before):
                continue
            if _counts_a_list(before, q):
                continue
            basis = _basis_of(q, before, sentence[clause[0]:q.start])
            if previous is not None and re.fullmatch(r"[、和及与]", sentence[previous[0].end:q.start]):
                basis = previous[1]  # 分别增长23.6%、27.6%: every number of a run has the first one's basis
            previous = (q, basis)
            metric, subject_start, how = self.match(sentence, q, hits, clause, basis, paired, last_metric)
            if metric is not None and how in ("before", "after", "respectively"):
                # the words that make a name specific stand close before it
                metric = self.specialise(sentence[subject_start[0]:subject_start[1]], metric, q, basis,
                                         sentence[max(0, subject_start[0] - 30):q.end])
            reason = not_a_measure(sentence, q.start, q.end, clause, metric is not None and how != "previous", q.unit)
            if reason:
                self.skipped.append(Skipped(q.written, reason, _quote(sentence, clause, clause[0])))
                continue
            if metric is None:
                subject = _subject_before(before) or _subject_after(sentence, q, clause)
                if not subject or len(subject) < 2:
                    continue
                metric_id, known = _suggest_id(subject, q.unit), False
                confidence = 0.3
            else:
                metric_id, known, subject = metric, True, sentence[subject_start[0]:subject_start[1]]
                confidence = {"after": 0.8, "before": 0.85, "respectively": 0.8, "previous": 0.6, "fuzzy": 0.5,
                              "list": 0.6}[how]
                if basis != "growth":
                    last_metric = (metric, subject_start[0])
                elif last_metric is None:
                    last_metric = (metric, subject_start[0])
            item = self.classify(sentence, q, clause, basis, section, default_mode, metric_id, known, subject,
                                 confidence, subject_start[0] if metric else clause[0])
            if item is not None:
                items.append(item)
        return items

    def match(self, sentence: str, q: Quantity, hits: list[_Hit], clause: tuple[int, int], basis: str,
              paired: dict[int, _Hit], last: tuple[str, int] | None):
        """The metric a quantity measures: a name right after it (3个国家级科技创新平台), else the
        nearest name before it in its clause, else the measure of the clause before (同比增长15%)."""
        metrics = self.index.metrics
        if q.start in paired and _fits(metrics[paired[q.start].metric], q.unit, basis):
            hit = paired[q.start]
            return hit.metric, (hit.start, hit.end), "respectively"
        following = [h for h in hits if q.end <= h.start < min(clause[1], q.end + 12)
                     and not re.search(r"[、（(和与及]", sentence[q.end:h.start])
                     and not find_quantities(sentence[q.end:h.start])]
        if following and _fits(metrics[following[0].metric], q.unit, basis) and basis != "growth":
            hit = following[0]
            return hit.metric, (hit.start, hit.end), "after"
        # a name inside a parenthesis is an aside, never the subject of a number outside it, nor a
        # name outside the subject of a number inside (联盟成员总数达到621家(企业372家)
        preceding = [h for h in hits if clause[0] <= h.start and h.end <= q.start
                     and _open_paren(sentence[:h.start]) == _open_paren(sentence[:q.start])
                     and not _open_paren(sentence[h.end:q.start]) and not re.search(r"[)）]", sentence[h.end:q.start])]
        for hit in reversed(preceding):
            if _fits(metrics[hit.metric], q.unit, basis):
                return hit.metric, (hit.start, hit.end), "before"
        own = [h for h in hits if clause[0] <= h.start < clause[1]]
        continues = not own and (basis != "level" or re.match(r"(?:全市)?(?:累计|总数|总量|共)", sentence[clause[0]:q.start]))
        if last is not None and continues and basis != "growth" and metrics[last[0]].unit != q.unit:
            # 组建新型研发机构,覆盖20个产业细分领域,总数达到52家: the earlier name counted in 家
            same = [h for h in hits if h.end <= clause[0] and metrics[h.metric].unit == q.unit]
            if same:
                return same[-1].metric, (same[-1].start, same[-1].end), "previous"
        if last is not None and (basis == "growth" or continues) and _fits(metrics[last[0]], q.unit, basis):
            # 同比增长15%, 新增320家: a clause without a name of its own speaks of the previous one's
            return last[0], (last[1], last[1]), "previous"
        if basis == "growth" or q.unit in ("%",) and sentence[clause[0]:q.start].endswith(("比重", "占比")):
            earlier = [h for h in hits if h.end <= clause[0]]
            for hit in reversed(earlier):
                if _fits(metrics[hit.metric], q.unit, basis):
                    return hit.metric, (hit.start, hit.end), "previous"
        return self.fuzzy(sentence, q, clause, basis)

    def list_pairs(self, sentence: str, quantities: list[Quantity]) -> dict[int, _Hit]:
        """Numbers in a row (236家和338家, 分别增长23.6%、27.6%) paired with the items of the list before
        them (科技小巨人和高新技术企业培育库企业), each item completed with the list's shared tail."""
        pairs: dict[int, _Hit] = {}
        runs: list[list[Quantity]] = []
        for q in quantities:
            if runs and re.fullmatch(r"[、和及与]", sentence[runs[-1][-1].end:q.start]):
                runs[-1].append(q)
            else:
                runs.append([q])
        for run in runs:
            if len(run) < 2:
                continue
            clause = _clause_bounds(sentence, run[0].start)
            subject = sentence[clause[0]:run[0].start]
            subject = re.sub(r"(?:分别)(?:增长|达到|达|为|实现|提高|增加)?$", "", subject)
            subject = _VERBS.sub("", subject)
            phrases = list_phrases(subject, len(run))
            if phrases is None:
                continue
            if "等" not in subject:
                for tail in tails(phrases[-1]):
                    trial = [p + tail for p in phrases[:-1]] + [phrases[-1]]
                    if self.closest(trial[0], run[0].unit, "level", sentence[:run[0].start], strict=True):
                        phrases = trial
                        break
            basis = _basis_of(run[0], sentence[clause[0]:run[0].start], sentence[clause[0]:run[0].start])
            for q, phrase in zip(run, phrases):
                metric = self.closest(phrase, q.unit, basis, sentence[:q.start])
                if metric is not None:
                    pairs[q.start] = _Hit(clause[0], run[0].start, metric)
        return pairs

    def fuzzy(self, sentence: str, q: Quantity, clause: tuple[int, int], basis: str):
        """The registry name closest to the words around the number (the number taken out), or to a
        breakdown's level plus its total's subject; (None, ..) when nothing fits well."""
        others = [p for p in find_quantities(sentence) if clause[0] <= p.start < clause[1] and p.start != q.start]
        left_start = max([clause[0], *(p.end for p in others if p.end <= q.start)])
        right_end = min([clause[1], *(p.start for p in others if p.start >= q.end)])
        left, right = sentence[left_start:q.start], sentence[q.end:right_end]
        phrase = breakdown_phrase(sentence, q.start, left) or left + right
        metric = self.closest(phrase, q.unit, basis, sentence[:q.start])
        if metric is None:
            return None, (clause[0], clause[0]), ""
        return metric, (left_start, q.start), "fuzzy"

    def specialise(self, found: str, metric: str, q: Quantity, basis: str, before: str) -> str:
        """`specialise` over the registry names whose unit fits."""
        metrics = self.index.metrics
        names = [(n.text, n.metric) for n in self.index.names if _fits(metrics[n.metric], q.unit, basis)]
        return specialise(found, metric, names, before)

    def closest(self, phrase: str, unit: str, basis: str, before: str, strict: bool = False) -> str | None:
        """`closest` over the registry names whose unit fits."""
        metrics = self.index.metrics
        names = [(n.text, n.metric) for n in self.index.names if _fits(metrics[n.metric], unit, basis)]
        return closest(phrase, names, self.paragraph_before + before, strict)

    def classify(self, sentence: str, q: Quantity, clause: tuple[int, int], basis: str, section: Section,
                 default_mode: str, metric: str, known: bool, subject: str, confidence: float,
                 subject_at: int) -> Item | None:
        """Kind, year, bound/op, estimate and as-of of one quantity, and its quote."""
        before = sentence[clause[0]:q.start]
        after = sentence[q.end:q.end + 4]
        upto = sentence[:q.end + 4]
        published = self.published.date
        year, explicit = _year_in(sentence, q.start, clause)
        if not explicit and self.carried_year is not None:
            year, explicit = self.carried_year, True
        goal_cue = bool(_GOAL_CUES.search(upto))
        past_cue = bool(_PAST_CUES.search(sentence[clause[0]:q.end + 2]))
        estimate = bool(re.search(r"预计|预期", sentence[:q.start]))
        mode = section.mode if section.mode != "unknown" else default_mode
        kind, year = _kind_and_year(section, mode, published, year if explicit else None, goal_cue, past_cue,
                                    before, upto)
        explicit = explicit and year is not None
        bound, op = _bound_from(before, after)
        if q.more:
            bound, op = "more_than", ">"
        if q.number_max is not None:
            op, bound = "between", "exact"
        if q.ordinal or q.unit == "位":
            op = "<=" if op == ">=" else op
        as_of = None
        if kind == "figure":
            as_of = self.as_of(sentence[:q.start], year)
        tier = _tier(sentence, q.start) if kind == "goal" else ""
        quote = _quote(sentence, clause, subject_at)
        if not _number_in(q, quote):
            return None
        if not explicit and section.mode == "unknown":
            confidence -= 0.1
        return Item(kind=kind, metric=metric, year=year, value=q.number, unit=q.unit, basis=basis, quote=quote,
                    op=op if kind == "goal" else None, bound=bound if kind == "figure" else None,
                    estimate=estimate and kind == "figure", as_of=as_of, value_max=q.number_max,
                    confidence=round(max(0.05, min(confidence, 0.95)), 2), known_metric=known,
                    agency=section.agency, tier=tier, subject=subject)

    def as_of(self, before: str, year: int) -> date | None:
        """The date a partial-year figure runs to: 截至9月底 -> 09-30, 截至11月30日, 截至目前 -> publication."""
        matches = list(_AS_OF.finditer(before))
        if matches:
            match = matches[-1]
            y = int(match.group(1)) if match.group(1) else year
            month = int(match.group(2))
            if not 1 <= month <= 12 or y != year:
                return None
            if match.group(3):
                try:
                    return date(y, month, int(match.group(3)))
                except ValueError:
                    return None
            return month_end(y, month)
        if _NOW.search(before) and self.published.date.year == year and not self.published.approx \
                and self.published.date.month < 12:
            return self.published.date
        return None


def _open_paren(text: str) -> bool:
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def _tier(sentence: str, position: int) -> str:
    """确保达到80家、力争突破100家: in a sentence with both, 确保 marks the base goal, 力争 the stretch."""
    if not (_BASE.search(sentence) and _STRETCH.search(sentence)):
        return ""
    cues = list(re.finditer(r"确保|力争|争取", sentence[:position]))
    if not cues:
        return ""
    return "base" if cues[-1].group() == "确保" else "stretch"


def _counts_a_list(before: str, q: Quantity) -> bool:
    """"智能芯片、智能语音、智能图像、智能器件4个核心产业" counts the items just listed: a description,
    not an achievement or a goal."""
    if q.number != q.number.to_integral_value() or q.number > 20 or not before:
        return False
    tail = re.split(r"[，,；;：:（(]", before)[-1]
    items = len(re.findall(r"、", tail)) + 1 + len(re.findall(r"(?<=[\u4e00-\u9fff”])(?:和|及|与)(?=[\u4e00-\u9fff“])", tail))
    if items < 2:
        return False
    return int(q.number) == items or tail.endswith("等") and int(q.number) >= items


def _subject_after(sentence: str, q: Quantity, clause: tuple[int, int]) -> str:
    text = sentence[q.end:clause[1]]
    text = re.split(r"[、（(]", text)[0]
    return text[:12]


def _number_in(q: Quantity, quote: str) -> bool:
    from .validate import squeeze

    text = squeeze(quote)
    return f"{q.number:f}" in text or f"{q.number.normalize():f}" in text or not str(q.number)[0].isdigit() or \
        any(ch in text for ch in "一二两三四五六七八九十百千") and q.number == q.number.to_integral_value()


def _quote(sentence: str, clause: tuple[int, int], subject_at: int) -> str:
    start = min(clause[0], subject_at) if subject_at >= 0 else clause[0]
    if subject_at < clause[0]:
        start = max(sentence.rfind(ch, 0, subject_at) for ch in _CLAUSE_END) + 1
    return sentence[start:clause[1]].strip().rstrip("。；;，,")


def _respectively(sentence: str, quantities: list[Quantity], hits: list[_Hit]) -> dict[int, _Hit]:
    """分别: "A、B规模分别达到1000亿元、700亿元" pairs the names before 分别 with the numbers after, in order."""
    at = sentence.find("分别")
    if at == -1:
        return {}
    start = max(sentence.rfind(ch, 0, at) for ch in _CLAUSE_END) + 1
    names = [h for h in hits if start <= h.start and h.end <= at]
    numbers = [q for q in quantities if q.start > at]
    if len(names) < 2 or len(names) != len(numbers):
        return {}
    return {q.start: hit for q, hit in zip(numbers, names)}


def _document_mode(paras: list[str]) -> str:
    """Whether text outside any dated section mostly looks back (summary) or forward (plan)."""
    forward = sum(len(re.findall(r"力争|确保|争取|将|计划|目标|推动|加快|要|年底前", p)) for p in paras)
    backward = sum(len(re.findall(r"已|累计|同比|截至|目前|达到|实现|取得|荣获|获批", p)) for p in paras)
    return "plan" if forward > backward * 1.5 else "summary"


# ---------------------------------------------------------------------------------------- entry point

def _value_in_metric_unit(value: Decimal, unit: str, metric: Metric, basis: str) -> float | None:
    target = "%" if basis == "growth" else metric.unit
    try:
        if basis == "increment" and metric.kind == "ratio" and parse_unit(unit).dimension == "points":
            target = unit
        return convert(value, unit, target)
    except QuantityError:
        return None


def recorded_key(kind: str, metric: str, year: int, basis: str, value: float) -> tuple:
    """The identity of a goal or figure when comparing drafts with the ledger: kind, metric, year,
    basis and the value in the metric's unit (rounded so 2.5万家 and 25000家 agree)."""
    return kind, metric, year, basis, round(value, 6)


def ledger_keys(goals: tuple[Goal, ...] | list[Goal], figures: tuple[Figure, ...] | list[Figure]) -> dict[tuple, str]:
    """Keys of recorded goals and figures, each with the id of the first source recording it."""
    keys: dict[tuple, str] = {}
    for g in goals:
        keys.setdefault(recorded_key("goal", g.metric, g.year, g.basis, g.target), g.source.id)
    for f in figures:
        keys.setdefault(recorded_key("figure", f.metric, f.year, f.basis, f.value), f.source.id)
    return keys


def item_key(item: Item, metrics: dict[str, Metric]) -> tuple | None:
    """The comparison key of a drafted item (None for a proposed metric or a unit that does not fit)."""
    metric = metrics.get(item.metric)
    if metric is None:
        return None
    value = _value_in_metric_unit(item.value, item.unit, metric, item.basis)
    return None if value is None else recorded_key(item.kind, item.metric, item.year, item.basis, value)


def _title(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return tidy(line)[:80]
    return ""


def suggest_source_id(title: str, published: Published, summary_year: int | None) -> str:
    """An id like 2024-work-report: the year the report looks back on, and what kind of report it is."""
    kind = "work-report" if re.search(r"工作(?:总结|报告|情况|完成情况|要点|安排|思路)", title) else \
        "press-conference" if re.search(r"发布会", title) else "report"
    year = summary_year or published.date.year
    return f"{year}-{kind}"


def draft(data: bytes, metrics: dict[str, Metric], recorded: dict[tuple, str] | None = None,
          seed_file: str = "seeds/report.txt", source_id: str | None = None, city: str = "沈阳市",
          agency: str | None = None, published: date | None = None) -> Draft:
    """Draft the goals and figures of a report.

    `data` is the report's bytes; `metrics` the registry; `recorded` the keys of what targets/ already
    holds (see ledger_keys). `published` overrides the date found in the text. Raises ExtractError when
    the bytes are not text or no date can be found or inferred.
    """
    decoded = decode(data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    found = find_published(text)
    if published is not None:
        found = Published(published, False, "--published")
    if found is None:
        raise ExtractError("no publication date in the text and no year to infer one from; "
                           "pass --published YYYY-MM-DD")
    title = _title(text)
    agency = agency or _agency_of(text, city) or ""
    index = MetricIndex(metrics)
    drafter = _Drafter(text, index, found, city, agency)
    items = drafter.run()
    items = _finish(items, metrics, recorded or {})
    first = section_of(title, Section("unknown", None, agency))
    summary_year = first.year if first.mode == "summary" else None
    if summary_year is None:
        years = [i.year for i in items if i.kind == "figure"]
        summary_year = max(set(years), key=years.count) if years else None
    proposed = {}
    for item in items:
        if not item.known_metric and item.metric not in proposed:
            proposed[item.metric] = ProposedMetric(item.metric, item.subject, _base_unit(item.unit),
                                                   _kind_of_metric(item.unit, item.basis))
    source = {"id": source_id or suggest_source_id(title, found, summary_year), "file": seed_file,
              "title": title, "agency": agency, "published": found.date, "published_approx": found.approx}
    return Draft(source, tuple(items), tuple(proposed.values()), decoded.encoding, found.how,
                 tuple(drafter.skipped))


def _base_unit(unit: str) -> str:
    for prefix in ("万亿", "亿", "万", "千"):
        if unit.startswith(prefix) and unit != prefix:
            rest = unit[len(prefix):]
            return "亿元" if rest == "元" else rest
    if unit in ("万亿", "亿", "万"):
        return "亿元" if unit != "万" else "个"
    return "亿元" if unit == "元" else unit


def _agency_of(text: str, city: str) -> str | None:
    head = "\n".join(text.splitlines()[:4])
    match = re.search(r"来源[:：]\s*(\S*?局)", head) or re.search(r"^(\S*?局)", tidy(head))
    if match:
        name = match.group(1)
        return name if name.startswith(city) else None
    return None


def _finish(items: list[Item], metrics: dict[str, Metric], recorded: dict[tuple, str]) -> list[Item]:
    """Drop repeats within the report and mark what targets/ already holds."""
    seen: set[tuple] = set()
    result = []
    for item in items:
        identity = (item.kind, item.metric, item.year, item.basis, item.value, item.unit, item.op, item.bound,
                    item.estimate, item.agency)
        if identity in seen:
            continue
        seen.add(identity)
        key = item_key(item, metrics)
        if key is not None and key in recorded:
            item = replace(item, already_recorded=True, note=f"already recorded in targets/{recorded[key]}.toml")
        result.append(item)
    return result
