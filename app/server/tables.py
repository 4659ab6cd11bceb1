"""The sync server's PostgreSQL schema.

Rows of every synced entity live in one table as JSON (``sync_rows``): the server merges
fields, it does not query tickets, so one generic store serves every entity and a new
synced table needs no server migration. ``seq`` is the change sequence: taken from the
``sync_counters`` row inside the writing transaction (the row lock orders commits), so a
pull cursor can never skip a change that commits late (DESIGN.md section 6.4).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

users = Table(
    "users", metadata,
    Column("id", String(36), primary_key=True),
    Column("login", String(80), nullable=False, unique=True),
    Column("name", String(80), nullable=False),
    Column("role", String(20), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

tokens = Table(
    "tokens", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", ForeignKey("users.id"), nullable=False),
    Column("kind", String(10), nullable=False),  # access | refresh
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("revoked", Boolean, nullable=False, server_default=text("false")),
    # Every token of one sign-in (its refreshes included) shares a family: signing out
    # revokes all of them, the access tokens too (schema server_0002).
    Column("family", String(64), nullable=True, index=True),
    # The refresh token this one was issued for (None: issued at a sign-in). A refresh token
    # stays usable after its refresh ("spent") as long as nothing issued for it was used: a
    # desk that never heard the answer of a refresh repeats it and is not signed out.
    Column("parent", String(64), nullable=True, index=True),
    Column("spent", Boolean, nullable=False, server_default=text("false")),
    Column("used", Boolean, nullable=False, server_default=text("false")),
)

login_failures = Table(
    "login_failures", metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("login", String(80), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
)

desks = Table(
    "desks", metadata,
    Column("desk_id", String(36), primary_key=True),
    Column("user_id", ForeignKey("users.id"), nullable=True),
    Column("last_mutation_id", BigInteger, nullable=False, server_default=text("0")),
    Column("last_seen", DateTime(timezone=True), nullable=True),
    # The account (``user_id``) and the desk's incarnation that registered the desk id:
    # nobody else pushes under it (schema server_0002).
    Column("incarnation", String(36), nullable=False, server_default=""),
    # A desk id found reused by a restored or copied desk: it takes no new mutation again.
    Column("retired", Boolean, nullable=False, server_default=text("false")),
    # The first mutation id of the desk's previous push: outcomes below it and below the
    # current push's first id are on the desk for good, so the server forgets them.
    Column("outcomes_from", BigInteger, nullable=False, server_default=text("0")),
)

# What became of each mutation a desk pushed, so a resend (its answer was lost) gets the
# same answer - applied, or rejected with the same reason - and a different mutation under
# a known id (a desk restored from a backup) is recognised by its digest (server_0002).
outcomes = Table(
    "mutation_outcomes", metadata,
    Column("desk_id", String(36), primary_key=True),
    Column("mutation_id", BigInteger, primary_key=True),
    Column("rejected", Boolean, nullable=False),
    Column("reason", Text, nullable=False, server_default=""),
    Column("digest", LargeBinary(16), nullable=False),
)

counters = Table(
    "sync_counters", metadata,
    Column("name", String(40), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

rows = Table(
    "sync_rows", metadata,
    Column("entity", String(40), primary_key=True),
    Column("key", String(120), primary_key=True),
    Column("data", JSONB, nullable=False),
    Column("field_versions", JSONB, nullable=False),
    Column("version", Integer, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Index("ix_sync_rows_seq", "seq", unique=True),
    # Final ticket numbers are unique across the whole desk.
    Index("ix_sync_rows_ticket_number", text("(data->>'number')"), unique=True,
          postgresql_where=text("entity = 'tickets'")),
)

number_leases = Table(
    "number_leases", metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("desk_id", String(36), nullable=False, index=True),
    Column("first", BigInteger, nullable=False),
    Column("last", BigInteger, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
