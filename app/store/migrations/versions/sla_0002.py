"""sla: the monitor's index keeps every threshold still to come of a target (warning
percentages, offsets before and after the deadline), not only the next one

Revision ID: sla_0002
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "sla_0002"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The index is derived data: emptied rather than converted, the desk rebuilds it from
    # the tickets' history when its monitor starts (as after any restart).
    op.execute("DELETE FROM sla_running")
    with op.batch_alter_table("sla_running") as batch:
        batch.add_column(sa.Column("later", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.execute("DELETE FROM sla_running")
    with op.batch_alter_table("sla_running") as batch:
        batch.drop_column("later")
