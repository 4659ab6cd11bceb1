"""The desk's sync loop on background threads: a round after every local write, every
``PERIOD`` seconds, and whenever the server's change feed brings rows or says to pull;
exponential backoff with jitter while the server cannot be reached. Reports through plain
callbacks (the UI turns them into signals); nothing here ever runs on the GUI thread.

The listening thread holds the server's change feed open (``GET /v1/stream``) and hands
the rows it carries to the round thread, which applies them without a request of its own.
While the feed is live, a round after a local write only pushes (the feed brings what
others wrote) and the periodic round comes every ``STREAM_PERIOD`` s, so an idle desk costs
the server one reconnect a minute. Against a server without the feed (404) the thread
long-polls ``/v1/poke`` instead, and after a "changed" waits for the round it started
before asking again (asking at once was answered at once: the cursor had not moved yet).
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from enum import StrEnum

from app.sync.client import Offline, Refused, SignInNeeded
from app.sync.protocol import StreamedPage
from app.sync.syncer import Syncer, SyncReport, SyncStatus

log = logging.getLogger("seatdesk.sync")
PERIOD = 45.0  # seconds between rounds when nothing pokes (DESIGN.md: 30-60 s)
STREAM_PERIOD = 300.0  # the same while the change feed is live: a safety net only
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
        self._pending = threading.Condition()  # guards the three below
        self._pages: list[StreamedPage] = []  # from the feed, for the next round
        self._pull = True  # the next round pulls
        self._rounds_done = 0
        self._live = threading.Event()  # the change feed is connected
        self.use_feed = True  # False: long-poll only (a server without the feed)

    def start(self) -> None:
        for target, name in ((self._rounds, "seatdesk-sync"), (self._listen, "seatdesk-feed")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    @property
    def live(self) -> bool:
        """Whether the server's change feed is connected."""
        return self._live.is_set()

    def wake(self, *, pull: bool = True) -> None:
        """Sync soon: called by "Sync now" and, with ``pull=False``, after every local
        write (the push is what is needed; a live feed brings the rest)."""
        with self._pending:
            self._pull = self._pull or pull
        self._wake.set()

    def follow_seat(self, login: str) -> None:
        """Another seat signed in at the desk: rounds pull as that seat from now on (its
        own changes, and those of the seat who left, each go under their own account)."""
        self._syncer.follow_seat(login)
        self.wake()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self._syncer.client.hang_up()  # the feed's thread is reading a stream
        for thread in self._threads:
            thread.join(timeout)

    def _rounds(self) -> None:
        failures = 0
        while not self._stop.is_set():
            self._wake.clear()
            with self._pending:
                pages, self._pages = self._pages, []
                pull, self._pull = self._pull or not self._live.is_set(), False
            wait = STREAM_PERIOD if self._live.is_set() else PERIOD
            try:
                self._on_link(Link.SYNCING, self._syncer.status())
                report = self._syncer.sync_once(pages, pull=pull)
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
            with self._pending:
                self._rounds_done += 1
                self._pending.notify_all()
                if failures:
                    self._pull = True  # what the feed brought meanwhile may be lost
            if not self._wake.wait(wait):
                with self._pending:
                    self._pull = True  # the periodic round pulls

    def _listen(self) -> None:
        while not self._stop.is_set():
            if not self._online.wait(1.0):
                continue
            try:
                if self.use_feed:
                    self._follow_feed()
                else:
                    self._poke()
            except Refused as error:
                if error.status == 404 and self.use_feed:
                    log.info("the server has no change feed; long-polling instead")
                    self.use_feed = False
                else:
                    self._lost()
            except (Offline, SignInNeeded):
                self._lost()
            except Exception:  # a bug must not end listening: log it, come back later
                log.exception("the change feed failed")
                self._lost()
                self._stop.wait(BACKOFF_MAX / 4)
            finally:
                self._live.clear()

    def _lost(self) -> None:
        """The feed or poke failed: the round loop finds out (it may wait five minutes
        otherwise), backs off and, once a round succeeds, lets this thread listen again."""
        self._online.clear()
        self.wake()

    def _follow_feed(self) -> None:
        """One stream, until the server ends it (about a minute) or it breaks."""
        reached = self._syncer.cursor()
        with self._pending:  # pages still waiting for the round count as had
            reached = max([reached, *(p.page.cursor for p in self._pages)])
        for event in self._syncer.client.stream(reached):
            if self._stop.is_set():
                return
            self._live.set()
            if event.alive:
                continue
            if event.page is not None:
                with self._pending:
                    self._pages.append(event.page)
                reached = max(reached, event.cursor)
                self._wake.set()
            elif event.cursor > reached or event.cursor < self._syncer.cursor():
                # A hint: the rows did not come along (a reconnect behind the server, a
                # burst too large, this desk too slow), or the server is behind the desk.
                reached = max(reached, event.cursor)
                self.wake()

    def _poke(self) -> None:
        if not self._syncer.client.poke(self._syncer.cursor()):
            return
        with self._pending:
            done = self._rounds_done
        self.wake()
        with self._pending:  # the round moves the cursor before the next question
            self._pending.wait_for(lambda: self._rounds_done > done or self._stop.is_set(),
                                   timeout=30.0)
