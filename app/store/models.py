"""SQLAlchemy models of the local store (and, later, of the server's database).

Synced tables carry a UUIDv7 primary key, a version for per-field merge and a tombstone
flag: nothing is hard-deleted (DESIGN.md section 3).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, MetaData, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.store.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(36)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Synced:
    """Columns every synced table has."""

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class TicketTypeRow(Synced, Base):
    __tablename__ = "ticket_types"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str] = mapped_column(String(80))
    color: Mapped[str] = mapped_column(String(9))
    icon: Mapped[str] = mapped_column(String(8))
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class CategoryRow(Synced, Base):
    __tablename__ = "categories"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str] = mapped_column(String(80))
    color: Mapped[str] = mapped_column(String(9))
    icon: Mapped[str] = mapped_column(String(8))
    skill: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    # The person answerable for this kind of problem (the customer asks that every kind has
    # a named owner), and whether it is retired: kept for the tickets that use it, no
    # longer offered for new ones (schema 0007).
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class TeamRow(Synced, Base):
    __tablename__ = "teams"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str] = mapped_column(String(80))
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class SkillRow(Synced, Base):
    """A skill staff may have and a category may ask for, by its code (schema 0007)."""

    __tablename__ = "skills"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str] = mapped_column(String(80))
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class StaffRow(Synced, Base):
    __tablename__ = "staff"

    name: Mapped[str] = mapped_column(String(80))
    login: Mapped[str] = mapped_column(String(80), unique=True)
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"))
    seniority: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    # A person who left: kept, with their history, but offered for nothing new and unable
    # to sign in (schema 0007).
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")


class StaffSkillRow(Base):
    __tablename__ = "staff_skills"

    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), primary_key=True)
    skill: Mapped[str] = mapped_column(String(40), primary_key=True)


class RequesterRow(Synced, Base):
    __tablename__ = "requesters"

    name: Mapped[str] = mapped_column(String(80), index=True)
    unit: Mapped[str] = mapped_column(String(120), index=True)
    phone: Mapped[str] = mapped_column(String(40), index=True)
    email: Mapped[str] = mapped_column(String(120))
    # A duplicate merged away points at the survivor (its tickets follow it; schema 0007).
    merged_into: Mapped[str | None] = mapped_column(ID)


class TicketRow(Synced, Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_state_created", "state", "created_at"),
        Index("ix_tickets_assignee_state", "assignee_id", "state"),
        Index("ix_tickets_team_state", "team_id", "state"),
        # Queue views count live tickets per state: covering, so no table look-ups.
        Index("ix_tickets_state_deleted", "state", "deleted"),
        # Sorting a queue by level or channel pages along these instead of sorting 100 000.
        Index("ix_tickets_level_id", "level", "id"),
        Index("ix_tickets_channel_id", "channel", "id"),
        # Filters by level: without it, "level 1, closed" read every closed ticket to count
        # the few of level 1 (SQLite keeps no statistics of how rare a level is). With the
        # creation time it also gives their newest page in order.
        Index("ix_tickets_level_state", "level", "state", "deleted", "created_at", "id"),
        Index("ix_tickets_created_id", "created_at", "id"),
        # Sorting by requester or category pages along these copies of the names instead
        # of joining and sorting every ticket (app/store/sort_keys.py).
        Index("ix_tickets_requester_sort_id", "requester_sort", "id"),
        Index("ix_tickets_category_sort_zh_id", "category_sort_zh", "id"),
        Index("ix_tickets_category_sort_en_id", "category_sort_en", "id"),
        Index("ix_tickets_type_sort_zh_id", "type_sort_zh", "id"),
        Index("ix_tickets_type_sort_en_id", "type_sort_en", "id"),
        Index("ix_tickets_unit_sort_id", "unit_sort", "id"),
        Index("ix_tickets_assignee_sort_id", "assignee_sort", "id"),
        Index("ix_tickets_updated_id", "updated_at", "id"),
        # The level-3 review queue: the results of one level resolved since a moment, newest
        # first (schema 0009, app/process/reading.py).
        Index("ix_tickets_level_resolved", "level", "resolved_at"),
        # Tombstones are rare: live count = count(*) - this tiny partial index's count.
        Index("ix_tickets_tombstones", "id", sqlite_where=text("deleted = 1"),
              postgresql_where=text("deleted")),
    )

    number: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    requester_id: Mapped[str | None] = mapped_column(ForeignKey("requesters.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    type_id: Mapped[str] = mapped_column(ForeignKey("ticket_types.id"))
    category_id: Mapped[str] = mapped_column(ForeignKey("categories.id"), index=True)
    urgency: Mapped[int] = mapped_column(Integer)
    impact: Mapped[int] = mapped_column(Integer)
    importance: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer)
    level_reason: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(24))
    pending_reason: Mapped[str] = mapped_column(Text, default="")
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    solution: Mapped[str] = mapped_column(Text, default="")
    cause: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    # How the rating was collected: call_back or questionnaire (schema 0007).
    satisfaction_method: Mapped[str] = mapped_column(String(20), default="", server_default="")
    closed_unconfirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Copies of the names the queues sort by ('' where there is none), written with every
    # change of the reference they follow (app/store/sort_keys.py).
    requester_sort: Mapped[str] = mapped_column(String(80), default="", server_default="")
    category_sort_zh: Mapped[str] = mapped_column(String(80), default="", server_default="")
    category_sort_en: Mapped[str] = mapped_column(String(80), default="", server_default="")
    type_sort_zh: Mapped[str] = mapped_column(String(80), default="", server_default="")
    type_sort_en: Mapped[str] = mapped_column(String(80), default="", server_default="")
    unit_sort: Mapped[str] = mapped_column(String(120), default="", server_default="")
    assignee_sort: Mapped[str] = mapped_column(String(80), default="", server_default="")


class TicketEventRow(Base):
    """One append-only entry of a ticket's timeline: it never changes, so it never conflicts."""

    __tablename__ = "ticket_events"
    __table_args__ = (Index("ix_ticket_events_ticket_at", "ticket_id", "at"),
                      # the causes recorded in a period (reports; migration 0016): partial,
                      # so that no look-up of one ticket's events of a kind walks it
                      Index("ix_ticket_events_missed_cause", "at",
                            sqlite_where=text("kind = 'missed_cause'")))

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("tickets.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    kind: Mapped[str] = mapped_column(String(24))
    body: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[str] = mapped_column(Text, default="{}")


class TicketLinkRow(Base):
    """A relation between two tickets (duplicate of, related to, caused by); append-only."""

    __tablename__ = "ticket_links"
    __table_args__ = (Index("ix_ticket_links_other", "other_id"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("tickets.id"), index=True)
    other_id: Mapped[str] = mapped_column(ForeignKey("tickets.id"))
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))


class SavedFilterRow(Synced, Base):
    """A queue filter a seat saved under a name; the definition is JSON."""

    __tablename__ = "saved_filters"

    owner_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    definition: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class TicketIndexRow(Base):
    """Which row of the ``ticket_search`` full-text table holds a ticket's text."""

    __tablename__ = "ticket_index_rows"

    ticket_id: Mapped[str] = mapped_column(ForeignKey("tickets.id"), primary_key=True)
    search_rowid: Mapped[int] = mapped_column(Integer, unique=True)


class DeskSettingRow(Base):
    """One desk-wide setting (grading weights, confirmation timeout, ...), synced, changed
    by administrators only; ``value`` is JSON (schema 0007, app/desk_settings.py)."""

    __tablename__ = "desk_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))


class CounterRow(Base):
    """Named local counters, e.g. the next ticket number."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)
