"""Issue 16: next year's official holidays, entered once from the State Council's notice,
count in every business-hours deadline; until then those deadlines are estimated."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.sla.calendar import BusinessHours
from app.sla.clock import Calendars, clocks
from app.sla.history import Event, TicketHistory
from app.sla.holiday_years import (
    YearInvalid,
    YearProblem,
    check,
    entered_years,
    parse_notice,
    save_year,
    unknown_years,
)
from app.sla.policy import CalendarName, Policy, Rule, TargetKind
from app.sla.reading import calendars
from app.store.database import Store
from app.store.reading import read_connection
from tests.app.helpers import first_id

NOTICE = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）放假，共1天。
二、春节：2月6日（农历除夕、周六）至2月13日（农历正月初七、周六）放假调休，共8天。2月14日（周日）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。"""


def test_the_notice_is_read_into_holidays_and_make_up_days() -> None:
    holidays, workdays, bad = parse_notice(NOTICE, 2027)
    assert bad == []
    assert holidays[0] == date(2027, 1, 1) and len(holidays) == 1 + 8 + 3 + 5
    assert date(2027, 2, 13) in holidays and date(2027, 4, 5) in holidays
    assert workdays == [date(2027, 2, 14), date(2027, 4, 25), date(2027, 5, 8)]
    plain, _, bad = parse_notice("2027-10-01 ~ 2027-10-07\n2027/12/31\n13月40日", 2027)
    assert len(plain) == 8 and bad == ["13月40日"]


def test_a_year_with_mistakes_is_refused_whole() -> None:
    issues = check(2027, [date(2027, 1, 1), date(2028, 1, 1)],
                   [date(2027, 1, 1), date(2027, 3, 3)])
    assert [(i.problem, i.detail) for i in issues] == [
        (YearProblem.OUTSIDE_YEAR, "2028-01-01"), (YearProblem.BOTH, "2027-01-01"),
        (YearProblem.WORKDAY_ON_WEEKDAY, "2027-01-01"),
        (YearProblem.WORKDAY_ON_WEEKDAY, "2027-03-03")]
    assert [i.problem for i in check(2027, [], [])] == [YearProblem.NO_HOLIDAYS]


BUSINESS = Policy(5, (Rule(TargetKind.RESOLUTION, 16 * 60, calendar=CalendarName.BUSINESS),))
# Friday 2027-02-05, 10:00 in Beijing: sixteen working hours run into the Spring Festival.
CREATED = datetime(2027, 2, 5, 2, 0, tzinfo=UTC)


def resolution(cals: Calendars) -> tuple[datetime | None, bool]:
    history = TicketHistory("t", CREATED, 3, "fault", "phone",
                            (Event(CREATED, "created", {"level": 3}),))
    found = next(c for c in clocks(history, BUSINESS, cals, CREATED + timedelta(hours=1))
                 if c.kind is TargetKind.RESOLUTION)
    return found.deadline, found.estimated


def test_entered_days_move_the_deadline_and_end_the_estimate(
        demo_store: Store, demo_copy: DataDir, clock: ManualClock) -> None:
    reader: sqlite3.Connection = read_connection(demo_copy.database)
    assert unknown_years(reader, [date(2026, 12, 1), date(2027, 2, 5)]) == (2027,)
    # Unknown: Monday to Friday - 8 h on Friday, 8 h on Monday 8 Feb: 17:00 Beijing.
    assert resolution(calendars(reader)) == (datetime(2027, 2, 8, 9, 0, tzinfo=UTC), True)
    holidays, workdays, _bad = parse_notice(NOTICE, 2027)
    admin = first_id(demo_copy.database, "staff")
    with pytest.raises(YearInvalid):
        save_year(demo_store, clock, admin, 2027, holidays, [*workdays, date(2027, 3, 3)])
    assert entered_years(reader) == {}
    save_year(demo_store, clock, admin, 2027, holidays, workdays, "国办发明电〔2026〕X号")
    assert unknown_years(reader, [date(2027, 2, 5)]) == ()
    # Entered: closed 6-13 Feb, the Sunday 14th works - the deadline is Sunday 17:00.
    assert resolution(calendars(reader)) == (datetime(2027, 2, 14, 9, 0, tzinfo=UTC), False)
    year = entered_years(reader)[2027]
    assert year.notice == "国办发明电〔2026〕X号" and len(year.workdays) == 3
    # Entering it again replaces it (one row a year, synced like any row).
    save_year(demo_store, clock, admin, 2027, holidays[:1], [], "")
    assert entered_years(reader)[2027].holidays == frozenset({date(2027, 1, 1)})
    assert reader.execute("SELECT count(*) FROM sla_holiday_years").fetchone()[0] == 1
    # Synced to every desk and the escalation service; only administrators write it.
    from app.domain.roles import Capability, writer_of
    from app.sync.entities import SYNCED_TABLES

    assert "sla_holiday_years" in SYNCED_TABLES
    assert writer_of("sla_holiday_years") is Capability.MANAGE_SLA


def test_the_monitor_index_marks_estimated_deadlines() -> None:
    cals = Calendars(BusinessHours())
    assert resolution(cals)[1] is True
    assert cals.business.estimated(CREATED - timedelta(days=400), CREATED - timedelta(
        days=60)) is False  # 2025-2026: known


def test_reports_count_the_estimated_figures_until_the_year_is_entered(
        demo_store: Store, demo_copy: DataDir, clock: ManualClock) -> None:
    from dataclasses import replace

    from app.domain.enums import Channel
    from app.domain.grading import GradingWeights
    from app.reports.facts import estimated_targets, refresh
    from app.services.intake import Intake, TicketDraft
    from app.sla.admin import save_policy
    from app.sla.policy import DEFAULT_POLICY
    from app.sla.running import to_ms

    db = demo_copy.database
    clock.set(datetime(2026, 12, 31, 1, 0, tzinfo=UTC))
    slow = Rule(TargetKind.RESOLUTION, 16 * 60, calendar=CalendarName.BUSINESS)
    save_policy(demo_store, clock, None, replace(DEFAULT_POLICY, rules=(
        *DEFAULT_POLICY.rules, slow)), [])
    draft = TicketDraft("机房空调告警", "", first_id(db, "requesters"), Channel.PHONE,
                        first_id(db, "ticket_types", "code='maintenance'"),
                        first_id(db, "categories"))
    Intake(demo_store, clock, GradingWeights(), first_id(db, "staff")).log(draft)
    conn = read_connection(db)
    day = (to_ms(clock.now() - timedelta(hours=1)) or 0,
           to_ms(clock.now() + timedelta(hours=1)) or 0)
    refresh(conn, clock.now())
    assert estimated_targets(conn, *day) == 1
    holidays, workdays, _bad = parse_notice(NOTICE, 2027)
    save_year(demo_store, clock, None, 2027, holidays, workdays)
    refresh(conn, clock.now())  # the entered year changes the facts' stamp: recomputed
    assert estimated_targets(conn, *day) == 0


def test_the_rota_plans_a_year_once_its_holidays_are_entered(
        demo_store: Store, demo_copy: DataDir, clock: ManualClock) -> None:
    from app.rota.holidays import CalendarUnknown, DayKind
    from app.rota.reading import load_problem

    reader = read_connection(demo_copy.database)
    with pytest.raises(CalendarUnknown):
        load_problem(reader, date(2027, 2, 1), date(2027, 2, 28))
    holidays, workdays, _bad = parse_notice(NOTICE, 2027)
    save_year(demo_store, clock, None, 2027, holidays, workdays)
    kinds = load_problem(reader, date(2027, 2, 1), date(2027, 2, 28)).kinds
    assert kinds[date(2027, 2, 8)] is DayKind.HOLIDAY  # a Monday of the Spring Festival
    assert kinds[date(2027, 2, 14)] is DayKind.WORKDAY  # the make-up Sunday
    assert kinds[date(2027, 2, 20)] is DayKind.WEEKEND
    assert kinds[date(2027, 2, 15)] is DayKind.WORKDAY
