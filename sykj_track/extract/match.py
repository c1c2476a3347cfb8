"""Fuzzy matching of a quantity's words to the registry, when no name is found verbatim.

Reports split a measure's name around its number (形成383项技术标准 for 形成技术标准), swap words
(技术示范转移机构 for 技术转移示范机构), share one name among a list (科技小巨人和高新技术企业培育库企业
236家和338家) or leave the level to a breakdown (技术转移机构41家,其中,国家级7家). These helpers build
the phrase a number counts and find the registry name closest to it; the caller checks units.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..model import Metric
from ..quantity import QuantityError, parse_unit
from .layout import CLAUSE_END, ZONE, tidy
from .quantities import Quantity
from .sentence import Sentence

_NOISE = re.compile(r"[“”\"‘’《》()（）、\s·•]|等")
# A place named before a scope word (某地全社会…) is the report's city, not part of the measure's name.
_LEADING = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}(?=全社会|全市|全省))?(?:其中|包括|全市|我市|全年|共有|共|累计达到|目前|各级各类|"
                      r"各级|各类|共计)*")
_CUT = re.compile(r"(?:达到|达|实现|完成|为|是|有|约|近|超过|突破)+$")

# Ways of writing one measure's words: R&D is 研发, an intensity may say whose (经费) it is.
_SAME_WORDS = (("R&D", "研发"), ("研发", "R&D"), ("研究与试验发展", "R&D"))
_INTENSITY = re.compile(r"(?<!经费)投入强度")


def variants(name: str) -> set[str]:
    """The other ways reports write a registry name: R&D投入强度 is also 研发投入强度, R&D经费投入强度 and
    研发经费投入强度. Only spellings of the same words, never a shorter or wider name."""
    found = {name}
    for old, new in _SAME_WORDS:
        found |= {text.replace(old, new) for text in found if old in text}
    found |= {_INTENSITY.sub("经费投入强度", text) for text in found}
    return found - {name}


def normalize(text: str) -> str:
    """A name or phrase without quotes, brackets and list marks, levels written short.

    >>> normalize("国家级科技创新平台")
    '国家科技创新平台'
    """
    return re.sub(r"(国家|省|市|区|县)级", r"\1", _NOISE.sub("", text))


def _levels(text: str) -> frozenset[str]:
    """The administrative levels and zones a text names; 市 only as 市级 (全市, 城市, 市场 name no
    level). A zone's measure (自创区R&D占GDP比重) is no city's, nor the other way round."""
    found = {level for level in _LEVEL_NAMES if level in text}
    return frozenset(found | set(ZONE.findall(text)))


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


@lru_cache(maxsize=None)
def _registry_name(raw: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """A registry name normalized, the levels it names and its bigrams. Every number of a report is
    compared with the same names, so these are worked out once; a phrase is seen once and not kept
    (kept, thousands of them would push the names out of a bounded cache)."""
    name = normalize(raw)
    return name, _levels(raw), _bigrams(name)


def _dice(x: frozenset[str], y: frozenset[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


@dataclass(frozen=True)
class Candidate:
    metric: str
    name: str
    score: tuple[float, float]


_LEVEL_NAMES = ("国家", "国际", "省", "市级")
_LEVEL_MARK = re.compile(r"(?<=国家)级|(?<=[省市区县])级")


class Context:
    """The text before the numbers of a paragraph, read once: where each administrative level and each
    bigram of the normalized text first occurs, so that `closest` can ask about the text up to any
    number without rebuilding it (a paragraph of many sentences would cost the square of its length).

    `before(end)` is the context of a number at `end`: the paragraph's text up to it.
    """

    def __init__(self, text: str):
        self.text = text
        self._level_ends: dict[str, int] | None = None  # built when a number of the paragraph asks
        self._bigram_ends: dict[str, int] = {}  # bigram -> end (in `text`) of its first occurrence

    def before(self, end: int) -> Before:
        """The context of a number at `end`."""
        return Before(self, end)

    def level_end(self, level: str) -> int:
        """Where the first mention of `level` ends (-1: none)."""
        if self._level_ends is None:
            self._index()
        assert self._level_ends is not None
        return self._level_ends.get(level, -1)

    def bigram_end(self, bigram: str) -> int:
        """Where the first occurrence of `bigram` in the normalized text ends, in `text` (-1: none)."""
        if self._level_ends is None:
            self._index()
        return self._bigram_ends.get(bigram, -1)

    def _index(self) -> None:
        text = self.text
        self._level_ends = {level: text.find(level) + len(level) for level in _LEVEL_NAMES if level in text}
        for zone in ZONE.finditer(text):
            self._level_ends.setdefault(zone.group(), zone.end())
        # normalize() character by character: drop noise, and 级 after a level (国家级 -> 国家)
        kept = [at for at, ch in enumerate(text) if not _NOISE.fullmatch(ch)]
        squeezed = "".join(text[at] for at in kept)
        dropped = {m.start() for m in _LEVEL_MARK.finditer(squeezed)}
        raw = [index for at, index in enumerate(kept) if at not in dropped]
        normal = "".join(squeezed[at] for at in range(len(squeezed)) if at not in dropped)
        for at in range(1, len(normal)):
            self._bigram_ends.setdefault(normal[at - 1:at + 1], raw[at] + 1)


@dataclass(frozen=True)
class Before:
    """A paragraph's text up to `end`, as `closest` asks about it."""

    context: Context
    end: int

    def names(self, level: str) -> bool:
        """Whether the text names an administrative level (国家, 省, 市级, 国际) or a zone (自创区)."""
        return 0 <= self.context.level_end(level) <= self.end

    def holds(self, bigram: str) -> bool:
        """Whether the normalized text holds a bigram."""
        return 0 <= self.context.bigram_end(bigram) <= self.end


def text_context(text: str) -> Before:
    """A plain text as the context of a number after it."""
    return Context(text).before(len(text))


def closest(phrase: str, names: list[tuple[str, str]], context: Before, strict: bool = False,  # noqa: C901 - the ways a name fits and the tie-breaks, kept in one place to be read together
            zones: dict[str, frozenset[str]] | None = None) -> str | None:
    """The metric whose name best fits `phrase`, or None when none fits or two fit equally well.

    `names` are (name, metric id) pairs; `context` is the text around the number (the paragraph up
    to it), which decides between names that differ by words the phrase leaves out (“双百工程”).
    A name fits when it appears in the phrase, the phrase's core appears in it, or their bigrams
    mostly agree (Dice >= 0.7), or it has the same characters in another order; levels (国家/省/市/国际) must agree. `strict` accepts only a name
    equal to the phrase. `zones` holds the zones a metric's own name names (自创区): an alias without
    them still belongs to that zone.
    """
    phrase = _CUT.sub("", _LEADING.sub("", phrase))
    levels = _levels(phrase)
    phrase = normalize(phrase)
    if len(phrase) < 3:
        return None
    grams = _bigrams(phrase)
    best: dict[str, Candidate] = {}
    for raw, metric in names:
        name, own, name_grams = _registry_name(raw)
        if zones:
            own = own | zones.get(metric, frozenset())
        if len(name) < 3:
            continue
        if not levels <= own or any(not context.names(level) for level in own - levels):
            continue
        if strict and name != phrase:
            continue
        if name in phrase:
            strength = 3.0 + len(name) / 100
        elif len(phrase) >= 4 and phrase in name:
            strength = 2.0 + len(phrase) / len(name)
        elif len(phrase) == len(name) and sorted(phrase) == sorted(name):
            strength = 1.95  # the same words in another order: 技术示范转移机构, 技术转移示范机构
        else:
            dice = _dice(grams, name_grams)
            if dice < 0.7 or narrower(phrase, name):
                continue
            strength = 1.0 + dice
        rest = _bigrams(name.replace(phrase, "")) if phrase in name else name_grams
        support = sum(1 for bigram in rest if context.holds(bigram)) / max(1, len(rest))
        candidate = Candidate(metric, name, (strength, support))
        if metric not in best or candidate.score > best[metric].score:
            best[metric] = candidate
    if not best:
        return None
    ranked = sorted(best.values(), key=lambda c: c.score, reverse=True)
    if len(ranked) > 1 and ranked[0].score == ranked[1].score:
        return None
    return ranked[0].metric


# Words that pick a narrower population out of a measure's: 科技型中小企业 are some of 科技型企业.
_QUALIFIER = re.compile(r"(?:中小|小微|小型|微型|大中型|大型|中型|规上|规模以上|重点|骨干|龙头|领军|"
                        r"国家|国际|省|市|区|县|新型|高成长)+")


def narrower(phrase: str, name: str) -> bool:
    """Whether `phrase` is `name` with a qualifier put inside it (科技型中小企业总数 for 科技型企业总数):
    a narrower measure, not the same one written differently."""
    for k in range(2, len(name) - 1):
        head, tail = name[:k], name[k:]
        at = phrase.find(head)
        if at == -1:
            continue
        end = phrase.find(tail, at + k)
        if end > at + k and _QUALIFIER.fullmatch(phrase[at + k:end]):
            return True
    return False


def list_phrases(subject: str, count: int) -> list[str] | None:
    """Split “A、B、C等产业产值” or “A和B培育库企业” into one phrase per item, sharing the tail.

    Returns `count` phrases (A产业产值, B产业产值, ...) or None when the list does not have `count`
    items. Without 等, the tail is found later, by trying the suffixes of the last item (see tails()).
    """
    head, _, tail = subject.rpartition("等")
    items = [i for i in re.split(r"、|和|及|与", head if head else subject) if i]
    if len(items) != count:
        return None
    return [item + tail for item in items] if head else items


def tails(last: str) -> list[str]:
    """The possible shared tails of a list's last item, longest first (培育库企业 of 高新技术企业培育库企业)."""
    return [last[i:] for i in range(1, len(last) - 1)]


_LEVEL_ONLY = re.compile(r"^(?:其中|包括|[,，：:、])*(国家级|国家|省级|市级|区级|县级|国际)$")
_PARENT_VERBS = re.compile(r"^(?:我市|全市|共有|共|累计|获得|拥有|有|现有|新增|各级各类|各级|各类)+")


def breakdown_phrase(read: Sentence, start: int, left: str) -> str | None:
    """国家级7家 after “共有各级技术示范转移机构41家,其中,”: the level plus the total's subject
    (国家级技术示范转移机构), or None when the words before the number are more than a level."""
    level = _LEVEL_ONLY.match(left.strip())
    if not level:
        return None
    found = read.last(_BREAKDOWN_WORDS[0], start) or read.last(_BREAKDOWN_WORDS[1], start)
    if found is None:
        return None
    sentence, end = read.text, found.start()
    while end > 0 and sentence[end - 1] in "，,：: ":
        end -= 1
    parent = sentence[read.clause_start(end):end]  # the clause before 其中, up to its marks
    number = re.search(r"\d", parent)
    if number is None:
        return None
    noun = _PARENT_VERBS.sub("", re.sub(r"(?:达到|达|为|是|有|总数|共)+$", "", parent[:number.start()]))
    return level.group(1) + noun if len(noun) >= 2 else None


_BREAKDOWN_WORDS = (re.compile("其中"), re.compile("包括"))
_LEVEL_WORD = re.compile(r"(?:国家|国际|省|市|区|县)级?|全国|全省|全市")


def specialise(found: str, metric: str, names: list[tuple[str, str]], context: str) -> str:
    """The most specific registry measure a generic name stands for in this context.

    累计攻克关键技术 in a paragraph about 新型研发机构 is 新型研发机构累计攻克关键技术; IC装备产业产值 in a
    sentence about 自创区 is 自创区IC装备产业产值. A longer name qualifies when it contains the name found
    and all its other words (not a mere level) appear in the context; the longest such name wins.
    """
    base = normalize(found)
    context = normalize(context)
    best, best_len = metric, len(base)
    for raw, other in names:
        name = _registry_name(raw)[0]
        if other == metric or len(name) <= best_len or base not in name:
            continue
        extra = [part for part in name.split(base) if part]
        # a level alone (国家, 省, 市) is too common in a sentence to tell measures apart
        if extra and all(part in context and len(part) >= 2 and not _LEVEL_WORD.fullmatch(part) for part in extra):
            best, best_len = other, len(name)
    return best


@dataclass(frozen=True)
class Name:
    text: str
    metric: str


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    metric: str


class SentenceHits:
    """The registry names found in one sentence, sorted, for the questions each number asks of them
    (the names in its clause, the last name before it whose unit fits) in logarithmic time."""

    def __init__(self, hits: list[Hit], metrics: dict[str, Metric]):
        self.hits = hits
        self.metrics = metrics
        self.starts = [h.start for h in hits]
        self._ends: dict[tuple[str, str], tuple[list[Hit], list[int]]] = {}

    def starting(self, start: int, end: int) -> list[Hit]:
        """The names that start inside [start, end)."""
        return self.hits[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def last_fitting(self, end: int, unit: str, basis: str, same_unit: bool = False) -> Hit | None:
        """The last name ending by `end` whose metric fits a number in `unit` on `basis` (or, with
        `same_unit`, is counted in `unit` itself)."""
        key = (unit, "=" if same_unit else basis)
        if key not in self._ends:
            keep = [h for h in self.hits if (self.metrics[h.metric].unit == unit if same_unit
                                             else fits(self.metrics[h.metric], unit, basis))]
            self._ends[key] = keep, [h.end for h in keep]
        keep, ends = self._ends[key]
        at = bisect_right(ends, end)
        return keep[at - 1] if at else None


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
        for metric in metrics.values():  # written names first: a variant never takes another's name
            for text in (metric.zh, *metric.aliases):
                for variant in variants(tidy(text)):
                    names.setdefault(variant, metric.id)
        self.names = sorted((Name(t, m) for t, m in names.items()), key=lambda n: -len(n.text))
        self._fitting: dict[tuple[str, str], list[tuple[str, str]]] = {}
        # the zones a metric's own name names (自创区高新技术企业): its aliases are that zone's too
        self.zones = {m.id: frozenset(ZONE.findall(m.zh)) for m in metrics.values() if ZONE.search(m.zh)}

    def names_of(self, metric: str) -> list[str]:
        """The names a metric is found by (its own, its aliases and their spellings), shortest first."""
        if not hasattr(self, "_by_metric"):
            self._by_metric: dict[str, list[str]] = {}
            for name in reversed(self.names):
                self._by_metric.setdefault(name.metric, []).append(name.text)
        return self._by_metric.get(metric, [])

    def fitting(self, unit: str, basis: str) -> list[tuple[str, str]]:
        """(name, metric id) of the registry names whose unit fits a number in `unit` on `basis`;
        computed once per unit and basis (a report has few)."""
        key = (unit, basis)
        if key not in self._fitting:
            self._fitting[key] = [(n.text, n.metric) for n in self.names if fits(self.metrics[n.metric], unit, basis)]
        return self._fitting[key]

    def hits(self, sentence: str) -> list[Hit]:
        """Non-overlapping mentions of metrics in `sentence`, longer names winning."""
        taken = [False] * len(sentence)
        hits = []
        for name in self.names:
            start = sentence.find(name.text)
            while start != -1:
                end = start + len(name.text)
                if not any(taken[start:end]):
                    hits.append(Hit(start, end, name.metric))
                    for i in range(start, end):
                        taken[i] = True
                start = sentence.find(name.text, end)
        return sorted(hits, key=lambda h: h.start)


def fits(metric: Metric, unit: str, basis: str) -> bool:
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


def respectively(sentence: str, quantities: list[Quantity], hits: list[Hit]) -> dict[int, Hit]:
    """分别: "A、B规模分别达到1000亿元、700亿元" pairs the names before 分别 with the numbers after, in order."""
    at = sentence.find("分别")
    if at == -1:
        return {}
    start = max(sentence.rfind(ch, 0, at) for ch in CLAUSE_END) + 1
    names = [h for h in hits if start <= h.start and h.end <= at]
    numbers = [q for q in quantities if q.start > at]
    if len(names) < 2 or len(names) != len(numbers):
        return {}
    return {q.start: hit for q, hit in zip(numbers, names)}
