"""Monitoring sources and their tokens.

Each source posts with its own token (``Authorization: Bearer …``), stored only as its
SHA-256: a token is long and random, so a fast hash is enough (argon2 is for passwords
people choose), and every alert request can afford the look-up. The token is shown once,
when it is made or replaced.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, Row, insert, select, update
from sqlalchemy.exc import IntegrityError

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.server.channels.tables import alert_sources

KINDS = ("alertmanager", "zabbix", "pbx")


class SourceRefused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class NewSource(BaseModel):
    name: str = Field(min_length=1, max_length=80, pattern=r"^[^\x00]+$")
    kind: str = Field(pattern="^(alertmanager|zabbix|pbx)$")
    storm_threshold: int = Field(default=20, ge=0, le=100000,
                                 description="new tickets within the window before alerts "
                                             "are grouped; 0 never groups")
    storm_window: int = Field(default=300, ge=10, le=86400, description="seconds")
    ring_seconds: float = Field(default=5.0, gt=0, le=60,
                                description="a PBX's ring length: rings = seconds to answer "
                                            "÷ this")


class SourceChange(BaseModel):
    active: bool | None = None
    storm_threshold: int | None = Field(default=None, ge=0, le=100000)
    storm_window: int | None = Field(default=None, ge=10, le=86400)
    ring_seconds: float | None = Field(default=None, gt=0, le=60)


class SourceView(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    kind: str
    active: bool
    storm_threshold: int
    storm_window: int
    ring_seconds: float = 5.0
    token: str | None = Field(default=None, description="only when made or replaced")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def list_sources(conn: Connection) -> list[SourceView]:
    return [_view(row) for row in conn.execute(select(alert_sources)
                                               .order_by(alert_sources.c.name))]


def create_source(conn: Connection, clock: Clock, new: NewSource) -> SourceView:
    token = secrets.token_urlsafe(32)
    source_id = new_id(clock)
    try:
        with conn.begin_nested():
            conn.execute(insert(alert_sources).values(
                id=source_id, name=new.name.strip(), kind=new.kind,
                token_hash=token_hash(token), storm_threshold=new.storm_threshold,
                storm_window=new.storm_window, ring_seconds=new.ring_seconds,
                created_at=clock.now()))
    except IntegrityError:
        raise SourceRefused(409, "name_taken",
                            f"a source named {new.name!r} exists") from None
    return _view(_source(conn, source_id)).model_copy(update={"token": token})


def replace_token(conn: Connection, source_id: str) -> SourceView:
    """A new token; the old one is refused from now on."""
    _source(conn, source_id)
    token = secrets.token_urlsafe(32)
    conn.execute(update(alert_sources).where(alert_sources.c.id == source_id)
                 .values(token_hash=token_hash(token)))
    return _view(_source(conn, source_id)).model_copy(update={"token": token})


def change_source(conn: Connection, source_id: str, change: SourceChange) -> SourceView:
    _source(conn, source_id)
    values = {k: v for k, v in change.model_dump().items() if v is not None}
    if values:
        conn.execute(update(alert_sources).where(alert_sources.c.id == source_id)
                     .values(**values))
    return _view(_source(conn, source_id))


def locked_source(conn: Connection, token: str, kind: str, *,
                  lock: bool = True) -> Row[Any] | None:
    """The active source of ``kind`` whose token this is, locked until the transaction
    ends: a source's alerts are taken one request at a time, so two posts of one new alert
    cannot both open a ticket, and the storm count is exact. (A PBX's calls lock their own
    rows instead: ``lock=False``.)"""
    query = select(alert_sources).where(
        alert_sources.c.token_hash == token_hash(token), alert_sources.c.kind == kind,
        alert_sources.c.active)
    return conn.execute(query.with_for_update() if lock else query).first()


def _source(conn: Connection, source_id: str) -> Row[Any]:
    row = conn.execute(select(alert_sources).where(alert_sources.c.id == source_id)).first()
    if row is None:
        raise SourceRefused(404, "unknown_source", "no such alert source")
    return row


def _view(row: Row[Any]) -> SourceView:
    return SourceView(id=row.id, name=row.name, kind=row.kind, active=row.active,
                      storm_threshold=row.storm_threshold, storm_window=row.storm_window,
                      ring_seconds=row.ring_seconds)
