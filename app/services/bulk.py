"""Bulk actions on several tickets: each ticket in its own transaction, so one refused
ticket (wrong state, changed meanwhile) never undoes or blocks the others."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from app.services.errors import DeskError, Problem


@dataclass
class BulkResult:
    done: list[str] = field(default_factory=list)
    refused: list[tuple[str, DeskError]] = field(default_factory=list)


def apply_to_each(reader: sqlite3.Connection, ticket_ids: Iterable[str],
                  action: Callable[[str, int], object]) -> BulkResult:
    """Run ``action(ticket_id, current_version)`` for each ticket; collect what was refused."""
    result = BulkResult()
    for ticket_id in ticket_ids:
        row = reader.execute("SELECT version FROM tickets WHERE id = ? AND deleted = 0",
                             (ticket_id,)).fetchone()
        try:
            if row is None:
                raise DeskError(Problem.NOT_FOUND, "ticket")
            action(ticket_id, int(row[0]))
        except DeskError as error:
            result.refused.append((ticket_id, error))
        else:
            result.done.append(ticket_id)
    return result
