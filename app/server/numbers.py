"""Ticket-number blocks leased to desks (DESIGN.md section 4).

A desk online asks for a block and numbers its tickets from it, so a number is final the
moment the seat sees it, even if the desk goes offline afterwards.
"""

from __future__ import annotations

from sqlalchemy import Connection, insert, update

from app.domain.clock import Clock
from app.server.tables import counters, number_leases

MAX_BLOCK = 500


def lease(conn: Connection, clock: Clock, desk_id: str, count: int) -> tuple[int, int]:
    """Reserve ``count`` consecutive ticket numbers for ``desk_id``: (first, last)."""
    count = max(1, min(count, MAX_BLOCK))
    last = int(conn.execute(
        update(counters).where(counters.c.name == "ticket_number")
        .values(value=counters.c.value + count).returning(counters.c.value)).scalar_one())
    first = last - count + 1
    conn.execute(insert(number_leases).values(desk_id=desk_id, first=first, last=last,
                                              at=clock.now()))
    return first, last


def final_number(conn: Connection) -> int:
    """One number from the server's own sequence (for a ticket logged under a provisional
    number while its desk had none left)."""
    return int(conn.execute(
        update(counters).where(counters.c.name == "ticket_number")
        .values(value=counters.c.value + 1).returning(counters.c.value)).scalar_one())
