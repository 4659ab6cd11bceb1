"""Demo rota: the standard shifts and coverage, a published current month for the demo
staff, a few leaves, one manual edit that breaks the rest rule (for the live check to
show) and two overrides.

Deterministic like the rest of the demo: the planner runs on one worker with a
deterministic work limit, so the same seed gives the same rota on any machine.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from random import Random
from typing import Any

from sqlalchemy import Connection, insert, text

from app.domain.enums import Seniority
from app.domain.ids import seeded_id
from app.rota import defaults
from app.rota.checker import hard_violations
from app.rota.model import DESK_ZONE, Absence, Assignment, RotaStaff
from app.rota.planner import PlanControl, plan_rota
from app.rota.problem import RotaProblem
from app.rota.rules import DEFAULT_RULES, RuleKind
from app.rota.tables import (
    AbsenceRow,
    AssignmentRow,
    ContractRow,
    CoverageRow,
    OverrideRow,
    PeriodRow,
    RuleRow,
    ShiftTypeRow,
)

WORK_LIMIT = 1.0  # deterministic seconds of CP-SAT work: same plan on every machine


def write_demo(conn: Connection, rng: Random, now: datetime) -> None:
    """Write the demo rota for the month of ``now`` (Beijing time)."""
    today = now.astimezone(DESK_ZONE).date()
    first = today.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    staff = _staff(conn)
    fresh = {"version": 1, "updated_at": now, "deleted": False}
    _write_setup(conn, rng, now, fresh)
    part_timers = {member.id for member in staff[5::13]}
    conn.execute(insert(ContractRow), [
        {"id": seeded_id(now, rng), "staff_id": sid, "hours_per_week": 32, **fresh}
        for sid in sorted(part_timers)])
    staff = tuple(RotaStaff(m.id, m.name, m.seniority, m.skills,
                            32 if m.id in part_timers else 40) for m in staff)
    absences = []
    for member in rng.sample(staff, 4):
        start = first + timedelta(rng.randrange(20))
        absences.append(Absence(member.id, start, start + timedelta(rng.randrange(2, 5))))
    conn.execute(insert(AbsenceRow), [
        {"id": seeded_id(now, rng), "staff_id": a.staff_id, "first_day": a.first,
         "last_day": a.last, "kind": a.kind.value, "note": "", **fresh} for a in absences])
    problem = RotaProblem.for_period(first, last, staff=staff, shifts=defaults.SHIFTS,
                                     coverage=defaults.COVERAGE, absences=tuple(absences))
    result = plan_rota(problem, PlanControl(), time_limit=120, work_limit=WORK_LIMIT)
    plan = [*result.plan, *_manual_edit(problem, list(result.plan), today)]
    conn.execute(insert(AssignmentRow), [
        {"id": seeded_id(now, rng), "day": a.day, "staff_id": a.staff_id,
         "shift_code": a.shift, **fresh} for a in plan])
    conn.execute(insert(PeriodRow), [{"id": seeded_id(now, rng), "first_day": first,
                                      "last_day": last, "published_at": now,
                                      "published_by": None, **fresh}])
    _write_overrides(conn, rng, now, plan, today, [m.id for m in staff], fresh)


def _staff(conn: Connection) -> tuple[RotaStaff, ...]:
    skills: dict[str, set[str]] = {}
    for sid, skill in conn.execute(text("SELECT staff_id, skill FROM staff_skills")):
        skills.setdefault(sid, set()).add(skill)
    return tuple(RotaStaff(sid, name, Seniority(level), frozenset(skills.get(sid, ())))
                 for sid, name, level in conn.execute(
                     text("SELECT id, name, seniority FROM staff ORDER BY login")))


def _write_setup(conn: Connection, rng: Random, now: datetime, fresh: dict[str, Any]) -> None:
    conn.execute(insert(ShiftTypeRow), [
        {"id": seeded_id(now, rng), "code": s.code, "name_zh": s.name_zh, "name_en": s.name_en,
         "start_minute": s.start.hour * 60 + s.start.minute, "minutes": s.minutes,
         "color": s.color, "on_call": s.on_call, "position": n, **fresh}
        for n, s in enumerate(defaults.SHIFTS)])
    conn.execute(insert(CoverageRow), [
        {"id": seeded_id(now, rng), "shift_code": c.shift, "day_kind": c.day_kind.value,
         "headcount": c.headcount, "seniors": c.seniors, "skills": ",".join(sorted(c.skills)),
         **fresh} for c in defaults.COVERAGE])
    conn.execute(insert(RuleRow), [
        {"id": seeded_id(now, rng), "kind": r.kind.value, "hard": r.hard, "weight": r.weight,
         "value": r.value, "enabled": r.enabled, **fresh} for r in DEFAULT_RULES])


def _manual_edit(problem: RotaProblem, plan: list[Assignment], today: date
                 ) -> list[Assignment]:
    """A supervisor's edit after planning: a day shift straight after an evening, breaking
    the rest rule and no other hard rule."""
    taken = {(a.staff_id, a.day) for a in plan}
    for item in sorted(plan):
        after = item.day + timedelta(1)
        if (item.shift == defaults.EVENING and after >= today and after in problem.kinds
                and (item.staff_id, after) not in taken):
            edit = Assignment(after, item.staff_id, defaults.DAY)
            broken = {v.rule for v in hard_violations(problem, [*plan, edit])}
            if broken == {RuleKind.MIN_REST}:
                return [edit]
    return []


def _write_overrides(conn: Connection, rng: Random, now: datetime, plan: list[Assignment],
                     today: date, staff: list[str], fresh: dict[str, Any]) -> None:
    todays = [a for a in plan if a.day == today and a.shift == defaults.DAY]
    free = sorted(set(staff) - {a.staff_id for a in plan if a.day == today})
    if not todays or not free:
        return
    rows = [(todays[0].staff_id, free[0], "病假，由备岗同事顶班"),
            (None, free[-1], "重保期间临时加岗")]
    conn.execute(insert(OverrideRow), [
        {"id": seeded_id(now, rng), "day": today, "shift_code": defaults.DAY,
         "absent_id": absent, "cover_id": cover, "reason": reason,
         "created_at": now - timedelta(hours=n + 1), "author_id": None, **fresh}
        for n, (absent, cover, reason) in enumerate(rows)])
