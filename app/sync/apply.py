"""Applying server rows to the local database (DESIGN.md section 6.5).

Used for pulled pages and for the rows a push answers with. A row's fields that still have
a pending outbox mutation keep their local value (local pending edits stay on top; the
server merges them when they arrive). A change older than the version already applied is
skipped, so a page that overlaps a push answer is harmless. Ticket search and the ids of
touched tickets (for the views and the SLA clocks) are brought along in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from app.store.ticket_index import index_ticket
from app.sync.entities import Entity, entities
from app.sync.protocol import CONFLICTS, Change
from app.sync.tables import CONFLICT_LOG, OUTBOX, PENDING, ROW_VERSIONS

_outbox = OUTBOX
_versions = ROW_VERSIONS
_conflicts = CONFLICT_LOG


@dataclass
class Applied:
    ticket_ids: set[str] = field(default_factory=set)
    rows: int = 0
    conflicts: int = 0


def _pending_fields(conn: Connection, entity: str, key: str) -> set[str]:
    fields: set[str] = set()
    for op, patch in conn.execute(select(_outbox.c.op, _outbox.c.patch).where(
            _outbox.c.entity == entity, _outbox.c.key == key, _outbox.c.status == PENDING)):
        fields |= set(json.loads(patch)) if op == "put" else {"deleted"}
    return fields


def _known_version(conn: Connection, entity: str, key: str) -> int:
    return conn.execute(select(_versions.c.version).where(
        _versions.c.entity == entity, _versions.c.key == key)).scalar_one_or_none() or 0


def _store_conflict(conn: Connection, change: Change) -> None:
    data = change.data
    conn.execute(upsert(_conflicts).values(
        id=change.key, entity=str(data["entity"]), key=str(data["key"]),
        field=str(data["field"]), kept=json.dumps(data.get("kept"), ensure_ascii=False),
        lost=json.dumps(data.get("lost"), ensure_ascii=False), kept_by=str(data["kept_by"]),
        lost_by=str(data["lost_by"]), at=entities()["tickets"].decode(
            {"created_at": data["at"]})["created_at"], seen=False,
    ).on_conflict_do_nothing())


def _write_row(conn: Connection, entity: Entity, change: Change, values: dict[str, Any]) -> None:
    table = entity.table
    where = [table.c[c] == v for c, v in entity.key_values(change.key).items()]
    local = conn.execute(select(table).where(*where)).first()
    if change.deleted and not entity.has_tombstone:
        conn.execute(delete(table).where(*where))
        return
    has_version = "version" in table.c
    if local is None:
        conn.execute(insert(table).values(**values, **({"version": 1} if has_version else {})))
        return
    current = local._asdict()
    differs = {k: v for k, v in values.items() if current.get(k) != v}
    if differs:
        # The local version moves only when something changed, so the echo of the desk's
        # own edit does not make the seat's open ticket window stale.
        bump = {"version": table.c.version + 1} if has_version else {}
        conn.execute(update(table).where(*where).values(**differs, **bump))


def _reindex(conn: Connection, entity: Entity, change: Change, applied: Applied) -> None:
    if entity.name == "tickets":
        applied.ticket_ids.add(change.key)
        title, description = change.data.get("title"), change.data.get("description")
        if title is not None:
            index_ticket(conn, change.key, str(title), str(description or ""))
    elif "ticket_id" in change.data:
        applied.ticket_ids.add(str(change.data["ticket_id"]))


def apply_changes(conn: Connection, changes: Iterable[Change]) -> Applied:
    """Apply ``changes`` (in order) on ``conn``, inside the caller's transaction."""
    known = entities()
    applied = Applied()
    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    for change in changes:
        if change.entity == CONFLICTS:
            _store_conflict(conn, change)
            applied.conflicts += 1
            continue
        entity = known.get(change.entity)
        if entity is None or _known_version(conn, change.entity, change.key) >= change.version:
            continue  # an entity of a newer desk version, or a change already applied
        pending = _pending_fields(conn, change.entity, change.key)
        values = {k: v for k, v in entity.decode(change.data).items() if k not in pending}
        _write_row(conn, entity, change, values)
        conn.execute(upsert(_versions).values(entity=change.entity, key=change.key,
                                              version=change.version)
                     .on_conflict_do_update(index_elements=["entity", "key"],
                                            set_={"version": change.version}))
        _reindex(conn, entity, change, applied)
        applied.rows += 1
    return applied
