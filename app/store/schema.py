"""Bringing a database file to the schema this version of Seatdesk expects.

Alembic is only imported when a migration is due: at a normal start the revision is read
with plain ``sqlite3`` and compared with the head found by reading the migration files'
``revision``/``down_revision`` lines (a test checks it against Alembic's own answer).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from app.domain.clock import Clock
from app.store.backup import backup_database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^(revision|down_revision)\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


def schema_head(migrations: Path | None = None) -> str:
    """The newest revision among the migration files, without importing Alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (migrations or MIGRATIONS).joinpath("versions").glob("*.py"):
        for kind, value in _REVISION.findall(script.read_text(encoding="utf-8")):
            (revisions if kind == "revision" else parents).add(value)
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


class DatabaseTooNew(RuntimeError):
    """The database was written by a newer Seatdesk; opening it could damage it."""

    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(
            f"{path} was written by a newer version of Seatdesk (schema {revision}); "
            f"this version knows schemas up to {schema_head()}. Update Seatdesk to open it."
        )
        self.path = path
        self.revision = revision


class SchemaResult(NamedTuple):
    """What happened when the schema was checked."""

    before: str | None
    after: str
    backup: Path | None

    @property
    def migrated(self) -> bool:
        return self.before != self.after


def stored_revision(path: Path) -> str | None:
    """The Alembic revision recorded in the database, or None for a new/empty file."""
    if not path.exists():
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if version is None else str(version[0])
    finally:
        conn.close()


def alembic_config(path: Path) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    return config


def known_revisions(path: Path) -> set[str]:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config(path))
    return {script.revision for script in scripts.walk_revisions()}


def head_revision(path: Path) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(path)).get_current_head()
    assert head is not None
    return head


def ensure_schema(path: Path, clock: Clock, backups: Path) -> SchemaResult:
    """Create or upgrade the database at ``path``; refuse one written by a newer version.

    An existing database is copied to ``backups`` before any migration touches it.
    """
    head = schema_head()
    before = stored_revision(path)
    if before == head:
        return SchemaResult(before, before, None)
    if before is not None and before not in known_revisions(path):
        raise DatabaseTooNew(path, before)
    backup = None
    if before is not None:
        backup = backup_database(path, backups, clock, label=f"before-{head}")
    _upgrade(path)
    return SchemaResult(before, head, backup)


def _upgrade(path: Path, target: str = "head") -> None:
    from alembic import command

    from app.store.database import sqlite_engine

    config = alembic_config(path)
    engine = sqlite_engine(path)
    try:
        with engine.connect() as connection:
            # SQLite alters a table by copying and dropping it; with foreign keys on, dropping
            # a table that others reference fails. Switch them off outside any transaction
            # (the pragma is ignored inside one) and check them when the migration is done.
            raw = connection.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys=OFF")
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left broken references: {broken[:5]}")
            raw.execute("PRAGMA foreign_keys=ON")
    finally:
        engine.dispose()
