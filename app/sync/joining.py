"""Whether a desk may join a sync server.

A desk that has never synced but holds its own records (a standalone or demo desk) cannot
join: its rows have their own ids, and the server's catalog, staff and tickets would clash
with them (same codes and logins, other ids). Such a desk is moved to a server once, with
``seatdesk-server import-desk`` into an empty server; other seats join with a new folder.
"""

from __future__ import annotations

import sqlite3


def holds_own_records(reader: sqlite3.Connection) -> bool:
    """True if the desk has records of its own and has never pulled from a server."""
    try:
        synced = reader.execute("SELECT 1 FROM sync_state WHERE name = 'cursor'").fetchone()
    except sqlite3.OperationalError:
        synced = None
    if synced is not None:
        return False
    return any(reader.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
               for table in ("ticket_types", "staff", "tickets"))
