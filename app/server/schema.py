"""Creating and upgrading the server's PostgreSQL schema with Alembic."""

from __future__ import annotations

from pathlib import Path

import orjson
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine

MIGRATIONS = Path(__file__).with_name("migrations")


POOL_SIZE = 8  # connections a server process keeps open
POOL_OVERFLOW = 12  # and opens beyond them at a peak (docs/sync.md, "Sizing")


def server_engine(url: str, *, pool_size: int = POOL_SIZE,
                  max_overflow: int = POOL_OVERFLOW) -> Engine:
    """An engine for ``url``; plain ``postgresql://`` URLs use psycopg 3.

    No ping before each use: it was a round trip on every request. A connection the
    database dropped fails its request with 503 (the desk retries) and SQLAlchemy then
    replaces the whole pool."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    # orjson for the JSONB columns: a push reads and writes every touched row's data and
    # field versions, and the standard json module was a tenth of its time.
    return create_engine(url, pool_size=pool_size, max_overflow=max_overflow,
                         json_serializer=_dumps, json_deserializer=orjson.loads)


def _dumps(value: object) -> str:
    return orjson.dumps(value).decode()


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest server schema (idempotent)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
