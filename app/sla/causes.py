"""Why a target was missed (issue 16: "a missed target asks why").

When a target breaches or is missed, the seat or lead records a cause from a short list
plus text. The cause is a timeline entry (``ticket_events`` kind ``missed_cause``, data
``{"target", "window", "cause"}``, body the text), written under its author like every
entry: append-only and synced, so it needs no table of its own, and a second entry for
the same target corrects the first (the newest counts). The reports read them
(``cause_counts``).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from app.domain.enums import EventKind
from app.domain.validation import TEXT_MAX
from app.services.errors import DeskError, Problem
from app.sla.clock import ClockState, TargetClock
from app.store.reading import sqlite_utc_text

if TYPE_CHECKING:
    from app.domain.clock import Clock
    from app.store.database import Store


class MissedCause(StrEnum):
    WAITING_ON_VENDOR = "waiting_on_vendor"
    WRONG_CATEGORY = "wrong_category"
    STAFFING = "staffing"
    REQUESTER_UNREACHABLE = "requester_unreachable"
    COMPLEX_PROBLEM = "complex_problem"
    SYSTEM_OUTAGE = "system_outage"
    OTHER = "other"  # needs the text


@dataclass(frozen=True)
class Miss:
    """A target of a ticket that is overdue (breached) or was missed."""

    kind: str
    window: int
    deadline: datetime | None


def misses(clocks: list[TargetClock]) -> list[Miss]:
    """The targets among ``clocks`` that are breached or missed (an update cadence with
    missed windows counts for its current window)."""
    return [Miss(str(c.kind), c.window, c.deadline) for c in clocks
            if c.state in (ClockState.BREACHED, ClockState.MISSED) or c.missed_windows]


def explained(conn: sqlite3.Connection, ticket_id: str) -> dict[tuple[str, int], str]:
    """(target, window) -> the newest cause recorded for it on the ticket."""
    found: dict[tuple[str, int], str] = {}
    for (data,) in conn.execute(
            "SELECT data FROM ticket_events WHERE ticket_id = ? AND kind = ? ORDER BY at, id",
            (ticket_id, str(EventKind.MISSED_CAUSE))):
        body = json.loads(data or "{}")
        found[(str(body.get("target")), int(body.get("window", 0)))] = str(body.get("cause"))
    return found


def unexplained(conn: sqlite3.Connection, ticket_id: str,
                clocks: list[TargetClock]) -> list[Miss]:
    """The misses nobody has said why of yet: what the ticket view asks about."""
    known = explained(conn, ticket_id)
    return [m for m in misses(clocks) if (m.kind, m.window) not in known]


def record_cause(store: Store, clock: Clock, actor_id: str | None, ticket_id: str,
                 miss: Miss, cause: MissedCause | str, text: str = "") -> None:
    """Write the cause of ``miss`` on the ticket's timeline. ``DeskError`` when "other"
    comes without text, the text is too long or the ticket is gone; ``ValueError`` for a
    cause the desk does not know."""
    chosen = MissedCause(cause)
    text = text.strip()
    if chosen is MissedCause.OTHER and not text:
        raise DeskError(Problem.REASON_MISSING, "text")
    if len(text) > TEXT_MAX:
        raise DeskError(Problem.TEXT_TOO_LONG, "text", str(TEXT_MAX))
    from app.domain.ids import new_id
    from app.store.models import TicketEventRow, TicketRow

    with store.unit_of_work() as session:
        if session.get(TicketRow, ticket_id) is None:
            raise DeskError(Problem.NOT_FOUND, "ticket")
        session.add(TicketEventRow(
            id=new_id(clock), ticket_id=ticket_id, at=clock.now(), actor_id=actor_id,
            kind=str(EventKind.MISSED_CAUSE), body=text,
            data=json.dumps({"target": miss.kind, "window": miss.window,
                             "cause": str(chosen)})))


def cause_counts(conn: sqlite3.Connection, since: datetime, until: datetime
                 ) -> dict[str, Counter[str]]:
    """Target kind -> cause -> how many misses recorded in [since, until) (the newest cause
    of each ticket's target and window)."""
    newest: dict[tuple[str, str, int], str] = {}
    for ticket_id, data in conn.execute(
            # The kind as a literal: only then may SQLite use the partial index of the
            # causes (ix_ticket_events_missed_cause) rather than read every event.
            f"SELECT ticket_id, data FROM ticket_events WHERE kind = '{EventKind.MISSED_CAUSE}' "
            "AND at >= ? AND at < ? ORDER BY at, id",
            (sqlite_utc_text(since), sqlite_utc_text(until))):
        body = json.loads(data or "{}")
        newest[(ticket_id, str(body.get("target")), int(body.get("window", 0)))] = \
            str(body.get("cause"))
    counts: dict[str, Counter[str]] = {}
    for (_ticket, kind, _window), cause in newest.items():
        counts.setdefault(kind, Counter())[cause] += 1
    return counts
