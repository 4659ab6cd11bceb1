from __future__ import annotations

from app.kb.segment import terms
from app.kb.snippet import ELLIPSIS, highlight, needles, plain_text, snippet


def test_highlight_marks_chinese_words_and_identifiers_case_insensitively() -> None:
    words = needles(terms("网络 ora-00600"))
    assert highlight("网络不通，报 ORA-00600", words).marked() == "[网络]不通，报 [ORA-00600]"


def test_adjacent_bigram_matches_merge_into_one_mark() -> None:
    # 内部错误 is not in the text as a whole; its bigrams 内部 and 错误 are, side by side.
    words = needles(terms("内部错误码"))
    assert highlight("出现内部错误", words).marked() == "出现[内部错误]"


def test_ascii_words_only_match_at_a_word_start() -> None:
    assert highlight("fora ora", needles(terms("ora"))).marked() == "fora [ora]"


def test_snippet_is_cut_around_the_matches_with_ellipses() -> None:
    text = "甲" * 200 + "磁盘空间不足" + "乙" * 200
    cut = snippet(text, needles(terms("磁盘")), width=40)
    assert cut.text.startswith(ELLIPSIS) and cut.text.endswith(ELLIPSIS)
    assert len(cut.text) == 42
    assert [cut.text[a:b] for a, b in cut.spans] == ["磁盘"]


def test_snippet_prefers_the_window_holding_the_most_distinct_words() -> None:
    text = "网络" + "。" * 100 + "网络与磁盘同时告警" + "。" * 100
    cut = snippet(text, needles(terms("网络 磁盘")), width=30)
    assert {cut.text[a:b] for a, b in cut.spans} == {"网络", "磁盘"}


def test_plain_text_drops_markdown_marks() -> None:
    markdown = "## 现象\n\n* **网络**不通 ![图](a.png) 见[手册](http://x)\n1. `ping` 检查"
    assert plain_text(markdown) == "现象 网络不通 见手册 ping 检查"
