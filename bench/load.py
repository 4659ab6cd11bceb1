"""Many desks on one server (issue 23): N simulated desks against a real server and
PostgreSQL, writing at a given rate in total for a bounded time, then idle.

    python -m bench.load [--desks 100] [--rate 5] [--seconds 30] [--idle 60] [--workers 2]
                         [--modes feed,poke,bare] [--processes 4]

Desks are thin clients speaking the real protocol through the desk's own ``ServerClient``
(no SQLite copy), spread over ``--processes`` processes, each desk shaped like the desk's
``SyncRunner``: a round thread (pushes, pulls, the periodic round) and a listening thread.

- ``feed``: this code - the change feed (``/v1/stream``) carrying the rows; a write only
  pushes; the periodic round every ``STREAM_PERIOD`` s.
- ``poke``: the desks before it - a long-poll, and on "changed" a round (push + pull) while
  the poke thread asks again at once; the periodic round every ``PERIOD`` s.
- ``bare``: the baseline in the same run - the same thin desks on a bare server-sent-event
  fan-out (one process, no database, no authentication): what HTTP and SSE alone cost.

Each write sets a requester's phone to "<desk>:<time>"; every other desk records when the
row reached it (propagation; two writes to one row close together arrive as its latest
state, so "delivered" can be below writes × other desks). The server's requests are
counted at the desks; CPU is the server's processes' (and PostgreSQL's) over the phase.
Ends with one JSON line; the ratio is the bare fan-out's propagation p95 over the
feed's (1.0: the feed adds nothing).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import queue
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
import requests

from bench.common import emit, percentile

PASSWORD = "bench password 1"
ACCOUNTS = [f"load{i:02d}" for i in range(1, 11)]


@dataclass
class Plan:
    """What one desk process does (picklable: it crosses to a spawned process)."""

    url: str
    mode: str
    desks: list[int]  # global indexes of this process's desks
    requesters: dict[str, int]  # the requesters this process writes, with their versions
    rate: float  # this process's writes per second
    stream_period: float
    poke_period: float


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    requests: Counter[str] = field(default_factory=Counter)  # "phase/kind"
    writes: int = 0
    rejected: int = 0  # mutations the server refused (none expected: one writer a row)
    errors: int = 0


# -- the desks ------------------------------------------------------------------------------

class _Phase:
    """The phase a request falls in, from the times the parent sends."""

    def __init__(self) -> None:
        self.times: tuple[float, float, float] = (float("inf"),) * 3

    def now(self) -> str:
        moment = time.time()
        start, writes_end, idle_end = self.times
        if moment < start:
            return "setup"
        if moment < writes_end:
            return "writes"
        return "idle" if moment < idle_end else "after"


class _ThinDesk:
    def __init__(self, index: int, plan: Plan, phase: _Phase, result: Result,
                 lock: threading.Lock, stop: threading.Event) -> None:
        from app.sync.client import ServerClient
        from app.sync.tokens import MemoryVault

        self.index, self.plan, self.phase, self.result = index, plan, phase, result
        self._lock, self._stop = lock, stop
        self.desk_id = f"load-desk-{index}"
        self.cursor = 0
        self.cursor_lock = threading.Lock()
        self.pending: list[tuple[str, int, str]] = []  # (requester, base version, phone)
        self.wake = threading.Event()
        self.pull_next = False  # the process pulls every desk before it starts
        self.mutation_id = 0
        self.rounds_done = threading.Condition()
        self.done = 0
        self.client = ServerClient(plan.url, MemoryVault())
        if plan.mode != "bare":
            self.client.sign_in(ACCOUNTS[index % len(ACCOUNTS)], PASSWORD)
        self.http = requests.Session()

    def count(self, kind: str) -> None:
        with self._lock:
            self.result.requests[f"{self.phase.now()}/{kind}"] += 1

    def heard(self, changes: list[Any]) -> None:
        moment = time.time()
        found = []
        for change in changes:
            if change.entity != "requesters":
                continue
            sender, _, sent = str(change.data.get("phone", "")).partition(":")
            if sent and sender != str(self.index):
                found.append((moment - float(sent)) * 1000)
        if found:
            with self._lock:
                self.result.latencies.extend(found)

    # the round thread, as SyncRunner._rounds
    def rounds(self) -> None:
        period = self.plan.stream_period if self.plan.mode == "feed" else self.plan.poke_period
        next_periodic = time.monotonic() + random.uniform(0, period)
        while not self._stop.is_set():
            woke = self.wake.wait(max(0.0, next_periodic - time.monotonic()))
            self.wake.clear()
            if not woke:
                next_periodic = time.monotonic() + period
                self.pull_next = True
            try:
                self.push()
                if self.pull_next or self.plan.mode == "poke":
                    self.pull_next = False
                    self.pull()
            except Exception:  # noqa: BLE001 - counted; the desk carries on
                self.failed()
            with self.rounds_done:
                self.done += 1
                self.rounds_done.notify_all()

    def push(self) -> None:
        from app.sync.protocol import Mutation

        with self._lock:
            pending, self.pending = self.pending, []
        if not pending:
            return
        mutations = []
        for requester, base, phone in pending:
            self.mutation_id += 1
            mutations.append(Mutation(self.mutation_id, "requesters", requester, "put",
                                      {"phone": phone}, base))
        self.count("push")
        refused = sum(r.status == "rejected" for r in self.client.push(self.desk_id, mutations))
        if refused:
            with self._lock:
                self.result.rejected += refused

    def pull(self) -> None:
        with self.cursor_lock:
            while True:
                self.count("pull")
                page = self.client.pull(self.cursor)
                self.heard(page.changes)
                self.cursor = page.cursor
                if not page.more:
                    return

    # the listening thread: the feed, the old long-poll, or the bare fan-out
    def listen(self) -> None:
        from app.sync.client import Offline, Refused

        while not self._stop.is_set():
            try:
                if self.plan.mode == "feed":
                    self._follow_feed()
                elif self.plan.mode == "poke":
                    self._poke()
                else:
                    self._bare()
            except (Offline, Refused, requests.RequestException):
                self.failed()

    def failed(self) -> None:
        if not self._stop.is_set():  # hanging up at the end is no error
            with self._lock:
                self.result.errors += 1
        self._stop.wait(1.0)

    def _follow_feed(self) -> None:
        self.count("stream")
        for event in self.client.stream(self.cursor):
            if self._stop.is_set():
                return
            if event.alive:
                continue
            with self.cursor_lock:
                if event.page is not None and event.page.after == self.cursor:
                    self.heard(event.page.page.changes)
                    self.cursor = event.page.page.cursor
                    if not event.page.page.more:
                        continue
                elif event.cursor <= self.cursor:
                    continue
            self.pull_next = True
            self.wake.set()

    def _poke(self) -> None:
        # As the desks before the feed did: a "changed" wakes the round, and the next poke
        # goes out at once, from the cursor the round has not moved yet.
        self.count("poke")
        if self.client.poke(self.cursor):
            self.wake.set()

    def _bare(self) -> None:
        self.count("stream")
        with self.http.get(f"{self.plan.url}/s", stream=True, timeout=30) as answer:
            for line in answer.iter_lines(chunk_size=None):  # type: ignore[call-overload]
                if self._stop.is_set():
                    return
                if line.startswith(b"data: "):
                    sender, _, sent = line[6:].decode().partition(":")
                    if sender != str(self.index):
                        with self._lock:
                            self.result.latencies.append((time.time() - float(sent)) * 1000)

    def write(self, requester: str, base: int) -> None:
        phone = f"{self.index}:{time.time():.6f}"
        if self.plan.mode == "bare":
            self.count("push")
            self.http.post(f"{self.plan.url}/w", data=phone.encode(), timeout=10)
            return
        with self._lock:
            self.pending.append((requester, base, phone))
        self.wake.set()


def desk_process(plan: Plan, ready: Any, times: Any, results: Any) -> None:
    """One process of desks: sign in, listen, write at the plan's rate, report."""
    phase, result, lock, stop = _Phase(), Result(), threading.Lock(), threading.Event()
    desks = [_ThinDesk(i, plan, phase, result, lock, stop) for i in plan.desks]
    threads = []
    for desk in desks:
        if plan.mode != "bare":
            desk.pull()  # catch up first, as a desk joining does
        # The bare fan-out has no rounds: nothing to push or pull there.
        for target in (desk.listen,) if plan.mode == "bare" else (desk.rounds, desk.listen):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            threads.append(thread)
    ready.put(len(desks))
    phase.times = times.get()
    versions = dict(plan.requesters)
    keys = sorted(versions)
    # Each requester is written by one desk: its pushes reach the server in the order of
    # their base versions (two desks' could cross and the later base be refused).
    owner = {key: desks[i % len(desks)] for i, key in enumerate(keys)}
    time.sleep(max(0.0, phase.times[0] - time.time()))
    gap = 1.0 / plan.rate if plan.rate > 0 else float("inf")
    moment = time.time()
    while moment < phase.times[1] and keys:
        requester = random.choice(keys)
        owner[requester].write(requester, versions[requester])
        versions[requester] += 1  # each write lands on the server's row (one writer each)
        result.writes += 1
        moment += random.expovariate(1.0 / gap)  # Poisson arrivals: bursts happen
        time.sleep(max(0.0, moment - time.time()))
    time.sleep(max(0.0, phase.times[2] - time.time()))
    stop.set()
    for desk in desks:
        desk.wake.set()
        desk.client.hang_up()
    results.put(result)


# -- the servers ----------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen[bytes], path: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if requests.get(url + path, timeout=1).ok:
                return
        except requests.RequestException:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            raise RuntimeError("the server did not start")
        time.sleep(0.1)


def _sync_server(db_url: str, workers: int) -> tuple[str, subprocess.Popen[bytes]]:
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "app.server.cli", "--db", db_url,
                                "serve", "--port", str(port), "--workers", str(workers)],
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    _wait_healthy(url, process, "/v1/health")
    return url, process


def _bare_server() -> tuple[str, subprocess.Popen[bytes]]:
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "bench.load_bare", str(port)],
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    _wait_healthy(url, process, "/health")
    return url, process


def _cpu(processes: list[psutil.Process]) -> dict[int, float]:
    found = {}
    for process in processes:
        try:
            times = process.cpu_times()
            found[process.pid] = times.user + times.system
        except psutil.Error:
            pass
    return found


def _cpu_since(before: dict[int, float], processes: list[psutil.Process]) -> float:
    """CPU seconds since ``before`` of the processes alive now (a process that ended in
    between is not counted: PostgreSQL's figure is a lower bound)."""
    return sum(max(0.0, seconds - before.get(pid, 0.0))
               for pid, seconds in _cpu(processes).items())


def _cpu_seconds(processes: list[psutil.Process]) -> float:
    return sum(_cpu(processes).values())


def _postgres() -> list[psutil.Process]:
    return [p for p in psutil.process_iter(["name"]) if p.info["name"] == "postgres"]


# -- one run --------------------------------------------------------------------------------

def _database(admin_url: str, tickets: int) -> tuple[str, dict[str, int]]:
    """A fresh server database with a small demo desk, the load accounts, and the
    requesters' versions (each write names the version it changes)."""
    from app.domain.roles import Role
    from bench.sync import server_with_desk

    url, engine, _clock, _rows = server_with_desk(
        admin_url, "seatdesk_bench_load",
        Path(tempfile.mkdtemp(prefix="seatdesk-load-bench-")) / "demo", tickets,
        dict.fromkeys(ACCOUNTS, Role.AGENT))
    with engine.begin() as conn:
        from sqlalchemy import text
        versions = {str(key): int(version) for key, version in conn.execute(text(
            "SELECT key, version FROM sync_rows WHERE entity = 'requesters' AND NOT deleted"))}
    engine.dispose()
    return url, versions


def _collect(results: Any, processes: list[Any]) -> Result:
    merged = Result()
    for _ in processes:
        try:
            part = results.get(timeout=120)
        except queue.Empty:
            continue
        merged.latencies += part.latencies
        merged.requests.update(part.requests)
        merged.writes += part.writes
        merged.rejected += part.rejected
        merged.errors += part.errors
    for process in processes:
        process.join(30)
    return merged


def run(mode: str, args: argparse.Namespace, db_url: str,
        versions: dict[str, int]) -> dict[str, Any]:
    from app.sync.runner import PERIOD, STREAM_PERIOD

    if mode == "bare":
        url, server = _bare_server()
    else:
        url, server = _sync_server(db_url, args.workers)
    server_processes = [psutil.Process(server.pid)]
    server_processes += server_processes[0].children(recursive=True)
    postgres = _postgres()
    context = multiprocessing.get_context("spawn")
    ready, results = context.Queue(), context.Queue()
    keys = sorted(versions)
    plans, times_queues, processes = [], [], []
    for p in range(args.processes):
        plan = Plan(url, mode, list(range(p, args.desks, args.processes)),
                    {k: versions[k] for k in keys[p::args.processes]},
                    args.rate / args.processes, STREAM_PERIOD, PERIOD)
        times = context.Queue()
        process = context.Process(target=desk_process, args=(plan, ready, times, results))
        process.start()
        plans.append(plan)
        times_queues.append(times)
        processes.append(process)
    for _ in processes:
        ready.get(timeout=300)
    start = time.time() + 2.0
    phases = (start, start + args.seconds, start + args.seconds + args.idle)
    for times in times_queues:
        times.put(phases)
    time.sleep(max(0.0, start - time.time()))
    cpu_server, db_before = _cpu_seconds(server_processes), _cpu(postgres)
    time.sleep(args.seconds)
    cpu_server = _cpu_seconds(server_processes) - cpu_server
    cpu_db = _cpu_since(db_before, _postgres())
    idle_cpu = _cpu_seconds(server_processes)
    time.sleep(args.idle)
    idle_cpu = _cpu_seconds(server_processes) - idle_cpu
    merged = _collect(results, processes)
    server.terminate()
    server.wait(20)
    cores = psutil.cpu_count() or 1
    writes_requests = sum(n for k, n in merged.requests.items() if k.startswith("writes/"))
    idle_requests = sum(n for k, n in merged.requests.items() if k.startswith("idle/"))
    expected = merged.writes * (args.desks - 1)
    lat = merged.latencies or [float("nan")]
    figures = {
        "mode": mode, "desks": args.desks, "writes": merged.writes,
        "writes_per_s": round(merged.writes / args.seconds, 2),
        "p50_ms": round(percentile(lat, 0.50), 1), "p95_ms": round(percentile(lat, 0.95), 1),
        "p99_ms": round(percentile(lat, 0.99), 1),
        "delivered": f"{len(merged.latencies)}/{expected}",
        "server_requests_per_s": round(writes_requests / args.seconds, 1),
        "server_cpu_pct": round(100 * cpu_server / args.seconds / cores, 1),
        "db_cpu_pct": round(100 * cpu_db / args.seconds / cores, 1),
        "idle_requests_per_s": round(idle_requests / args.idle, 2),
        "idle_requests_per_desk_s": round(idle_requests / args.idle / args.desks, 4),
        "idle_server_cpu_pct": round(100 * idle_cpu / args.idle / cores, 1),
        "errors": merged.errors, "rejected": merged.rejected,
        "requests": {k: v for k, v in sorted(merged.requests.items())
                     if not k.startswith(("setup/", "after/"))},
    }
    print(f"{mode}: {args.desks} desks, {figures['writes_per_s']} writes/s: propagation "
          f"p50/p95/p99 {figures['p50_ms']}/{figures['p95_ms']}/{figures['p99_ms']} ms "
          f"({figures['delivered']} delivered); server {figures['server_requests_per_s']} "
          f"req/s, CPU {figures['server_cpu_pct']} % (PostgreSQL {figures['db_cpu_pct']} %) "
          f"of {cores} cores; idle {figures['idle_requests_per_s']} req/s "
          f"({figures['idle_requests_per_desk_s']} per desk), CPU "
          f"{figures['idle_server_cpu_pct']} %; errors {merged.errors}, rejected "
          f"{merged.rejected}", flush=True)
    print(f"  requests: {figures['requests']}", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--desks", type=int, default=100)
    parser.add_argument("--rate", type=float, default=5.0, help="writes per second in total")
    parser.add_argument("--seconds", type=float, default=30.0, help="of writing")
    parser.add_argument("--idle", type=float, default=60.0, help="seconds idle afterwards")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--processes", type=int, default=4, help="processes of desks")
    parser.add_argument("--tickets", type=int, default=200)
    parser.add_argument("--modes", default="feed,poke,bare")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    os.environ.setdefault("PYTHONPATH", str(Path(__file__).resolve().parents[1]))
    db_url, versions = _database(args.pg, args.tickets)
    figures: dict[str, dict[str, Any]] = {}
    for mode in args.modes.split(","):
        if mode != "bare":  # each protocol on the same fresh rows
            db_url, versions = _database(args.pg, args.tickets)
        figures[mode] = run(mode, args, db_url, versions)
    line: dict[str, Any] = {"desks": args.desks, "rate": args.rate, "workers": args.workers}
    for mode, found in figures.items():
        for name in ("p50_ms", "p95_ms", "p99_ms", "server_requests_per_s", "server_cpu_pct",
                     "idle_requests_per_s", "idle_requests_per_desk_s", "errors",
                     "rejected"):
            line[f"{mode}_{name}"] = found[name]
    if "feed" in figures and "bare" in figures:
        line["ratio_vs_bare"] = round(figures["bare"]["p95_ms"] / figures["feed"]["p95_ms"], 2)
    emit(line)


if __name__ == "__main__":
    main()
