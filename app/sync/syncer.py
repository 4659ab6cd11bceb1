"""One sync round of a desk: push the outbox, then pull until up to date.

Push sends pending mutations in id order, at most ``MAX_PUSH`` a request; the answer is
recorded in one transaction (acknowledged mutations leave the outbox, rejected ones stay
with the server's reason, the server's rows are applied). Pull applies each page and its
cursor in one transaction. If the desk dies between the server's commit and the answer,
the next round sends the same mutations again and the server only acknowledges them.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, update

from app.domain.clock import Clock
from app.store.database import REPLICA, Store
from app.sync import state
from app.sync.apply import apply_changes
from app.sync.client import ServerClient
from app.sync.numbers import SERVER_URL, add_lease, numbers_left
from app.sync.protocol import MAX_PUSH, Mutation, MutationResult
from app.sync.tables import CONFLICT_LOG, OUTBOX, PENDING, REJECTED, ROW_VERSIONS

LEASE_BLOCK = 50
LEASE_LOW = 10  # top up when fewer numbers than this are left


@dataclass
class SyncReport:
    pushed: int = 0
    rejected: int = 0
    pulled: int = 0
    conflicts: int = 0
    ticket_ids: set[str] = field(default_factory=set)
    # Entities whose rows the round wrote locally: the desk re-reads what depends on them
    # (the SLA policy book, the rota, the knowledge base pages).
    entities: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class SyncStatus:
    pending: int
    rejected: int
    conflicts: int


class Syncer:
    def __init__(self, store: Store, client: ServerClient, clock: Clock, *,
                 leases_numbers: bool = True) -> None:
        """``leases_numbers``: keep a block of ticket numbers at hand (a desk that logs
        tickets); the escalation service logs none and would only leave gaps."""
        self._store = store
        self._client = client
        self._clock = clock
        self._leases_numbers = leases_numbers
        self._lock = threading.Lock()  # one round at a time, whoever asks
        with store.unit_of_work() as session:
            self.desk_id = state.desk_id(session.connection(), clock)
            state.write(session.connection(), SERVER_URL, client.base_url)

    @property
    def store(self) -> Store:
        return self._store

    @property
    def client(self) -> ServerClient:
        return self._client

    def sync_once(self) -> SyncReport:
        with self._lock:
            report = SyncReport()
            self.push(report)
            self.pull(report)
            if self._leases_numbers:
                self.top_up_numbers()
            return report

    def discard(self, mutation_id: int) -> None:
        """Drop a rejected mutation on the seat's deliberate decision (never automatically)."""
        with self._store.unit_of_work() as session:
            session.connection().execute(delete(OUTBOX).where(
                OUTBOX.c.id == mutation_id, OUTBOX.c.status == REJECTED))

    def _pending(self, after: int = 0) -> list[Mutation]:
        found = self._read("SELECT id, entity, key, op, patch, base_version FROM sync_outbox "
                           f"WHERE status = '{PENDING}' AND id > {int(after)} "
                           f"ORDER BY id LIMIT {MAX_PUSH}")
        return [Mutation(int(i), str(entity), str(key), op, json.loads(patch), int(base))
                for i, entity, key, op, patch, base in found]

    def push(self, report: SyncReport) -> None:
        """Push the outbox in batches. The next batch goes out as soon as the server has
        answered this one, and the answer is recorded meanwhile: the server takes a desk's
        batches in order and each mutation once, so if recording fails, the next round
        sends both batches again and they are only acknowledged."""
        batch = self._pending()
        if not batch:
            return
        with ThreadPoolExecutor(1, thread_name_prefix="seatdesk-push") as sender:
            answer = sender.submit(self._client.push, self.desk_id, batch)
            while True:
                following = (self._pending(after=batch[-1].id) if len(batch) == MAX_PUSH
                             else [])
                results = answer.result()
                if following:
                    answer = sender.submit(self._client.push, self.desk_id, following)
                self._record(results, report)
                if not following:
                    return
                batch = following

    def _record(self, results: list[MutationResult], report: SyncReport) -> None:
        with self._store.unit_of_work() as session:
            conn = session.connection()
            done = [r.id for r in results if r.status != "rejected"]
            conn.execute(delete(OUTBOX).where(OUTBOX.c.id.in_(done)))
            for result in results:
                if result.status == "rejected":
                    conn.execute(update(OUTBOX).where(OUTBOX.c.id == result.id)
                                 .values(status=REJECTED, reason=result.reason))
                    if result.row is not None:  # show the server's truth again
                        conn.execute(delete(ROW_VERSIONS).where(
                            ROW_VERSIONS.c.entity == result.row.entity,
                            ROW_VERSIONS.c.key == result.row.key))
            applied = apply_changes(conn, [r.row for r in results if r.row is not None])
        report.pushed += len(done)
        report.rejected += len(results) - len(done)
        report.ticket_ids |= applied.ticket_ids
        report.entities |= applied.entities

    def pull(self, report: SyncReport) -> None:
        """Pull until up to date. The next page is fetched while this one is applied, so the
        server and the network work while the desk writes (an initial sync is mostly that)."""
        with ThreadPoolExecutor(1, thread_name_prefix="seatdesk-pull") as fetcher:
            upcoming = fetcher.submit(self._client.pull, self.cursor())
            while True:
                page = upcoming.result()
                if page.reset:
                    # The server is behind this desk (restored from a backup): forget what
                    # was seen and read everything again; the outbox stays and is re-sent.
                    with self._store.unit_of_work() as session:
                        session.connection().execute(delete(ROW_VERSIONS))
                        state.write(session.connection(), state.CURSOR, "0")
                    upcoming = fetcher.submit(self._client.pull, 0)
                    continue
                if page.more:
                    upcoming = fetcher.submit(self._client.pull, page.cursor)
                with self._store.unit_of_work() as session:
                    conn = session.connection(execution_options=REPLICA)
                    applied = apply_changes(conn, page.changes)
                    state.write(conn, state.CURSOR, str(page.cursor))
                report.pulled += applied.rows
                report.conflicts += applied.conflicts
                report.ticket_ids |= applied.ticket_ids
                report.entities |= applied.entities
                if not page.more:
                    return

    def top_up_numbers(self) -> None:
        with self._store.unit_of_work() as session:
            left = numbers_left(session.connection())
        if left < LEASE_LOW:
            first, last = self._client.lease_numbers(self.desk_id, LEASE_BLOCK)
            with self._store.unit_of_work() as session:
                add_lease(session.connection(), first, last)

    def mark_conflicts_seen(self) -> None:
        """The seat has seen the conflict log: the status bar stops counting its entries."""
        with self._store.unit_of_work() as session:
            session.connection().execute(update(CONFLICT_LOG).values(seen=True))

    def _read(self, sql: str) -> list[tuple[Any, ...]]:
        # Plain read-only sqlite3: the ORM's unit of work takes the write lock at BEGIN,
        # which a status read from the sync threads should never hold.
        with closing(sqlite3.connect(f"file:{self._store.path}?mode=ro", uri=True)) as conn:
            return conn.execute(sql).fetchall()

    def cursor(self) -> int:
        found = self._read("SELECT value FROM sync_state WHERE name = 'cursor'")
        return int(found[0][0]) if found else 0

    def status(self) -> SyncStatus:
        counts = {str(status): int(n) for status, n in
                  self._read("SELECT status, count(*) FROM sync_outbox GROUP BY status")}
        conflicts = self._read("SELECT count(*) FROM sync_conflicts WHERE NOT seen")[0][0]
        return SyncStatus(counts.get(PENDING, 0), counts.get(REJECTED, 0), int(conflicts))
