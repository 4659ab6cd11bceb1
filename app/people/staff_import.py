"""Importing staff from a list exported from Excel or WPS: a preview, then one transaction.

``preview`` reads the file (``app.people.staff_file``) and decides, row by row and against
this desk, what each row would do - add a person, or update the person who has its login -
and what is wrong with it: a missing name or login, a login twice in the file, a team,
skill, seniority or role the desk does not know, a phone number or e-mail address that is
not one. Nothing is written. ``apply`` writes an acceptable preview (no problem anywhere)
in one transaction: new staff and their skills, changes to existing staff, a local account
without a password for each new person with a role (standalone desks only: a connected
desk's accounts are the server's), the outbox mutations of a connected desk, and one audit
line for the whole import.

Rows are written with Core statements in bulk (10 000 rows in about a second, where the
ORM took many): the audit and outbox listeners see only ORM objects, so the import writes
its own audit summary and outbox mutations.

An empty cell of an existing person keeps what the desk has (a list of names and logins
does not wipe phone numbers); skills given replace the person's skills.
"""

from __future__ import annotations

import re
import secrets
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.audit.recorder import Action, AuditKind, record
from app.domain.clock import Clock
from app.domain.enums import Seniority, StaffStatus
from app.domain.ids import uuid7_at
from app.domain.roles import Capability, Role, assignable_roles
from app.domain.validation import is_email, is_phone
from app.identity.seat import SignedIn
from app.identity.tables import DeskAccountRow
from app.people.admin import EMAIL_MAX, LOGIN_MAX, NAME_MAX, PHONE_MAX, is_login
from app.people.staff_file import (
    Field,
    FileRow,
    Finding,
    ImportProblem,
    Progress,
    StaffFile,
    read_staff_file,
)
from app.services.errors import DeskError, Problem
from app.store.database import Store
from app.store.models import StaffRow, StaffSkillRow
from app.store.sort_keys import refile

P = ImportProblem
_LONGEST = {Field.NAME: NAME_MAX, Field.LOGIN: LOGIN_MAX, Field.PHONE: PHONE_MAX,
            Field.EMAIL: EMAIL_MAX}
_SEPARATORS = re.compile(r"[,，;；、]+")
_SPACES = re.compile(r"\s+")
_CHUNK = 500  # ids in one IN (...) list
_ORDER: dict[Field | None, int] = {None: -1} | {field: n for n, field in enumerate(Field)}


class RowAction(StrEnum):
    """What importing a row does."""

    NEW = "new"
    UPDATE = "update"  # the person with this login
    REACTIVATE = "reactivate"  # the person with this login, who was deactivated


class AccountAction(StrEnum):
    """What importing a row does to accounts (a standalone desk's own)."""

    NONE = "none"  # no role given, or a connected desk (accounts are the server's)
    NEW = "new"  # an account with the role and no password: an administrator sets one
    KEPT = "kept"  # the person has an account already; its role is changed on its page


def _key(text: str) -> str:
    """A team, skill, seniority or role as compared: case and spaces ignored."""
    return re.sub(r"[\s_\-]+", "", text).casefold()


_SENIORITY: dict[str, Seniority] = {_key(text): seniority for seniority, texts in {
    Seniority.ENGINEER: ("1", "engineer", "junior", "工程师", "初级", "初级工程师"),
    Seniority.EXPERIENCED: ("2", "experienced", "experienced engineer", "intermediate",
                            "资深", "资深工程师", "中级", "中级工程师"),
    Seniority.SENIOR_EXPERT: ("3", "senior", "senior expert", "expert", "高级", "高级专家",
                              "专家"),
}.items() for text in texts}
_ROLES: dict[str, Role] = {_key(text): spec.role for spec in assignable_roles()
                           for text in (spec.role.value, spec.name_zh, spec.name_en)}


@dataclass(frozen=True, slots=True)
class StaffLine:
    """One row of the file as it would be imported. ``None`` (and '' for phone and e-mail)
    means the file gives nothing: a new person gets the default, an existing one keeps
    what they have."""

    line: int
    action: RowAction
    name: str
    login: str
    team_id: str | None
    skills: tuple[str, ...] | None  # skill codes
    seniority: Seniority | None
    phone: str
    email: str
    role: Role | None
    account: AccountAction
    staff_id: str | None  # the person an update changes
    cells: FileRow  # as written, for the preview
    problems: tuple[Finding, ...]


@dataclass(frozen=True)
class Preview:
    """What importing a file would do; ``file`` keeps its name, format and file problems
    (not its rows: ``rows`` has them)."""

    file: StaffFile
    rows: tuple[StaffLine, ...]
    connected: bool  # accounts are the server's; changes go to the outbox
    new: int
    updated: int
    with_problems: int

    @property
    def problems(self) -> tuple[Finding, ...]:
        return self.file.problems

    @property
    def acceptable(self) -> bool:
        """Whether it may be imported: rows, and no problem in the file or any row."""
        return bool(self.rows) and not self.problems and not self.with_problems


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int  # changed people (their fields or their skills)
    unchanged: int  # existing people the file names exactly as they are
    accounts: int


# --- preview ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Person:
    id: str
    active: bool
    deleted: bool
    team_id: str | None
    skills: frozenset[str]


@dataclass(frozen=True)
class _Known:
    """What the desk has that rows refer to, read once for the whole file."""

    teams: dict[str, tuple[str, bool]]  # code / name_zh / name_en key -> id, retired
    skills: dict[str, tuple[str, bool]]  # code / name_zh / name_en key -> code, retired
    staff: dict[str, _Person]  # by login key
    accounts: frozenset[str]  # login keys with a local account


def _known(conn: sqlite3.Connection) -> _Known:
    def names(table: str, value: str) -> dict[str, tuple[str, bool]]:
        found: dict[str, tuple[str, bool]] = {}
        for code, name_zh, name_en, target, retired in conn.execute(
                f"SELECT code, name_zh, name_en, {value}, retired FROM {table} "
                "WHERE deleted = 0 ORDER BY retired DESC"):
            # A code wins over another row's name; one in service over a retired one.
            for text in (name_en, name_zh, code):
                found[_key(text)] = (target, bool(retired))
        return found

    skills: dict[str, set[str]] = {}
    for staff_id, skill in conn.execute("SELECT staff_id, skill FROM staff_skills"):
        skills.setdefault(staff_id, set()).add(skill)
    staff = {login.casefold(): _Person(id_, bool(active), bool(deleted), team_id,
                                       frozenset(skills.get(id_, ())))
             for id_, login, active, deleted, team_id in conn.execute(
                 "SELECT id, login, active, deleted, team_id FROM staff")}
    accounts = frozenset(login.casefold() for (login,) in
                         conn.execute("SELECT login FROM desk_accounts"))
    return _Known(names("teams", "id"), names("skills", "code"), staff, accounts)


def _skills(text: str, known: dict[str, tuple[str, bool]], had: frozenset[str]
            ) -> tuple[tuple[str, ...], list[str]]:
    """Skill codes named in ``text``, and the parts naming none in service (a retired
    skill only for a person who has it). Parts are separated by commas, semicolons and 、;
    spaces separate skills too, but English skill names have spaces: the longest run of
    words naming a skill is taken."""
    def code_of(part: str) -> str | None:
        code, retired = known.get(_key(part), ("", False))
        return code if code and (not retired or code in had) else None

    codes: list[str] = []
    unknown: list[str] = []
    for part in _SEPARATORS.split(text):
        if not (part := part.strip()):
            continue
        words = _SPACES.split(part)
        start = 0
        while start < len(words):  # the longest run of words naming a skill, from the left
            for end in range(len(words), start, -1):
                if (code := code_of(" ".join(words[start:end]))) is not None:
                    codes.append(code)
                    start = end
                    break
            else:
                unknown.append(words[start])
                start += 1
    return tuple(dict.fromkeys(codes)), unknown


def _text_problems(row: FileRow) -> list[Finding]:
    """What is wrong with a row without looking at the desk."""
    problems = [Finding(P.MISSING_VALUE, field) for field in (Field.NAME, Field.LOGIN)
                if not row[field]]
    problems += [Finding(P.TOO_LONG, field, str(longest))
                 for field, longest in _LONGEST.items() if len(row[field]) > longest]
    if (phone := row[Field.PHONE]) and not is_phone(phone):
        problems.append(Finding(P.BAD_PHONE, Field.PHONE, phone))
    if (email := row[Field.EMAIL]) and not is_email(email):
        problems.append(Finding(P.BAD_EMAIL, Field.EMAIL, email))
    return problems


def _named(row: FileRow, field: Field, names: dict[str, Any], unknown: ImportProblem,
           problems: list[Finding]) -> Any:
    """The value ``row[field]`` names in ``names``; None if empty or unknown (a problem)."""
    if not (text := row[field]):
        return None
    value = names.get(_key(text))
    if value is None:
        problems.append(Finding(unknown, field, text))
    return value


def _team(row: FileRow, known: _Known, person: _Person | None, problems: list[Finding]
          ) -> str | None:
    """The team named, in service or the person's own (retired since)."""
    found = _named(row, Field.TEAM, known.teams, P.UNKNOWN_TEAM, problems)
    if found is None:
        return None
    team_id, retired = found
    if retired and (person is None or person.team_id != team_id):
        problems.append(Finding(P.UNKNOWN_TEAM, Field.TEAM, row[Field.TEAM]))
        return None
    return str(team_id)


def _line(row: FileRow, known: _Known, connected: bool) -> StaffLine:
    problems = _text_problems(row)
    login = row[Field.LOGIN]
    action, person = RowAction.NEW, known.staff.get(login.casefold()) if login else None
    if person is None and login and len(login) <= LOGIN_MAX and not is_login(login):
        # (an existing person's login is what it is: a server may have made it)
        problems.append(Finding(P.LOGIN_INVALID, Field.LOGIN, login))
    if person is not None:
        if person.deleted:
            problems.append(Finding(P.LOGIN_OF_REMOVED, Field.LOGIN, login))
        action = RowAction.UPDATE if person.active else RowAction.REACTIVATE
    team_id = _team(row, known, person, problems)
    skills = None
    if text := row[Field.SKILLS]:
        skills, unknown = _skills(text, known.skills,
                                  person.skills if person is not None else frozenset())
        problems += [Finding(P.UNKNOWN_SKILL, Field.SKILLS, word) for word in unknown]
    seniority = _named(row, Field.SENIORITY, _SENIORITY, P.UNKNOWN_SENIORITY, problems)
    role = _named(row, Field.ROLE, _ROLES, P.UNKNOWN_ROLE, problems)
    account = AccountAction.NONE
    if role is not None and not connected:
        account = (AccountAction.KEPT if login.casefold() in known.accounts
                   else AccountAction.NEW)
    problems.sort(key=lambda f: _ORDER[f.field])  # in the order of the columns
    return StaffLine(row.line, action, row[Field.NAME], login, team_id, skills, seniority,
                     row[Field.PHONE], row[Field.EMAIL], role, account,
                     person.id if person is not None else None, row, tuple(problems))


def _mark_duplicates(lines: list[StaffLine]) -> None:
    """Every row whose login another row also has gets a problem naming the others."""
    by_login: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line.login:
            by_login.setdefault(line.login.casefold(), []).append(index)
    for indexes in by_login.values():
        if len(indexes) < 2:
            continue
        for index in indexes:
            others = ", ".join(str(lines[i].line) for i in indexes if i != index)
            line = lines[index]
            lines[index] = replace(line, problems=(
                *line.problems, Finding(P.DUPLICATE_LOGIN, Field.LOGIN, others)))


def preview(conn: sqlite3.Connection, file: StaffFile, *, connected: bool) -> Preview:
    """What importing ``file`` would do on the desk ``conn`` reads; ``connected``: the desk
    syncs with a server (whose accounts it uses)."""
    known = _known(conn)
    lines = [_line(row, known, connected) for row in file.rows]
    _mark_duplicates(lines)
    new = sum(1 for line in lines if line.action is RowAction.NEW)
    return Preview(replace(file, rows=()), tuple(lines), connected, new, len(lines) - new,
                   sum(1 for line in lines if line.problems))


def preview_file(conn: sqlite3.Connection, path: Path, *, connected: bool,
                 progress: Progress | None = None) -> Preview | None:
    """Read and preview the file at ``path``; None if ``progress`` asked to stop."""
    file = read_staff_file(path, progress)
    return None if file is None else preview(conn, file, connected=connected)


# --- apply --------------------------------------------------------------------------------

_STAFF = cast(Table, StaffRow.__table__)
_SKILLS = cast(Table, StaffSkillRow.__table__)
_ACCOUNTS = cast(Table, DeskAccountRow.__table__)
_KEPT_FIELDS = ("name", "team_id", "seniority", "phone", "email", "active")


def apply(store: Store, clock: Clock, preview: Preview, actor: SignedIn) -> ImportResult:
    """Write an acceptable ``preview`` in one transaction, as ``actor``.

    Raises DeskError: NOT_ALLOWED (the role may not manage people, or accounts when some
    are to be made, or ``actor`` is not the Store's author, whom the outbox pushes as),
    IMPORT_HAS_PROBLEMS (the preview is not acceptable), IMPORT_OUTDATED (the desk's staff
    or accounts changed since the preview: nothing was written)."""
    if store.author_id != actor.staff_id or not actor.may(Capability.MANAGE_PEOPLE) or (
            not actor.may(Capability.MANAGE_ACCOUNTS)
            and any(line.account is AccountAction.NEW for line in preview.rows)):
        raise DeskError(Problem.NOT_ALLOWED)
    if not preview.acceptable:
        raise DeskError(Problem.IMPORT_HAS_PROBLEMS, detail=str(preview.with_problems))
    try:
        with store.unit_of_work() as session:
            return _Import(session, clock, preview, actor, store.author_login).write()
    except IntegrityError as error:  # a login or account that appeared since the preview
        raise DeskError(Problem.IMPORT_OUTDATED) from error


class _Import:
    """The writes of one import, inside its unit of work."""

    def __init__(self, session: Session, clock: Clock, preview: Preview, actor: SignedIn,
                 login: str) -> None:
        self.session, self.clock, self.preview, self.actor = session, clock, preview, actor
        self.conn: Connection = session.connection()
        self.now = clock.now()
        self.login = login  # the seat whose outbox mutations these are

    def new_id(self) -> str:
        return uuid7_at(self.now, secrets.randbits(74))

    def write(self) -> ImportResult:
        current = {row.login.casefold(): row for row in self.conn.execute(
            select(_STAFF.c.id, _STAFF.c.login, _STAFF.c.deleted,
                   *(_STAFF.c[name] for name in _KEPT_FIELDS)))}
        new_lines: list[StaffLine] = []
        changed_lines: list[StaffLine] = []
        for line in self.preview.rows:
            found = current.get(line.login.casefold())
            if (line.action is RowAction.NEW) != (found is None) or found is not None and (
                    found.id != line.staff_id or found.deleted):
                raise DeskError(Problem.IMPORT_OUTDATED, "login", line.login)
            (new_lines if found is None else changed_lines).append(line)
        created = self.create(new_lines)
        before, after = self.change(changed_lines, current)
        skills_changed = self.replace_skills(changed_lines, current)
        accounts = self.create_accounts(new_lines, changed_lines, current)
        changed_people = set(after) | skills_changed
        by_role: dict[str, list[str]] = {}
        for login, role in accounts.items():
            by_role.setdefault(role, []).append(login)
        record(self.session, self.clock, self.actor.staff_id, AuditKind.IMPORT, "staff", "",
               Action.IMPORTED, before={"updated": before},
               after={"file": self.preview.file.name, "created": created,
                      "updated": after, "skills_replaced": sorted(skills_changed),
                      "accounts": by_role})
        return ImportResult(len(created), len(changed_people),
                            len(changed_lines) - len(changed_people), len(accounts))

    # staff ---------------------------------------------------------------------------------
    def create(self, lines: list[StaffLine]) -> list[str]:
        rows: list[dict[str, Any]] = []
        skills: list[dict[str, Any]] = []
        for line in lines:
            staff_id = self.new_id()
            rows.append({
                "id": staff_id, "name": line.name, "login": line.login,
                "team_id": line.team_id,
                "seniority": int(line.seniority or Seniority.ENGINEER),
                "status": StaffStatus.AVAILABLE.value, "phone": line.phone,
                "email": line.email, "active": True, "version": 1, "updated_at": self.now,
                "deleted": False})
            skills += [{"staff_id": staff_id, "skill": code} for code in line.skills or ()]
        if rows:
            self.conn.execute(insert(_STAFF), rows)
            self.outbox("staff", [(row, row) for row in rows])
        if skills:
            self.conn.execute(insert(_SKILLS), skills)
            self.outbox("staff_skills", [(row, row) for row in skills])
        return [line.login for line in lines]

    def change(self, lines: list[StaffLine], current: dict[str, Any]
               ) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
        """Update the people whose fields the file changes; (before, after) by login."""
        before: dict[str, dict[str, Any]] = {}
        after: dict[str, dict[str, Any]] = {}
        params: list[dict[str, Any]] = []
        puts: list[tuple[dict[str, Any], dict[str, Any]]] = []
        renamed: list[str] = []
        for line in lines:
            found = current[line.login.casefold()]
            wanted = {"name": line.name, "team_id": line.team_id, "phone": line.phone or None,
                      "email": line.email or None, "active": True,
                      "seniority": None if line.seniority is None else int(line.seniority)}
            old = {name: getattr(found, name) for name in _KEPT_FIELDS}
            new = {name: value for name, value in wanted.items()
                   if value is not None and value != old[name]}
            if not new:
                continue
            before[found.login] = {name: old[name] for name in new}
            after[found.login] = new
            if "name" in new:
                renamed.append(found.id)
            params.append({"b_id": found.id, "b_at": self.now,
                           **{f"b_{name}": new.get(name, old[name]) for name in _KEPT_FIELDS}})
            puts.append(({"id": found.id}, {**new, "updated_at": self.now}))
        if params:
            self.conn.execute(
                update(_STAFF).where(_STAFF.c.id == bindparam("b_id")).values(
                    version=_STAFF.c.version + 1, updated_at=bindparam("b_at"),
                    **{name: bindparam(f"b_{name}") for name in _KEPT_FIELDS}), params)
            self.outbox("staff", puts)
        if renamed:  # tickets carry a copy of their assignee's name to sort by
            refile(self.conn, staff=renamed)
        return before, after

    def replace_skills(self, lines: list[StaffLine], current: dict[str, Any]) -> set[str]:
        """Give the people whose skills the file names exactly those; their logins."""
        wanted = {current[line.login.casefold()].id: (current[line.login.casefold()].login,
                                                      set(line.skills))
                  for line in lines if line.skills is not None}
        had: dict[str, set[str]] = {staff_id: set() for staff_id in wanted}
        for chunk in _chunks(list(wanted)):
            for staff_id, skill in self.conn.execute(
                    select(_SKILLS.c.staff_id, _SKILLS.c.skill)
                    .where(_SKILLS.c.staff_id.in_(chunk))):
                had[staff_id].add(skill)
        added = [{"staff_id": staff_id, "skill": skill}
                 for staff_id, (_login, skills) in wanted.items()
                 for skill in sorted(skills - had[staff_id])]
        removed = [{"staff_id": staff_id, "skill": skill}
                   for staff_id, (_login, skills) in wanted.items()
                   for skill in sorted(had[staff_id] - skills)]
        if removed:
            self.conn.execute(delete(_SKILLS).where(
                _SKILLS.c.staff_id == bindparam("staff_id"),
                _SKILLS.c.skill == bindparam("skill")), removed)
            self.outbox("staff_skills", deletes=removed)
        if added:
            self.conn.execute(insert(_SKILLS), added)
            self.outbox("staff_skills", [(row, row) for row in added])
        return {wanted[row["staff_id"]][0] for row in (*added, *removed)}

    # accounts, outbox ----------------------------------------------------------------------
    def create_accounts(self, new_lines: list[StaffLine], changed_lines: list[StaffLine],
                        current: dict[str, Any]) -> dict[str, str]:
        """Accounts without a password for the rows with a role and no account; an account
        made since the preview fails the whole import on its unique login."""
        if self.preview.connected:
            return {}
        rows: list[dict[str, Any]] = []
        for line in (*new_lines, *changed_lines):
            if line.account is not AccountAction.NEW or line.role is None:
                continue
            found = current.get(line.login.casefold())
            rows.append({"id": self.new_id(), "login": line.login if found is None
                         else found.login, "role": line.role.value, "password_hash": "",
                         "active": True, "created_at": self.now, "password_set_at": None})
        if rows:
            self.conn.execute(insert(_ACCOUNTS), rows)
        return {row["login"]: row["role"] for row in rows}

    def outbox(self, table: str, puts: Sequence[tuple[dict[str, Any], dict[str, Any]]] = (),
               deletes: Sequence[dict[str, Any]] = ()) -> None:
        if self.preview.connected:
            from app.sync.outbox import record_written

            record_written(self.conn, self.clock, table, self.login, puts, deletes)


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]
