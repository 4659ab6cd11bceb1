"""The handling process as the seat signed in carries it out (issue 16, docs/process.md).

Every write names its author (the signed-in seat), is refused for a role without the
capability the server would also ask for (``app.domain.roles.TABLE_WRITERS``), and goes
through ``TicketFlow.act``: the ticket's version is checked and the timeline entry written
in the same transaction as the record, so nothing is ever half-written.

- ``save_plan``: a level-2 handling plan (steps with owner and planned time); its first
  save meets the "plan" target (``app.sla.clock``).
- ``declare_emergency``: a level-1 emergency plan from the library (``app.process.library``),
  its named roles filled, the senior expert assigned the ticket.
- ``step_done``: a plan step carried out, on the timeline.
- ``verify``: the technical lead's verdict on a level-2 result; a refusal reopens it.
- ``review``: the senior engineer's verdict on a level-3 result; sent back with findings,
  it reopens.
- ``record_analysis``: the seat's analysis of a level-3 request and its planned time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from app.domain.clock import Clock
from app.domain.enums import EventKind, Level, Seniority, TicketState
from app.domain.ids import new_id
from app.domain.roles import Capability
from app.domain.validation import TEXT_MAX
from app.identity.seat import SignedIn
from app.process.library import plan as library_plan
from app.process.tables import AnalysisRow, PlanRow, PlanStepRow, ReviewRow, VerificationRow
from app.services.errors import DeskError, Problem
from app.services.ticket_flow import TicketFlow
from app.store.database import Store
from app.store.models import StaffRow, TicketEventRow, TicketRow

HANDLING = "handling"
EMERGENCY = "emergency"
PLANNED_MINUTES = (1, 30 * 24 * 60)  # a level-3 request's planned time: a minute to 30 days
RESOLVED_STATES = (TicketState.RESOLVED, TicketState.CLOSED)


@dataclass(frozen=True)
class StepDraft:
    """A step as the plan editor gives it."""

    text: str
    owner_id: str | None = None
    planned_at: datetime | None = None


def _text(value: str, field: str, required: Problem | None = None) -> str:
    value = value.strip()
    if required is not None and not value:
        raise DeskError(required, field)
    if len(value) > TEXT_MAX:
        raise DeskError(Problem.TEXT_TOO_LONG, field, str(TEXT_MAX))
    return value


def _session(row: TicketRow) -> Session:
    session = object_session(row)
    assert session is not None  # rows come from TicketFlow.act's unit of work
    return session


class Process:
    """The process steps done by ``actor`` on this desk."""

    def __init__(self, store: Store, clock: Clock, actor: SignedIn) -> None:
        self._store, self._clock, self._actor = store, clock, actor
        self._flow = TicketFlow(store, clock, actor.staff_id)

    def _allowed(self, capability: Capability) -> None:
        if not self._actor.may(capability) or self._actor.staff_id is None:
            raise DeskError(Problem.NOT_ALLOWED)

    # --- plans ----------------------------------------------------------------------------

    def save_plan(self, ticket_id: str, version: int, summary: str,
                  steps: Sequence[StepDraft]) -> int:
        """Save the ticket's level-2 handling plan (a new one, or the existing one edited:
        steps kept in place keep whether they were done). Returns the ticket's version."""
        self._allowed(Capability.WRITE_PLANS)
        summary = _text(summary, "summary")
        drafts = self._checked_steps(steps)

        def change(row: TicketRow) -> dict[str, Any]:
            if row.level != Level.TWO:
                raise DeskError(Problem.WRONG_LEVEL, "level", "2")
            session = _session(row)
            plan = current_plan(session, row.id, HANDLING)
            first = plan is None
            if plan is None:
                plan = PlanRow(id=new_id(self._clock), ticket_id=row.id, kind=HANDLING,
                               template="", roles="{}", expert_id=None)
                session.add(plan)
            plan.summary, plan.author_id = summary, self._actor.staff_id
            plan.saved_at = plan.updated_at = self._clock.now()
            if not first:
                plan.version += 1
            self._write_steps(session, plan, drafts)
            return {"plan_id": plan.id, "kind": HANDLING, "steps": len(drafts),
                    "first": first}
        return self._flow.act(ticket_id, version, EventKind.PLAN_SAVED, change, body=summary)

    def declare_emergency(self, ticket_id: str, version: int, template: str, expert_id: str,
                          roles: Mapping[str, str | None], language: str) -> int:
        """Declare a level-1 emergency with the library plan ``template``: the plan and its
        steps are written (each step owned by the holder of its role), the senior expert is
        assigned the ticket. Every desk shows the emergency until the ticket is resolved."""
        self._allowed(Capability.WRITE_PLANS)
        spec = library_plan(template)
        if spec is None:
            raise DeskError(Problem.NOT_FOUND, "template")
        now = self._clock.now()
        holders = {role.code: roles.get(role.code) for role in spec.roles}
        holders["expert"] = expert_id

        def change(row: TicketRow) -> dict[str, Any]:
            if row.level != Level.ONE:
                raise DeskError(Problem.WRONG_LEVEL, "level", "1")
            session = _session(row)
            expert = session.get(StaffRow, expert_id)
            if expert is None or expert.deleted or not expert.active:
                raise DeskError(Problem.STAFF_NOT_FOUND, "expert")
            if expert.seniority < Seniority.SENIOR_EXPERT:
                raise DeskError(Problem.EXPERT_NOT_SENIOR, "expert")
            if current_plan(session, row.id, EMERGENCY) is not None:
                raise DeskError(Problem.ILLEGAL_TRANSITION, "emergency")
            plan = PlanRow(id=new_id(self._clock), ticket_id=row.id, kind=EMERGENCY,
                           template=spec.code, summary=spec.name(language),
                           expert_id=expert_id, roles=json.dumps(holders, sort_keys=True),
                           author_id=self._actor.staff_id, saved_at=now, updated_at=now)
            session.add(plan)
            self._write_steps(session, plan, [
                StepDraft(step.text(language), holders.get(step.role),
                          now + timedelta(minutes=step.minutes)) for step in spec.steps])
            data: dict[str, Any] = {"template": spec.code, "expert_id": expert_id,
                                    "plan_id": plan.id}
            if row.assignee_id != expert_id:
                if row.state == TicketState.NEW:
                    data |= {"from": row.state, "to": TicketState.ASSIGNED.value}
                    row.state = TicketState.ASSIGNED.value
                row.assignee_id, row.team_id = expert_id, expert.team_id or row.team_id
                self._event(session, row.id, EventKind.ASSIGNED, "",
                            {"assignee_id": expert_id})
            # The plan counts as saved for the targets that wait for one.
            self._event(session, row.id, EventKind.PLAN_SAVED, plan.summary,
                        {"plan_id": plan.id, "kind": EMERGENCY, "steps": len(spec.steps),
                         "first": True})
            return data
        return self._flow.act(ticket_id, version, EventKind.EMERGENCY, change,
                              body=spec.name(language))

    def step_done(self, ticket_id: str, version: int, step_id: str) -> int:
        """Tick off a step: it is done now, by the seat signed in, on the timeline."""
        self._allowed(Capability.WORK_TICKETS)

        def change(row: TicketRow) -> dict[str, Any]:
            session = _session(row)
            step = session.get(PlanStepRow, step_id)
            plan = None if step is None else session.get(PlanRow, step.plan_id)
            if step is None or step.deleted or plan is None or plan.ticket_id != row.id:
                raise DeskError(Problem.NOT_FOUND, "step")
            if step.done_at is None:
                step.done_at = step.updated_at = self._clock.now()
                step.author_id = self._actor.staff_id
                step.version += 1
            late = step.planned_at is not None and step.done_at > step.planned_at
            return {"plan_id": plan.id, "step_id": step.id, "position": step.position,
                    "late": late}
        body = self._step_text(step_id)
        return self._flow.act(ticket_id, version, EventKind.STEP_DONE, change, body=body)

    # --- verification, review, analysis ---------------------------------------------------

    def verify(self, ticket_id: str, version: int, *, approved: bool, note: str = "") -> int:
        """The technical lead's verdict on a resolved level-2 ticket. Approved, the
        requester may be asked to confirm; refused (a note is required), it goes back to
        work."""
        self._allowed(Capability.VERIFY_RESOLUTIONS)
        note = _text(note, "note", None if approved else Problem.REASON_MISSING)

        def record(row: TicketRow) -> VerificationRow:
            return VerificationRow(id=new_id(self._clock), ticket_id=row.id,
                                   verifier_id=self._actor.staff_id, at=self._clock.now(),
                                   approved=approved, note=note)
        return self._verdict(ticket_id, version, Level.TWO, (TicketState.RESOLVED,), record,
                             approved, EventKind.VERIFIED, note)

    def review(self, ticket_id: str, version: int, *, approved: bool,
               findings: str = "") -> int:
        """The senior engineer's review of a level-3 result (resolved or closed). Sent back
        (findings required), the ticket reopens with the findings on its timeline."""
        self._allowed(Capability.REVIEW_RESOLUTIONS)
        findings = _text(findings, "findings", None if approved else Problem.REASON_MISSING)

        def record(row: TicketRow) -> ReviewRow:
            return ReviewRow(id=new_id(self._clock), ticket_id=row.id,
                             reviewer_id=self._actor.staff_id, at=self._clock.now(),
                             approved=approved, findings=findings)
        return self._verdict(ticket_id, version, Level.THREE, RESOLVED_STATES, record,
                             approved, EventKind.REVIEWED, findings)

    def _verdict(self, ticket_id: str, version: int, level: Level,
                 states: tuple[TicketState, ...], record: Callable[[TicketRow], object],
                 approved: bool, kind: EventKind, text: str) -> int:
        """A verification or review: checked against the ticket's level and state, kept
        with its timeline entry; not approved, the ticket goes back to work."""
        def change(row: TicketRow) -> dict[str, Any]:
            if row.level != level:
                raise DeskError(Problem.WRONG_LEVEL, "level", str(int(level)))
            if row.state not in states:
                raise DeskError(Problem.NOT_RESOLVED, "state")
            _session(row).add(record(row))
            data: dict[str, Any] = {"approved": approved}
            return data if approved else data | self._flow.reopen_row(row)
        return self._flow.act(ticket_id, version, kind, change, body=text)

    def record_analysis(self, ticket_id: str, version: int, analysis: str,
                        planned_minutes: int) -> int:
        """The seat's analysis of a level-3 request and the time it plans for it."""
        self._allowed(Capability.WORK_TICKETS)
        text = _text(analysis, "analysis", Problem.REASON_MISSING)
        low, high = PLANNED_MINUTES
        if not low <= planned_minutes <= high:
            raise DeskError(Problem.PLANNED_TIME_INVALID, "planned_minutes", f"{low}–{high}")

        def change(row: TicketRow) -> dict[str, Any]:
            if row.level != Level.THREE:
                raise DeskError(Problem.WRONG_LEVEL, "level", "3")
            _session(row).add(AnalysisRow(
                id=new_id(self._clock), ticket_id=row.id, author_id=self._actor.staff_id,
                at=self._clock.now(), analysis=text, planned_minutes=planned_minutes))
            return {"planned_minutes": planned_minutes}
        return self._flow.act(ticket_id, version, EventKind.ANALYSED, change, body=text)

    # --- machinery ------------------------------------------------------------------------

    def _checked_steps(self, steps: Sequence[StepDraft]) -> list[StepDraft]:
        if not steps:
            raise DeskError(Problem.PLAN_EMPTY, "steps")
        checked = []
        for number, step in enumerate(steps, 1):
            text = step.text.strip()
            if not text:
                raise DeskError(Problem.STEP_TEXT_MISSING, "steps", str(number))
            checked.append(StepDraft(_text(text, "steps"), step.owner_id, step.planned_at))
        return checked

    def _write_steps(self, session: Session, plan: PlanRow, drafts: Sequence[StepDraft]
                     ) -> None:
        now = self._clock.now()
        existing = list(session.scalars(select(PlanStepRow).where(
            PlanStepRow.plan_id == plan.id, PlanStepRow.deleted.is_(False))
            .order_by(PlanStepRow.position)))
        for position, draft in enumerate(drafts):
            step = existing[position] if position < len(existing) else None
            if step is None:
                session.add(PlanStepRow(
                    id=new_id(self._clock), plan_id=plan.id, position=position,
                    text=draft.text, owner_id=draft.owner_id, planned_at=draft.planned_at,
                    done_at=None, author_id=self._actor.staff_id, updated_at=now))
                continue
            values = {"text": draft.text, "owner_id": draft.owner_id,
                      "planned_at": draft.planned_at}
            if any(getattr(step, name) != value for name, value in values.items()):
                if step.text != draft.text:
                    step.done_at = None  # another step now: not done yet
                for name, value in values.items():
                    setattr(step, name, value)
                step.author_id, step.updated_at = self._actor.staff_id, now
                step.version += 1
        for step in existing[len(drafts):]:
            step.deleted, step.author_id, step.updated_at = True, self._actor.staff_id, now
            step.version += 1

    def _step_text(self, step_id: str) -> str:
        with self._store.unit_of_work() as session:
            step = session.get(PlanStepRow, step_id)
            return "" if step is None else step.text

    def _event(self, session: Session, ticket_id: str, kind: EventKind, body: str,
               data: dict[str, Any]) -> None:
        session.add(TicketEventRow(id=new_id(self._clock), ticket_id=ticket_id,
                                   at=self._clock.now(), actor_id=self._actor.staff_id,
                                   kind=str(kind), body=body,
                                   data=json.dumps(data, ensure_ascii=False)))


def current_plan(session: Session, ticket_id: str, kind: str) -> PlanRow | None:
    return session.scalars(select(PlanRow).where(
        PlanRow.ticket_id == ticket_id, PlanRow.kind == kind, PlanRow.deleted.is_(False))
        .order_by(PlanRow.saved_at).limit(1)).first()
