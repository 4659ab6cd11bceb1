"""``seatdesk-server import-desk``, the real command: an office moving to a server may run an
older Seatdesk, so its database is brought to the current schema first (after a backup
copy), and a wrong folder is a clear error, not a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select

from app.server.schema import server_engine
from app.server.tables import rows
from app.store.schema import alembic_config, schema_head, stored_revision
from tests.sync.conftest import create_database, drop_database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def empty_server() -> Iterator[str]:
    name = f"seatdesk_import_{os.getpid()}"
    yield create_database(name)
    drop_database(name)


def _import(url: str, folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.server.cli", "--db", url, "import-desk",
                           "--data-dir", str(folder)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=False)


def test_an_older_desk_is_brought_up_to_date_then_imported(empty_server: str,
                                                            tmp_path: Path) -> None:
    database = tmp_path / "seatdesk.sqlite3"
    command.upgrade(alembic_config(database), "0005")  # a desk of an earlier release
    with sqlite3.connect(database) as conn:
        conn.execute("INSERT INTO teams (id, code, name_zh, name_en, version, updated_at, "
                     "deleted) VALUES ('t1', 'net', '网络组', 'Network', 1, "
                     "'2026-11-01 08:00:00.000000', 0)")
    done = _import(empty_server, tmp_path)
    assert done.returncode == 0, done.stderr
    assert stored_revision(database) == schema_head()
    assert list((tmp_path / "backups").glob("*before-*.sqlite3"))
    engine = server_engine(empty_server)
    with engine.connect() as conn:
        imported = conn.execute(select(func.count()).select_from(rows)).scalar_one()
        team = conn.execute(select(rows.c.data).where(rows.c.entity == "teams",
                                                      rows.c.key == "t1")).scalar_one()
    engine.dispose()
    assert f"{imported} rows imported" in done.stdout and imported >= 1
    assert team["name_zh"] == "网络组"


def test_a_folder_without_a_desk_is_a_clear_error(empty_server: str, tmp_path: Path) -> None:
    done = _import(empty_server, tmp_path / "nowhere")
    assert done.returncode == 1
    assert "no desk database" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "nowhere").exists()
