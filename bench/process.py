"""The handling process on a large desk (issue 16), each figure beside a bare baseline
measured in the same run:

- *banner*: the emergency banner's read (``app.process.emergencies.emergencies``, every desk,
  after every change), against its SQL run bare;
- *review queue*: the Reviews page's read, the newest 500 level-3 results of the last 30
  days waiting for review and the count of all of them, against its SQL run bare;
- *plan save*: a level-2 handling plan of three steps saved through ``Process.save_plan``
  (plan, steps, timeline entry, version check), against the desk's plainest write, an
  internal note through ``TicketFlow.note``;
- *confirm*: the requester's confirmation of a verified level-2 result (the verification is
  looked up first), against the same confirmation of a level-3 result (no look-up).

Works on a copy of the demo desk (the desk itself stays as other benchmarks expect it).

    python -m bench.process [--tickets 100000] [--repeat 40] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from app.domain.clock import SystemClock
from app.domain.enums import Channel, Level, Rating, SatisfactionMethod
from app.domain.grading import GradingWeights
from app.identity.seat import SignedIn, staff_of
from app.paths import DataDir
from app.process import emergencies, reading
from app.process.service import Process, StepDraft
from app.services.data_folder import prepare
from app.services.intake import Intake, TicketDraft
from app.services.ticket_flow import NoteKind, TicketFlow
from app.store.database import Store
from app.store.reading import read_connection
from bench.common import emit, summary
from bench.startup import ensure_demo


def ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def ratio(figure: dict[str, float], bare: dict[str, float], key: str = "p95") -> float:
    return round(figure[key] / bare[key], 2) if bare[key] else 0.0


def time_reads(reader: sqlite3.Connection, since: datetime, repeat: int
               ) -> tuple[list[float], list[float], list[float], list[float]]:
    """The banner's and the Reviews page's reads, each beside its SQL run bare, in turns."""
    banner: list[float] = []
    banner_bare: list[float] = []
    queue: list[float] = []
    queue_bare: list[float] = []
    # The very statements, run bare.
    queue_sql, count_sql = reading._QUEUE, reading._COUNT  # noqa: SLF001
    bare_since = reading._sqlite(since)  # noqa: SLF001
    params = {"since": bare_since, "percent": 100, "limit": 500, "cap": 1001}

    def page() -> None:
        reading.review_queue(reader, since, 100)
        reading.waiting_reviews(reader, since, 100)

    def page_bare() -> None:
        reader.execute(queue_sql, params).fetchall()
        reader.execute(count_sql, params).fetchall()

    for turn in range(repeat):
        pairs = [(banner, lambda: emergencies.emergencies(reader)),
                 (banner_bare, lambda: reader.execute(emergencies._EMERGENCIES).fetchall()),  # noqa: SLF001
                 (queue, page), (queue_bare, page_bare)]
        for sample, action in (pairs if turn % 2 else pairs[::-1]):
            sample.append(ms(action))
    return banner, banner_bare, queue, queue_bare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/seatdesk-bench-100000"))
    parser.add_argument("--work-dir", type=Path, default=Path("/tmp/seatdesk-bench-process"))
    args = parser.parse_args()
    ensure_demo(args.data_dir, args.tickets)
    if args.work_dir.exists():
        shutil.rmtree(args.work_dir)
    args.work_dir.mkdir(parents=True)
    with sqlite3.connect(args.data_dir / "seatdesk.sqlite3") as source, \
            sqlite3.connect(args.work_dir / "seatdesk.sqlite3") as copy:
        source.backup(copy)
    data, clock = DataDir(args.work_dir), SystemClock()
    prepare(data, clock)  # the demo may predate this schema: migrate the copy
    with sqlite3.connect(data.database) as conn:
        # A demo desk migrated by a build of schema 0009 from before the review queue's
        # index (same revision, so not migrated again) gets it here.
        conn.execute("CREATE INDEX IF NOT EXISTS ix_tickets_level_resolved "
                     "ON tickets (level, resolved_at)")
    reader = read_connection(data.database)
    store = Store(data.database)
    lead = staff_of(reader, "seat004", "technical_lead")
    assert isinstance(lead, SignedIn) and lead.staff_id is not None
    store.author_id = lead.staff_id
    requester, type_id, category = (reader.execute(sql).fetchone()[0] for sql in (
        "SELECT id FROM requesters LIMIT 1", "SELECT id FROM ticket_types LIMIT 1",
        "SELECT id FROM categories LIMIT 1"))
    intake = Intake(store, clock, GradingWeights(), lead.staff_id)
    flow = TicketFlow(store, clock, lead.staff_id)
    process = Process(store, clock, lead)

    def log(level: Level) -> str:
        return intake.log(TicketDraft("基准测试工单", "", requester, Channel.PHONE, type_id,
                                      category, Rating.LOW, Rating.LOW, Rating.LOW, level,
                                      "基准测试")).id

    def resolved(level: Level) -> tuple[str, int]:
        ticket = log(level)
        return ticket, flow.resolve(ticket, flow.take(ticket, 1), solution="已处理")

    since = clock.now() - timedelta(days=30)
    banner, banner_bare, queue, queue_bare = time_reads(reader, since, args.repeat)
    steps = [StepDraft("收集告警与日志", lead.staff_id, clock.now() + timedelta(hours=1)),
             StepDraft("实施处置方案", lead.staff_id, clock.now() + timedelta(hours=2)),
             StepDraft("验证恢复并通报", lead.staff_id, clock.now() + timedelta(hours=4))]
    saves, notes, confirms, confirms_bare = [], [], [], []
    for _turn in range(args.repeat):
        ticket = log(Level.TWO)
        saves.append(ms(lambda t=ticket: process.save_plan(t, 1, "先恢复业务", steps)))
        notes.append(ms(lambda t=ticket: flow.note(t, NoteKind.INTERNAL, "基准测试备注")))
        ticket, version = resolved(Level.TWO)
        version = process.verify(ticket, version, approved=True)
        confirms.append(ms(lambda t=ticket, v=version: flow.confirm(
            t, v, score=5, method=SatisfactionMethod.CALL_BACK)))
        ticket, version = resolved(Level.THREE)
        confirms_bare.append(ms(lambda t=ticket, v=version: flow.confirm(
            t, v, score=5, method=SatisfactionMethod.CALL_BACK)))
    waiting = reading.waiting_reviews(reader, since, 100)
    figures = {"banner_ms": summary(banner, 3), "banner_bare_ms": summary(banner_bare, 3),
               "review_queue_ms": summary(queue, 2),
               "review_queue_bare_ms": summary(queue_bare, 2), "waiting_reviews": waiting,
               "plan_save_ms": summary(saves, 2), "note_ms": summary(notes, 2),
               "confirm_verified_ms": summary(confirms, 2),
               "confirm_level3_ms": summary(confirms_bare, 2)}
    figures["ratios_p95"] = {
        # Tens of microseconds: one scheduling hiccup is the p95, so the medians.
        "banner_vs_bare_p50": ratio(figures["banner_ms"], figures["banner_bare_ms"],  # type: ignore[arg-type]
                                    "p50"),
        "review_queue_vs_bare": ratio(figures["review_queue_ms"],  # type: ignore[arg-type]
                                      figures["review_queue_bare_ms"]),  # type: ignore[arg-type]
        "plan_save_vs_note": ratio(figures["plan_save_ms"], figures["note_ms"]),  # type: ignore[arg-type]
        "confirm_verified_vs_level3": ratio(figures["confirm_verified_ms"],  # type: ignore[arg-type]
                                            figures["confirm_level3_ms"])}  # type: ignore[arg-type]
    for name, value in figures.items():
        print(f"{name}: {value}")
    store.close()
    reader.close()
    emit({"benchmark": "process", "tickets": args.tickets, **figures})


if __name__ == "__main__":
    main()
