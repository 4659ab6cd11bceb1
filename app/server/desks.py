"""Desk ids on the server: bound to the account and the desk incarnation that registered
them, and the outcome of every mutation pushed under them (DESIGN.md sections 6.2, 10).

- **Binding.** The first push (or number lease) under a desk id registers it to the pushing
  account and the desk's incarnation; any other account, or another incarnation, is
  refused (403). A desk keeps one desk id per seat that signs in on it, so a seat's writes
  never travel under another seat's id, and nobody can spoil a colleague's mutation ids.
- **Outcomes.** Each mutation's outcome (applied, or rejected with its reason) is kept with
  a digest of the mutation. A mutation sent again - its answer was lost - gets the same
  answer, a refusal included, instead of a bare "duplicate" that a desk would take for
  success.
- **Restored or copied desks.** A mutation id the server has seen, sent with other content
  or with no outcome left to compare, means the desk forgot ids it used: it was restored
  from a backup or copied. The desk id is retired: the push is answered only with what the
  server already knows, everything else is ``retry``, and the desk starts a new incarnation
  with new desk ids (app/sync/restore.py). A retired desk id takes no new mutation again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.postgresql import insert

from app.domain.clock import Clock
from app.server.accounts import User
from app.server.tables import desks, outcomes
from app.sync.protocol import Mutation, MutationResult


class DeskRefused(Exception):
    """The desk id belongs to another account or incarnation (answered 403)."""


@dataclass(frozen=True)
class DeskState:
    desk_id: str
    last_mutation_id: int
    retired: bool
    outcomes_from: int


@dataclass(frozen=True)
class Outcome:
    rejected: bool
    reason: str
    digest: bytes


def register(conn: Connection, clock: Clock, user: User, desk_id: str, incarnation: str = "",
             *, lock: bool = True) -> DeskState:
    """The desk row of ``desk_id`` (registered to ``user`` if new), locked for the caller's
    transaction when ``lock``; ``DeskRefused`` if another account or incarnation holds it.

    An empty incarnation (a desk of an earlier version, a test speaking HTTP directly) is
    not checked; the first non-empty one a desk sends is kept."""
    conn.execute(insert(desks).values(desk_id=desk_id, user_id=user.id, last_mutation_id=0,
                                      last_seen=clock.now(), incarnation=incarnation)
                 .on_conflict_do_nothing(index_elements=["desk_id"]))
    query = select(desks).where(desks.c.desk_id == desk_id)
    row = conn.execute(query.with_for_update() if lock else query).one()
    if row.user_id is not None and row.user_id != user.id:
        raise DeskRefused("this desk id belongs to another account: sign in as that seat, "
                          "or push under your own desk id")
    if incarnation and row.incarnation and row.incarnation != incarnation:
        raise DeskRefused("this desk id belongs to another incarnation of the desk")
    if (incarnation and not row.incarnation) or row.user_id is None:
        conn.execute(update(desks).where(desks.c.desk_id == desk_id)
                     .values(incarnation=incarnation or row.incarnation, user_id=user.id))
    return DeskState(desk_id, int(row.last_mutation_id), bool(row.retired),
                     int(row.outcomes_from))


def digest(mutation: Mutation) -> bytes:
    """What identifies a mutation's content: the same resend gives the same digest."""
    body = [mutation.entity, mutation.key, mutation.op, mutation.patch, mutation.base_version]
    try:
        raw = orjson.dumps(body, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # an integer beyond 64 bits (refused later, but still a mutation)
        raw = json.dumps(body, sort_keys=True).encode()
    return hashlib.blake2b(raw, digest_size=16).digest()


def recorded(conn: Connection, desk_id: str, ids: list[int]) -> dict[int, Outcome]:
    """The kept outcomes of ``ids`` pushed under ``desk_id``."""
    if not ids:
        return {}
    found = conn.execute(select(outcomes.c.mutation_id, outcomes.c.rejected, outcomes.c.reason,
                                outcomes.c.digest)
                         .where(outcomes.c.desk_id == desk_id,
                                outcomes.c.mutation_id.in_(ids)))
    return {int(r.mutation_id): Outcome(bool(r.rejected), str(r.reason), bytes(r.digest))
            for r in found}


def known_answers(conn: Connection, desk: DeskState, mutations: list[Mutation]
                  ) -> tuple[dict[int, Outcome], bool]:
    """The kept outcomes of the mutations already seen under this desk id whose content
    matches, and whether the desk forgot ids it used (retired, or a seen id that does not
    match its outcome)."""
    seen = [m for m in mutations if m.id <= desk.last_mutation_id]
    kept = recorded(conn, desk.desk_id, [m.id for m in seen])
    matching: dict[int, Outcome] = {}
    restored = desk.retired
    for mutation in seen:
        outcome = kept.get(mutation.id)
        if outcome is not None and outcome.digest == digest(mutation):
            matching[mutation.id] = outcome
        else:
            restored = True
    return matching, restored


def retire(conn: Connection, desk_id: str) -> None:
    conn.execute(update(desks).where(desks.c.desk_id == desk_id).values(retired=True))


_COPY = "COPY mutation_outcomes (desk_id, mutation_id, rejected, reason, digest) FROM STDIN"


def keep(conn: Connection, desk: DeskState, answered: list[tuple[Mutation, MutationResult]],
         first_id: int) -> None:
    """Keep the outcomes of newly answered mutations; forget those the desk has for good
    (below the first id of its previous push and of this one: the desk sends the next batch
    while it records the previous answer, and sends from its lowest unrecorded id). The
    caller stores ``first_id`` as the desk's ``outcomes_from`` in its own update.

    The new ids are above the desk's last mutation id, which the locked desk row guards, so
    none is kept yet: a COPY (a third of an INSERT's time for a batch of 500)."""
    floor = min(desk.outcomes_from, first_id)
    if floor > 0:
        conn.execute(delete(outcomes).where(outcomes.c.desk_id == desk.desk_id,
                                            outcomes.c.mutation_id < floor))
    if not answered:
        return
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(_COPY) as copy:
        for mutation, result in answered:
            copy.write_row((desk.desk_id, mutation.id, result.status == "rejected",
                            result.reason, digest(mutation)))


def answer_of(mutation: Mutation, outcome: Outcome | None, row: Any) -> MutationResult:
    """The answer to a mutation the server has seen (``outcome``), or ``retry`` when it
    takes nothing of it under this desk id."""
    if outcome is None:
        return MutationResult(mutation.id, "retry")
    if outcome.rejected:
        return MutationResult(mutation.id, "rejected", outcome.reason, row=row)
    return MutationResult(mutation.id, "duplicate", row=row)
