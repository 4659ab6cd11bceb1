"""Writing articles: create, save a new version, restore an old one, tombstone.

Every save writes the article row, appends a full copy to ``kb_article_versions`` and
refreshes the search index, in one unit of work: the index never lags the article.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.kb.article import ArticleContent, ArticleState
from app.kb.index import index_article
from app.kb.tables import ArticleRow, ArticleVersionRow
from app.store.database import Store


class ArticleNotFound(LookupError):
    """No live article (or version) has this id."""


def raw_connection(session: Session) -> sqlite3.Connection:
    """The session's sqlite3 connection, for the FTS5 statements the ORM cannot model."""
    driver: Any = session.connection().connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def create_article(store: Store, clock: Clock, content: ArticleContent,
                   author_id: str | None = None, source_ticket_id: str | None = None,
                   note: str = "", reviewer_id: str | None = None) -> str:
    """Store a new article as version 1; returns its id."""
    content = content.validated()
    now = clock.now()
    article_id = new_id(clock)
    with store.unit_of_work() as session:
        row = ArticleRow(id=article_id, version=1, updated_at=now, deleted=False,
                         created_at=now, revision=1, author_id=author_id,
                         reviewer_id=reviewer_id, source_ticket_id=source_ticket_id)
        _copy_into(row, content)
        session.add(row)
        session.add(_version_row(clock, article_id, 1, now, content, author_id, note))
        session.flush()
        index_article(raw_connection(session), article_id, content)
    return article_id


def save_article(store: Store, clock: Clock, article_id: str, content: ArticleContent,
                 editor_id: str | None = None, note: str = "",
                 reviewer_id: str | None = None) -> int:
    """Save ``content`` as the article's next version; returns the new version number.

    Saving unchanged content writes nothing and returns the current number.
    """
    content = content.validated()
    with store.unit_of_work() as session:
        row = _live(session, article_id)
        if content == content_of(row) and reviewer_id in (None, row.reviewer_id):
            return row.revision
        now = clock.now()
        _copy_into(row, content)
        row.revision += 1
        row.version += 1
        row.updated_at = now
        if reviewer_id is not None:
            row.reviewer_id = reviewer_id
        session.add(_version_row(clock, article_id, row.revision, now, content, editor_id, note))
        session.flush()
        index_article(raw_connection(session), article_id, content)
        return row.revision


def restore_version(store: Store, clock: Clock, version_id: str,
                    editor_id: str | None = None) -> int:
    """Make an old version current again, as a new version (history is never rewritten)."""
    with store.unit_of_work() as session:
        old = session.get(ArticleVersionRow, version_id)
        if old is None:
            raise ArticleNotFound(version_id)
        article_id, number, content = old.article_id, old.number, content_of(old)
    return save_article(store, clock, article_id, content, editor_id,
                        note=f"restored version {number}")


def set_state(store: Store, clock: Clock, article_id: str, state: ArticleState,
              editor_id: str | None = None, reviewer_id: str | None = None) -> int:
    """Publish, archive or return an article to draft (a new version)."""
    with store.unit_of_work() as session:
        content = content_of(_live(session, article_id))
    return save_article(store, clock, article_id,
                        ArticleContent(**{**content.__dict__, "state": state}),
                        editor_id, note=f"state: {state}", reviewer_id=reviewer_id)


def delete_article(store: Store, clock: Clock, article_id: str) -> None:
    """Tombstone the article and drop it from the index; its history stays."""
    with store.unit_of_work() as session:
        row = _live(session, article_id)
        row.deleted = True
        row.version += 1
        row.updated_at = clock.now()
        session.flush()
        index_article(raw_connection(session), article_id, None)


def content_of(row: ArticleRow | ArticleVersionRow) -> ArticleContent:
    """The editable content held by an article or version row."""
    return ArticleContent(
        title=row.title, summary=row.summary, body=row.body, solution=row.solution,
        category_id=row.category_id, tags=tuple(t for t in row.tags.split("\n") if t),
        applies_to=row.applies_to, state=ArticleState(row.state))


def _live(session: Session, article_id: str) -> ArticleRow:
    row = session.scalar(select(ArticleRow).where(ArticleRow.id == article_id,
                                                  ArticleRow.deleted.is_(False)))
    if row is None:
        raise ArticleNotFound(article_id)
    return row


def _copy_into(row: ArticleRow, content: ArticleContent) -> None:
    row.title, row.summary, row.body = content.title, content.summary, content.body
    row.solution, row.category_id = content.solution, content.category_id
    row.tags, row.applies_to, row.state = "\n".join(content.tags), content.applies_to, content.state


def _version_row(clock: Clock, article_id: str, number: int, at: datetime,
                 content: ArticleContent, editor_id: str | None, note: str
                 ) -> ArticleVersionRow:
    return ArticleVersionRow(
        id=new_id(clock), article_id=article_id, number=number, at=at, editor_id=editor_id,
        note=note, title=content.title, summary=content.summary, body=content.body,
        solution=content.solution, category_id=content.category_id,
        tags="\n".join(content.tags), applies_to=content.applies_to, state=str(content.state))
