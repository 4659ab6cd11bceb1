"""Loading a desk's local database into an empty server: how a standalone office moves to a
shared server, and how the demo and the benchmarks fill one."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.dialects.postgresql import insert

from app.domain.clock import Clock
from app.paths import DataDir
from app.server.tables import counters, rows
from app.sync.entities import entities
from app.sync.merge import inserted_versions

BATCH = 2000


def _local_rows(path: Path) -> Iterator[tuple[str, str, dict[str, Any], bool]]:
    from app.store.database import sqlite_engine  # SQLAlchemy decodes the column types

    engine = sqlite_engine(path)
    try:
        with engine.connect() as conn:
            for entity in entities().values():
                order = [entity.table.c[c] for c in entity.key_columns]
                for row in conn.execute(select(entity.table).order_by(*order)):
                    values = row._asdict()
                    yield (entity.name, entity.key_of(values), entity.encode(values),
                           bool(values.get("deleted", False)))
    finally:
        engine.dispose()


def import_folder(engine: Engine, data: DataDir, clock: Clock) -> int:
    """``seatdesk-server import-desk``: bring the desk's database to the current schema
    (after a backup copy, as the desk does on start: an office moving to a server may run
    an older Seatdesk), copy it in one transaction, then let PostgreSQL see what it holds
    (a bulk load leaves the planner without statistics and every page's hint bits unset)."""
    from app.store.schema import ensure_schema

    if data.is_new():
        raise ValueError(f"no desk database in {data.root}")
    ensure_schema(data.database, clock, data.backups)
    with engine.begin() as conn:
        count = import_desk(conn, data.database, "import@server")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE sync_rows")
    return count


def import_desk(conn: Connection, database: Path, author: str) -> int:
    """Copy every synced row of the desk database at ``database`` into the server."""
    if conn.execute(select(rows.c.seq).limit(1)).first() is not None:
        raise ValueError("the server already holds data; import only into an empty server")
    seq = 0
    batch: list[dict[str, Any]] = []
    for entity, key, data, deleted in _local_rows(database):
        seq += 1
        batch.append({"entity": entity, "key": key, "data": data, "version": 1,
                      "field_versions": inserted_versions(1, author),
                      "deleted": deleted, "seq": seq})
        if len(batch) == BATCH:
            conn.execute(insert(rows), batch)
            batch = []
    if batch:
        conn.execute(insert(rows), batch)
    conn.execute(update(counters).where(counters.c.name == "change").values(value=seq))
    highest = _highest_number(database)
    conn.execute(update(counters).where(counters.c.name == "ticket_number")
                 .values(value=highest))
    return seq


def _highest_number(database: Path) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as reader:
        found = reader.execute("SELECT value FROM counters WHERE name = 'ticket_number'").fetchone()
        if found:
            return int(found[0])
        return int(reader.execute("SELECT count(*) FROM tickets").fetchone()[0])
