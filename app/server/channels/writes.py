"""Rows the server writes itself (a ticket opened by an alert, its timeline), as a push
would: values checked by the merge rules, sequence numbers taken in one block, and every
desk poked when the transaction commits. The caller writes them (``prepared``) in the same
statement as its own bookkeeping: each round trip to PostgreSQL was a tenth of an alert's
time."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, text, update
from sqlalchemy.dialects.postgresql import JSONB

from app.domain.numbers import ticket_number
from app.server.push import CHANNEL, take_seqs
from app.server.tables import counters
from app.sync import merge
from app.sync.entities import entities
from app.sync.merge import StoredRow

# Upserted rows, as ``push.write_rows`` does, inside a WITH clause of the caller's statement.
UPSERT_ROWS = """
    INSERT INTO sync_rows (entity, key, data, field_versions, version, deleted, seq)
    SELECT entity, key, data, field_versions, version, deleted, seq
    FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(
        entity text, key text, data jsonb, field_versions jsonb, version integer,
        deleted boolean, seq bigint)
    ON CONFLICT (entity, key) DO UPDATE SET
        data = excluded.data, field_versions = excluded.field_versions,
        version = excluded.version, deleted = excluded.deleted, seq = excluded.seq
    RETURNING 1"""

_TICKETS = text("""
    SELECT key, data, field_versions, version, deleted FROM sync_rows
    WHERE entity = 'tickets' AND key = ANY(CAST(:keys AS text[]))
    ORDER BY key FOR UPDATE
""").columns(data=JSONB, field_versions=JSONB)


class RowWrites:
    """The rows one request writes, in the order written."""

    def __init__(self, author: str) -> None:
        self._author = author
        self._entities = entities()
        self._rows: dict[tuple[str, str], StoredRow] = {}
        self._unnumbered: list[tuple[str, str]] = []

    def insert(self, entity: str, data: dict[str, Any], *, numbered: bool = False) -> None:
        """A new row; ``numbered``: a ticket whose final number is given when the rows are
        prepared (``number`` is a placeholder until then)."""
        key = self._entities[entity].key_of(data)
        self._rows[(entity, key)] = merge.insert(self._entities[entity], data, 1,
                                                 self._author)
        if numbered:
            self._unnumbered.append((entity, key))

    def update(self, entity: str, key: str, stored: StoredRow,
               patch: dict[str, Any]) -> StoredRow:
        """``patch`` over ``stored`` (read and locked by the caller): the server's own edit
        is based on the version it holds, so it never conflicts with itself."""
        stored = self._rows.get((entity, key), stored)
        merged = merge.update(self._entities[entity], stored, patch, stored.version,
                              stored.version + 1, self._author)
        self._rows[(entity, key)] = merged.row
        return merged.row

    def prepared(self, conn: Connection) -> list[dict[str, Any]]:
        """The rows with their sequence numbers and tickets' final numbers, for
        ``UPSERT_ROWS``. Sequence numbers first, ticket numbers second: the order a push
        takes the two counters in, so the two never wait for each other crosswise."""
        if not self._rows:
            return []
        seqs = take_seqs(conn, len(self._rows))
        if self._unnumbered:
            top = int(conn.execute(
                update(counters).where(counters.c.name == "ticket_number")
                .values(value=counters.c.value + len(self._unnumbered))
                .returning(counters.c.value)).scalar_one())
            first = top - len(self._unnumbered) + 1
            for offset, key in enumerate(self._unnumbered):
                self._rows[key].data["number"] = ticket_number(first + offset)
        return [{"entity": entity, "key": key, "data": row.data,
                 "field_versions": row.field_versions, "version": row.version,
                 "deleted": row.deleted, "seq": seq}
                for seq, ((entity, key), row) in zip(seqs, self._rows.items(), strict=True)]


def locked_tickets(conn: Connection, keys: list[str]) -> dict[str, StoredRow]:
    """The stored tickets of ``keys``, locked until the transaction ends."""
    if not keys:
        return {}
    return {row.key: StoredRow(dict(row.data), dict(row.field_versions), row.version,
                               row.deleted)
            for row in conn.execute(_TICKETS, {"keys": sorted(set(keys))})}


_WRITE_ROWS = text(f"""
    WITH written AS ({UPSERT_ROWS})
    SELECT count(*), pg_notify('{CHANNEL}', '') FROM written
""")


def write_rows_and_poke(conn: Connection, prepared: list[dict[str, Any]]) -> None:
    """Write ``RowWrites.prepared`` rows and poke the desks at commit, in one statement."""
    if prepared:
        conn.execute(_WRITE_ROWS, {"rows": json.dumps(prepared, ensure_ascii=False)})
