"""The desk's sync loop on background threads: a round after every local write, every
``PERIOD`` seconds, and whenever the server pokes; exponential backoff with jitter while
the server cannot be reached. Reports through plain callbacks (the UI turns them into
signals); nothing here ever runs on the GUI thread.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from enum import StrEnum

from app.sync.client import Offline, Refused, SignInNeeded
from app.sync.syncer import Syncer, SyncReport, SyncStatus

log = logging.getLogger("seatdesk.sync")
PERIOD = 45.0  # seconds between rounds when nothing pokes (DESIGN.md: 30-60 s)
BACKOFF_FIRST = 1.0
BACKOFF_MAX = 60.0


class Link(StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"
    SYNCING = "syncing"
    SIGNED_OUT = "signed_out"


def backoff(failures: int, rng: random.Random) -> float:
    """Full jitter: a random wait up to the doubled ceiling, so desks do not stampede."""
    ceiling = min(BACKOFF_MAX, BACKOFF_FIRST * 2 ** max(0, failures - 1))
    return rng.uniform(ceiling / 2, ceiling)


class SyncRunner:
    def __init__(self, syncer: Syncer, on_link: Callable[[Link, SyncStatus], None],
                 on_report: Callable[[SyncReport], None], *, seed: int | None = None) -> None:
        self._syncer = syncer
        self._on_link = on_link
        self._on_report = on_report
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._online = threading.Event()
        self._rng = random.Random(seed)
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        for target, name in ((self._rounds, "seatdesk-sync"), (self._pokes, "seatdesk-poke")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def wake(self) -> None:
        """Sync soon: called after every local write and by "Sync now"."""
        self._wake.set()

    def follow_seat(self, login: str) -> None:
        """Another seat signed in at the desk: rounds pull as that seat from now on (its
        own changes, and those of the seat who left, each go under their own account)."""
        self._syncer.follow_seat(login)
        self.wake()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout)

    def _rounds(self) -> None:
        failures = 0
        while not self._stop.is_set():
            self._wake.clear()
            wait = PERIOD
            try:
                self._on_link(Link.SYNCING, self._syncer.status())
                report = self._syncer.sync_once()
                failures = 0
                self._online.set()
                self._on_link(Link.ONLINE, self._syncer.status())
                self._on_report(report)
            except SignInNeeded:
                self._online.clear()
                self._on_link(Link.SIGNED_OUT, self._syncer.status())
                wait = 3600.0  # until the seat signs in (which wakes this loop)
            except (Offline, Refused) as error:
                failures += 1
                self._online.clear()
                log.info("sync round failed (%s); retrying", error)
                self._on_link(Link.OFFLINE, self._syncer.status())
                wait = backoff(failures, self._rng)
            except Exception:  # a bug must not kill the loop: log it, retry later
                failures += 1
                log.exception("sync round crashed")
                self._on_link(Link.OFFLINE, self._syncer.status())
                wait = backoff(failures, self._rng)
            self._wake.wait(wait)

    def _pokes(self) -> None:
        while not self._stop.is_set():
            if not self._online.wait(1.0):
                continue
            try:
                if self._syncer.client.poke(self._syncer.cursor()):
                    self._wake.set()
            except (Offline, Refused, SignInNeeded):
                self._online.clear()  # the round loop finds out and backs off
