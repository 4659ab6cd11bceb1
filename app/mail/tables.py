"""Mail tables: every message read from a mailbox, its attachments, and each mailbox's
cursor.

``mail_messages`` has one row per message the mail service took, whatever became of it (a
ticket, a reply, an automatic message left unanswered, one over the sender's rate limit, or
one kept aside as malformed): administrators see them all, and ``message_key`` (the
Message-ID, else a digest of the raw message) is unique, so a message stored once is never
stored again - not after a crash between storing and flagging it, not by a second service.
Both tables are append-only and sync to every desk (``app/sync/entities.py``).

``mail_cursors`` is the service's own memory of each mailbox (UIDVALIDITY and the highest
UID taken); it never syncs.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import ID, Base
from app.store.types import UTCDateTime


class MailMessageRow(Base):
    __tablename__ = "mail_messages"
    __table_args__ = (Index("ix_mail_messages_sender_at", "from_address", "received_at"),
                      Index("ix_mail_messages_outcome_at", "outcome", "received_at"))

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    message_key: Mapped[str] = mapped_column(String(255), unique=True)
    mailbox: Mapped[str] = mapped_column(String(120))
    uidvalidity: Mapped[int] = mapped_column(Integer)
    uid: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime)
    from_address: Mapped[str] = mapped_column(String(254))
    from_name: Mapped[str] = mapped_column(String(120))
    subject: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    # ticket | reply | automatic | rate_limited | quarantined (app.mail.intake.Outcome)
    outcome: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    ticket_id: Mapped[str | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    body: Mapped[str] = mapped_column(Text, default="")  # the whole text, quotes and all


class MailAttachmentRow(Base):
    """An attachment; its content (base64) only when within the size limits."""

    __tablename__ = "mail_attachments"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    message_id: Mapped[str] = mapped_column(ForeignKey("mail_messages.id"), index=True)
    ticket_id: Mapped[str | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    stored: Mapped[bool] = mapped_column(Boolean)
    content: Mapped[str] = mapped_column(Text, default="")


class MailCursorRow(Base):
    """Where the service is in one mailbox (its ``name`` in the configuration)."""

    __tablename__ = "mail_cursors"

    mailbox: Mapped[str] = mapped_column(String(120), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(Integer)
    last_uid: Mapped[int] = mapped_column(Integer)
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MessageTemplateRow(Base):
    """An administrator's wording of one event's message in one language (``id`` is
    ``event:language``); events without a row use the built-in wording
    (app/mail/templates.py)."""

    __tablename__ = "message_templates"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    event: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(10))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OutgoingMessageRow(Base):
    """A message to a requester about one timeline entry (``event_id`` unique: one message
    per entry, whoever queues it), and where its sending stands: pending (with the next
    attempt), sending, sent, failed, or uncertain (the sender stopped while the mail server
    had it: never sent again by itself, shown to administrators)."""

    __tablename__ = "outgoing_messages"
    __table_args__ = (Index("ix_outgoing_messages_state_next", "state", "next_attempt_at"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("tickets.id"), index=True)
    event_id: Mapped[str] = mapped_column(ID, unique=True)
    event: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(10))
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    message_key: Mapped[str] = mapped_column(String(255), unique=True)
    state: Mapped[str] = mapped_column(String(12))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
