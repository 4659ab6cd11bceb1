"""What every request body of the API must be before any value reaches the database.

``BodyLimit`` holds the size limit while a body is read, on every route: a chunked body
announces no length, and without it a 256 MiB one was read whole into memory before
anything looked at it. Past the limit the reading stops and the answer is 413.

JSON may spell a lone UTF-16 surrogate (``"\\ud800"``); Python's parser takes it, but it is
no text: neither PostgreSQL nor the answer's encoder can write it, and a desk could never
store it. ``Body`` refuses it anywhere in a body - keys, values, nested patches - as a bad
request (422 in the API's ``{error, message}`` shape) instead of a server error.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, model_validator
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def _check(value: Any) -> None:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("text must be valid Unicode (no lone surrogates)") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check(key)
            _check(item)
    elif isinstance(value, list):
        for item in value:
            _check(item)


class Body(BaseModel):
    """A request body whose every text is valid Unicode."""

    @model_validator(mode="before")
    @classmethod
    def _valid_text(cls, data: Any) -> Any:
        _check(data)
        return data


class BodyLimit:
    """ASGI middleware: a request body may not grow past ``limit`` bytes while it is read.

    The reader gets an ``HTTPException(413)``, which the API's handler answers in its own
    shape; should it surface here instead (read outside a route), it is answered here."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received = 0
        started = False

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise HTTPException(413, f"requests are limited to {self.limit} bytes")
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, watched)
        except HTTPException as error:
            if started or error.status_code != 413:
                raise
            answer = JSONResponse({"error": "too_large", "message": str(error.detail)},
                                  status_code=413)
            await answer(scope, receive, send)
