"""A local HTTP server standing in for an escalation webhook: it records every call and
answers as told per path - ``/ok`` 200, ``/fail`` 500, ``/hang`` only once ``release`` is
set (clients time out meanwhile)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Hook:
    base: str
    calls: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str = "/ok") -> str:
        return self.base + path

    def count(self, path: str, ticket_id: str) -> int:
        return sum(1 for p, body in self.calls if p == path and body["ticket_id"] == ticket_id)


def _handler(hook: Hook) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            hook.calls.append((self.path, json.loads(body)))
            if self.path == "/hang":
                hook.release.wait(30)
            self.send_response(500 if self.path == "/fail" else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            pass

    return Handler


@contextmanager
def serving_hook() -> Iterator[Hook]:
    """The hook server on a free port of 127.0.0.1 (fixture ``hook`` in tests/conftest.py)."""
    recorded = Hook("")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(recorded))
    server.daemon_threads = True
    recorded.base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield recorded
    recorded.release.set()
    server.shutdown()
    server.server_close()
