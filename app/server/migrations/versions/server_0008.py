"""A chat found by its ticket (issue 19: the live chat in a chat ticket's window).

Revision ID: server_0008
Revises: server_0007
"""

from __future__ import annotations

from alembic import op

revision = "server_0008"
down_revision = "server_0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # server_0005 makes its tables from the current metadata: a new database has it already.
    op.execute("CREATE INDEX IF NOT EXISTS ix_chats_ticket_id ON chats (ticket_id)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_chats_ticket_id")
