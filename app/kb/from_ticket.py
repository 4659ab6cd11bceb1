"""An article draft prefilled from a resolved ticket ("create article from resolved ticket")."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.clock import Clock
from app.kb.article import ArticleContent, ArticleState

if TYPE_CHECKING:
    from app.store.database import Store


@dataclass(frozen=True)
class TicketDraft:
    """The prefilled content and the ticket it came from (the article links back to it)."""

    ticket_id: str
    ticket_number: str
    content: ArticleContent


class TicketNotResolved(ValueError):
    """Only a resolved or closed ticket has a solution to archive."""


def ticket_by_number(conn: sqlite3.Connection, number: str) -> str | None:
    """The id of the live ticket with this number (as the seat types it), or None."""
    row = conn.execute("SELECT id FROM tickets WHERE number = ? AND deleted = 0",
                       (number.strip().upper(),)).fetchone()
    return None if row is None else str(row[0])


def draft_from_ticket(conn: sqlite3.Connection, ticket_id: str) -> TicketDraft:
    """Title, description, cause and solution of the ticket as a draft article.

    The solution is the note written when the ticket was resolved; its cause is taken
    from that event's ``cause`` field when the seat recorded one.
    """
    row = conn.execute("SELECT number, title, description, category_id, state FROM tickets"
                       " WHERE id = ? AND deleted = 0", (ticket_id,)).fetchone()
    if row is None:
        raise LookupError(ticket_id)
    number, title, description, category_id, state = row
    if state not in ("resolved", "closed"):
        raise TicketNotResolved(f"ticket {number} is {state}, not resolved")
    resolved = conn.execute(
        "SELECT body, data FROM ticket_events WHERE ticket_id = ? AND kind = 'state_changed'"
        " AND json_extract(data, '$.to') = 'resolved' ORDER BY at DESC LIMIT 1",
        (ticket_id,)).fetchone()
    solution, cause = "", ""
    if resolved is not None:
        solution = str(resolved[0])
        data = json.loads(resolved[1] or "{}")
        cause = str(data.get("cause", "")) if isinstance(data, dict) else ""
    body = f"## 现象\n\n{description}\n"
    if cause:
        body += f"\n## 原因\n\n{cause}\n"
    body += f"\n来源工单：{number}\n"
    content = ArticleContent(title=str(title), summary=str(title), body=body, solution=solution,
                             category_id=category_id, state=ArticleState.DRAFT)
    return TicketDraft(ticket_id, str(number), content)


def create_from_ticket(store: Store, clock: Clock, draft: TicketDraft,
                       author_id: str | None = None) -> str:
    """Store the (edited) draft as a new article linked to its ticket; returns the id."""
    from app.kb.editing import create_article
    from app.kb.usage import link_article_to_ticket

    article_id = create_article(store, clock, draft.content, author_id,
                                source_ticket_id=draft.ticket_id,
                                note=f"from ticket {draft.ticket_number}")
    link_article_to_ticket(store, clock, article_id, draft.ticket_id, author_id)
    return article_id
