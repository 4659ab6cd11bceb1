"""Opening a desk's data folder: schema first, then reference or demo data if it is empty.

Putting a new desk into service (its name, time zone and first administrator, or joining
a server) is app/services/desk_setup.py; only the cheap checks that every start makes are
here."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from app.domain.clock import Clock
from app.paths import DataDir
from app.store.schema import SchemaResult, ensure_schema

if TYPE_CHECKING:
    from app.demo.generator import Progress


def prepare(data: DataDir, clock: Clock) -> SchemaResult:
    """Create the folder and bring its database to the current schema (backup first)."""
    data.create()
    return ensure_schema(data.database, clock, data.backups)


def needs_seed(data: DataDir) -> bool:
    """True while the database holds no ticket types: a new folder, or a first start
    that was interrupted before its data was written (seeding is one transaction)."""
    conn = sqlite3.connect(f"file:{data.database}?mode=ro", uri=True)
    try:
        count: int = conn.execute("SELECT count(*) FROM ticket_types").fetchone()[0]
        return count == 0
    finally:
        conn.close()


def seed(data: DataDir, clock: Clock, demo_tickets: int | None, seed: int = 20261126,
         progress: Progress | None = None) -> None:
    """Write the reference catalog, plus a demo desk with ``demo_tickets`` tickets if given;
    ``progress`` hears how far it is (app.demo.generator.Progress)."""
    from app.demo.generator import DemoSpec, write_demo
    from app.store.database import Store

    store = Store(data.database)
    try:
        spec = DemoSpec(tickets=demo_tickets or 0, seed=seed, catalog_only=demo_tickets is None)
        if progress is None:
            write_demo(store, clock, spec)
        else:
            write_demo(store, clock, spec, progress)
    finally:
        store.close()


def needs_administrator(data: DataDir) -> bool:
    """True while a standalone desk has no local account: nobody could sign in, so the
    first-start walk-through asks for its administrator (app/services/desk_setup.py)."""
    conn = sqlite3.connect(f"file:{data.database}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT 1 FROM desk_accounts LIMIT 1").fetchone() is None
    finally:
        conn.close()
