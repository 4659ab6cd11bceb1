"""The baseline of bench/load.py: a bare server-sent-event fan-out (one uvicorn process,
no database, no authentication). ``POST /w`` with a line of text sends it to every open
``GET /s``; what HTTP and SSE alone cost the same thin desks.

    python -m bench.load_bare PORT
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

listeners: set[asyncio.Queue[bytes]] = set()


async def write(request: Request) -> Response:
    line = b"data: " + await request.body() + b"\n\n"
    for listener in listeners:
        listener.put_nowait(line)
    return JSONResponse({"ok": True})


async def stream(_request: Request) -> Response:
    async def events() -> AsyncIterator[bytes]:
        mine: asyncio.Queue[bytes] = asyncio.Queue()
        listeners.add(mine)
        try:
            yield b": hello\n\n"
            while True:
                try:
                    yield await asyncio.wait_for(mine.get(), 15)
                except TimeoutError:
                    yield b": keep-alive\n\n"
        finally:
            listeners.discard(mine)

    return StreamingResponse(events(), media_type="text/event-stream")


async def health(_request: Request) -> Response:
    return JSONResponse({"status": "ok"})


app = Starlette(routes=[Route("/w", write, methods=["POST"]), Route("/s", stream),
                        Route("/health", health)])

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_config=None,
                access_log=False, timeout_graceful_shutdown=1, timeout_keep_alive=75)
