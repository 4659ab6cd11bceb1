"""Who is who: staff, requesters and the catalog, read with sqlite3. (Who sits at this desk
is the signed-in seat, app.identity.)"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.domain.enums import Seniority, StaffStatus
from app.domain.people import Requester, StaffMember


@dataclass(frozen=True)
class Choice:
    """A catalog entry for a picker: id, name in the desk language, colour and icon."""

    id: str
    name: str
    color: str
    icon: str


def catalog(conn: sqlite3.Connection, table: str, language: str,
            keep: str | None = None) -> list[Choice]:
    """Ticket types or categories offered for new work, in their configured order: retired
    ones are left out, but for ``keep`` (the one an edited ticket has, so an edit does not
    quietly change it). Their names still show wherever tickets name them."""
    if table not in ("ticket_types", "categories"):
        raise ValueError(table)
    name = "name_zh" if language.startswith("zh") else "name_en"
    rows = conn.execute(f"SELECT id, {name}, color, icon FROM {table} WHERE deleted = 0 "
                        "AND (retired = 0 OR id = ?) ORDER BY position", (keep,))
    return [Choice(*row) for row in rows]


def catalog_other_names(conn: sqlite3.Connection, table: str) -> dict[str, tuple[str, ...]]:
    """Each ticket type's or category's code and names in both languages, by id: what a
    picker also finds it by when typed (a Chinese desk's seat may type the English name)."""
    if table not in ("ticket_types", "categories"):
        raise ValueError(table)
    rows = conn.execute(f"SELECT id, code, name_zh, name_en FROM {table} WHERE deleted = 0")
    return {str(row[0]): tuple(str(value) for value in row[1:]) for row in rows}


def staff(conn: sqlite3.Connection) -> list[StaffMember]:
    """The active staff: who may be offered new work (assignee pickers, dispatch, automatic
    assignment). A deactivated person's name still shows where history names them."""
    skills: dict[str, set[str]] = {}
    for staff_id, skill in conn.execute("SELECT staff_id, skill FROM staff_skills"):
        skills.setdefault(staff_id, set()).add(skill)
    rows = conn.execute("SELECT id, name, login, team_id, seniority, status FROM staff "
                        "WHERE deleted = 0 AND active = 1 ORDER BY login")
    return [StaffMember(r[0], r[1], r[2], r[3], Seniority(r[4]), StaffStatus(r[5]),
                        frozenset(skills.get(r[0], ()))) for r in rows]


def find_requesters(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[Requester]:
    """Requesters whose name, unit or phone contains ``text`` (search as you type)."""
    text = text.strip()
    if not text:
        return []
    like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute(
        "SELECT id, name, unit, phone, email FROM requesters WHERE deleted = 0 AND "
        "(name LIKE ? ESCAPE '\\' OR unit LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\') "
        "ORDER BY name LIMIT ?", (like, like, like, limit))
    return [Requester(*row) for row in rows]
