"""Reserved for the handling process: level-2 plans and verification, level-3 reviews,
emergency plans (issue 16, part 2).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
