"""The benchmark's own objective and hard constraints, computed from the instance and a
plan alone: no rota model, checker or solver involved, so a wrong formulation cannot hide
behind its own objective.

Read as Curtois & Qu define them: the week starts on Monday (days 5 and 6 are the first
weekend); a weekend is worked when Saturday or Sunday is; runs of shifts or days off that
touch the first or the last day are not held to their minimum length.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.rota.nrp.instance import NrpInstance, NrpStaff


@dataclass(frozen=True)
class Score:
    objective: int
    # Hard constraint name -> how many times it is broken.
    hard: dict[str, int] = field(default_factory=dict)

    @property
    def hard_violations(self) -> int:
        return sum(self.hard.values())


def score(instance: NrpInstance, plan: Iterable[tuple[str, int, str]]) -> Score:
    """Score ``plan``: (staff id, day index, shift id) triples."""
    hard: Counter[str] = Counter()
    roster: dict[tuple[str, int], str] = {}
    for staff, day, shift in plan:
        if (staff, day) in roster:
            hard["one shift a day"] += 1
        roster[staff, day] = shift
    for member in instance.staff:
        hard.update(_member_hard(instance, member, roster))
    for staff, day in instance.days_off:
        hard["days off"] += (staff, day) in roster
    objective = 0
    for request in instance.on_requests:
        objective += request.weight * (roster.get((request.staff, request.day)) != request.shift)
    for request in instance.off_requests:
        objective += request.weight * (roster.get((request.staff, request.day)) == request.shift)
    on_shift = Counter((day, shift) for (_staff, day), shift in roster.items())
    for need in instance.cover:
        have = on_shift[need.day, need.shift]
        objective += need.under_weight * max(0, need.requirement - have)
        objective += need.over_weight * max(0, have - need.requirement)
    return Score(objective, {name: count for name, count in hard.items() if count})


def _member_hard(instance: NrpInstance, member: NrpStaff,
                 roster: dict[tuple[str, int], str]) -> Counter[str]:
    hard: Counter[str] = Counter()
    lengths = {shift.id: shift.minutes for shift in instance.shifts}
    banned = {(shift.id, later) for shift in instance.shifts for later in shift.not_followed_by}
    row = [roster.get((member.id, d)) for d in range(instance.horizon)]
    for d in range(instance.horizon - 1):
        if (row[d], row[d + 1]) in banned:
            hard["shift rotation"] += 1
    counts = Counter(code for code in row if code)
    hard["max shifts of a type"] += sum(1 for code, most in member.max_shifts
                                        if counts[code] > most)
    minutes = sum(lengths[code] for code in row if code)
    hard["max total minutes"] += minutes > member.max_minutes
    hard["min total minutes"] += minutes < member.min_minutes
    worked = [code is not None for code in row]
    for on, length, first, last in _runs(worked):
        inner = not first and not last
        hard["max consecutive shifts"] += on and length > member.max_consecutive
        hard["min consecutive shifts"] += on and inner and length < member.min_consecutive
        hard["min consecutive days off"] += (not on and inner
                                             and length < member.min_days_off)
    weekends = sum(1 for start in range(5, instance.horizon, 7)
                   if any(worked[d] for d in (start, start + 1) if d < instance.horizon))
    hard["max weekends"] += weekends > member.max_weekends
    return hard


def _runs(flags: list[bool]) -> list[tuple[bool, int, bool, bool]]:
    """(value, length, touches the first day, touches the last day) of each run."""
    runs: list[tuple[bool, int, bool, bool]] = []
    start = 0
    for index in range(1, len(flags) + 1):
        if index == len(flags) or flags[index] != flags[start]:
            runs.append((flags[start], index - start, start == 0, index == len(flags)))
            start = index
    return runs
