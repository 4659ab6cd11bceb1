"""The desk's side of the change feed (``GET /v1/stream``, app/server/feed.py): the
server-sent events read into pages the sync round applies, and hints to pull.

Runs on the runner's listening thread, never on the GUI thread. The rows it receives are
applied by the round thread (``Syncer.sync_once(pages)``), so one thread writes the desk's
copy and reports, as with pulls.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import orjson

from app.sync.protocol import Change, PullPage, StreamedPage


@dataclass(frozen=True)
class FeedEvent:
    """``page``: rows to apply; else a hint that the server is at ``cursor`` (pull), or
    (``alive``) only a heartbeat: the stream is open."""

    cursor: int
    page: StreamedPage | None = None
    alive: bool = False


ALIVE = FeedEvent(-1, alive=True)


def parse(lines: Iterable[bytes]) -> Iterator[FeedEvent]:
    """Server-sent events (one ``data:`` line each) into feed events; comments (the
    heartbeats) are ``ALIVE``, unknown events ignored (a newer server may add some)."""
    kind, data = b"", b""
    for line in lines:
        if not line:
            if data:
                event = _event(kind, data)
                if event is not None:
                    yield event
            kind, data = b"", b""
        elif line.startswith(b":"):
            yield ALIVE
        else:
            name, _, value = line.partition(b":")
            value = value.removeprefix(b" ")
            if name == b"event":
                kind = value
            elif name == b"data":
                data = data + b"\n" + value if data else value


def _event(kind: bytes, data: bytes) -> FeedEvent | None:
    body = orjson.loads(data)
    cursor = int(body["cursor"])
    if kind == b"changes":
        page = PullPage([Change.from_json(c) for c in body["changes"]], cursor,
                        bool(body["more"]))
        return FeedEvent(cursor, StreamedPage(int(body["after"]), page))
    if kind == b"changed":
        return FeedEvent(cursor)
    return None
