"""Waking desks when something changed: PostgreSQL LISTEN/NOTIFY → long-poll answers.

Every server instance listens on the channel the push transaction notifies on commit, so a
desk long-polling any instance behind a load balancer wakes when any instance took a write.
A poke is only a hint: desks still pull on reconnect and every 30-60 s.
"""

from __future__ import annotations

import asyncio
import logging
import threading

import psycopg

from app.server.push import CHANNEL

log = logging.getLogger("seatdesk.server.pokes")


class ChangeSignal:
    """Wakes the long-polls of one server process; fed by a LISTEN thread."""

    def __init__(self, channel: str = CHANNEL) -> None:
        self._channel = channel  # the NOTIFY channel listened to
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.notifications = 0

    def start(self, dsn: str) -> None:
        self._loop = asyncio.get_running_loop()
        self._event = asyncio.Event()
        self._thread = threading.Thread(target=self._listen, args=(dsn,), daemon=True,
                                        name="seatdesk-listen")
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _fire(self) -> None:
        self.notifications += 1
        if self._event is not None:
            self._event.set()
            self._event = asyncio.Event()

    def _listen(self, dsn: str) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(dsn, autocommit=True) as conn:
                    conn.execute(f"LISTEN {self._channel}")
                    while not self._stop.is_set():
                        for _ in conn.notifies(timeout=1.0):
                            self._wake()
            except psycopg.Error as error:
                if self._stop.is_set():
                    return
                log.warning("listen connection lost: %s; retrying", error)
                self._wake()  # a missed notification is possible: let desks pull
                self._stop.wait(1.0)

    def _wake(self) -> None:
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._fire)

    def current(self) -> asyncio.Event | None:
        """Take this before checking the database, then ``wait`` on it: a change that
        commits in between still wakes the waiter."""
        return self._event

    async def wait(self, event: asyncio.Event | None, timeout: float) -> bool:
        """Wait until the change after ``event`` was taken (True) or ``timeout`` (False)."""
        if event is None:
            await asyncio.sleep(timeout)
            return False
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except TimeoutError:
            return False
        return True
