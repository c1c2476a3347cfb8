"""Numbers in a report that are neither a goal nor an achievement figure, and why.

A work report is full of numbers that measure nothing the bureau is held to: the number of tasks in
its own plan, party branches and officials it commends, a named company's sales, the national average
it compares itself with, the share a count just given makes of a total. `extract` reports these in a
separate `skipped` list with the reason, so a reviewer can still see them, instead of proposing each
as a new metric. The rules speak of how such reports are written, not of any particular report.

Most rules only apply to a number the registry could not match: a number that names a known measure is
a figure whatever its context. The exceptions (comparisons with a national or provincial average,
numbers inside a document title) are never figures of the city's own measures.
"""

from __future__ import annotations

import re

from .layout import open_paren
from .quantities import Quantity
from .sentence import Sentence

# Counts of the bureau's own organisation and of its plan's structure: tasks, meetings, party branches,
# officials and the honours they won, evaluation indicators, quotas.
_ADMIN_NOUN = re.compile(
    r"^(?:[“”\"]?)(?:[\u4e00-\u9fff“”\"]{0,6}?)(?:党支部|党组织|党员|干部|同志|公务员|集体|首席服务官|服务官|工作任务|重点任务|"
    r"任务举措|具体工作|例会|集中调度|调度|政策点|一级指标|二级指标|三级指标|指标|获奖名额|名额|专项行动|联席会议|专班)")
_ADMIN_BEFORE = re.compile(r"(?:党支部|党组织|干部|同志|公务员|工作任务|例会|调度|指标体系|包保|任务来源)")

# A comparison with someone else's figure: 高于全国(2.40%)0.54个百分点, 高于全省0.79个百分点.
_COMPARISON = re.compile(r"(?:高于|低于|高出|领先|超出|超过|快于|慢于)(?:全国|全省|全市|同期|平均)[^，,；;。]*$|"
                         r"(?:全国|全省)(?:平均(?:水平)?)?[（(]$")

# A rate averaged over several years: 年均增长15%, 年均增速达到12%, 复合增长率20%.
_AVERAGE = re.compile(r"(?:年均|平均每年|复合)(?:增长|增速|增幅)?(?:率|速度)?(?:达到|达|为|保持在|超过|超|约|近|在)?$")

# How much of a target was done: 完成全年任务的136%, 完成年度目标（1300家）的54.2%, 任务完成率达到98%.
_COMPLETION = re.compile(r"完成[^，,；;。]{0,12}?(?:任务|目标|计划)[^，,；;。]{0,12}?的$|(?:任务|目标|计划)完成率(?:达到|达|为)?$")

# A move up or down a ranking: 较上年上升3位, 比2015年提高4位, 前移2位.
_RANK_CHANGE = re.compile(r"(?:上升|提升|提高|前移|前进|跃升|进位|下降|下滑|后退|后移|回落)了?$")

# 均居全省第一, 增速居全国第二: one place claimed for several measures, or for how fast one grew.
_RANK_CLAIM = re.compile(r"均[^，,；;。]{0,2}(?:居|列|位居|位列)|(?:增速|增幅|增长率)[^，,；;。]{0,3}(?:居|列|位居|位列)")

# An example list of named organisations: 拓荆科技等8家单位, 新松机器人、诺康制药等企业产值分别增长.
_NAMED_EXAMPLES = re.compile(r"等(?:\d+(?:\.\d+)?[家个户所]?)?(?:单位|成员单位|企业|公司)")
_COMPANY = re.compile(r"公司|集团|市场份额|国内市场|占领")
# A sentence about one named carrier or park: 中关村(沈阳)领创空间在孵企业11家, 东大优客工场6000平方米.
# A proper name shows by a city in brackets, a middle dot, or a company-like ending; 大学科技园 alone
# is a kind of carrier, not a name.
_NAMED_PLACE = re.compile(r"^[\u4e00-\u9fffA-Za-z]{0,10}(?:[（(][\u4e00-\u9fff]{2,3}[)）]|[•·]|[\u4e00-\u9fff]{2,10}?(?:公司|集团|工场|超市))")

# Structure of the report or of a list, not a count: 跻身全国15个…之一, 对全国97个城市进行综合评价.
_ONE_OF = re.compile(r"之一")
_UNIVERSE = re.compile(r"对(?:全国|全省)?$")

# Inputs, not results: 推荐17家企业申报, 征集全市科技创新成果88项; work under way (正在与…对接);
# one batch of a call (第二批共发布榜单39项); the terms of one deal or policy (赋予…所有权90%, 作价4505万元).
_INPUTS = re.compile(r"推荐$|征集[^，,；;。]*$|第[一二三四五六七八九十\d]+批")
_IN_PROGRESS = re.compile(r"正在")
_TERMS = re.compile(r"赋予|作价")
# One named organisation's possession: 辽宁纤维化学品制造中试基地的…项目.
_POSSESSIVE = re.compile(r"^[\u4e00-\u9fff]{4,}(?:基地|中心|实验室|研究院|研究所)的")

# Filed, recommended or reported for approval: inputs of a call, not what it granted
# (推荐120家企业申报, 申请报备高新技术企业900家, 组织申报推荐…).
_FILED = re.compile(r"(?:推荐|申报|报备|征集)[^，,；;。获认批授]{0,14}$")
_FILED_AFTER = re.compile(r"^[^，,；;。]{0,10}?(?:申报|报备)")
# A size threshold: 年营收3亿元以上的企业, 产值千万元以上企业.
_THRESHOLD = re.compile(r"^(?:以上|及以上)的?[\u4e00-\u9fff]{0,6}?(?:企业|单位|项目|工业)")
# Places or departments a sentence covers: 对16个设区市进行评价, 有6个市进入前十, 分解到40个部门.
_PLACES = re.compile(r"^(?:设区市|地级市|城市|市州|市|县区|区县|县|区|部门|单位|高新区|开发区|省市|省份|省)(?![\u4e00-\u9fff]*(?:企业|平台|中心|机构))")
# The bureau's own programme: projects it runs, calls and lists it publishes, plans it draws up,
# the funding it hands out (组织实施计划项目300个, 发布8批20个榜单, 编制5个路线图, 下达资金2000万元).
_OWN_WORK_VERB = re.compile(r"组织实施|立项实施|立项|发布|编制|明确|分解|跟进|征集|部署|下达")
_OWN_WORK_NOUN = re.compile(r"^[\u4e00-\u9fff“”\"]{0,10}?(?:项目|专项|榜单|计划|路线图|规划|方案|清单|领域|任务)")
_OWN_WORK_NOUN_BEFORE = re.compile(r"(?:项目|专项|榜单|计划|路线图|规划|方案|清单)$")
_OWN_WORK_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,8}?(?:参与竞榜|参与揭榜|揭榜|竞榜)")
_FUNDING = re.compile(r"(?:下达|拨付|兑现)(?:财政|专项|科技|项目)?(?:资金|经费)?$")
# What a list counts when it is a structure, not an achievement: 仪器仪表等8个细分产业, 等4个项目.
_STRUCTURE_NOUN = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:产业|行业|领域|方向|项目|路线图|专项|清单|环节)")

# Documents: 等27个政策措施性意见、方案.
_DOCUMENTS = re.compile(r"^(?:[\u4e00-\u9fff]{0,2})(?:政策措施|政策文件|意见|方案|文件|办法|通知|规划)")
# 出台政策文件7个, 制定实施细则5项: documents the bureau issued.
_DOCUMENTS_BEFORE = re.compile(r"(?:出台|制定|印发|发布|修订|起草)[\u4e00-\u9fff]{0,8}?(?:政策|文件|意见|办法|方案|措施|细则|规定)$")
# Meetings and events the bureau held: 召开全市科技创新大会1次, 举办培训班12期.
_MEETINGS = re.compile(r"(?:召开|举办|组织召开)[\u4e00-\u9fff“”]{0,14}?(?:会议|大会|会|论坛|培训班|培训|活动)$")
_MEETINGS_AFTER = re.compile(r"^(?:次|场|期)?[\u4e00-\u9fff]{0,6}?(?:会议|大会|座谈会|推进会|现场会|培训班|论坛)")
# The share a count makes of the applications of a call: 占全省公示数量（3619家）的10%.
_SHARE_OF_CALL = re.compile(r"占[^，,；;。]{0,12}(?:公示|申报|推荐|申请|报备)")
# A place described by a milestone it passed: 成为全省率先突破300家的设区市.
_MILESTONE = re.compile(r"(?:率先|成为|首个|首家|第一个)[^，,；;。]{0,10}$")


def _item_start(sentence: str, clause_start: int, position: int) -> int:
    """Where the list item holding `position` starts: after the last 、 or the clause start."""
    return max(clause_start, sentence.rfind("、", clause_start, position) + 1)


_BREAKDOWN = re.compile(r"其中|包括")


def _not_a_rate_or_rank(first: str, before: str, unit: str) -> str | None:
    """Why a rate or a rank is none of a measure's (年均增长15%, 完成全年任务的136%, 上升3位, 均居全省第一),
    or None; `first` is the number's first character, `before` its clause up to it."""
    if unit in ("%", "％") and _AVERAGE.search(before[-16:]):
        return "an average yearly rate over several years (年均), not one year's growth"
    if unit in ("%", "％") and _COMPLETION.search(before[-40:]):
        return "the share of a target completed (完成全年任务的136%), not a figure of a measure"
    if unit == "位" and _RANK_CHANGE.search(before[-6:]):
        return "a change of rank (上升3位), not a rank"
    if unit == "位" and (first == "一" or _RANK_CLAIM.search(before[-12:])):
        return "a first place in words, a place shared by several measures (均居) or of a growth rate: a claim, not a ranking"
    if unit == "位" and before.endswith("前"):
        return "a band of ranks (进入前10位), not a rank"
    return None


def not_a_measure(read: Sentence, start: int, end: int, clause: tuple[int, int], matched: bool,  # noqa: C901 - a list of independent rules, read top to bottom, the first that applies gives the reason
                  unit: str) -> str | None:
    """Why the number at sentence[start:end] is neither a goal nor a figure, or None when it may be one.

    `clause` bounds the clause holding it; `matched` says whether the registry knows its measure.
    """
    sentence = read.text
    before = sentence[clause[0]:start]
    after = sentence[end:clause[1]]
    if read.in_title(start):
        return "part of a document title"
    if _COMPARISON.search(before) or open_paren(before) and re.search(r"(?:全国|全省)[（(]$", before):
        return "a comparison with another average"
    reason = _not_a_rate_or_rank(sentence[start], before, unit)
    if reason:
        return reason
    if _FILED.search(before) or _FILED_AFTER.match(after):
        return "applications, submissions or one batch of a call: inputs, not results"
    if _DOCUMENTS.search(after) or _DOCUMENTS_BEFORE.search(before[-24:]):
        return "a count of documents"
    if unit in ("%", "％") and _SHARE_OF_CALL.search(before[-30:]):
        return "applications, submissions or one batch of a call: inputs, not results"
    if unit.endswith("元") and _THRESHOLD.match(after):
        return "a size threshold (年营收3亿元以上的企业), not an amount"
    if matched:
        return None
    item = sentence[_item_start(sentence, clause[0], start):start]
    if _PLACES.match(after):
        return "a count of places or departments the sentence covers"
    if _OWN_WORK_AFTER.match(after) or _OWN_WORK_VERB.search(before) and \
            (_OWN_WORK_NOUN.match(after) or _OWN_WORK_NOUN_BEFORE.search(before)):
        return "a count of the bureau's own projects, plans, calls or funding"
    if unit.endswith("元") and _FUNDING.search(before):
        return "a count of the bureau's own projects, plans, calls or funding"
    if re.search(r"等$", before) and _STRUCTURE_NOUN.match(after) and int(float(sentence[start:end].rstrip(
            "个项家余多%")) if re.match(r"\d", sentence[start:end]) else 1) <= 50:
        return "a count of the sectors, fields or projects just listed"
    if _MEETINGS.search(before[-24:]) and unit in ("次", "场", "期", "个") or _MEETINGS_AFTER.match(after):
        return "a count of the bureau's own meetings and events"
    if _MILESTONE.search(before[-16:]) and after.startswith("的"):
        return "a milestone describing a place (率先突破300家的城市), not a figure"
    if _ADMIN_NOUN.search(after) or _ADMIN_BEFORE.search(before):
        return "a count of the bureau's own work, staff or party organisation"
    if _ONE_OF.search(after) or _UNIVERSE.search(before) and "进行" in after:
        return "the size of a list it belongs to (之一, the cities compared)"
    if _NAMED_EXAMPLES.search(sentence[clause[0]:clause[1]]) or _COMPANY.search(sentence[clause[0]:clause[1]]):
        return "an anecdote about named organisations"
    if _INPUTS.search(before) or _INPUTS.search(item) or "申报" in after and re.search(r"推荐", before):
        return "applications, submissions or one batch of a call: inputs, not results"
    if _IN_PROGRESS.search(after) or _TERMS.search(before):
        return "work under way, or the terms of one deal or policy"
    # (a possessive is a run of characters: it cannot reach past the clause)
    if _NAMED_PLACE.search(sentence) or _POSSESSIVE.search(sentence[clause[0]:clause[1]]):
        return "an anecdote about one named carrier or park"
    # 占全省的42.1% is a measure of its own; 企业372家、占59.9% only splits the count before it.
    if unit in ("%", "％") and re.match(r"占(?!全省|全国|全市|全区|地区生产总值|GDP)", item):
        return "the share a count just given makes of a total"
    if read.opened(start) or read.said_before(_BREAKDOWN, start):
        return "a breakdown of a total"
    return None


def counts_a_list(before: str, q: Quantity) -> bool:
    """"智能芯片、智能语音、智能图像、智能器件4个核心产业" counts the items just listed: a description,
    not an achievement or a goal."""
    if q.number != q.number.to_integral_value() or q.number > 20 or not before:
        return False
    tail = re.split(r"[，,；;：:（(]", before)[-1]
    if re.search(r"\d", tail):
        return False  # 重点实验室8家、工程研究中心8家、新型研发机构3家: a list of counts, each its own
    items = len(re.findall(r"、", tail)) + 1 + len(re.findall(r"(?<=[\u4e00-\u9fff”])(?:和|及|与)(?=[\u4e00-\u9fff“])", tail))
    if items < 2:
        return False
    return int(q.number) == items or tail.endswith("等") and int(q.number) >= items


