"""ticket_events (kind, at): the reports' "missed-target causes" (app/sla/causes.py) read
the causes recorded in a period; without it every report read all of a desk's events
(~100 ms on the 100 000-ticket demo desk's 700 000, for a handful of rows).

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_ticket_events_kind_at", "ticket_events", ["kind", "at"])


def downgrade() -> None:
    op.drop_index("ix_ticket_events_kind_at", table_name="ticket_events")
