"""One sync round of a desk: push the outbox, then pull until up to date.

Push sends pending mutations in id order, at most ``MAX_PUSH`` a request, each seat's under
its own account and desk id (app/sync/seats.py); the answer is recorded in one transaction
(acknowledged mutations leave the outbox, rejected ones stay with the server's reason, the
server's rows are applied). Pull applies each page and its cursor in one transaction. If
the desk dies between the server's commit and the answer, the next round sends the same
mutations again and the server answers each with the outcome it had. A desk the server
finds reusing its mutation ids (restored from a backup) starts a new incarnation and sends
its waiting changes again (app/sync/restore.py).

Push answers are recorded like pulled pages, foreign keys unchecked until the round's pull
ends: an answer may carry a row naming one this desk has not pulled yet (a category new
to it), and with the keys checked at commit no round could ever get past it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, update
from sqlalchemy.dialects.sqlite import insert

from app.domain.clock import Clock
from app.store.database import REPLICA, Store
from app.sync import state
from app.sync.apply import apply_changes
from app.sync.client import Refused, ServerClient, SignInNeeded
from app.sync.discard import discard
from app.sync.numbers import SERVER_URL, add_lease, numbers_left
from app.sync.protocol import MAX_PUSH, Mutation, MutationResult, PullPage, StreamedPage
from app.sync.restore import start_new_incarnation
from app.sync.seats import Batch, PushPlan, Queued
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
    # Seats whose changes wait for them to sign in on this desk again (no token here).
    waiting: set[str] = field(default_factory=set)
    restored: bool = False  # the desk started a new incarnation (it was restored)


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
        self._seats = threading.Lock()  # the GUI thread follows a seat while a round runs
        self._others: dict[str, ServerClient] = {}  # other seats' clients, by login
        self._desk_ids: dict[str, str] = {}  # each seat's desk id, by login
        with store.unit_of_work() as session:
            conn = session.connection()
            state.desk_id(conn, clock)  # the folder's own id (provisional numbers)
            self._incarnation = state.incarnation(conn, clock)
            state.write(conn, SERVER_URL, client.base_url)

    @property
    def store(self) -> Store:
        return self._store

    @property
    def client(self) -> ServerClient:
        """The signed-in seat's client: pulls, pokes and number leases go through it."""
        return self._client

    @property
    def login(self) -> str:
        return self._client.login_name

    @property
    def desk_id(self) -> str:
        """The signed-in seat's desk id on this folder."""
        return self._seat_desk_id(self.login)

    @property
    def incarnation(self) -> str:
        return self._incarnation

    def follow_seat(self, login: str) -> None:
        """Another seat signed in at this desk: pull, poke and lease as that seat from now
        on. The seat who left keeps a client of its own: its waiting changes still go
        under its account (its token stays in the vault until it signs out)."""
        with self._seats:
            current = self._client
            if login == current.login_name:
                return
            found = self._others.pop(login, None)
            self._client = found if found is not None else current.signed_in_as(login)
            self._others[current.login_name] = current

    def close(self) -> None:
        with self._seats:
            for client in (self._client, *self._others.values()):
                client.close()

    def _client_for(self, login: str) -> ServerClient:
        with self._seats:
            if login == self._client.login_name:
                return self._client
            if login not in self._others:
                self._others[login] = self._client.signed_in_as(login)
            return self._others[login]

    def _seat_desk_id(self, login: str) -> str:
        if login not in self._desk_ids:
            with self._store.unit_of_work() as session:
                self._desk_ids[login] = state.seat_desk_id(session.connection(), self._clock,
                                                           login)
        return self._desk_ids[login]

    def sync_once(self, streamed: Sequence[StreamedPage] = (), *,
                  pull: bool = True) -> SyncReport:
        """Push, apply the pages the change feed brought (``streamed``), and pull if asked
        to or if those pages leave the desk short of the server (a gap, or ``more``). A
        round woken by the feed alone sends no request when the desk has nothing to push."""
        with self._lock:
            report = SyncReport()
            self.push(report)
            if self.take(streamed, report) or pull:
                self.pull(report)
            if self._leases_numbers:
                self.top_up_numbers()
            return report

    def take(self, streamed: Sequence[StreamedPage], report: SyncReport) -> bool:
        """Apply the streamed pages that continue from the desk's cursor; True if a pull is
        still needed (a page starts past the cursor, or says more follow)."""
        behind = False
        cursor = self.cursor()
        for streamed_page in streamed:
            page = streamed_page.page
            if page.cursor <= cursor:
                continue  # a pull already brought these
            if streamed_page.after != cursor:
                behind = True
                continue
            self._apply_page(page, report)
            cursor = page.cursor
            behind = page.more
        return behind

    def discard(self, mutation_id: int) -> None:
        """Drop a rejected mutation on the seat's deliberate decision (never automatically);
        a refused new row goes with it (app/sync/discard.py)."""
        with self._store.unit_of_work() as session:
            discard(session.connection(), mutation_id)

    def _pending(self, after: int = 0) -> list[Mutation]:
        return [queued.mutation for queued in self._queued(after)]

    def _queued(self, after: int = 0) -> list[Queued]:
        found = self._read("SELECT id, entity, key, op, patch, base_version, login "
                           f"FROM sync_outbox WHERE status = '{PENDING}' AND id > {int(after)} "
                           f"ORDER BY id LIMIT {MAX_PUSH}")
        seat = self.login  # changes recorded without a seat go with the one signed in now
        return [Queued(str(login) or seat,
                       Mutation(int(i), str(entity), str(key), op, json.loads(patch), int(base)))
                for i, entity, key, op, patch, base, login in found]

    def _has_token(self, login: str) -> bool:
        return self._client_for(login).has_token()

    def push(self, report: SyncReport) -> None:
        """Push the outbox, each seat's changes under its account. A desk found restored
        sends its waiting changes again under its new desk ids (once is enough; the loop
        is bounded should a server keep saying so)."""
        for _ in range(3):
            if not self._push_outbox(report):
                return

    def _push_outbox(self, report: SyncReport) -> bool:
        """Push in batches; True if the server found the desk restored (the desk then has a
        new incarnation). The next batch goes out as soon as the server has answered this
        one, and the answer is recorded meanwhile: the server takes a desk's batches in
        order and each mutation once, so if recording fails, the next round sends both
        batches again and each gets the answer it had."""
        plan = PushPlan(self._queued, self._has_token, MAX_PUSH)
        batch = plan.next()
        restored = False
        if batch is not None:
            with ThreadPoolExecutor(1, thread_name_prefix="seatdesk-push") as sender:
                answer = sender.submit(self._send, batch, self._seat_desk_id(batch.login))
                while True:
                    following = plan.next()
                    try:
                        results = answer.result()
                    except SignInNeeded:
                        if batch.login == self.login:
                            raise
                        report.waiting.add(batch.login)  # its token was refused meanwhile
                        break
                    except Refused as error:
                        if error.code != "desk_taken":
                            raise
                        restored = True  # never an honest desk's: register anew
                        break
                    if following is not None:
                        answer = sender.submit(self._send, following,
                                               self._seat_desk_id(following.login))
                    restored = self._record(results, report) or restored
                    if following is None:
                        break
                    batch = following
        report.waiting |= plan.waiting
        if restored:
            self._start_new_incarnation(report)
        return restored

    def _send(self, batch: Batch, desk_id: str) -> list[MutationResult]:
        return self._client_for(batch.login).push(desk_id, batch.mutations,
                                                  incarnation=self._incarnation)

    def _start_new_incarnation(self, report: SyncReport) -> None:
        with self._store.unit_of_work() as session:
            renumbered = start_new_incarnation(session.connection(), self._clock)
            self._incarnation = state.incarnation(session.connection(), self._clock)
        self._desk_ids.clear()
        report.restored = True
        report.ticket_ids |= set(renumbered)

    def _record(self, results: list[MutationResult], report: SyncReport) -> bool:
        """Record a push's answer; True if the server found the desk restored (``retry``)."""
        rejected = [r for r in results if r.status == "rejected"]
        done = [r.id for r in results if r.status in ("applied", "duplicate")]
        with self._store.unit_of_work() as session:
            conn = session.connection(execution_options=REPLICA)
            conn.execute(delete(OUTBOX).where(OUTBOX.c.id.in_(done)))
            for result in rejected:
                conn.execute(update(OUTBOX).where(OUTBOX.c.id == result.id)
                             .values(status=REJECTED, reason=result.reason))
                if result.row is not None:  # show the server's truth again
                    conn.execute(delete(ROW_VERSIONS).where(
                        ROW_VERSIONS.c.entity == result.row.entity,
                        ROW_VERSIONS.c.key == result.row.key))
            applied = apply_changes(conn, [r.row for r in results if r.row is not None])
            known = [{"entity": r.row.entity, "key": r.row.key, "version": r.row.version}
                     for r in rejected if r.row is not None]
            if known:
                # The server has this row (append-only rows keep no version otherwise): a
                # discard then knows the desk already shows the server's row.
                upsert = insert(ROW_VERSIONS).values(known)
                conn.execute(upsert.on_conflict_do_update(
                    index_elements=["entity", "key"], set_={"version": upsert.excluded.version}))
        report.pushed += len(done)
        report.rejected += len(rejected)
        report.ticket_ids |= applied.ticket_ids
        report.entities |= applied.entities
        return any(r.status == "retry" for r in results)

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
                self._apply_page(page, report)
                if not page.more:
                    return

    def _apply_page(self, page: PullPage, report: SyncReport) -> None:
        """A page of changes and its cursor in one transaction."""
        with self._store.unit_of_work() as session:
            conn = session.connection(execution_options=REPLICA)
            applied = apply_changes(conn, page.changes)
            state.write(conn, state.CURSOR, str(page.cursor))
        report.pulled += applied.rows
        report.conflicts += applied.conflicts
        report.ticket_ids |= applied.ticket_ids
        report.entities |= applied.entities

    def top_up_numbers(self) -> None:
        with self._store.unit_of_work() as session:
            left = numbers_left(session.connection())
        if left < LEASE_LOW:
            first, last = self._client.lease_numbers(self.desk_id, LEASE_BLOCK,
                                                     incarnation=self._incarnation)
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
