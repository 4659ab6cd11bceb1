"""The scheduled close: resolved tickets the requester never confirmed are closed once the
confirmation timeout has passed since their resolution, each with its timeline entry
("resolved → closed", unconfirmed, the timeout in hours), authored by the system (no
actor).

It runs in one place, like escalation (docs/sla.md, "Scheduled close"): a standalone desk's
scheduler (``ui/scheduling.py``), or, with a sync server, the escalation service
(``app.sla.service``); desks connected to a server never run it, so two desks cannot close
one ticket twice. Time comes from the injected clock only.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import timedelta

from app.domain.clock import Clock
from app.services.errors import DeskError
from app.services.ticket_flow import TicketFlow
from app.store.database import Store
from app.store.reading import sqlite_utc_text

log = logging.getLogger("seatdesk.unconfirmed")
CLOSE_EVERY = timedelta(minutes=5)  # how often whoever closes looks again
FIRST_CLOSE_AFTER = timedelta(seconds=30)  # and once soon after it starts

_DUE = """
SELECT id, version FROM tickets
WHERE state = 'resolved' AND deleted = 0 AND resolved_at <= ?
ORDER BY resolved_at, id
"""


def unconfirmed_due(conn: sqlite3.Connection, clock: Clock,
                    timeout: timedelta) -> list[tuple[str, int]]:
    """(id, version) of the resolved tickets whose confirmation timeout has run out, oldest
    resolution first (``ix_tickets_state_created`` narrows it to the resolved ones)."""
    limit = sqlite_utc_text(clock.now() - timeout)
    return [(str(ticket_id), int(version))
            for ticket_id, version in conn.execute(_DUE, (limit,))]


def close_unconfirmed_due(store: Store, conn: sqlite3.Connection, clock: Clock,
                          timeout: timedelta) -> list[str]:
    """Close every resolved ticket unconfirmed for longer than ``timeout``; returns their ids.

    Each ticket is its own transaction through ``TicketFlow.close_unconfirmed`` (state
    machine, version check, timeline entry). A ticket a seat changed in the meantime (it
    was confirmed, reopened, or is at another version) is left alone: the next pass sees it
    as it is then.
    """
    flow = TicketFlow(store, clock, None, timeout)
    closed: list[str] = []
    for ticket_id, version in unconfirmed_due(conn, clock, timeout):
        try:
            flow.close_unconfirmed(ticket_id, version)
        except DeskError as error:
            log.info("not closing %s unconfirmed: %s", ticket_id, error.problem.value)
            continue
        closed.append(ticket_id)
    if closed:
        log.info("%d ticket(s) closed unconfirmed after %s", len(closed), timeout)
    return closed
