"""Intake throughput with authorship and the audit log in place (issue 14).

Logs tickets through the desk's own ``Intake`` service on a demo desk, in three ways taken
in turns (a busy moment of the machine hits all three):
  - bare:   one sqlite3 transaction inserting the ticket and its first timeline entry
  - before: ``Intake.log`` on a Store as it was before accounts (no audit recorder, no
            signed-in author on the store)
  - now:    ``Intake.log`` on a Store as the desk opens it now (audit recorder listening,
            the signed-in seat as author)
and prints per-ticket times, tickets per second, now/before (the target: within 10 %) and
now/bare.

    python -m bench.intake [--tickets 3000] [--logs 400]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.audit.recorder import AuditRecorder  # noqa: E402
from app.demo.accounts import DEMO_AGENT  # noqa: E402
from app.domain.clock import ManualClock  # noqa: E402
from app.domain.enums import Channel, Rating  # noqa: E402
from app.domain.grading import GradingWeights  # noqa: E402
from app.domain.ids import new_id  # noqa: E402
from app.identity.seat import staff_of  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.services.data_folder import prepare, seed  # noqa: E402
from app.services.intake import Intake, TicketDraft  # noqa: E402
from app.store.database import Store  # noqa: E402
from bench.common import emit, summary  # noqa: E402


def demo_desk(folder: Path, tickets: int, clock: ManualClock) -> DataDir:
    data = DataDir(folder)
    data.root.mkdir(parents=True, exist_ok=True)
    prepare(data, clock)
    seed(data, clock, tickets)
    return data


def draft(conn: sqlite3.Connection, number: int) -> TicketDraft:
    type_id = conn.execute("SELECT id FROM ticket_types ORDER BY position LIMIT 1").fetchone()[0]
    category_id = conn.execute(
        "SELECT id FROM categories ORDER BY position LIMIT 1").fetchone()[0]
    requester_id = conn.execute("SELECT id FROM requesters ORDER BY id LIMIT 1").fetchone()[0]
    return TicketDraft(title=f"网络中断 {number}", description="办公网无法访问政务云平台",
                       requester_id=requester_id, channel=Channel.PHONE, type_id=type_id,
                       category_id=category_id, urgency=Rating.HIGH, impact=Rating.MEDIUM,
                       importance=Rating.MEDIUM)


def bare_log(path: Path, template: TicketDraft, clock: ManualClock) -> Callable[[int], None]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")

    def log(number: int) -> None:
        now = clock.now().strftime("%Y-%m-%d %H:%M:%S.%f")
        ticket_id = new_id(clock)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO tickets (id, number, title, description, requester_id, channel, "
            "type_id, category_id, urgency, impact, importance, level, level_reason, state, "
            "pending_reason, created_at, updated_at, version, deleted, solution, cause, "
            "closed_unconfirmed) VALUES (?, ?, ?, ?, ?, 'phone', ?, ?, 3, 2, 2, 2, '', 'new', "
            "'', ?, ?, 1, 0, '', '', 0)",
            (ticket_id, f"BARE-{number}", template.title, template.description,
             template.requester_id, template.type_id, template.category_id, now, now))
        conn.execute("INSERT INTO ticket_events (id, ticket_id, at, kind, body, data) "
                     "VALUES (?, ?, ?, 'created', '', '{}')", (new_id(clock), ticket_id, now))
        conn.execute("COMMIT")

    return log


def service_log(path: Path, clock: ManualClock, template: TicketDraft, *,
                audited: bool) -> Callable[[int], None]:
    store = Store(path)
    with closing(sqlite3.connect(path)) as conn:
        seat = staff_of(conn, DEMO_AGENT, "agent")
    assert seat is not None
    if audited:  # as ui/context.py opens the desk's store now
        store.author_id, store.author_login = seat.staff_id, seat.login
        AuditRecorder(store, clock)
    intake = Intake(store, clock, GradingWeights(), seat.staff_id)

    def log(number: int) -> None:
        intake.log(template)

    return log


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=3000)
    parser.add_argument("--logs", type=int, default=400)
    args = parser.parse_args()
    clock = ManualClock(datetime(2026, 11, 26, 2, 0, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder:
        data = demo_desk(Path(folder) / "desk", args.tickets, clock)
        with closing(sqlite3.connect(data.database)) as conn:
            template = draft(conn, 0)
        copies = {}
        for name in ("bare", "before", "now"):
            copies[name] = Path(folder) / f"{name}.sqlite3"
            shutil.copy(data.database, copies[name])
        ways = {"bare": bare_log(copies["bare"], template, clock),
                "before": service_log(copies["before"], clock, template, audited=False),
                "now": service_log(copies["now"], clock, template, audited=True)}
        times: dict[str, list[float]] = {name: [] for name in ways}
        for number in range(args.logs):
            for name, log in ways.items():
                started = time.perf_counter()
                log(number)
                times[name].append((time.perf_counter() - started) * 1000)
                clock.advance(timedelta(seconds=1))
    figures: dict[str, object] = {}
    for name, values in times.items():
        stats = summary(values, 3)
        per_second = round(1000 / stats["p50"], 1)
        print(f"{name:7s} p50 {stats['p50']:.3f} ms  p95 {stats['p95']:.3f} ms  "
              f"{per_second} tickets/s")
        figures[f"{name}_p50_ms"], figures[f"{name}_p95_ms"] = stats["p50"], stats["p95"]
    p50 = {name: summary(values, 3)["p50"] for name, values in times.items()}
    ratio = round(p50["now"] / p50["before"], 3)
    bare = round(p50["now"] / p50["bare"], 2)
    print(f"now/before {ratio} (target ≤ 1.10), now/bare {bare}")
    emit({**figures, "ratio_vs_before": ratio, "ratio_vs_bare": bare})


if __name__ == "__main__":
    main()
