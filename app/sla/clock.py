"""SLA clocks of one ticket, computed from its history at a given moment.

A clock counts calendar time while the ticket is running (new, assigned, in progress),
pauses in the pending states and stops when the ticket is resolved or closed (a reopen
runs it again, with the time already used). Deadlines are where the counted time
reaches the budget; because pauses only move counting time later, they never shorten
a deadline.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from app.sla.calendar import ROUND_THE_CLOCK, ZERO, BusinessHours, Calendar
from app.sla.history import Phase, Span, TicketHistory
from app.sla.policy import CalendarName, Policy, Target, TargetKind, WorkingHours
from app.sla.thresholds import AT_RISK


class ClockState(StrEnum):
    OK = "ok"
    AT_RISK = "at_risk"
    BREACHED = "breached"
    MET = "met"
    MISSED = "missed"


RUNNING_STATES = frozenset({ClockState.OK, ClockState.AT_RISK, ClockState.BREACHED})


@dataclass(frozen=True)
class Run:
    start: datetime
    end: datetime | None  # None: still counting


@dataclass(frozen=True)
class TargetClock:
    """Where one target of one ticket stands at ``now``."""

    ticket_id: str
    kind: TargetKind
    budget: timedelta
    calendar: str
    state: ClockState
    phase: Phase
    started_at: datetime
    deadline: datetime | None  # None while paused before the budget is used up
    at_risk_at: datetime | None
    elapsed: timedelta
    pauses: tuple[Run, ...]
    stopped_at: datetime | None = None
    window: int = 0  # update cadence: which window (0 = since creation)
    missed_windows: int = 0
    # Every threshold (code, moment) the counting time reaches, in order; while paused,
    # only those already reached (later ones have no moment yet).
    thresholds: tuple[tuple[str, datetime], ...] = ()
    # Counted in business hours through a year whose official holidays are not known
    # (app/sla/holiday_years.py): the deadline is an estimate, and says so.
    estimated: bool = False

    @property
    def remaining(self) -> timedelta:
        """Counting time left; negative once overdue."""
        return self.budget - self.elapsed

    @property
    def used_share(self) -> float:
        return self.elapsed / self.budget if self.budget > ZERO else 1.0

    @property
    def paused_for(self) -> timedelta:
        return sum(((p.end or p.start) - p.start for p in self.pauses), ZERO)


@dataclass
class Calendars:
    """The calendars targets may name. ``business`` carries the override table (shared by
    every version) and the built-in hours; a policy version's own hours get a calendar of
    their own with the same overrides and holiday data (``business_for``)."""

    business: BusinessHours
    _by_hours: dict[WorkingHours, BusinessHours] = field(default_factory=dict, repr=False)

    def business_for(self, hours: WorkingHours) -> BusinessHours:
        base = self.business
        if (hours.opens, hours.closes, hours.zone) == (base.opens, base.closes, base.zone.key):
            return base
        found = self._by_hours.get(hours)
        if found is None:
            # replace() shares the overrides, the flagged years and the holiday cache.
            found = replace(base, zone=ZoneInfo(hours.zone), opens=hours.opens,
                            closes=hours.closes)
            self._by_hours[hours] = found
        return found

    def get(self, name: CalendarName, hours: WorkingHours | None = None) -> Calendar:
        """The calendar ``name``; business hours are ``hours`` (default: the built-in)."""
        if name is not CalendarName.BUSINESS:
            return ROUND_THE_CLOCK
        return self.business if hours is None else self.business_for(hours)


def crossing(calendar: Calendar, runs: list[Run], budget: timedelta) -> datetime | None:
    """The moment the counted time of ``runs`` reaches ``budget``, if it does."""
    remaining = budget
    for run in runs:
        if run.end is None:
            return calendar.add(run.start, remaining)
        used = calendar.elapsed(run.start, run.end)
        if used >= remaining:
            return calendar.add(run.start, remaining)
        remaining -= used
    return None


def _clip(spans: list[Span], start: datetime, stop: datetime | None,
          phase: Phase) -> list[Run]:
    runs = []
    for span in spans:
        if span.phase is not phase:
            continue
        begin = max(span.start, start)
        end = span.end if stop is None else (stop if span.end is None else min(span.end, stop))
        if end is not None and end <= begin:
            continue
        runs.append(Run(begin, end))
    return runs


Marks = tuple[tuple[str, timedelta], ...]


def _clock(history: TicketHistory, target: Target, calendar: Calendar, marks: Marks,
           now: datetime, spans: list[Span], start: datetime, stop: datetime | None,
           window: int = 0, missed: int = 0) -> TargetClock:
    runs = _clip(spans, start, stop, Phase.RUNNING)
    elapsed = sum((calendar.elapsed(r.start, r.end or now) for r in runs), ZERO)
    deadline = crossing(calendar, runs, target.budget)
    reached = tuple((code, moment) for code, point in marks
                    if (moment := crossing(calendar, runs, point)) is not None)
    at_risk_at = next((moment for code, moment in reached if code == AT_RISK), None)
    if stop is not None:
        state = ClockState.MISSED if deadline is not None and deadline < stop \
            else ClockState.MET
        phase = Phase.STOPPED
    else:
        phase = spans[-1].phase
        if deadline is not None and deadline <= now:
            state = ClockState.BREACHED
        elif at_risk_at is not None and at_risk_at <= now:
            state = ClockState.AT_RISK
        else:
            state = ClockState.OK
    # An open pause is shown up to now (its length so far).
    pauses = tuple(Run(p.start, p.end or now) for p in _clip(spans, start, stop, Phase.PAUSED))
    if stop is not None and state is ClockState.MISSED:
        missed += 1
    if missed:
        state = ClockState.MISSED if stop is not None else state
    return TargetClock(history.ticket_id, target.kind, target.budget, str(target.calendar),
                       state, phase, start, deadline, at_risk_at, elapsed, pauses, stop,
                       window, missed, reached)


def _stopped_at(spans: list[Span]) -> datetime | None:
    return spans[-1].start if spans[-1].phase is Phase.STOPPED else None


def clocks(history: TicketHistory, policy: Policy, calendars: Calendars,
           now: datetime) -> list[TargetClock]:
    """Every target of the ticket at ``now``, in ``TargetKind`` order. A follow-up exists
    once the ticket was resolved (one window per resolution), a call-back only on a missed
    call's task; the phone's answer in rings is no ticket's."""
    targets = policy.targets_for(history.level_at(now), history.type_code, history.channel)
    spans = history.spans(now)
    updates = history.updates(now)
    result: list[TargetClock] = []
    for kind in TargetKind:
        target = targets.get(kind)
        if target is None:
            continue
        calendar = calendars.get(target.calendar, policy.hours)
        made = _target_clock(history, target, calendar, policy.thresholds(target), now,
                             spans, updates)
        if made is None:
            continue
        if isinstance(calendar, BusinessHours) and calendar.estimated(
                made.started_at, made.deadline or made.stopped_at or now):
            made = replace(made, estimated=True)
        result.append(made)
    return result


def _target_clock(history: TicketHistory, target: Target, calendar: Calendar, marks: Marks,
                  now: datetime, spans: list[Span], updates: list[datetime]
                  ) -> TargetClock | None:
    """The clock of one target kind (None: a follow-up before any resolution)."""
    kind = target.kind
    if kind is TargetKind.ANSWER:
        return None  # a target of each phone call, judged from the calls (app/sla/calls.py)
    if kind is TargetKind.CALL_BACK and not history.call_back:
        return None
    # The call back is met as a first response is: the first update the requester hears.
    if kind in (TargetKind.FIRST_RESPONSE, TargetKind.CALL_BACK):
        ends = [moment for moment in (updates[0] if updates else None, _first_stop(spans))
                if moment is not None]
        return _clock(history, target, calendar, marks, now, spans, history.created_at,
                      min(ends) if ends else None)
    if kind is TargetKind.UPDATE:
        return _cadence(history, target, calendar, marks, now, spans, updates)
    if kind is TargetKind.PICKUP:
        return _clock(history, target, calendar, marks, now, spans, history.created_at,
                      history.picked_up(now))
    if kind is TargetKind.FOLLOW_UP:
        resolutions = history.resolutions(now)
        return _follow_up(history, target, calendar, marks, now, resolutions) \
            if resolutions else None
    if kind is TargetKind.PLAN:
        # Met when the plan is saved; a ticket resolved without one stops it too.
        ends = [m for m in (history.plan_saved(now), _stopped_at(spans)) if m is not None]
        return _clock(history, target, calendar, marks, now, spans, history.created_at,
                      min(ends) if ends else None)
    if kind in (TargetKind.ANALYSIS, TargetKind.CONSULTATION):
        done = history.analysed(now) if kind is TargetKind.ANALYSIS else history.answered(now)
        ends = [moment for moment in (done, _first_stop(spans)) if moment is not None]
        return _clock(history, target, calendar, marks, now, spans, history.created_at,
                      min(ends) if ends else None)
    return _clock(history, target, calendar, marks, now, spans, history.created_at,
                  _stopped_at(spans))


def _first_stop(spans: list[Span]) -> datetime | None:
    return next((s.start for s in spans if s.phase is Phase.STOPPED), None)


def _cadence(history: TicketHistory, target: Target, calendar: Calendar, marks: Marks,
             now: datetime, spans: list[Span], updates: list[datetime]) -> TargetClock:
    """The update cadence: a new window after each update the requester sees; windows
    that ran out before the next update count as missed."""
    starts = [history.created_at, *(u for u in updates if u >= history.created_at)]
    missed = 0
    for begin, end in zip(starts, starts[1:], strict=False):
        deadline = crossing(calendar, _clip(spans, begin, end, Phase.RUNNING), target.budget)
        if deadline is not None and deadline < end:
            missed += 1
    return _clock(history, target, calendar, marks, now, spans, starts[-1],
                  _stopped_at(spans), window=len(starts) - 1, missed=missed)


def _follow_up(history: TicketHistory, target: Target, calendar: Calendar, marks: Marks,
               now: datetime, resolutions: list[tuple[datetime, datetime | None]]
               ) -> TargetClock:
    """The follow-up after the latest resolution: it counts while the ticket waits for
    the requester (resolved), so it never pauses; earlier resolutions' follow-ups that ran
    out count as missed windows."""
    missed = 0
    for begin, end in resolutions[:-1]:
        deadline = calendar.add(begin, target.budget)
        if end is None or deadline < end:
            missed += 1
    begin, end = resolutions[-1]
    spans = [Span(Phase.RUNNING, begin, None)]
    return _clock(history, target, calendar, marks, now, spans, begin, end,
                  window=len(resolutions) - 1, missed=missed)
