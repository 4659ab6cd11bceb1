"""Rota planner benchmark: 40 staff x 31 days x 4 shift types with the standard rules.

Plans October 2026 (National Day week included: more cover, fairness of holidays) with
CP-SAT for --limit seconds and prints the time to the first feasible plan, objective,
bound and gap at 10 s and at the end, and the hard-rule violations of the final plan
(must be 0). Baseline in the same run: the same model with the soft rules removed
(hard constraints only, no objective), time to its first feasible plan.

    python -m bench.rota [--limit 30] [--workers N] [--seed 0] [--tight]
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import date

from app.rota.checker import check, hard_violations
from app.rota.planner import PlanControl, PlanProgress, PlanResult, plan_rota, relative_gap
from app.rota.problem import RotaProblem
from app.rota.sample import sample_problem
from bench.common import emit

FIRST, LAST = date(2026, 10, 1), date(2026, 10, 31)


def at(result: PlanResult, seconds: float) -> tuple[float | None, float | None]:
    """Best objective and bound known ``seconds`` into the run."""
    objective = bound = None
    for step in result.history:
        if step.elapsed <= seconds:
            objective = step.objective if step.objective is not None else objective
            bound = step.bound if step.bound is not None else bound
    return objective, bound


def tighten(problem: RotaProblem) -> RotaProblem:
    """Previous months left some people with more nights, weekends and holidays, and
    everyone has wishes: the optimum costs something and the bound has to prove it."""
    from dataclasses import replace
    from datetime import timedelta
    from random import Random

    from app.rota.model import Preference
    from app.rota.problem import FairCounts

    rng = Random(11)
    history = {m.id: FairCounts(rng.randrange(4), rng.randrange(4), rng.randrange(3))
               for m in problem.staff}
    wishes = tuple(Preference(m.id, FIRST + timedelta(rng.randrange(31)), rng.random() < 0.3)
                   for m in problem.staff for _ in range(3))
    return replace(problem, history=history, preferences=problem.preferences + wishes)


def hard_only(problem: RotaProblem) -> RotaProblem:
    from dataclasses import replace

    return replace(problem, rules=tuple(r for r in problem.rules if r.hard))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tight", action="store_true",
                        help="uneven fairness history and 3 wishes a person: no zero-cost plan")
    args = parser.parse_args()
    problem = sample_problem(FIRST, LAST)
    if args.tight:
        problem = tighten(problem)
    print(f"{len(problem.staff)} staff x {len(problem.days)} days x {len(problem.shifts)} "
          f"shift types, {os.cpu_count()} CPUs; rules: "
          + ", ".join(f"{r.kind.value}{'' if r.hard else f'(soft w{r.weight})'}"
                      for r in problem.rules))

    def show(progress: PlanProgress) -> None:
        if progress.plan is not None:
            print(f"  {progress.elapsed:6.2f} s  objective {progress.objective:g}  "
                  f"bound {progress.bound:g}")

    started = time.perf_counter()
    result = plan_rota(problem, PlanControl(show), args.limit, args.workers, args.seed)
    wall = time.perf_counter() - started
    obj10, bound10 = at(result, 10.0)
    violations = check(problem, result.plan)
    hard = hard_violations(problem, result.plan)
    print(f"status {result.status.value}, first feasible {result.first_feasible:.2f} s, "
          f"wall {wall:.1f} s")
    print(f"at 10 s: objective {obj10} bound {bound10} gap {relative_gap(obj10, bound10)}")
    print(f"at end:  objective {result.objective} bound {result.bound} gap {result.gap}")
    print(f"hard-rule violations: {len(hard)}; soft: {len(violations) - len(hard)}")

    bare = plan_rota(hard_only(problem), PlanControl(), args.limit, args.workers, args.seed,
                     rosters=False)
    print(f"baseline (hard rules only): first feasible {bare.first_feasible} s, "
          f"hard-rule violations {len(hard_violations(problem, bare.plan))}")
    ratio = (result.first_feasible / bare.first_feasible
             if result.first_feasible and bare.first_feasible else None)
    emit({"bench": "rota", "tight": args.tight, "staff": len(problem.staff),
          "days": len(problem.days),
          "shift_types": len(problem.shifts), "limit_s": args.limit,
          "status": result.status.value,
          "first_feasible_s": _round(result.first_feasible),
          "objective_10s": obj10, "bound_10s": bound10,
          "gap_10s": _round(relative_gap(obj10, bound10)),
          "objective_end": result.objective, "bound_end": result.bound,
          "gap_end": _round(result.gap), "end_s": round(result.elapsed, 2),
          "hard_violations": len(hard), "soft_violations": len(violations) - len(hard),
          "baseline_hard_only_first_feasible_s": _round(bare.first_feasible),
          "first_feasible_ratio_vs_baseline": _round(ratio)})
    return 0


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


if __name__ == "__main__":
    raise SystemExit(main())
