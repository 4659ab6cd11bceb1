"""Usage figures, ticket links, drafts from resolved tickets, and the demo library."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.domain.clock import ManualClock
from app.kb.article import ArticleState
from app.kb.from_ticket import TicketNotResolved, create_from_ticket, draft_from_ticket
from app.kb.reading import article_count, article_usage, articles_of_ticket, load_article
from app.kb.search import ArticleSearch
from app.kb.usage import LinkKind, link_article_to_ticket, record_view, vote_solved
from app.paths import DataDir
from app.store.database import Store


@pytest.fixture
def desk_copy(demo_desk: DataDir, tmp_path: Path) -> DataDir:
    """A private copy: these tests write."""
    copy = DataDir(tmp_path / "desk")
    copy.create()
    shutil.copy(demo_desk.database, copy.database)
    return copy


def _ticket(conn: sqlite3.Connection, resolved: bool) -> tuple[str, str]:
    negation = "" if resolved else "NOT"
    row = conn.execute(f"SELECT id, number FROM tickets WHERE state {negation} IN"
                       " ('resolved', 'closed') ORDER BY number LIMIT 1").fetchone()
    return str(row[0]), str(row[1])


def test_views_votes_and_links_add_up(desk_copy: DataDir, clock: ManualClock) -> None:
    store = Store(desk_copy.database)
    conn = sqlite3.connect(desk_copy.database)
    try:
        article_id = conn.execute("SELECT id FROM kb_articles WHERE state = 'draft'"
                                  " ORDER BY id LIMIT 1").fetchone()[0]
        before = article_usage(conn, article_id)
        ticket_id, number = _ticket(conn, resolved=False)
        record_view(store, clock, article_id)
        record_view(store, clock, article_id)
        vote_solved(store, clock, article_id)
        link_article_to_ticket(store, clock, article_id, ticket_id,
                               kind=LinkKind.SOLUTION_INSERTED)
        link_article_to_ticket(store, clock, article_id, ticket_id)  # same ticket again
        after = article_usage(conn, article_id)
        assert (after.views, after.solved_votes, after.linked_tickets) == (
            before.views + 2, before.solved_votes + 1, before.linked_tickets + 1)
        assert number in after.ticket_numbers
        assert article_id in [a for a, _ in articles_of_ticket(conn, ticket_id)]
    finally:
        conn.close()
        store.close()


def test_an_article_from_a_resolved_ticket_is_prefilled_and_links_back(
        desk_copy: DataDir, clock: ManualClock) -> None:
    store = Store(desk_copy.database)
    conn = sqlite3.connect(desk_copy.database)
    try:
        ticket_id, number = _ticket(conn, resolved=True)
        title, description, solution = conn.execute(
            "SELECT t.title, t.description, e.body FROM tickets t JOIN ticket_events e"
            " ON e.ticket_id = t.id AND json_extract(e.data, '$.to') = 'resolved'"
            " WHERE t.id = ?", (ticket_id,)).fetchone()
        draft = draft_from_ticket(conn, ticket_id)
        assert draft.content.title == title and draft.content.solution == solution
        assert description in draft.content.body and number in draft.content.body
        assert draft.content.state == ArticleState.DRAFT
        article_id = create_from_ticket(store, clock, draft)
        article = load_article(conn, article_id)
        assert article is not None and article.source_ticket_id == ticket_id
        assert articles_of_ticket(conn, ticket_id)[-1] == (article_id, title)
        open_ticket, _ = _ticket(conn, resolved=False)
        with pytest.raises(TicketNotResolved):
            draft_from_ticket(conn, open_ticket)
    finally:
        conn.close()
        store.close()


def test_the_demo_desk_has_a_searchable_chinese_and_english_library(
        demo_desk: DataDir) -> None:
    conn = sqlite3.connect(f"file:{demo_desk.database}?mode=ro", uri=True)
    try:
        assert article_count(conn) >= 140
        search = ArticleSearch(conn)
        for query in ("网络", "磁盘", "备份", "ORA-00600", "CVE-2024-3094", "listener"):
            assert search.search(query).hits, query
        hit = search.search("ORA-00600").hits[0]
        assert "ORA-00600" in hit.title.text
        linked = conn.execute("SELECT count(*) FROM kb_ticket_links").fetchone()[0]
        assert linked > 0
    finally:
        conn.close()
