"""Phone calls on the desk: the seat's extension on the server, the call events his desk
hears (a long-poll thread), and what the caller pop-up shows about the caller.

Call events come only from the server (the PBX posts them there): a desk that is not
connected, or offline, hears none, and says so.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.sync.client import ServerClient

WAIT = 25.0  # seconds a long-poll waits on the server


@dataclass(frozen=True)
class CallEvent:
    seq: int
    call_id: str
    event: str  # ringing | answered | ended | missed
    caller: str
    extension: str
    at: datetime
    rings: float | None
    ticket_id: str | None
    started: datetime | None = None  # when the call started ringing (the server's clock)

    @classmethod
    def from_json(cls, body: dict[str, object]) -> CallEvent:
        rings = body.get("rings")
        return cls(int(str(body["seq"])), str(body["call_id"]), str(body["event"]),
                   str(body["caller"]), str(body["extension"]),
                   datetime.fromisoformat(str(body["at"])),
                   float(str(rings)) if rings is not None else None,
                   str(body["ticket_id"]) if body.get("ticket_id") else None,
                   datetime.fromisoformat(str(body["started"])) if body.get("started")
                   else None)

    @property
    def start(self) -> datetime:
        """The call's start: its ringing, else (a server without it) this event."""
        return self.started or self.at


@dataclass(frozen=True)
class RecentTicket:
    id: str
    number: str
    title: str
    state: str


@dataclass(frozen=True)
class Caller:
    """Who is calling, as the desk's own records know them."""

    number: str
    requester_id: str | None
    name: str
    unit: str
    tickets: tuple[RecentTicket, ...]


def my_extension(client: ServerClient) -> str:
    return str(client.call("GET", "/v1/me/extension")["extension"])


def set_extension(client: ServerClient, extension: str) -> str:
    """The signed-in seat's extension ("" for none); ``Refused`` 409 if another seat's."""
    return str(client.call("PUT", "/v1/me/extension",
                           json={"extension": extension})["extension"])


def caller(reader: sqlite3.Connection, number: str, recent: int = 5) -> Caller:
    """The requester with this phone number (the live one, not merged away) and their last
    ``recent`` tickets, newest first; unknown numbers have no requester."""
    found = reader.execute(
        "SELECT id, name, unit FROM requesters WHERE phone = ? AND deleted = 0 "
        "AND merged_into IS NULL ORDER BY updated_at DESC LIMIT 1", (number,)).fetchone() \
        if number else None
    if found is None:
        return Caller(number, None, "", "", ())
    tickets = tuple(RecentTicket(*row) for row in reader.execute(
        "SELECT id, number, title, state FROM tickets WHERE requester_id = ? AND deleted = 0 "
        "ORDER BY created_at DESC LIMIT ?", (found[0], recent)))
    return Caller(number, str(found[0]), str(found[1]), str(found[2]), tickets)


class EventListener:
    """Long-polls ``path`` of the server for the seat's events on a thread of its own and
    hands each, read by ``parse``, to ``heard`` (on that thread: the UI queues it to the GUI
    thread). ``offline`` is called with True when the server cannot be reached and False
    when it can again. The server answers ``{"events": [...], "last": cursor}``."""

    path = ""

    def __init__(self, client: ServerClient, heard: Callable[[Any], None],
                 offline: Callable[[bool], None], *, wait: float = WAIT) -> None:
        self._client, self._heard, self._offline, self._wait = client, heard, offline, wait
        import requests  # here: the desk imports this module on its start-up path

        self._stop = threading.Event()
        self._http = requests.Session()  # its own connection: a long-poll holds it
        self._thread = threading.Thread(target=self._run, daemon=True,
                                        name=f"seatdesk-listen{self.path}")

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        try:
            self._listen()
        except RuntimeError:
            return  # the desk that heard is gone (its window closed): stop listening

    def _listen(self) -> None:
        from app.sync.client import Offline, Refused

        after, was_offline, pause = -1, False, 1.0
        while not self._stop.is_set():
            try:
                answer = self._client.call("GET", self.path, params={
                    "after": after, "timeout": 0 if after < 0 else self._wait},
                    timeout=self._wait + 10, http=self._http)
            except (Offline, Refused):
                if not was_offline:
                    self._offline(True)
                was_offline = True
                self._stop.wait(pause)
                pause = min(pause * 2, 30.0)
                continue
            if was_offline:
                self._offline(False)
            was_offline, pause = False, 1.0
            for body in answer["events"]:
                if self._stop.is_set():
                    return
                self._heard(self.parse(body))
            after = int(answer["last"])

    def parse(self, body: dict[str, Any]) -> Any:
        return body


class CallListener(EventListener):
    """The seat's call events (``CallEvent``)."""

    path = "/v1/calls/events"

    def parse(self, body: dict[str, Any]) -> CallEvent:
        return CallEvent.from_json(body)
