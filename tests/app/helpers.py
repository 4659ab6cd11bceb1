"""Small look-ups into a demo desk for tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def one(database: Path, sql: str, *params: object) -> str:
    with sqlite3.connect(database) as conn:
        row = conn.execute(sql, params).fetchone()
    assert row is not None, sql
    return str(row[0])


def first_id(database: Path, table: str, where: str = "1=1") -> str:
    return one(database, f"SELECT id FROM {table} WHERE {where} ORDER BY id LIMIT 1")
