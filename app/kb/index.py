"""Keeping the local search index (``kb_search``, ``kb_article_tags``) in step with articles.

The index is derived data: it is written next to each saved article, and rebuilt from
``kb_articles`` after a sync or an import (off the GUI thread: ``rebuild_index`` reports
progress and can be cancelled).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from app.kb.article import ArticleContent, tags_from_text
from app.kb.segment import index_text

# progress(done, total) -> False to stop.
Progress = Callable[[int, int], bool]

_INSERT = ("INSERT INTO kb_search (article_id, title, tags, summary, body, solution)"
           " VALUES (?, ?, ?, ?, ?, ?)")
_INSERT_AT = ("INSERT INTO kb_search (rowid, article_id, title, tags, summary, body, solution)"
              " VALUES (?, ?, ?, ?, ?, ?, ?)")
_ARTICLE_TEXT = ("SELECT id, title, summary, body, solution, tags, applies_to FROM kb_articles"
                 " WHERE deleted = 0")


def index_row(article_id: str, content: ArticleContent) -> tuple[str, str, str, str, str, str]:
    """The pre-tokenised row of ``kb_search`` for an article."""
    labels = " ".join((*content.tags, content.applies_to))
    return (article_id, index_text(content.title), index_text(labels),
            index_text(content.summary), index_text(content.body), index_text(content.solution))


def index_article(conn: sqlite3.Connection, article_id: str, content: ArticleContent | None
                  ) -> None:
    """Replace the article's index entries; ``None`` removes them (a tombstone)."""
    found = conn.execute("SELECT search_rowid FROM kb_index_rows WHERE article_id = ?",
                         (article_id,)).fetchone()
    if found is not None:
        conn.execute("DELETE FROM kb_search WHERE rowid = ?", found)
        conn.execute("DELETE FROM kb_index_rows WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM kb_article_tags WHERE article_id = ?", (article_id,))
    if content is None:
        return
    cursor = conn.execute(_INSERT, index_row(article_id, content))
    conn.execute("INSERT INTO kb_index_rows (article_id, search_rowid) VALUES (?, ?)",
                 (article_id, cursor.lastrowid))
    conn.executemany("INSERT INTO kb_article_tags (article_id, tag) VALUES (?, ?)",
                     [(article_id, tag) for tag in content.tags])


def index_articles(conn: sqlite3.Connection, article_ids: Iterable[str]) -> int:
    """Index the given articles again as they now stand (a tombstoned or missing one leaves
    the index): what a sync pull calls for the articles it wrote. Returns how many."""
    wanted = list(dict.fromkeys(article_ids))
    for i in range(0, len(wanted), 500):
        chunk = wanted[i:i + 500]
        found = {row[0]: row for row in conn.execute(
            f"{_ARTICLE_TEXT} AND id IN ({', '.join('?' * len(chunk))})", chunk)}
        for article_id in chunk:
            row = found.get(article_id)
            index_article(conn, article_id, None if row is None else _content(row))
    return len(wanted)


def _content(row: tuple[str, ...]) -> ArticleContent:
    """An article's indexed text from ``SELECT id, title, summary, body, solution, tags,
    applies_to``."""
    return ArticleContent(title=row[1], summary=row[2], body=row[3], solution=row[4],
                          tags=tags_from_text(row[5]), applies_to=row[6])


def rebuild_index(conn: sqlite3.Connection, progress: Progress | None = None,
                  batch: int = 500) -> int:
    """Index every live article again; returns how many (or -1 if cancelled).

    Runs in the caller's transaction: a cancelled rebuild is rolled back by the caller.
    """
    total = int(conn.execute("SELECT count(*) FROM kb_articles WHERE deleted = 0").fetchone()[0])
    conn.execute("DELETE FROM kb_search")
    conn.execute("DELETE FROM kb_index_rows")
    conn.execute("DELETE FROM kb_article_tags")
    rows = conn.execute(_ARTICLE_TEXT)
    done = 0
    while chunk := rows.fetchmany(batch):
        contents = [(row[0], _content(row)) for row in chunk]
        _insert(conn, contents, first_rowid=done + 1)
        done += len(chunk)
        if progress is not None and not progress(done, total):
            return -1
    conn.execute("INSERT INTO kb_search (kb_search) VALUES ('optimize')")
    return done


def _insert(conn: sqlite3.Connection, contents: Iterable[tuple[str, ArticleContent]],
            first_rowid: int) -> None:
    pairs = list(contents)
    rowids = range(first_rowid, first_rowid + len(pairs))
    conn.executemany(_INSERT_AT, [(rowid, *index_row(article_id, content))
                                  for rowid, (article_id, content) in zip(rowids, pairs,
                                                                          strict=True)])
    conn.executemany("INSERT INTO kb_index_rows (article_id, search_rowid) VALUES (?, ?)",
                     [(article_id, rowid) for rowid, (article_id, _) in zip(rowids, pairs,
                                                                           strict=True)])
    conn.executemany("INSERT INTO kb_article_tags (article_id, tag) VALUES (?, ?)",
                     [(article_id, tag) for article_id, content in pairs for tag in content.tags])
