"""The CP-SAT planner: hard rules hold in every plan, even when soft wishes pull against
them; impossible rotas are explained; fixed cells are kept; cancel works."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.rota.checker import check, hard_violations
from app.rota.defaults import DAY, EVENING, NIGHT, ON_CALL
from app.rota.model import Absence, Assignment, Preference
from app.rota.planner import PlanControl, PlanProgress, PlanStatus, plan_rota
from app.rota.problem import RotaProblem
from app.rota.rules import RuleKind
from app.rota.sample import sample_problem
from tests.app.rota_problems import MONDAY, week, with_rule

LIMIT = 20.0


def solve(problem: RotaProblem) -> tuple[Assignment, ...]:
    result = plan_rota(problem, PlanControl(), time_limit=LIMIT, workers=2)
    assert result.status in (PlanStatus.OPTIMAL, PlanStatus.FEASIBLE), result.conflicts
    assert hard_violations(problem, result.plan) == []
    return result.plan


def day(offset: int) -> date:
    return MONDAY + timedelta(offset)


def wish(staff: str, offset: int, shift: str | None = None, wanted: bool = True) -> Preference:
    return Preference(staff, day(offset), wanted, shift)


def heavy(problem: RotaProblem) -> RotaProblem:
    return with_rule(problem, RuleKind.PREFERENCES, weight=1000)


def test_a_plain_week_meets_every_rule() -> None:
    problem = week()
    plan = solve(problem)
    assert check(problem, plan) == []
    per_cell = Counter((a.day, a.shift) for a in plan)
    assert per_cell[day(0), DAY] == 2 and per_cell[day(6), ON_CALL] == 1


def test_leave_holds_against_a_wish_to_work() -> None:
    problem = heavy(week(absences=(Absence("p03", day(0), day(6)),),
                         preferences=tuple(wish("p03", n) for n in range(7))))
    assert not [a for a in solve(problem) if a.staff_id == "p03"]


def test_one_shift_a_day_holds_against_wishes_for_two() -> None:
    problem = heavy(week(preferences=(wish("p01", 0, DAY), wish("p01", 0, ON_CALL))))
    plan = solve(problem)
    assert len([a for a in plan if a.staff_id == "p01" and a.day == day(0)]) <= 1


def test_rest_holds_against_a_wish_for_day_after_evening() -> None:
    problem = heavy(week(preferences=(wish("p01", 0, EVENING), wish("p01", 1, DAY))))
    plan = set(solve(problem))
    assert not {Assignment(day(0), "p01", EVENING), Assignment(day(1), "p01", DAY)} <= plan


def test_consecutive_days_hold_against_a_wish_to_work_all_week() -> None:
    problem = heavy(week(preferences=tuple(wish("p01", n) for n in range(7))))
    working = {a.day for a in solve(problem) if a.staff_id == "p01" and a.shift != ON_CALL}
    assert len(working) <= 6


def test_weekly_hours_hold_against_wishes() -> None:
    problem = heavy(with_rule(week(preferences=tuple(wish("p01", n, DAY) for n in range(7))),
                              RuleKind.MAX_HOURS_WEEK, value=40))
    hours = sum(8 for a in solve(problem) if a.staff_id == "p01" and a.shift != ON_CALL)
    assert hours == 40  # five of the seven wished-for days


def test_coverage_holds_against_wishes_for_a_day_off() -> None:
    wishes = tuple(wish(f"p{n:02d}", 0, wanted=False) for n in range(12))
    plan = solve(heavy(week(preferences=wishes)))
    assert Counter(a.shift for a in plan if a.day == day(0)) == {
        DAY: 2, EVENING: 1, NIGHT: 1, ON_CALL: 1}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(leaves=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 6), st.integers(0, 3)),
                       max_size=6),
       wishes=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 6),
                                 st.sampled_from([DAY, EVENING, NIGHT, None]), st.booleans()),
                       max_size=12))
def test_solver_never_breaks_a_hard_rule(leaves: list[tuple[int, int, int]],
                                         wishes: list[tuple[int, int, str | None, bool]]) -> None:
    problem = heavy(week(
        absences=tuple(Absence(f"p{s:02d}", day(d), day(min(6, d + n))) for s, d, n in leaves),
        preferences=tuple(wish(f"p{s:02d}", d, shift, wanted) for s, d, shift, wanted in wishes)))
    result = plan_rota(problem, PlanControl(), time_limit=10, workers=2)
    if result.status is PlanStatus.INFEASIBLE:
        assert result.conflicts
    else:
        assert result.plan and hard_violations(problem, result.plan) == []


def test_national_day_week_gets_its_extra_cover() -> None:
    problem = sample_problem(date(2026, 9, 28), date(2026, 10, 11))
    result = plan_rota(problem, PlanControl(), time_limit=LIMIT, workers=2)
    assert result.status in (PlanStatus.OPTIMAL, PlanStatus.FEASIBLE)
    assert hard_violations(problem, result.plan) == []
    count = Counter((a.day, a.shift) for a in result.plan)
    saturday_holiday, saturday_workday = date(2026, 10, 3), date(2026, 10, 10)  # 调休
    assert count[saturday_holiday, DAY] == 8 and count[saturday_holiday, ON_CALL] == 3
    assert count[saturday_workday, DAY] == 9 and count[saturday_workday, ON_CALL] == 2
    seniors = {m.id for m in problem.staff if problem.is_senior(m)}
    national_day_nights = [a for a in result.plan if a.day == date(2026, 10, 1)
                           and a.shift == NIGHT]
    assert len(national_day_nights) == 4
    assert sum(a.staff_id in seniors for a in national_day_nights) >= 2


def test_too_few_seniors_on_national_day_is_named_not_just_failed() -> None:
    problem = sample_problem(date(2026, 9, 28), date(2026, 10, 4))
    seniors = [m.id for m in problem.staff if problem.is_senior(m)]
    leave = tuple(Absence(s, date(2026, 10, 1), date(2026, 10, 1)) for s in seniors[1:])
    result = plan_rota(RotaProblem.for_period(
        date(2026, 9, 28), date(2026, 10, 4), staff=problem.staff, shifts=problem.shifts,
        coverage=problem.coverage, absences=leave), PlanControl(), time_limit=LIMIT)
    assert result.status is PlanStatus.INFEASIBLE and result.plan == ()
    nights = [v for v in result.conflicts if v.shift == NIGHT]
    assert [(v.rule, v.days, v.data) for v in nights] == [
        (RuleKind.COVERAGE, (date(2026, 10, 1),), {"seniors": 2, "available": 1})]


def test_conflicting_rules_found_by_the_solver_are_explained() -> None:
    # Enough people every day, but a 16-hour week cannot staff a 7-day week.
    problem = with_rule(week(), RuleKind.MAX_HOURS_WEEK, value=16)
    result = plan_rota(problem, PlanControl(), time_limit=LIMIT, workers=2)
    assert result.status is PlanStatus.INFEASIBLE
    assert {v.rule for v in result.conflicts} & {RuleKind.MAX_HOURS_WEEK, RuleKind.COVERAGE}
    assert all(v.hard for v in result.conflicts)


def test_replanning_keeps_fixed_cells() -> None:
    fixed = {("p05", day(0)): NIGHT, ("p05", day(1)): None, ("p07", day(2)): DAY}
    plan = set(solve(week(fixed=fixed)))
    assert Assignment(day(0), "p05", NIGHT) in plan
    assert not [a for a in plan if a.staff_id == "p05" and a.day == day(1)]
    assert Assignment(day(2), "p07", DAY) in plan


def test_progress_reports_best_plans_with_bound_and_cancel_stops_early() -> None:
    reports: list[PlanProgress] = []
    control = PlanControl(reports.append)

    def cancel_after_first(progress: PlanProgress) -> None:
        reports.append(progress)
        if progress.plan is not None:
            control.cancel()

    control = PlanControl(cancel_after_first)
    problem = sample_problem(date(2026, 10, 1), date(2026, 10, 31))
    result = plan_rota(problem, control, time_limit=60, workers=2)
    assert result.elapsed < 30
    assert result.status in (PlanStatus.FEASIBLE, PlanStatus.OPTIMAL)
    with_plan = [r for r in reports if r.plan is not None]
    assert with_plan and with_plan[0].objective is not None and with_plan[0].bound is not None
    assert hard_violations(problem, result.plan) == []


def test_a_cancel_before_any_plan_returns_without_one() -> None:
    control = PlanControl()
    control.cancel()
    result = plan_rota(sample_problem(date(2026, 10, 1), date(2026, 10, 31)), control,
                       time_limit=60, workers=2)
    assert result.status in (PlanStatus.NO_PLAN_YET, PlanStatus.FEASIBLE)
    assert result.elapsed < 10


@pytest.mark.parametrize("kind", [RuleKind.FAIR_NIGHTS, RuleKind.FAIR_WEEKENDS])
def test_fairness_is_met_when_it_can_be(kind: RuleKind) -> None:
    problem = week()
    plan = solve(problem)
    assert not [v for v in check(problem, plan) if v.rule is kind]


def test_the_planner_respects_shifts_published_before_the_period() -> None:
    before = (Assignment(day(-1), "p01", EVENING),
              *(Assignment(day(-n), "p02", DAY) for n in range(1, 6)))
    problem = heavy(week(before=before, preferences=(
        wish("p01", 0, DAY), *(wish("p02", n, DAY) for n in range(3)))))
    plan = solve(problem)
    assert Assignment(day(0), "p01", DAY) not in plan  # 8 h after Sunday's evening
    worked = [a.day for a in plan if a.staff_id == "p02" and a.shift != ON_CALL]
    # Five days before the period: Monday would be the sixth (allowed), Tuesday the seventh.
    assert not (day(0) in worked and day(1) in worked)
    assert len({day(0), day(1), day(2)} & set(worked)) == 2  # the wishes pull for the rest


def test_monthly_hours_hold_against_wishes() -> None:
    problem = heavy(with_rule(week(preferences=tuple(wish("p01", n, DAY) for n in range(7))),
                              RuleKind.MAX_HOURS_MONTH, value=32))
    hours = sum(8 for a in solve(problem) if a.staff_id == "p01" and a.shift != ON_CALL)
    assert hours == 32  # four of the seven wished-for days
