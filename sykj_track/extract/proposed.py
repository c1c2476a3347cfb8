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
