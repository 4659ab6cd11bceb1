"""Editable business hours: part of the versioned policy, checked, counted, kept per ticket."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.sla.admin import policy_versions, save_policy
from app.sla.calendar import BusinessHours
from app.sla.clock import Calendars, TargetClock, clocks
from app.sla.history import Event, TicketHistory
from app.sla.policy import DEFAULT_POLICY, CalendarName, Policy, Rule, TargetKind, WorkingHours
from app.sla.problems import PolicyInvalid, PolicyProblem
from app.sla.reading import calendars, policy_book
from app.store.database import Store
from app.store.reading import read_connection
from tests.app.sla_cases import history

SH = ZoneInfo("Asia/Shanghai")
BUILT_IN = WorkingHours()
EARLY = WorkingHours(time(8, 30), time(17, 30))
# Eight business hours for a fault's resolution, so the deadline depends on the hours.
EIGHT_HOURS = Rule(TargetKind.RESOLUTION, 8 * 60, type_code="fault",
                   calendar=CalendarName.BUSINESS)


def business_policy(hours: WorkingHours = BUILT_IN) -> Policy:
    return replace(DEFAULT_POLICY, rules=(*DEFAULT_POLICY.rules, EIGHT_HOURS), hours=hours)


def resolution(ticket: TicketHistory, policy: Policy, cals: Calendars) -> TargetClock:
    return next(c for c in clocks(ticket, policy, cals, ticket.created_at)
                if c.kind is TargetKind.RESOLUTION)


def beijing(*args: int) -> datetime:
    return datetime(*args, tzinfo=SH)  # type: ignore[misc]


def test_edited_hours_move_a_business_hours_deadline() -> None:
    cals = Calendars(BusinessHours())
    ticket = history()  # Thursday 2026-11-26, 10:00 in Beijing
    assert resolution(ticket, business_policy(), cals).deadline == beijing(2026, 11, 26, 18, 0)
    # 10:00-17:30 is 7.5 hours; the last half hour is Friday from 08:30.
    assert resolution(ticket, business_policy(EARLY), cals).deadline == \
        beijing(2026, 11, 27, 9, 0)
    # The hours are local to their zone: 09:00-18:00 in London is 17:00-02:00 in Beijing.
    london = business_policy(WorkingHours(zone="Europe/London"))
    assert resolution(ticket, london, cals).deadline == \
        datetime(2026, 11, 26, 17, 0, tzinfo=ZoneInfo("Europe/London"))
    assert resolution(ticket, business_policy(EARLY), cals).calendar == "business"


def test_every_version_counts_with_the_override_table() -> None:
    friday = beijing(2026, 11, 27).date()
    cals = Calendars(BusinessHours(overrides={friday: False}))
    early = cals.business_for(EARLY)
    assert not early.is_workday(friday) and early.opens == time(8, 30)
    assert cals.business_for(EARLY) is early  # one calendar per set of hours
    assert cals.business_for(WorkingHours()) is cals.business
    # Friday is closed: the last half hour moves to Monday 08:30.
    assert resolution(history(), business_policy(EARLY), cals).deadline == \
        beijing(2026, 11, 30, 9, 0)


def test_hours_travel_in_the_policy_json_and_old_versions_read_unchanged() -> None:
    policy = business_policy(WorkingHours(time(8, 30), time(17, 30), "Asia/Urumqi"))
    body = json.loads(policy.to_json())
    assert body["hours"] == {"opens": "08:30", "closes": "17:30", "zone": "Asia/Urumqi"}
    assert Policy.from_json(5, policy.to_json()) == replace(policy, version=5)
    del body["hours"]  # a version saved before the hours were editable
    assert Policy.from_json(2, json.dumps(body)).hours == WorkingHours(time(9), time(18),
                                                                       "Asia/Shanghai")


@pytest.mark.parametrize(("hours", "problems"), [
    (WorkingHours(time(17, 30), time(8, 30)), [PolicyProblem.CLOSES_BEFORE_OPENING]),
    (WorkingHours(time(9), time(9)), [PolicyProblem.CLOSES_BEFORE_OPENING]),
    (WorkingHours(zone="Mars/Olympus"), [PolicyProblem.ZONE_UNKNOWN]),
    (WorkingHours(zone="Asia"), [PolicyProblem.ZONE_UNKNOWN]),
    (WorkingHours(time(18), time(9), ""), [PolicyProblem.CLOSES_BEFORE_OPENING,
                                           PolicyProblem.ZONE_UNKNOWN]),
])
def test_hours_that_cannot_work_are_refused(hours: WorkingHours,
                                            problems: list[PolicyProblem]) -> None:
    with pytest.raises(PolicyInvalid) as caught:
        business_policy(hours)
    assert [issue.problem for issue in caught.value.issues] == problems


def test_a_new_version_changes_the_hours_of_new_tickets_only(
        demo_store: Store, demo_copy: DataDir, clock: ManualClock) -> None:
    reader = read_connection(demo_copy.database)
    save_policy(demo_store, clock, None, business_policy(), [])
    clock.advance(timedelta(days=1))  # Friday 10:00 in Beijing
    saved = save_policy(demo_store, clock, None, business_policy(EARLY), [])
    assert saved.version == 3
    assert [v.policy.hours for v in policy_versions(reader)] == \
        [WorkingHours(), WorkingHours(), WorkingHours(), EARLY]
    book, cals = policy_book(reader), calendars(reader)
    older = history()  # Thursday: version 2, 09:00-18:00
    created = Event(clock.now(), "created", {"channel": "phone", "level": 3})
    newer = TicketHistory("t2", clock.now(), 3, "fault", "phone", (created,))
    assert book.for_ticket(older.created_at).hours == WorkingHours()
    assert resolution(older, book.for_ticket(older.created_at), cals).deadline == \
        beijing(2026, 11, 26, 18, 0)
    # Friday 10:00-17:30, then Monday from 08:30.
    assert resolution(newer, book.for_ticket(newer.created_at), cals).deadline == \
        beijing(2026, 11, 30, 9, 0)
