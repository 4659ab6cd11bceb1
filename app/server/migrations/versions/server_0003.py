"""Reserved for e-mail in: mailbox cursors and the mail service's state (issue 18, part 1).

Revision ID: server_0003
Revises: server_0002
"""

from __future__ import annotations

revision = "server_0003"
down_revision = "server_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
