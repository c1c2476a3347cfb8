"""Fuzzy matching of a quantity's words to the registry, when no name is found verbatim.

Reports split a measure's name around its number (形成383项技术标准 for 形成技术标准), swap words
(技术示范转移机构 for 技术转移示范机构), share one name among a list (科技小巨人和高新技术企业培育库企业
236家和338家) or leave the level to a breakdown (技术转移机构41家,其中,国家级7家). These helpers build
the phrase a number counts and find the registry name closest to it; the caller checks units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Metric
from ..quantity import QuantityError, parse_unit
from .layout import CLAUSE_END, tidy
from .quantities import Quantity

_NOISE = re.compile(r"[“”\"‘’《》()（）、\s·•]|等")
_LEADING = re.compile(r"^(?:其中|包括|全市|我市|全年|共有|共|累计达到|目前|各级各类|各级|各类|共计)+")
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


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """A name or phrase without quotes, brackets and list marks, levels written short (国家级 -> 国家)."""
    text = _NOISE.sub("", text)
    return re.sub(r"(国家|省|市|区|县)级", r"\1", text)


@lru_cache(maxsize=8192)
def _levels(text: str) -> frozenset[str]:
    """The administrative levels a text names; 市 only as 市级 (全市, 城市, 市场 name no level)."""
    return frozenset(level for level in ("国家", "国际", "省", "市级") if level in text)


@lru_cache(maxsize=8192)
def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def _dice(a: str, b: str) -> float:
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


@dataclass(frozen=True)
class Candidate:
    metric: str
    name: str
    score: tuple[float, float]


def closest(phrase: str, names: list[tuple[str, str]], context: str, strict: bool = False) -> str | None:
    """The metric whose name best fits `phrase`, or None when none fits or two fit equally well.

    `names` are (name, metric id) pairs; `context` is the text around the number (the paragraph up
    to it), which decides between names that differ by words the phrase leaves out (“双百工程”).
    A name fits when it appears in the phrase, the phrase's core appears in it, or their bigrams
    mostly agree (Dice >= 0.7), or it has the same characters in another order; levels (国家/省/市/国际) must agree. `strict` accepts only a name
    equal to the phrase.
    """
    phrase = _CUT.sub("", _LEADING.sub("", phrase))
    levels = _levels(phrase)
    phrase = normalize(phrase)
    if len(phrase) < 3:
        return None
    best: dict[str, Candidate] = {}
    for raw, metric in names:
        name = normalize(raw)
        if len(name) < 3:
            continue
        own = _levels(raw)
        if not levels <= own or any(level not in context for level in own - levels):
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
            dice = _dice(phrase, name)
            if dice < 0.7 or narrower(phrase, name):
                continue
            strength = 1.0 + dice
        rest = name.replace(phrase, "") if phrase in name else name
        support = len(_bigrams(rest) & _bigrams(normalize(context))) / max(1, len(_bigrams(rest)))
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


def breakdown_phrase(sentence: str, start: int, left: str) -> str | None:
    """国家级7家 after “共有各级技术示范转移机构41家,其中,”: the level plus the total's subject
    (国家级技术示范转移机构), or None when the words before the number are more than a level."""
    level = _LEVEL_ONLY.match(left.strip())
    at = sentence.rfind("其中", 0, start)
    if at == -1:
        at = sentence.rfind("包括", 0, start)
    if not level or at == -1:
        return None
    parent = re.split(r"[，,；;：:。]", sentence[:at].rstrip("，,：: "))[-1]
    number = re.search(r"\d", parent)
    if number is None:
        return None
    noun = _PARENT_VERBS.sub("", re.sub(r"(?:达到|达|为|是|有|总数|共)+$", "", parent[:number.start()]))
    return level.group(1) + noun if len(noun) >= 2 else None


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
        name = normalize(raw)
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
