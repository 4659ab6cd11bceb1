"""An index on level and state, so that a queue filtered by level (level 1 open, level 1
closed) counts and pages from the index alone instead of reading every ticket in the state.

Revision ID: 0006
Revises: sla_0003
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "sla_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_tickets_level_state", "tickets",
                    ["level", "state", "deleted", "created_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_tickets_level_state", table_name="tickets")
