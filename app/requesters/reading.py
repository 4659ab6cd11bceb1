"""Requesters, their units and likely duplicates, read with sqlite3.

Only live requesters are listed: one merged into another is a tombstone pointing at the
survivor (``merged_into``), and its tickets are the survivor's.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from app.domain.validation import digits

LIST_LIMIT = 500  # rows a search shows; the count says how many more match


@dataclass(frozen=True)
class RequesterLine:
    """A requester as the list shows them, with how many live tickets they have."""

    id: str
    name: str
    unit: str
    phone: str
    email: str
    tickets: int


@dataclass(frozen=True)
class Unit:
    """A unit (text on its requesters): how many requesters and live tickets it has."""

    name: str
    requesters: int
    tickets: int


class Likeness(StrEnum):
    """Why requesters look like one person."""

    PHONE = "phone"  # the same phone number, however it is written
    NAME_UNIT = "name_unit"  # the same name in the same unit


@dataclass(frozen=True)
class DuplicateGroup:
    """Requesters that are likely one person, most tickets first (the natural survivor)."""

    likeness: Likeness
    key: str  # the phone's digits, or "name / unit"
    requesters: tuple[RequesterLine, ...]


_COUNTED = ("(SELECT count(*) FROM tickets t WHERE t.requester_id = r.id "
            "AND t.deleted = 0)")


def _matching(text: str) -> tuple[str, list[str]]:
    """The WHERE clause and parameters of a search in name, unit, phone and e-mail."""
    text = text.strip()
    if not text:
        return "r.deleted = 0", []
    like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    clause = ("r.deleted = 0 AND (r.name LIKE ? ESCAPE '\\' OR r.unit LIKE ? ESCAPE '\\' "
              "OR r.phone LIKE ? ESCAPE '\\' OR r.email LIKE ? ESCAPE '\\')")
    return clause, [like] * 4


def requesters(conn: sqlite3.Connection, text: str = "",
               limit: int = LIST_LIMIT) -> list[RequesterLine]:
    """Live requesters whose name, unit, phone or e-mail contains ``text`` (all without),
    by name and unit, at most ``limit``."""
    where, params = _matching(text)
    rows = conn.execute(
        f"SELECT r.id, r.name, r.unit, r.phone, r.email, {_COUNTED} FROM requesters r "
        f"WHERE {where} ORDER BY r.name, r.unit, r.id LIMIT ?", (*params, limit))
    return [RequesterLine(*row) for row in rows]


def requester_count(conn: sqlite3.Connection, text: str = "") -> int:
    """How many live requesters match ``text`` (the list shows at most its limit)."""
    where, params = _matching(text)
    return int(conn.execute(f"SELECT count(*) FROM requesters r WHERE {where}",
                            params).fetchone()[0])


def requester(conn: sqlite3.Connection, requester_id: str) -> RequesterLine | None:
    row = conn.execute(
        f"SELECT r.id, r.name, r.unit, r.phone, r.email, {_COUNTED} FROM requesters r "
        "WHERE r.id = ? AND r.deleted = 0", (requester_id,)).fetchone()
    return None if row is None else RequesterLine(*row)


def units(conn: sqlite3.Connection) -> list[Unit]:
    """Every unit live requesters name, with its requesters and their live tickets, by
    name ('' for requesters without a unit)."""
    tickets = dict(conn.execute(
        "SELECT r.unit, count(*) FROM tickets t JOIN requesters r ON r.id = t.requester_id "
        "WHERE t.deleted = 0 AND r.deleted = 0 GROUP BY r.unit").fetchall())
    rows = conn.execute("SELECT unit, count(*) FROM requesters WHERE deleted = 0 "
                        "GROUP BY unit ORDER BY unit")
    return [Unit(str(name), int(count), int(tickets.get(name, 0))) for name, count in rows]


def phone_key(phone: str) -> str:
    """A phone number's digits without the country code: how duplicates are compared
    (138-0013-8000, +86 13800138000 and 13800138000 are one number)."""
    found = digits(phone)
    if len(found) > 11 and found.startswith("86"):
        found = found[2:]
    return found


def _name_key(text: str) -> str:
    return "".join(text.split()).casefold()


def likely_duplicates(conn: sqlite3.Connection) -> list[DuplicateGroup]:
    """Groups of live requesters with the same phone number, or the same name in the same
    unit; a group is listed once even when both hold. Groups with the most tickets first."""
    counts = {str(key): int(count) for key, count in conn.execute(
        "SELECT requester_id, count(*) FROM tickets WHERE deleted = 0 "
        "AND requester_id IS NOT NULL GROUP BY requester_id")}
    by_phone: dict[str, list[RequesterLine]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[RequesterLine]] = defaultdict(list)
    for row in conn.execute("SELECT id, name, unit, phone, email FROM requesters "
                            "WHERE deleted = 0 ORDER BY id"):
        line = RequesterLine(row[0], row[1], row[2], row[3], row[4], counts.get(row[0], 0))
        if phone := phone_key(line.phone):
            by_phone[phone].append(line)
        if name := _name_key(line.name):
            by_name[(name, _name_key(line.unit))].append(line)
    groups: list[DuplicateGroup] = []
    seen: set[frozenset[str]] = set()
    candidates = [(Likeness.PHONE, key, lines) for key, lines in by_phone.items()] + [
        (Likeness.NAME_UNIT, f"{lines[0].name.strip()} / {lines[0].unit.strip()}", lines)
        for lines in by_name.values()]
    for likeness, key, lines in candidates:
        members = frozenset(line.id for line in lines)
        if len(lines) < 2 or members in seen:
            continue
        seen.add(members)
        ordered = tuple(sorted(lines, key=lambda line: (-line.tickets, line.name, line.id)))
        groups.append(DuplicateGroup(likeness, key, ordered))
    groups.sort(key=lambda group: (-sum(line.tickets for line in group.requesters),
                                   group.key))
    return groups
