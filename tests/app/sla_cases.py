"""Small builders for SLA tests: ticket histories from a list of (minute, event)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from app.sla.history import Event, TicketHistory

# 2026-11-26 is a Thursday; 02:00 UTC = 10:00 in Beijing.
T0 = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def state(minutes: float, to: str, frm: str = "") -> Event:
    return Event(at(minutes), "state_changed", {"from": frm, "to": to})


def reply(minutes: float) -> Event:
    return Event(at(minutes), "comment", {"visibility": "to_requester"})


def level(minutes: float, to: int) -> Event:
    return Event(at(minutes), "level_changed", {"from": 3, "to": to})


def history(*events: Event, level: int = 3, type_code: str = "fault",
            channel: str = "phone", ticket_id: str = "t1") -> TicketHistory:
    created = Event(T0, "created", {"channel": channel, "level": level})
    return TicketHistory(ticket_id, T0, level, type_code, channel, (created, *events))


def raw(data: dict[str, object]) -> str:
    return json.dumps(data)
