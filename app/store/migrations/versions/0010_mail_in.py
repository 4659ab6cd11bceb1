"""E-mail in: the messages the mail service took, their attachments, and its mailbox cursors
(issue 18, part 1).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mail_messages",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("message_key", sa.String(length=255), nullable=False),
        sa.Column("mailbox", sa.String(length=120), nullable=False),
        sa.Column("uidvalidity", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("from_address", sa.String(length=254), nullable=False),
        sa.Column("from_name", sa.String(length=120), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_mail_messages_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_messages")),
        sa.UniqueConstraint("message_key", name=op.f("uq_mail_messages_message_key")),
    )
    op.create_index("ix_mail_messages_sender_at", "mail_messages",
                    ["from_address", "received_at"])
    op.create_index("ix_mail_messages_outcome_at", "mail_messages", ["outcome", "received_at"])
    op.create_index(op.f("ix_mail_messages_ticket_id"), "mail_messages", ["ticket_id"])
    op.create_table(
        "mail_attachments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=120), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("stored", sa.Boolean(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["message_id"], ["mail_messages.id"],
                                name=op.f("fk_mail_attachments_message_id_mail_messages")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_mail_attachments_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_attachments")),
    )
    op.create_index(op.f("ix_mail_attachments_message_id"), "mail_attachments",
                    ["message_id"])
    op.create_index(op.f("ix_mail_attachments_ticket_id"), "mail_attachments", ["ticket_id"])
    op.create_table(
        "mail_cursors",
        sa.Column("mailbox", sa.String(length=120), nullable=False),
        sa.Column("uidvalidity", sa.Integer(), nullable=False),
        sa.Column("last_uid", sa.Integer(), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("mailbox", name=op.f("pk_mail_cursors")),
    )


def downgrade() -> None:
    op.drop_table("mail_cursors")
    op.drop_index(op.f("ix_mail_attachments_ticket_id"), table_name="mail_attachments")
    op.drop_index(op.f("ix_mail_attachments_message_id"), table_name="mail_attachments")
    op.drop_table("mail_attachments")
    op.drop_index(op.f("ix_mail_messages_ticket_id"), table_name="mail_messages")
    op.drop_index("ix_mail_messages_outcome_at", table_name="mail_messages")
    op.drop_index("ix_mail_messages_sender_at", table_name="mail_messages")
    op.drop_table("mail_messages")
