"""Issue 16, part 1: the analysis, consultation and follow-up targets, the level-1
defaults, and the built-in version 0 kept for tickets logged before the cut-over."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.sla.calendar import BusinessHours
from app.sla.clock import Calendars, ClockState, TargetClock, clocks
from app.sla.history import Event, TicketHistory
from app.sla.policy import (
    CUT_OVER,
    DEFAULT_POLICY,
    LEGACY_POLICY,
    Policy,
    Rule,
    TargetKind,
    built_in_for,
)
from app.sla.reading import PolicyBook
from tests.app.sla_cases import at, history, reply, state

CAL = Calendars(BusinessHours())
K = TargetKind
TYPES = ("consultation", "fault", "maintenance", "service_request")
CHANNELS = ("phone", "email", "chat", "web", "walk_in", "monitoring")


def clock_of(h: TicketHistory, kind: TargetKind, minutes: float,
             policy: Policy = DEFAULT_POLICY) -> TargetClock:
    return next(c for c in clocks(h, policy, CAL, at(minutes)) if c.kind is kind)


def kinds_of(h: TicketHistory, minutes: float) -> set[TargetKind]:
    return {c.kind for c in clocks(h, DEFAULT_POLICY, CAL, at(minutes))}


def note(minutes: float, visibility: str) -> Event:
    kind = "work_log" if visibility == "work_log" else "comment"
    return Event(at(minutes), kind, {"visibility": visibility})


def test_level_1_has_the_strictest_clock_of_every_kind() -> None:
    for type_code in TYPES:
        for channel in CHANNELS:
            one = DEFAULT_POLICY.targets_for(1, type_code, channel)
            for level in (2, 3):
                other = DEFAULT_POLICY.targets_for(level, type_code, channel)
                for kind, target in other.items():
                    assert kind in one, (type_code, channel, kind)
                    assert one[kind].budget <= target.budget, (type_code, channel, kind)
    fault = DEFAULT_POLICY.targets_for(1, "fault", "email")
    assert {k: t.budget for k, t in fault.items()} == {
        K.FIRST_RESPONSE: timedelta(minutes=1), K.RESOLUTION: timedelta(minutes=30),
        K.PICKUP: timedelta(minutes=1), K.UPDATE: timedelta(minutes=30),
        K.ANALYSIS: timedelta(minutes=2), K.FOLLOW_UP: timedelta(hours=1),
        K.PLAN: timedelta(minutes=15)}
    assert DEFAULT_POLICY.targets_for(1, "consultation", "chat")[K.CONSULTATION].budget == \
        timedelta(minutes=5)
    assert DEFAULT_POLICY.targets_for(3, "fault", "phone")[K.FOLLOW_UP].budget == \
        timedelta(hours=24)
    assert K.CONSULTATION not in DEFAULT_POLICY.targets_for(3, "fault", "phone")


def test_tickets_logged_before_the_cut_over_keep_version_0() -> None:
    assert built_in_for(CUT_OVER - timedelta(seconds=1)) is LEGACY_POLICY
    assert built_in_for(CUT_OVER) is DEFAULT_POLICY
    assert LEGACY_POLICY.targets_for(1, "maintenance", "web")[K.RESOLUTION].budget == \
        timedelta(hours=24)
    assert K.ANALYSIS not in LEGACY_POLICY.targets_for(1, "fault", "phone")
    book = PolicyBook(())
    assert book.for_ticket(CUT_OVER - timedelta(days=1)).version == 0
    assert book.for_ticket(CUT_OVER + timedelta(days=1)).version == 1
    assert book.version(0) is LEGACY_POLICY and book.version(1) is DEFAULT_POLICY
    # An administrator's saved version still wins over both built-in ones.
    saved = Policy(2, (Rule(K.RESOLUTION, 45),))
    assert PolicyBook(((CUT_OVER - timedelta(days=30), saved),)).for_ticket(
        CUT_OVER + timedelta(days=1)) is saved


def test_a_consultation_answered_at_4_minutes_meets_its_target_at_6_misses_it() -> None:
    # The "received" first response does not answer it.
    received = Event(at(0.5), "comment", {"first_response": True})
    on_time = history(received, reply(4), type_code="consultation")
    assert clock_of(on_time, K.CONSULTATION, 3).state is ClockState.OK
    assert clock_of(on_time, K.CONSULTATION, 10).state is ClockState.MET
    late = history(received, reply(6), type_code="consultation")
    assert clock_of(late, K.CONSULTATION, 5.5).state is ClockState.BREACHED
    missed = clock_of(late, K.CONSULTATION, 10)
    assert missed.state is ClockState.MISSED and missed.deadline == at(5)
    # Solving it is answering it.
    solved = history(state(3, "resolved", "in_progress"), type_code="consultation")
    assert clock_of(solved, K.CONSULTATION, 10).state is ClockState.MET


def test_analysis_is_met_by_the_seats_first_written_assessment() -> None:
    for visibility in ("work_log", "internal"):
        h = history(note(1.5, visibility))
        assert clock_of(h, K.ANALYSIS, 5).state is ClockState.MET
    # A reply to the requester is not an analysis.
    assert clock_of(history(reply(1)), K.ANALYSIS, 2.5).state is ClockState.BREACHED
    for kind in ("analysed", "plan_saved", "emergency"):  # app/process entries
        assert clock_of(history(Event(at(1), kind, {})), K.ANALYSIS, 5).state is \
            ClockState.MET
    marked = history(Event(at(3), "comment", {"analysis": True, "visibility": "to_requester"}))
    assert clock_of(marked, K.ANALYSIS, 5).state is ClockState.MISSED


def test_analysis_pauses_while_the_ticket_waits() -> None:
    h = history(state(1, "pending_requester", "in_progress"),
                state(31, "in_progress", "pending_requester"))
    waiting = clock_of(h, K.ANALYSIS, 20)
    assert waiting.state is ClockState.OK and waiting.deadline is None
    assert clock_of(h, K.ANALYSIS, 32).deadline == at(32)
    assert clock_of(h, K.ANALYSIS, 33).state is ClockState.BREACHED


def test_the_follow_up_runs_from_the_resolution_until_the_requester_hears() -> None:
    resolved = state(20, "resolved", "in_progress")
    assert K.FOLLOW_UP not in kinds_of(history(), 10)
    called = history(resolved, Event(at(80), "call_note", {"visibility": "call_note"}))
    assert clock_of(called, K.FOLLOW_UP, 60).state is ClockState.OK
    met = clock_of(called, K.FOLLOW_UP, 200)
    assert met.state is ClockState.MET and met.started_at == at(20)
    forgotten = clock_of(history(resolved), K.FOLLOW_UP, 20 + 24 * 60 + 1)
    assert forgotten.state is ClockState.BREACHED and forgotten.deadline == at(20 + 24 * 60)
    confirmed = history(resolved, Event(at(100), "satisfaction", {"to": "closed"}))
    assert clock_of(confirmed, K.FOLLOW_UP, 3000).state is ClockState.MET


def test_a_reopen_ends_the_follow_up_and_a_new_resolution_opens_a_window() -> None:
    h = history(state(20, "resolved", "in_progress"), state(30, "assigned", "resolved"),
                state(60, "resolved", "in_progress"))
    again = clock_of(h, K.FOLLOW_UP, 70)
    assert again.window == 1 and again.started_at == at(60) and again.missed_windows == 0
    level1 = history(state(20, "resolved", "in_progress"), state(200, "assigned", "resolved"),
                     state(210, "resolved", "in_progress"), level=1)
    late = clock_of(level1, K.FOLLOW_UP, 220)
    assert late.window == 1 and late.missed_windows == 1  # 3 h before the reopen, budget 1 h


pause_plans = st.lists(st.tuples(st.integers(0, 3), st.integers(1, 300)), max_size=3)


@settings(max_examples=80, deadline=None)
@given(pause_plans, st.sampled_from([K.ANALYSIS, K.CONSULTATION]))
def test_the_new_kinds_pause_and_resume_like_the_old_ones(plan: list[tuple[int, int]],
                                                          kind: TargetKind) -> None:
    events: list[Event] = []
    cursor = 0
    for gap, length in plan:
        start = cursor + gap
        events += [state(start, "pending_requester", "in_progress"),
                   state(start + length, "in_progress", "pending_requester")]
        cursor = start + length
    paused = clock_of(history(*events, type_code="consultation"), kind, 10_000)
    plain = clock_of(history(type_code="consultation"), kind, 10_000)
    assert paused.deadline is not None and plain.deadline is not None
    assert paused.deadline >= plain.deadline
    # Each paused minute before the deadline moves it by at most a minute.
    assert paused.deadline - plain.deadline <= timedelta(minutes=sum(n for _g, n in plan))
    assert paused.elapsed == plain.elapsed - paused.paused_for


def test_an_overdue_follow_up_is_brought_to_the_supervisors() -> None:
    from app.sla.escalation import Action, plan_escalations

    follow = plan_escalations(DEFAULT_POLICY.escalations, "follow_up", "breached")
    assert [e.action for e in follow] == [Action.NOTIFY_SUPERVISOR]
    assert plan_escalations(LEGACY_POLICY.escalations, "follow_up", "breached") == ()
