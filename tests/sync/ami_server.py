"""A protocol-level Asterisk Manager Interface server for tests, written from Asterisk's AMI
documentation: the banner line, messages of ``Key: Value`` lines ended by an empty line,
``Action: Login`` answered with ``Response: Success`` (or ``Error``) and the action's
``ActionID``, then ``Event: FullyBooted``; ``Action: Ping`` answered with ``Ping: Pong``;
events pushed to every signed-in client."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Mapping

BANNER = "Asterisk Call Manager/6.0.0\r\n"


class AmiServer:
    def __init__(self, username: str, secret: str) -> None:
        self.username, self.secret = username, secret
        self.port = 0
        self.logins: list[tuple[str, bool]] = []
        self._writers: list[asyncio.StreamWriter] = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.AbstractServer | None = None

    def start(self) -> None:
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._client, "127.0.0.1", 0), self._loop).result(5)
        self.port = self._server.sockets[0].getsockname()[1]

    def stop(self) -> None:
        async def close() -> None:
            for writer in self._writers:
                writer.close()
            if self._server is not None:
                self._server.close()
        asyncio.run_coroutine_threadsafe(close(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)

    def emit(self, event: str, fields: Mapping[str, str]) -> None:
        """Send ``Event: event`` with ``fields`` to every signed-in client."""
        text = _message({"Event": event, "Privilege": "call,all", **fields})

        async def send() -> None:
            for writer in self._writers:
                writer.write(text.encode())
                await writer.drain()
        asyncio.run_coroutine_threadsafe(send(), self._loop).result(5)

    async def _client(self, reader: asyncio.StreamReader,
                      writer: asyncio.StreamWriter) -> None:
        writer.write(BANNER.encode())
        while True:
            try:
                raw = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                return
            action = _parse(raw.decode())
            name = action.get("Action", "").lower()
            action_id = action.get("ActionID", "")
            if name == "login":
                accepted = (action.get("Username"), action.get("Secret")) == (
                    self.username, self.secret)
                self.logins.append((action.get("Username", ""), accepted))
                writer.write(_message(
                    {"Response": "Success" if accepted else "Error", "ActionID": action_id,
                     "Message": "Authentication accepted" if accepted
                     else "Authentication failed"}).encode())
                if accepted:
                    writer.write(_message({"Event": "FullyBooted", "Privilege": "system,all",
                                           "Status": "Fully Booted"}).encode())
                    self._writers.append(writer)
            elif name == "ping":
                writer.write(_message({"Response": "Success", "ActionID": action_id,
                                       "Ping": "Pong", "Timestamp": "0.0"}).encode())
            else:
                writer.write(_message({"Response": "Error", "ActionID": action_id,
                                       "Message": "Invalid/unknown command"}).encode())
            await writer.drain()


def _message(fields: Mapping[str, str]) -> str:
    return "".join(f"{key}: {value}\r\n" for key, value in fields.items()) + "\r\n"


def _parse(text: str) -> dict[str, str]:
    found = {}
    for line in text.strip().split("\r\n"):
        key, _, value = line.partition(":")
        found[key.strip()] = value.strip()
    return found
