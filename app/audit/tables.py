"""The audit log's table (schema 0007)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import ID, Base
from app.store.types import UTCDateTime


class AuditRow(Base):
    """One administrative or supervisory action: who, when, what, before and after.

    Append-only (never changed, never removed), so it never conflicts in sync; the server
    checks that ``actor_id`` is the staff member of the account that pushed the line."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at", "id"),
                      Index("ix_audit_log_actor_at", "actor_id", "at"),
                      Index("ix_audit_log_kind_at", "kind", "at"))

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    kind: Mapped[str] = mapped_column(String(40))  # an AuditKind
    subject: Mapped[str] = mapped_column(String(40))  # the table (or "accounts", "import")
    subject_id: Mapped[str] = mapped_column(String(120), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[str] = mapped_column(Text, default="{}")  # JSON of the changed fields
    after: Mapped[str] = mapped_column(Text, default="{}")
