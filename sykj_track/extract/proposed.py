"""Measures the registry does not know: the words a number counts, proposed as a new metric."""

from __future__ import annotations

import hashlib
import re

from ..quantity import QuantityError, parse_unit
from .quantities import Quantity

VERBS = re.compile(r"^(?:全市|我市|沈阳市|全省|其中|同时|共|累计|新增|推动|推进|实施|建设|培育|引进|打造|组织|开展|支持|"
                    r"力争|确保|争取|预计|实现|达到|突破|超过|完成|形成|获得|荣获|吸引|引育|新培育|滚动|开发|聚集|制定|发布|"
                    r"组建|设立|备案|认定|年度|今年|全年|的|和|及|与|、)+")
TRAILING = re.compile(r"(?:总数|数量|总量|规模)?(?:达到|达|实现|突破|超过|超|为|是|有|共|约|近|增至|增加至|提高到|提升至|"
                        r"保持在|分别|以上|累计|新增)+$")


def suggest_id(subject: str, unit: str) -> str:
    digest = hashlib.sha1(subject.encode("utf-8")).hexdigest()[:6]
    return f"new_{digest}"


def subject_before(clause_text: str) -> str:
    text = TRAILING.sub("", clause_text)
    text = VERBS.sub("", text)
    text = re.sub(r"^[“”\"(（)）、]+|[“”\"(（、]+$", "", text)
    return text[-16:]


def kind_of_metric(unit: str, basis: str) -> str:
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


def subject_after(sentence: str, q: Quantity, clause: tuple[int, int]) -> str:
    text = sentence[q.end:clause[1]]
    text = re.split(r"[、（(]", text)[0]
    return text[:12]


def base_unit(unit: str) -> str:
    for prefix in ("万亿", "亿", "万", "千"):
        if unit.startswith(prefix) and unit != prefix:
            rest = unit[len(prefix):]
            return "亿元" if rest == "元" else rest
    if unit in ("万亿", "亿", "万"):
        return "亿元" if unit != "万" else "个"
    return "亿元" if unit == "元" else unit


# What a clause may hold besides its subject: dates, comparisons, verbs of change, bounds, numbers.
_NOT_A_SUBJECT = re.compile(
    r"(?:19|20)\d{2}年(?:度)?|[一二三四1-9]季度|上半年|下半年|全年|今年|去年|同比|环比|比上年|较上年|比去年|较去年|"
    r"与上年相比|增幅|增速|增长率|增长|增加|提高|提升|上升|下降|回落|跃升|升至|降至|达到|达|为|至|到|了|"
    r"力争|确保|争取|预计|有望|分别|其中|年均|超过|突破|以上|左右|近|约|第|位|名|"
    r"[\d.%％]+|[个百分点万亿千元家项件人名]+|[，,；;：:、（）()“”\s]")


def subjectless(clause: str) -> bool:
    """Whether a clause names no measure of its own (同比增长12%, 增幅达到9.5%, 比上年提高0.3个百分点,
    到2030年达到150家): what is left without dates, verbs of change, bounds and numbers is under two
    characters."""
    return len(_NOT_A_SUBJECT.sub("", clause)) < 2
