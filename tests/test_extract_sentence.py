"""A sentence read once answers what each of its numbers asks (its clause, an open bracket or title, a
cue before it, the year it speaks of, where its measure is named) as rereading the text before the
number would: the same answers, in time that grows with the sentence, not its square."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from sykj_track.extract.cues import ESTIMATE, GOAL_CUES
from sykj_track.extract.dates import Years
from sykj_track.extract.drafter import Reading
from sykj_track.extract.layout import CLAUSE_END
from sykj_track.extract.match import Context, MetricIndex, normalize, text_context
from sykj_track.extract.proposed import subjectless
from sykj_track.extract.sentence import Sentence

PIECES = ["，", "；", "：", "（", "）", "(", ")", "《", "》", "企业", "达到", "预计", "力争", "100家", "、"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.data())
def test_clauses_brackets_titles_and_cues_as_the_text_before_says(pieces, data):
    text = "".join(pieces)
    read = Sentence(text)
    position = data.draw(st.integers(0, len(text)))
    start = max(text.rfind(ch, 0, position) for ch in CLAUSE_END) + 1
    ends = [i for i in (text.find(ch, position) for ch in CLAUSE_END) if i != -1]
    assert read.clause(position) == (start, min(ends) if ends else len(text))
    before = text[:position]
    assert read.opened(position) == (before.count("(") + before.count("（") > before.count(")") + before.count("）"))
    assert read.in_title(position) == (before.count("《") > before.count("》"))
    for pattern in (ESTIMATE, GOAL_CUES, re.compile("企业")):
        assert read.said_before(pattern, position) == bool(pattern.search(before))


def _year_in(sentence: str, position: int, clause: tuple[int, int]) -> tuple[int | None, bool]:
    """The year of a number as the sentence says it, rereading the sentence for the number."""
    best = None
    for match in re.finditer(r"(?<!\d)((?:19|20)\d{2})\s*年(度)?", sentence):
        year = int(match.group(1))
        if sentence[match.end():match.end() + 1] in ("-", "—", "至", "到") and \
                re.match(r"(?:19|20)\d{2}\s*年", sentence[match.end() + 1:]) or \
                re.search(r"\d年?[-—至]$", sentence[:match.start()]):
            continue
        if re.search(r"(?:比|较|与|同)$", sentence[:match.start()]) or \
                re.match(r"(?:度)?(?:的)?(?:相比|相较|同期)|为基数|为基期|为基准", sentence[match.end():]):
            continue
        if match.end() <= position:
            if re.search(r"(?:增加|提高|提升|增长|上升|跃升|下降|回落|降低|减少)(?:至|到)|增至|升至|降至|达到|到\d",
                         sentence[match.end():position]) and \
                    re.search(r"由|从", sentence[max(0, match.start() - 2):match.start()]):
                continue
            best = year
        elif best is None and clause[0] <= match.start() < clause[1]:
            return year, True
    return best, best is not None


YEAR_PIECES = ["由", "从", "2020年", "2021年度", "的", "增加至", "达到", "比", "相比", "-", "2023年", "，", "12%", "100家"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(YEAR_PIECES), max_size=20), st.data())
def test_the_year_of_each_number_in_order_as_rereading_finds_it(pieces, data):
    text = "".join(pieces)
    years, read = Years(text), Sentence(text)
    positions = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    for position in positions:  # in order, as the drafter asks; then one out of order
        assert years.at(position, read.clause(position)) == _year_in(text, position, read.clause(position))
    if positions:
        assert years.at(positions[0], read.clause(positions[0])) == \
            _year_in(text, positions[0], read.clause(positions[0]))


CLAUSES = ["同比增长12%", "全市高新技术企业达到100家", "比上年提高0.3个百分点", "到2030年达到150家", "增幅达到9.5%",
           "技术合同成交额120亿元"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=12), st.data())
def test_a_measure_is_named_where_rereading_the_clauses_back_finds_it(clauses, data):
    text = "，".join(clauses) + "。"
    read = Reading(text, MetricIndex({}))
    number = data.draw(st.integers(0, len(clauses) - 1))
    clause_start = sum(len(c) + 1 for c in clauses[:number])
    clause = (clause_start, clause_start + len(clauses[number]))
    subject_at = data.draw(st.sampled_from([clause_start, *(sum(len(c) + 1 for c in clauses[:k]) + 1
                                                          for k in range(number + 1))]))
    start = clause[0] if subject_at >= clause[0] else read.sentence.clause_start(subject_at)
    while start > 0 and subjectless(text[start:clause[1]]):
        start = max(text.rfind(ch, 0, start - 1) for ch in CLAUSE_END) + 1
    assert read.measure_start(clause, subject_at) == start


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("国家级省市级区县“”、 等技术企业平台"), max_size=30), st.data())
def test_the_context_before_a_number_holds_what_its_text_holds(text, data):
    end = data.draw(st.integers(0, len(text)))
    before, normal = Context(text).before(end), normalize(text[:end])
    assert text_context(text[:end]).end == end
    for level in ("国家", "国际", "省", "市级"):
        assert before.names(level) == (level in text[:end])
    for a in "国家级省市区县技术企业平台":
        for b in "国家级省市区县技术企业平台":
            assert before.holds(a + b) == (a + b in normal)
