"""``seatdesk demo``: fill a new data folder with a generated desk of any size."""

from __future__ import annotations

import sys
import time

from app.cli import DemoArgs
from app.domain.clock import SystemClock
from app.paths import DataDir, default_data_root
from app.services.data_folder import needs_seed, prepare, seed
from app.store.schema import DatabaseTooNew


def run_demo_command(args: DemoArgs) -> int:
    data = DataDir(args.data_dir or default_data_root())
    clock = SystemClock()
    try:
        prepare(data, clock)
    except DatabaseTooNew as error:
        print(error, file=sys.stderr)
        return 2
    if not needs_seed(data):
        print(f"{data.database} already holds data; choose a new --data-dir.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    seed(data, clock, args.tickets, args.seed)
    elapsed = time.perf_counter() - started
    print(f"wrote a demo desk with {args.tickets} tickets to {data.database} in {elapsed:.1f} s")
    return 0
