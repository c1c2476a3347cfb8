"""Locating a quote in its seed, as check compares quotes: NFKC, whitespace ignored."""

import re

from hypothesis import given, strategies as st

from sykj_track.ledger.quotes import SeedIndex, found_in_order, locate, squeeze

SEED = ("沈阳市科学技术局2024年工作总结\n"
        "\n"
        "一、关于2024年工作情况\n"
        "\n"
        "我市新增3个国家级科技创新平台(总数79家),各级各类创新平台1710个,同比增长13%,增量和总量持续保持全省首位;"
        "高新技术企业总数达到5902家。科技型企业总数突破2.5万家。\n"
        "\n"
        "二、2025年工作安排\n"
        "技术合同成交额超过770亿元,\n"
        "全市高新技术企业达到\n"
        "6500 家。\n")


def test_line_sentence_and_paragraph_of_a_quote():
    found = locate(SEED, "高新技术企业总数达到5902家")
    assert found.line == 5 and found.end_line == 5
    assert found.sentence.startswith("高新技术企业总数达到5902家") and found.sentence.endswith("。")
    assert found.paragraph.startswith("我市新增3个") and found.paragraph.endswith("突破2.5万家。")
    assert SEED[found.start:found.end] == "高新技术企业总数达到5902家"
    assert found.where("seeds/x.txt") == "seeds/x.txt:5"


def test_sentence_runs_back_to_the_last_semicolon():
    found = locate(SEED, "创新平台1710个")
    assert found.sentence.startswith("我市新增3个") and found.sentence.endswith("全省首位;")


def test_a_quote_over_a_line_break_with_spaces_and_full_width_digits():
    found = locate(SEED, "全市高新技术企业达到６５００家")
    assert (found.line, found.end_line) == (9, 10)
    assert found.where("s.txt") == "s.txt:9-10"
    assert "6500 家" in SEED[found.start:found.end]


def test_a_quote_not_in_the_seed():
    assert locate(SEED, "高新技术企业达到9999家") is None
    assert locate(SEED, "  ") is None


@given(st.text(alphabet="企业达到家5 0\n。,", min_size=1, max_size=60), st.data())
def test_locate_finds_whatever_check_accepts(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    found = locate(text, quote)
    if squeeze(quote):
        assert found is not None and squeeze(text[found.start:found.end]) == squeeze(quote)
    else:
        assert found is None



def _around(text: str, start: int, end: int) -> tuple[int, int, str, str]:
    """Line, end line, sentence and paragraph of text[start:end], reading the text before it again."""
    from sykj_track.ledger.quotes import _collapse

    blank = [m for m in re.finditer(r"\n[ \t\r\f\v\u3000]*\n", text)]
    para_start = max((m.end() for m in blank if m.end() <= start), default=0)
    para_end = min((m.start() for m in blank if m.start() >= end), default=len(text))
    sent_start = max((i + 1 for i in range(para_start, start) if text[i] in "。！？!?；;"), default=para_start)
    sent_end = min((i + 1 for i in range(end - 1, para_end) if text[i] in "。！？!?；;"), default=para_end)
    return (text.count("\n", 0, start) + 1, text.count("\n", 0, end) + 1,
            _collapse(text[sent_start:sent_end]), _collapse(text[para_start:para_end]))


@given(st.text(alphabet="企业达到家5 \n。；", min_size=1, max_size=80), st.lists(st.tuples(st.integers(), st.integers()),
                                                                             max_size=8))
def test_one_index_locates_every_quote_of_a_seed_as_reading_it_again_would(text, spans):
    index = SeedIndex(text)
    for a, b in spans:
        start = a % len(text)
        quote = text[start:start + 1 + b % 8]
        found = index.locate(quote)
        if found is None:
            assert not squeeze(quote)
            continue
        assert (found.line, found.end_line, found.sentence, found.paragraph) == _around(text, found.start, found.end)


@given(st.text(alphabet="企业达到家50", max_size=60), st.lists(st.text(alphabet="企业达到家50", max_size=8), max_size=10))
def test_quotes_searched_in_order_are_found_wherever_they_are(seed, needles):
    assert found_in_order(seed, needles) == [needle in seed for needle in needles]
