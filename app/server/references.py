"""Pushed rows may only name rows the server has (issue 15 item 8).

A desk's schema keeps foreign keys; a row naming one that does not exist (a timeline entry
of a ticket nobody logged) would be taken by the server and then break the pull of every
other desk. So each reference field a mutation sets - the desks' own foreign keys, read
from their tables - must name a row the server holds, or one written earlier in the same
push; a removed row counts only where desks keep removed rows (a ``deleted`` column).
Only values that change are looked up, all of a batch's in one statement.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, text

from app.sync.entities import Entity, entities
from app.sync.merge import Rejected, StoredRow
from app.sync.protocol import Mutation
from app.sync.references import reference_fields

Key = tuple[str, str]


_FIND = text("""
    SELECT r.entity, r.key, r.deleted FROM sync_rows r
    WHERE (r.entity, r.key) IN (SELECT * FROM unnest(CAST(:entities AS text[]),
                                                    CAST(:keys AS text[])))
""")


class References:
    """The rows a batch refers to, looked up once, and the check of each mutation."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._found: dict[Key, bool] = {}  # key → removed

    def load(self, mutations: Iterable[Mutation], stored: Mapping[Key, StoredRow]) -> None:
        """Look up every row the puts of ``mutations`` name in a changed reference field."""
        wanted: set[Key] = set()
        known = entities()
        for mutation in mutations:
            if mutation.op != "put" or mutation.entity not in known:
                continue
            before = stored.get((mutation.entity, mutation.key))
            for field, target in reference_fields(mutation.entity).items():
                value = mutation.patch.get(field)
                if isinstance(value, str) and (before is None or before.data.get(field) != value):
                    wanted.add((target, value))
        wanted -= stored.keys()
        if not wanted:
            return
        ordered = sorted(wanted)
        for row in self._conn.execute(_FIND, {"entities": [k[0] for k in ordered],
                                              "keys": [k[1] for k in ordered]}):
            self._found[(row.entity, row.key)] = bool(row.deleted)

    def check(self, entity: Entity, patch: Mapping[str, object], before: StoredRow | None,
              batch: Mapping[Key, StoredRow]) -> None:
        """``Rejected`` unless every changed reference of ``patch`` names a row the server
        holds (``batch``: rows as this push has them so far)."""
        for field, target in reference_fields(entity.name).items():
            value = patch.get(field)
            if not isinstance(value, str) or (before is not None
                                              and before.data.get(field) == value):
                continue
            row = batch.get((target, value))
            removed = row.deleted if row is not None else self._found.get((target, value))
            if removed is None:
                raise Rejected(f"{entity.name}: {field} names a row of {target} that the "
                               "server does not have")
            if removed and not entities()[target].has_tombstone:
                raise Rejected(f"{entity.name}: {field} names a removed row of {target}")
