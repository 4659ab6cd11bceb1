"""Keeping requesters tidy: editing one, merging duplicates, renaming a unit.

Who may do what (app.domain.roles): whoever works tickets edits a requester (agents add and
correct them at intake); merging them away and renaming a unit across its requesters are a
supervisor's tidying (``Capability.MERGE_REQUESTERS``), each recorded on one audit line.
Every function takes the signed-in actor and refuses anyone else.

Everything is written through the ORM, so the sync outbox (which sees ORM flushes only)
carries every changed row, and the tickets' name copies for sorting follow: moved tickets
by the ``before_flush`` hook, tickets of a renamed requester or unit by ``refile`` in the
same transaction (app/store/sort_keys.py).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.recorder import Action, AuditKind, record
from app.domain.clock import Clock
from app.domain.roles import Capability
from app.domain.validation import is_email, is_phone
from app.identity.seat import SignedIn
from app.services.errors import DeskError, Problem
from app.store.database import Store
from app.store.models import RequesterRow, TicketRow
from app.store.sort_keys import refile

NAME_MAX = 80
UNIT_MAX = 120
PHONE_MAX = 40
EMAIL_MAX = 120
_CHUNK = 500  # ids per IN (...): SQLite's variable limit is far above, but finite


@dataclass(frozen=True)
class RequesterForm:
    name: str
    unit: str
    phone: str
    email: str


@dataclass(frozen=True)
class Merged:
    """What a merge did: the survivor, the requesters merged into it, the tickets moved."""

    survivor_id: str
    duplicate_ids: tuple[str, ...]
    ticket_ids: tuple[str, ...]


def check_form(form: RequesterForm) -> RequesterForm:
    """The form trimmed, or DeskError naming the first field at fault: a name, a phone
    number or an e-mail address to reach them by (as at intake), each valid."""
    form = RequesterForm(form.name.strip(), form.unit.strip(), form.phone.strip(),
                         form.email.strip())
    if not form.name:
        raise DeskError(Problem.REQUESTER_NAME_MISSING, "name")
    for field, value, limit in (("name", form.name, NAME_MAX), ("unit", form.unit, UNIT_MAX),
                                ("phone", form.phone, PHONE_MAX),
                                ("email", form.email, EMAIL_MAX)):
        if len(value) > limit:
            raise DeskError(Problem.TEXT_TOO_LONG, field, str(limit))
    if not form.phone and not form.email:
        raise DeskError(Problem.CONTACT_MISSING, "phone")
    if form.phone and not is_phone(form.phone):
        raise DeskError(Problem.PHONE_INVALID, "phone")
    if form.email and not is_email(form.email):
        raise DeskError(Problem.EMAIL_INVALID, "email")
    return form


def edit_requester(store: Store, clock: Clock, actor: SignedIn, requester_id: str,
                   form: RequesterForm) -> None:
    """Change a requester's name, unit, phone and e-mail."""
    _allowed(store, actor, Capability.WORK_TICKETS)
    form = check_form(form)
    with store.unit_of_work() as session:
        row = _live(session, requester_id)
        refiled = (row.name, row.unit) != (form.name, form.unit)
        row.name, row.unit, row.phone, row.email = form.name, form.unit, form.phone, form.email
        _touch(session, row, clock)
        if refiled:
            session.flush()  # the new name and unit, before the tickets copy them
            refile(session.connection(), requesters=[requester_id])


def merge_requesters(store: Store, clock: Clock, actor: SignedIn, survivor_id: str,
                     duplicate_ids: Collection[str]) -> Merged:
    """Merge ``duplicate_ids`` into ``survivor_id``, all or nothing: every ticket of a
    duplicate becomes the survivor's (a new version of each, so a window showing the old
    requester reloads before it saves), each duplicate becomes a tombstone pointing at the
    survivor (as do requesters merged into a duplicate before), and one audit line records
    the duplicates as they were and the tickets moved. The survivor keeps its own details."""
    _allowed(store, actor, Capability.MERGE_REQUESTERS)
    duplicates = tuple(dict.fromkeys(d for d in duplicate_ids if d))
    if not duplicates or survivor_id in duplicates:
        raise DeskError(Problem.MERGE_INVALID)
    now = clock.now()
    with store.unit_of_work() as session:
        survivor = _live(session, survivor_id)
        rows = [_live(session, duplicate) for duplicate in duplicates]
        moved: list[TicketRow] = []
        for chunk in _chunks(duplicates):
            moved += session.scalars(select(TicketRow).where(TicketRow.requester_id.in_(chunk))
                                     .order_by(TicketRow.created_at, TicketRow.id))
        for ticket in moved:
            ticket.requester_id = survivor_id  # the sort keys follow in the flush hook
            ticket.version += 1
            ticket.updated_at = now
        for chunk in _chunks(duplicates):
            for earlier in session.scalars(select(RequesterRow).where(
                    RequesterRow.merged_into.in_(chunk))):
                earlier.merged_into = survivor_id
                _touch(session, earlier, clock)
        for row in rows:
            row.merged_into, row.deleted = survivor_id, True
            _touch(session, row, clock)
        record(session, clock, actor.staff_id, AuditKind.REQUESTERS, "requesters",
               survivor_id, Action.MERGED,
               before={"duplicates": [_details(row) for row in rows]},
               after={"survivor": _details(survivor),
                      "tickets": [ticket.number for ticket in moved]})
        return Merged(survivor_id, duplicates, tuple(ticket.id for ticket in moved))


def rename_unit(store: Store, clock: Clock, actor: SignedIn, unit: str, new_name: str) -> int:
    """Rename ``unit`` on every live requester who has it, in one transaction (renaming it
    to another unit's name joins the two); returns how many requesters changed."""
    _allowed(store, actor, Capability.MERGE_REQUESTERS)
    new_name = new_name.strip()
    if not new_name:
        raise DeskError(Problem.NAME_MISSING, "unit")
    if len(new_name) > UNIT_MAX:
        raise DeskError(Problem.TEXT_TOO_LONG, "unit", str(UNIT_MAX))
    if new_name == unit:
        return 0
    with store.unit_of_work() as session:
        rows = list(session.scalars(select(RequesterRow).where(
            RequesterRow.unit == unit, RequesterRow.deleted.is_(False))))
        if not rows:
            raise DeskError(Problem.RECORD_GONE)
        for row in rows:
            row.unit = new_name
            _touch(session, row, clock)
        record(session, clock, actor.staff_id, AuditKind.REQUESTERS, "units", unit[:120],
               Action.CHANGED, before={"unit": unit},
               after={"unit": new_name, "requesters": len(rows)})
        session.flush()
        refile(session.connection(), requesters=[row.id for row in rows])
        return len(rows)


# --- checks ------------------------------------------------------------------------------

def _allowed(store: Store, actor: SignedIn, capability: Capability) -> None:
    """Refuse an actor without ``capability``, and one who is not the Store's author (the
    audit line and the outbox would name someone else than the person checked)."""
    if not actor.may(capability) or store.author_id != actor.staff_id:
        raise DeskError(Problem.NOT_ALLOWED)


def _live(session: Session, requester_id: str) -> RequesterRow:
    row = session.get(RequesterRow, requester_id)
    if row is None or row.deleted:
        raise DeskError(Problem.RECORD_GONE)
    return row


def _chunks(ids: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def _details(row: RequesterRow) -> dict[str, str]:
    return {"id": row.id, "name": row.name, "unit": row.unit, "phone": row.phone,
            "email": row.email}


def _touch(session: Session, row: RequesterRow, clock: Clock) -> None:
    """Count a change (sync's edit counter and time); nothing if nothing changed."""
    if session.is_modified(row):
        row.version += 1
        row.updated_at = clock.now()
