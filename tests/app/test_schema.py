from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.store import schema
from app.store.database import Store
from app.store.models import Base, CounterRow
from app.store.schema import SCHEMA_HEAD, DatabaseTooNew, ensure_schema, head_revision


def test_schema_head_constant_matches_the_migrations(tmp_path: Path) -> None:
    assert head_revision(tmp_path / "x.sqlite3") == SCHEMA_HEAD


def test_new_database_is_created_at_head_in_wal_with_foreign_keys(
    data_dir: DataDir, clock: ManualClock
) -> None:
    data_dir.create()
    result = ensure_schema(data_dir.database, clock, data_dir.backups)
    assert (result.before, result.after, result.backup) == (None, SCHEMA_HEAD, None)
    store = Store(data_dir.database)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    store.close()


def test_models_and_migrations_agree(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(IntegrityError), store.unit_of_work() as session:
        session.execute(text(
            "INSERT INTO staff_skills (staff_id, skill) VALUES ('no-such-staff', 'network')"))


def test_unit_of_work_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.unit_of_work() as session:
        session.add(CounterRow(name="x", value=1))
        session.flush()
        raise RuntimeError("boom")
    with store.unit_of_work() as session:
        assert session.get(CounterRow, "x") is None


def test_a_database_from_a_newer_version_is_refused_untouched(
    data_dir: DataDir, clock: ManualClock
) -> None:
    data_dir.create()
    ensure_schema(data_dir.database, clock, data_dir.backups)
    with sqlite3.connect(data_dir.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = data_dir.database.read_bytes()
    with pytest.raises(DatabaseTooNew) as raised:
        ensure_schema(data_dir.database, clock, data_dir.backups)
    assert raised.value.revision == "9999_future"
    assert "newer version" in str(raised.value)
    assert data_dir.database.read_bytes() == before


NEXT_MIGRATION = '''
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("counters") as batch:
        batch.add_column(sa.Column("note", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("counters") as batch:
        batch.drop_column("note")
'''


def test_upgrade_backs_up_first_and_keeps_the_data(
    data_dir: DataDir, clock: ManualClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.create()
    ensure_schema(data_dir.database, clock, data_dir.backups)
    with sqlite3.connect(data_dir.database) as conn:
        conn.execute("INSERT INTO counters (name, value) VALUES ('ticket_number', 41)")
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS, migrations)
    (migrations / "versions" / "0002_note.py").write_text(NEXT_MIGRATION.format(head=SCHEMA_HEAD))
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)
    monkeypatch.setattr(schema, "SCHEMA_HEAD", "0002")

    result = ensure_schema(data_dir.database, clock, data_dir.backups)

    assert (result.before, result.after, result.migrated) == (SCHEMA_HEAD, "0002", True)
    assert result.backup is not None and result.backup.parent == data_dir.backups
    with sqlite3.connect(result.backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
    with sqlite3.connect(data_dir.database) as new:
        assert new.execute("SELECT name, value, note FROM counters").fetchall() == [
            ("ticket_number", 41, None)]
