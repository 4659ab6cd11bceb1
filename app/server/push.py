"""Applying a desk's pushed mutations exactly once (DESIGN.md section 6.2-6.3).

One transaction per push: the desk's row is locked, mutations it already sent are only
acknowledged, each new one is applied inside a savepoint (a rejected one leaves no trace),
and the desk's ``last_mutation_id`` moves in the same commit - so a desk that never heard
the answer and sends the batch again changes nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.domain.numbers import is_provisional, ticket_number
from app.server.accounts import Role, User
from app.server.numbers import final_number
from app.server.tables import counters, desks, rows
from app.sync import merge
from app.sync.entities import ADMIN_ONLY, Entity, encode_value, entities
from app.sync.merge import FieldConflict, Rejected, StoredRow
from app.sync.protocol import CONFLICTS, Change, Mutation, MutationResult

CHANNEL = "seatdesk_changes"


@dataclass
class PushOutcome:
    results: list[MutationResult]
    last_mutation_id: int
    changed: bool


def next_seq(conn: Connection) -> int:
    """The next change sequence; the counter row stays locked until this commit."""
    return int(conn.execute(
        update(counters).where(counters.c.name == "change")
        .values(value=counters.c.value + 1).returning(counters.c.value)).scalar_one())


def _change(row: Row[Any]) -> Change:
    return Change(row.seq, row.entity, row.key, row.version, row.deleted, dict(row.data))


def current_row(conn: Connection, entity: str, key: str, *, lock: bool = False) -> Row[Any] | None:
    query = select(rows).where(rows.c.entity == entity, rows.c.key == key)
    return conn.execute(query.with_for_update() if lock else query).first()


def _store(conn: Connection, entity: str, key: str, stored: StoredRow) -> Change:
    seq = next_seq(conn)
    values = {"data": stored.data, "field_versions": stored.field_versions,
              "version": stored.version, "deleted": stored.deleted, "seq": seq}
    conn.execute(insert(rows).values(entity=entity, key=key, **values)
                 .on_conflict_do_update(index_elements=["entity", "key"], set_=values))
    return Change(seq, entity, key, stored.version, stored.deleted, stored.data)


def _log_conflicts(conn: Connection, clock: Clock, entity: str, key: str,
                   conflicts: list[FieldConflict]) -> None:
    for conflict in conflicts:
        data = {"entity": entity, "key": key, "field": conflict.field,
                "kept": encode_value(conflict.kept), "lost": encode_value(conflict.lost),
                "kept_by": conflict.kept_by, "lost_by": conflict.lost_by,
                "at": encode_value(clock.now())}
        _store(conn, CONFLICTS, new_id(clock), StoredRow(data, {}, 1))


def _allowed(user: User, entity: Entity) -> None:
    if entity.name in ADMIN_ONLY and not user.at_least(Role.ADMIN):
        raise Rejected(f"only administrators change {entity.name}")


def apply_mutation(conn: Connection, clock: Clock, user: User, desk_id: str,
                   mutation: Mutation) -> MutationResult:
    entity = entities().get(mutation.entity)
    if entity is None:
        raise Rejected(f"unknown entity {mutation.entity!r}")
    _allowed(user, entity)
    author = f"{user.login}@{desk_id}"
    found = current_row(conn, entity.name, mutation.key, lock=True)
    version = (found.version if found else 0) + 1
    if found is None:
        if mutation.op == "delete":
            raise Rejected(f"{entity.name} {mutation.key} does not exist")
        patch = mutation.patch
        if entity.name == "tickets" and is_provisional(str(patch.get("number", ""))):
            # Logged offline without a leased number: the final one is given here and
            # reaches the desk in this push's answer.
            patch = {**patch, "number": ticket_number(final_number(conn))}
        stored = merge.insert(entity, patch, version, author)
        return MutationResult(mutation.id, "applied", row=_store(conn, entity.name,
                                                                  mutation.key, stored))
    before = StoredRow(dict(found.data), dict(found.field_versions), found.version, found.deleted)
    if mutation.op == "delete":
        merged = merge.tombstone(entity, before, version, author)
    else:
        merged = merge.update(entity, before, mutation.patch, mutation.base_version,
                              version, author)
    _log_conflicts(conn, clock, entity.name, mutation.key, merged.conflicts)
    row = _store(conn, entity.name, mutation.key, merged.row) if merged.changed else _change(found)
    return MutationResult(mutation.id, "applied", row=row, conflicts=len(merged.conflicts))


def _desk_row(conn: Connection, desk_id: str, user: User, clock: Clock) -> int:
    conn.execute(insert(desks).values(desk_id=desk_id, user_id=user.id, last_mutation_id=0,
                                      last_seen=clock.now())
                 .on_conflict_do_nothing(index_elements=["desk_id"]))
    return int(conn.execute(select(desks.c.last_mutation_id).where(desks.c.desk_id == desk_id)
                            .with_for_update()).scalar_one())


def push(conn: Connection, clock: Clock, user: User, desk_id: str,
         mutations: list[Mutation]) -> PushOutcome:
    """Apply ``mutations`` (in the desk's order) in the caller's transaction."""
    last = _desk_row(conn, desk_id, user, clock)
    results: list[MutationResult] = []
    changed = False
    for mutation in mutations:
        if mutation.id <= last:
            found = current_row(conn, mutation.entity, mutation.key)
            results.append(MutationResult(mutation.id, "duplicate",
                                          row=_change(found) if found else None))
            continue
        savepoint = conn.begin_nested()
        try:
            result = apply_mutation(conn, clock, user, desk_id, mutation)
            savepoint.commit()
            changed = True
        except (Rejected, IntegrityError) as error:
            savepoint.rollback()
            reason = str(error) if isinstance(error, Rejected) else _integrity_reason(error)
            found = current_row(conn, mutation.entity, mutation.key)
            result = MutationResult(mutation.id, "rejected", reason,
                                    row=_change(found) if found else None)
        results.append(result)
        last = mutation.id
    conn.execute(update(desks).where(desks.c.desk_id == desk_id)
                 .values(last_mutation_id=last, user_id=user.id, last_seen=clock.now()))
    if changed:
        # Delivered to every listening server instance when (and only if) this commits.
        conn.execute(text(f"NOTIFY {CHANNEL}"))
    return PushOutcome(results, last, changed)


def _integrity_reason(error: IntegrityError) -> str:
    if "ix_sync_rows_ticket_number" in str(error.orig):
        return "ticket number already in use"
    return "the row conflicts with another row"
