"""Which fields of a synced row name a row of another synced entity (its foreign keys).

Read from the desks' own tables, so a new synced table brings its references along. The
server checks them on push (app/server/references.py); a desk holds back a change naming a
row whose own change is waiting for its seat to sign in (app/sync/seats.py).
"""

from __future__ import annotations

from functools import cache

from app.sync.entities import entities


@cache
def reference_fields(name: str) -> dict[str, str]:
    """The fields of entity ``name`` naming a row of another synced entity: field → entity
    (single-column foreign keys to a one-column key; the desks' tables have no others)."""
    known = entities()
    fields: dict[str, str] = {}
    for key in known[name].table.foreign_keys:
        target = key.column.table.name
        if target in known and len(known[target].key_columns) == 1 \
                and key.column.name == known[target].key_columns[0]:
            fields[key.parent.name] = target
    return fields
