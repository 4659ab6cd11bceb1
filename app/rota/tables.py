"""SQLAlchemy models of the rota, on the shared ``Base`` (listed in app/store/tables.py).

Days are calendar dates in the desk's time zone (a shift belongs to the day it starts);
instants are UTC. Assignments and overrides are synced rows: a re-plan tombstones the
old draft assignments instead of deleting them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import ID, Base, Synced
from app.store.types import UTCDateTime


class ShiftTypeRow(Synced, Base):
    __tablename__ = "rota_shift_types"

    code: Mapped[str] = mapped_column(String(8), unique=True)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(40))
    start_minute: Mapped[int] = mapped_column(Integer)
    minutes: Mapped[int] = mapped_column(Integer)
    color: Mapped[str] = mapped_column(String(9))
    on_call: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Comma-separated codes that may not start the next day (schema 0013).
    not_followed_by: Mapped[str] = mapped_column(Text, default="", server_default="")


class CoverageRow(Synced, Base):
    __tablename__ = "rota_coverage"

    shift_code: Mapped[str] = mapped_column(String(8))
    day_kind: Mapped[str] = mapped_column(String(10))
    headcount: Mapped[int] = mapped_column(Integer)
    seniors: Mapped[int] = mapped_column(Integer, default=0)
    skills: Mapped[str] = mapped_column(Text, default="")  # comma-separated skill codes
    # A row for one date (a special-assurance period) wins over its kind of day's; the
    # weights price a missing or extra person, 0 meaning the rule's (schema 0013).
    day: Mapped[date | None] = mapped_column(Date)
    under_weight: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    over_weight: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class RuleRow(Synced, Base):
    __tablename__ = "rota_rules"

    kind: Mapped[str] = mapped_column(String(40), unique=True)
    hard: Mapped[bool] = mapped_column(Boolean)
    weight: Mapped[int] = mapped_column(Integer, default=1)
    value: Mapped[int] = mapped_column(Integer, default=0)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)


class ContractRow(Synced, Base):
    """Contracted hours a week and the person's own limits (``model.Limits``, None: the
    desk's rule); staff without a row work full time under the desk's rules."""

    __tablename__ = "rota_contracts"

    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), unique=True)
    hours_per_week: Mapped[int] = mapped_column(Integer)
    max_shifts: Mapped[str] = mapped_column(Text, default="", server_default="")  # "N=0,E=8"
    min_minutes: Mapped[int | None] = mapped_column(Integer)
    max_minutes: Mapped[int | None] = mapped_column(Integer)
    max_consecutive: Mapped[int | None] = mapped_column(Integer)
    min_consecutive: Mapped[int | None] = mapped_column(Integer)
    min_days_off: Mapped[int | None] = mapped_column(Integer)
    max_weekends: Mapped[int | None] = mapped_column(Integer)


class AbsenceRow(Synced, Base):
    __tablename__ = "rota_absences"

    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), index=True)
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")


class PreferenceRow(Synced, Base):
    __tablename__ = "rota_preferences"

    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    shift_code: Mapped[str | None] = mapped_column(String(8))
    wanted: Mapped[bool] = mapped_column(Boolean)
    weight: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class PeriodRow(Synced, Base):
    """A planned period; published ones are what "on duty now" reads."""

    __tablename__ = "rota_periods"

    first_day: Mapped[date] = mapped_column(Date, index=True)
    last_day: Mapped[date] = mapped_column(Date)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))


class AssignmentRow(Synced, Base):
    __tablename__ = "rota_assignments"
    __table_args__ = (Index("ix_rota_assignments_day_staff", "day", "staff_id"),)

    day: Mapped[date] = mapped_column(Date)
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"))
    shift_code: Mapped[str] = mapped_column(String(8))


class OverrideRow(Synced, Base):
    """Who covers whom after publication, and why; never edited, so it is the history."""

    __tablename__ = "rota_overrides"

    day: Mapped[date] = mapped_column(Date, index=True)
    shift_code: Mapped[str] = mapped_column(String(8))
    absent_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    cover_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    author_id: Mapped[str | None] = mapped_column(ID)
