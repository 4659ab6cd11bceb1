"""Carrying out escalations that change the ticket (raise its level, hand it to a senior
group) and putting every escalation on the ticket's timeline, in the transaction that
raised the threshold. Each returns the ledger's outcome and detail.

"Notify the supervisor" is only sent here: its outcome is "pending" until a supervisor
acknowledges it (``app.sla.receipts``), never "done" before anyone saw it."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.domain.enums import EventKind, TicketState
from app.domain.ids import new_id
from app.domain.states import can_transition
from app.sla.escalation import Action, Escalation
from app.sla.owners import Followers
from app.store.models import TeamRow, TicketEventRow, TicketRow

DONE, SKIPPED, PENDING = "done", "skipped", "pending"


def _raise_level(session: Session, clock: Clock, ticket: TicketRow,
                 reason: str) -> tuple[str, str]:
    if ticket.level <= 1:
        return SKIPPED, "already level 1"
    before = ticket.level
    ticket.level = before - 1
    ticket.level_reason = reason
    # The clocks recompute from this entry, as for a level edited by a seat.
    session.add(TicketEventRow(
        id=new_id(clock), ticket_id=ticket.id, at=clock.now(), actor_id=None,
        kind=str(EventKind.LEVEL_CHANGED), body=reason,
        data=json.dumps({"from": before, "to": ticket.level})))
    return DONE, f"level {before} -> {ticket.level}"


def _reassign(session: Session, ticket: TicketRow, team_code: str) -> tuple[str, str]:
    team = session.execute(select(TeamRow).where(TeamRow.code == team_code,
                                                 ~TeamRow.deleted)).scalar_one_or_none()
    if team is None:
        return SKIPPED, f"no team {team_code!r}"
    ticket.team_id = team.id
    state = TicketState(ticket.state)
    if state == TicketState.NEW or can_transition(state, TicketState.NEW):
        # Back to the senior group's unassigned queue.
        ticket.assignee_id, ticket.state = None, str(TicketState.NEW)
        return DONE, f"to team {team_code}, unassigned"
    # In progress or pending: the assignee keeps the work, the senior group sees it too.
    return DONE, f"to team {team_code}, assignee kept ({state.value})"


def carry_out(session: Session, clock: Clock, ticket_id: str, kind: str, threshold: str,
              escalation: Escalation, followers: Followers | None = None
              ) -> tuple[str, str, str | None]:
    """Do ``escalation`` now (not the deferred webhook) and log it on the timeline, naming
    the person who must follow the ticket (chosen by ``followers`` after a hand-over, so
    the senior group's lead follows it). Returns outcome, detail and that person."""
    now = clock.now()
    ticket = session.get(TicketRow, ticket_id)
    outcome, detail = DONE, escalation.describe()
    if escalation.action is Action.NOTIFY_SUPERVISOR:
        outcome = PENDING  # sent; delivered and acknowledged are the supervisors' receipts
    elif ticket is not None and escalation.action is Action.RAISE_LEVEL:
        outcome, detail = _raise_level(session, clock, ticket, f"SLA {kind} {threshold}")
    elif ticket is not None and escalation.action is Action.REASSIGN:
        outcome, detail = _reassign(session, ticket, escalation.team)
    if ticket is not None and outcome == DONE and escalation.action in (
            Action.RAISE_LEVEL, Action.REASSIGN):
        ticket.version += 1
        ticket.updated_at = now
    owner = None
    if followers is not None:
        team = followers.team_of(escalation.team) if escalation.action is Action.REASSIGN \
            else None
        owner = followers.follower(team or (ticket.team_id if ticket is not None else None))
    entry: dict[str, object] = {"action": str(escalation.action), "target": kind,
                                "threshold": threshold, "outcome": outcome, "detail": detail}
    if owner is not None:
        entry["owner_id"] = owner
    session.add(TicketEventRow(
        id=new_id(clock), ticket_id=ticket_id, at=now, actor_id=None,
        kind=str(EventKind.ESCALATED), body="", data=json.dumps(entry, ensure_ascii=False)))
    return outcome, detail, owner
