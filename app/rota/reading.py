"""Reading the rota with plain ``sqlite3`` (the hot paths: the grid, "who is on duty")."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.domain.clock import Clock
from app.domain.enums import Seniority
from app.rota.duty import OnDuty, on_duty_at
from app.rota.holidays import DayKind
from app.rota.model import (
    DESK_ZONE,
    NO_LIMITS,
    Absence,
    AbsenceKind,
    Assignment,
    Coverage,
    Limits,
    Override,
    Preference,
    RotaStaff,
    ShiftType,
    parse_max_shifts,
)
from app.rota.problem import FULL_TIME_HOURS, FairCounts, RotaProblem
from app.rota.rules import DEFAULT_RULES, Rule, RuleKind
from app.store.reading import parse_sqlite_utc


@dataclass(frozen=True)
class Period:
    id: str
    first: date
    last: date
    published_at: datetime | None


@dataclass(frozen=True)
class RotaSetup:
    """The standing configuration: people, shift types, coverage, rules."""

    staff: tuple[RotaStaff, ...]
    shifts: tuple[ShiftType, ...]
    coverage: tuple[Coverage, ...]
    rules: tuple[Rule, ...]


def load_shifts(conn: sqlite3.Connection) -> tuple[ShiftType, ...]:
    rows = conn.execute(
        "SELECT code, name_zh, name_en, start_minute, minutes, color, on_call, not_followed_by "
        "FROM rota_shift_types WHERE deleted = 0 ORDER BY position, code").fetchall()
    return tuple(ShiftType(code, zh, en, time(start // 60, start % 60), minutes, color,
                           bool(on_call), frozenset(c for c in banned.split(",") if c))
                 for code, zh, en, start, minutes, color, on_call, banned in rows)


def load_setup(conn: sqlite3.Connection, first: date | None = None,
               last: date | None = None) -> RotaSetup:
    """The standing configuration. Its people are the active staff and, for a period
    ``first``..``last``, those deactivated since who have shifts in it (the plan keeps
    showing who worked; ``RotaStaff.active`` tells the planner to give them nothing new)."""
    kept = ""
    period: tuple[str, ...] = ()
    if first is not None and last is not None:
        kept = (" OR id IN (SELECT staff_id FROM rota_assignments WHERE deleted = 0 "
                "AND day BETWEEN ? AND ?)")
        period = (first.isoformat(), last.isoformat())
    skills: dict[str, set[str]] = {}
    for staff_id, skill in conn.execute("SELECT staff_id, skill FROM staff_skills"):
        skills.setdefault(staff_id, set()).add(skill)
    hours: dict[str, int] = {}
    limits: dict[str, Limits] = {}
    for sid, per_week, most_shifts, *own in conn.execute(
            "SELECT staff_id, hours_per_week, max_shifts, min_minutes, max_minutes, "
            "max_consecutive, min_consecutive, min_days_off, max_weekends "
            "FROM rota_contracts WHERE deleted = 0"):
        hours[sid] = per_week
        limits[sid] = Limits(parse_max_shifts(most_shifts), *own)
    staff = tuple(
        RotaStaff(sid, name, Seniority(level), frozenset(skills.get(sid, ())),
                  hours.get(sid, FULL_TIME_HOURS), bool(active), limits.get(sid, NO_LIMITS))
        for sid, name, level, active in conn.execute(
            "SELECT id, name, seniority, active FROM staff WHERE deleted = 0 "
            f"AND (active = 1{kept}) ORDER BY login", period))
    coverage = tuple(
        Coverage(code, DayKind(kind), head, frozenset(s for s in names.split(",") if s), seniors,
                 date.fromisoformat(day) if day else None, under, over)
        for code, kind, head, seniors, names, day, under, over in conn.execute(
            "SELECT shift_code, day_kind, headcount, seniors, skills, day, under_weight, "
            "over_weight FROM rota_coverage "
            "WHERE deleted = 0 ORDER BY day IS NOT NULL, day, shift_code, day_kind"))
    stored = {RuleKind(kind): Rule(RuleKind(kind), bool(hard), weight, value, bool(enabled))
              for kind, hard, weight, value, enabled in conn.execute(
                  "SELECT kind, hard, weight, value, enabled FROM rota_rules WHERE deleted = 0")}
    rules = tuple(stored.get(rule.kind, rule) for rule in DEFAULT_RULES)
    return RotaSetup(staff, load_shifts(conn), coverage, rules)


def load_absences(conn: sqlite3.Connection, first: date, last: date) -> tuple[Absence, ...]:
    """Absences touching ``first``..``last``."""
    return tuple(
        Absence(sid, date.fromisoformat(a), date.fromisoformat(b), AbsenceKind(kind), note,
                aid)
        for aid, sid, a, b, kind, note in conn.execute(
            "SELECT id, staff_id, first_day, last_day, kind, note FROM rota_absences "
            "WHERE deleted = 0 AND last_day >= ? AND first_day <= ? ORDER BY first_day, id",
            (first.isoformat(), last.isoformat())))


def load_preferences(conn: sqlite3.Connection, first: date, last: date
                     ) -> tuple[Preference, ...]:
    return tuple(
        Preference(sid, date.fromisoformat(day), bool(wanted), shift, pid, weight)
        for pid, sid, day, shift, wanted, weight in conn.execute(
            "SELECT id, staff_id, day, shift_code, wanted, weight FROM rota_preferences "
            "WHERE deleted = 0 AND day BETWEEN ? AND ? ORDER BY day, id",
            (first.isoformat(), last.isoformat())))


def load_skills(conn: sqlite3.Connection) -> tuple[str, ...]:
    """The skills some active staff member has: what coverage may ask for."""
    return tuple(skill for (skill,) in conn.execute(
        "SELECT DISTINCT k.skill FROM staff_skills k JOIN staff s ON s.id = k.staff_id "
        "WHERE s.deleted = 0 AND s.active = 1 ORDER BY k.skill"))


def skill_names(conn: sqlite3.Connection, language: str) -> dict[str, str]:
    """A readable name per skill code: the category that asks for it (skills are named
    after the categories of work, REQUIREMENTS.md section 6); unknown codes stay as they are."""
    column = "name_zh" if language.startswith("zh") else "name_en"
    return {str(skill): str(name) for skill, name in conn.execute(
        f"SELECT skill, min({column}) FROM categories WHERE deleted = 0 GROUP BY skill")}


def shift_codes_in_use(conn: sqlite3.Connection) -> frozenset[str]:
    """Shift codes some live assignment or override refers to (those types stay)."""
    return frozenset(code for (code,) in conn.execute(
        "SELECT shift_code FROM rota_assignments WHERE deleted = 0 UNION "
        "SELECT shift_code FROM rota_overrides WHERE deleted = 0"))


def load_assignments(conn: sqlite3.Connection, first: date, last: date,
                     published_only: bool = False) -> list[Assignment]:
    """Live assignments of ``first``..``last``; only those of published periods if asked."""
    sql = ("SELECT a.day, a.staff_id, a.shift_code FROM rota_assignments a "
           "WHERE a.deleted = 0 AND a.day BETWEEN ? AND ?")
    if published_only:
        sql += (" AND EXISTS (SELECT 1 FROM rota_periods p WHERE p.deleted = 0 AND "
                "p.published_at IS NOT NULL AND a.day BETWEEN p.first_day AND p.last_day)")
    return sorted(Assignment(date.fromisoformat(day), sid, code)
                  for day, sid, code in conn.execute(sql, (first.isoformat(), last.isoformat())))


def load_overrides(conn: sqlite3.Connection, first: date, last: date) -> list[Override]:
    return [Override(oid, date.fromisoformat(day), code, absent, cover, reason,
                     parse_sqlite_utc(created))
            for oid, day, code, absent, cover, reason, created in conn.execute(
                "SELECT id, day, shift_code, absent_id, cover_id, reason, created_at "
                "FROM rota_overrides WHERE deleted = 0 AND day BETWEEN ? AND ? "
                "ORDER BY created_at, id", (first.isoformat(), last.isoformat()))]


def load_periods(conn: sqlite3.Connection) -> list[Period]:
    return [Period(pid, date.fromisoformat(a), date.fromisoformat(b),
                   parse_sqlite_utc(at) if at else None)
            for pid, a, b, at in conn.execute(
                "SELECT id, first_day, last_day, published_at FROM rota_periods "
                "WHERE deleted = 0 ORDER BY first_day")]


def fair_history(conn: sqlite3.Connection, shifts: tuple[ShiftType, ...], before: date,
                 days: int = 92) -> dict[str, FairCounts]:
    """Nights, weekends and holidays each person worked in the published rota of the
    ``days`` before ``before``: fairness is judged across months, not within one."""
    from app.rota.holidays import day_kind, unknown_years
    from app.sla.holiday_years import entered_years

    entered = entered_years(conn)
    nights = {s.code for s in shifts if s.is_night}
    working = {s.code for s in shifts if not s.on_call}
    counts: dict[str, list[int]] = {}
    for item in load_assignments(conn, before - timedelta(days), before - timedelta(1), True):
        if item.shift not in working or unknown_years([item.day], entered):
            continue
        tally = counts.setdefault(item.staff_id, [0, 0, 0])
        kind = day_kind(item.day, entered)
        tally[0] += item.shift in nights
        tally[1] += kind is DayKind.WEEKEND
        tally[2] += kind is DayKind.HOLIDAY
    return {sid: FairCounts(*tally) for sid, tally in counts.items()}


def load_problem(conn: sqlite3.Connection, first: date, last: date,
                 fixed: dict[tuple[str, date], str | None] | None = None) -> RotaProblem:
    """The planning problem for ``first``..``last`` as stored (CalendarUnknown if the
    holiday calendar does not cover it)."""
    from app.sla.holiday_years import entered_years

    setup = load_setup(conn, first, last)
    return RotaProblem.for_period(
        first, last, entered_years(conn), staff=setup.staff, shifts=setup.shifts,
        coverage=setup.coverage,
        rules=setup.rules, absences=load_absences(conn, first, last),
        preferences=load_preferences(conn, first, last), fixed=fixed or {},
        history=fair_history(conn, setup.shifts, first),
        before=tuple(load_assignments(conn, first - timedelta(7), first - timedelta(1), True)))


def on_duty_now(conn: sqlite3.Connection, clock: Clock) -> list[OnDuty]:
    """Who is on duty now: overrides first, then the published rota (used by dispatch)."""
    return on_duty_at_time(conn, clock.now())


def on_duty_ids(conn: sqlite3.Connection, clock: Clock) -> frozenset[str] | None:
    """The staff ids on duty now for dispatch, or None when no published rota covers this
    moment (a year without holiday data, or a desk without rota tables): dispatch then goes
    by each person's own status."""
    try:
        working = on_duty_now(conn, clock)
    except (ValueError, sqlite3.Error):
        return None
    return frozenset(duty.staff_id for duty in working) or None


def on_duty_at_time(conn: sqlite3.Connection, moment: datetime) -> list[OnDuty]:
    day = moment.astimezone(DESK_ZONE).date()
    first = day - timedelta(2)
    return on_duty_at(moment, load_shifts(conn), load_assignments(conn, first, day, True),
                      load_overrides(conn, first, day))
