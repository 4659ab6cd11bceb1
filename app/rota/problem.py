"""A planning problem: who, which days, which shifts, which rules; and what follows from it.

Both the rule checker and the CP-SAT planner read the rules through this module, so the
two agree on what a violation is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.domain.enums import Seniority
from app.rota.holidays import DayKind, Entered, day_kinds
from app.rota.model import Absence, Assignment, Coverage, Preference, RotaStaff, ShiftType
from app.rota.rules import DEFAULT_RULES, Rule, RuleKind

FULL_TIME_HOURS = 40


@dataclass(frozen=True)
class FairCounts:
    """Nights, weekend and holiday shifts worked before the period (fairness across months)."""

    nights: int = 0
    weekends: int = 0
    holidays: int = 0


@dataclass(frozen=True, eq=False)
class RotaProblem:
    """Everything the checker and the planner need for one period."""

    days: tuple[date, ...]
    staff: tuple[RotaStaff, ...]
    shifts: tuple[ShiftType, ...]
    coverage: tuple[Coverage, ...]
    kinds: Mapping[date, DayKind]
    rules: tuple[Rule, ...] = DEFAULT_RULES
    absences: tuple[Absence, ...] = ()
    preferences: tuple[Preference, ...] = ()
    # Cells the planner must keep: (staff id, day) -> shift code, or None for "off".
    fixed: Mapping[tuple[str, date], str | None] = field(default_factory=dict)
    history: Mapping[str, FairCounts] = field(default_factory=dict)
    # The published days just before the period: rest and days-in-a-row run across the
    # boundary (a night on 31 October still forbids a day shift on 1 November).
    before: tuple[Assignment, ...] = ()
    senior_from: Seniority = Seniority.EXPERIENCED
    # The plan shown before re-planning: a hint to the solver, not a constraint.
    hint: tuple[Assignment, ...] = ()

    @classmethod
    def for_period(cls, first: date, last: date, entered: Entered | None = None,
                   **parts: object) -> RotaProblem:
        """A problem over ``first``..``last``; raises CalendarUnknown for uncovered years
        (``entered``: the years an administrator entered, issue 16)."""
        days = tuple(first + timedelta(n) for n in range((last - first).days + 1))
        return cls(days=days, kinds=day_kinds(days, entered), **parts)  # type: ignore[arg-type]

    # --- lookups ---------------------------------------------------------------------------

    def rule(self, kind: RuleKind) -> Rule | None:
        """The enabled rule of ``kind``, if any."""
        for rule in self.rules:
            if rule.kind is kind and rule.enabled:
                return rule
        return None

    def shift(self, code: str) -> ShiftType:
        for shift in self.shifts:
            if shift.code == code:
                return shift
        raise KeyError(code)

    def absent(self, staff_id: str, day: date) -> bool:
        return any(a.staff_id == staff_id and a.covers(day) for a in self.absences)

    def is_senior(self, member: RotaStaff) -> bool:
        return member.seniority >= self.senior_from

    def coverage_for(self, day: date, shift: str) -> Coverage | None:
        """The requirement for ``shift`` on ``day``: the row for that date if any, else the
        one for its kind of day (a holiday without its own falls back to the weekend's)."""
        for item in self.coverage:
            if item.day == day and item.shift == shift:
                return item
        kind = self.kinds[day]
        order = [kind, DayKind.WEEKEND] if kind is DayKind.HOLIDAY else [kind]
        for wanted in order:
            for item in self.coverage:
                if item.day is None and item.shift == shift and item.day_kind is wanted:
                    return item
        return None

    def limit(self, member: RotaStaff, kind: RuleKind) -> int | None:
        """The person's own limit for ``kind`` if set, else the desk rule's value; None for
        no limit (the rule off, or a value that would mean nothing: 0 days in a row)."""
        rule = self.rule(kind)
        if rule is None:
            return None
        own = {RuleKind.MAX_CONSECUTIVE_DAYS: member.limits.max_consecutive,
               RuleKind.MIN_CONSECUTIVE_DAYS: member.limits.min_consecutive,
               RuleKind.MIN_DAYS_OFF: member.limits.min_days_off,
               RuleKind.MAX_WEEKENDS: member.limits.max_weekends}[kind]
        if own is not None:
            return own
        if kind is RuleKind.MAX_CONSECUTIVE_DAYS:
            return rule.value
        return rule.value or None

    def rule_value_rest(self) -> int | None:
        """The minimum rest in hours, if that rule is on."""
        rule = self.rule(RuleKind.MIN_REST)
        return None if rule is None else rule.value

    def successions(self) -> set[tuple[str, str]]:
        """(shift, shift the next day) pairs the shift types forbid."""
        return {(shift.code, later) for shift in self.shifts for later in shift.not_followed_by}

    def weekends(self) -> list[list[int]]:
        """Day indexes of each calendar weekend (Saturday and Sunday) in the period."""
        return _groups(tuple(d for d in self.days if d.weekday() >= 5),
                       lambda d: d.isocalendar()[:2], self.days)

    # --- derived rules ---------------------------------------------------------------------

    def rest_conflicts(self, hours: int) -> list[tuple[str, str, int]]:
        """(first shift, later shift, days later) pairs leaving less than ``hours`` of rest.

        Shifts on the same day are left to the one-shift-per-day rule.
        """
        conflicts = []
        working = [s for s in self.shifts if not s.on_call]
        for first in working:
            start1 = first.start.hour * 60 + first.start.minute
            end1 = start1 + first.minutes
            for later in working:
                for offset in (1, 2):
                    start2 = offset * 1440 + later.start.hour * 60 + later.start.minute
                    if start2 - end1 < hours * 60:
                        conflicts.append((first.code, later.code, offset))
        return conflicts

    def hours_cap(self, member: RotaStaff, rule: Rule) -> int:
        """Minutes a person may work in the rule's window, pro rata for part-timers."""
        return rule.value * 60 * member.hours_per_week // FULL_TIME_HOURS

    def weeks(self) -> list[list[int]]:
        """Day indexes grouped by ISO week."""
        return _groups(self.days, lambda d: d.isocalendar()[:2])

    def months(self) -> list[list[int]]:
        return _groups(self.days, lambda d: (d.year, d.month))

    def counts_for(self, kind: RuleKind, day: date, shift: ShiftType) -> bool:
        """Whether ``shift`` on ``day`` counts towards the fairness rule ``kind``."""
        if shift.on_call:
            return False
        if kind is RuleKind.FAIR_NIGHTS:
            return shift.is_night
        if kind is RuleKind.FAIR_WEEKENDS:
            return self.kinds[day] is DayKind.WEEKEND
        return self.kinds[day] is DayKind.HOLIDAY

    def prior(self, staff_id: str, kind: RuleKind) -> int:
        counts = self.history.get(staff_id, FairCounts())
        return {RuleKind.FAIR_NIGHTS: counts.nights, RuleKind.FAIR_WEEKENDS: counts.weekends,
                RuleKind.FAIR_HOLIDAYS: counts.holidays}[kind]

    def fair_pool(self) -> list[RotaStaff]:
        """Who fairness compares: people without leave in the period (a fortnight's leave
        would otherwise force extra nights on them in the other fortnight)."""
        return [m for m in self.staff if not any(a.staff_id == m.id and any(
            a.covers(d) for d in self.days) for a in self.absences)]

    def assignments_of(self, plan: list[Assignment]) -> Iterator[Assignment]:
        yield from (a for a in plan if a.day in self.kinds)

    def run_before(self, staff_id: str) -> int:
        """Working days in a row that ``staff_id`` ends the previous period with."""
        worked = {a.day for a in self.before if a.staff_id == staff_id
                  and not self.shift(a.shift).on_call}
        run, day = 0, self.days[0] - timedelta(1)
        while day in worked:
            run, day = run + 1, day - timedelta(1)
        return run


def _groups(days: tuple[date, ...], key: object,
            period: tuple[date, ...] | None = None) -> list[list[int]]:
    """Indexes (in ``period``, by default ``days`` itself) of ``days`` grouped by ``key``."""
    index_of = {day: index for index, day in enumerate(period or days)}
    groups: dict[object, list[int]] = {}
    for day in days:
        groups.setdefault(key(day), []).append(index_of[day])  # type: ignore[operator]
    return list(groups.values())
