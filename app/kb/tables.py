"""SQLAlchemy models of the knowledge base, on the store's shared ``Base``.

``kb_articles`` is synced like tickets (UUIDv7 id, version, updated_at, tombstone).
Versions, ticket links and usage events are append-only: rows never change, so they
never conflict when desks sync. ``kb_article_tags`` and the FTS5 table ``kb_search``
(created by the migration with raw SQL) are local indexes derived from the articles and
rebuilt from them, as is ``kb_index_rows`` (article → index row).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import ID, Base, Synced
from app.store.types import UTCDateTime


class ArticleRow(Synced, Base):
    """The current state of an article; every save also appends an ``ArticleVersionRow``."""

    __tablename__ = "kb_articles"
    __table_args__ = (Index("ix_kb_articles_state_updated", "state", "updated_at"),)

    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    solution: Mapped[str] = mapped_column(Text, default="")
    category_id: Mapped[str | None] = mapped_column(ForeignKey("categories.id"), index=True)
    tags: Mapped[str] = mapped_column(Text, default="")  # one tag per line
    applies_to: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[str] = mapped_column(String(16))
    author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    reviewer_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    source_ticket_id: Mapped[str | None] = mapped_column(ForeignKey("tickets.id"))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ArticleVersionRow(Base):
    """A full copy of an article as saved: history, diff and restore read these."""

    __tablename__ = "kb_article_versions"
    __table_args__ = (Index("ix_kb_article_versions_article", "article_id", "number"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("kb_articles.id"))
    # Not unique: two desks editing offline may both write number n; (at, id) orders them.
    number: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    editor_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    solution: Mapped[str] = mapped_column(Text, default="")
    category_id: Mapped[str | None] = mapped_column(ForeignKey("categories.id"))
    tags: Mapped[str] = mapped_column(Text, default="")
    applies_to: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[str] = mapped_column(String(16))


class ArticleTicketLinkRow(Base):
    """An article used for a ticket (solution inserted, or linked by hand)."""

    __tablename__ = "kb_ticket_links"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("kb_articles.id"), index=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("tickets.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    kind: Mapped[str] = mapped_column(String(16))


class ArticleEventRow(Base):
    """A usage event: the article was viewed, or a seat said it solved the problem."""

    __tablename__ = "kb_article_events"
    __table_args__ = (Index("ix_kb_article_events_article_kind", "article_id", "kind"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("kb_articles.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    kind: Mapped[str] = mapped_column(String(16))


class ArticleTagRow(Base):
    """Local index of ``kb_articles.tags`` for exact tag filters."""

    __tablename__ = "kb_article_tags"

    article_id: Mapped[str] = mapped_column(ForeignKey("kb_articles.id"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(60), primary_key=True, index=True)


class ArticleIndexRow(Base):
    """Local: which ``kb_search`` row holds an article, so a save replaces it by rowid
    instead of scanning the index for the (unindexed) article id: 25 ms at 20 000."""

    __tablename__ = "kb_index_rows"

    article_id: Mapped[str] = mapped_column(ForeignKey("kb_articles.id"), primary_key=True)
    search_rowid: Mapped[int] = mapped_column(Integer, unique=True)
