"""SLA tables: policy versions, calendar overrides, running targets, notifications and
the escalation ledger (升级台账).

``sla_running`` is derived data (recomputed from ticket history at any time) and is the
monitor's index: one row per open target, keyed by the next threshold due. Its times are
integer milliseconds since the epoch (UTC) so the due-row query is an integer range scan
on one index, the same in plain sqlite3 and in the ORM.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import ID, Base
from app.store.types import UTCDateTime


class SlaPolicyRow(Base):
    """One version of the SLA policy; tickets use the version in force when created."""

    __tablename__ = "sla_policies"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime)
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))


class SlaCalendarOverrideRow(Base):
    """An administrator's override of a day: working (True) or closed (False)."""

    __tablename__ = "sla_calendar_overrides"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # ISO date, local
    working: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")


class SlaRunningRow(Base):
    """A target that still runs (or is paused), with its next threshold."""

    __tablename__ = "sla_running"
    __table_args__ = (
        Index("ix_sla_running_next_due", "next_due_ms"),
        Index("ix_sla_running_deadline", "deadline_ms"),
        # The "at risk" and "breached" queue views count from this alone.
        Index("ix_sla_running_state_ticket", "state", "ticket_id"),
    )

    ticket_id: Mapped[str] = mapped_column(ForeignKey("tickets.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    window: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(12))
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    budget_s: Mapped[int] = mapped_column(Integer)
    at_risk_ms: Mapped[int | None] = mapped_column(Integer)
    deadline_ms: Mapped[int | None] = mapped_column(Integer)
    next_due_ms: Mapped[int | None] = mapped_column(Integer)
    next_threshold: Mapped[str | None] = mapped_column(String(12))
    policy_version: Mapped[int] = mapped_column(Integer)
    # The thresholds after the next one, in order: JSON [[code, ms], ...] (schema
    # sla_0002). The monitor moves along it without reading the ticket's history again.
    later: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Counted in business hours through a year whose official holidays nobody knows yet
    # (schema 0008): the deadline is an estimate (app/sla/holiday_years.py).
    estimated: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class SlaNotificationRow(Base):
    """An at-risk or breach raised for a ticket's target, or a phone call's missed answer
    target; raised once, kept over restarts."""

    __tablename__ = "sla_notifications"
    __table_args__ = (
        UniqueConstraint("ticket_id", "kind", "window", "threshold",
                         name="uq_sla_notifications_once"),
        UniqueConstraint("call_id", "kind", "threshold", name="uq_sla_notifications_call"),
        # With the id, the centre reads its newest 500 in order, without sorting all of
        # them: many are raised in the same instant (a desk catching up after a night off).
        Index("ix_sla_notifications_open", "acknowledged_at", "raised_at", "id"),
        # The unread count (at start, at every threshold) from the index alone.
        Index("ix_sla_notifications_unread", "acknowledged_at", "read_at", "snoozed_until"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    # A ticket's target, or (schema 0014) a phone call's answer target: a call is no ticket.
    ticket_id: Mapped[str | None] = mapped_column(ForeignKey("tickets.id"))
    call_id: Mapped[str | None] = mapped_column(ForeignKey("phone_calls.id"))
    kind: Mapped[str] = mapped_column(String(20))
    window: Mapped[int] = mapped_column(Integer, default=0)
    threshold: Mapped[str] = mapped_column(String(12))  # a code of app.sla.thresholds
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    snoozed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SlaEscalationRow(Base):
    """One line of the escalation ledger: what was done, when, and how it went.

    Synced: written only by whoever escalates - the standalone desk itself, or the server's
    escalation service (docs/sync.md); the outcome of a webhook is filled in later."""

    __tablename__ = "sla_escalations"
    __table_args__ = (Index("ix_sla_escalations_ticket", "ticket_id", "at"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("tickets.id"))
    kind: Mapped[str] = mapped_column(String(20))
    threshold: Mapped[str] = mapped_column(String(12))
    # The window of a repeating target (schema sla_0003): with ticket, kind and threshold it
    # says which raise the line belongs to, so nobody carries out the same one twice.
    window: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    action: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(String(20))  # done | failed | pending
    detail: Mapped[str] = mapped_column(Text, default="")
    # Who must follow the escalated ticket (schema 0008), chosen by the rule when it is
    # escalated (``app.sla.owners``): None when nobody fits.
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))


class SlaEscalationReceiptRow(Base):
    """A supervisor's desk showed ("delivered") or the supervisor acknowledged a "notify
    the supervisor" escalation (schema 0007). Append-only, one per desk and step, written
    by the supervisor it reached: the ledger line says it was sent, these say it arrived."""

    __tablename__ = "sla_escalation_receipts"
    __table_args__ = (Index("ix_sla_escalation_receipts_escalation", "escalation_id", "at"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    escalation_id: Mapped[str] = mapped_column(ForeignKey("sla_escalations.id"))
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    step: Mapped[str] = mapped_column(String(20))  # delivered | acknowledged
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class SlaHolidayYearRow(Base):
    """A year's official holidays and make-up working days as an administrator entered them
    from the State Council's notice (schema 0008), for a year the holiday library does not
    know yet. Synced: every desk and the escalation service count business hours with it.
    ``holidays`` and ``workdays`` are ISO dates separated by commas."""

    __tablename__ = "sla_holiday_years"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    holidays: Mapped[str] = mapped_column(Text, default="")
    workdays: Mapped[str] = mapped_column(Text, default="")
    notice: Mapped[str] = mapped_column(Text, default="")  # the notice's title or number
    author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)
