"""Tables of the handling process (schema 0009), all synced.

A plan (``process_plans``) is either a level-2 handling plan or a level-1 emergency plan
taken from the library (``kind``); its steps are rows of their own so two seats ticking
off different steps never conflict. Verifications, reviews and analyses are append-only:
the newest one counts, the older ones stay as history.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import ID, Base, Synced
from app.store.types import UTCDateTime


class PlanRow(Synced, Base):
    """A ticket's handling or emergency plan; saving it meets the "plan" target."""

    __tablename__ = "process_plans"
    __table_args__ = (Index("ix_process_plans_ticket", "ticket_id"),)

    ticket_id: Mapped[str] = mapped_column(ForeignKey("tickets.id"))
    kind: Mapped[str] = mapped_column(String(20))  # handling | emergency
    template: Mapped[str] = mapped_column(String(40), default="")  # emergency library code
    summary: Mapped[str] = mapped_column(Text, default="")
    # Emergency plans: the senior expert in charge and the plan's named roles, as JSON
    # {role code: staff id}.
    expert_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    roles: Mapped[str] = mapped_column(Text, default="{}")
    author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PlanStepRow(Synced, Base):
    """One step of a plan: what, who, by when, and whether it is done."""

    __tablename__ = "process_plan_steps"
    __table_args__ = (Index("ix_process_plan_steps_plan", "plan_id", "position"),)

    plan_id: Mapped[str] = mapped_column(ForeignKey("process_plans.id"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    planned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))  # last writer


class VerificationRow(Base):
    """A technical lead's verification of a level-2 resolution, before the requester is
    asked to confirm (``approved`` False: the result does not hold, with the reason)."""

    __tablename__ = "process_verifications"
    __table_args__ = (Index("ix_process_verifications_ticket", "ticket_id", "at"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("tickets.id"))
    verifier_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    approved: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")


class ReviewRow(Base):
    """A senior engineer's review of a level-3 result: approved, or sent back with
    findings (which reopen the ticket)."""

    __tablename__ = "process_reviews"
    __table_args__ = (Index("ix_process_reviews_ticket", "ticket_id", "at"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("tickets.id"))
    reviewer_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    approved: Mapped[bool] = mapped_column(Boolean)
    findings: Mapped[str] = mapped_column(Text, default="")


class AnalysisRow(Base):
    """The seat's analysis of a level-3 request and the time planned for it, at intake."""

    __tablename__ = "process_analyses"
    __table_args__ = (Index("ix_process_analyses_ticket", "ticket_id", "at"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("tickets.id"))
    author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    analysis: Mapped[str] = mapped_column(Text)
    planned_minutes: Mapped[int] = mapped_column(Integer)
