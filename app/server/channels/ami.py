"""The Asterisk Manager Interface adapter: a PBX's call events from AMI to the server's
webhook (``POST /v1/calls/events``, docs/channels.md).

It signs in to AMI with panoramisk (asyncio) and follows the events Asterisk 13 and later
send for a call to an extension: ``DialBegin`` (the extension rings: the caller's
``CallerIDNum``, the dialled channel ``PJSIP/8001-…``), ``DialEnd`` (``DialStatus`` ANSWER,
or NOANSWER / CANCEL / BUSY / CHANUNAVAIL: missed) and ``Hangup`` of the caller's channel.
A call is named by its ``Linkedid`` (the first channel's ``Uniqueid``), the same on every
channel of the call. Events go to the server one at a time, in order; while the server
cannot be reached each is retried (with backoff), so none is lost or reordered; one the
server refuses (4xx) is logged and dropped.

    seatdesk-server ami --server https://desk.example/ \
        --ami-host 10.0.0.5 --ami-user seatdesk  (secrets: SEATDESK_AMI_SECRET and
        SEATDESK_PBX_TOKEN, the pbx source's token, in the environment; the packaged
        server runs it as seatdesk-ami.service from /etc/seatdesk/ami.env)
"""

from __future__ import annotations

import asyncio
import logging
import re
import sys
from collections.abc import Callable
from typing import Any

import requests

log = logging.getLogger("seatdesk.ami")
_DIALLED = re.compile(r"^[A-Za-z0-9_]+/([^-@/;]+)")  # PJSIP/8001-0000002a → 8001
MISSED = ("NOANSWER", "CANCEL", "BUSY", "CHANUNAVAIL", "CONGESTION")


class Refused(Exception):
    """The server refused the event (4xx): retrying would not change that."""


def extension_of(event: Any) -> str:
    """The extension a ``DialBegin`` rings: from the dialled channel, else the dial string."""
    found = _DIALLED.match(str(event.get("DestChannel", "")))
    if found:
        return found.group(1)
    return str(event.get("DialString", "")).split("/")[-1].split("@")[0]


class AmiBridge:
    """Turns AMI events into the server's call events; ``post(body)`` sends one (raising
    ``Refused`` for a 4xx, any other exception to be retried)."""

    def __init__(self, post: Callable[[dict[str, str]], None], *, host: str, port: int,
                 username: str, secret: str, retry: float = 1.0) -> None:
        from panoramisk import Manager

        self._post, self._retry = post, retry
        self._manager = Manager(host=host, port=port, username=username, secret=secret,
                                ping_delay=10, reconnect_timeout=2)
        self._outbox: asyncio.Queue[dict[str, str]] | None = None
        # The caller channel's Uniqueid → the call's id and the extension it rings.
        self._calls: dict[str, tuple[str, str]] = {}
        self.logged_in = asyncio.Event()
        self._manager.register_event("DialBegin", self._dial_begin)
        self._manager.register_event("DialEnd", self._dial_end)
        self._manager.register_event("Hangup", self._hangup)
        self._manager.on_login = lambda _manager: self.logged_in.set()

    async def run(self, stop: asyncio.Event) -> None:
        """Connect (and reconnect) and forward events until ``stop`` is set."""
        self._outbox = asyncio.Queue()
        self._manager.loop = asyncio.get_running_loop()
        self._manager.connect()
        sender = asyncio.create_task(self._send_all())
        await stop.wait()
        self._manager.close()
        sender.cancel()

    def _queue(self, body: dict[str, str]) -> None:
        assert self._outbox is not None
        self._outbox.put_nowait(body)

    def _dial_begin(self, _manager: Any, event: Any) -> None:
        caller_channel = str(event.get("Uniqueid", ""))
        call_id = str(event.get("Linkedid") or caller_channel)
        extension = extension_of(event)
        if not call_id or not extension:
            return
        self._calls[caller_channel] = (call_id, extension)
        self._queue({"call_id": call_id, "event": "ringing", "extension": extension,
                     "caller": _number(event.get("CallerIDNum"))})

    def _dial_end(self, _manager: Any, event: Any) -> None:
        known = self._calls.get(str(event.get("Uniqueid", "")))
        status = str(event.get("DialStatus", "")).upper()
        if known is None or (status != "ANSWER" and status not in MISSED):
            return
        call_id, extension = known
        self._queue({"call_id": call_id, "extension": extension,
                     "caller": _number(event.get("CallerIDNum")),
                     "event": "answered" if status == "ANSWER" else "missed"})

    def _hangup(self, _manager: Any, event: Any) -> None:
        known = self._calls.pop(str(event.get("Uniqueid", "")), None)
        if known is not None:
            call_id, extension = known
            self._queue({"call_id": call_id, "event": "hangup", "extension": extension,
                         "caller": _number(event.get("CallerIDNum"))})

    async def _send_all(self) -> None:
        assert self._outbox is not None
        loop = asyncio.get_running_loop()
        while True:
            body = await self._outbox.get()
            pause = self._retry
            while True:
                try:
                    await loop.run_in_executor(None, self._post, body)
                    break
                except Refused as refused:
                    log.warning("the server refused %s: %s", body, refused)
                    break
                except Exception as error:  # noqa: BLE001 (any failure: retried)
                    log.warning("the server cannot be reached (%s); retrying", error)
                    await asyncio.sleep(pause)
                    pause = min(pause * 2, 30.0)


def _number(value: Any) -> str:
    """The caller's number as the webhook takes it ("<unknown>" and names: withheld)."""
    text = str(value or "")
    return text if re.fullmatch(r"[0-9+*#-]{0,40}", text) else ""


def http_post(server: str, token: str) -> Callable[[dict[str, str]], None]:
    """``post`` for ``AmiBridge``: the server's webhook with the pbx source's token."""
    http = requests.Session()
    url = server.rstrip("/") + "/v1/calls/events"

    def post(body: dict[str, str]) -> None:
        answer = http.post(url, json=body, timeout=(5, 15),
                           headers={"Authorization": f"Bearer {token}"})
        if 400 <= answer.status_code < 500:
            raise Refused(f"{answer.status_code} {answer.text[:200]}")
        answer.raise_for_status()
    return post


def main() -> None:  # pragma: no cover (``seatdesk-server ami`` is the command)
    from app.server.cli import main as cli

    raise SystemExit(cli(["ami", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
