"""The questionnaire's routes: ``/q/{token}`` for the requester (HTML, no account), and
``/v1/questionnaires`` for the mail service (role ``mail``: links asked for, answers
collected and marked applied)."""

# No ``from __future__ import annotations``: FastAPI reads the endpoint annotations.

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import Depends, FastAPI, Path, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field
from sqlalchemy import Engine

from app.domain.clock import Clock
from app.domain.roles import Capability, may
from app.server import questionnaires as q
from app.server.accounts import User

AnswerId = Annotated[str, Path(min_length=1, max_length=36, pattern=r"^[0-9a-f-]+$")]
FORM_MAX = 16 * 1024  # bytes of a posted form: the comment's 2 000 characters and more


NO_NUL = r"^[^\x00]*$"


class LinkBody(BaseModel):
    ticket_id: str = Field(min_length=1, max_length=36, pattern=NO_NUL)
    number: str = Field(min_length=1, max_length=32, pattern=NO_NUL)
    title: str = Field(max_length=200, pattern=NO_NUL)


def install(app: FastAPI, engine: Engine, clock: Clock, current_user: Callable[..., User],
            refuse: Callable[[int, str, str], Exception],
            errors: Callable[..., dict[int | str, dict[str, Any]]]) -> None:
    def mail_service(user: User = Depends(current_user)) -> User:  # noqa: B008
        if not may(user.role, Capability.SEND_MESSAGES):
            raise refuse(403, "forbidden", "only the mail service asks for questionnaires")
        return user

    @app.post("/v1/questionnaires", responses=errors(401, 403))
    def link(body: LinkBody, _user: User = Depends(mail_service)) -> dict[str, str]:  # noqa: B008
        with engine.begin() as conn:
            token = q.issue(conn, clock, body.ticket_id, body.number, body.title)
        return {"path": q.url_path(token)}

    @app.get("/v1/questionnaires/answers", responses=errors(401, 403))
    def answers(_user: User = Depends(mail_service)) -> dict[str, Any]:  # noqa: B008
        with engine.connect() as conn:
            return {"answers": q.unapplied(conn)}

    @app.post("/v1/questionnaires/{answer_id}/applied", responses=errors(401, 403))
    def applied(answer_id: AnswerId, _user: User = Depends(mail_service)  # noqa: B008
                ) -> dict[str, str]:
        with engine.begin() as conn:
            q.mark_applied(conn, clock, answer_id[:36])
        return {"status": "ok"}

    @app.get("/q/{token}", response_class=HTMLResponse, include_in_schema=False)
    def page(token: str) -> HTMLResponse:
        with engine.connect() as conn:
            found = q.find(conn, clock, token[:100])
        if isinstance(found, q.Refusal):
            return HTMLResponse(q.refusal_page(found), status_code=found.status)
        return HTMLResponse(q.form_page(found))

    @app.post("/q/{token}", response_class=HTMLResponse, include_in_schema=False)
    async def answer(token: str, request: Request) -> HTMLResponse:
        raw = await request.body()
        form = parse_qs(raw[:FORM_MAX].decode("utf-8", errors="replace"))
        with engine.begin() as conn:
            found = q.find(conn, clock, token[:100])
            if isinstance(found, q.Refusal):
                return HTMLResponse(q.refusal_page(found), status_code=found.status)
            checked = q.checked(form)
            if isinstance(checked, str):
                return HTMLResponse(q.form_page(found, checked, form), status_code=422)
            if not q.record(conn, clock, token[:100], checked):
                return HTMLResponse(q.refusal_page(q.USED), status_code=410)
        return HTMLResponse(q.thanks_page(checked))
