"""Search over a small fixed corpus (tests/app/kb_corpus.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from app.domain.clock import ManualClock
from app.kb.article import ArticleContent, ArticleState
from app.kb.editing import delete_article, save_article
from app.kb.search import ArticleSearch, SearchFilters
from app.store.database import Store
from tests.app.kb_corpus import DATABASE, NETWORK, Corpus, reader, write_corpus


@pytest.fixture
def corpus(store: Store, clock: ManualClock) -> Corpus:
    return write_corpus(store, clock)


@pytest.fixture
def conn(store: Store, corpus: Corpus) -> Iterator[sqlite3.Connection]:
    opened = reader(store)
    yield opened
    opened.close()


def found(conn: sqlite3.Connection, corpus: Corpus, query: str,
          filters: SearchFilters = SearchFilters()) -> list[str]:  # noqa: B008
    return corpus.keys([hit.article_id for hit in ArticleSearch(conn).search(query, filters).hits])


@pytest.mark.parametrize(("query", "expected"), [
    ("磁盘", {"disk"}),
    ("备份", {"backup"}),
    ("后门", {"xz"}),
    ("网络", {"line", "dns", "old"}),
])
def test_a_two_character_chinese_word_matches_inside_longer_text(
        conn: sqlite3.Connection, corpus: Corpus, query: str, expected: set[str]) -> None:
    assert set(found(conn, corpus, query)) == expected


def test_a_single_chinese_character_matches_anywhere_in_a_run(
        conn: sqlite3.Connection, corpus: Corpus) -> None:
    # 盘 ends the run 磁盘 in 服务器磁盘空间不足? No: it sits inside it; 乱 nowhere.
    assert found(conn, corpus, "盘") == ["disk"]
    assert found(conn, corpus, "乱") == []
    assert found(conn, corpus, "排") == found(conn, corpus, "排查")  # 排 starts a bigram


def test_a_chinese_word_does_not_match_its_characters_far_apart(
        conn: sqlite3.Connection, corpus: Corpus) -> None:
    # 内网 appears only in "dns"; 内部 only in "ora600": no LIKE-style scattering.
    assert found(conn, corpus, "内网") == ["dns"]
    assert found(conn, corpus, "网部") == []


@pytest.mark.parametrize(("query", "expected"), [
    ("ORA-00600", ["ora600"]),
    ("ora-00600", ["ora600"]),
    ("00600", ["ora600"]),
    ("CVE-2024-3094", ["xz"]),
    ("ＣＶＥ－２０２４－３０９４", ["xz"]),
    ("xz 后门", ["xz"]),
    ("Oracle 内部错误", ["ora600"]),
    ("logrotate", ["disk"]),
    ("backup", ["backup"]),  # porter: the text says "backups"
])
def test_english_ids_and_mixed_queries(conn: sqlite3.Connection, corpus: Corpus, query: str,
                                       expected: list[str]) -> None:
    assert found(conn, corpus, query) == expected


def test_an_identifier_does_not_match_a_neighbour(conn: sqlite3.Connection,
                                                  corpus: Corpus) -> None:
    assert found(conn, corpus, "ORA-00601") == []
    assert found(conn, corpus, "CVE-2024-3095") == []


def test_ranking_puts_title_matches_above_body_only_matches(conn: sqlite3.Connection,
                                                            corpus: Corpus) -> None:
    # 网络 is in the titles of "line" and "old", only in the body of "dns"; "old" is
    # archived, so it comes after both published ones (issue 22).
    ranked = found(conn, corpus, "网络")
    assert ranked == ["line", "dns", "old"]
    # Oracle: title, tags and body of "ora600"; only the tags of "ora1653".
    assert found(conn, corpus, "Oracle") == ["ora600", "ora1653"]
    # 配置: the solutions of "disk" and "backup", the body of "dns"; solutions weigh more.
    assert found(conn, corpus, "配置") == ["disk", "backup", "dns"]
    scores = [hit.score for hit in ArticleSearch(conn).search(
        "网络", SearchFilters(state=ArticleState.PUBLISHED)).hits]
    assert scores == sorted(scores)  # bm25(): lower is better, within one state


def test_all_words_must_match_before_the_search_relaxes(conn: sqlite3.Connection,
                                                        corpus: Corpus) -> None:
    search = ArticleSearch(conn)
    strict = search.search("网络 专线")
    assert (corpus.keys([h.article_id for h in strict.hits]), strict.relaxed) == (["line"], False)
    relaxed = search.search("专线磁盘")  # no article has both as one word
    assert relaxed.relaxed
    assert set(corpus.keys([h.article_id for h in relaxed.hits])) == {"line", "disk"}


def test_results_carry_highlighted_titles_and_snippets(conn: sqlite3.Connection,
                                                       corpus: Corpus) -> None:
    hit = ArticleSearch(conn).search("ORA-00600 告警").hits[0]
    assert hit.title.marked() == "Oracle [ORA-00600] 内部错误"
    assert hit.snippet.marked().startswith("[告警]日志出现 [ORA-00600] [kcbgtcr_13]")
    assert "##" not in ArticleSearch(conn).search("网络").hits[0].snippet.text


def test_filters_by_category_tag_and_state(conn: sqlite3.Connection, corpus: Corpus) -> None:
    assert found(conn, corpus, "网络", SearchFilters(category_id=NETWORK)) == ["line", "dns"]
    assert found(conn, corpus, "Oracle", SearchFilters(category_id=DATABASE)) == [
        "ora600", "ora1653"]
    assert found(conn, corpus, "Oracle", SearchFilters(state=ArticleState.DRAFT)) == ["ora1653"]
    assert found(conn, corpus, "网络", SearchFilters(tag="专线")) == ["line"]
    assert found(conn, corpus, "网络", SearchFilters(state=ArticleState.ARCHIVED)) == ["old"]


def test_suggestions_rank_published_articles_for_a_ticket_text(
        conn: sqlite3.Connection, corpus: Corpus) -> None:
    hits = ArticleSearch(conn).suggest(
        "朝阳区县专线断了", "用户来电：区县网络不通，无法访问政务外网，核心交换机告警")
    keys = corpus.keys([hit.article_id for hit in hits])
    assert keys[0] == "line"
    assert "old" not in keys  # archived
    assert ArticleSearch(conn).suggest("", "") == []


def test_edits_and_tombstones_reach_the_index(conn: sqlite3.Connection, corpus: Corpus,
                                              store: Store, clock: ManualClock) -> None:
    save_article(store, clock, corpus.ids["dns"], ArticleContent(
        title="DNS解析失败", body="转发器配置错误导致磁盘告警", category_id=NETWORK,
        state=ArticleState.PUBLISHED))
    assert set(found(conn, corpus, "磁盘")) == {"disk", "dns"}
    assert "dns" not in found(conn, corpus, "网络")
    delete_article(store, clock, corpus.ids["disk"])
    assert found(conn, corpus, "磁盘") == ["dns"]


def test_queries_with_fts_syntax_are_taken_literally(conn: sqlite3.Connection,
                                                     corpus: Corpus) -> None:
    assert found(conn, corpus, 'ORA-00600" OR "') == ["ora600"]
    assert found(conn, corpus, "   ") == []
    assert found(conn, corpus, "*") == []


def test_with_nothing_typed_the_most_used_articles_come_first(
        conn: sqlite3.Connection, corpus: Corpus, store: Store, clock: ManualClock) -> None:
    from app.kb.usage import record_view, vote_solved

    vote_solved(store, clock, corpus.ids["xz"])
    record_view(store, clock, corpus.ids["dns"])
    keys = corpus.keys([hit.article_id for hit in ArticleSearch(conn).most_used()])
    assert keys[:2] == ["xz", "dns"] and len(keys) == len(corpus.ids)
    assert corpus.keys([h.article_id for h in ArticleSearch(conn).most_used(
        SearchFilters(state=ArticleState.DRAFT))]) == ["ora1653"]


def test_a_rebuilt_index_matches_the_articles_and_saves_replace_their_row(
        conn: sqlite3.Connection, corpus: Corpus, store: Store, clock: ManualClock) -> None:
    from app.kb.editing import raw_connection
    from app.kb.index import rebuild_index

    before = found(conn, corpus, "网络")
    with store.unit_of_work() as session:
        assert rebuild_index(raw_connection(session)) == len(corpus.ids)
    assert found(conn, corpus, "网络") == before
    save_article(store, clock, corpus.ids["line"], ArticleContent(
        title="区县专线中断", state=ArticleState.PUBLISHED))
    counts = conn.execute("SELECT (SELECT count(*) FROM kb_search),"
                          " (SELECT count(*) FROM kb_index_rows)").fetchone()
    assert counts == (len(corpus.ids), len(corpus.ids))
    assert found(conn, corpus, "专线") == ["line"]


def test_a_cancelled_rebuild_says_so(store: Store, corpus: Corpus) -> None:
    from app.kb.editing import raw_connection
    from app.kb.index import rebuild_index

    seen: list[tuple[int, int]] = []
    with store.unit_of_work() as session:
        result = rebuild_index(raw_connection(session),
                               lambda done, total: seen.append((done, total)) and False,
                               batch=3)
        session.rollback()
    assert result == -1 and seen == [(3, len(corpus.ids))]


def test_an_error_code_in_a_ticket_outweighs_its_other_words(
        conn: sqlite3.Connection, corpus: Corpus) -> None:
    hits = ArticleSearch(conn).suggest("区县报错 ORA-00600", "区县专线")
    assert corpus.keys([hit.article_id for hit in hits])[:2] == ["ora600", "line"]
    # The marks show the words searched for, not every bigram of the ticket.
    assert hits[0].title.marked() == "Oracle [ORA-00600] 内部错误"
