"""Replace 0015's ticket_events (kind, at) by a partial index of the missed-target causes.

0015 indexed every event by (kind, at) for the reports' causes of a period. Without the
statistics of ANALYZE, SQLite then chose that index for the look-ups of one ticket's events
of a kind (``ticket_id = ? AND kind = ?``, newest first): it walked every event of the kind
instead of the ticket's few - the reports' facts of 100 000 tickets no longer built in
minutes. A partial index of the causes alone serves only statements that name the kind
``missed_cause`` as a literal (``app/sla/causes.cause_counts``), and no other plan changes.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_ticket_events_kind_at", table_name="ticket_events")
    op.create_index("ix_ticket_events_missed_cause", "ticket_events", ["at"],
                    sqlite_where=sa.text("kind = 'missed_cause'"))


def downgrade() -> None:
    op.drop_index("ix_ticket_events_missed_cause", table_name="ticket_events")
    op.create_index("ix_ticket_events_kind_at", "ticket_events", ["kind", "at"])
