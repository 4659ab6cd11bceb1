"""The full-text index of ticket titles and descriptions (quick search in the queues).

Same design as the knowledge base (app/kb/segment.py): SQLite FTS5 over a pre-tokenised
copy, Chinese as character bigrams, identifiers kept whole, so 网络 finds 网络不通 and
ORA-00600 finds itself, without scanning every ticket with LIKE.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol


class _Executes(Protocol):
    def exec_driver_sql(self, statement: str, parameters: Any = ...) -> Any: ...


def ticket_text(title: str, description: str) -> str:
    # Imported on use: the segmenter is not needed to show a queue, only to search or write.
    from app.kb.segment import index_text

    return index_text(f"{title}\n{description}")


def index_ticket(conn: _Executes, ticket_id: str, title: str, description: str) -> None:
    """Write or replace one ticket's entry, in the caller's transaction."""
    body = ticket_text(title, description)
    row = conn.exec_driver_sql(
        "SELECT search_rowid FROM ticket_index_rows WHERE ticket_id = ?", (ticket_id,)
    ).fetchone()
    if row is not None:
        conn.exec_driver_sql("UPDATE ticket_search SET body = ? WHERE rowid = ?", (body, row[0]))
        return
    rowid = conn.exec_driver_sql(
        "SELECT coalesce(max(search_rowid), 0) + 1 FROM ticket_index_rows").fetchone()[0]
    conn.exec_driver_sql("INSERT INTO ticket_search (rowid, body) VALUES (?, ?)", (rowid, body))
    conn.exec_driver_sql("INSERT INTO ticket_index_rows (ticket_id, search_rowid) VALUES (?, ?)",
                         (ticket_id, rowid))


def index_many(conn: Any, tickets: Iterable[tuple[str, str, str]], first_rowid: int) -> int:
    """Bulk-index new tickets (id, title, description) on a DB-API cursor-like ``conn``;
    returns the next free rowid."""
    rowid = first_rowid
    search, mapping = [], []
    for ticket_id, title, description in tickets:
        search.append((rowid, ticket_text(title, description)))
        mapping.append((ticket_id, rowid))
        rowid += 1
    conn.executemany("INSERT INTO ticket_search (rowid, body) VALUES (?, ?)", search)
    conn.executemany("INSERT INTO ticket_index_rows (ticket_id, search_rowid) VALUES (?, ?)",
                     mapping)
    return rowid


def match_expression(text: str) -> str | None:
    """The FTS5 query for what a seat typed, or None if it holds no searchable word."""
    from app.kb.search import strict_expression
    from app.kb.segment import terms

    query_terms = terms(text)
    return strict_expression(query_terms) if query_terms else None
