"""Alembic environment of the sync server: runs on a connection handed in by app.server.schema."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from app.server.tables import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise SystemExit("run server migrations through `seatdesk-server init-db`")
_run(connection)
