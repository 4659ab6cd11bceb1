"""Sync benchmark: propagation desk A -> desk B with pokes, push throughput against a bare
SQLAlchemy insert loop into the same PostgreSQL, and the initial sync of a desk.

    python -m bench.sync [--edits 200] [--tickets 2000] [--pg postgresql://postgres@127.0.0.1/test]

Starts a real server (uvicorn, in this process) on a fresh database; desks are real SQLite
files talking real HTTP. Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import requests
from sqlalchemy import Column, Engine, Integer, MetaData, String, Table, insert
from sqlalchemy.dialects.postgresql import JSONB

from app.demo.accounts import DEMO_AGENT
from app.domain.clock import ManualClock, SystemClock
from app.domain.roles import Role
from app.paths import DataDir
from app.server.accounts import create_user
from app.server.schema import server_engine, upgrade
from app.server.seeding import import_folder
from app.services.data_folder import prepare, seed
from app.store.database import Store
from app.store.models import RequesterRow, TicketRow
from app.sync.client import ServerClient
from app.sync.outbox import OutboxWriter
from app.sync.runner import SyncRunner
from app.sync.syncer import Syncer, SyncReport
from app.sync.tokens import MemoryVault
from bench.common import emit, summary

PASSWORD = "bench password 1"
# Two of the demo desk's agents: each desk signs in as a seat with a staff member, as real
# desks do, so the server's authorship checks are part of what is measured.
SEATS = (DEMO_AGENT, "seat011")


def _fresh_database(admin_url: str, name: str) -> str:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name


def server_with_desk(admin_url: str, name: str, folder: Path, tickets: int | None,
                     accounts: dict[str, Role]) -> tuple[str, Engine, ManualClock, int]:
    """A fresh, migrated server database ``name`` holding a seeded desk made in ``folder``
    (as `seatdesk-server import-desk` imports one) and ``accounts`` (login: role, each
    with ``PASSWORD``): its URL, engine, the clock it was made with and the rows imported."""
    url = _fresh_database(admin_url, name)
    engine = server_engine(url)
    upgrade(engine)
    desk = DataDir(folder)
    desk.root.mkdir()
    clock = ManualClock(SystemClock().now())
    prepare(desk, clock)
    seed(desk, clock, tickets)
    rows = import_folder(engine, desk, clock)
    with engine.begin() as conn:
        for login, role in accounts.items():
            create_user(conn, clock, login, login, role, PASSWORD)
    return url, engine, clock, rows


def _desk(root: Path, url: str, login: str) -> tuple[Store, Syncer, ManualClock]:
    data = DataDir(root)
    root.mkdir()
    clock = ManualClock(SystemClock().now())
    prepare(data, clock)
    store = Store(data.database)
    OutboxWriter(store, clock)
    client = ServerClient(url, MemoryVault())
    client.sign_in(login, PASSWORD)
    return store, Syncer(store, client, clock), clock


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--pushes", type=int, default=1000)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="seatdesk-sync-bench-"))
    url, engine, _clock, rows = server_with_desk(
        args.pg, "seatdesk_bench_sync", work / "demo", args.tickets,
        dict.fromkeys(SEATS, Role.AGENT))
    server = _ServerProcess(url)

    store_a, sync_a, clock_a = _desk(work / "a", server.url, SEATS[0])
    started = time.perf_counter()
    sync_a.sync_once()
    initial_s = time.perf_counter() - started
    store_b, sync_b, _ = _desk(work / "b", server.url, SEATS[1])
    sync_b.sync_once()
    print(f"initial sync of {args.tickets} tickets ({rows} rows): {initial_s:.1f} s")

    with store_a.unit_of_work() as session:
        requesters = [r.id for r in session.query(RequesterRow).limit(args.edits)]
    latencies = _propagation(store_a, sync_a, store_b, sync_b, requesters)
    propagation = summary(latencies)
    print(f"propagation A->B over {len(latencies)} edits: p50 {propagation['p50']:.0f} ms, "
          f"p95 {propagation['p95']:.0f} ms")

    push_rate, bare_rate = _throughput(store_a, sync_a, engine, args.pushes)
    server.stop()
    emit({"tickets": args.tickets, "initial_sync_s": round(initial_s, 2),
          "propagation_p50_ms": round(propagation["p50"], 1),
          "propagation_p95_ms": round(propagation["p95"], 1),
          "push_per_s": round(push_rate), "bare_insert_per_s": round(bare_rate),
          "ratio_vs_bare": round(push_rate / bare_rate, 2)})


class _ServerProcess:
    """``seatdesk-server serve`` in its own process, as in production: the desks of this
    benchmark do not share its interpreter (or its GIL)."""

    def __init__(self, db_url: str) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self._process = subprocess.Popen(
            [sys.executable, "-m", "app.server.cli", "--db", db_url, "serve", "--port",
             str(port)], stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while True:
            try:
                if requests.get(self.url + "/v1/health", timeout=1).ok:
                    return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline or self._process.poll() is not None:
                raise RuntimeError("the sync server did not start")
            time.sleep(0.1)

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(10)


def _propagation(store_a: Store, sync_a: Syncer, store_b: Store, sync_b: Syncer,
                 requesters: list[str]) -> list[float]:
    """Edit on desk A, wait until desk B holds the value (pokes, no periodic round)."""
    arrived: dict[str, float] = {}

    def heard(report: SyncReport) -> None:
        now = time.perf_counter()
        for key in list(waiting):
            if _phone(store_b, key) == waiting[key]:
                arrived[key] = now
                del waiting[key]

    waiting: dict[str, str] = {}
    runner_a = SyncRunner(sync_a, lambda *_: None, lambda _r: None, seed=1)
    runner_b = SyncRunner(sync_b, lambda *_: None, heard, seed=2)
    runner_a.start()
    runner_b.start()
    time.sleep(1.0)
    latencies = []
    for i, requester in enumerate(requesters):
        phone = f"139{i:08d}"
        waiting[requester] = phone
        sent = time.perf_counter()
        with store_a.unit_of_work() as session:
            row = session.get(RequesterRow, requester)
            assert row is not None
            row.phone = phone
        runner_a.wake()
        deadline = sent + 10
        while requester not in arrived and time.perf_counter() < deadline:
            time.sleep(0.002)
        latencies.append(((arrived.get(requester) or time.perf_counter()) - sent) * 1000)
    runner_a.stop()
    runner_b.stop()
    return latencies


def _throughput(store_a: Store, sync_a: Syncer, engine: Engine,
                count: int) -> tuple[float, float]:
    """``count`` queued ticket edits pushed in batches vs a bare insert loop of as many rows
    into the same PostgreSQL (one transaction, one INSERT per row)."""
    with store_a.unit_of_work() as session:
        tickets = list(session.query(TicketRow).order_by(TicketRow.id).limit(count))
        for i, ticket in enumerate(tickets):
            ticket.level_reason = f"bench {i}"
    started = time.perf_counter()
    report = SyncReport()
    sync_a.push(report)
    push_rate = report.pushed / (time.perf_counter() - started)
    bare = Table("bench_bare", MetaData(), Column("id", Integer, primary_key=True),
                 Column("key", String(120)), Column("data", JSONB))
    bare.metadata.drop_all(engine)
    bare.metadata.create_all(engine)
    started = time.perf_counter()
    with engine.begin() as conn:
        for ticket in tickets:
            conn.execute(insert(bare).values(key=ticket.id, data={"level_reason": "bare"}))
    bare_rate = len(tickets) / (time.perf_counter() - started)
    print(f"push: {push_rate:.0f} mutations/s; bare insert loop: {bare_rate:.0f} rows/s")
    return push_rate, bare_rate


def _phone(store: Store, requester: str) -> str | None:
    with store.unit_of_work() as session:
        row = session.get(RequesterRow, requester)
        return None if row is None else row.phone


if __name__ == "__main__":
    main()
