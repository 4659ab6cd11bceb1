"""Reserved for the handling process: target kinds, missed-target causes, escalation owners
(issue 16, part 1): the escalation ledger names who follows an escalated ticket, the
official holidays an administrator enters for a year the holiday library does not know,
and the monitor's index marks a deadline counted in such a year as estimated.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Derived data (rebuilt at every start): a plain ADD COLUMN.
    op.add_column("sla_running", sa.Column("estimated", sa.Boolean(), nullable=False,
                                           server_default="0"))
    with op.batch_alter_table("sla_escalations") as batch:
        batch.add_column(sa.Column("owner_id", sa.String(length=36), nullable=True))
        batch.create_foreign_key(batch.f("fk_sla_escalations_owner_id_staff"), "staff",
                                 ["owner_id"], ["id"])
    op.create_table(
        "sla_holiday_years",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("holidays", sa.Text(), nullable=False),
        sa.Column("workdays", sa.Text(), nullable=False),
        sa.Column("notice", sa.Text(), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["staff.id"],
                                name=op.f("fk_sla_holiday_years_author_id_staff")),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_sla_holiday_years")),
    )


def downgrade() -> None:
    with op.batch_alter_table("sla_running") as batch:
        batch.drop_column("estimated")
    op.drop_table("sla_holiday_years")
    with op.batch_alter_table("sla_escalations") as batch:
        batch.drop_constraint("fk_sla_escalations_owner_id_staff", type_="foreignkey")
        batch.drop_column("owner_id")
