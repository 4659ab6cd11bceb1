"""Read-only connections for the hot read paths (lists, counts, search).

Lists are read with plain ``sqlite3`` instead of the ORM: it is several times faster per
row, and it keeps SQLAlchemy's import off the start-up path (docs/architecture.md). The
schema still belongs to the SQLAlchemy models and Alembic; writes go through the ORM.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path


def read_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection; WAL lets it read while the desk writes."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout=5000")
    # SQLite's default 2 MB page cache is smaller than what one queue refresh reads on a
    # large desk (a view's page, its count, the other views' counts): each read evicted
    # the pages of the next, and a page took twice its SQL time in copies from the OS.
    # The cache only grows as pages are read.
    conn.execute("PRAGMA cache_size=-32768")
    return conn


def sqlite_utc_text(moment: datetime) -> str:
    """A moment as ``UTCDateTime`` stores it (naive UTC text), to compare in plain SQL."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def parse_sqlite_utc(text: str) -> datetime:
    """Read a timestamp written by ``UTCDateTime`` (naive UTC text on SQLite)."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)
