"""Reading articles, their history and usage with plain ``sqlite3`` (no ORM on the read path)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from app.kb.article import Article, ArticleContent, ArticleState, ArticleVersion, Usage
from app.store.reading import parse_sqlite_utc


@dataclass(frozen=True)
class CategoryChoice:
    """A category as offered in filters and the editor."""

    id: str
    code: str
    name: str


def _content(row: Any, offset: int) -> ArticleContent:
    title, summary, body, solution, category_id, tags, applies_to, state = row[
        offset:offset + 8]
    return ArticleContent(
        title=str(title), summary=str(summary), body=str(body), solution=str(solution),
        category_id=category_id, tags=tuple(t for t in str(tags).split("\n") if t),
        applies_to=str(applies_to), state=ArticleState(state))


_FIELDS = "{p}.title, {p}.summary, {p}.body, {p}.solution, {p}.category_id, {p}.tags, " \
          "{p}.applies_to, {p}.state"


def load_article(conn: sqlite3.Connection, article_id: str, language: str = "zh_CN"
                 ) -> Article | None:
    """The live article with this id, or None."""
    name = "name_zh" if language.startswith("zh") else "name_en"
    row = conn.execute(
        f"SELECT a.id, a.revision, a.created_at, a.updated_at, a.author_id, a.reviewer_id,"
        f" a.source_ticket_id, coalesce(c.{name}, ''), coalesce(au.name, ''),"
        f" coalesce(rv.name, ''), {_FIELDS.format(p='a')}"
        f" FROM kb_articles a LEFT JOIN categories c ON c.id = a.category_id"
        f" LEFT JOIN staff au ON au.id = a.author_id LEFT JOIN staff rv ON rv.id = a.reviewer_id"
        f" WHERE a.id = ? AND a.deleted = 0", (article_id,)).fetchone()
    if row is None:
        return None
    return Article(
        id=str(row[0]), revision=int(row[1]), created_at=parse_sqlite_utc(row[2]),
        updated_at=parse_sqlite_utc(row[3]), author_id=row[4], reviewer_id=row[5],
        source_ticket_id=row[6], category_name=str(row[7]), author_name=str(row[8]),
        reviewer_name=str(row[9]), content=_content(row, 10))


def article_versions(conn: sqlite3.Connection, article_id: str) -> list[ArticleVersion]:
    """The article's saved versions, newest first."""
    rows = conn.execute(
        f"SELECT v.id, v.number, v.at, coalesce(s.name, ''), v.note, {_FIELDS.format(p='v')}"
        f" FROM kb_article_versions v LEFT JOIN staff s ON s.id = v.editor_id"
        f" WHERE v.article_id = ? ORDER BY v.number DESC, v.at DESC, v.id DESC",
        (article_id,)).fetchall()
    return [ArticleVersion(id=str(r[0]), article_id=article_id, number=int(r[1]),
                           at=parse_sqlite_utc(r[2]), editor_name=str(r[3]), note=str(r[4]),
                           content=_content(r, 5)) for r in rows]


def article_usage(conn: sqlite3.Connection, article_id: str) -> Usage:
    """Views, linked tickets and "this solved it" votes of one article."""
    counts = dict(conn.execute(
        "SELECT kind, count(*) FROM kb_article_events WHERE article_id = ? GROUP BY kind",
        (article_id,)).fetchall())
    numbers = [str(r[0]) for r in conn.execute(
        "SELECT DISTINCT t.number FROM kb_ticket_links l JOIN tickets t ON t.id = l.ticket_id"
        " WHERE l.article_id = ? ORDER BY t.number DESC", (article_id,))]
    return Usage(views=int(counts.get("viewed", 0)), linked_tickets=len(numbers),
                 solved_votes=int(counts.get("solved", 0)), ticket_numbers=tuple(numbers[:20]))


def articles_of_ticket(conn: sqlite3.Connection, ticket_id: str) -> list[tuple[str, str]]:
    """(article id, title) of the live articles linked to a ticket, first linked first."""
    rows = conn.execute(
        "SELECT a.id, a.title, min(l.at) AS first FROM kb_ticket_links l"
        " JOIN kb_articles a ON a.id = l.article_id"
        " WHERE l.ticket_id = ? AND a.deleted = 0 GROUP BY a.id ORDER BY first",
        (ticket_id,)).fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]


def categories(conn: sqlite3.Connection, language: str = "zh_CN") -> list[CategoryChoice]:
    """Live ticket categories in catalog order: articles share them."""
    name = "name_zh" if language.startswith("zh") else "name_en"
    rows = conn.execute(f"SELECT id, code, {name} FROM categories WHERE deleted = 0"
                        " ORDER BY position").fetchall()
    return [CategoryChoice(str(r[0]), str(r[1]), str(r[2])) for r in rows]


def popular_tags(conn: sqlite3.Connection, limit: int = 200) -> list[str]:
    """The tags in use, most used first."""
    rows = conn.execute("SELECT tag FROM kb_article_tags GROUP BY tag"
                        " ORDER BY count(*) DESC, tag LIMIT ?", (limit,)).fetchall()
    return [str(r[0]) for r in rows]


def article_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM kb_articles WHERE deleted = 0").fetchone()[0])


def staff_choices(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, name) of the live staff, by name: who can write or review articles."""
    rows = conn.execute("SELECT id, name FROM staff WHERE deleted = 0 ORDER BY name").fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]
