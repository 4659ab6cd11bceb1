"""Changes since a cursor (DESIGN.md section 6.4).

``sync_rows`` holds each row's latest state with the sequence of its latest change, so the
change log is compacted by construction: a cursor never falls out of retention and a desk
reading ``seq > cursor`` in order sees every committed change (sequences commit in order,
see ``push.next_seq``). A cursor beyond the newest sequence means the server was restored
from an older backup: the desk is told to resync from zero.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, text

from app.server.tables import counters


def newest_seq(conn: Connection) -> int:
    return int(conn.execute(select(counters.c.value).where(counters.c.name == "change"))
               .scalar_one())


_PAGE_JSON = text("""
    SELECT coalesce(json_agg(json_build_object(
               'seq', seq, 'entity', entity, 'key', key, 'version', version,
               'deleted', deleted, 'data', data) ORDER BY seq), '[]')::text,
           count(*), max(seq)
    FROM (SELECT * FROM sync_rows WHERE seq > :cursor ORDER BY seq LIMIT :limit) AS page
""")


def changes_json(conn: Connection, cursor: int, limit: int) -> tuple[str, int, bool]:
    """The changes after ``cursor`` (at most ``limit``) as a JSON array built by PostgreSQL
    itself, the cursor after them, and whether more follow."""
    changes, count, top = conn.execute(_PAGE_JSON, {"cursor": cursor, "limit": limit}).one()
    return str(changes), int(top) if top is not None else cursor, count == limit


def pull_json(conn: Connection, cursor: int, limit: int) -> str:
    """The page as JSON text built by PostgreSQL itself: the rows' JSONB is never decoded
    into Python objects and encoded again (most of a large pull's server time)."""
    newest = newest_seq(conn)
    if cursor > newest:
        return '{"changes": [], "cursor": 0, "more": true, "reset": true}'
    changes, top, more = changes_json(conn, cursor, limit)
    return (f'{{"changes": {changes}, "cursor": {top}, '
            f'"more": {"true" if more else "false"}, "reset": false}}')
