"""The server's own tables for the channels (schema ``server_0005``).

They are the server's bookkeeping, not synced rows: which monitoring sources may post and
under which token, how their alerts map to tickets, and which alert opened which ticket (the
dedupe memory). The tickets and timeline entries themselves live in ``sync_rows`` like any
desk's, so every desk pulls them.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    text,
)

from app.server.tables import metadata

# A monitoring system allowed to post alerts, known by the SHA-256 of its token (the token
# itself is shown once, when it is made). A storm: more than ``storm_threshold`` new tickets
# from the source within ``storm_window`` seconds; later new alerts join one storm ticket.
alert_sources = Table(
    "alert_sources", metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(80), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),  # alertmanager | zabbix | pbx
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    Column("storm_threshold", Integer, nullable=False, server_default=text("20")),
    Column("storm_window", Integer, nullable=False, server_default=text("300")),
    # A PBX's ring length in seconds (rings = time to answer ÷ this): China's ringback
    # tone is 1 s on, 4 s off.
    Column("ring_seconds", Float, nullable=False, server_default=text("5")),
    # Tickets opened since ``storm_since`` (a window starts with the first ticket after the
    # previous one ended: a count kept on the locked row, not a query per alert).
    Column("storm_since", DateTime(timezone=True), nullable=True),
    Column("storm_opened", Integer, nullable=False, server_default=text("0")),
    # The open storm ticket and until when later alerts join it.
    Column("storm_ticket", String(36), nullable=True),
    Column("storm_until", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# How an alert becomes a ticket: the first rule (by position) whose source (None: any) and
# label pattern match gives the ticket's type, category and level, and whether a resolved
# alert resolves the ticket.
alert_rules = Table(
    "alert_rules", metadata,
    Column("id", String(36), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("source_id", ForeignKey("alert_sources.id"), nullable=True),
    Column("label", String(80), nullable=False),
    Column("pattern", String(200), nullable=False),  # shell-style: "disk*", "*"
    Column("type_code", String(40), nullable=False),
    Column("category_code", String(40), nullable=False),
    Column("level", Integer, nullable=False),
    Column("resolve", Boolean, nullable=False, server_default=text("false")),
)

# One row per alert (source and fingerprint): the ticket it went to, the occurrence it
# belongs to (a resend of the same occurrence only counts), and whether it opened the ticket
# itself (the storm count).
alerts = Table(
    "alerts", metadata,
    Column("source_id", ForeignKey("alert_sources.id"), primary_key=True),
    Column("fingerprint", String(200), primary_key=True),
    Column("ticket_id", String(36), nullable=False),
    Column("status", String(10), nullable=False),  # firing | resolved
    Column("occurrence", Text, nullable=False, server_default=""),
    Column("received", Integer, nullable=False, server_default=text("1")),
    Column("opened", Boolean, nullable=False),
    Column("first_at", DateTime(timezone=True), nullable=False),
    Column("last_at", DateTime(timezone=True), nullable=False),
)

# A seat's phone extension, set from his desk: the PBX's events for it go to his desks.
phone_extensions = Table(
    "phone_extensions", metadata,
    Column("login", String(80), primary_key=True),
    Column("extension", String(20), nullable=False, unique=True),
)

# A call as the PBX reported it (``call_id`` is the PBX's own, unique per source).
calls = Table(
    "calls", metadata,
    Column("source_id", ForeignKey("alert_sources.id"), primary_key=True),
    Column("call_id", String(100), primary_key=True),
    Column("caller", String(40), nullable=False),
    Column("extension", String(20), nullable=False),
    Column("state", String(10), nullable=False),  # ringing | answered | ended | missed
    Column("ringing_at", DateTime(timezone=True), nullable=False),
    Column("answered_at", DateTime(timezone=True), nullable=True),
    Column("ended_at", DateTime(timezone=True), nullable=True),
    Column("rings", Float, nullable=True),
    Column("ticket_id", String(36), nullable=True),  # the call-back task of a missed call
)

# What the desks of an extension's seat are told, in order (``seq``): they long-poll for
# the events after the last they saw.
call_events = Table(
    "call_events", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=True),
    Column("login", String(80), nullable=True),
    Column("call_id", String(100), nullable=False),
    Column("event", String(10), nullable=False),
    Column("caller", String(40), nullable=False),
    Column("extension", String(20), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("rings", Float, nullable=True),
    Column("ticket_id", String(36), nullable=True),
    Index("ix_call_events_login_seq", "login", "seq"),
)

# An online chat (issue 19): opened by a requester on the chat page (who holds its token,
# kept as SHA-256), waiting until a seat accepts it, then that seat's; its messages.
chats = Table(
    "chats", metadata,
    Column("id", String(36), primary_key=True),
    Column("token_hash", String(64), nullable=False),
    Column("name", String(80), nullable=False),
    Column("unit", String(120), nullable=False),
    Column("contact", String(120), nullable=False),
    Column("state", String(10), nullable=False),  # waiting | accepted | ended
    Column("seat", String(80), nullable=True),  # the login of the seat who has it
    Column("ticket_id", String(36), nullable=True),  # opened by the first message
    Column("answered", Boolean, nullable=False, server_default=text("false")),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_chats_ticket_id", "ticket_id"),  # a chat ticket's window asks for its chat
)

# Every message and every change of a chat, in commit order (``seq`` from the counter row
# ``chat_event``): the page's stream and the desks' long-polls read after a cursor.
chat_events = Table(
    "chat_events", metadata,
    Column("seq", BigInteger, primary_key=True),
    Column("chat_id", ForeignKey("chats.id"), nullable=False, index=True),
    Column("kind", String(10), nullable=False),  # waiting | message | accepted | ended
    Column("author", String(80), nullable=False),  # "" the requester, else a seat's name
    Column("body", Text, nullable=False, server_default=""),
    Column("at", DateTime(timezone=True), nullable=False),
    # The client address of a requester's start or message: the page's rate limit
    # (chat_limits.py) counts by it (server_0007).
    Column("address", String(64), nullable=False, server_default=""),
    Index("ix_chat_events_address_at", "address", "at"),
)
