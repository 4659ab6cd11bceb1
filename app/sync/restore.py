"""A desk restored from a backup (or copied) starts a new incarnation (issue 15 item 4).

The server recognises a desk that sends a mutation id it has seen with other content: the
desk forgot ids it had used, so it was restored from an older copy of its folder (or the
folder was copied). Nothing more is taken under its desk ids (answered ``retry``); the desk
then, in one transaction:
- takes a new incarnation, so each seat gets a new desk id on its next push;
- drops its number leases: the forgotten timeline may have numbered tickets from them;
- gives every ticket it logged that the server has not acknowledged a provisional number
  in place of a leased one (in the ticket and in its waiting mutations), so the server
  numbers it anew instead of finding the number taken and every later pull stumbling
  over two tickets with one number.
The waiting changes are then sent again under the new desk ids. The cursor stays: the
pull brings back what the forgotten timeline had pushed.
"""

from __future__ import annotations

import json
from typing import cast

from sqlalchemy import Connection, Table, delete, select, update

from app.domain.clock import Clock
from app.domain.numbers import is_provisional
from app.store.models import TicketRow
from app.sync import state
from app.sync.numbers import take_number
from app.sync.tables import NUMBER_LEASES, OUTBOX, PENDING, ROW_VERSIONS

_TICKETS = cast(Table, TicketRow.__table__)


def start_new_incarnation(conn: Connection, clock: Clock) -> list[str]:
    """Start the new incarnation in the caller's transaction; the ids of the tickets that
    were given provisional numbers."""
    state.new_incarnation(conn, clock)
    conn.execute(delete(NUMBER_LEASES))
    acknowledged = select(ROW_VERSIONS.c.key).where(ROW_VERSIONS.c.entity == "tickets")
    waiting = conn.execute(
        select(OUTBOX.c.id, OUTBOX.c.key, OUTBOX.c.patch)
        .where(OUTBOX.c.entity == "tickets", OUTBOX.c.op == "put",
               OUTBOX.c.status == PENDING, OUTBOX.c.key.not_in(acknowledged))
        .order_by(OUTBOX.c.id)).all()
    renumbered: dict[str, str] = {}
    for mutation_id, key, raw in waiting:
        patch = json.loads(raw)
        number = patch.get("number")
        if not isinstance(number, str) or is_provisional(number):
            continue
        if key not in renumbered:
            renumbered[key] = take_number(conn)  # no lease is left: a provisional one
            conn.execute(update(_TICKETS).where(_TICKETS.c.id == key)
                         .values(number=renumbered[key]))
        patch["number"] = renumbered[key]
        conn.execute(update(OUTBOX).where(OUTBOX.c.id == mutation_id)
                     .values(patch=json.dumps(patch, ensure_ascii=False)))
    return list(renumbered)
