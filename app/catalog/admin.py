"""Administering the catalog: ticket types and categories.

Only a role that manages the catalog (``Capability.MANAGE_CATALOG``) changes it; every
function takes the signed-in actor and refuses anyone else. Writes go through the ORM, so
the audit recorder (app/audit/recorder.py) writes their before/after lines and the sync
outbox their mutations in the same transaction.

An entry in use is never removed: tickets and knowledge-base articles name it. It is
*retired* instead - kept, still named on its tickets and in the queues' filters, no longer
offered for new tickets or edits (``app.store.directory.catalog``) - and may be brought
back. An entry nothing uses (a mistake, a test) may be *removed*: a tombstone
(``deleted``), since synced rows are never deleted outright. A code never changes once
written (SLA policies name types by code), and stays taken by a removed entry.

Every category names the person responsible for its kind of problem (the customer asks
that each has an owner): an active staff member, required whenever a category is saved.
Renaming an entry refiles the name copies its tickets carry for sorting
(``app.store.sort_keys.refile``) in the same transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.catalog.reading import CatalogKind
from app.domain.clock import Clock
from app.domain.ids import new_id
from app.domain.roles import Capability
from app.identity.seat import SignedIn
from app.kb.tables import ArticleRow
from app.people.admin import CODE_MAX, check_names
from app.services.errors import DeskError, Problem
from app.store.database import Store
from app.store.models import CategoryRow, SkillRow, StaffRow, TicketRow, TicketTypeRow
from app.store.sort_keys import refile

ICON_MAX = 3  # characters: more do not fit on a 16-pixel badge (ui/icons.badge)
_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
_COLOUR = re.compile(r"^#[0-9a-f]{6}$")


@dataclass(frozen=True)
class EntryForm:
    """What an administrator types for a type or a category. ``skill`` (a skill code) and
    ``owner_id`` (a staff id) are a category's and ignored for a type."""

    name_zh: str
    name_en: str
    color: str
    icon: str
    skill: str = ""
    owner_id: str | None = None


def check_form(form: EntryForm) -> EntryForm:
    """The form trimmed and its colour in lower case, or DeskError naming the first field
    at fault (checks that need no database)."""
    zh, en = check_names(form.name_zh, form.name_en)
    form = replace(form, name_zh=zh, name_en=en, color=form.color.strip().lower(),
                   icon=form.icon.strip(), skill=form.skill.strip())
    if not _COLOUR.match(form.color):
        raise DeskError(Problem.COLOUR_INVALID, "color")
    if not form.icon or len(form.icon) > ICON_MAX or any(ch.isspace() for ch in form.icon):
        raise DeskError(Problem.ICON_INVALID, "icon", str(ICON_MAX))
    return form


def _model(kind: CatalogKind) -> type[TicketTypeRow] | type[CategoryRow]:
    return TicketTypeRow if kind is CatalogKind.TYPES else CategoryRow


def add(store: Store, clock: Clock, actor: SignedIn, kind: CatalogKind, code: str,
        form: EntryForm) -> str:
    """Add a type or category at the end of its list, in service; returns its id."""
    _allowed(store, actor)
    code = code.strip().lower()
    if len(code) > CODE_MAX or not _CODE.match(code):
        raise DeskError(Problem.CODE_INVALID, "code", str(CODE_MAX))
    form = check_form(form)
    model = _model(kind)
    with store.unit_of_work() as session:
        if session.scalar(select(model.id).where(model.code == code)) is not None:
            raise DeskError(Problem.CODE_TAKEN, "code", code)
        last = session.scalar(select(func.max(model.position)).where(
            model.deleted.is_(False)))
        values = {"id": new_id(clock), "code": code, "name_zh": form.name_zh,
                  "name_en": form.name_en, "color": form.color, "icon": form.icon,
                  "position": 0 if last is None else last + 1, "retired": False,
                  "version": 1, "updated_at": clock.now(), "deleted": False}
        if kind is CatalogKind.CATEGORIES:
            _check_skill(session, form.skill, kept=None)
            _check_owner(session, form.owner_id)
            row: TicketTypeRow | CategoryRow = CategoryRow(
                **values, skill=form.skill, owner_id=form.owner_id)
        else:
            row = TicketTypeRow(**values)
        session.add(row)
        return row.id


def edit(store: Store, clock: Clock, actor: SignedIn, kind: CatalogKind, entry_id: str,
         form: EntryForm) -> None:
    """Change an entry's names, colour and icon (and a category's skill and owner). A
    retired skill the category already asks for may stay; the owner must be active."""
    _allowed(store, actor)
    form = check_form(form)
    with store.unit_of_work() as session:
        row = _live(session, kind, entry_id)
        if isinstance(row, CategoryRow):  # checked first: a query would flush half an edit
            _check_skill(session, form.skill, kept=row.skill)
            _check_owner(session, form.owner_id)
            row.skill, row.owner_id = form.skill, form.owner_id
        renamed = (row.name_zh, row.name_en) != (form.name_zh, form.name_en)
        row.name_zh, row.name_en = form.name_zh, form.name_en
        row.color, row.icon = form.color, form.icon
        _touch(session, row, clock)
        if renamed:
            session.flush()  # the new names, before the tickets copy them
            _refile(session, kind, entry_id)


def move(store: Store, clock: Clock, actor: SignedIn, kind: CatalogKind, entry_id: str,
         step: int) -> None:
    """Move an entry ``step`` places up (negative) or down its list, the order pickers
    offer them in. Positions are renumbered 0, 1, 2... on the way; only rows whose
    position changes are written."""
    _allowed(store, actor)
    model = _model(kind)
    with store.unit_of_work() as session:
        rows: list[TicketTypeRow | CategoryRow] = list(session.scalars(
            select(model).where(model.deleted.is_(False)).order_by(model.position,
                                                                   model.code)))
        index = next((n for n, row in enumerate(rows) if row.id == entry_id), None)
        if index is None:
            raise DeskError(Problem.RECORD_GONE)
        target = max(0, min(len(rows) - 1, index + step))
        rows.insert(target, rows.pop(index))
        for position, row in enumerate(rows):
            if row.position != position:
                row.position = position
                _touch(session, row, clock)


def set_retired(store: Store, clock: Clock, actor: SignedIn, kind: CatalogKind,
                entry_id: str, retired: bool) -> None:
    """Retire an entry (kept on its tickets, offered for nothing new) or bring it back."""
    _allowed(store, actor)
    with store.unit_of_work() as session:
        row = _live(session, kind, entry_id)
        row.retired = retired
        _touch(session, row, clock)


def remove(store: Store, clock: Clock, actor: SignedIn, kind: CatalogKind,
           entry_id: str) -> None:
    """Remove an entry nothing uses (a tombstone: synced rows are never deleted outright).
    One that tickets or articles use is refused (``Problem.IN_USE``): retire it."""
    _allowed(store, actor)
    with store.unit_of_work() as session:
        row = _live(session, kind, entry_id)
        users = _users(session, kind, entry_id)
        if users:
            raise DeskError(Problem.IN_USE, None, str(users))
        row.deleted = True
        _touch(session, row, clock)


# --- checks ------------------------------------------------------------------------------

def _allowed(store: Store, actor: SignedIn) -> None:
    """Refuse an actor who may not manage the catalog, and one who is not the Store's
    author: the audit line would name someone else than the person whose role was checked."""
    if not actor.may(Capability.MANAGE_CATALOG) or store.author_id != actor.staff_id:
        raise DeskError(Problem.NOT_ALLOWED)


def _live(session: Session, kind: CatalogKind, entry_id: str) -> TicketTypeRow | CategoryRow:
    row = (session.get(TicketTypeRow, entry_id) if kind is CatalogKind.TYPES
           else session.get(CategoryRow, entry_id))
    if row is None or row.deleted:
        raise DeskError(Problem.RECORD_GONE)
    return row


def _users(session: Session, kind: CatalogKind, entry_id: str) -> int:
    """How many live tickets (and, for a category, articles) use the entry."""
    column = TicketRow.type_id if kind is CatalogKind.TYPES else TicketRow.category_id
    count = session.scalar(select(func.count()).where(column == entry_id,
                                                      TicketRow.deleted.is_(False))) or 0
    if kind is CatalogKind.CATEGORIES:
        count += session.scalar(select(func.count()).where(
            ArticleRow.category_id == entry_id, ArticleRow.deleted.is_(False))) or 0
    return count


def _check_skill(session: Session, skill: str, kept: str | None) -> None:
    """A category asks for a skill in service, or keeps the one it has (``kept``) even if
    it was retired since."""
    if not skill:
        raise DeskError(Problem.SKILL_MISSING, "skill")
    row = session.scalar(select(SkillRow).where(SkillRow.code == skill))
    if row is None or row.deleted or (row.retired and skill != kept):
        raise DeskError(Problem.SKILL_UNKNOWN, "skill", skill)


def _check_owner(session: Session, owner_id: str | None) -> None:
    """The person responsible is an active staff member."""
    owner = None if owner_id is None else session.get(StaffRow, owner_id)
    if owner is None or owner.deleted or not owner.active:
        raise DeskError(Problem.OWNER_MISSING, "owner")


def _refile(session: Session, kind: CatalogKind, entry_id: str) -> None:
    """The tickets of a renamed entry carry its new names for sorting."""
    if kind is CatalogKind.TYPES:
        refile(session.connection(), types=[entry_id])
    else:
        refile(session.connection(), categories=[entry_id])


def _touch(session: Session, row: TicketTypeRow | CategoryRow, clock: Clock) -> None:
    """Count a change (sync's edit counter and time); nothing if nothing changed."""
    if session.is_modified(row):
        row.version += 1
        row.updated_at = clock.now()
