"""Saving SLA policies and calendar overrides; quiet hours; who may administer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from app.domain.clock import ManualClock
from app.domain.roles import Capability, may
from app.paths import DataDir
from app.sla.admin import (
    CalendarOverride,
    calendar_overrides,
    policy_versions,
    save_policy,
)
from app.sla.policy import DEFAULT_POLICY
from app.sla.problems import PolicyInvalid, PolicyProblem
from app.sla.quiet import in_quiet_hours, read_time, urgent
from app.sla.reading import calendars, policy_book
from app.store.database import Store
from app.store.reading import read_connection
from tests.app.helpers import first_id


def test_saving_writes_a_new_version_and_the_overrides_in_one_go(
        demo_store: Store, demo_copy: DataDir, clock: ManualClock) -> None:
    reader = read_connection(demo_copy.database)
    author = first_id(demo_copy.database, "staff")
    holiday = CalendarOverride(date(2026, 12, 31), False, "年终盘点")
    unchanged = save_policy(demo_store, clock, author, DEFAULT_POLICY, [holiday])
    assert unchanged.version is None  # same rules: no new version, overrides saved
    clock.advance(timedelta(hours=1))
    stricter = replace(DEFAULT_POLICY, at_risk_share=0.6)
    assert save_policy(demo_store, clock, author, stricter, [holiday]).version == 2
    clock.advance(timedelta(hours=1))
    assert save_policy(demo_store, clock, author, replace(stricter, at_risk_share=0.5),
                       []).version == 3
    versions = policy_versions(reader)
    name = reader.execute("SELECT name FROM staff WHERE id = ?", (author,)).fetchone()[0]
    assert [(v.version, v.author) for v in versions] == [(0, None), (1, None), (2, name),
                                                         (3, name)]
    assert versions[2].valid_from == clock.now() - timedelta(hours=1)
    assert policy_book(reader).current.at_risk_share == 0.5
    assert calendar_overrides(reader) == []


def test_overrides_reach_the_business_calendar(demo_store: Store, demo_copy: DataDir,
                                               clock: ManualClock) -> None:
    reader = read_connection(demo_copy.database)
    saturday = date(2026, 11, 28)
    save_policy(demo_store, clock, None, DEFAULT_POLICY,
                [CalendarOverride(saturday, True, "系统割接")])
    assert calendars(reader).business.is_workday(saturday)


def test_a_day_twice_saves_nothing(demo_store: Store, demo_copy: DataDir,
                                   clock: ManualClock) -> None:
    reader = read_connection(demo_copy.database)
    day = date(2026, 12, 31)
    with pytest.raises(PolicyInvalid) as caught:
        save_policy(demo_store, clock, None, replace(DEFAULT_POLICY, at_risk_share=0.6),
                    [CalendarOverride(day, False), CalendarOverride(day, True)])
    assert [(i.problem, i.row) for i in caught.value.issues] == [(PolicyProblem.DAY_TWICE, 1)]
    assert len(policy_versions(reader)) == 2 and calendar_overrides(reader) == []
    assert reader.execute("SELECT count(*) FROM sla_policies").fetchone()[0] == 0


def test_quiet_hours_over_midnight_and_urgency() -> None:
    start, end = read_time("22:00"), read_time("07:30")
    assert [in_quiet_hours(time(h, m), start, end) for h, m in
            ((21, 59), (22, 0), (3, 0), (7, 29), (7, 30))] == [False, True, True, True, False]
    assert in_quiet_hours(time(13, 0), read_time("12:00"), read_time("14:00"))
    assert not in_quiet_hours(time(3, 0), read_time(""), end)
    assert read_time("25:00") is None and read_time("7") is None
    assert urgent("breached", 1) and urgent("due+30m", 1)
    assert not urgent("breached", 2) and not urgent("at_risk", 1) and not urgent("due-5m", 1)


def test_only_an_administrator_edits_policies_and_a_supervisor_plans_the_rota() -> None:
    assert [may(role, Capability.MANAGE_SLA) for role in ("agent", "supervisor", "admin")
            ] == [False, False, True]
    assert [may(role, Capability.PLAN_ROTA) for role in ("agent", "supervisor", "admin")
            ] == [False, True, True]
