"""Reserved for messages to the requester: the outbox, questionnaire links (issue 18, part 2).

Revision ID: server_0004
Revises: server_0003
"""

from __future__ import annotations

revision = "server_0004"
down_revision = "server_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
