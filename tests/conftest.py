"""Shared fixtures: a temporary data folder, a manual clock, a migrated store, demo data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.domain.clock import ManualClock  # noqa: E402
from app.identity.seat import NOBODY, SignedIn, first_administrator, staff_of  # noqa: E402
from app.paths import DataDir  # noqa: E402
from app.services.data_folder import prepare, seed  # noqa: E402
from app.store.database import Store  # noqa: E402
from tests.hooks import Hook, serving_hook  # noqa: E402

# A Thursday morning in Beijing (02:00 UTC = 10:00 Asia/Shanghai).
T0 = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


@pytest.fixture
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> DataDir:
    return DataDir(tmp_path_factory.mktemp("desk"))


@pytest.fixture
def store(data_dir: DataDir, clock: ManualClock) -> Iterator[Store]:
    """A migrated, empty store."""
    prepare(data_dir, clock)
    opened = Store(data_dir.database)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def demo_desk(tmp_path_factory: pytest.TempPathFactory) -> DataDir:
    """A demo desk with 600 tickets, written once per test session; treat as read-only."""
    data = DataDir(tmp_path_factory.mktemp("demo"))
    clock = ManualClock(T0)
    prepare(data, clock)
    seed(data, clock, 600)
    return data


@pytest.fixture
def demo_copy(demo_desk: DataDir, tmp_path_factory: pytest.TempPathFactory) -> DataDir:
    """A private, writable copy of the demo desk."""
    import shutil

    copy = DataDir(tmp_path_factory.mktemp("demo-copy"))
    shutil.copy(demo_desk.database, copy.database)
    return copy


@pytest.fixture
def demo_store(demo_copy: DataDir) -> Iterator[Store]:
    opened = Store(demo_copy.database)
    yield opened
    opened.close()


def seat_of(data: DataDir, login: str | None = None) -> SignedIn:
    """The seat signed in as ``login`` (a demo account's role), or as the desk's first
    administrator; ``NOBODY`` on a desk without accounts."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(data.database)) as conn:
        if login is None:
            return first_administrator(conn) or NOBODY
        role = conn.execute("SELECT role FROM desk_accounts WHERE login = ?",
                            (login,)).fetchone()
        seat = staff_of(conn, login, role[0] if role else "agent")
    assert seat is not None, login
    return seat


@pytest.fixture
def hook() -> Iterator[Hook]:
    """A local webhook receiver (tests/hooks.py)."""
    with serving_hook() as receiver:
        yield receiver
