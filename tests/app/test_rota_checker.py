"""The rule checker flags every hard rule (and the soft ones) on hand-made plans."""

from __future__ import annotations

from datetime import date, timedelta

from app.rota.checker import Violation, check
from app.rota.defaults import DAY, EVENING, NIGHT, ON_CALL
from app.rota.model import Absence, Assignment, Preference
from app.rota.problem import FairCounts
from app.rota.rules import RuleKind
from tests.app.rota_problems import LONG_NIGHT, MONDAY, only_rules, week, with_rule


def kinds(found: list[Violation]) -> set[RuleKind]:
    return {v.rule for v in found}


def on(staff: str, offset: int, shift: str) -> Assignment:
    return Assignment(MONDAY + timedelta(offset), staff, shift)


def test_two_shifts_on_one_day_are_flagged() -> None:
    problem = only_rules(week(), RuleKind.ONE_SHIFT_PER_DAY)
    found = check(problem, [on("p01", 0, DAY), on("p01", 0, ON_CALL), on("p02", 0, DAY)])
    assert [(v.rule, v.staff_id, v.days) for v in found] == [
        (RuleKind.ONE_SHIFT_PER_DAY, "p01", (MONDAY,))]
    assert found[0].hard


def test_a_shift_during_leave_is_flagged() -> None:
    leave = Absence("p01", MONDAY + timedelta(1), MONDAY + timedelta(2))
    problem = only_rules(week(absences=(leave,)), RuleKind.LEAVE)
    found = check(problem, [on("p01", 0, DAY), on("p01", 2, NIGHT)])
    assert [(v.staff_id, v.days, v.shift) for v in found] == [
        ("p01", (MONDAY + timedelta(2),), NIGHT)]


def test_missing_headcount_seniors_and_skills_are_flagged() -> None:
    problem = only_rules(week(), RuleKind.COVERAGE)
    # Monday day shift: two people, neither senior (p01, p02) nor with network skills.
    plan = [on("p01", 0, DAY), on("p02", 0, DAY)]
    monday_day = [v for v in check(problem, plan) if v.days == (MONDAY,) and v.shift == DAY]
    assert [v.data for v in monday_day] == [{"seniors": 1, "have": 0}, {"skill": "network"}]
    evening = [v for v in check(problem, plan) if v.days == (MONDAY,) and v.shift == EVENING]
    assert [v.data for v in evening] == [{"need": 1, "have": 0}, {"seniors": 1, "have": 0}]
    # p00 is senior with network skills: adding them fixes the day shift.
    fixed = check(problem, [*plan, on("p00", 0, DAY)])
    assert not [v for v in fixed if v.days == (MONDAY,) and v.shift == DAY]


def test_too_little_rest_is_flagged_and_enough_is_not() -> None:
    problem = only_rules(week(), RuleKind.MIN_REST)
    evening_then_day = check(problem, [on("p01", 0, EVENING), on("p01", 1, DAY)])  # 8 h
    assert [(v.rule, v.days, v.data["after"]) for v in evening_then_day] == [
        (RuleKind.MIN_REST, (MONDAY, MONDAY + timedelta(1)), EVENING)]
    assert check(problem, [on("p01", 0, NIGHT), on("p01", 1, DAY)]) == []  # 24 h
    assert check(problem, [on("p01", 0, DAY), on("p01", 1, DAY)]) == []  # 16 h
    # Eight hours of rest are enough when the rule asks for eight.
    assert check(with_rule(problem, RuleKind.MIN_REST, value=8),
                 [on("p01", 0, EVENING), on("p01", 1, DAY)]) == []


def test_no_day_shift_after_a_night_crossing_midnight() -> None:
    problem = only_rules(week(shifts=(*week().shifts, LONG_NIGHT)), RuleKind.MIN_REST)
    found = check(problem, [on("p01", 0, "L"), on("p01", 1, DAY)])  # 08:00 -> 08:00: no rest
    assert [v.rule for v in found] == [RuleKind.MIN_REST]
    assert check(problem, [on("p01", 0, "L"), on("p01", 2, DAY)]) == []  # 24 h later


def test_too_many_days_in_a_row_are_flagged() -> None:
    problem = only_rules(week(), RuleKind.MAX_CONSECUTIVE_DAYS)
    six = [on("p01", n, DAY) for n in range(6)]
    assert check(problem, six) == []
    found = check(problem, [*six, on("p01", 6, DAY)])
    assert [(v.staff_id, len(v.days), v.data) for v in found] == [
        ("p01", 7, {"days": 7, "max": 6})]
    # On-call days are not working days.
    assert check(problem, [*six, on("p01", 6, ON_CALL)]) == []


def test_too_many_hours_in_a_week_and_a_month_are_flagged() -> None:
    problem = only_rules(week(), RuleKind.MAX_HOURS_WEEK, RuleKind.MAX_HOURS_MONTH)
    seven = [on("p01", n, DAY) for n in range(7)]  # 56 h
    assert [(v.rule, v.data) for v in check(problem, seven)] == [
        (RuleKind.MAX_HOURS_WEEK, {"hours": 56, "max": 48})]
    tight = with_rule(problem, RuleKind.MAX_HOURS_MONTH, value=40)
    assert kinds(check(tight, seven[:6])) == {RuleKind.MAX_HOURS_MONTH}


def test_part_timers_get_a_pro_rata_cap() -> None:
    problem = only_rules(week(), RuleKind.MAX_HOURS_WEEK)
    part_timer = problem.staff[1].__class__("p01", "p", problem.staff[1].seniority,
                                            hours_per_week=20)
    problem = week(staff=(part_timer,), rules=problem.rules)
    assert [v.data for v in check(problem, [on("p01", n, DAY) for n in range(4)])] == [
        {"hours": 32, "max": 24}]


def test_unfair_nights_count_history_across_months() -> None:
    base = only_rules(week(), RuleKind.FAIR_NIGHTS)
    plan = [on("p01", 0, NIGHT), on("p02", 0, NIGHT)]
    assert check(base, plan) == []  # everyone within one night of each other
    history = {"p01": FairCounts(nights=3)}
    problem = week(rules=base.rules, history=history)
    found = check(problem, plan)
    assert [(v.staff_id, v.data["count"]) for v in found] == [("p01", 4)]
    assert not found[0].hard


def test_unmet_preferences_are_soft_violations() -> None:
    prefs = (Preference("p01", MONDAY, wanted=False), Preference("p02", MONDAY, wanted=True,
                                                                 shift=NIGHT))
    problem = only_rules(week(preferences=prefs), RuleKind.PREFERENCES)
    found = check(problem, [on("p01", 0, DAY), on("p02", 0, DAY)])
    assert [(v.staff_id, v.hard) for v in found] == [("p01", False), ("p02", False)]
    assert check(problem, [on("p02", 0, NIGHT)]) == []


def test_assignments_outside_the_period_are_ignored() -> None:
    problem = only_rules(week(), RuleKind.ONE_SHIFT_PER_DAY)
    outside = date(2026, 12, 1)
    assert check(problem, [Assignment(outside, "p01", DAY),
                           Assignment(outside, "p01", NIGHT)]) == []


def test_fairness_names_the_outlier_not_everyone_else() -> None:
    base = only_rules(week(), RuleKind.FAIR_NIGHTS)
    history = {f"p{n:02d}": FairCounts(nights=3) for n in range(12) if n != 5}
    problem = week(rules=base.rules, history=history)  # p05 has 0 nights, all others 3
    found = check(problem, [])
    assert [(v.staff_id, v.data["count"], v.data["most"]) for v in found] == [("p05", 0, 3)]


def test_rest_and_days_in_a_row_run_across_the_period_boundary() -> None:
    sunday_before = MONDAY - timedelta(1)
    before = (Assignment(sunday_before, "p01", EVENING),
              *(Assignment(MONDAY - timedelta(n), "p02", DAY) for n in range(1, 5)))
    problem = only_rules(week(before=before), RuleKind.MIN_REST, RuleKind.MAX_CONSECUTIVE_DAYS)
    found = check(problem, [on("p01", 0, DAY), *(on("p02", n, DAY) for n in range(3))])
    assert sorted((v.rule, v.staff_id, v.days[-1]) for v in found) == [
        (RuleKind.MAX_CONSECUTIVE_DAYS, "p02", MONDAY + timedelta(2)),
        (RuleKind.MIN_REST, "p01", MONDAY)]
    assert check(problem, [on("p01", 1, DAY), *(on("p02", n, DAY) for n in range(2))]) == []
