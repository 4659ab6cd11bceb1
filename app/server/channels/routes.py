"""The channels' HTTP routes on the sync server: the alert webhooks (authenticated by the
source's token) and the administration of sources and rules (``manage_channels``)."""

# No ``from __future__ import annotations``: FastAPI reads the annotations at definition.
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from app.domain.clock import Clock
from app.domain.roles import Capability
from app.server.accounts import User
from app.server.channels import alerts, rules, sources
from app.server.channels.lookups import Lookups
from app.server.channels.payloads import (
    AlertmanagerBody,
    Report,
    ZabbixBody,
    from_alertmanager,
    from_zabbix,
)
from app.server.channels.rules import RuleBook
from app.server.channels.sources import NewSource, SourceChange, SourceRefused, SourceView

Errors = Callable[..., dict[int | str, dict[str, Any]]]
SourceId = Annotated[str, Path(min_length=1, max_length=36, pattern=r"^[0-9a-f-]+$")]
_source_token = HTTPBearer(auto_error=False, scheme_name="SourceToken",
                           description="the alert source's own token")


def install(app: FastAPI, engine: Engine, clock: Clock,
            current_user: Callable[..., User], errors: Errors) -> None:
    @app.exception_handler(SourceRefused)
    async def refused(_request: Request, error: SourceRefused) -> JSONResponse:
        return JSONResponse({"error": error.code, "message": error.message},
                            status_code=error.status)

    lookups = Lookups()
    _webhooks(app, engine, clock, errors, lookups)
    _administration(app, engine, clock, current_user, errors, lookups)


def _token(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None or not credentials.credentials:
        raise SourceRefused(401, "unauthenticated", "an alert source posts with its token")
    return credentials.credentials


def _webhooks(app: FastAPI, engine: Engine, clock: Clock, errors: Errors,
              lookups: Lookups) -> None:
    Token = Annotated[HTTPAuthorizationCredentials | None, Depends(_source_token)]

    def take(token: str, kind: str, read: Callable[[], list[Report]]) -> dict[str, Any]:
        with engine.begin() as conn:
            # The token first: whoever does not hold one learns nothing of the payload.
            source = sources.locked_source(conn, token, kind)
            if source is None:
                raise SourceRefused(401, "unknown_source",
                                    f"the token is not an active {kind} source's")
            try:
                reports = read()
            except ValueError as error:
                raise SourceRefused(422, "invalid_alert", str(error)) from None
            try:
                return alerts.take(conn, clock, source, reports, lookups).as_json()
            except alerts.CatalogMissing as error:
                raise SourceRefused(409, "catalog_missing", str(error)) from None

    @app.post("/v1/alerts/alertmanager", responses=errors(401, 409))
    def alertmanager(body: AlertmanagerBody, credentials: Token) -> dict[str, Any]:
        """Prometheus Alertmanager's webhook (``webhook_config`` with the source's token as
        ``http_config.authorization.credentials``)."""
        return take(_token(credentials), "alertmanager", lambda: from_alertmanager(body))

    @app.post("/v1/alerts/zabbix", responses=errors(401, 409))
    def zabbix(body: ZabbixBody, credentials: Token) -> dict[str, Any]:
        """A Zabbix webhook media type's post (docs/channels.md gives its script)."""
        return take(_token(credentials), "zabbix", lambda: from_zabbix(body))


def _administration(app: FastAPI, engine: Engine, clock: Clock,
                    current_user: Callable[..., User], errors: Errors,
                    lookups: Lookups) -> None:
    def admin(user: Annotated[User, Depends(current_user)]) -> User:
        if not user.may(Capability.MANAGE_CHANNELS):
            raise SourceRefused(403, "forbidden", "your role may not manage the channels")
        return user

    Admin = Annotated[User, Depends(admin)]

    @app.get("/v1/alerts/sources", responses=errors(401, 403))
    def list_sources(_user: Admin) -> list[SourceView]:
        with engine.connect() as conn:
            return sources.list_sources(conn)

    @app.post("/v1/alerts/sources", status_code=201, responses=errors(401, 403, 409))
    def create_source(body: NewSource, _user: Admin) -> SourceView:
        with engine.begin() as conn:
            return sources.create_source(conn, clock, body)

    @app.put("/v1/alerts/sources/{source_id}", responses=errors(401, 403, 404))
    def change_source(source_id: SourceId, body: SourceChange, _user: Admin) -> SourceView:
        with engine.begin() as conn:
            return sources.change_source(conn, source_id, body)

    @app.post("/v1/alerts/sources/{source_id}/token", responses=errors(401, 403, 404))
    def replace_token(source_id: SourceId, _user: Admin) -> SourceView:
        with engine.begin() as conn:
            return sources.replace_token(conn, source_id)

    @app.get("/v1/alerts/rules", responses=errors(401, 403))
    def read_rules(_user: Admin) -> RuleBook:
        with engine.connect() as conn:
            return RuleBook(rules=rules.read_rules(conn))

    @app.put("/v1/alerts/rules", responses=errors(401, 403, 409))
    def replace_rules(body: RuleBook, _user: Admin) -> RuleBook:
        with engine.begin() as conn:
            known = {s.id for s in sources.list_sources(conn)}
            unknown = {r.source_id for r in body.rules if r.source_id} - known
            if unknown:
                raise SourceRefused(409, "unknown_source",
                                    f"no alert source {sorted(unknown)[0]}")
            rules.replace_rules(conn, clock, body.rules)
            saved = RuleBook(rules=rules.read_rules(conn))
        lookups.forget_rules()  # after the commit: a concurrent alert cannot re-read the old
        return saved
