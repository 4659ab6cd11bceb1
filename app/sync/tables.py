"""The desk's sync bookkeeping: the outbox, what version of each row it last saw, its
cursor, the conflict log it pulled, and the ticket-number blocks it leased.

The outbox id is the mutation id: AUTOINCREMENT, so an id is never reused even after the
rows before it were acknowledged and removed.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base
from app.store.types import UTCDateTime

PENDING = "pending"
REJECTED = "rejected"


class OutboxRow(Base):
    """A local change not yet acknowledged by the server (or rejected by it)."""

    __tablename__ = "sync_outbox"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(120))
    op: Mapped[str] = mapped_column(String(10))
    patch: Mapped[str] = mapped_column(Text)  # JSON
    base_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(10), default=PENDING, index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    # The login of the seat that made the change: pushed under that account's token, so a
    # shift change never sends one seat's edits as another's (schema 0007).
    login: Mapped[str] = mapped_column(String(80), default="", server_default="")


class RowVersionRow(Base):
    """The server version of a row as this desk last saw it (the base of its next edit)."""

    __tablename__ = "sync_row_versions"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class SyncStateRow(Base):
    """Named values: desk id, pull cursor, server URL, signed-in user."""

    __tablename__ = "sync_state"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ConflictRow(Base):
    """One entry of the conflict log: a field two desks changed, the value kept and lost."""

    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(120))
    field: Mapped[str] = mapped_column(String(60))
    kept: Mapped[str] = mapped_column(Text)  # JSON
    lost: Mapped[str] = mapped_column(Text)  # JSON
    kept_by: Mapped[str] = mapped_column(String(160))
    lost_by: Mapped[str] = mapped_column(String(160))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    seen: Mapped[bool] = mapped_column(default=False)


class NumberLeaseRow(Base):
    """A block of final ticket numbers leased from the server; ``next`` is the next unused."""

    __tablename__ = "sync_number_leases"

    first: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer)
    next: Mapped[int] = mapped_column(Integer)


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


OUTBOX = _table(OutboxRow)
ROW_VERSIONS = _table(RowVersionRow)
STATE = _table(SyncStateRow)
CONFLICT_LOG = _table(ConflictRow)
NUMBER_LEASES = _table(NumberLeaseRow)
