"""Writing the outbox in the same transaction as every local change (DESIGN.md section 6.1).

The desk's services write through the ORM; after each flush this listener turns the
flushed rows of synced tables into mutations - a new row into a ``put`` of all its fields,
an edited one into a ``put`` of the changed fields against the server version the desk last
saw, a removed one into a ``delete`` - and inserts them into ``sync_outbox`` on the same
connection, so a change and its mutation commit or vanish together.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, event, insert, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from app.domain.clock import Clock
from app.store.database import Store
from app.sync.entities import Entity, entities
from app.sync.tables import OUTBOX, PENDING, ROW_VERSIONS

_outbox = OUTBOX
_versions = ROW_VERSIONS


def _values(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {attr.columns[0].name: getattr(obj, attr.key) for attr in mapper.column_attrs}


def _changed(obj: Any, entity: Entity) -> dict[str, Any]:
    state = inspect(obj)
    changed: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        name = attr.columns[0].name
        if name in entity.fields and state.attrs[attr.key].history.has_changes():
            changed[name] = getattr(obj, attr.key)
    return changed


class OutboxWriter:
    """Listens to a Store's sessions and records their synced changes in the outbox."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._clock = clock
        self._entities = entities()
        self._store = store
        event.listen(store.sessions, "after_flush", self._after_flush)

    def detach(self) -> None:
        event.remove(self._store.sessions, "after_flush", self._after_flush)

    def _entity(self, obj: Any) -> Entity | None:
        table = getattr(obj, "__table__", None)
        return self._entities.get(table.name) if table is not None else None

    def _after_flush(self, session: Session, _context: UOWTransaction) -> None:
        mutations: list[dict[str, Any]] = []
        for obj in session.new:
            if (entity := self._entity(obj)) is not None:
                values = _values(obj)
                mutations.append(self._mutation(entity, values, "put", entity.encode(values)))
        for obj in session.dirty:
            if (entity := self._entity(obj)) is not None and session.is_modified(obj):
                changed = _changed(obj, entity)
                if changed:
                    mutations.append(self._mutation(entity, _values(obj), "put",
                                                    entity.encode(changed)))
        for obj in session.deleted:
            if (entity := self._entity(obj)) is not None:
                mutations.append(self._mutation(entity, _values(obj), "delete", {}))
        if mutations:
            self._write(session, mutations)

    def _mutation(self, entity: Entity, values: dict[str, Any], op: str,
                  patch: dict[str, Any]) -> dict[str, Any]:
        # The seat signed in now made the change: pushed under its account (app/sync/seats).
        return {"entity": entity.name, "key": entity.key_of(values), "op": op,
                "patch": json.dumps(patch, ensure_ascii=False), "created_at": self._clock.now(),
                "status": PENDING, "reason": "", "login": self._store.author_login}

    def _write(self, session: Session, mutations: list[dict[str, Any]]) -> None:
        conn = session.connection()
        _set_base_versions(conn, mutations)
        conn.execute(insert(_outbox), mutations)


def _set_base_versions(conn: Connection, mutations: list[dict[str, Any]]) -> None:
    """Give each mutation the version of its row last seen from the server (0: none)."""
    # Looked up set-wise: a flush of thousands of rows (a requester merge moving every
    # ticket) would otherwise ask once per row.
    keys: dict[str, set[str]] = {}
    for mutation in mutations:
        keys.setdefault(mutation["entity"], set()).add(mutation["key"])
    seen: dict[tuple[str, str], int] = {}
    for entity, wanted in keys.items():
        chosen = sorted(wanted)
        for i in range(0, len(chosen), 500):
            seen.update(((entity, key), version) for key, version in conn.execute(
                select(_versions.c.key, _versions.c.version).where(
                    _versions.c.entity == entity, _versions.c.key.in_(chosen[i:i + 500]))))
    for mutation in mutations:
        mutation["base_version"] = seen.get((mutation["entity"], mutation["key"])) or 0


def record_written(conn: Connection, clock: Clock, table: str, login: str,
                   puts: Sequence[tuple[Mapping[str, Any], Mapping[str, Any]]] = (),
                   deletes: Sequence[Mapping[str, Any]] = ()) -> None:
    """Outbox mutations for rows of ``table`` a service wrote with Core statements, which
    the flush listener never sees (a staff import writes thousands of rows at once): a
    ``put`` of the patch of each (row, patch), a ``delete`` of each row. Rows need only
    their key columns; patches hold column values, of which the travelling fields go."""
    entity = entities()[table]
    common = {"entity": entity.name, "created_at": clock.now(), "status": PENDING,
              "reason": "", "login": login}
    mutations = [{**common, "key": entity.key_of(row), "op": "put",
                  "patch": json.dumps(entity.encode(patch), ensure_ascii=False)}
                 for row, patch in puts]
    mutations += [{**common, "key": entity.key_of(row), "op": "delete", "patch": "{}"}
                  for row in deletes]
    if mutations:
        _set_base_versions(conn, mutations)
        conn.execute(insert(_outbox), mutations)
