"""The sync server's first schema: accounts, desks, the row store, counters, number leases.

Revision ID: server_0001
Revises:
"""

from __future__ import annotations

from alembic import op

from app.server.tables import metadata

revision = "server_0001"
down_revision = None
branch_labels = None
depends_on = None

_TABLES = ("users", "tokens", "login_failures", "desks", "sync_counters", "sync_rows",
           "number_leases")


def upgrade() -> None:
    bind = op.get_bind()
    for name in _TABLES:
        metadata.tables[name].create(bind)
    op.execute("INSERT INTO sync_counters (name, value) VALUES ('change', 0), "
               "('ticket_number', 0)")


def downgrade() -> None:
    bind = op.get_bind()
    for name in reversed(_TABLES):
        metadata.tables[name].drop(bind)
