"""The change feed: one server-sent event stream per desk (``GET /v1/stream``) carrying the
changed rows themselves, read once per server process however many desks listen.

Every process listens on PostgreSQL's channel (``pokes.ChangeSignal``). A notification
starts a short gathering window (``GATHER``): the commits landing in it are read with one
query (the pull's own JSON, built by PostgreSQL) and the same bytes go to every stream
whose desk is at the feed's position. A desk elsewhere (behind after a reconnect, or a
stream too slow to keep up) gets a hint instead - the cursor to pull to - and pulls once.
So the server's cost grows with the changes, not with desks × changes: an idle stream
costs a heartbeat every ``HEARTBEAT`` seconds and one reconnect per ``LIFETIME``.

Streams end after about ``LIFETIME`` seconds (jittered, so desks that connected together
do not all come back together): proxies drop idle connections, and an access token or a
disabled account is then checked again.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

from app.server.pokes import ChangeSignal

log = logging.getLogger("seatdesk.server.feed")
GATHER = 0.05  # seconds: commits in this window reach desks as one event
HEARTBEAT = 15.0  # seconds between comments on an idle stream (keeps proxies open)
LIFETIME = 55.0  # seconds a stream lasts at most; the desk then reconnects
PAGE = 1000  # rows an event carries at most; past that the desks pull the rest
QUEUE = 16  # events waiting for a slow desk before it is told to pull instead
MAX_STREAMS = 2000  # per process; past that new streams are refused (503, desks back off)
Reader = Callable[[int, int], tuple[str, int, bool]]  # (cursor, limit) -> changes


def _changes_event(after: int, changes: str, cursor: int, more: bool) -> bytes:
    # PostgreSQL's json_agg puts line breaks between elements; a line break inside a value
    # is escaped in JSON text, so dropping them keeps the event on one ``data:`` line.
    body = (f'{{"after": {after}, "cursor": {cursor}, "more": {"true" if more else "false"}, '
            f'"changes": {changes.replace(chr(10), "")}}}')
    return b"event: changes\ndata: " + body.encode() + b"\n\n"


def hint_event(cursor: int) -> bytes:
    """Pull up to ``cursor``: sent where the rows themselves cannot be."""
    return f'event: changed\ndata: {{"cursor": {cursor}}}\n\n'.encode()


HEARTBEAT_EVENT = b": keep-alive\n\n"


@dataclass(eq=False)
class Subscriber:
    """One open stream: the cursor its desk will be at once it has what was queued."""

    cursor: int
    queue: asyncio.Queue[bytes | None] = field(
        default_factory=lambda: asyncio.Queue(QUEUE))
    dropped: int = 0  # times the desk fell behind and was told to pull

    def send(self, event: bytes, cursor: int) -> None:
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:
            # Back-pressure: the desk (or its network) does not keep up. Nothing it was
            # queued is lost - it pulls to the newest cursor instead, when it gets there.
            while not self.queue.empty():
                self.queue.get_nowait()
            self.queue.put_nowait(hint_event(cursor))
            self.dropped += 1
        self.cursor = cursor


class ChangeFeed:
    """The feed of one server process: its position, its streams, the reading task."""

    def __init__(self, signal: ChangeSignal, read: Reader, *, gather: float = GATHER) -> None:
        self._signal = signal
        self._read = read
        self._gather = gather
        self._subscribers: set[Subscriber] = set()
        self._task: asyncio.Task[None] | None = None
        self.position = 0
        self.batches = 0  # reads of the database (for tests and the benchmark)

    @property
    def streams(self) -> int:
        return len(self._subscribers)

    def start(self, position: int) -> None:
        self.position = position
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        for subscriber in self._subscribers:
            while subscriber.queue.full():  # the end matters more than what waited
                subscriber.queue.get_nowait()
            subscriber.queue.put_nowait(None)
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass

    async def _run(self) -> None:
        event = self._signal.current()
        while True:
            # Without a notification, a look every minute all the same: a notification
            # lost with the LISTEN connection delays a change by a minute, never forever.
            await self._signal.wait(event, 60.0)
            await asyncio.sleep(self._gather)
            event = self._signal.current()  # commits from now on wake the next read
            try:
                await self.catch_up()
            except Exception:  # the database is away: the next notification tries again
                log.exception("reading the change feed failed")

    async def catch_up(self) -> None:
        """Read what committed since the feed's position and hand it to the streams."""
        while True:
            after = self.position
            changes, cursor, more = await asyncio.to_thread(self._read, after, PAGE)
            if cursor == after:
                return
            self.batches += 1
            self.position = cursor
            # ``more``: a burst larger than an event - desks pull the rest themselves.
            event = _changes_event(after, changes, cursor, more)
            hint = hint_event(cursor)
            for subscriber in self._subscribers:
                if subscriber.cursor == after and not more:
                    subscriber.send(event, cursor)
                elif subscriber.cursor < cursor:
                    subscriber.send(hint, cursor)
            if not more:
                return
            # Past a page the streams were told to pull; the feed skips to the newest.

    def subscribe(self, cursor: int) -> Subscriber | None:
        """A new stream at ``cursor`` (None: this process has all the streams it takes)."""
        if len(self._subscribers) >= MAX_STREAMS:
            return None
        subscriber = Subscriber(cursor)
        if cursor < self.position:
            subscriber.send(hint_event(self.position), self.position)
        self._subscribers.add(subscriber)
        return subscriber

    async def events(self, subscriber: Subscriber, lifetime: float) -> AsyncIterator[bytes]:
        """The stream's bytes: queued events, a heartbeat when idle, for about
        ``lifetime`` seconds (jittered down by up to a tenth)."""
        loop = asyncio.get_running_loop()
        ends = loop.time() + lifetime * random.uniform(0.9, 1.0)
        try:
            yield HEARTBEAT_EVENT  # the headers and a first byte: the desk knows it is on
            while (left := ends - loop.time()) > 0:
                try:
                    event = await asyncio.wait_for(subscriber.queue.get(),
                                                   min(HEARTBEAT, left))
                except TimeoutError:
                    if ends - loop.time() > 0:
                        yield HEARTBEAT_EVENT
                    continue
                if event is None:  # the server is stopping
                    return
                yield event
        finally:
            self._subscribers.discard(subscriber)
