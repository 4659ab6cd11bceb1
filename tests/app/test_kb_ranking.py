"""Knowledge-base ranking (issue 22): English stop words do not match, published articles
rank above drafts (and drafts above archived ones)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from app.domain.clock import ManualClock
from app.kb.article import ArticleContent, ArticleState
from app.kb.editing import create_article
from app.kb.search import ArticleSearch, meaningful_terms
from app.store.database import Store


def article(title: str, summary: str, state: ArticleState = ArticleState.PUBLISHED,
            body: str = "") -> ArticleContent:
    return ArticleContent(title=title, summary=summary, body=body, solution="", state=state)


def test_stop_words_in_a_ticket_match_nothing(store: Store, clock: ManualClock) -> None:
    vpn = create_article(store, clock, article("VPN 客户端连接失败", "The VPN client cannot "
                                                                     "connect."))
    noise = create_article(store, clock, article(
        "值班手册", "Notes to read with the handbook: to the letter, with care, to the end."))
    with closing(sqlite3.connect(store.path)) as conn:
        hits = ArticleSearch(conn, "en").suggest("Unable to connect with the VPN", "")
        assert [hit.article_id for hit in hits] == [vpn]
        assert noise not in [hit.article_id for hit in ArticleSearch(conn, "en").search(
            "connect to the VPN").hits]


def test_a_query_of_stop_words_only_still_searches() -> None:
    assert [term.text for term in meaningful_terms("to be with")] == ["to", "be", "with"]
    assert [term.text for term in meaningful_terms("how to reset the VPN 密码")] == [
        "reset", "vpn", "密码"]


def test_published_articles_rank_above_drafts_and_drafts_above_archived(
    store: Store, clock: ManualClock
) -> None:
    # The draft and the archived article name the disk in their titles, the published one
    # only in its body: BM25 alone would put them first.
    draft = create_article(store, clock, article("磁盘告警处理", "磁盘", ArticleState.DRAFT))
    archived = create_article(store, clock, article("磁盘告警旧流程", "磁盘",
                                                    ArticleState.ARCHIVED))
    published = create_article(store, clock, article("存储巡检", "每日检查", body="磁盘"))
    with closing(sqlite3.connect(store.path)) as conn:
        search = ArticleSearch(conn)
        assert [hit.article_id for hit in search.search("磁盘").hits] == [
            published, draft, archived]
        assert [hit.article_id for hit in search.search("磁盘", limit=1).hits] == [published]
        assert [hit.article_id for hit in search.most_used()] == [published, draft, archived]
