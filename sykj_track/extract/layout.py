"""Layout: paragraphs, sentences and clauses of a report, and the sections its headings open.

A heading "2024年工作情况" opens a summary of 2024, "2025年工作安排" a plan for 2025; a heading
without a year keeps the section it is in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ---------------------------------------------------------------------------------------- text layout

HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[部章节]分?)")
SUMMARY_WORDS = re.compile(r"(\d{4})\s*年(?:度)?(?:[^，,。；;]{0,6})(?:工作)?(?:情况|总结|完成情况|回顾|成效|主要成绩)")
PLAN_WORDS = re.compile(r"(\d{4})\s*年(?:度)?(?:[^，,。；;]{0,6})(?:工作)?(?:安排|目标|思路|计划|打算|重点|任务|要点)")
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
        if not line or (wrapped and HEADING.match(line)) or not wrapped:
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


# ---------------------------------------------------------------------------------------- sections

@dataclass(frozen=True)
class Section:
    """What the text under a heading speaks of: a summary of `year` or a plan for `year`."""

    mode: str  # "summary" | "plan" | "unknown"
    year: int | None
    agency: str
    zone: str = ""  # the zone (高新区, 开发区…) a heading puts the section's figures in, if any


# Zones inside a city whose figures are their own, not the city's: 高新区, 经开区, 自创区, 科技城, 片区.
ZONE = re.compile(r"高新技术产业开发区|经济技术开发区|自主创新示范区|自贸试验区|高新区|经开区|开发区|自创区|自贸区|"
                  r"示范区|(?<![创])新区|产业园区|科技城|片区")
_TOP_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+[部章]分?)")


def zone_of_heading(heading: str, previous: str) -> str:
    """The zone a heading's section speaks of: the zone it names (三、高新区超额完成年度任务); else the
    zone of the section a sub-heading (（一）…) is in; a top heading naming none ends it."""
    found = ZONE.search(heading)
    if found:
        return found.group()
    return "" if _TOP_HEADING.match(heading) else previous


# Headings that say what their section does without a year: a review of results so far, or goals.
_REVIEW_HEADING = re.compile(r"(?:推进|进展|完成|实施|落实|工作|运行|发展)情况|工作进展|进展成效|工作成效|主要成效|主要成绩|"
                             r"取得成效|发展基础|发展现状|现状|基础|背景|回顾|述职|成绩单")
_GOAL_HEADING = re.compile(r"(?:主要|发展|总体|工作|预期|任务)目标|目标任务|主要指标|工作安排|下一步|今后|计划|打算|展望")
# 十三五 (the 13th five-year period) ends in 2020: from the 6th on, the k-th period ends in 1955 + 5k.
_FIVE_YEAR = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?")
_YEAR_RANGE = re.compile(r"\d{4}\s*年?\s*[—–\-~～至到]\s*\d{4}\s*年")


def five_year_end(text: str) -> int | None:
    """The last year of the five-year period a text names, or None.

    >>> five_year_end("十三五"), five_year_end("十四五规划"), five_year_end("2025年")
    (2020, 2025, None)
    """
    match = _FIVE_YEAR.search(text)
    if not match:
        return None
    return 1955 + 5 * (10 + "一二三四五六七八九".index(match.group(1)) + 1)


def section_of(heading: str, previous: Section) -> Section:
    """The section a heading opens: "2024年工作情况" a summary of 2024, "2025年工作安排" a plan for
    2025, "推进情况" or "发展基础" a review of unstated year, "主要目标" goals of unstated year, a
    "十三五时期…基础" heading a review of the period's last year. A span of years (2023—2027年) names
    no single year. A heading that says none of these keeps the current section."""
    text = _YEAR_RANGE.sub("", heading)
    summary = SUMMARY_WORDS.search(text)
    plan = PLAN_WORDS.search(text)
    if summary and plan:  # a title "2024年工作总结及2025年工作安排": the summary comes first
        return Section("summary", int(summary.group(1)), previous.agency)
    if plan:
        return Section("plan", int(plan.group(1)), previous.agency)
    if summary:
        return Section("summary", int(summary.group(1)), previous.agency)
    period = five_year_end(text)
    if _REVIEW_HEADING.search(text) and not _GOAL_HEADING.search(text):
        return Section("summary", period, previous.agency)
    if _GOAL_HEADING.search(text):
        return Section("plan", period, previous.agency)
    return previous


_AGENCY_SPEAKS = re.compile(r"市([\u4e00-\u9fff]{2,12}?局)(?:相关)?(?:负责人|局长|副局长)?(?:介绍|表示|指出)")
_AGENCY_SHORT = {"科技局": "科学技术局", "工信局": "工业和信息化局"}


def agency_speaking(paragraph: str, city: str) -> str | None:
    """The agency a press-conference paragraph gives the floor to (市工业和信息化局相关负责人介绍)."""
    match = _AGENCY_SPEAKS.search(paragraph[:60])
    if not match:
        return None
    name = match.group(1)
    if not city:
        return None  # 市…局 of an unknown city: leave the agency to the reviewer rather than guess
    return city + _AGENCY_SHORT.get(name, name)


CLAUSE_END = "，,；;：:。！？!?"


def sentences(paragraph: str) -> list[str]:
    parts = re.split(r"(?<=[。！？!?；;])", paragraph)
    return [p for p in parts if p.strip()]


def open_paren(text: str) -> bool:
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def document_mode(paras: list[str]) -> str:
    """Whether text outside any dated section mostly looks back (summary) or forward (plan)."""
    forward = sum(len(re.findall(r"力争|确保|争取|将|计划|目标|推动|加快|要|年底前", p)) for p in paras)
    backward = sum(len(re.findall(r"已|累计|同比|截至|目前|达到|实现|取得|荣获|获批", p)) for p in paras)
    return "plan" if forward > backward * 1.5 else "summary"
