"""sla: the escalation ledger names the window of a repeating target (progress updates), so
a ledger that arrived by sync tells the escalation service what was already done

Revision ID: sla_0003
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "sla_0003"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sla_escalations") as batch:
        batch.add_column(sa.Column("window", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("sla_escalations") as batch:
        batch.drop_column("window")
