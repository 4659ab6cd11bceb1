from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.store.backup import backup_database, prune_backups, scheduled_backup
from app.store.database import Store
from app.store.models import CounterRow


def test_backup_is_a_consistent_copy_while_a_writer_is_busy(
    store: Store, data_dir: DataDir, clock: ManualClock
) -> None:
    with store.unit_of_work() as session:
        session.add(CounterRow(name="committed", value=1))
    writer = sqlite3.connect(data_dir.database)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO counters (name, value) VALUES ('uncommitted', 2)")
    try:
        copy = backup_database(data_dir.database, data_dir.backups, clock)
    finally:
        writer.rollback()
        writer.close()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT name FROM counters").fetchall() == [("committed",)]
    assert not list(data_dir.backups.glob("*.partial"))


def test_scheduled_backups_keep_only_the_newest(
    store: Store, data_dir: DataDir, clock: ManualClock
) -> None:
    made = []
    for _ in range(5):
        made.append(scheduled_backup(data_dir.database, data_dir.backups, clock, keep=3))
        clock.advance(timedelta(hours=4))
    left = sorted(data_dir.backups.glob("seatdesk-*-auto.sqlite3"))
    assert left == made[-3:]


def test_pruning_leaves_other_backups_alone(
    store: Store, data_dir: DataDir, clock: ManualClock
) -> None:
    pre_migration = backup_database(data_dir.database, data_dir.backups, clock,
                                    label="before-9001")
    scheduled_backup(data_dir.database, data_dir.backups, clock, keep=1)
    clock.advance(timedelta(hours=1))
    scheduled_backup(data_dir.database, data_dir.backups, clock, keep=1)
    assert pre_migration.exists()
    with pytest.raises(ValueError):
        prune_backups(data_dir.backups, 0)
