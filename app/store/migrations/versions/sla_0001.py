"""sla: policy versions, calendar overrides, running targets (the monitor's index),
notifications and the escalation ledger

Revision ID: sla_0001
Revises: rota_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "sla_0001"
down_revision = "rota_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sla_policies",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["author_id"], ["staff.id"],
                                name=op.f("fk_sla_policies_author_id_staff")),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_sla_policies")),
    )
    op.create_table(
        "sla_calendar_overrides",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("working", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_sla_calendar_overrides")),
    )
    op.create_table(
        "sla_running",
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("window", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("budget_s", sa.Integer(), nullable=False),
        sa.Column("at_risk_ms", sa.Integer(), nullable=True),
        sa.Column("deadline_ms", sa.Integer(), nullable=True),
        sa.Column("next_due_ms", sa.Integer(), nullable=True),
        sa.Column("next_threshold", sa.String(length=12), nullable=True),
        sa.Column("policy_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_sla_running_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("ticket_id", "kind", name=op.f("pk_sla_running")),
    )
    op.create_index("ix_sla_running_next_due", "sla_running", ["next_due_ms"])
    op.create_index("ix_sla_running_deadline", "sla_running", ["deadline_ms"])
    op.create_table(
        "sla_notifications",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("window", sa.Integer(), nullable=False),
        sa.Column("threshold", sa.String(length=12), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("snoozed_until", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_sla_notifications_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_notifications")),
        sa.UniqueConstraint("ticket_id", "kind", "window", "threshold",
                            name="uq_sla_notifications_once"),
    )
    op.create_index("ix_sla_notifications_open", "sla_notifications",
                    ["acknowledged_at", "raised_at"])
    op.create_table(
        "sla_escalations",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("threshold", sa.String(length=12), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_sla_escalations_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_escalations")),
    )
    op.create_index("ix_sla_escalations_ticket", "sla_escalations", ["ticket_id", "at"])


def downgrade() -> None:
    op.drop_table("sla_escalations")
    op.drop_table("sla_notifications")
    op.drop_table("sla_running")
    op.drop_table("sla_calendar_overrides")
    op.drop_table("sla_policies")
