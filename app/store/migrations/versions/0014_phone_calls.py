"""Phone calls (issue 19): the record of each call, synced from the server, and SLA
notifications of a call's missed answer target (a call is no ticket: ``ticket_id`` may be
empty, ``call_id`` names the call). Existing notifications keep their ticket.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "phone_calls",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("call_id", sa.String(length=100), nullable=False),
        sa.Column("extension", sa.String(length=20), nullable=False),
        sa.Column("caller", sa.String(length=40), nullable=False),
        sa.Column("seat_id", sa.String(length=36), nullable=True),
        sa.Column("ringing_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ring_ms", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["seat_id"], ["staff.id"],
                                name=op.f("fk_phone_calls_seat_id_staff")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_phone_calls_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone_calls")),
    )
    op.create_index("ix_phone_calls_ringing_at", "phone_calls", ["ringing_at"])
    with op.batch_alter_table("sla_notifications", schema=None) as batch_op:
        batch_op.alter_column("ticket_id", existing_type=sa.String(length=36), nullable=True)
        batch_op.add_column(sa.Column("call_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(op.f("fk_sla_notifications_call_id_phone_calls"),
                                    "phone_calls", ["call_id"], ["id"])
        batch_op.create_unique_constraint("uq_sla_notifications_call",
                                          ["call_id", "kind", "threshold"])


def downgrade() -> None:
    op.execute("DELETE FROM sla_notifications WHERE ticket_id IS NULL")
    with op.batch_alter_table("sla_notifications", schema=None) as batch_op:
        batch_op.drop_constraint("uq_sla_notifications_call", type_="unique")
        batch_op.drop_constraint(op.f("fk_sla_notifications_call_id_phone_calls"),
                                 type_="foreignkey")
        batch_op.drop_column("call_id")
        batch_op.alter_column("ticket_id", existing_type=sa.String(length=36), nullable=False)
    op.drop_index("ix_phone_calls_ringing_at", table_name="phone_calls")
    op.drop_table("phone_calls")
