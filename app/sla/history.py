"""A ticket's history as the SLA clocks read it: state intervals and visible updates.

Everything the clocks say is derived from the append-only ``ticket_events`` rows, never
from fields that a later edit overwrites, so a resync or an edit in the past gives the
same answer as the live desk did.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain.enums import EventKind, TicketState
from app.domain.states import PENDING_STATES

STOPPED_STATES = frozenset({TicketState.RESOLVED, TicketState.CLOSED})
# How a call that was never answered ended (the server's call-back ticket says which).
CALL_BACK_CALLS = frozenset({"missed", "abandoned"})


# Timeline entries that are an assessment of the ticket (meet the "analysis" target).
_ASSESSMENTS = frozenset({EventKind.WORK_LOG, EventKind.ANALYSED, EventKind.PLAN_SAVED,
                          EventKind.EMERGENCY})


class Phase(StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


def phase_of(state: TicketState) -> Phase:
    if state in PENDING_STATES:
        return Phase.PAUSED
    return Phase.STOPPED if state in STOPPED_STATES else Phase.RUNNING


@dataclass(frozen=True)
class Event:
    """One timeline entry, reduced to what the clocks need."""

    at: datetime
    kind: str
    data: dict[str, object]

    @classmethod
    def parse(cls, at: datetime, kind: str, data: str) -> Event:
        try:
            loaded = json.loads(data) if data else {}
        except ValueError:
            loaded = {}
        return cls(at, kind, loaded if isinstance(loaded, dict) else {})

    @property
    def visible_to_requester(self) -> bool:
        """Updates the requester hears: answers, call notes, the marked first response."""
        if self.kind == EventKind.CALL_NOTE:
            return True
        if self.kind == EventKind.COMMENT:
            return bool(self.data.get("first_response")) \
                or self.data.get("visibility") == "to_requester"
        return False


@dataclass(frozen=True)
class Span:
    """The ticket was in ``phase`` from ``start`` until ``end`` (None: still is)."""

    phase: Phase
    start: datetime
    end: datetime | None


@dataclass(frozen=True)
class TicketHistory:
    """What the clocks of one ticket are computed from."""

    ticket_id: str
    created_at: datetime
    level: int
    type_code: str
    channel: str
    events: tuple[Event, ...]

    def until(self, now: datetime) -> tuple[Event, ...]:
        """Events up to ``now``, in time order (the timeline is append-only)."""
        return tuple(sorted((e for e in self.events if e.at <= now), key=lambda e: e.at))

    def spans(self, now: datetime) -> list[Span]:
        """Consecutive phases from creation to ``now``; the last one is open."""
        spans: list[Span] = []
        phase, start = Phase.RUNNING, self.created_at
        for event in self.until(now):
            if event.kind != EventKind.STATE_CHANGED or "to" not in event.data:
                continue
            try:
                new = phase_of(TicketState(str(event.data["to"])))
            except ValueError:
                continue
            if new is phase:
                continue
            at = max(event.at, start)
            spans.append(Span(phase, start, at))
            phase, start = new, at
        spans.append(Span(phase, start, None))
        return spans

    def picked_up(self, now: datetime) -> datetime | None:
        """When the ticket first left "new" (taken, assigned, or answered on the spot)."""
        for event in self.until(now):
            if event.kind == EventKind.STATE_CHANGED and event.data.get("from") == "new":
                return event.at
        return None

    def analysed(self, now: datetime) -> datetime | None:
        """When the seat first wrote an assessment: a work-log entry, an internal note, an
        entry marked as the analysis (``{"analysis": true}``), the level-3 analysis at
        intake, a handling plan or a declared emergency (app/process)."""
        for event in self.until(now):
            if event.data.get("analysis") or event.kind in _ASSESSMENTS or (
                    event.kind == EventKind.COMMENT
                    and event.data.get("visibility") == "internal"):
                return event.at
        return None

    def answered(self, now: datetime) -> datetime | None:
        """The first reply the requester saw besides the marked "received" response."""
        for event in self.until(now):
            if event.visible_to_requester and not event.data.get("first_response"):
                return event.at
        return None

    def resolutions(self, now: datetime) -> list[tuple[datetime, datetime | None]]:
        """Each resolution with the moment the follow-up after it ended: a reply the
        requester saw, the confirmation, a close or a reopen (None: still due)."""
        result: list[tuple[datetime, datetime | None]] = []
        for event in self.until(now):
            if event.kind == EventKind.STATE_CHANGED and event.data.get("to") == "resolved":
                result.append((event.at, None))
                continue
            if not result or result[-1][1] is not None:
                continue
            ends = event.visible_to_requester or event.kind in (
                EventKind.SATISFACTION, EventKind.STATE_CHANGED)
            if ends and event.at >= result[-1][0]:
                result[-1] = (result[-1][0], event.at)
        return result

    @property
    def call_back(self) -> bool:
        """A call-back task: opened by the server for a missed or abandoned call."""
        return any(e.kind == EventKind.CREATED and e.data.get("call") in CALL_BACK_CALLS
                   for e in self.events)

    def plan_saved(self, now: datetime) -> datetime | None:
        """When a handling or emergency plan was first saved (meets the "plan" target)."""
        return next((e.at for e in self.until(now) if e.kind == EventKind.PLAN_SAVED), None)

    def updates(self, now: datetime) -> list[datetime]:
        return [e.at for e in self.until(now) if e.visible_to_requester]

    def level_at(self, now: datetime) -> int:
        """The level in force at ``now``: the last change, else the level at creation.

        Clocks use it for the whole history (a level change recomputes the deadline from
        the start, keeping every pause), never only from the change onwards.
        """
        level = self.level
        for event in self.until(now):
            if event.kind in (EventKind.CREATED, EventKind.LEVEL_CHANGED):
                value = event.data.get("to", event.data.get("level"))
                if isinstance(value, int):
                    level = value
        return level
