"""SLA clocks from a ticket's history: pauses, level changes, cadence, states."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.sla.calendar import BusinessHours
from app.sla.clock import Calendars, ClockState, TargetClock, clocks
from app.sla.history import Event, Phase, TicketHistory
from app.sla.policy import DEFAULT_POLICY, LEGACY_POLICY, CalendarName, Policy, Rule, TargetKind
from tests.app.sla_cases import at, history, level, reply, state

CAL = Calendars(BusinessHours())
K = TargetKind


def clock_of(h: TicketHistory, kind: TargetKind, minutes: float,
             policy: Policy = DEFAULT_POLICY) -> TargetClock:
    return next(c for c in clocks(h, policy, CAL, at(minutes)) if c.kind is kind)


def test_a_fault_gets_the_customers_targets() -> None:
    targets = DEFAULT_POLICY.targets_for(3, "fault", "phone")
    assert targets[K.FIRST_RESPONSE].budget == timedelta(minutes=1)
    assert targets[K.RESOLUTION].budget == timedelta(hours=1)
    assert K.UPDATE not in targets
    assert DEFAULT_POLICY.targets_for(3, "consultation", "chat")[K.RESOLUTION].budget == \
        timedelta(minutes=10)
    assert DEFAULT_POLICY.targets_for(3, "maintenance", "email")[K.FIRST_RESPONSE].budget == \
        timedelta(hours=1)
    assert DEFAULT_POLICY.targets_for(3, "maintenance", "web")[K.RESOLUTION].budget == \
        timedelta(hours=24)
    level2 = DEFAULT_POLICY.targets_for(2, "maintenance", "web")
    assert level2[K.UPDATE].budget == timedelta(hours=2)
    # The level-2 hour is for the handling plan (issue 16), not the resolution.
    assert level2[K.PLAN].budget == timedelta(hours=1)
    assert level2[K.RESOLUTION].budget == timedelta(hours=24)
    assert K.PLAN not in DEFAULT_POLICY.targets_for(3, "maintenance", "web")


def test_policy_round_trips_through_json() -> None:
    again = Policy.from_json(7, DEFAULT_POLICY.to_json())
    assert again.rules == DEFAULT_POLICY.rules and again.version == 7


def test_ok_then_at_risk_then_breached() -> None:
    h = history()
    assert clock_of(h, K.RESOLUTION, 10).state is ClockState.OK
    assert clock_of(h, K.RESOLUTION, 45).state is ClockState.AT_RISK
    late = clock_of(h, K.RESOLUTION, 61)
    assert late.state is ClockState.BREACHED
    assert late.deadline == at(60) and late.at_risk_at == at(45)
    assert late.remaining == timedelta(minutes=-1)


def test_met_and_missed_when_stopped() -> None:
    assert clock_of(history(state(50, "resolved")), K.RESOLUTION, 90).state is ClockState.MET
    missed = clock_of(history(state(70, "resolved")), K.RESOLUTION, 90)
    assert missed.state is ClockState.MISSED and missed.phase is Phase.STOPPED
    assert missed.stopped_at == at(70)


def test_first_response_stops_at_the_first_visible_reply() -> None:
    assert clock_of(history(reply(0.5)), K.FIRST_RESPONSE, 5).state is ClockState.MET
    assert clock_of(history(reply(2)), K.FIRST_RESPONSE, 5).state is ClockState.MISSED
    assert clock_of(history(), K.FIRST_RESPONSE, 5).state is ClockState.BREACHED


def test_pause_moves_the_deadline_and_resume_continues() -> None:
    h = history(state(10, "pending_requester"), state(40, "in_progress"))
    paused = clock_of(h, K.RESOLUTION, 20)
    assert paused.phase is Phase.PAUSED and paused.deadline is None
    assert paused.elapsed == timedelta(minutes=10)
    resumed = clock_of(h, K.RESOLUTION, 41)
    assert resumed.deadline == at(90)
    assert resumed.paused_for == timedelta(minutes=30)


def test_level_change_recomputes_from_history_and_keeps_the_paused_time() -> None:
    # Level 3 maintenance: no plan target. Paused 30 min, then raised to level 2 (1 h plan).
    h = history(state(10, "pending_vendor"), state(40, "in_progress"), level(50, 2),
                type_code="maintenance")
    before = clock_of(h, K.RESOLUTION, 45)
    assert before.budget == timedelta(hours=24)
    after = clock_of(h, K.PLAN, 55)
    assert after.budget == timedelta(hours=1)
    # 60 min of running time: 10 before the pause, 50 after 40 -> deadline at 90, not 60.
    assert after.deadline == at(90)


def test_update_cadence_restarts_on_each_visible_update() -> None:
    h = history(reply(60), reply(170), level=2, type_code="maintenance")
    cadence = clock_of(h, K.UPDATE, 210)
    assert cadence.window == 2
    assert cadence.deadline == at(290)
    assert cadence.missed_windows == 0
    late = history(reply(130), level=2, type_code="maintenance")
    assert clock_of(late, K.UPDATE, 140).missed_windows == 1
    assert clock_of(history(reply(130), state(140, "resolved"), level=2,
                            type_code="maintenance"), K.UPDATE, 150).state is ClockState.MISSED


def test_internal_notes_do_not_restart_the_cadence() -> None:
    from app.sla.history import Event

    note = Event(at(60), "comment", {"visibility": "internal"})
    cadence = clock_of(history(note, level=2, type_code="maintenance"), K.UPDATE, 70)
    assert cadence.window == 0


def test_business_hours_target() -> None:
    policy = Policy(2, (Rule(K.RESOLUTION, 120, calendar=CalendarName.BUSINESS),))
    # Created Thursday 10:00 Beijing; 2 business hours -> 12:00.
    assert clock_of(history(), K.RESOLUTION, 0, policy).deadline == at(120)


def test_events_after_now_are_ignored_so_the_past_is_reproducible() -> None:
    h = history(state(10, "pending_requester"))
    assert clock_of(h, K.RESOLUTION, 5) == clock_of(history(), K.RESOLUTION, 5)


pause_plans = st.lists(st.tuples(st.integers(0, 600), st.integers(1, 300)), max_size=4)


def _paused(plan: list[tuple[int, int]]) -> TicketHistory:
    events = []
    cursor = 0
    for gap, length in plan:
        start = cursor + gap
        events += [state(start, "pending_requester"), state(start + length, "in_progress")]
        cursor = start + length
    return history(*events, type_code="maintenance")


@settings(max_examples=150, deadline=None)
@given(pause_plans, st.sampled_from([CalendarName.ROUND_THE_CLOCK, CalendarName.BUSINESS]))
def test_pauses_never_shorten_a_deadline(plan: list[tuple[int, int]],
                                         calendar: CalendarName) -> None:
    policy = Policy(3, (Rule(K.RESOLUTION, 240, calendar=calendar),))
    late = 10_000
    plain = clock_of(history(type_code="maintenance"), K.RESOLUTION, late, policy)
    paused = clock_of(_paused(plan), K.RESOLUTION, late, policy)
    assert plain.deadline is not None and paused.deadline is not None
    assert paused.deadline >= plain.deadline
    total = sum(length for _gap, length in plan)
    if calendar is CalendarName.ROUND_THE_CLOCK:
        # Round the clock, each paused minute before the deadline moves it by a minute.
        assert paused.deadline - plain.deadline <= timedelta(minutes=total)


@settings(max_examples=100, deadline=None)
@given(pause_plans, st.integers(0, 2000))
def test_state_is_consistent_with_deadline_and_time(plan: list[tuple[int, int]],
                                                    minute: int) -> None:
    clock = clock_of(_paused(plan), K.RESOLUTION, minute)
    if clock.state is ClockState.BREACHED:
        assert clock.deadline is not None and clock.deadline <= at(minute)
        assert clock.remaining <= timedelta(0)
    if clock.state is ClockState.OK:
        assert clock.used_share < DEFAULT_POLICY.at_risk_share + 1e-9


def test_policy_changes_apply_to_new_tickets_only() -> None:
    from app.sla.reading import PolicyBook

    stricter = Policy(2, (Rule(K.RESOLUTION, 30),))
    book = PolicyBook(((at(60), stricter),))
    assert book.for_ticket(at(0)) is LEGACY_POLICY  # before CUT_OVER
    assert book.for_ticket(at(61)) is stricter
    assert book.current is stricter


def test_pickup_runs_until_the_ticket_leaves_new() -> None:
    from datetime import UTC, datetime, timedelta

    from app.sla.calendar import BusinessHours
    from app.sla.clock import Calendars, ClockState, clocks
    from app.sla.history import Event, TicketHistory
    from app.sla.policy import DEFAULT_POLICY, TargetKind

    t0 = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
    cals = Calendars(BusinessHours())

    def pickup(events: tuple[Event, ...], minutes: int) -> object:
        history = TicketHistory("t", t0, 3, "fault", "phone", events)
        found = [c for c in clocks(history, DEFAULT_POLICY, cals, t0 + timedelta(
            minutes=minutes)) if c.kind is TargetKind.PICKUP]
        return found[0].state

    assert pickup((), 10) == ClockState.OK
    assert pickup((), 12) == ClockState.AT_RISK  # 75 % of 15 minutes
    assert pickup((), 16) == ClockState.BREACHED
    taken = (Event(t0 + timedelta(minutes=9), "state_changed",
                   {"from": "new", "to": "assigned"}),)
    assert pickup(taken, 30) == ClockState.MET
    late = (Event(t0 + timedelta(minutes=20), "state_changed",
                  {"from": "new", "to": "assigned"}),)
    assert pickup(late, 30) == ClockState.MISSED


@given(pause_plans, st.sampled_from([CalendarName.ROUND_THE_CLOCK, CalendarName.BUSINESS]))
def test_the_plan_target_pauses_and_resumes_like_the_others(plan: list[tuple[int, int]],
                                                            calendar: CalendarName) -> None:
    # Issue 16: the level-2 "plan" kind counts only running time, as resolution does.
    policy = Policy(3, (Rule(K.PLAN, 240, calendar=calendar),
                        Rule(K.RESOLUTION, 240, calendar=calendar)))
    late = 10_000
    paused = _paused(plan)
    planned = clock_of(paused, K.PLAN, late, policy)
    resolution = clock_of(paused, K.RESOLUTION, late, policy)
    assert planned.deadline == resolution.deadline
    assert planned.paused_for == resolution.paused_for
    plain = clock_of(history(type_code="maintenance"), K.PLAN, late, policy)
    assert plain.deadline is not None and planned.deadline is not None
    assert planned.deadline >= plain.deadline


def _call_back(*events: Event) -> TicketHistory:
    """A missed call's task as the server opens it (its creation names the call)."""
    created = Event(at(0), "created", {"channel": "phone", "level": 3, "call": "missed"})
    return TicketHistory("cb", at(0), 3, "consultation", "phone", (created, *events))


def test_a_missed_calls_task_runs_its_call_back_target_until_the_call_note() -> None:
    running = clock_of(_call_back(), K.CALL_BACK, 4)
    assert running.state is ClockState.AT_RISK and running.deadline == at(5)
    assert clock_of(_call_back(), K.CALL_BACK, 6).state is ClockState.BREACHED
    called = _call_back(Event(at(3), "call_note", {}))
    met = clock_of(called, K.CALL_BACK, 10)
    assert met.state is ClockState.MET and met.stopped_at == at(3)
    late = clock_of(_call_back(Event(at(8), "call_note", {})), K.CALL_BACK, 10)
    assert late.state is ClockState.MISSED
    # An internal note is no call back.
    internal = _call_back(Event(at(2), "comment", {"visibility": "internal"}))
    assert clock_of(internal, K.CALL_BACK, 6).state is ClockState.BREACHED


def test_only_a_missed_calls_task_has_a_call_back_and_no_ticket_an_answer_clock() -> None:
    kinds = {c.kind for c in clocks(history(type_code="consultation"), DEFAULT_POLICY, CAL,
                                    at(1))}
    assert K.CALL_BACK not in kinds and K.ANSWER not in kinds
    assert K.CALL_BACK in {c.kind for c in clocks(_call_back(), DEFAULT_POLICY, CAL, at(1))}
    # The phone's answer target is in the book, in rings, for the phone channel only.
    assert DEFAULT_POLICY.answer_rings() == 3
    assert LEGACY_POLICY.answer_rings() is None
    rules = (Rule(K.ANSWER, 4), Rule(K.ANSWER, 2, channel="phone"), Rule(K.ANSWER, 9,
                                                                      channel="email"))
    assert Policy(5, rules).answer_rings() == 2
