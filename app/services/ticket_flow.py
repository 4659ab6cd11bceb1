"""Moving a ticket through the closed loop: every change checks the state machine and the
version the seat saw (two windows editing one ticket cannot overwrite each other), and
writes the change and its timeline entry in one transaction."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session, object_session

from app.domain.clock import Clock
from app.domain.enums import EventKind, SatisfactionMethod, TicketState
from app.domain.grading import GradingWeights
from app.domain.ids import new_id
from app.domain.states import IllegalTransition, check_transition
from app.domain.validation import TEXT_MAX
from app.process.verification import verification_missing
from app.services.errors import DeskError, Problem
from app.services.intake import TicketEdits, check_edits
from app.store.database import Store
from app.store.models import TicketEventRow, TicketLinkRow, TicketRow
from app.store.ticket_index import index_ticket

S = TicketState


class LinkKind(StrEnum):
    DUPLICATE_OF = "duplicate_of"
    RELATED = "related"
    CAUSED_BY = "caused_by"


class NoteKind(StrEnum):
    INTERNAL = "internal"
    TO_REQUESTER = "to_requester"
    CALL_NOTE = "call_note"
    WORK_LOG = "work_log"


def _session_of(row: TicketRow) -> Session:
    session = object_session(row)
    assert session is not None  # rows come from _change's unit of work
    return session


def _text(value: str, field: str, *, required: Problem | None = None) -> str:
    value = value.strip()
    if required is not None and not value:
        raise DeskError(required, field)
    if len(value) > TEXT_MAX:
        raise DeskError(Problem.TEXT_TOO_LONG, field, str(TEXT_MAX))
    return value


class TicketFlow:
    """State changes and notes on existing tickets, done by the seat ``actor_id``."""

    def __init__(self, store: Store, clock: Clock, actor_id: str | None,
                 confirmation_timeout: timedelta = timedelta(hours=72)) -> None:
        self._store = store
        self._clock = clock
        self._actor = actor_id
        self._timeout = confirmation_timeout

    # --- the closed loop ------------------------------------------------------------------

    def assign(self, ticket_id: str, version: int, assignee_id: str,
               team_id: str | None = None) -> int:
        def change(row: TicketRow) -> dict[str, Any]:
            target = S.ASSIGNED if row.state in (S.NEW, S.ASSIGNED, S.RESOLVED, S.CLOSED) \
                else TicketState(row.state)
            data = self._move(row, target, has_assignee=True, allow_same=True)
            row.assignee_id, row.team_id = assignee_id, team_id or row.team_id
            return data | {"assignee_id": assignee_id}
        return self._change(ticket_id, version, EventKind.ASSIGNED, change)

    def take(self, ticket_id: str, version: int) -> int:
        if self._actor is None:
            raise DeskError(Problem.ASSIGNEE_MISSING, "assignee")
        return self.assign(ticket_id, version, self._actor)

    def start(self, ticket_id: str, version: int) -> int:
        def change(row: TicketRow) -> dict[str, Any]:
            if row.assignee_id is None and self._actor is not None:
                row.assignee_id = self._actor
            return self._move(row, S.IN_PROGRESS, has_assignee=row.assignee_id is not None)
        return self._change(ticket_id, version, EventKind.STATE_CHANGED, change)

    def pend(self, ticket_id: str, version: int, *, vendor: bool, reason: str) -> int:
        text = _text(reason, "reason", required=Problem.REASON_MISSING)

        def change(row: TicketRow) -> dict[str, Any]:
            data = self._move(row, S.PENDING_VENDOR if vendor else S.PENDING_REQUESTER,
                              has_assignee=row.assignee_id is not None)
            row.pending_reason = text
            return data | {"reason": text}
        return self._change(ticket_id, version, EventKind.STATE_CHANGED, change, body=text)

    def resolve(self, ticket_id: str, version: int, *, solution: str, cause: str = "",
                category_id: str | None = None) -> int:
        solution = _text(solution, "solution", required=Problem.SOLUTION_MISSING)
        cause = _text(cause, "cause")

        def change(row: TicketRow) -> dict[str, Any]:
            data = self._move(row, S.RESOLVED, has_assignee=True)
            row.solution, row.cause = solution, cause
            row.resolved_at = self._clock.now()
            if category_id is not None and category_id != row.category_id:
                row.category_id = category_id
            return data
        return self._change(ticket_id, version, EventKind.STATE_CHANGED, change, body=solution)

    def confirm(self, ticket_id: str, version: int, *, score: int,
                method: SatisfactionMethod | str, comment: str = "") -> int:
        """The requester confirmed the resolution: record the satisfaction score, how it was
        collected (``method``: no default, so a caller cannot drop the seat's choice) and
        close. ``ValueError`` for a method the desk does not know."""
        if not 1 <= score <= 5:
            raise DeskError(Problem.SCORE_INVALID, "score")
        collected_by = SatisfactionMethod(method)
        comment = _text(comment, "comment")

        def change(row: TicketRow) -> dict[str, Any]:
            data = self._move(row, S.CLOSED, has_assignee=True)
            # Level 2: the technical lead verifies before the requester is asked (the
            # server refuses the same, app/server/process.py).
            if verification_missing(_session_of(row), row):
                raise DeskError(Problem.NOT_VERIFIED, "verification")
            row.satisfaction, row.closed_at = score, self._clock.now()
            row.satisfaction_method = str(collected_by)
            # "collected_by", not the "method" that entries before schema 0007 carry: that
            # one said "call_back" whatever the seat chose, so it is not read.
            return data | {"score": score, "collected_by": str(collected_by)}
        return self._change(ticket_id, version, EventKind.SATISFACTION, change, body=comment)

    def close_unconfirmed(self, ticket_id: str, version: int) -> int:
        """Close without the requester's word: only after the confirmation timeout."""
        def change(row: TicketRow) -> dict[str, Any]:
            data = self._move(row, S.CLOSED, has_assignee=True)
            if row.resolved_at is None or self._clock.now() - row.resolved_at < self._timeout:
                raise DeskError(Problem.CONFIRMATION_PENDING, "state")
            row.closed_at, row.closed_unconfirmed = self._clock.now(), True
            return data | {"unconfirmed": True,
                           "timeout_hours": self._timeout / timedelta(hours=1)}
        return self._change(ticket_id, version, EventKind.STATE_CHANGED, change)

    def reopen(self, ticket_id: str, version: int, reason: str) -> int:
        text = _text(reason, "reason", required=Problem.REASON_MISSING)

        def change(row: TicketRow) -> dict[str, Any]:
            return self.reopen_row(row) | {"reason": text}
        return self._change(ticket_id, version, EventKind.STATE_CHANGED, change, body=text)

    def reopen_row(self, row: TicketRow) -> dict[str, Any]:
        """Put a resolved or closed ticket back to work (inside ``act``'s change)."""
        data = self._move(row, S.ASSIGNED, has_assignee=row.assignee_id is not None)
        row.closed_at, row.resolved_at, row.satisfaction = None, None, None
        row.satisfaction_method, row.closed_unconfirmed = "", False
        return data

    def act(self, ticket_id: str, version: int, kind: EventKind,
            change: Callable[[TicketRow], dict[str, Any]], *, body: str = "") -> int:
        """A change made by another part of the desk (the handling process): ``change``
        may add its own rows through the row's session, all in one transaction with the
        version check and the timeline entry."""
        return self._change(ticket_id, version, kind, change, body=body)

    def first_response(self, ticket_id: str, version: int) -> int:
        """Mark that the requester heard back (stops the first-response clock once)."""
        def change(row: TicketRow) -> dict[str, Any]:
            if row.first_response_at is None:
                row.first_response_at = self._clock.now()
            return {"first_response": True}
        return self._change(ticket_id, version, EventKind.COMMENT, change,
                            body="", kind_data={"first_response": True})

    # --- notes and links ------------------------------------------------------------------

    def note(self, ticket_id: str, kind: NoteKind, body: str, minutes: int = 0) -> None:
        """Append a comment, call note or work-log entry; these never conflict."""
        text = _text(body, "body", required=Problem.REASON_MISSING)
        event = {NoteKind.CALL_NOTE: EventKind.CALL_NOTE,
                 NoteKind.WORK_LOG: EventKind.WORK_LOG}.get(kind, EventKind.COMMENT)
        with self._store.unit_of_work() as session:
            if session.get(TicketRow, ticket_id) is None:
                raise DeskError(Problem.NOT_FOUND, "ticket")
            self._event(session, ticket_id, event, text,
                        {"visibility": str(kind), "minutes": max(0, minutes)})

    def link(self, ticket_id: str, other_id: str, kind: LinkKind) -> None:
        if ticket_id == other_id:
            raise DeskError(Problem.LINK_INVALID, "other")
        with self._store.unit_of_work() as session:
            for tid in (ticket_id, other_id):
                if session.get(TicketRow, tid) is None:
                    raise DeskError(Problem.NOT_FOUND, "ticket")
            session.add(TicketLinkRow(id=new_id(self._clock), ticket_id=ticket_id,
                                      other_id=other_id, kind=str(kind),
                                      created_at=self._clock.now(), actor_id=self._actor))
            self._event(session, ticket_id, EventKind.COMMENT, "",
                        {"link": str(kind), "other_id": other_id})

    def merge(self, duplicate_id: str, version: int, master_id: str) -> int:
        """Close ``duplicate_id`` as a duplicate of ``master_id``; both keep their history."""
        if duplicate_id == master_id:
            raise DeskError(Problem.LINK_INVALID, "other")

        def change(row: TicketRow) -> dict[str, Any]:
            session = _session_of(row)
            master = session.get(TicketRow, master_id)
            if master is None or master.deleted:
                raise DeskError(Problem.NOT_FOUND, "other")
            first = self._move(row, S.RESOLVED, has_assignee=True)
            self._move(row, S.CLOSED, has_assignee=True)
            now = self._clock.now()
            row.solution = row.solution or f"duplicate of {master.number}"
            row.resolved_at, row.closed_at = row.resolved_at or now, now
            session.add(TicketLinkRow(id=new_id(self._clock), ticket_id=duplicate_id,
                                      other_id=master_id, kind=str(LinkKind.DUPLICATE_OF),
                                      created_at=now, actor_id=self._actor))
            self._event(session, master_id, EventKind.COMMENT, "",
                        {"link": "duplicate", "other_id": duplicate_id})
            return {"from": first["from"], "to": S.CLOSED.value, "merged_into": master_id}
        return self._change(duplicate_id, version, EventKind.STATE_CHANGED, change)

    def edit(self, ticket_id: str, version: int, edits: TicketEdits,
             weights: GradingWeights) -> int:
        """Change what the seat may correct; the level follows the grading unless overridden
        with a reason. Every changed field is listed on the timeline (old and new)."""
        def change(row: TicketRow) -> dict[str, Any]:
            level = check_edits(edits, weights)
            new: dict[str, Any] = {
                   "title": edits.title.strip(), "description": edits.description.strip(),
                   "type_id": edits.type_id, "category_id": edits.category_id,
                   "urgency": int(edits.urgency), "impact": int(edits.impact),
                   "importance": int(edits.importance), "level": int(level),
                   "level_reason": edits.override_reason.strip() if edits.level_override
                   else ""}
            changed = {name: [getattr(row, name), value] for name, value in new.items()
                       if getattr(row, name) != value}
            for name, (_old, value) in changed.items():
                setattr(row, name, value)
            session = _session_of(row)
            if "title" in changed or "description" in changed:
                index_ticket(session.connection(), ticket_id, row.title, row.description)
            if "level" in changed:
                # SLA clocks recompute from this entry (DESIGN.md section 5).
                self._event(session, ticket_id, EventKind.LEVEL_CHANGED, new["level_reason"],
                            {"from": changed["level"][0], "to": changed["level"][1]})
            return {"changed": changed}
        return self._change(ticket_id, version, EventKind.EDITED, change)

    # --- machinery ------------------------------------------------------------------------

    def _move(self, row: TicketRow, target: S, *, has_assignee: bool,
              allow_same: bool = False) -> dict[str, Any]:
        current = TicketState(row.state)
        if not (allow_same and current == target):
            try:
                check_transition(current, target, has_assignee=has_assignee)
            except IllegalTransition:
                raise DeskError(Problem.ILLEGAL_TRANSITION, "state",
                                f"{current.value}->{target.value}") from None
        row.state = str(target)
        return {"from": current.value, "to": target.value}

    def _change(self, ticket_id: str, version: int, kind: EventKind,
                change: Callable[[TicketRow], dict[str, Any]], *, body: str = "",
                kind_data: dict[str, Any] | None = None) -> int:
        """Apply ``change`` to the ticket if it is still at ``version``; returns the new one."""
        with self._store.unit_of_work() as session:
            row = session.get(TicketRow, ticket_id, with_for_update=True)
            if row is None or row.deleted:
                raise DeskError(Problem.NOT_FOUND, "ticket")
            if row.version != version:
                raise DeskError(Problem.STALE, "ticket", f"{version}!={row.version}")
            data = change(row) | (kind_data or {})
            row.version += 1
            row.updated_at = self._clock.now()
            # The timeline must show every state change as such (SLA clocks are derived
            # from it), also when it happens as part of an assignment or a confirmation.
            if kind != EventKind.STATE_CHANGED and data.get("from") != data.get("to"):
                self._event(session, ticket_id, EventKind.STATE_CHANGED, "",
                            {"from": data["from"], "to": data["to"]})
            self._event(session, ticket_id, kind, body, data)
            return row.version

    def _event(self, session: Session, ticket_id: str, kind: EventKind, body: str,
               data: dict[str, Any]) -> None:
        session.add(TicketEventRow(id=new_id(self._clock), ticket_id=ticket_id,
                                   at=self._clock.now(), actor_id=self._actor, kind=str(kind),
                                   body=body, data=json.dumps(data, ensure_ascii=False)))
