"""Logging a new ticket: validation, completeness, numbering, one transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.domain.enums import Channel, EventKind, Level, Rating, TicketState
from app.domain.grading import Grading, GradingWeights, LevelOverrideError, effective_level
from app.domain.ids import new_id
from app.domain.validation import TEXT_MAX, TITLE_MAX, is_email, is_phone
from app.services.errors import DeskError, Problem
from app.store.database import Store
from app.store.models import RequesterRow, TicketEventRow, TicketRow
from app.store.ticket_index import index_ticket
from app.sync.numbers import take_number


@dataclass(frozen=True)
class TicketDraft:
    """What the intake form holds."""

    title: str
    description: str
    requester_id: str | None
    channel: Channel
    type_id: str | None
    category_id: str | None
    urgency: Rating = Rating.LOW
    impact: Rating = Rating.LOW
    importance: Rating = Rating.LOW
    level_override: Level | None = None
    override_reason: str = ""


@dataclass(frozen=True)
class TicketEdits:
    """What the seat may correct on an existing ticket."""

    title: str
    description: str
    type_id: str
    category_id: str
    urgency: Rating
    impact: Rating
    importance: Rating
    level_override: Level | None = None
    override_reason: str = ""


def check_edits(edits: TicketEdits, weights: GradingWeights) -> Level:
    """The same rules as for a new ticket; returns the level the ticket will have."""
    return _check_content(edits.title, edits.description, edits.type_id, edits.category_id,
                          Grading(edits.urgency, edits.impact, edits.importance),
                          edits.level_override, edits.override_reason, weights)


@dataclass(frozen=True)
class RequesterDraft:
    name: str
    unit: str
    phone: str
    email: str


@dataclass(frozen=True)
class LoggedTicket:
    id: str
    number: str
    level: Level


def missing_fields(draft: TicketDraft) -> list[str]:
    """The completeness checklist: names of fields still empty (REQUIREMENTS.md section 4)."""
    missing = []
    if not draft.title.strip():
        missing.append("title")
    if not draft.description.strip():
        missing.append("description")
    if draft.requester_id is None and draft.channel != Channel.MONITORING:
        missing.append("requester")
    if draft.type_id is None:
        missing.append("type")
    if draft.category_id is None:
        missing.append("category")
    return missing


def check_draft(draft: TicketDraft, weights: GradingWeights) -> Level:
    """Raise the first problem of ``draft``; return the level it will get."""
    level = _check_content(draft.title, draft.description, draft.type_id, draft.category_id,
                           Grading(draft.urgency, draft.impact, draft.importance),
                           draft.level_override, draft.override_reason, weights)
    if "requester" in missing_fields(draft):
        raise DeskError(Problem.REQUESTER_MISSING, "requester")
    return level


def _check_content(title: str, description: str, type_id: str | None,
                   category_id: str | None, grading: Grading, override: Level | None,
                   reason: str, weights: GradingWeights) -> Level:
    """What new and edited tickets share: text, classification and level."""
    if not title.strip():
        raise DeskError(Problem.TITLE_MISSING, "title")
    if type_id is None:
        raise DeskError(Problem.TYPE_MISSING, "type")
    if category_id is None:
        raise DeskError(Problem.CATEGORY_MISSING, "category")
    if len(title) > TITLE_MAX:
        raise DeskError(Problem.TITLE_TOO_LONG, "title", str(TITLE_MAX))
    if len(description) > TEXT_MAX:
        raise DeskError(Problem.TEXT_TOO_LONG, "description", str(TEXT_MAX))
    try:
        return effective_level(grading, weights, override, reason)
    except LevelOverrideError:
        raise DeskError(Problem.OVERRIDE_REASON_MISSING, "override_reason") from None


def check_requester(draft: RequesterDraft) -> None:
    if not draft.name.strip():
        raise DeskError(Problem.REQUESTER_NAME_MISSING, "name")
    if not draft.phone.strip() and not draft.email.strip():
        raise DeskError(Problem.CONTACT_MISSING, "phone")
    if draft.phone.strip() and not is_phone(draft.phone):
        raise DeskError(Problem.PHONE_INVALID, "phone")
    if draft.email.strip() and not is_email(draft.email):
        raise DeskError(Problem.EMAIL_INVALID, "email")


class Intake:
    """Creates requesters and tickets for the seat ``actor_id``."""

    def __init__(self, store: Store, clock: Clock, weights: GradingWeights,
                 actor_id: str | None) -> None:
        self._store = store
        self._clock = clock
        self._weights = weights
        self._actor = actor_id

    def add_requester(self, draft: RequesterDraft) -> str:
        check_requester(draft)
        requester_id = new_id(self._clock)
        with self._store.unit_of_work() as session:
            session.add(self._requester_row(requester_id, draft))
        return requester_id

    def _requester_row(self, requester_id: str, draft: RequesterDraft) -> RequesterRow:
        return RequesterRow(
            id=requester_id, name=draft.name.strip(), unit=draft.unit.strip(),
            phone=draft.phone.strip(), email=draft.email.strip(), updated_at=self._clock.now(),
            version=1, deleted=False)

    def log(self, draft: TicketDraft, *, answered: bool = False,
            new_requester: RequesterDraft | None = None,
            received_at: datetime | None = None, call_id: str = "") -> LoggedTicket:
        """Save the ticket, its number and its first timeline entry in one transaction;
        ``answered``: the seat already gave the first response on the call (same
        transaction, so the first-response clock never runs for it); ``new_requester``:
        a requester typed into the form, saved with the ticket or not at all (a refused
        ticket leaves no requester behind); ``received_at``: when the request arrived
        (a phone call's start: its SLA clocks start then, not when the form is saved;
        never later than now); ``call_id``: the call it was logged for (its creation names
        it, so the reports can tell which answered calls became tickets)."""
        requester_id = draft.requester_id
        if new_requester is not None:
            check_requester(new_requester)
            requester_id = new_id(self._clock)
            draft = replace(draft, requester_id=requester_id)
        level = check_draft(draft, self._weights)
        with self._store.unit_of_work() as session:
            if new_requester is not None and requester_id is not None:
                session.add(self._requester_row(requester_id, new_requester))
                session.flush()
            at = None if received_at is None else min(received_at, self._clock.now())
            return self.log_in(session, draft, level, answered=answered, at=at,
                               created_data={"call_id": call_id} if call_id else None)

    def log_in(self, session: Session, draft: TicketDraft, level: Level, *,
               answered: bool = False, at: datetime | None = None,
               created_data: dict[str, object] | None = None) -> LoggedTicket:
        """Write a checked ticket in the caller's transaction (the mail service stores the
        message with it); ``at``: when the request arrived (an e-mail's SLA clocks start
        when it reached the mailbox, not when it was read); ``created_data``: more about
        its creation for the timeline."""
        now = at or self._clock.now()
        ticket_id = new_id(self._clock)
        number = take_number(session.connection())
        ticket = TicketRow(
            id=ticket_id, number=number, title=draft.title.strip(),
            description=draft.description.strip(), requester_id=draft.requester_id,
            channel=str(draft.channel), type_id=draft.type_id, category_id=draft.category_id,
            urgency=int(draft.urgency), impact=int(draft.impact),
            importance=int(draft.importance), level=int(level),
            level_reason=draft.override_reason.strip() if draft.level_override else "",
            state=str(TicketState.NEW), pending_reason="", assignee_id=None, team_id=None,
            created_at=now, updated_at=self._clock.now(), version=1, deleted=False)
        session.add(ticket)
        session.flush()
        index_ticket(session.connection(), ticket_id, draft.title.strip(),
                     draft.description.strip())
        session.add(TicketEventRow(
            id=new_id(self._clock), ticket_id=ticket_id, at=now, actor_id=self._actor,
            kind=str(EventKind.CREATED), body="",
            data=json.dumps({"channel": str(draft.channel), "level": int(level),
                             **(created_data or {})}, ensure_ascii=False)))
        if answered:
            ticket.first_response_at = now
            session.add(TicketEventRow(
                id=new_id(self._clock), ticket_id=ticket_id, at=now, actor_id=self._actor,
                kind=str(EventKind.COMMENT), body="",
                data=json.dumps({"first_response": True})))
        return LoggedTicket(ticket_id, number, level)
