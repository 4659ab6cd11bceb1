"""Plan a benchmark instance from the command line and score the plan independently.

    python -m app.rota.nrp tests/data/shift_benchmark/Instance1.txt [--limit 60]
        [--workers N] [--roster]

Prints the objective as the benchmark defines it, the hard constraints broken (none
expected), the solver's status and bound, and with --roster the plan: a line per person,
one character per day ("." off).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.rota.nrp.instance import InstanceError, read_instance
from app.rota.nrp.problem import to_problem, triples
from app.rota.nrp.score import score
from app.rota.planner import PlanControl, plan_rota


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.rota.nrp",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("instance", type=Path)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds (default 60)")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--roster", action="store_true", help="print the plan")
    args = parser.parse_args(argv)
    try:
        instance = read_instance(args.instance)
    except (OSError, InstanceError) as error:
        print(f"{args.instance}: {error}", file=sys.stderr)
        return 2
    problem = to_problem(instance)
    result = plan_rota(problem, PlanControl(), args.limit, args.workers)
    plan = triples(problem, result.plan)
    scored = score(instance, plan)
    print(f"{args.instance.name}: {len(instance.staff)} staff, {instance.horizon} days; "
          f"status {result.status.value}, objective {scored.objective}, "
          f"bound {result.bound}, first plan after {result.first_feasible} s")
    print("hard constraints broken: " + (", ".join(
        f"{name} ×{count}" for name, count in sorted(scored.hard.items())) or "none"))
    if args.roster:
        cells = {(staff, day): shift for staff, day, shift in plan}
        for member in instance.staff:
            print(f"{member.id:>4} " + "".join(cells.get((member.id, d), ".")
                                              for d in range(instance.horizon)))
    return 0 if result.plan and not scored.hard else 1


if __name__ == "__main__":
    raise SystemExit(main())
