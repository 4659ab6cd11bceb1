"""The chat page's rate limit: how many chats one client address may start in an hour, and
how many messages one chat and one address may post in a minute; and how many of the
page's event streams one chat and one address may hold open at once.

A request over a limit is refused with 429 and ``Retry-After`` before anything is written
(the page shows why, in Chinese and English, and when to try again). The counts are the
chat's own events in PostgreSQL (each requester's event keeps the address it came from):
every worker and every API instance behind the same database counts the same, and the
API keeps no state of its own. The address is the request's client address; uvicorn takes
it from ``X-Forwarded-For`` when the proxy is in ``forwarded_allow_ips`` (127.0.0.1 unless
configured).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import timedelta

from sqlalchemy import ColumnElement, Connection, func, select

from app.domain.clock import Clock
from app.server.channels.sources import SourceRefused
from app.server.channels.tables import chat_events

HOUR, MINUTE = timedelta(hours=1), timedelta(minutes=1)
_E = chat_events.c


@dataclass(frozen=True)
class ChatLimits:
    """The server's settings ``chat_starts_per_hour`` (per address),
    ``chat_messages_per_minute`` (per chat), ``chat_address_messages_per_minute``,
    ``chat_streams_per_chat`` and ``chat_address_streams`` (open streams: ``StreamSlots``);
    0: no limit. A whole unit behind one NAT address may chat at once: the address limits
    are generous, the per-chat one is beyond what a person types."""

    starts_per_hour: int = 30
    messages_per_minute: int = 20
    address_messages_per_minute: int = 120
    # Open streams, per API process: each is a connection held and a read at each wake.
    streams_per_chat: int = 4  # a requester's page in a few tabs
    address_streams: int = 200  # a unit behind one NAT address

    @classmethod
    def from_settings(cls, setting: Callable[[str, int], object]) -> ChatLimits:
        """The limits from ``setting(name, default)`` (option, environment or file)."""
        defaults = cls()
        found = {f.name: int(str(setting(f"chat_{f.name}", getattr(defaults, f.name))))
                 for f in fields(cls)}
        if any(value < 0 for value in found.values()):
            raise ValueError("chat limits are counts: 0 (no limit) or more")
        return cls(**found)

    def environment(self) -> dict[str, str]:
        """The limits as the environment ``from_settings`` reads (for worker processes)."""
        return {f"SEATDESK_CHAT_{f.name.upper()}": str(getattr(self, f.name))
                for f in fields(self)}


class RateLimited(SourceRefused):
    """Answered 429 with ``Retry-After`` (seconds)."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(429, "rate_limited", message)
        self.retry_after = retry_after


class ChatGate:
    """The limits, checked in the transaction that then writes the start or the message."""

    def __init__(self, clock: Clock, limits: ChatLimits) -> None:
        self._clock, self._limits = clock, limits

    def start(self, conn: Connection, address: str) -> None:
        """Refuse a new chat from ``address`` over its hourly count."""
        _lock_address(conn, address)
        wait = self._wait(conn, self._limits.starts_per_hour, HOUR,
                          _E.kind == "waiting", _E.address == address)
        if wait:
            raise RateLimited("too many chats started from this address", wait)

    def message(self, conn: Connection, address: str, chat_id: str) -> None:
        """Refuse a requester's message over the chat's or the address's count (the chat's
        row is locked by then: its messages are counted one at a time)."""
        _lock_address(conn, address)
        said = (_E.kind == "message", _E.author == "")
        wait = max(self._wait(conn, self._limits.messages_per_minute, MINUTE,
                              *said, _E.chat_id == chat_id),
                   self._wait(conn, self._limits.address_messages_per_minute, MINUTE,
                              *said, _E.address == address))
        if wait:
            raise RateLimited("too many messages", wait)

    def _wait(self, conn: Connection, limit: int, span: timedelta,
              *where: ColumnElement[bool]) -> int:
        """Seconds until one more is allowed (0: now): the ``limit``-th newest event within
        ``span`` leaves the window then."""
        if limit <= 0:
            return 0
        now = self._clock.now()
        oldest = conn.execute(select(_E.at).where(*where, _E.at > now - span)
                              .order_by(_E.at.desc()).offset(limit - 1).limit(1)).scalar()
        if oldest is None:
            return 0
        return max(1, int(math.ceil((oldest + span - now).total_seconds())))


def _lock_address(conn: Connection, address: str) -> None:
    """Two requests from one address are counted one after the other (until commit)."""
    conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(f"chat:{address}"))))


STREAM_RETRY_SECONDS = 10


class StreamSlots:
    """The page's open event streams in this API process, per chat and per client
    address. A stream is a connection held for as long as the page is open and a read of
    the chat at every change the server makes, so a client opening streams without end
    would cost the server for all of them; over ``streams_per_chat`` or
    ``address_streams`` (0: no limit) a new one is refused with 429. Counted in memory:
    streams are this process's connections, and the event loop is its only writer."""

    def __init__(self, limits: ChatLimits) -> None:
        self._limits = limits
        self._chats: dict[str, int] = {}
        self._addresses: dict[str, int] = {}

    def open(self, chat_id: str, address: str) -> Callable[[], None]:
        """Count one more stream, or raise ``RateLimited``; returns its release (which may
        be called more than once: it counts once)."""
        limits = self._limits
        if (0 < limits.streams_per_chat <= self._chats.get(chat_id, 0)
                or 0 < limits.address_streams <= self._addresses.get(address, 0)):
            raise RateLimited("too many open streams", STREAM_RETRY_SECONDS)
        _add(self._chats, chat_id, 1)
        _add(self._addresses, address, 1)
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                _add(self._chats, chat_id, -1)
                _add(self._addresses, address, -1)
        return release

    def open_count(self) -> int:
        return sum(self._chats.values())


def _add(counts: dict[str, int], key: str, step: int) -> None:
    value = counts.get(key, 0) + step
    if value > 0:
        counts[key] = value
    else:
        counts.pop(key, None)
