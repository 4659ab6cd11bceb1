"""Ticket numbers on a desk: leased final numbers first, then - connected but out of
numbers - provisional ones, else (standalone) the local counter."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Connection, Table, func, select, update
from sqlalchemy.dialects.sqlite import insert

from app.domain.numbers import provisional_number, ticket_number
from app.store.models import CounterRow, TicketRow
from app.sync import state
from app.sync.tables import NUMBER_LEASES

SERVER_URL = "server_url"
PROVISIONAL_COUNTER = "provisional_number"
COUNTERS = cast(Table, CounterRow.__table__)


def numbers_left(conn: Connection) -> int:
    left = conn.execute(select(func.sum(NUMBER_LEASES.c.last - NUMBER_LEASES.c.next + 1))
                        .where(NUMBER_LEASES.c.next <= NUMBER_LEASES.c.last)).scalar()
    return int(left or 0)


def add_lease(conn: Connection, first: int, last: int) -> None:
    conn.execute(insert(NUMBER_LEASES).values(first=first, last=last, next=first)
                 .on_conflict_do_nothing())


def _counter(conn: Connection, name: str) -> int | None:
    value = conn.execute(update(COUNTERS).where(COUNTERS.c.name == name)
                         .values(value=COUNTERS.c.value + 1)
                         .returning(COUNTERS.c.value)).scalar_one_or_none()
    return None if value is None else int(value)


def take_number(conn: Connection) -> str:
    """The number for a ticket being logged, inside the logging transaction."""
    lease = conn.execute(select(NUMBER_LEASES.c.first, NUMBER_LEASES.c.next)
                         .where(NUMBER_LEASES.c.next <= NUMBER_LEASES.c.last)
                         .order_by(NUMBER_LEASES.c.first).limit(1)).first()
    if lease is not None:
        conn.execute(update(NUMBER_LEASES).where(NUMBER_LEASES.c.first == lease.first)
                     .values(next=lease.next + 1))
        return ticket_number(lease.next)
    if state.read(conn, SERVER_URL):
        sequence = _counter(conn, PROVISIONAL_COUNTER)
        if sequence is None:
            sequence = 1
            conn.execute(insert(COUNTERS).values(name=PROVISIONAL_COUNTER, value=1))
        return provisional_number(state.read(conn, state.DESK_ID)[-4:], sequence)
    sequence = _counter(conn, "ticket_number")
    if sequence is None:
        # A desk seeded before numbering existed: continue after its tickets.
        sequence = 1 + int(conn.execute(select(func.count()).select_from(TicketRow)).scalar_one())
        conn.execute(insert(COUNTERS).values(name="ticket_number", value=sequence))
    return ticket_number(sequence)
