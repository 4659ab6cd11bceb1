"""Indexes for the queue filters and views that read too much on a large desk:
- tickets (level, state, deleted, created_at, id): a queue filtered by level ("level 1,
  closed") counts and pages from it instead of reading every ticket in the state;
- sla_running (state, ticket_id): the "at risk" and "breached" views count from the
  monitor's index alone;
- sla_notifications (acknowledged_at, raised_at, id): the notification centre reads its
  newest notifications in order, also when many were raised in the same instant;
- sla_notifications (acknowledged_at, read_at, snoozed_until): the unread count comes from
  the index alone.

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
    op.create_index("ix_sla_running_state_ticket", "sla_running", ["state", "ticket_id"])
    op.drop_index("ix_sla_notifications_open", table_name="sla_notifications")
    op.create_index("ix_sla_notifications_open", "sla_notifications",
                    ["acknowledged_at", "raised_at", "id"])
    op.create_index("ix_sla_notifications_unread", "sla_notifications",
                    ["acknowledged_at", "read_at", "snoozed_until"])


def downgrade() -> None:
    op.drop_index("ix_sla_notifications_unread", table_name="sla_notifications")
    op.drop_index("ix_sla_notifications_open", table_name="sla_notifications")
    op.create_index("ix_sla_notifications_open", "sla_notifications",
                    ["acknowledged_at", "raised_at"])
    op.drop_index("ix_sla_running_state_ticket", table_name="sla_running")
    op.drop_index("ix_tickets_level_state", table_name="tickets")
