"""Staff, teams and skills as the administration page lists them, read with sqlite3.

Every person is listed, deactivated ones too (history keeps them); pickers of new work read
``app.store.directory.staff``, which offers only the active.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.domain.enums import Seniority

OPEN_STATES = ("assigned", "in_progress", "pending_requester", "pending_vendor")


@dataclass(frozen=True)
class Person:
    """A staff member as the staff table shows them; ``skills`` are skill codes."""

    id: str
    name: str
    login: str
    team_id: str | None
    seniority: Seniority
    skills: tuple[str, ...]
    phone: str
    email: str
    active: bool


@dataclass(frozen=True)
class CodedName:
    """A team or a skill: a code that never changes (other rows refer to it), its names,
    whether it is retired, and how many active people are in it or have it."""

    id: str
    code: str
    name_zh: str
    name_en: str
    retired: bool
    people: int

    def name(self, language: str) -> str:
        return (self.name_zh if language.startswith("zh") else self.name_en) or self.code


def people(conn: sqlite3.Connection) -> list[Person]:
    """Every staff member, active or not, by login."""
    skills: dict[str, list[str]] = {}
    for staff_id, skill in conn.execute("SELECT staff_id, skill FROM staff_skills "
                                        "ORDER BY skill"):
        skills.setdefault(staff_id, []).append(skill)
    rows = conn.execute("SELECT id, name, login, team_id, seniority, phone, email, active "
                        "FROM staff WHERE deleted = 0 ORDER BY login")
    return [Person(r[0], r[1], r[2], r[3], Seniority(r[4]), tuple(skills.get(r[0], ())),
                   r[5] or "", r[6] or "", bool(r[7])) for r in rows]


def person(conn: sqlite3.Connection, staff_id: str) -> Person | None:
    return next((p for p in people(conn) if p.id == staff_id), None)


def teams(conn: sqlite3.Connection) -> list[CodedName]:
    """Every team, retired ones too, by code; ``people`` counts its active members."""
    rows = conn.execute(
        "SELECT t.id, t.code, t.name_zh, t.name_en, t.retired, (SELECT count(*) FROM staff s "
        "WHERE s.team_id = t.id AND s.deleted = 0 AND s.active = 1) "
        "FROM teams t WHERE t.deleted = 0 ORDER BY t.code")
    return [CodedName(r[0], r[1], r[2], r[3], bool(r[4]), r[5]) for r in rows]


def skills(conn: sqlite3.Connection) -> list[CodedName]:
    """Every skill, retired ones too, by code; ``people`` counts the active who have it."""
    rows = conn.execute(
        "SELECT k.id, k.code, k.name_zh, k.name_en, k.retired, (SELECT count(*) FROM "
        "staff_skills x JOIN staff s ON s.id = x.staff_id WHERE x.skill = k.code "
        "AND s.deleted = 0 AND s.active = 1) FROM skills k WHERE k.deleted = 0 ORDER BY k.code")
    return [CodedName(r[0], r[1], r[2], r[3], bool(r[4]), r[5]) for r in rows]


def open_tickets(conn: sqlite3.Connection, staff_id: str) -> int:
    """How many open tickets are assigned to ``staff_id`` (they stay with a person who is
    deactivated until someone reassigns them)."""
    marks = ",".join("?" * len(OPEN_STATES))
    return int(conn.execute(
        f"SELECT count(*) FROM tickets WHERE assignee_id = ? AND state IN ({marks}) "
        "AND deleted = 0", (staff_id, *OPEN_STATES)).fetchone()[0])
