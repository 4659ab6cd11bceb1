"""Discarding a change the server refused (issue 15 item 3).

The server's answer to a refusal carries its row, which the desk applies at once: an edit
of a row the server has is reverted when it is refused. A refused *new* row has no server
row to go back to, so it stays on the desk (the seat sees what was refused) until the seat
discards the change: then it goes, with the refused new rows that name it (a refused
ticket's timeline entries) and what the desk derived from it (search entries, SLA clocks).
Whether the server has the row is what the refusal left in ``sync_row_versions``: the
version of the server's row, or nothing.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, select

from app.kb.index import index_article
from app.sync.entities import Entity, entities
from app.sync.tables import OUTBOX, REJECTED, ROW_VERSIONS

# Rows the desk derives from a synced row and keeps for itself (no outbox, no server).
_DERIVED: dict[str, tuple[tuple[str, str], ...]] = {
    "tickets": (("sla_notifications", "ticket_id"), ("sla_running", "ticket_id"))}


def _server_has(conn: Connection, entity: str, key: str) -> bool:
    return conn.execute(select(ROW_VERSIONS.c.version).where(
        ROW_VERSIONS.c.entity == entity, ROW_VERSIONS.c.key == key)).first() is not None


def discard(conn: Connection, mutation_id: int) -> None:
    """Drop the refused mutation ``mutation_id``; a refused new row goes with it."""
    found = conn.execute(select(OUTBOX.c.entity, OUTBOX.c.key, OUTBOX.c.op).where(
        OUTBOX.c.id == mutation_id, OUTBOX.c.status == REJECTED)).first()
    if found is None:
        return
    conn.execute(delete(OUTBOX).where(OUTBOX.c.id == mutation_id))
    known = entities()
    entity = known.get(found.entity)
    if entity is None or found.op != "put" or _server_has(conn, found.entity, found.key):
        return
    _remove(conn, entity, found.key)


def _remove(conn: Connection, entity: Entity, key: str) -> None:
    """Remove a refused new row, the refused new rows naming it first."""
    for other in entities().values():
        for column in _references_to(other, entity.name):
            refused = conn.execute(select(OUTBOX.c.key).where(
                OUTBOX.c.entity == other.name, OUTBOX.c.status == REJECTED)).scalars().all()
            naming = [k for k in refused if _names(conn, other, k, column, key)]
            for child in naming:
                if not _server_has(conn, other.name, child):
                    conn.execute(delete(OUTBOX).where(OUTBOX.c.entity == other.name,
                                                      OUTBOX.c.key == child,
                                                      OUTBOX.c.status == REJECTED))
                    _remove(conn, other, child)
    if entity.name == "tickets":
        rowid = conn.exec_driver_sql("SELECT search_rowid FROM ticket_index_rows "
                                     "WHERE ticket_id = ?", (key,)).scalar()
        if rowid is not None:
            conn.exec_driver_sql("DELETE FROM ticket_search WHERE rowid = ?", (rowid,))
            conn.exec_driver_sql("DELETE FROM ticket_index_rows WHERE ticket_id = ?", (key,))
    elif entity.name == "kb_articles":
        index_article(conn.connection.driver_connection, key, None)  # type: ignore[arg-type]
    for table, column in _DERIVED.get(entity.name, ()):
        conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE "{column}" = ?', (key,))
    where = [entity.table.c[c] == v for c, v in entity.key_values(key).items()]
    conn.execute(delete(entity.table).where(*where))


def _references_to(entity: Entity, target: str) -> list[str]:
    return [fk.parent.name for fk in entity.table.foreign_keys
            if fk.column.table.name == target]


def _names(conn: Connection, entity: Entity, key: str, column: str, target_key: str) -> bool:
    where = [entity.table.c[c] == v for c, v in entity.key_values(key).items()]
    value = conn.execute(select(entity.table.c[column]).where(*where)).scalar()
    return value == target_key
