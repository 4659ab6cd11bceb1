"""Opening the local SQLite store: WAL, foreign keys, and one Session per unit of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.store.sort_keys import file_tickets

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    # FULL: a ticket acknowledged to the seat survives a power cut, not only a crash.
    "PRAGMA synchronous=FULL",
    "PRAGMA busy_timeout=5000",
    # 64 MB of page cache for the writer (SQLite's default is 2 MB): an initial sync writes
    # 800 000 rows into tables with many indexes, and kept ~10 % of its time.
    "PRAGMA cache_size=-65536",
)


def _apply_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


# Execution options of a transaction that only copies the server's rows (a pulled page and
# its cursor):
# - if a power cut takes its commit back, the desk simply pulls the page again, so it need
#   not wait for the disk (synchronous=NORMAL; WAL keeps it atomic). An initial sync
#   commits some 160 such pages.
# - foreign keys are not enforced: pages come in the server's change order, and a ticket
#   edited after its events were written arrives in a later page than they do. The server
#   holds a consistent whole; the desk has it when the pull ends.
# Every other transaction is FULL with foreign keys on again.
REPLICA = {"seatdesk_replica": True}


def _begin_immediate(connection: Any) -> None:
    # SQLite changes these pragmas only outside a transaction: here, just before it.
    replica = connection.get_execution_options().get("seatdesk_replica", False)
    connection.exec_driver_sql(f"PRAGMA synchronous={'NORMAL' if replica else 'FULL'}")
    # Foreign keys are turned back on only where a replica turned them off: a migration
    # switches them off itself for its table rebuilds.
    turned_off = connection.connection.info.get("replica_keys_off", False)
    if replica != turned_off:
        connection.exec_driver_sql(f"PRAGMA foreign_keys={'OFF' if replica else 'ON'}")
        connection.connection.info["replica_keys_off"] = replica
    # Take the write lock when the unit of work starts: a check-then-write (the version
    # check of an edit) can then never interleave with another writer's commit.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def sqlite_engine(path: Path) -> Engine:
    """An engine on the SQLite file at ``path`` with the store's pragmas on every connection."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _apply_pragmas)
    # pysqlite's own transaction handling is switched off so BEGIN IMMEDIATE is ours.
    event.listen(engine, "connect", lambda dbapi, _rec: setattr(dbapi, "isolation_level", None))
    event.listen(engine, "begin", _begin_immediate)
    return engine


class Store:
    """The local database: hands out one Session per unit of work."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = sqlite_engine(path)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        # The staff member signed in at this desk: the author the audit log records
        # (app/audit/recorder.py). Set by the desk at every sign-in; None before.
        self.author_id: str | None = None
        self.author_login = ""  # that seat's login (the outbox pushes under its account)
        # Tickets carry copies of the names the queues sort by, whatever writes them.
        event.listen(self.sessions, "before_flush", file_tickets)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session that commits when the block ends and rolls back if it raises."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
