"""Recording how articles are used: views, "this solved it" votes, links to tickets.

All three are append-only rows, so desks can sync them without conflicts.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.kb.tables import ArticleEventRow, ArticleTicketLinkRow
from app.store.database import Store


class LinkKind(StrEnum):
    """Why an article is linked to a ticket."""

    LINKED = "linked"  # by hand, or created from the ticket
    SOLUTION_INSERTED = "inserted"  # its solution went into a reply


def link_article_to_ticket(store: Store, clock: Clock, article_id: str, ticket_id: str,
                           actor_id: str | None = None,
                           kind: LinkKind = LinkKind.LINKED) -> str:
    """Link an article to a ticket (e.g. when its solution is inserted); returns the link id."""
    link_id = new_id(clock)
    with store.unit_of_work() as session:
        session.add(ArticleTicketLinkRow(id=link_id, article_id=article_id, ticket_id=ticket_id,
                                         at=clock.now(), actor_id=actor_id, kind=str(kind)))
    return link_id


def record_view(store: Store, clock: Clock, article_id: str, actor_id: str | None = None
                ) -> None:
    """Count one opening of the article."""
    _event(store, clock, article_id, actor_id, "viewed")


def vote_solved(store: Store, clock: Clock, article_id: str, actor_id: str | None = None
                ) -> None:
    """A seat says the article solved the requester's problem."""
    _event(store, clock, article_id, actor_id, "solved")


def _event(store: Store, clock: Clock, article_id: str, actor_id: str | None, kind: str) -> None:
    with store.unit_of_work() as session:
        session.add(ArticleEventRow(id=new_id(clock), article_id=article_id, at=clock.now(),
                                    actor_id=actor_id, kind=kind))
