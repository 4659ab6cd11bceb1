"""Search quality (issue 20): hints from the last plan, and large neighbourhood search
after CP-SAT's own search, which may only ever make the plan better and keeps every hard
rule (CP-SAT alone here: planning by rosters has its tests in test_rota_rosters.py)."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path

from ortools.sat.python import cp_model

from app.rota.checker import check, hard_violations, total_cost
from app.rota.formulation import build
from app.rota.improvement import cell_values, improve
from app.rota.nrp.instance import read_instance
from app.rota.nrp.problem import to_problem, triples
from app.rota.nrp.score import score
from app.rota.planner import PlanControl, PlanProgress, PlanStatus, plan_rota

DATA = Path(__file__).parent.parent / "data" / "shift_benchmark"


def first_plan(number: int) -> tuple[object, cp_model.CpSolver, object]:
    instance = read_instance(DATA / f"Instance{number}.txt")
    rota = build(to_problem(instance))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    solver.parameters.stop_after_first_solution = True
    assert solver.solve(rota.model) in (cp_model.FEASIBLE, cp_model.OPTIMAL)
    return instance, solver, rota


def test_neighbourhood_search_only_improves_and_keeps_the_hard_rules() -> None:
    instance, solver, rota = first_plan(4)
    start = solver.objective_value
    costs: list[float] = []
    values, cost = improve(rota, cell_values(rota, solver), start,  # type: ignore[arg-type]
                           time.perf_counter() + 8, 2, 0, lambda: False,
                           lambda _values, found: costs.append(found))
    assert costs and costs == sorted(costs, reverse=True) and costs[0] < start
    plan = rota.plan_from(values)  # type: ignore[attr-defined]
    problem = rota.problem  # type: ignore[attr-defined]
    assert hard_violations(problem, plan) == []
    scored = score(instance, triples(problem, plan))  # type: ignore[arg-type]
    # A step's plan not proven optimal may carry slack: its figure bounds the true cost.
    assert scored.hard == {} and scored.objective == total_cost(check(problem, plan)) <= cost


def test_the_planner_reports_each_better_plan_of_the_improvement() -> None:
    problem = to_problem(read_instance(DATA / "Instance5.txt"))
    seen: list[PlanProgress] = []
    result = plan_rota(problem, PlanControl(seen.append), time_limit=12, workers=2,
                       improve=True, rosters=False)
    assert result.status is PlanStatus.FEASIBLE
    objectives = [p.objective for p in seen if p.plan is not None]
    assert objectives[-1] == result.objective == min(o for o in objectives if o is not None)
    assert hard_violations(problem, result.plan) == []
    assert result.elapsed < 12 + 3.5  # the last neighbourhood ends by the time limit


def test_cancel_stops_the_improvement_too() -> None:
    problem = to_problem(read_instance(DATA / "Instance5.txt"))
    control = PlanControl()
    # CP-SAT's own search has 30 % of the 30 s: the cancel comes while improving.
    threading.Timer(11.0, control.cancel).start()
    started = time.perf_counter()
    result = plan_rota(problem, control, time_limit=30, workers=2, improve=True,
                       rosters=False)
    assert time.perf_counter() - started < 11.0 + 1.5
    assert result.plan and hard_violations(problem, result.plan) == []


def test_the_last_plan_is_the_solvers_hint() -> None:
    problem = to_problem(read_instance(DATA / "Instance1.txt"))
    result = plan_rota(problem, PlanControl(), time_limit=20, workers=2)
    rota = build(replace(problem, hint=result.plan))
    hinted = dict(zip(rota.model.proto.solution_hint.vars,
                      rota.model.proto.solution_hint.values, strict=True))
    assert len(hinted) == len(rota.cells)
    assert sorted(rota.plan_from(hinted)) == sorted(result.plan)
