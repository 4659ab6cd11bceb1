"""Phone targets benchmark (issue 19): a late answer → raised on a supervisor's desk, and
the month's phone report.

    python -m bench.phone [--calls 100] [--month-calls 20000] [--pg postgresql://…/test]

Starts ``seatdesk-server serve`` in its own process on a fresh database. A PBX source whose
ring is 1 ms long makes every answer late (any answer takes more than 3 rings), so each
call is a missed answer target. Per call: the PBX posts ringing and answered (the answered
post writes the call's record; the ringing post writes none: their ratio is the record's
cost); then the supervisor's desk pulls until the record is there and raises the miss -
against a bare pull with nothing new, measured in the same loop. Then ``--month-calls``
calls are written into a desk's SQLite over one month, and the month's phone report (per
seat and per day) is timed against a bare read of the same rows (the SQL alone, fetched).
Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

from app.domain.clock import ManualClock, SystemClock
from app.domain.roles import Role
from app.paths import DataDir
from app.reports.period import Period
from app.reports.phone import phone_report
from app.services.data_folder import prepare
from app.sla.calls import CallMiss, raise_call_misses
from app.store.database import Store
from app.sync.client import ServerClient
from app.sync.outbox import OutboxWriter
from app.sync.syncer import Syncer
from app.sync.tokens import MemoryVault
from bench.common import emit, summary
from bench.sync import PASSWORD, _ServerProcess, server_with_desk

MONTH = Period.month(2026, 12)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--month-calls", type=int, default=20_000)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="seatdesk-phone-bench-"))
    url, engine, _clock, _rows = server_with_desk(
        args.pg, "seatdesk_bench_phone", work / "catalog", None,
        {"admin": Role.ADMIN, "seat": Role.AGENT, "boss": Role.SUPERVISOR})
    server = _ServerProcess(url)
    try:
        late = _late_answers(server.url, work, args.calls)
    finally:
        server.stop()
        engine.dispose()
    report = _month_report(work, args.month_calls)
    print(f"late answer → raised on the supervisor's desk over {args.calls} calls: p50 "
          f"{late['raised_p50_ms']} ms, p95 {late['raised_p95_ms']} ms (a bare pull p95 "
          f"{late['bare_pull_p95_ms']} ms); answered post p95 {late['answered_p95_ms']} ms "
          f"against ringing p95 {late['ringing_p95_ms']} ms")
    print(f"phone report of {args.month_calls} calls: p50 {report['report_p50_ms']} ms, "
          f"p95 {report['report_p95_ms']} ms; bare read p95 {report['bare_read_p95_ms']} ms")
    emit({**late, **report, "calls": args.calls, "month_calls": args.month_calls})


def _signed_in(url: str, login: str) -> ServerClient:
    client = ServerClient(url, MemoryVault())
    client.sign_in(login, PASSWORD)
    return client


def _late_answers(url: str, work: Path, calls: int) -> dict[str, float]:
    admin = _signed_in(url, "admin")
    token = str(admin.call("POST", "/v1/alerts/sources", json={
        "name": "pbx", "kind": "pbx", "ring_seconds": 0.001})["token"])
    _signed_in(url, "seat").call("PUT", "/v1/me/extension", json={"extension": "8001"})
    data = DataDir(work / "boss")
    data.root.mkdir()
    desk_clock = ManualClock(SystemClock().now())
    prepare(data, desk_clock)
    store = Store(data.database)
    OutboxWriter(store, desk_clock)
    syncer = Syncer(store, _signed_in(url, "boss"), desk_clock)
    syncer.sync_once()
    reader = sqlite3.connect(data.database)
    http = requests.Session()
    headers = {"Authorization": f"Bearer {token}"}
    ringing: list[float] = []
    answered: list[float] = []
    raised: list[float] = []
    bare: list[float] = []
    for number in range(calls):
        call_id = f"bench-{number}"
        started = time.perf_counter()
        syncer.sync_once()  # nothing new: the bare pull
        bare.append((time.perf_counter() - started) * 1000)
        for event, times in (("ringing", ringing), ("answered", answered)):
            started = time.perf_counter()
            http.post(url + "/v1/calls/events", timeout=10, headers=headers, json={
                "call_id": call_id, "event": event, "caller": "13800000001",
                "extension": "8001"}).raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        desk_clock.set(SystemClock().now())
        missed: list[CallMiss] = []
        while not missed:
            syncer.sync_once()
            missed = raise_call_misses(store, reader, desk_clock)
        raised.append((time.perf_counter() - started) * 1000)
        assert [m.call.call_id for m in missed] == [call_id]
    reader.close()
    store.close()
    figures = {"raised": summary(raised), "bare_pull": summary(bare),
               "answered": summary(answered), "ringing": summary(ringing)}
    result = {f"{name}_{stat}_ms": value for name, stats in figures.items()
              for stat, value in stats.items() if stat != "min"}
    result["raised_ratio_vs_bare_pull"] = round(
        figures["raised"]["p95"] / figures["bare_pull"]["p95"], 2)
    result["answered_ratio_vs_ringing"] = round(
        figures["answered"]["p95"] / figures["ringing"]["p95"], 2)
    return result


def _month_report(work: Path, count: int) -> dict[str, float]:
    data = DataDir(work / "month")
    data.root.mkdir()
    clock = ManualClock(datetime(2027, 1, 2, tzinfo=UTC))
    prepare(data, clock)
    start = MONTH.start
    step = (MONTH.end - start) / count
    with closing(sqlite3.connect(data.database)) as conn, conn:
        conn.executemany(
            "INSERT INTO phone_calls (id, call_id, extension, caller, seat_id, ringing_at, "
            "answered_at, ended_at, ring_ms, outcome, ticket_id) VALUES (?, ?, ?, ?, NULL, ?, "
            "?, ?, 5000, ?, NULL)",
            [_call_row(i, start + step * i) for i in range(count)])
    report, bare = [], []
    with closing(sqlite3.connect(data.database)) as conn:
        for _ in range(10):
            started = time.perf_counter()
            conn.execute("SELECT * FROM phone_calls WHERE ringing_at >= ? AND "
                         "ringing_at < ?", MONTH.bounds()).fetchall()
            bare.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            figures = phone_report(conn, MONTH, clock.now())
            report.append((time.perf_counter() - started) * 1000)
    assert figures.totals.calls == count
    ours, base = summary(report), summary(bare)
    return {"report_p50_ms": ours["p50"], "report_p95_ms": ours["p95"],
            "bare_read_p95_ms": base["p95"],
            "report_ratio_vs_bare_read": round(ours["p95"] / base["p95"], 2)}


def _call_row(i: int, rang: datetime) -> tuple[object, ...]:
    """Call ``i``: every tenth missed, the others answered after 2 to 24 s."""
    text = rang.strftime("%Y-%m-%d %H:%M:%S.%f")
    if i % 10 == 9:
        return (f"m{i}", f"c{i}", f"80{i % 20:02d}", "13800000001", text, None,
                (rang + timedelta(seconds=30)).strftime("%Y-%m-%d %H:%M:%S.%f"), "missed")
    answered = rang + timedelta(seconds=2 + i % 23)
    return (f"m{i}", f"c{i}", f"80{i % 20:02d}", "13800000001", text,
            answered.strftime("%Y-%m-%d %H:%M:%S.%f"), None, "answered")


if __name__ == "__main__":
    main()
