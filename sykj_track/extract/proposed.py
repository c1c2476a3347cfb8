"""Measures the registry does not know: the words a number counts, proposed as a new metric."""

from __future__ import annotations

import functools
import hashlib
import re

from ..quantity import QuantityError, parse_unit
from .quantities import Quantity

_VERB_WORDS = (r"全市|我市|本市|全省|我省|本省|其中|同时|共|累计|新增|推动|推进|实施|建设|培育|引进|打造|组织|开展|支持|"
                    r"力争|确保|争取|预计|实现|达到|突破|超过|完成|形成|获得|荣获|吸引|引育|新培育|滚动|开发|聚集|制定|发布|"
                    r"新组建|新建|组建|设立|备案|认定|年度|今年|全年|的|和|及|与|、")
VERBS = re.compile(rf"^(?:{_VERB_WORDS})+")


@functools.lru_cache(maxsize=8)
def verbs_for(region: str) -> re.Pattern[str]:
    """VERBS that also strip the ledger's own city or province in front of a measure (大连市高新技术企业 ->
    高新技术企业); the region comes from the ledger, never from a list of places."""
    if not region:
        return VERBS
    return re.compile(rf"^(?:{re.escape(region)}|{_VERB_WORDS})+")
TRAILING = re.compile(r"(?:总数|数量|总量|规模)?(?:同比|比上年|较上年|增长|增速|增幅|年均|中位列|位列|位居|名列|排在|居|第|已达到|已达|已突破|已超过|力争|确保|争取|预计|有望|达到|达|实现|突破|超过|超|为|是|有|共|约|近|增至|增加至|提高到|提升至|"
                        r"保持在|分别|以上|累计|新增|完成)+$")


# Words of the measures reports name, for readable ids of proposed metrics (longest match first).
_GLOSSARY = {
    "高新技术企业": "hitech_enterprises", "科技型中小企业": "tech_smes", "科技型企业": "tech_enterprises",
    "专精特新": "specialised", "小巨人": "little_giants", "瞪羚": "gazelle", "独角兽": "unicorn",
    "技术合同成交额": "tech_contract_turnover", "技术合同交易额": "tech_contract_turnover",
    "技术合同": "tech_contracts", "成交额": "turnover", "交易额": "turnover",
    "研发投入强度": "rd_intensity", "研发经费投入强度": "rd_intensity", "R&D经费投入强度": "rd_intensity",
    "R&D投入强度": "rd_intensity", "研发强度": "rd_intensity", "投入强度": "intensity", "R&D经费": "rd_spending", "研发经费": "rd_spending", "研发投入": "rd_input",
    "研发费用": "rd_expenses", "研发人员": "rd_staff", "研发": "rd", "R&D": "rd",
    "发明专利": "invention_patents", "专利": "patents", "孵化器": "incubators", "众创空间": "makerspaces",
    "孵化载体": "incubation_carriers", "载体": "carriers", "新型研发机构": "new_rd_institutes",
    "研发机构": "rd_institutes", "重点实验室": "key_labs", "实验室": "labs", "技术创新中心": "innovation_centers",
    "中心": "centers", "平台": "platforms", "人才": "talents", "团队": "teams", "院士": "academicians",
    "大学科技园": "university_sci_parks", "科技园": "sci_parks", "高校": "universities", "总产值": "gross_output", "产值": "output", "营业收入": "revenue", "营收": "revenue",
    "收入": "revenue", "增加值": "value_added", "比重": "share", "占比": "share", "投资": "investment",
    "资金": "funds", "经费": "funding", "项目": "projects", "成果": "results", "转化": "transfer",
    "高新区": "hitech_zone", "高新技术产业开发区": "hitech_zone", "经开区": "econ_zone", "经济技术开发区": "econ_zone",
    "开发区": "dev_zone", "自创区": "innovation_zone", "自主创新示范区": "innovation_zone", "自贸区": "ftz",
    "自贸试验区": "ftz", "示范区": "demo_zone", "科技城": "sci_city", "片区": "area", "园区": "parks", "上市": "listed", "科技": "tech", "创新": "innovation",
    "产业": "industry", "数字经济": "digital_economy", "规上工业": "industry_above_scale", "工业": "industry",
    "企业": "enterprises", "财政": "fiscal", "科普": "science_popularisation", "机构": "institutions",
    "国家级": "national", "省级": "provincial", "市级": "municipal", "排名": "rank", "位次": "rank",
    "增速": "growth", "增幅": "growth", "战略性新兴": "strategic_emerging", "高技术": "high_tech",
    "制造业": "manufacturing", "服务业": "services", "出口": "exports", "标准": "standards", "奖": "awards",
    "指数": "index", "能力": "capability", "综合": "overall", "城市": "cities", "基金": "funds", "融资": "financing",
    "贷款": "loans", "专家": "experts", "工作站": "workstations", "基地": "bases", "联盟": "alliances",
    "集群": "clusters", "人员": "staff", "科研": "research", "论文": "papers", "设备": "equipment",
    "仪器": "instruments", "服务": "services", "经纪人": "brokers", "特派员": "commissioners", "示范": "demo",
    "研究院": "institutes", "研究所": "institutes", "院所": "institutes", "大学": "universities",
    "合作": "cooperation", "国际": "international", "海外": "overseas", "外国": "foreign", "引进": "introduced",
    "入库": "registered", "评价": "assessed", "登记": "registered", "在孵": "incubated", "孵化": "incubation",
    "利润": "profit", "税收": "tax", "新产品": "new_products", "产品": "products", "装备": "equipment",
    "概念验证": "poc", "中试": "pilot", "工程技术研究中心": "eng_research_centers",
    "企业技术中心": "enterprise_tech_centers", "创新平台": "innovation_platforms", "知识产权": "ip",
    "商标": "trademarks", "品牌": "brands", "技术转移": "tech_transfer", "首台": "first_units",
    "会议": "meetings", "政策": "policies", "文件": "documents", "任务": "tasks", "申报": "applications",
    "公示": "listed", "全国重点实验室": "national_key_labs", "全球": "global", "全国": "national",
}
# What a measure counts, by its unit, for an id the glossary cannot build (a count of 项 is of items).
_UNIT_WORDS = {"家": "organisations", "个": "count", "项": "items", "件": "items", "人": "people", "名": "people",
               "次": "times", "场": "events", "位": "rank", "%": "rate", "个百分点": "points", "百分点": "points",
               "元": "amount", "平方米": "area", "吨": "tonnes"}
_GLOSSARY_KEYS = sorted(_GLOSSARY, key=len, reverse=True)


def suggest_id(subject: str, unit: str = "") -> str:
    """A readable snake_case id for a measure the registry does not know, from the words of its name;
    a name without known words is named by what its unit counts (organisations, items, amount, rate),
    else measure_ and a short digest. The caller makes ids unique.

    >>> suggest_id("技术合同成交额"), suggest_id("高新技术企业"), suggest_id("某某指标", "%")
    ('tech_contract_turnover', 'hitech_enterprises', 'rate')
    """
    words: list[str] = []
    i = 0
    while i < len(subject):
        for key in _GLOSSARY_KEYS:
            if subject.startswith(key, i):
                if not words or words[-1] != _GLOSSARY[key]:
                    words.append(_GLOSSARY[key])
                i += len(key)
                break
        else:
            i += 1
    words = words[-4:]
    if not words or words == ["new"] or words == ["growth"]:
        counted = _UNIT_WORDS.get(unit) or _UNIT_WORDS.get(unit.lstrip("万亿千"))
        if counted:
            return counted
        digest = hashlib.sha1(subject.encode("utf-8")).hexdigest()[:4]
        words = ["measure", digest]
    return "_".join(words)


# Words that do not change what a name counts: 技术合同登记成交额 is 技术合同成交额, 科技型中小企业总数
# and 科技型中小企业将(达到) are 科技型中小企业.
_FILLER = re.compile(r"总数|数量|总量|总额|登记|完成|的|将|[“”\"‘’（）()、\s]")


def same_measure(words: str) -> str:
    """The words of a proposed measure as a key: names of one measure in one report agree on it,
    whatever filler words (总数, 登记, 将) they carry; its characters sorted, so 转移示范 and 示范转移
    agree too."""
    core = _FILLER.sub("", words)
    return "".join(sorted(core)) if len(core) >= 2 else words


def better_of(subject: str, unit: str) -> str:
    """Whether more is better: not for a rank (18th beats 20th), nor for what a report wants to cut
    (能耗, 排放, 成本, 下降)."""
    try:
        if parse_unit(unit).dimension == "rank":
            return "lower"
    except QuantityError:
        pass
    return "lower" if re.search(r"能耗|排放|成本|污染|事故|下降|降低|减少|时长|周期", subject) else "higher"


def subject_before(clause_text: str, verbs: re.Pattern[str] = VERBS) -> str:
    """The words naming what a number counts, from the clause before it (without verbs, bounds and
    any date: 2024年全市财政科技经费投入 -> 全市财政科技经费投入)."""
    clause_text = re.split(r"(?:19|20)\d{2}年(?:度)?(?:底|末)?(?:的)?", clause_text)[-1]
    text = TRAILING.sub("", clause_text)
    # 技术合同成交额年均增长15%以上，2025年突破580亿元: a number closing the words is not part of the name
    text = TRAILING.sub("", re.sub(r"\d+(?:\.\d+)?(?:%|％|个百分点)?$", "", text))
    text = verbs.sub("", text)
    text = re.sub(r"^[“”\"(（)）、]+|[“”\"(（、]+$", "", text)
    return text[-16:]


def kind_of_metric(unit: str, basis: str, subject: str = "") -> str:
    """stock (a level at year end), flow (adds up over the year), ratio or rank, from the unit and the
    wording: money and what is 新增/认定/成交 in a year flow; counts of what exists are stocks."""
    try:
        dimension = parse_unit(unit).dimension
    except QuantityError:
        return "stock"
    if dimension in ("percent", "points"):
        return "ratio"
    if dimension == "rank":
        return "rank"
    if dimension == "money" or basis == "increment" or re.search(r"新增|新认定|净增|成交|授权|申请|引进|培育", subject):
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
    r"力争|确保|争取|预计|有望|分别|其中|年均|超过|突破|以上|左右|近|约|第|位|名|总数|总量|新增|净增|"
    r"[\d.%％]+|[个百分点万亿千元家项件人名]+|[，,；;：:、（）()“”\s]")


def subject_chars(text: str) -> int:
    """How many characters of `text` are left without dates, verbs of change, bounds, numbers and
    clause marks: the words that could name a measure. Additive over clauses (no such word runs
    across a clause mark), so a run of clauses is the sum of its clauses."""
    return len(_NOT_A_SUBJECT.sub("", text))


def subjectless(clause: str) -> bool:
    """Whether a clause names no measure of its own (同比增长12%, 增幅达到9.5%, 比上年提高0.3个百分点,
    到2030年达到150家): what is left without dates, verbs of change, bounds and numbers is under two
    characters."""
    return subject_chars(clause) < 2
