"""Alembic environment: runs on a connection handed in by app.store.schema."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from app.store.database import sqlite_engine
from app.store.tables import all_tables, include_object

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=all_tables(),
        render_as_batch=True,  # SQLite can only ALTER by copying the table
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from pathlib import Path

    url = config.get_main_option("sqlalchemy.url") or ""
    engine = sqlite_engine(Path(url.removeprefix("sqlite:///")))
    with engine.connect() as conn:
        _run(conn)


if context.is_offline_mode():
    raise SystemExit("offline SQL generation is not supported")
run_online()
