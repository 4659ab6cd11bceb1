"""Alert posts taken together: one transaction for every post waiting (group commit).

Each post waits for its answer as before (nothing is answered before it is committed), but
the posts that arrive while a transaction runs go into the next one together: their
sources are locked in one statement (in id order: no two transactions wait for each other
crosswise), their rows written in one, and the commit's flush to disk is paid once. On one
alert per post this was what stood between the intake and its target: every post paid the
same six round trips and a commit. If a shared transaction fails, its posts are retried
one by one, so one post's failure is its own.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, Row, select

from app.domain.clock import Clock
from app.server.channels import alerts
from app.server.channels.alerts import AUTHOR, Intake, Taken
from app.server.channels.lookups import Lookups
from app.server.channels.payloads import Report
from app.server.channels.sources import SourceRefused, token_hash
from app.server.channels.tables import alert_sources
from app.server.channels.writes import RowWrites

MAX_POSTS = 100  # per transaction (a post carries at most 1000 alerts)


@dataclass
class _Post:
    kind: str
    token: str
    read: Callable[[], list[Report]]
    answer: Future[dict[str, Any]] = field(default_factory=Future)


class AlertBatcher:
    """A writer thread taking the waiting posts in one transaction each time."""

    def __init__(self, engine: Engine, clock: Clock, lookups: Lookups) -> None:
        self._engine, self._clock, self._lookups = engine, clock, lookups
        self._waiting: queue.Queue[_Post | None] = queue.Queue()  # None: stop
        self._thread: threading.Thread | None = None
        self._start = threading.Lock()

    def take(self, kind: str, token: str, read: Callable[[], list[Report]],
             timeout: float = 60.0) -> dict[str, Any]:
        """Queue one post and wait for its answer (``SourceRefused`` for a refusal)."""
        post = _Post(kind, token, read)
        self._ensure_thread()
        self._waiting.put(post)
        return post.answer.result(timeout)

    def _ensure_thread(self) -> None:
        with self._start:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, daemon=True,
                                                name="seatdesk-alerts")
                self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """End the writer thread once the posts queued before are answered (the server's
        shutdown: its engine is disposed after)."""
        with self._start:
            thread, self._thread = self._thread, None
        if thread is not None and thread.is_alive():
            self._waiting.put(None)
            thread.join(timeout)

    def _run(self) -> None:
        while True:
            first = self._waiting.get()
            if first is None:
                return
            batch, stopping = [first], False
            while len(batch) < MAX_POSTS:
                try:
                    post = self._waiting.get_nowait()
                except queue.Empty:
                    break
                if post is None:
                    stopping = True
                    break
                batch.append(post)
            self._settle(batch)
            if stopping:
                return

    def _settle(self, batch: list[_Post]) -> None:
        try:
            answers = self._together(batch)
        except Exception as error:  # noqa: BLE001 (handed to the posts, or retried alone)
            if len(batch) == 1:
                batch[0].answer.set_exception(error)
                return
            for post in batch:
                self._settle([post])
            return
        for post, answer in zip(batch, answers, strict=True):
            if isinstance(answer, Exception):
                post.answer.set_exception(answer)
            else:
                post.answer.set_result(answer)

    def _together(self, batch: list[_Post]) -> list[dict[str, Any] | Exception]:
        with self._engine.begin() as conn:
            found = _locked_sources(conn, {token_hash(p.token) for p in batch})
            writes = RowWrites(AUTHOR)
            intakes: dict[str, Intake] = {}
            answers: list[dict[str, Any] | Exception] = []
            readings: list[tuple[Row[Any], list[Report]] | Exception] = []
            for post in batch:
                source = found.get(token_hash(post.token))
                if source is None or source.kind != post.kind:
                    readings.append(SourceRefused(
                        401, "unknown_source",
                        f"the token is not an active {post.kind} source's"))
                    continue
                try:
                    readings.append((source, post.read()))
                except ValueError as error:
                    readings.append(SourceRefused(422, "invalid_alert", str(error)))
            for reading in readings:
                if isinstance(reading, Exception):
                    answers.append(reading)
                    continue
                source, reports = reading
                intake = intakes.get(source.id)
                if intake is None:
                    intake = intakes[source.id] = Intake(conn, self._clock, source,
                                                         self._lookups, writes)
                try:
                    taken: Taken = intake.take(reports)
                except alerts.CatalogMissing as error:
                    raise SourceRefused(409, "catalog_missing", str(error)) from None
                answers.append(taken.as_json())
            alerts.write(conn, writes, list(intakes.values()))
        return answers


def _locked_sources(conn: Connection, hashes: set[str]) -> dict[str, Row[Any]]:
    """The active sources of these token hashes, locked in id order."""
    found = conn.execute(select(alert_sources).where(
        alert_sources.c.token_hash.in_(sorted(hashes)), alert_sources.c.active)
        .order_by(alert_sources.c.id).with_for_update())
    return {row.token_hash: row for row in found}
