"""The tickets behind a figure of the wallboard, for drilling down (issue 17: every figure
opens the tickets behind it).

Each ``Figure`` names one number on the board; ``tickets_behind`` lists the tickets it
counts, by the same definitions the board counts with (``app/wallboard/snapshot.py``), and
today's per-channel shares by the reports' (``app.reports.targets``), so the list is as
long as the figure clicked - except "breached now" per channel, which counts breached
targets: a ticket past both its first response and its resolution counts twice there and
is listed once.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from app.domain.enums import Level, TicketState
from app.domain.states import OPEN_STATES

_OPEN = tuple(sorted(s.value for s in OPEN_STATES))
OPEN_TOTAL, NOT_PICKED_UP, COUNT, SEAT, TODAY = "open", "not_picked_up", "count", "seat", \
    "today"
FIRST_RESPONSE_MET, RESOLUTION_MET, BREACHED_NOW = "first_response", "resolution", "breached"


@dataclass(frozen=True)
class Figure:
    """One number on the board: ``kind`` and what narrows it.

    - ``open``: every open ticket; ``not_picked_up``: given to a seat, not started;
    - ``count``: open tickets of ``state`` and ``level`` (either None: all of them);
    - ``seat``: the open tickets ``staff_id`` holds;
    - ``today``: tickets logged today in ``channel`` whose ``target`` (first_response,
      resolution) was decided, or (``breached``) whose first response or resolution is
      breached now.
    """

    kind: str
    state: TicketState | None = None
    level: Level | None = None
    staff_id: str | None = None
    channel: str | None = None
    target: str | None = None


def tickets_behind(conn: sqlite3.Connection, figure: Figure, now: datetime,
                   zone: ZoneInfo) -> list[str]:
    """The ids of the tickets ``figure`` counts, oldest first."""
    if figure.kind == TODAY:
        return _today(conn, figure, now, zone)
    where: list[str] = ["deleted = 0"]
    params: list[str | int] = []
    if figure.kind == NOT_PICKED_UP:
        where.append("state = ?")
        params.append(TicketState.ASSIGNED.value)
    elif figure.state is not None:
        where.append("state = ?")
        params.append(figure.state.value)
    else:
        where.append(f"state IN ({', '.join('?' * len(_OPEN))})")
        params.extend(_OPEN)
    if figure.kind == COUNT and figure.level is not None:
        where.append("level = ?")
        params.append(int(figure.level))
    if figure.kind == SEAT:
        where.append("assignee_id = ?")
        params.append(figure.staff_id or "")
    rows = conn.execute(f"SELECT id FROM tickets WHERE {' AND '.join(where)} "
                        "ORDER BY created_at, id", params)
    return [row[0] for row in rows]


def _today(conn: sqlite3.Connection, figure: Figure, now: datetime,
           zone: ZoneInfo) -> list[str]:
    from app.reports.period import Period, Span
    from app.reports.targets import Dimension, Outcome, ticket_ids
    from app.sla.policy import TargetKind

    period = Period.of(Span.DAY, now.astimezone(zone).date(), zone.key)
    kinds: tuple[TargetKind, ...]
    outcomes: tuple[Outcome, ...]
    if figure.target == BREACHED_NOW:
        kinds, outcomes = (TargetKind.FIRST_RESPONSE, TargetKind.RESOLUTION), \
            (Outcome.BREACHED,)
    else:  # the share's denominator: every target decided (met, missed, breached)
        kinds = (TargetKind(figure.target or FIRST_RESPONSE_MET),)
        outcomes = (Outcome.MET, Outcome.MISSED, Outcome.BREACHED)
    found: dict[str, None] = {}
    for kind in kinds:
        for ticket in ticket_ids(conn, period, now, kind, outcomes, by=Dimension.CHANNEL,
                                 key=figure.channel):
            found.setdefault(ticket)
    return list(found)
