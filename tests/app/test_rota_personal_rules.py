"""The rules issue 20 added, each in the checker and in the planner: forbidden successions,
dated cover with its own weights, over-cover, per-person limits, weighted requests.

The planner's objective, the checker's costs and the benchmark's own scorer must agree on
any plan the planner returns (Hypothesis draws the instances).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.rota.checker import check, hard_violations, total_cost
from app.rota.model import Assignment, Limits, Preference
from app.rota.nrp.instance import NrpCover, NrpInstance, NrpRequest, NrpShift, NrpStaff
from app.rota.nrp.problem import FIRST_DAY, to_problem, triples
from app.rota.nrp.score import score
from app.rota.planner import PlanControl, PlanStatus, plan_rota
from app.rota.problem import RotaProblem
from app.rota.rules import RuleKind
from tests.app.nrp_cases import tiny
from tests.app.rota_problems import with_rule


def problem() -> RotaProblem:
    return to_problem(tiny())


def day(n: int) -> date:
    return problem().days[n]


def plan(*cells: tuple[str, int, str]) -> list[Assignment]:
    return [Assignment(day(n), staff, code) for staff, n, code in cells]


def kinds(p: RotaProblem, cells: list[Assignment]) -> list[RuleKind]:
    return sorted(v.rule for v in check(p, cells) if v.hard)


def test_a_forbidden_succession_is_a_violation_the_other_way_round_is_not() -> None:
    p = problem()
    found = [v for v in check(p, plan(("A", 0, "L"), ("A", 1, "E")))
             if v.rule is RuleKind.FORBIDDEN_SUCCESSIONS]
    assert len(found) == 1 and found[0].days == (day(0), day(1)) and found[0].data == {
        "after": "L"}
    assert not [v for v in check(p, plan(("A", 0, "E"), ("A", 1, "L")))
                if v.rule is RuleKind.FORBIDDEN_SUCCESSIONS]


def test_a_shift_a_person_may_not_work_and_one_over_their_count() -> None:
    p = problem()
    assert RuleKind.MAX_SHIFTS_OF_TYPE in kinds(p, plan(("B", 0, "L"), ("B", 1, "L")))
    few = replace(p, staff=tuple(replace(m, limits=replace(m.limits, max_shifts=(("E", 1),)))
                                 for m in p.staff))
    found = [v for v in check(few, plan(("A", 0, "E"), ("A", 1, "E")))
             if v.rule is RuleKind.MAX_SHIFTS_OF_TYPE]
    assert found[0].data == {"count": 2, "max": 1}


def test_total_minutes_below_and_above_the_persons_limits() -> None:
    p = problem()
    low = [v for v in check(p, []) if v.rule is RuleKind.PERIOD_MINUTES]
    assert {v.staff_id for v in low} == {"A", "B", "C"} and low[0].data["min"] == 2400
    capped = replace(p, staff=tuple(replace(m, limits=replace(m.limits, max_minutes=960))
                                    for m in p.staff))
    over = [v for v in check(capped, plan(("A", 0, "E"), ("A", 1, "E"), ("A", 2, "E")))
            if v.rule is RuleKind.PERIOD_MINUTES and "max" in v.data]
    assert over[0].data == {"minutes": 1440, "max": 960}


def test_minimum_runs_hold_inside_the_period_not_at_its_edges() -> None:
    p = problem()
    lone = [v for v in check(p, plan(("A", 5, "E"))) if v.rule is RuleKind.MIN_CONSECUTIVE_DAYS]
    assert lone[0].days == (day(5),) and lone[0].data == {"days": 1, "min": 2}
    for edge in (0, 13):
        assert RuleKind.MIN_CONSECUTIVE_DAYS not in kinds(p, plan(("A", edge, "E")))
    gap = plan(*(("A", n, "E") for n in (1, 2, 4, 5)))
    off = [v for v in check(p, gap) if v.rule is RuleKind.MIN_DAYS_OFF]
    assert [v.days for v in off] == [(day(3),)]


def test_a_persons_own_maximum_days_in_a_row_wins_over_the_desks() -> None:
    p = problem()  # everyone's own limit: at most 4 in a row
    run = plan(*(("A", n, "E") for n in range(1, 6)))
    found = [v for v in check(p, run) if v.rule is RuleKind.MAX_CONSECUTIVE_DAYS]
    assert found[0].data == {"days": 5, "max": 4}
    desk = replace(with_rule(p, RuleKind.MAX_CONSECUTIVE_DAYS, value=6), staff=tuple(
        replace(m, limits=replace(m.limits, max_consecutive=None)) for m in p.staff))
    assert RuleKind.MAX_CONSECUTIVE_DAYS not in kinds(desk, run)


def test_weekends_worked_count_saturday_or_sunday() -> None:
    p = problem()  # at most 1 weekend each; days 5/6 and 12/13 are weekends
    found = [v for v in check(p, plan(("A", 6, "E"), ("A", 12, "E")))
             if v.rule is RuleKind.MAX_WEEKENDS]
    assert found[0].data == {"count": 2, "max": 1}
    assert RuleKind.MAX_WEEKENDS not in kinds(p, plan(("A", 5, "E"), ("A", 6, "E")))


def test_dated_cover_costs_each_rows_own_weights() -> None:
    p = problem()
    cost = {v.rule: v.cost for v in check(p, plan(("C", 5, "L"), ("A", 5, "L")))
            if v.shift == "L" and v.days == (day(5),)}
    assert cost[RuleKind.OVER_COVER] == 2
    short = [v for v in check(p, []) if v.rule is RuleKind.COVERAGE and v.days == (day(5),)]
    assert short[0].cost == 50 and short[0].data == {"need": 1, "have": 0}


def test_weighted_requests_cost_their_own_weight() -> None:
    p = problem()
    costs = {(v.staff_id, v.days[0]): v.cost for v in check(p, plan(("B", 1, "E")))
             if v.rule is RuleKind.PREFERENCES}
    assert costs == {("A", day(0)): 2, ("C", day(5)): 3, ("B", day(1)): 1}


def test_the_planner_keeps_every_new_hard_rule_and_agrees_with_the_checker() -> None:
    p = problem()
    result = plan_rota(p, PlanControl(), time_limit=20, workers=2)
    assert result.status is PlanStatus.OPTIMAL
    assert hard_violations(p, result.plan) == []
    assert total_cost(check(p, result.plan)) == result.objective
    scored = score(tiny(), triples(p, result.plan))
    assert scored.hard == {} and scored.objective == result.objective


def test_an_empty_own_limit_leaves_the_desks_rule() -> None:
    p = problem()
    member = replace(p.staff[0], limits=Limits())
    assert p.limit(member, RuleKind.MAX_CONSECUTIVE_DAYS) == 0  # the rule's value
    assert p.limit(member, RuleKind.MIN_CONSECUTIVE_DAYS) is None  # 0 means no minimum
    assert p.limit(p.staff[0], RuleKind.MIN_CONSECUTIVE_DAYS) == 2


@st.composite
def instances(draw: st.DrawFn) -> NrpInstance:
    horizon = draw(st.sampled_from((7, 14)))
    two = draw(st.booleans())
    shifts = (NrpShift("E", 480, ()), *((NrpShift("L", 600, ("E",)),) if two else ()))
    codes = [s.id for s in shifts]
    people = []
    for n in range(draw(st.integers(2, 4))):
        people.append(NrpStaff(
            f"S{n}", tuple((c, draw(st.integers(0, horizon))) for c in codes),
            draw(st.integers(2400, 6000)), draw(st.integers(0, 2400)),
            draw(st.integers(2, 6)), draw(st.integers(1, 3)), draw(st.integers(1, 3)),
            draw(st.integers(0, 2))))
    ids = [m.id for m in people]
    days_off = tuple(sorted({(draw(st.sampled_from(ids)), draw(st.integers(0, horizon - 1)))
                             for _ in range(draw(st.integers(0, 4)))}))

    def requests() -> tuple[NrpRequest, ...]:
        return tuple(NrpRequest(draw(st.sampled_from(ids)), draw(st.integers(0, horizon - 1)),
                                draw(st.sampled_from(codes)), draw(st.integers(1, 3)))
                     for _ in range(draw(st.integers(0, 5))))

    cover = tuple(NrpCover(d, c, draw(st.integers(0, 3)), draw(st.sampled_from((1, 100))),
                           draw(st.integers(1, 2))) for d in range(horizon) for c in codes)
    return NrpInstance(horizon, shifts, tuple(people), days_off, requests(), requests(), cover)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_any_plan_the_planner_returns_passes_the_checker_and_the_scorer(
        instance: NrpInstance) -> None:
    p = to_problem(instance)
    result = plan_rota(p, PlanControl(), time_limit=10, workers=2)
    if result.status not in (PlanStatus.OPTIMAL, PlanStatus.FEASIBLE):
        return  # drawn limits can contradict each other
    assert hard_violations(p, result.plan) == []
    scored = score(instance, triples(p, result.plan))
    assert scored.hard == {}
    assert scored.objective == total_cost(check(p, result.plan))
    # A plan not proven optimal may carry slack above what it needs: the solver's figure
    # is then an upper bound of the plan's true cost.
    assert result.objective is not None and scored.objective <= result.objective
    if result.status is PlanStatus.OPTIMAL:
        assert scored.objective == result.objective
    assert p.days[0] == FIRST_DAY


def _wishes(*items: tuple[str, int, str | None, bool]) -> tuple[Preference, ...]:
    return tuple(Preference(staff, day(n), wanted, shift, weight=1000)
                 for staff, n, shift, wanted in items)


HEAVY_WISHES = {
    # Each: wishes (weight 1000 each) that only breaking that rule would grant (A's day 3
    # is a day off; everyone works at least 2 days in a row, at most 4, 1 weekend).
    RuleKind.FORBIDDEN_SUCCESSIONS: _wishes(("A", 1, "L", True), ("A", 2, "E", True)),
    RuleKind.MAX_SHIFTS_OF_TYPE: _wishes(("B", 4, "L", True), ("B", 5, "L", True)),
    RuleKind.MIN_CONSECUTIVE_DAYS: _wishes(("A", 8, None, False), ("A", 9, "E", True),
                                           ("A", 10, None, False)),
    RuleKind.MIN_DAYS_OFF: _wishes(*(("A", n, "E", True) for n in (1, 2, 4, 5))),
    RuleKind.MAX_WEEKENDS: _wishes(*(("A", n, "E", True) for n in (5, 6, 12, 13))),
    RuleKind.MAX_CONSECUTIVE_DAYS: _wishes(*(("A", n, "E", True) for n in range(7, 12))),
    RuleKind.PERIOD_MINUTES: _wishes(*(("C", n, None, False) for n in range(14))),
}


@pytest.mark.parametrize("kind", list(HEAVY_WISHES), ids=str)
def test_the_planner_keeps_each_new_hard_rule_against_heavy_wishes(kind: RuleKind) -> None:
    p = replace(problem(), preferences=HEAVY_WISHES[kind])
    result = plan_rota(p, PlanControl(), time_limit=20, workers=2)
    assert result.status is PlanStatus.OPTIMAL
    assert hard_violations(p, result.plan) == []
    # Without the rule the wishes win: the rule, not chance, kept them apart.
    loose = replace(p, rules=tuple(r for r in p.rules if r.kind is not kind))
    freed = plan_rota(loose, PlanControl(), time_limit=20, workers=2)
    assert freed.objective is not None and result.objective is not None
    assert freed.objective < result.objective
    assert [v.rule for v in hard_violations(p, freed.plan)].count(kind) >= 1


@st.composite
def desk_weeks(draw: st.DrawFn) -> RotaProblem:
    """The desk's own week (rest, hours, fairness, on-call shifts, seniority, skills) with
    drawn personal limits, successions, dated cover and over-cover priced."""
    from app.rota.defaults import DAY, EVENING, NIGHT, ON_CALL
    from app.rota.model import Coverage
    from tests.app.rota_problems import MONDAY, week

    base = week()
    codes = [DAY, EVENING, NIGHT, ON_CALL]
    staff = list(base.staff)
    for n in draw(st.lists(st.integers(0, len(staff) - 1), max_size=4, unique=True)):
        staff[n] = replace(staff[n], limits=Limits(
            max_shifts=tuple((c, draw(st.integers(0, 3))) for c in
                             draw(st.lists(st.sampled_from(codes), max_size=2, unique=True))),
            min_minutes=draw(st.sampled_from((None, 480, 960))),
            max_minutes=draw(st.sampled_from((None, 1920, 2400))),
            max_consecutive=draw(st.sampled_from((None, 3, 5))),
            min_consecutive=draw(st.sampled_from((None, 2))),
            min_days_off=draw(st.sampled_from((None, 2))),
            max_weekends=draw(st.sampled_from((None, 0, 1)))))
    banned = draw(st.lists(st.tuples(st.sampled_from(codes), st.sampled_from(codes)),
                           max_size=3))
    shifts = tuple(replace(s, not_followed_by=frozenset(b for a, b in banned if a == s.code))
                   for s in base.shifts)
    dated = tuple(Coverage(code, base.kinds[MONDAY], draw(st.integers(0, 3)), frozenset(), 0,
                           base.days[d], draw(st.integers(0, 50)), draw(st.integers(0, 3)))
                  for d, code in draw(st.lists(st.tuples(st.integers(0, 6),
                                                         st.sampled_from(codes)),
                                               max_size=3, unique=True)))
    rules = tuple(replace(r, enabled=True) if r.kind is RuleKind.OVER_COVER else r
                  for r in base.rules)
    return replace(base, staff=tuple(staff), shifts=shifts, coverage=base.coverage + dated,
                   rules=rules)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(desk_weeks())
def test_on_the_desks_own_rules_too_the_planner_and_the_checker_agree(p: RotaProblem) -> None:
    result = plan_rota(p, PlanControl(), time_limit=10, workers=2)
    if result.status is PlanStatus.INFEASIBLE:
        assert result.conflicts  # said why
        return
    if result.status is PlanStatus.NO_PLAN_YET:
        return
    assert hard_violations(p, result.plan) == []
    if result.status is PlanStatus.OPTIMAL:
        assert total_cost(check(p, result.plan)) == result.objective
