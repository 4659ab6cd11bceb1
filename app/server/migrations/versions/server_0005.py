"""Reserved for phone calls, chats and monitoring alerts (issue 19).

Revision ID: server_0005
Revises: server_0004
"""

from __future__ import annotations

revision = "server_0005"
down_revision = "server_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
