"""Writing the rota through the unit of work: plans, publication, overrides, rules,
coverage requirements and shift types.

Every write bumps ``version`` and ``updated_at`` and tombstones rather than deletes, as
sync expects of synced tables (DESIGN.md section 3).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from sqlalchemy import select

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.rota.model import Assignment, Coverage, Limits, Override, ShiftType
from app.rota.problem import FULL_TIME_HOURS
from app.rota.rules import Rule
from app.rota.tables import (
    AssignmentRow,
    ContractRow,
    CoverageRow,
    OverrideRow,
    PeriodRow,
    RuleRow,
    ShiftTypeRow,
)
from app.rota.validation import check_limits
from app.store.database import Store
from app.store.models import Synced


def save_plan(store: Store, clock: Clock, first: date, last: date,
              plan: Iterable[Assignment]) -> tuple[int, int]:
    """Make the live assignments of ``first``..``last`` equal ``plan``; returns (added,
    removed). Unchanged cells keep their row, so sync sends only what changed."""
    wanted = {a for a in plan if first <= a.day <= last}
    now = clock.now()
    with store.unit_of_work() as session:
        rows = session.scalars(select(AssignmentRow).where(
            AssignmentRow.day.between(first, last), AssignmentRow.deleted.is_(False))).all()
        kept: set[Assignment] = set()
        removed = 0
        for row in rows:
            item = Assignment(row.day, row.staff_id, row.shift_code)
            if item in wanted and item not in kept:
                kept.add(item)
                continue
            row.deleted, row.version, row.updated_at = True, row.version + 1, now
            removed += 1
        added = sorted(wanted - kept)
        session.add_all(AssignmentRow(id=new_id(clock), day=a.day, staff_id=a.staff_id,
                                      shift_code=a.shift, version=1, updated_at=now,
                                      deleted=False) for a in added)
    return len(added), removed


def ensure_period(store: Store, clock: Clock, first: date, last: date) -> str:
    """The id of the period ``first``..``last``, created as a draft if missing."""
    with store.unit_of_work() as session:
        row = session.scalars(select(PeriodRow).where(
            PeriodRow.first_day == first, PeriodRow.last_day == last,
            PeriodRow.deleted.is_(False))).first()
        if row is None:
            row = PeriodRow(id=new_id(clock), first_day=first, last_day=last, version=1,
                            updated_at=clock.now(), deleted=False)
            session.add(row)
        return row.id


def publish(store: Store, clock: Clock, first: date, last: date, by: str | None) -> str:
    """Publish the period: from now on its assignments are who is on duty."""
    period_id = ensure_period(store, clock, first, last)
    with store.unit_of_work() as session:
        row = session.get_one(PeriodRow, period_id)
        row.published_at, row.published_by = clock.now(), by
        row.version, row.updated_at = row.version + 1, clock.now()
    return period_id


def add_override(store: Store, clock: Clock, day: date, shift: str, absent_id: str | None,
                 cover_id: str | None, reason: str, author_id: str | None = None) -> Override:
    """Record who covers whom on a published shift; overrides are only ever added."""
    if absent_id is None and cover_id is None:
        raise ValueError("an override needs someone absent or someone covering")
    if not reason.strip():
        raise ValueError("an override needs a reason")
    override = Override(new_id(clock), day, shift, absent_id, cover_id, reason, clock.now())
    with store.unit_of_work() as session:
        session.add(OverrideRow(id=override.id, day=day, shift_code=shift, absent_id=absent_id,
                                cover_id=cover_id, reason=reason, created_at=override.created_at,
                                author_id=author_id, version=1, updated_at=clock.now(),
                                deleted=False))
    return override


def save_rule(store: Store, clock: Clock, rule: Rule) -> None:
    """Store the supervisor's setting of one rule (hard/soft, weight, value, enabled)."""
    with store.unit_of_work() as session:
        row = session.scalars(select(RuleRow).where(RuleRow.kind == rule.kind.value)).first()
        if row is None:
            row = RuleRow(id=new_id(clock), kind=rule.kind.value, version=0)
            session.add(row)
        row.hard, row.weight, row.value, row.enabled = rule.hard, rule.weight, rule.value, \
            rule.enabled
        row.version, row.updated_at, row.deleted = row.version + 1, clock.now(), False


def bump(row: Synced, clock: Clock, deleted: bool = False) -> None:
    """A new version of a synced row (``deleted``: its tombstone)."""
    row.version, row.updated_at, row.deleted = row.version + 1, clock.now(), deleted


def save_coverage(store: Store, clock: Clock, coverage: Iterable[Coverage]) -> int:
    """Make the live coverage requirements equal ``coverage``, in one transaction; returns
    how many rows changed. Rows that stay the same keep their version (sync sends less)."""
    wanted = {(c.shift, c.day_kind.value, c.day): c for c in coverage}
    for item in wanted.values():
        if item.headcount < 0 or not 0 <= item.seniors <= item.headcount or min(
                item.under_weight, item.over_weight) < 0:
            raise ValueError(f"impossible coverage for {item.shift} on {item.day_kind}")
    changed = 0
    with store.unit_of_work() as session:
        rows = session.scalars(select(CoverageRow).order_by(CoverageRow.id)).all()
        seen: set[tuple[str, str, date | None]] = set()
        for row in rows:
            key = (row.shift_code, row.day_kind, row.day)
            need = wanted.get(key)
            if need is None or key in seen:
                if not row.deleted:
                    bump(row, clock, deleted=True)
                    changed += 1
                continue
            seen.add(key)
            values = (need.headcount, need.seniors, ",".join(sorted(need.skills)),
                      need.under_weight, need.over_weight)
            if row.deleted or values != (row.headcount, row.seniors, row.skills,
                                         row.under_weight, row.over_weight):
                (row.headcount, row.seniors, row.skills, row.under_weight,
                 row.over_weight) = values
                bump(row, clock)
                changed += 1
        for key in sorted(wanted.keys() - seen, key=str):
            new = wanted[key]
            session.add(CoverageRow(id=new_id(clock), shift_code=new.shift,
                                    day_kind=new.day_kind.value, headcount=new.headcount,
                                    seniors=new.seniors, skills=",".join(sorted(new.skills)),
                                    day=new.day, under_weight=new.under_weight,
                                    over_weight=new.over_weight,
                                    version=1, updated_at=clock.now(), deleted=False))
            changed += 1
    return changed


def save_limits(store: Store, clock: Clock, limits: Mapping[str, Limits]) -> int:
    """Store each person's own limits (in their contract row, made full-time if missing);
    returns how many rows changed. People left out keep what they have."""
    changed = 0
    with store.unit_of_work() as session:
        rows = {row.staff_id: row for row in session.scalars(select(ContractRow))}
        for staff_id, own in sorted(limits.items()):
            if check_limits(staff_id, own, 366):
                raise ValueError(f"impossible limits for {staff_id}")
            row = rows.get(staff_id)
            if row is None:
                if own.empty:
                    continue
                row = ContractRow(id=new_id(clock), staff_id=staff_id,
                                  hours_per_week=FULL_TIME_HOURS, version=0, deleted=False)
                session.add(row)
            values = (own.max_shifts_text(), own.min_minutes, own.max_minutes,
                      own.max_consecutive, own.min_consecutive, own.min_days_off,
                      own.max_weekends)
            if row.version and not row.deleted and values == (
                    row.max_shifts, row.min_minutes, row.max_minutes, row.max_consecutive,
                    row.min_consecutive, row.min_days_off, row.max_weekends):
                continue
            (row.max_shifts, row.min_minutes, row.max_minutes, row.max_consecutive,
             row.min_consecutive, row.min_days_off, row.max_weekends) = values
            bump(row, clock)
            changed += 1
    return changed


def save_shift_types(store: Store, clock: Clock, shifts: Iterable[ShiftType]) -> None:
    """Make the live shift types equal ``shifts`` in this order, in one transaction. A
    type left out is tombstoned with its coverage requirements; the caller has checked
    that no assignment uses it (``validation.check_shift_types``)."""
    ordered = list(shifts)
    by_code = {s.code: (position, s) for position, s in enumerate(ordered)}
    if len(by_code) != len(ordered):
        raise ValueError("shift codes must be unique")
    with store.unit_of_work() as session:
        # Codes are unique in the table, tombstones included: a type removed and added
        # again revives its row.
        rows = {row.code: row for row in session.scalars(select(ShiftTypeRow)).all()}
        for code, old in rows.items():
            if code not in by_code and not old.deleted:
                bump(old, clock, deleted=True)
                for need in session.scalars(select(CoverageRow).where(
                        CoverageRow.shift_code == code, CoverageRow.deleted.is_(False))):
                    bump(need, clock, deleted=True)
        for code, (position, shift) in by_code.items():
            found = rows.get(code)
            if found is None:
                found = ShiftTypeRow(id=new_id(clock), code=code, version=0)
                session.add(found)
            row = found
            banned = ",".join(sorted(c for c in shift.not_followed_by if c in by_code))
            values = (shift.name_zh, shift.name_en, shift.start.hour * 60 + shift.start.minute,
                      shift.minutes, shift.color, shift.on_call, position, banned)
            if row.version and not row.deleted and values == (
                    row.name_zh, row.name_en, row.start_minute, row.minutes, row.color,
                    row.on_call, row.position, row.not_followed_by):
                continue
            (row.name_zh, row.name_en, row.start_minute, row.minutes, row.color, row.on_call,
             row.position, row.not_followed_by) = values
            bump(row, clock)
