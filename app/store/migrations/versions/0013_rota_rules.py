"""Rota rules (issue 20): dated cover with its own weights, forbidden successions, each
person's limits, weighted wishes. Existing rows keep their meaning: no date (cover by kind
of day), weights 0 (the rule's), no successions, no own limits.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

LIMITS = ("min_minutes", "max_minutes", "max_consecutive", "min_consecutive", "min_days_off",
          "max_weekends")


def upgrade() -> None:
    with op.batch_alter_table("rota_coverage", schema=None) as batch_op:
        batch_op.add_column(sa.Column("day", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("under_weight", sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("over_weight", sa.Integer(), nullable=False,
                                      server_default="0"))
    with op.batch_alter_table("rota_shift_types", schema=None) as batch_op:
        batch_op.add_column(sa.Column("not_followed_by", sa.Text(), nullable=False,
                                      server_default=""))
    with op.batch_alter_table("rota_preferences", schema=None) as batch_op:
        batch_op.add_column(sa.Column("weight", sa.Integer(), nullable=False,
                                      server_default="0"))
    with op.batch_alter_table("rota_contracts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("max_shifts", sa.Text(), nullable=False,
                                      server_default=""))
        for name in LIMITS:
            batch_op.add_column(sa.Column(name, sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rota_contracts", schema=None) as batch_op:
        for name in (*LIMITS, "max_shifts"):
            batch_op.drop_column(name)
    with op.batch_alter_table("rota_preferences", schema=None) as batch_op:
        batch_op.drop_column("weight")
    with op.batch_alter_table("rota_shift_types", schema=None) as batch_op:
        batch_op.drop_column("not_followed_by")
    with op.batch_alter_table("rota_coverage", schema=None) as batch_op:
        for name in ("over_weight", "under_weight", "day"):
            batch_op.drop_column(name)
