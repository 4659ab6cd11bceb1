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
from app.store.database import REPLICA, Store
from app.store.models import CounterRow
from app.store.schema import DatabaseTooNew, ensure_schema, head_revision, schema_head
from app.store.tables import all_tables, include_object

SCHEMA_HEAD = schema_head()


def test_schema_head_read_from_the_files_matches_alembic(tmp_path: Path) -> None:
    assert head_revision(tmp_path / "x.sqlite3") == SCHEMA_HEAD


def test_two_heads_are_refused(tmp_path: Path) -> None:
    versions = tmp_path / "migrations" / "versions"
    versions.mkdir(parents=True)
    (versions / "a.py").write_text('revision = "a"\ndown_revision = None\n')
    (versions / "b.py").write_text('revision = "b"\ndown_revision = "a"\n')
    (versions / "c.py").write_text("revision = 'c'\ndown_revision = 'a'\n")
    with pytest.raises(RuntimeError, match="exactly one head"):
        schema_head(tmp_path / "migrations")


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
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_object": include_object}),
            all_tables())
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

revision = "9001"
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
    (migrations / "versions" / "9001_note.py").write_text(NEXT_MIGRATION.format(head=SCHEMA_HEAD))
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)

    result = ensure_schema(data_dir.database, clock, data_dir.backups)

    assert (result.before, result.after, result.migrated) == (SCHEMA_HEAD, "9001", True)
    assert result.backup is not None and result.backup.parent == data_dir.backups
    with sqlite3.connect(result.backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
    with sqlite3.connect(data_dir.database) as new:
        assert new.execute("SELECT name, value, note FROM counters").fetchall() == [
            ("ticket_number", 41, None)]


def test_a_filled_desk_from_the_first_schema_upgrades_to_head(
    demo_desk: DataDir, data_dir: DataDir, clock: ManualClock
) -> None:
    """Tables referenced by others (tickets) are rebuilt without tripping foreign keys."""
    data_dir.create()
    schema._upgrade(data_dir.database, "0001")
    with sqlite3.connect(data_dir.database) as conn:
        conn.execute(f"ATTACH DATABASE '{demo_desk.database}' AS demo")
        for table in ("ticket_types", "categories", "teams", "staff", "staff_skills",
                      "requesters", "tickets", "ticket_events"):
            columns = [row[1] for row in conn.execute(f"PRAGMA main.table_info({table})")]
            names = ", ".join(columns)
            conn.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM demo.{table}")
    result = ensure_schema(data_dir.database, clock, data_dir.backups)
    assert (result.before, result.after) == ("0001", SCHEMA_HEAD)
    with sqlite3.connect(data_dir.database) as conn:
        assert conn.execute("SELECT count(*) FROM tickets").fetchone() == (600,)
        assert conn.execute("SELECT count(*) FROM tickets WHERE solution = ''").fetchone() == (600,)
        # 0004 gave the tickets already there the names the queues sort by.
        assert conn.execute(
            "SELECT count(*) FROM tickets t JOIN categories c ON c.id = t.category_id "
            "LEFT JOIN requesters r ON r.id = t.requester_id WHERE t.requester_sort = "
            "coalesce(r.name, '') AND t.category_sort_zh = c.name_zh "
            "AND t.category_sort_en = c.name_en").fetchone() == (600,)
        assert conn.execute("SELECT count(DISTINCT requester_sort) FROM tickets"
                            ).fetchone()[0] > 10
        # 0007 gave every skill in use a row of its own, named after its category.
        assert conn.execute(
            "SELECT count(*) FROM (SELECT skill FROM categories UNION "
            "SELECT skill FROM staff_skills) s LEFT JOIN skills k ON k.code = s.skill "
            "WHERE k.id IS NULL").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM skills s JOIN categories c "
                            "ON c.skill = s.code AND c.name_zh = s.name_zh").fetchone()[0] > 5
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_only_replica_transactions_skip_the_disk_wait_and_foreign_keys(store: Store) -> None:
    """Pulled pages commit with synchronous=NORMAL and without foreign keys; every other
    unit of work is FULL with foreign keys, also the next one on the same connection."""
    level, keys = text("PRAGMA synchronous"), text("PRAGMA foreign_keys")
    with store.unit_of_work() as session:
        replica = session.connection(execution_options=REPLICA)
        assert (replica.execute(level).scalar(), replica.execute(keys).scalar()) == (1, 0)
    for _ in range(2):
        with store.unit_of_work() as session:
            conn = session.connection()
            assert (conn.execute(level).scalar(), conn.execute(keys).scalar()) == (2, 1)
