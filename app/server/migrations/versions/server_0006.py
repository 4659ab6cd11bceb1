"""Reserved for many desks on one server (issue 23).

Revision ID: server_0006
Revises: server_0005
"""

from __future__ import annotations

revision = "server_0006"
down_revision = "server_0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
