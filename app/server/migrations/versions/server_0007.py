"""The chat page's rate limit (issue 19): each chat event keeps the client address of the
requester's start or message, so every API instance counts the same.

Revision ID: server_0007
Revises: server_0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "server_0007"
down_revision = "server_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # server_0005 makes its tables from the current metadata: a new database has it already.
    found = sa.inspect(op.get_bind())
    if "address" not in {c["name"] for c in found.get_columns("chat_events")}:
        op.add_column("chat_events", sa.Column("address", sa.String(64), nullable=False,
                                               server_default=""))
        op.create_index("ix_chat_events_address_at", "chat_events", ["address", "at"])


def downgrade() -> None:
    op.drop_index("ix_chat_events_address_at", table_name="chat_events")
    op.drop_column("chat_events", "address")
