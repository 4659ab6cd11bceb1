"""The server's half of the handling process: a level-2 ticket is not confirmed unverified.

The desk refuses it (``app.process.verification``); the server refuses it too, so an old
or altered desk cannot close a level-2 result the technical lead never verified. A push
that closes a ticket with a satisfaction score (the requester's confirmation) is refused
unless a verification approving the present resolution - made at or after the ticket's
``resolved_at`` - is held by the server or comes earlier in the same push. Closing
unconfirmed after the timeout, and closing a duplicate, are not confirmations.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from app.server.tables import rows
from app.sync.entities import Entity, parse_time
from app.sync.merge import Rejected, StoredRow

VERIFICATIONS = "process_verifications"


def _confirms(before: StoredRow | None, after: StoredRow) -> bool:
    data = after.data
    was = before.data.get("state") if before is not None else None
    return (data.get("state") == "closed" and was != "closed"
            and data.get("satisfaction") is not None and not data.get("closed_unconfirmed"))


def _approves(data: Mapping[str, object], ticket_id: str, since: datetime) -> bool:
    at = data.get("at")
    return (data.get("ticket_id") == ticket_id and data.get("approved") is True
            and isinstance(at, str) and parse_time(at) >= since)


def check_confirmation(conn: Connection, entity: Entity, key: str,
                       before: StoredRow | None, after: StoredRow,
                       batch: Mapping[tuple[str, str], StoredRow]) -> None:
    """Raise ``Rejected`` when ``after`` confirms a level-2 ticket left unverified."""
    if entity.name != "tickets" or after.data.get("level") != 2 or not _confirms(before,
                                                                                 after):
        return
    resolved = after.data.get("resolved_at")
    since = parse_time(resolved) if isinstance(resolved, str) else datetime.min.replace(
        tzinfo=UTC)
    if any(name == VERIFICATIONS and not row.deleted and _approves(row.data, key, since)
           for (name, _key), row in batch.items()):
        return
    held = conn.execute(select(rows.c.data).where(
        rows.c.entity == VERIFICATIONS, rows.c.data["ticket_id"].astext == key,
        rows.c.deleted.is_(False)))
    if any(_approves(data, key, since) for (data,) in held):
        return
    raise Rejected("a level-2 ticket is confirmed only after the technical lead verified "
                   "its resolution")
