"""Applying server rows to the local database (DESIGN.md section 6.5).

Used for pulled pages and for the rows a push answers with. A row's fields that still have
a pending outbox mutation keep their local value (local pending edits stay on top; the
server merges them when they arrive). A change older than the version already applied is
skipped, so a page that overlaps a push answer is harmless. Derived data - ticket search,
sort keys, the knowledge base's search and tag index - is brought along in the same
transaction; the ids of touched tickets (for the views and the SLA clocks) and the names of
touched entities (policies, rota, articles) go back to the caller.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, delete, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from app.kb.index import index_articles
from app.store.sort_keys import REFERENCES, file_new_rows, refile
from app.store.ticket_index import index_many, index_ticket
from app.sync.entities import Entity, entities, parse_time
from app.sync.protocol import CONFLICTS, Change
from app.sync.tables import CONFLICT_LOG, OUTBOX, PENDING, ROW_VERSIONS

_outbox = OUTBOX
_versions = ROW_VERSIONS
_conflicts = CONFLICT_LOG


@dataclass
class Applied:
    ticket_ids: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)  # names of entities with rows written
    rows: int = 0
    conflicts: int = 0


def _pending_fields(conn: Connection) -> dict[tuple[str, str], set[str]]:
    fields: dict[tuple[str, str], set[str]] = {}
    for entity, key, op, patch in conn.execute(
            select(_outbox.c.entity, _outbox.c.key, _outbox.c.op, _outbox.c.patch)
            .where(_outbox.c.status == PENDING)):
        names = set(json.loads(patch)) if op == "put" else {"deleted"}
        fields.setdefault((entity, key), set()).update(names)
    return fields


def _chunks(keys: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(keys), size):
        yield keys[i:i + size]


def _driver(conn: Connection) -> Any:
    return conn.connection.driver_connection


def _known_versions(conn: Connection, entity: str, keys: list[str]) -> dict[str, int]:
    # One statement with the keys as a JSON array: SQLAlchemy's expanding IN lists cost
    # more to compile than the lookups themselves on a page of thousands of rows.
    rows = _driver(conn).execute(
        "SELECT key, version FROM sync_row_versions WHERE entity = ? "
        "AND key IN (SELECT value FROM json_each(?))", (entity, json.dumps(keys)))
    return {str(key): int(version) for key, version in rows}


def _present(conn: Connection, entity: Entity, keys: list[str]) -> list[str]:
    """The keys among ``keys`` that have a local row (entities with a one-column key)."""
    name = entity.key_columns[0]
    return [str(key) for (key,) in _driver(conn).execute(
        f'SELECT "{name}" FROM "{entity.table.name}" '
        f'WHERE "{name}" IN (SELECT value FROM json_each(?))', (json.dumps(keys),))]


def _local_rows(conn: Connection, entity: Entity, keys: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    if len(entity.key_columns) != 1:
        for key in keys:
            where = [entity.table.c[c] == v for c, v in entity.key_values(key).items()]
            row = conn.execute(select(entity.table).where(*where)).first()
            if row is not None:
                found[key] = row._asdict()
        return found
    # Which keys exist, by a cheap probe; only those are read as typed rows (none at all
    # on a desk's first sync).
    column = entity.table.c[entity.key_columns[0]]
    for chunk in _chunks(_present(conn, entity, keys)):
        for row in conn.execute(select(entity.table).where(column.in_(chunk))):
            values = row._asdict()
            found[entity.key_of(values)] = values
    return found


def _store_conflict(conn: Connection, change: Change) -> None:
    data = change.data
    conn.execute(upsert(_conflicts).values(
        id=change.key, entity=str(data["entity"]), key=str(data["key"]),
        field=str(data["field"]), kept=json.dumps(data.get("kept"), ensure_ascii=False),
        lost=json.dumps(data.get("lost"), ensure_ascii=False), kept_by=str(data["kept_by"]),
        lost_by=str(data["lost_by"]), at=parse_time(str(data["at"])), seen=False,
    ).on_conflict_do_nothing())


def _where(entity: Entity, key: str) -> list[Any]:
    return [entity.table.c[c] == v for c, v in entity.key_values(key).items()]


@dataclass
class _Batch:
    """The writes of one page for one entity, gathered so they go out as a few statements."""

    entity: Entity
    inserts: list[dict[str, Any]] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)
    new_tickets: list[tuple[str, str, str]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)  # rows written in this page
    refile: list[str] = field(default_factory=list)  # tickets whose references changed
    keeps_versions: bool = True


def _write_row(conn: Connection, batch: _Batch, change: Change, values: dict[str, Any],
               local: dict[str, Any] | None, applied: Applied) -> None:
    entity = batch.entity
    table = entity.table
    has_version = entity.has_edit_counter
    if change.deleted and not entity.has_tombstone:
        conn.execute(delete(table).where(*_where(entity, change.key)))
    elif local is None:
        batch.inserts.append({**values, **({"version": 1} if has_version else {})})
        if entity.name == "tickets":
            batch.new_tickets.append((change.key, str(values.get("title", "")),
                                      str(values.get("description", ""))))
    else:
        differs = {k: v for k, v in values.items() if local.get(k) != v}
        if differs:
            # The local version moves only when something changed, so the echo of the
            # desk's own edit does not make the seat's open ticket window stale.
            bump = {"version": table.c.version + 1} if has_version else {}
            conn.execute(update(table).where(*_where(entity, change.key))
                         .values(**differs, **bump))
            if entity.name == "tickets" and REFERENCES & differs.keys():
                batch.refile.append(change.key)
            if entity.name == "tickets" and {"title", "description"} & differs.keys():
                merged = {**local, **differs}
                index_ticket(conn, change.key, str(merged["title"]),
                             str(merged["description"] or ""))
    if batch.keeps_versions:
        batch.versions.append({"entity": entity.name, "key": change.key,
                               "version": change.version})
    batch.keys.add(change.key)
    if entity.name == "tickets":
        applied.ticket_ids.add(change.key)
    elif "ticket_id" in change.data:
        applied.ticket_ids.add(str(change.data["ticket_id"]))
    applied.rows += 1


def _insert_many(conn: Connection, table: Table, values: list[dict[str, Any]]) -> None:
    """Plain DB-API ``executemany`` of rows already in SQLite's form (``sqlite_row``):
    SQLAlchemy's per-row parameter processing was half the time of an initial sync."""
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for row in values:
        groups.setdefault(tuple(row), []).append(tuple(row.values()))
    cursor = _driver(conn).cursor()
    for names, tuples in groups.items():
        columns = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join("?" * len(names))
        cursor.executemany(f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', tuples)


def _drop_rejected_twins(conn: Connection, entity: Entity, inserts: list[dict[str, Any]]
                         ) -> None:
    """Remove local rows the server refused because another row holds their unique value
    (two supervisors creating the same rule offline): the server's row takes the place,
    the seat's version stays in the outbox as rejected, with the reason."""
    if len(entity.key_columns) != 1:
        return
    key = entity.key_columns[0]
    for name in entity.unique_fields:
        values = [row[name] for row in inserts if row.get(name) is not None]
        for chunk in _chunks(values):
            marks = ", ".join("?" * len(chunk))
            conn.exec_driver_sql(
                f'DELETE FROM "{entity.name}" WHERE "{name}" IN ({marks}) AND "{key}" IN '
                "(SELECT key FROM sync_outbox WHERE entity = ? AND status = 'rejected')",
                (*chunk, entity.name))


def _flush(conn: Connection, batch: _Batch) -> None:
    if batch.inserts:
        if batch.entity.name == "tickets":
            file_new_rows(_driver(conn), batch.inserts)
        if batch.entity.unique_fields:
            _drop_rejected_twins(conn, batch.entity, batch.inserts)
        _insert_many(conn, batch.entity.table, batch.inserts)
    if batch.new_tickets:
        first = conn.exec_driver_sql(
            "SELECT coalesce(max(search_rowid), 0) + 1 FROM ticket_index_rows").scalar_one()
        index_many(_driver(conn), batch.new_tickets, int(first))
    if batch.versions:
        _driver(conn).executemany(
            "INSERT INTO sync_row_versions (entity, key, version) VALUES (?, ?, ?) "
            "ON CONFLICT (entity, key) DO UPDATE SET version = excluded.version",
            [(v["entity"], v["key"], v["version"]) for v in batch.versions])


def _apply_entity(conn: Connection, entity: Entity, latest: dict[str, Change],
                  pending: dict[tuple[str, str], set[str]], applied: Applied) -> _Batch:
    """Write one page's rows of one entity; the batch says what was written."""
    keys = list(latest)
    # Append-only rows never change once written (merge refuses edits): a row that is
    # here is up to date, and no version needs keeping for it (three quarters of the
    # rows of an initial sync are ticket events).
    # Except the desk's own rows still in the outbox: a refused copy (another desk wrote
    # that key first) is replaced by the server's.
    by_presence = entity.append_only and len(entity.key_columns) == 1
    up_to_date: set[str] = set()
    versions: dict[str, int] = {}
    if by_presence:
        mine = {str(key) for (key,) in _driver(conn).execute(
            "SELECT key FROM sync_outbox WHERE entity = ?", (entity.name,))}
        up_to_date = {key for key in _present(conn, entity, keys) if key not in mine}
        local: dict[str, dict[str, Any]] = (
            _local_rows(conn, entity, [key for key in keys if key in mine]) if mine else {})
    else:
        versions = _known_versions(conn, entity.name, keys)
        local = _local_rows(conn, entity, keys)
    batch = _Batch(entity, keeps_versions=not by_presence)
    for key, change in latest.items():
        if key in up_to_date or versions.get(key, 0) >= change.version:
            continue  # already applied (a push answer overlapping this page)
        row = local.get(key)
        if row is None:  # new here: straight into SQLite's own text form
            values = entity.sqlite_row(change.data)
        else:
            fields = pending.get((entity.name, key), set())
            values = {k: v for k, v in entity.convert(change.data).items() if k not in fields}
        _write_row(conn, batch, change, values, row, applied)
    _flush(conn, batch)
    return batch


def apply_changes(conn: Connection, changes: Iterable[Change]) -> Applied:
    """Apply ``changes`` (in order) on ``conn``, inside the caller's transaction."""
    known = entities()
    applied = Applied()
    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    pending = _pending_fields(conn)
    touched: dict[str, list[str]] = {}
    refiled_tickets: list[str] = []
    by_entity: dict[str, dict[str, Change]] = {}
    for change in changes:
        if change.entity == CONFLICTS:
            _store_conflict(conn, change)
            applied.conflicts += 1
        elif change.entity in known:  # else: an entity of a newer Seatdesk; skip it
            by_entity.setdefault(change.entity, {})[change.key] = change  # latest wins
    # Entities in dependency order; deferred foreign keys cover references inside a page.
    for name, latest in sorted(by_entity.items(), key=lambda item: list(known).index(item[0])):
        batch = _apply_entity(conn, known[name], latest, pending, applied)
        touched[name] = [key for key in latest if key in batch.keys]
        if name == "tickets":  # new ones were filed as they were inserted
            refiled_tickets = batch.refile
        if touched[name]:
            applied.entities.add(name)
    refile(conn, tickets=refiled_tickets, requesters=touched.get("requesters", ()),
           categories=touched.get("categories", ()), types=touched.get("ticket_types", ()),
           staff=touched.get("staff", ()))
    if touched.get("kb_articles"):
        index_articles(conn.connection.driver_connection,  # type: ignore[arg-type]
                       touched["kb_articles"])
    return applied
