"""Applying a desk's pushed mutations exactly once (DESIGN.md section 6.2-6.3).

One transaction per push: the desk's row is locked (and bound to the pushing account,
``app.server.desks``), mutations it already sent get the answer they had (applied, or
rejected with the same reason), each new one is applied, and the desk's
``last_mutation_id`` and the new mutations' outcomes are kept in the same commit - so a desk
that never heard the answer and sends the batch again changes nothing twice and learns
what became of each mutation. A desk found to reuse its ids (restored from a backup) is
answered only with what the server already knows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, bindparam, select, text, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import IntegrityError

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.domain.numbers import is_provisional, ticket_number
from app.server import desks as registry
from app.server.accounts import User
from app.server.numbers import final_number
from app.server.process import check_confirmation
from app.server.references import References
from app.server.roles import Permissions
from app.server.tables import counters, desks, rows
from app.sync import merge
from app.sync.entities import Entity, encode_value, entities
from app.sync.merge import FieldConflict, Rejected, StoredRow
from app.sync.protocol import CONFLICTS, Change, Mutation, MutationResult

CHANNEL = "seatdesk_changes"


@dataclass
class PushOutcome:
    results: list[MutationResult]
    last_mutation_id: int
    changed: bool


def _change(row: Row[Any]) -> Change:
    return Change(row.seq, row.entity, row.key, row.version, row.deleted, dict(row.data))


def push(conn: Connection, clock: Clock, user: User, desk_id: str,
         mutations: list[Mutation], incarnation: str = "") -> PushOutcome:
    """Apply ``mutations`` (in the desk's order, ids increasing) in the caller's
    transaction; ``registry.DeskRefused`` if the desk id is another account's.

    The batch path reads and locks every row the batch touches in one statement, takes the
    sequence numbers in one block and writes the rows back in one statement. Only if the
    database still refuses something (a unique index the checks did not foresee) is the
    batch redone one mutation per savepoint, so one bad mutation cannot sink the others.
    """
    desk = registry.register(conn, clock, user, desk_id, incarnation)
    last = desk.last_mutation_id
    answered, restored = registry.known_answers(conn, desk, mutations)
    if restored:
        registry.retire(conn, desk_id)
        results = _BatchPush(conn, clock, user, desk_id).answer(mutations, answered)
        return PushOutcome(results, last, False)
    savepoint = conn.begin_nested()
    try:
        results, changed = _BatchPush(conn, clock, user, desk_id).run(mutations, last,
                                                                       answered)
        savepoint.commit()
    except IntegrityError:
        savepoint.rollback()
        results, changed = _push_one_by_one(conn, clock, user, desk_id, mutations, last,
                                            answered)
    first = mutations[0].id if mutations else desk.outcomes_from
    if mutations:
        registry.keep(conn, desk, [(m, r) for m, r in zip(mutations, results, strict=True)
                                   if m.id > last], first)
    last = max([last, *(m.id for m in mutations)])
    conn.execute(update(desks).where(desks.c.desk_id == desk_id)
                 .values(last_mutation_id=last, last_seen=clock.now(), outcomes_from=first))
    if changed:
        # Delivered to every listening server instance when (and only if) this commits.
        conn.execute(text(f"NOTIFY {CHANNEL}"))
    return PushOutcome(results, last, changed)


def _push_one_by_one(conn: Connection, clock: Clock, user: User, desk_id: str,
                     mutations: list[Mutation], last: int,
                     answered: dict[int, registry.Outcome],
                     ) -> tuple[list[MutationResult], bool]:
    """The same batch path, one mutation per savepoint: a row PostgreSQL refuses is
    rejected alone instead of sinking the whole push."""
    results: list[MutationResult] = []
    changed = False
    for mutation in mutations:
        savepoint = conn.begin_nested()
        try:
            [result], wrote = _BatchPush(conn, clock, user, desk_id).run([mutation], last,
                                                                         answered)
            savepoint.commit()
        except IntegrityError as error:
            savepoint.rollback()
            found = conn.execute(select(rows).where(rows.c.entity == mutation.entity,
                                                    rows.c.key == mutation.key)).first()
            result, wrote = MutationResult(mutation.id, "rejected", _integrity_reason(error),
                                           row=_change(found) if found else None), False
        results.append(result)
        changed = changed or wrote
    return results, changed


Key = tuple[str, str]


class _BatchPush:
    def __init__(self, conn: Connection, clock: Clock, user: User, desk_id: str) -> None:
        self._conn, self._clock, self._user = conn, clock, user
        self._author = f"{user.login}@{desk_id}"
        self._entities = entities()
        self._permissions = Permissions(conn, user)
        self._references = References(conn)
        self._rows: dict[Key, Change] = {}  # the batch's view of every touched row
        self._stored: dict[Key, StoredRow] = {}
        self._writes: dict[Key, Change] = {}  # last write per row, with its sequence
        self._conflicts: list[tuple[Key, StoredRow]] = []
        self._seqs: list[int] = []
        self._numbers: set[str] = set()
        self._unique: dict[tuple[str, str, Any], str] = {}  # (entity, field, value) → key

    def run(self, mutations: list[Mutation], last: int,
            answered: dict[int, registry.Outcome]) -> tuple[list[MutationResult], bool]:
        """Apply the mutations after ``last``; those up to it get their kept outcome."""
        self._load({(m.entity, m.key) for m in mutations})
        fresh = [m for m in mutations if m.id > last]
        self._references.load(fresh, self._stored)
        self._seqs = self._take_seqs(len(fresh))
        results = [self._one(m) if m.id > last else
                   registry.answer_of(m, answered.get(m.id), self._rows.get((m.entity, m.key)))
                   for m in mutations]
        self._flush()
        return results, bool(self._writes)

    def answer(self, mutations: list[Mutation],
               answered: dict[int, registry.Outcome]) -> list[MutationResult]:
        """Answers only: the kept outcome of each mutation in ``answered``, ``retry`` for
        every other (a restored desk sends them again under a new desk id)."""
        self._load({(m.entity, m.key) for m in mutations if m.id in answered})
        return [registry.answer_of(m, answered.get(m.id), self._rows.get((m.entity, m.key)))
                for m in mutations]

    def _load(self, keys: set[Key]) -> None:
        if not keys:
            return
        ordered = sorted(keys)  # one lock order for every push: no deadlock between desks
        found = self._conn.execute(_LOCK_ROWS, {"entities": [k[0] for k in ordered],
                                                "keys": [k[1] for k in ordered]}).all()
        for row in found:
            key = (row.entity, row.key)
            self._rows[key] = _change(row)
            self._stored[key] = StoredRow(dict(row.data), dict(row.field_versions),
                                          row.version, row.deleted)

    def _take_seqs(self, count: int) -> list[int]:
        return take_seqs(self._conn, count)

    def _next_seq(self) -> int:
        if not self._seqs:
            self._seqs = self._take_seqs(16)  # conflicts need a few more
        return self._seqs.pop(0)

    def _one(self, mutation: Mutation) -> MutationResult:
        key = (mutation.entity, mutation.key)
        try:
            merged = self._merge(mutation)
        except Rejected as error:
            return MutationResult(mutation.id, "rejected", str(error), row=self._rows.get(key))
        if merged.changed:
            self._write(key, merged.row)
        for conflict in merged.conflicts:
            self._conflict(key, conflict)
        return MutationResult(mutation.id, "applied", row=self._rows.get(key),
                              conflicts=len(merged.conflicts))

    def _merge(self, mutation: Mutation) -> merge.Merged:
        entity = self._entities.get(mutation.entity)
        if entity is None:
            raise Rejected(f"unknown entity {mutation.entity!r}")
        stored = self._stored.get((mutation.entity, mutation.key))
        # Values first: before any reaches a query, and the permission checks compare them.
        merge.check_values(entity, mutation.patch)
        self._permissions.check(entity, mutation.patch, stored,
                                deleting=mutation.op == "delete")
        if mutation.op == "put":
            self._references.check(entity, mutation.patch, stored, self._stored)
        merged = self._merged(entity, stored, mutation)
        if merged.changed and not merged.row.deleted:
            check_confirmation(self._conn, entity, mutation.key, stored, merged.row,
                               self._stored)
        if merged.changed and not merged.row.deleted and entity.name != "tickets":
            # Ticket numbers have their own rule and index (``_numbered``).
            self._check_unique(entity, mutation.key, stored, merged.row)
        return merged

    def _merged(self, entity: Entity, stored: StoredRow | None,
                mutation: Mutation) -> merge.Merged:
        known = stored.version if stored else 0
        if mutation.base_version > known:
            # Only a version the server gave can be a base: a higher one would pass every
            # field off as seen and silence the conflict log.
            raise Rejected(f"{entity.name}: base version {mutation.base_version} is ahead of "
                           f"the server's version {known}")
        version = known + 1
        _check_key(entity, mutation.key, mutation.patch, whole=stored is None)
        if stored is None:
            if mutation.op == "delete":
                raise Rejected(f"{entity.name} {mutation.key} does not exist")
            patch = self._numbered(entity, mutation.patch)
            return merge.Merged(merge.insert(entity, patch, version, self._author))
        if mutation.op == "delete":
            return merge.tombstone(entity, stored, version, self._author)
        return merge.update(entity, stored, mutation.patch, mutation.base_version, version,
                            self._author)

    def _check_unique(self, entity: Entity, key: str, stored: StoredRow | None,
                      row: StoredRow) -> None:
        """Refuse a second row with a value the desks' schema keeps unique (a rule kind, a
        shift code): every desk's pull would stumble over it."""
        for name in entity.unique_fields:
            value = row.data.get(name)
            if value is None or (stored is not None and stored.data.get(name) == value):
                continue
            owner = self._unique.get((entity.name, name, value))
            if owner is None:
                found = self._conn.execute(select(rows.c.key).where(
                    rows.c.entity == entity.name, rows.c.key != key,
                    rows.c.data[name].astext == str(value))).first()
                owner = None if found is None else str(found.key)
            if owner is not None and owner != key:
                raise Rejected(f"{entity.name}: {name} {value!r} is already used")
            self._unique[(entity.name, name, value)] = key

    def _numbered(self, entity: Entity, patch: dict[str, Any]) -> dict[str, Any]:
        if entity.name != "tickets":
            return patch
        number = str(patch.get("number", ""))
        if is_provisional(number):
            # Logged offline without a leased number: the final one is given here and
            # reaches the desk in this push's answer.
            return {**patch, "number": ticket_number(final_number(self._conn))}
        taken = number in self._numbers or self._conn.execute(
            select(rows.c.key).where(rows.c.entity == "tickets",
                                     rows.c.data["number"].astext == number)).first()
        if taken:
            raise Rejected("ticket number already in use")
        self._numbers.add(number)
        return patch

    def _write(self, key: Key, stored: StoredRow) -> None:
        change = Change(self._next_seq(), key[0], key[1], stored.version, stored.deleted,
                        stored.data)
        self._stored[key], self._rows[key] = stored, change
        self._writes.pop(key, None)  # re-inserted last: the flush keeps sequence order
        self._writes[key] = change

    def _conflict(self, key: Key, conflict: FieldConflict) -> None:
        data = {"entity": key[0], "key": key[1], "field": conflict.field,
                "kept": encode_value(conflict.kept), "lost": encode_value(conflict.lost),
                "kept_by": conflict.kept_by, "lost_by": conflict.lost_by,
                "at": encode_value(self._clock.now())}
        self._write((CONFLICTS, new_id(self._clock)), StoredRow(data, {}, 1))

    def _flush(self) -> None:
        write_rows(self._conn, [(c, self._stored[(c.entity, c.key)])
                                for c in self._writes.values()])


def take_seqs(conn: Connection, count: int) -> list[int]:
    """``count`` change sequence numbers from the counter row, in the caller's transaction:
    its row lock orders the writers' commits, so no cursor skips a late commit."""
    if count == 0:
        return []
    top = int(conn.execute(
        update(counters).where(counters.c.name == "change")
        .values(value=counters.c.value + count).returning(counters.c.value)).scalar_one())
    return list(range(top - count + 1, top + 1))


def write_rows(conn: Connection, written: list[tuple[Change, StoredRow]]) -> None:
    """Upsert rows (the change with its sequence, the stored row's field versions) in one
    statement."""
    if not written:
        return
    values = [{"entity": c.entity, "key": c.key, "data": c.data,
               "field_versions": stored.field_versions, "version": c.version,
               "deleted": c.deleted, "seq": c.seq} for c, stored in written]
    conn.execute(_UPSERT, {"rows": values})


def add_row(conn: Connection, entity: Entity, key: str, data: dict[str, Any],
            author: str) -> Change:
    """A new row the server writes itself (an account change's audit line), as a push
    would: its values checked, the next sequence number, and every desk poked at commit."""
    stored = merge.insert(entity, data, 1, author)
    [seq] = take_seqs(conn, 1)
    change = Change(seq, entity.name, key, stored.version, False, stored.data)
    write_rows(conn, [(change, stored)])
    conn.execute(text(f"NOTIFY {CHANNEL}"))
    return change


# The touched keys travel as two arrays: a bound list of 500 (entity, key) pairs made
# SQLAlchemy expand and compile a thousand parameters on every push.
_LOCK_ROWS = text("""
    SELECT r.entity, r.key, r.data, r.field_versions, r.version, r.deleted, r.seq
    FROM sync_rows r
    WHERE (r.entity, r.key) IN (SELECT * FROM unnest(CAST(:entities AS text[]),
                                                    CAST(:keys AS text[])))
    ORDER BY r.entity, r.key
    FOR UPDATE
""").columns(data=JSONB, field_versions=JSONB)

# The batch's rows travel as one JSON parameter: one statement and one round trip, where
# an executemany of 500 upserts spent a fifth of a push binding and sending them.
_UPSERT = text("""
    INSERT INTO sync_rows (entity, key, data, field_versions, version, deleted, seq)
    SELECT entity, key, data, field_versions, version, deleted, seq
    FROM jsonb_to_recordset(:rows) AS r(entity text, key text, data jsonb,
                                        field_versions jsonb, version integer,
                                        deleted boolean, seq bigint)
    ON CONFLICT (entity, key) DO UPDATE SET
        data = excluded.data, field_versions = excluded.field_versions,
        version = excluded.version, deleted = excluded.deleted, seq = excluded.seq
""").bindparams(bindparam("rows", type_=JSONB))


def _check_key(entity: Entity, key: str, patch: dict[str, Any], *, whole: bool) -> None:
    """The key must be the row's own key columns: desks address rows by it, and a row whose
    key and values disagree could never be applied. A new row names every key column."""
    try:
        parts = entity.key_values(key)
    except ValueError:
        raise Rejected(f"{entity.name}: the key has {len(entity.key_columns)} part(s)") from None
    for column, part in parts.items():
        if column in patch and str(patch[column]) != part:
            raise Rejected(f"{entity.name}: {column} differs from the key")
        if whole and column not in patch and patch:
            raise Rejected(f"{entity.name}: missing {column}")


def _integrity_reason(error: IntegrityError) -> str:
    if "ix_sync_rows_ticket_number" in str(error.orig):
        return "ticket number already in use"
    return "the row conflicts with another row"
