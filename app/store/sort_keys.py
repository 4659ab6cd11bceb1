"""Names copied onto each ticket so the queues can sort by them.

Sorting 100 000 tickets by a name that lives in another table means joining every ticket
and sorting them all before the first page can be shown (about 100-190 ms). With the name
on the ticket itself, an index on (name, id) hands out the first page and every later one
(keyset paging) directly. Copied: the requester's name and unit, the category's and the
type's names in both languages, the assignee's name ('' where there is none).

The copies are written in the same transaction as what they copy from: by a
``before_flush`` hook for every ticket the ORM writes (``file_tickets``: intake, edits,
assignment, escalation), by the demo generator, by migrations for tickets that existed
before, and by ``refile`` for rows that arrive by sync (where renames of requesters,
categories, types and staff come from). The copies never travel: each desk derives them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from app.store.models import CategoryRow, RequesterRow, StaffRow, TicketRow, TicketTypeRow

# Which copies follow which reference of the ticket.
_FOLLOWS = {"requester_id": ("requester_sort", "unit_sort"),
            "category_id": ("category_sort_zh", "category_sort_en"),
            "type_id": ("type_sort_zh", "type_sort_en"),
            "assignee_id": ("assignee_sort",)}
# The references of a ticket its copies follow: a pulled change of one means a refile.
REFERENCES: frozenset[str] = frozenset(_FOLLOWS)


def _names(session: Session, reference: str, target: str | None) -> tuple[str, ...]:
    if reference == "requester_id":
        requester = None if target is None else session.get(RequesterRow, target)
        return ("", "") if requester is None else (requester.name, requester.unit or "")
    if reference == "category_id":
        category = None if target is None else session.get(CategoryRow, target)
        # An unknown category fails the foreign key when the ticket is written.
        return ("", "") if category is None else (category.name_zh, category.name_en)
    if reference == "type_id":
        kind = None if target is None else session.get(TicketTypeRow, target)
        return ("", "") if kind is None else (kind.name_zh, kind.name_en)
    staff = None if target is None else session.get(StaffRow, target)
    return ("",) if staff is None else (staff.name,)


def file_ticket(session: Session, ticket: TicketRow, *, everything: bool = False) -> None:
    """Copy the names of the references of ``ticket`` that changed (all of them for a new
    ticket or with ``everything``)."""
    state = inspect(ticket)
    for reference, copies in _FOLLOWS.items():
        if everything or state.pending or state.attrs[reference].history.has_changes():
            for copy, value in zip(copies, _names(session, reference,
                                                  getattr(ticket, reference)), strict=True):
                setattr(ticket, copy, value)


def file_tickets(session: Session, _context: Any, _instances: Any) -> None:
    """``before_flush``: every ticket about to be written carries its current copies."""
    with session.no_autoflush:
        for ticket in [*session.new, *session.dirty]:
            if isinstance(ticket, TicketRow):
                file_ticket(session, ticket)


_REQUESTER = ("UPDATE tickets SET requester_sort = coalesce((SELECT name FROM requesters r "
              "WHERE r.id = tickets.requester_id), ''), unit_sort = coalesce((SELECT unit "
              "FROM requesters r WHERE r.id = tickets.requester_id), '') "
              "WHERE {where}")
_CATEGORY = ("UPDATE tickets SET category_sort_zh = coalesce((SELECT name_zh FROM categories c "
             "WHERE c.id = tickets.category_id), ''), category_sort_en = coalesce((SELECT "
             "name_en FROM categories c WHERE c.id = tickets.category_id), '') "
             "WHERE {where}")
_TYPE = ("UPDATE tickets SET type_sort_zh = coalesce((SELECT name_zh FROM ticket_types y "
         "WHERE y.id = tickets.type_id), ''), type_sort_en = coalesce((SELECT name_en "
         "FROM ticket_types y WHERE y.id = tickets.type_id), '') WHERE {where}")
_ASSIGNEE = ("UPDATE tickets SET assignee_sort = coalesce((SELECT name FROM staff s "
             "WHERE s.id = tickets.assignee_id), '') WHERE {where}")


def refile(conn: Any, *, tickets: Iterable[str] = (), requesters: Iterable[str] = (),
           categories: Iterable[str] = (), types: Iterable[str] = (),
           staff: Iterable[str] = ()) -> None:
    """Rewrite the copies, set-wise, for rows that arrived by sync: these tickets, and the
    tickets of these requesters, categories, types and staff (renames included)."""
    chosen_tickets = list(tickets)
    for sql, column, ids in (*((sql, "id", chosen_tickets)
                               for sql in (_REQUESTER, _CATEGORY, _TYPE, _ASSIGNEE)),
                             (_REQUESTER, "requester_id", requesters),
                             (_CATEGORY, "category_id", categories),
                             (_TYPE, "type_id", types), (_ASSIGNEE, "assignee_id", staff)):
        chosen = list(ids)
        for i in range(0, len(chosen), 500):
            chunk = chosen[i:i + 500]
            marks = ",".join("?" * len(chunk))
            conn.exec_driver_sql(sql.format(where=f"{column} IN ({marks})"), tuple(chunk))


def refile_everything(conn: Any) -> None:
    """Every copy of every ticket, set-wise (the demo generator writes tickets in bulk)."""
    for sql in (_REQUESTER, _CATEGORY, _TYPE, _ASSIGNEE):
        conn.exec_driver_sql(sql.format(where="1 = 1"))
