"""Phone calls, chats and monitoring alerts (issue 19): alert (and PBX) sources, rules, the
alerts each ticket was opened for, seats' extensions, calls and the call events desks hear.

Revision ID: server_0005
Revises: server_0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.server.channels import tables  # noqa: F401  (registers the tables in metadata)
from app.server.tables import metadata

revision = "server_0005"
down_revision = "server_0004"
branch_labels = None
depends_on = None

_TABLES = ("alert_sources", "alert_rules", "alerts", "phone_extensions", "calls",
           "call_events", "chats", "chat_events")


def upgrade() -> None:
    bind = op.get_bind()
    found = sa.inspect(bind)
    for name in _TABLES:
        if not found.has_table(name):
            metadata.tables[name].create(bind)
    op.execute("INSERT INTO sync_counters (name, value) VALUES ('call_event', 0), "
               "('chat_event', 0) ON CONFLICT (name) DO NOTHING")


def downgrade() -> None:
    bind = op.get_bind()
    op.execute("DELETE FROM sync_counters WHERE name IN ('call_event', 'chat_event')")
    for name in reversed(_TABLES):
        metadata.tables[name].drop(bind, checkfirst=True)
