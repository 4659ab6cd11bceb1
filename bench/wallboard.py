"""The wallboard's refresh after a write on a large desk, against the same SQL run bare.

A copy of the 100 000-ticket demo desk (the desk itself stays as other benchmarks expect
it) gets the SLA monitor's index and escalations first (every open ticket's targets, every
threshold due raised and escalated), so the board has at-risk and breached tickets and a
ledger to show. Then, in turns: a write through the services (a ticket logged, then taken
by a seat), and right after it

- *refresh*: what the page does when its coalescing timer fires after the broadcast
  (``WallboardPage.read_board``: every count, who is on duty with their load, the oldest
  waiting tickets and the last escalations read, and drawn into the page's tables);
- *bare SQL*: the very statements that refresh ran (traced from the connection), run with
  ``fetchall`` and nothing built from them;
- *today*: today's per-channel figures from the reports (``today_by_channel``, which first
  brings the reports' derived facts up to date with the write), computed off the GUI
  thread on the page, timed here on its own.

Refresh and bare runs alternate which goes first after each write (the first one pays for
re-reading the pages the write changed).

    python -m bench.wallboard [--tickets 100000] [--repeat 60] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.domain.clock import SystemClock  # noqa: E402
from app.domain.enums import Channel  # noqa: E402
from app.domain.grading import GradingWeights  # noqa: E402
from app.identity.seat import NOBODY, first_administrator  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.settings import SettingsFile  # noqa: E402
from app.store.reading import read_connection  # noqa: E402
from bench.common import emit, summary  # noqa: E402
from bench.startup import ensure_demo  # noqa: E402


def elapsed_ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def working_copy(source: Path, target: Path, tickets: int) -> Path:
    """A copy of the demo desk to write to (made once, kept between runs)."""
    database = target / "seatdesk.sqlite3"
    if database.exists():
        with sqlite3.connect(database) as conn:
            if conn.execute("SELECT count(*) FROM tickets").fetchone()[0] >= tickets:
                return target
        shutil.rmtree(target)
    target.mkdir(parents=True)
    started = time.perf_counter()
    with sqlite3.connect(source / "seatdesk.sqlite3") as conn, \
            sqlite3.connect(database) as copy:
        conn.backup(copy)
    print(f"working copy in {target}: {time.perf_counter() - started:.1f} s")
    return target


def escalate_everything(data: DataDir, clock: SystemClock) -> None:
    """Fill the SLA index for every open ticket and raise (and escalate) what is due."""
    from app.sla.monitor import due_thresholds, open_ticket_ids, refresh_targets
    from app.store.database import Store

    reader = read_connection(data.database)
    if reader.execute("SELECT count(*) FROM sla_running").fetchone()[0]:
        reader.close()
        return
    store = Store(data.database)
    started = time.perf_counter()
    refresh_targets(store, reader, open_ticket_ids(reader), clock.now())
    raised = due_thresholds(store, reader, clock)
    print(f"SLA index and escalations: {len(raised)} thresholds raised in "
          f"{time.perf_counter() - started:.1f} s")
    store.close()
    reader.close()


def traced(conn: sqlite3.Connection, action: Callable[[], object]) -> list[str]:
    """The SQL statements ``action`` runs on ``conn``, with their parameters expanded."""
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        action()
    finally:
        conn.set_trace_callback(None)
    return [s for s in statements if not s.lstrip().upper().startswith(("PRAGMA", "BEGIN"))]


class Writes:
    """A write through the services each time: a ticket logged, then taken."""

    def __init__(self, intake: Any, flow: Any, requester: str, type_id: str,
                 category: str) -> None:
        self._intake, self._flow = intake, flow
        self._refs = (requester, type_id, category)
        self._logged: str | None = None

    def next(self) -> None:
        from app.services.intake import TicketDraft

        if self._logged is None:
            requester, type_id, category = self._refs
            self._logged = self._intake.log(TicketDraft(
                "基准测试工单", "", requester, Channel.PHONE, type_id, category)).id
        else:
            self._flow.take(self._logged, 1)
            self._logged = None


def measure(page: Any, reader: sqlite3.Connection, writes: Writes,
            today: Callable[[], object], repeat: int
            ) -> tuple[list[float], list[float], list[float], list[str]]:
    """Per write: the page's refresh, the same statements bare, today's figures (ms)."""
    statements = traced(reader, page.read_board)

    def bare() -> None:
        for sql in statements:
            reader.execute(sql).fetchall()

    refresh_ms, bare_ms, today_ms = [], [], []
    for round_ in range(repeat):
        writes.next()
        if round_ % 2 == 0:
            refresh_ms.append(elapsed_ms(page.read_board))
            bare_ms.append(elapsed_ms(bare))
        else:
            bare_ms.append(elapsed_ms(bare))
            refresh_ms.append(elapsed_ms(page.read_board))
        today_ms.append(elapsed_ms(today))
        QApplication.processEvents()
        statements = traced(reader, page.read_board)
    return refresh_ms, bare_ms, today_ms, statements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--data-dir", type=Path,
                        default=Path("/tmp/seatdesk-bench-100000"))
    parser.add_argument("--work-dir", type=Path, default=Path("/tmp/seatdesk-bench-wallboard"))
    args = parser.parse_args()
    ensure_demo(args.data_dir, args.tickets)
    data = DataDir(working_copy(args.data_dir, args.work_dir, args.tickets))
    clock = SystemClock()
    escalate_everything(data, clock)

    app = QApplication.instance() or QApplication([])
    from app.services.intake import Intake
    from app.services.ticket_flow import TicketFlow
    from ui.context import DeskContext
    from ui.wallboard.page import WallboardPage, today_figures

    reader = read_connection(data.database)
    seat = first_administrator(reader) or NOBODY
    context = DeskContext(data=data, settings=SettingsFile(data.settings), clock=clock,
                          language="zh_CN", reader=reader, signed_in=seat)
    page = WallboardPage(context)
    page.resize(1920, 1080)
    page.show()
    app.processEvents()
    page.read_board()
    today_conn = read_connection(data.database)
    started = time.perf_counter()
    today_figures(today_conn, clock, context.time_zone)  # the facts, built once
    print(f"reports' facts brought up to date: {time.perf_counter() - started:.1f} s")
    store = context.store()
    requester, type_id, category = (reader.execute(sql).fetchone()[0] for sql in (
        "SELECT id FROM requesters ORDER BY id LIMIT 1",
        "SELECT id FROM ticket_types WHERE code = 'fault'",
        "SELECT id FROM categories ORDER BY position LIMIT 1"))
    writes = Writes(Intake(store, clock, GradingWeights(), seat.staff_id),
                    TicketFlow(store, clock, seat.staff_id), requester, type_id, category)
    refresh_ms, bare_ms, today_ms, statements = measure(
        page, reader, writes, lambda: today_figures(today_conn, clock, context.time_zone),
        args.repeat)
    board = page.read_board()
    refresh, bare_sql, today = summary(refresh_ms, 2), summary(bare_ms, 2), summary(today_ms, 2)
    print(f"desk: {args.tickets} tickets, {board.open_total} open, {board.at_risk} at risk, "
          f"{board.breached} breached, {len(board.on_duty or ())} on duty; "
          f"{len(statements)} statements per refresh")
    print(f"refresh after a write: p50 {refresh['p50']} ms, p95 {refresh['p95']} ms "
          f"(target <= 50 ms); bare SQL p50 {bare_sql['p50']} ms, p95 {bare_sql['p95']} ms")
    print(f"today per channel (off the GUI thread): p50 {today['p50']} ms, "
          f"p95 {today['p95']} ms")
    page.stop()
    emit({"bench": "wallboard", "tickets": args.tickets, "writes": args.repeat,
          "open": board.open_total, "at_risk": board.at_risk, "breached": board.breached,
          "escalations_shown": len(board.escalations), "statements": len(statements),
          "refresh_ms": refresh, "bare_sql_ms": bare_sql,
          "ratio_p95": round(refresh["p95"] / max(bare_sql["p95"], 0.01), 2),
          "today_ms": today, "target_p95_ms": 50, "met": refresh["p95"] <= 50})


if __name__ == "__main__":
    main()
