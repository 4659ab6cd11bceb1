"""Administering people: staff members, teams and skills.

Only a role that may manage people (``Capability.MANAGE_PEOPLE``) changes them; every
function takes the signed-in actor and refuses anyone else. Writes go through the ORM, so
the audit recorder (app/audit/recorder.py) writes their before/after lines in the same
transaction, under the Store's author, which must be that actor.

Nothing here deletes: a person who leaves is deactivated (history keeps their name on
tickets, timelines and rotas; pickers of new work offer only the active, see
``app.store.directory.staff``), and a team or skill is retired (kept on the people who
have it, offered for nothing new). Codes and logins never change once written: accounts,
sign-in, SLA escalations and categories refer to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.domain.enums import Seniority, StaffStatus
from app.domain.ids import new_id
from app.domain.roles import Capability
from app.domain.validation import is_email, is_phone
from app.identity.seat import SignedIn
from app.services.errors import DeskError, Problem
from app.store.database import Store
from app.store.models import SkillRow, StaffRow, StaffSkillRow, TeamRow
from app.store.sort_keys import refile

NAME_MAX = 80
LOGIN_MAX = 80
CODE_MAX = 40
PHONE_MAX = 40
EMAIL_MAX = 120
_LOGIN = re.compile(r"^[A-Za-z0-9._@-]+$")
_CODE = re.compile(r"^[a-z][a-z0-9_]*$")


def is_login(text: str) -> bool:
    """Letters, digits and ``._@-``, at most LOGIN_MAX (the staff import checks with it)."""
    return len(text) <= LOGIN_MAX and bool(_LOGIN.match(text))


Coded = TypeVar("Coded", TeamRow, SkillRow)


@dataclass(frozen=True)
class StaffForm:
    """What an administrator types for a staff member; ``skills`` are skill codes."""

    name: str
    login: str
    team_id: str | None
    seniority: int
    skills: frozenset[str] = field(default_factory=frozenset)
    phone: str = ""
    email: str = ""


def check_staff(form: StaffForm) -> StaffForm:
    """The form with surrounding blanks trimmed, or DeskError naming the first field at
    fault (checks that need no database; the import checks its rows with it too)."""
    form = replace(form, name=form.name.strip(), login=form.login.strip(),
                   phone=form.phone.strip(), email=form.email.strip(),
                   skills=frozenset(s.strip() for s in form.skills if s.strip()))
    if not form.name:
        raise DeskError(Problem.NAME_MISSING, "name")
    if len(form.name) > NAME_MAX:
        raise DeskError(Problem.TEXT_TOO_LONG, "name", str(NAME_MAX))
    if not is_login(form.login):
        raise DeskError(Problem.LOGIN_INVALID, "login", str(LOGIN_MAX))
    if form.seniority not in {level.value for level in Seniority}:
        raise DeskError(Problem.SENIORITY_INVALID, "seniority")
    if form.phone and (len(form.phone) > PHONE_MAX or not is_phone(form.phone)):
        raise DeskError(Problem.PHONE_INVALID, "phone")
    if form.email and (len(form.email) > EMAIL_MAX or not is_email(form.email)):
        raise DeskError(Problem.EMAIL_INVALID, "email")
    return form


# --- staff -------------------------------------------------------------------------------

def add_staff(store: Store, clock: Clock, actor: SignedIn, form: StaffForm) -> str:
    """Add a staff member (active, available); returns the new id."""
    _allowed(store, actor)
    form = check_staff(form)
    with store.unit_of_work() as session:
        taken = session.scalar(select(StaffRow.id).where(
            func.lower(StaffRow.login) == form.login.lower()))
        if taken is not None:
            raise DeskError(Problem.LOGIN_TAKEN, "login", form.login)
        _check_team(session, form.team_id, kept=None)
        _check_skills(session, form.skills, kept=frozenset())
        now = clock.now()
        row = StaffRow(id=new_id(clock), name=form.name, login=form.login,
                       team_id=form.team_id, seniority=form.seniority,
                       status=StaffStatus.AVAILABLE.value, phone=form.phone,
                       email=form.email, active=True, version=1, updated_at=now,
                       deleted=False)
        session.add(row)
        session.flush()  # the person before their skills (staff_skills refers to staff)
        session.add_all(StaffSkillRow(staff_id=row.id, skill=skill)
                        for skill in sorted(form.skills))
        return row.id


def edit_staff(store: Store, clock: Clock, actor: SignedIn, staff_id: str,
               form: StaffForm) -> None:
    """Change a staff member's name, team, seniority, skills, phone and e-mail. A retired
    team or skill the person already has may stay; the login cannot change."""
    _allowed(store, actor)
    form = check_staff(form)
    with store.unit_of_work() as session:
        row = _live(session, StaffRow, staff_id)
        if form.login != row.login:
            raise DeskError(Problem.LOGIN_FIXED, "login")
        had = frozenset(session.scalars(select(StaffSkillRow.skill).where(
            StaffSkillRow.staff_id == staff_id)))
        _check_team(session, form.team_id, kept=row.team_id)
        _check_skills(session, form.skills, kept=had)
        renamed = row.name != form.name
        row.name, row.team_id, row.seniority = form.name, form.team_id, form.seniority
        row.phone, row.email = form.phone, form.email
        _touch(session, row, clock)
        if renamed:  # the assignee name the queues sort their tickets by
            session.flush()
            refile(session.connection(), staff=[staff_id])
        for gone in had - form.skills:
            session.delete(session.get_one(StaffSkillRow, (staff_id, gone)))
        session.add_all(StaffSkillRow(staff_id=staff_id, skill=skill)
                        for skill in sorted(form.skills - had))


def set_staff_active(store: Store, clock: Clock, actor: SignedIn, staff_id: str,
                     active: bool) -> None:
    """Deactivate (``active=False``) or reactivate a staff member. Deactivated, they keep
    their history and open tickets but are offered for nothing new and cannot sign in; an
    administrator cannot deactivate their own seat (nobody might be left to undo it)."""
    _allowed(store, actor)
    if not active and staff_id == actor.staff_id:
        raise DeskError(Problem.OWN_SEAT)
    with store.unit_of_work() as session:
        row = _live(session, StaffRow, staff_id)
        row.active = active
        _touch(session, row, clock)


# --- teams and skills --------------------------------------------------------------------

def add_team(store: Store, clock: Clock, actor: SignedIn, code: str, name_zh: str,
             name_en: str) -> str:
    """Add a team; returns its id. Its code never changes (SLA escalations and the
    automatic assignment name teams by code)."""
    return _add(store, clock, actor, TeamRow, code, name_zh, name_en)


def rename_team(store: Store, clock: Clock, actor: SignedIn, team_id: str, name_zh: str,
                name_en: str) -> None:
    _rename(store, clock, actor, TeamRow, team_id, name_zh, name_en)


def set_team_retired(store: Store, clock: Clock, actor: SignedIn, team_id: str,
                     retired: bool) -> None:
    """Retire a team (its members keep it until moved; nobody new joins it) or bring it
    back."""
    _retire(store, clock, actor, TeamRow, team_id, retired)


def add_skill(store: Store, clock: Clock, actor: SignedIn, code: str, name_zh: str,
              name_en: str) -> str:
    """Add a skill; returns its id. Its code never changes (categories ask for skills and
    people have them by code)."""
    return _add(store, clock, actor, SkillRow, code, name_zh, name_en)


def rename_skill(store: Store, clock: Clock, actor: SignedIn, skill_id: str, name_zh: str,
                 name_en: str) -> None:
    _rename(store, clock, actor, SkillRow, skill_id, name_zh, name_en)


def set_skill_retired(store: Store, clock: Clock, actor: SignedIn, skill_id: str,
                      retired: bool) -> None:
    """Retire a skill (it stays on the people who have it and still counts in dispatch;
    it is offered to nobody new) or bring it back."""
    _retire(store, clock, actor, SkillRow, skill_id, retired)


def check_names(name_zh: str, name_en: str) -> tuple[str, str]:
    """Both names trimmed; one given stands for the other (a desk may name things in one
    language only), none is refused."""
    zh, en = name_zh.strip(), name_en.strip()
    if not zh and not en:
        raise DeskError(Problem.NAME_MISSING, "name_zh")
    for name, value in (("name_zh", zh), ("name_en", en)):
        if len(value) > NAME_MAX:
            raise DeskError(Problem.TEXT_TOO_LONG, name, str(NAME_MAX))
    return zh or en, en or zh


def _add(store: Store, clock: Clock, actor: SignedIn, kind: type[Coded], code: str,
         name_zh: str, name_en: str) -> str:
    _allowed(store, actor)
    code = code.strip().lower()
    if len(code) > CODE_MAX or not _CODE.match(code):
        raise DeskError(Problem.CODE_INVALID, "code", str(CODE_MAX))
    zh, en = check_names(name_zh, name_en)
    with store.unit_of_work() as session:
        if session.scalar(select(kind.id).where(kind.code == code)) is not None:
            raise DeskError(Problem.CODE_TAKEN, "code", code)
        row = kind(id=new_id(clock), code=code, name_zh=zh, name_en=en, retired=False,
                   version=1, updated_at=clock.now(), deleted=False)
        session.add(row)
        return row.id


def _rename(store: Store, clock: Clock, actor: SignedIn, kind: type[Coded], row_id: str,
            name_zh: str, name_en: str) -> None:
    _allowed(store, actor)
    zh, en = check_names(name_zh, name_en)
    with store.unit_of_work() as session:
        row = _live(session, kind, row_id)
        row.name_zh, row.name_en = zh, en
        _touch(session, row, clock)


def _retire(store: Store, clock: Clock, actor: SignedIn, kind: type[Coded], row_id: str,
            retired: bool) -> None:
    _allowed(store, actor)
    with store.unit_of_work() as session:
        row = _live(session, kind, row_id)
        row.retired = retired
        _touch(session, row, clock)


# --- checks ------------------------------------------------------------------------------

def _allowed(store: Store, actor: SignedIn) -> None:
    """Refuse an actor who may not manage people, and one who is not the Store's author:
    the audit line would name someone else than the person whose role was checked."""
    if not actor.may(Capability.MANAGE_PEOPLE) or store.author_id != actor.staff_id:
        raise DeskError(Problem.NOT_ALLOWED)


Live = TypeVar("Live", StaffRow, TeamRow, SkillRow)


def _live(session: Session, kind: type[Live], row_id: str) -> Live:
    row = session.get(kind, row_id)
    if row is None or row.deleted:
        raise DeskError(Problem.RECORD_GONE)
    return row


def _check_team(session: Session, team_id: str | None, kept: str | None) -> None:
    """``team_id`` must be a team in service, or the person's own (``kept``) even if
    retired since."""
    if team_id is None:
        return
    team = session.get(TeamRow, team_id)
    if team is None or team.deleted or (team.retired and team_id != kept):
        raise DeskError(Problem.TEAM_UNKNOWN, "team")


def _check_skills(session: Session, wanted: frozenset[str], kept: frozenset[str]) -> None:
    """Each skill must exist and be in service, unless the person had it already."""
    if not wanted:
        return
    offered = {code: retired for code, retired in session.execute(
        select(SkillRow.code, SkillRow.retired).where(SkillRow.deleted.is_(False),
                                                      SkillRow.code.in_(wanted)))}
    for skill in sorted(wanted):
        if skill not in offered or (offered[skill] and skill not in kept):
            raise DeskError(Problem.SKILL_UNKNOWN, "skills", skill)


def _touch(session: Session, row: StaffRow | TeamRow | SkillRow, clock: Clock) -> None:
    """Count a change (sync's edit counter and time); nothing if nothing changed."""
    if session.is_modified(row):
        row.version += 1
        row.updated_at = clock.now()
