"""Names copied onto each ticket so the queues can sort by them.

Sorting 100 000 tickets by a name that lives in another table means joining every ticket
and sorting them all before the first page can be shown (about 100-190 ms). With the name
on the ticket itself, an index on (name, id) hands out the first page and every later one
(keyset paging) directly. Copied: the requester's name and unit, the category's and the
type's names in both languages, the assignee's name ('' where there is none).

The copies are written in the same transaction as what they copy from, all from one
description (``_SOURCES``): by a ``before_flush`` hook for every ticket the ORM writes
(``file_tickets``: intake, edits, assignment, escalation), by ``file_new_rows`` for tickets
inserted in bulk (pulled pages, the demo generator), and by ``refile`` for rows that arrive
by sync (where renames of requesters, categories, types and staff come from). Migrations
fill the tickets that existed before with their own, frozen SQL. The copies never travel:
each desk derives them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from app.store.models import CategoryRow, RequesterRow, StaffRow, TicketRow, TicketTypeRow


@dataclass(frozen=True)
class _Source:
    """Copies that follow one reference of the ticket: ``copies[i]`` is ``names[i]`` of
    the row the reference points at ('' where there is none)."""

    reference: str
    model: Any
    names: tuple[str, ...]
    copies: tuple[str, ...]

    @property
    def table(self) -> str:
        return str(self.model.__tablename__)

    def refile_sql(self, where: str) -> str:
        values = ", ".join(
            f"{copy} = coalesce((SELECT {name} FROM {self.table} x "
            f"WHERE x.id = tickets.{self.reference}), '')"
            for name, copy in zip(self.names, self.copies, strict=True))
        return f"UPDATE tickets SET {values} WHERE {where}"


# The one description of what a ticket carries; the ORM hook, the set-wise refile and the
# filing of pulled rows all follow it.
_SOURCES = (
    _Source("requester_id", RequesterRow, ("name", "unit"), ("requester_sort", "unit_sort")),
    _Source("category_id", CategoryRow, ("name_zh", "name_en"),
            ("category_sort_zh", "category_sort_en")),
    _Source("type_id", TicketTypeRow, ("name_zh", "name_en"), ("type_sort_zh", "type_sort_en")),
    _Source("assignee_id", StaffRow, ("name",), ("assignee_sort",)),
)
# The references of a ticket its copies follow: a pulled change of one means a refile.
REFERENCES: frozenset[str] = frozenset(source.reference for source in _SOURCES)


def file_ticket(session: Session, ticket: TicketRow, *, everything: bool = False) -> None:
    """Copy the names of the references of ``ticket`` that changed (all of them for a new
    ticket or with ``everything``)."""
    state = inspect(ticket)
    for source in _SOURCES:
        if everything or state.pending or state.attrs[source.reference].history.has_changes():
            target = getattr(ticket, source.reference)
            row = None if target is None else session.get(source.model, target)
            for name, copy in zip(source.names, source.copies, strict=True):
                setattr(ticket, copy, "" if row is None else getattr(row, name) or "")


def file_tickets(session: Session, _context: Any, _instances: Any) -> None:
    """``before_flush``: every ticket about to be written carries its current copies."""
    with session.no_autoflush:
        for ticket in [*session.new, *session.dirty]:
            if isinstance(ticket, TicketRow):
                file_ticket(session, ticket)


def file_new_rows(driver: Any, tickets: list[dict[str, Any]]) -> None:
    """Fill in the copies of ticket rows about to be inserted in bulk (pulled pages, the
    demo generator) on a DB-API connection: filing them by an UPDATE afterwards would
    rewrite every row and its indexes a second time."""
    for source in _SOURCES:
        wanted = list({row[source.reference] for row in tickets if row.get(source.reference)})
        found = {str(id_): values for id_, *values in driver.execute(
            f"SELECT id, {', '.join(source.names)} FROM {source.table} "
            "WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(wanted),))}
        for row in tickets:
            values = found.get(row.get(source.reference) or "", ())
            for i, copy in enumerate(source.copies):
                row[copy] = (values[i] if values else "") or ""


def refile(conn: Any, *, tickets: Iterable[str] = (), requesters: Iterable[str] = (),
           categories: Iterable[str] = (), types: Iterable[str] = (),
           staff: Iterable[str] = ()) -> None:
    """Rewrite the copies, set-wise, for rows that arrived by sync: these tickets, and the
    tickets of these requesters, categories, types and staff (renames included)."""
    chosen_tickets = list(tickets)
    by_target = dict(zip((s.reference for s in _SOURCES),
                         (requesters, categories, types, staff), strict=True))
    for source in _SOURCES:
        targets = by_target[source.reference]
        for column, ids in (("id", chosen_tickets), (source.reference, targets)):
            chosen = list(ids)
            for i in range(0, len(chosen), 500):
                chunk = chosen[i:i + 500]
                marks = ",".join("?" * len(chunk))
                conn.exec_driver_sql(source.refile_sql(f"{column} IN ({marks})"), tuple(chunk))
