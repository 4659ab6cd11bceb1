"""Phone calls, chats and monitoring alerts (issue 19): alert sources, rules and the alerts
each ticket was opened for.

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

_TABLES = ("alert_sources", "alert_rules", "alerts")


def upgrade() -> None:
    bind = op.get_bind()
    found = sa.inspect(bind)
    for name in _TABLES:
        if not found.has_table(name):
            metadata.tables[name].create(bind)


def downgrade() -> None:
    bind = op.get_bind()
    for name in reversed(_TABLES):
        metadata.tables[name].drop(bind, checkfirst=True)
