"""Reading the audit log: filtered by person, kind and period, newest first, a page at a time.

Plain ``sqlite3`` like every list of the desk. Pages are keyset pages on ``(at, id)``, never
OFFSET: the next page starts below the last line shown, so a page deep in a log of millions
of lines costs what the first does. Each filter walks one of the log's indexes:
``ix_audit_log_at (at, id)`` for everything, ``ix_audit_log_actor_at (actor_id, at)`` for one
person and ``ix_audit_log_kind_at (kind, at)`` for one kind; the last two have no ``id``, so
SQLite sorts only lines of equal time by id (``tests/app/test_audit_reading.py`` checks the
plans).

A line's subject is named as it is now (a person's, team's, category's name...), and values
in before/after that are ids of staff or teams are shown with the name next to them, so the
page reads without looking ids up; the stored line itself is never changed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from app.store.reading import parse_sqlite_utc, sqlite_utc_text

PAGE = 200
EXPORT_PAGE = 2000
# How a table's row is named on the page: SQL for one key (``{name}`` = the language's name
# column). Tables not here are named by their key (an SLA policy's version, a day).
_SUBJECT_NAMES: dict[str, str] = {
    "staff": "SELECT name FROM staff WHERE id = ?",
    "desk_accounts": "SELECT login FROM desk_accounts WHERE id = ?",
    "teams": "SELECT {name} FROM teams WHERE id = ?",
    "skills": "SELECT {name} FROM skills WHERE id = ?",
    "ticket_types": "SELECT {name} FROM ticket_types WHERE id = ?",
    "categories": "SELECT {name} FROM categories WHERE id = ?",
    "requesters": "SELECT name FROM requesters WHERE id = ?",
    "kb_articles": "SELECT title FROM kb_articles WHERE id = ?",
    "rota_periods": "SELECT first_day || ' – ' || last_day FROM rota_periods WHERE id = ?",
    "rota_overrides": "SELECT day || ' ' || shift_code FROM rota_overrides WHERE id = ?",
}
# Fields whose values are ids of staff members or teams (or a skill's code): shown by name.
_STAFF_FIELDS = frozenset({"actor_id", "author_id", "owner_id", "published_by", "cover_id",
                           "absent_id", "staff_id", "reviewer_id", "editor_id"})
_TEAM_FIELDS = frozenset({"team_id"})
_SKILL_FIELDS = frozenset({"skill"})  # a skill's code (staff_skills, categories)


@dataclass(frozen=True)
class AuditFilter:
    """Which lines to read; None (or "") means any. ``since`` is inclusive, ``until``
    exclusive, both timezone-aware."""

    actor_id: str | None = None
    kind: str | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: below this line (its stored time text and id)."""

    at: str
    id: str


@dataclass(frozen=True)
class AuditLine:
    """One line as the page shows it: ``actor`` is the person's name ("" for nobody: the
    desk itself, e.g. an adoption of settings.json), ``subject_name`` the row's name now
    (or its key), ``before``/``after`` the recorded fields."""

    id: str
    at: datetime
    actor_id: str | None
    actor: str
    actor_login: str
    kind: str
    subject: str
    subject_id: str
    subject_name: str
    summary: str
    before: dict[str, Any]
    after: dict[str, Any]
    cursor: Cursor


@dataclass(frozen=True)
class AuditPage:
    lines: tuple[AuditLine, ...]
    next: Cursor | None  # None: this was the last page


@dataclass(frozen=True)
class Change:
    """One field of a line: its value before and after (``None`` with ``had_before`` False:
    the field did not exist, e.g. a new row). Ids of staff and teams come with the name:
    ``before_name``/``after_name``."""

    field: str
    before: Any
    after: Any
    had_before: bool
    had_after: bool
    before_name: str = ""
    after_name: str = ""


@dataclass(frozen=True)
class Actor:
    """A person who appears in the log (the person filter offers them)."""

    staff_id: str
    name: str
    login: str


def period(first: date | None, last: date | None, zone: ZoneInfo) -> tuple[
        datetime | None, datetime | None]:
    """The moments from the start of ``first`` to the end of ``last`` (whole local days in
    ``zone``), as ``AuditFilter.since`` and ``until``."""
    since = datetime.combine(first, time(0), zone) if first is not None else None
    until = datetime.combine(last + timedelta(days=1), time(0), zone) \
        if last is not None else None
    return since, until


def _where(chosen: AuditFilter, cursor: Cursor | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    values: list[Any] = []
    if chosen.actor_id:
        clauses.append("a.actor_id = ?")
        values.append(chosen.actor_id)
    if chosen.kind:
        clauses.append("a.kind = ?")
        values.append(chosen.kind)
    if chosen.since is not None:
        clauses.append("a.at >= ?")
        values.append(sqlite_utc_text(chosen.since))
    if chosen.until is not None:
        clauses.append("a.at < ?")
        values.append(sqlite_utc_text(chosen.until))
    if cursor is not None:
        # The range on ``at`` alone lets the index seek; the OR breaks ties of equal time.
        clauses.append("a.at <= ? AND (a.at < ? OR a.id < ?)")
        values += [cursor.at, cursor.at, cursor.id]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", values


_COLUMNS = ("SELECT a.id, a.at, a.actor_id, coalesce(s.name, ''), coalesce(s.login, ''), "
            "a.kind, a.subject, a.subject_id, a.summary, a.before, a.after "
            "FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_id")
_ORDER = " ORDER BY a.at DESC, a.id DESC LIMIT ?"


def page_sql(chosen: AuditFilter, cursor: Cursor | None = None) -> tuple[str, list[Any]]:
    """The statement reading a page (for the tests of its plan)."""
    where, values = _where(chosen, cursor)
    return _COLUMNS + where + _ORDER, values


def page(conn: sqlite3.Connection, chosen: AuditFilter, cursor: Cursor | None = None,
         limit: int = PAGE, language: str = "en") -> AuditPage:
    """Up to ``limit`` lines newest first, starting below ``cursor`` (None: the newest)."""
    sql, values = page_sql(chosen, cursor)
    rows = conn.execute(sql, [*values, limit + 1]).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    names = _subject_names(conn, [(r[6], r[7]) for r in rows], language)
    lines = tuple(AuditLine(
        id=r[0], at=parse_sqlite_utc(r[1]), actor_id=r[2], actor=r[3], actor_login=r[4],
        kind=r[5], subject=r[6], subject_id=r[7],
        subject_name=names.get((r[6], r[7]), r[7]), summary=r[8],
        before=_fields(r[9]), after=_fields(r[10]), cursor=Cursor(r[1], r[0])) for r in rows)
    return AuditPage(lines, lines[-1].cursor if more and lines else None)


def lines(conn: sqlite3.Connection, chosen: AuditFilter, language: str = "en",
          batch: int = EXPORT_PAGE) -> Iterator[AuditLine]:
    """Every line the filter matches, newest first, read a batch at a time (exports)."""
    cursor: Cursor | None = None
    while True:
        found = page(conn, chosen, cursor, batch, language)
        yield from found.lines
        if found.next is None:
            return
        cursor = found.next


def count(conn: sqlite3.Connection, chosen: AuditFilter) -> int:
    where, values = _where(chosen, None)
    found: int = conn.execute(f"SELECT count(*) FROM audit_log a{where}", values).fetchone()[0]
    return found


def actors(conn: sqlite3.Connection) -> list[Actor]:
    """Everyone who has a line in the log, by name (one index walk per person: a log has
    few distinct authors)."""
    rows = conn.execute(
        "SELECT s.id, s.name, s.login FROM staff s WHERE EXISTS (SELECT 1 FROM audit_log a "
        "WHERE a.actor_id = s.id) ORDER BY s.name, s.login").fetchall()
    return [Actor(r[0], r[1], r[2]) for r in rows]


def changes(conn: sqlite3.Connection, line: AuditLine, language: str = "en") -> list[Change]:
    """The fields of ``line`` with their before and after values, in field order; ids of
    staff and teams with their names."""
    names = _names(conn, line, language)
    found: list[Change] = []
    for field in sorted(set(line.before) | set(line.after)):
        before, after = line.before.get(field), line.after.get(field)
        found.append(Change(
            field, before, after, field in line.before, field in line.after,
            names.get(before, "") if isinstance(before, str) else "",
            names.get(after, "") if isinstance(after, str) else ""))
    return found


def _fields(text: str) -> dict[str, Any]:
    try:
        found = json.loads(text)
    except (TypeError, ValueError):
        return {"": text}  # not JSON (written by hand?): shown as it is
    return found if isinstance(found, dict) else {"": found}


def _subject_names(conn: sqlite3.Connection, keys: Iterable[tuple[str, str]],
                   language: str) -> dict[tuple[str, str], str]:
    column = "name_zh" if language.startswith("zh") else "name_en"
    names: dict[tuple[str, str], str] = {}
    for subject, key in set(keys):
        if subject == "staff_skills" and "|" in key:
            staff_id, skill = key.split("|", 1)
            row = conn.execute("SELECT name FROM staff WHERE id = ?", (staff_id,)).fetchone()
            named = conn.execute(f"SELECT {column} FROM skills WHERE code = ?",
                                 (skill,)).fetchone()
            names[(subject, key)] = (f"{row[0] if row else staff_id} · "
                                     f"{named[0] if named and named[0] else skill}")
            continue
        sql = _SUBJECT_NAMES.get(subject)
        if sql is None or not key:
            continue
        row = conn.execute(sql.format(name=column), (key,)).fetchone()
        if row is not None and row[0]:
            names[(subject, key)] = str(row[0])
    return names


def _names(conn: sqlite3.Connection, line: AuditLine, language: str) -> dict[str, str]:
    staff: set[str] = set()
    teams: set[str] = set()
    skills: set[str] = set()
    for values in (line.before, line.after):
        for field, value in values.items():
            if isinstance(value, str) and field in _STAFF_FIELDS:
                staff.add(value)
            elif isinstance(value, str) and field in _TEAM_FIELDS:
                teams.add(value)
            elif isinstance(value, str) and field in _SKILL_FIELDS:
                skills.add(value)
    column = "name_zh" if language.startswith("zh") else "name_en"
    return {**_lookup(conn, "SELECT id, name FROM staff WHERE id IN ({})", staff),
            **_lookup(conn, f"SELECT id, coalesce(nullif({column}, ''), code) FROM teams "
                      "WHERE id IN ({})", teams),
            **_lookup(conn, f"SELECT code, coalesce(nullif({column}, ''), code) FROM skills "
                      "WHERE code IN ({})", skills)}


def _lookup(conn: sqlite3.Connection, sql: str, ids: Sequence[str] | set[str]
            ) -> dict[str, str]:
    if not ids:
        return {}
    chosen = list(ids)
    rows = conn.execute(sql.format(", ".join("?" * len(chosen))), chosen).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}
