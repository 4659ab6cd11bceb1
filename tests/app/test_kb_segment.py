from __future__ import annotations

from app.kb.segment import Term, index_text, normalize, terms


def test_han_runs_become_bigrams_plus_their_last_character() -> None:
    assert index_text("网络不通") == "网络 络不 不通 通"
    assert index_text("网") == "网"


def test_identifiers_stay_whole_and_their_parts_are_indexed_too() -> None:
    assert index_text("报 ORA-00600 错误").split() == [
        "报", "ora-00600", "ora", "00600", "错误", "误"]
    assert "cve-2024-3094" in index_text("CVE-2024-3094").split()


def test_full_width_forms_are_folded_without_changing_the_length() -> None:
    text = "ＯＲＡ－００６００，网络"
    assert normalize(text) == "ora-00600,网络"
    assert len(normalize(text)) == len(text)


def test_query_terms_keep_order_and_drop_repeats() -> None:
    assert terms("磁盘 ORA-00600 磁盘 disk") == [
        Term("磁盘", True), Term("ora-00600", False), Term("disk", False)]


def test_a_han_word_is_a_phrase_of_its_bigrams_and_one_character_a_prefix() -> None:
    assert Term("数据库", True).match_expression() == '"数据 据库"'
    assert Term("网", True).match_expression() == '"网"*'
    assert Term("ora-00600", False).match_expression() == '"ora-00600"'


def test_punctuation_and_quotes_cannot_reach_the_fts_syntax() -> None:
    assert terms('"网络" OR (磁盘*) NEAR') == [
        Term("网络", True), Term("or", False), Term("磁盘", True), Term("near", False)]
