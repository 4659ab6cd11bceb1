"""The planner on the Curtois & Qu shift-scheduling benchmark, Instances 1-5.

Each instance (tests/data/shift_benchmark, source in SOURCE.md there) is mapped onto the
rota model (app/rota/nrp), planned with CP-SAT for --limit seconds with the default
workers, and the plan is scored by the benchmark's own scorer (app/rota/nrp/score.py),
not by the solver's objective. Prints objective, published optimum or best known, gap,
hard violations, the bound and time to the first feasible plan. Baseline in the same
run: CP-SAT alone on the same model for the same time (``plan_rota(rosters=False)``, the
planner before planning by rosters); ``--no-baseline`` skips it.

    python -m bench.rota_benchmark [--limit 60] [--workers N] [--only 1,2] [--lns]
        [--no-baseline]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from app.rota.checker import check, hard_violations, total_cost
from app.rota.nrp.instance import read_instance
from app.rota.nrp.problem import to_problem, triples
from app.rota.nrp.score import score
from app.rota.planner import PlanControl, plan_rota
from bench.common import emit

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "shift_benchmark"
# schedulingbenchmarks.org: proven optima for 1-3, the best known for 4 and 5 at the time
# the instances were published with the results of Curtois & Qu (2014).
BEST = {1: 607, 2: 828, 3: 1001, 4: 1716, 5: 1143}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--only", default="1,2,3,4,5")
    parser.add_argument("--lns", action="store_true",
                        help="CP-SAT for 30 %% of the time, then neighbourhood search")
    parser.add_argument("--no-baseline", dest="baseline", action="store_false",
                        help="skip CP-SAT alone (the baseline) on each instance")
    args = parser.parse_args()
    rows = []
    print(f"{os.cpu_count()} CPUs, {args.limit:g} s each")
    print(f"{'inst':>4} {'staff':>5} {'days':>4} {'objective':>9} {'best':>5} {'gap':>7} "
          f"{'hard':>4} {'first s':>7} {'bound':>6} {'status':>9} {'end s':>6} "
          f"{'CP-SAT alone':>12}")
    for number in (int(n) for n in args.only.split(",")):
        instance = read_instance(DATA / f"Instance{number}.txt")
        problem = to_problem(instance)
        result = plan_rota(problem, PlanControl(), args.limit, args.workers,
                           improve=args.lns)
        scored = score(instance, triples(problem, result.plan))
        checked = check(problem, result.plan)
        first = next((step.objective for step in result.history
                      if step.objective is not None), None)
        best = BEST[number]
        gap = (scored.objective - best) / best
        row = {"instance": number, "staff": len(instance.staff), "days": instance.horizon,
               "objective": scored.objective, "best_known": best, "gap": round(gap, 4),
               "hard_violations": scored.hard_violations,
               "checker_hard": len(hard_violations(problem, result.plan)),
               "checker_cost": total_cost(checked),
               "first_feasible_s": None if result.first_feasible is None
               else round(result.first_feasible, 2),
               "first_objective": first, "status": result.status.value,
               "bound": result.bound, "end_s": round(result.elapsed, 2)}
        if args.baseline:
            alone = plan_rota(problem, PlanControl(), args.limit, args.workers, rosters=False)
            row["cp_sat_alone"] = score(instance, triples(problem, alone.plan)).objective \
                if alone.plan else None
            row["cp_sat_alone_bound"] = alone.bound
        rows.append(row)
        print(f"{number:>4} {row['staff']:>5} {row['days']:>4} {scored.objective:>9} "
              f"{best:>5} {gap:>7.2%} {scored.hard_violations:>4} "
              f"{row['first_feasible_s']!s:>7} {result.bound!s:>6} {result.status.value:>9} "
              f"{row['end_s']:>6} {row.get('cp_sat_alone')!s:>12}")
    emit({"bench": "rota_benchmark", "limit_s": args.limit, "workers": args.workers,
          "lns": args.lns,
          "instances": rows,
          "all_hard_free": all(r["hard_violations"] == 0 for r in rows),
          "objective_ratio_vs_first_feasible": [
              None if not r["first_objective"] else round(
                  float(str(r["objective"])) / float(str(r["first_objective"])), 3)
              for r in rows],
          "objective_ratio_vs_cp_sat_alone": [
              None if not r.get("cp_sat_alone") else round(
                  float(str(r["objective"])) / float(str(r["cp_sat_alone"])), 3)
              for r in rows]})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
