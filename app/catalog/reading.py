"""Ticket types and categories as the administration page lists them, read with sqlite3.

Retired entries are listed too (greyed on the page, still named on their tickets); pickers
of new work read ``app.store.directory.catalog``, which leaves them out.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import StrEnum


class CatalogKind(StrEnum):
    """Which list of the catalog: the value is its table."""

    TYPES = "ticket_types"
    CATEGORIES = "categories"


# Glyphs offered in the icon picker besides those already in use: the demo's, and a few
# more that read well on a 16-pixel badge (app/demo/catalog.py, ui/icons.badge).
SUGGESTED_GLYPHS: tuple[str, ...] = ("?", "!", "~", "+", "*", "#", "@", "i",
                                     "SD", "DB", "NW", "FW", "网", "云", "安", "账")


@dataclass(frozen=True)
class CatalogEntry:
    """A ticket type or a category. ``tickets`` counts the live tickets that use it,
    ``articles`` the live knowledge-base articles (categories only). ``skill`` (a skill
    code) and the owner are a category's; a type has ``""`` and None."""

    id: str
    code: str
    name_zh: str
    name_en: str
    color: str
    icon: str
    position: int
    retired: bool
    tickets: int
    articles: int = 0
    skill: str = ""
    owner_id: str | None = None
    owner_name: str = ""
    owner_active: bool = False

    def name(self, language: str) -> str:
        return (self.name_zh if language.startswith("zh") else self.name_en) or self.code

    @property
    def in_use(self) -> bool:
        """Used by a ticket or an article: it may be retired, never removed."""
        return bool(self.tickets or self.articles)


@dataclass(frozen=True)
class Owner:
    """An active staff member who may be named responsible for a category."""

    id: str
    name: str
    login: str


def ticket_types(conn: sqlite3.Connection) -> list[CatalogEntry]:
    """Every ticket type that is not removed, retired ones too, in their order."""
    used = _counts(conn, "SELECT type_id, count(*) FROM tickets WHERE deleted = 0 "
                         "GROUP BY type_id")
    rows = conn.execute("SELECT id, code, name_zh, name_en, color, icon, position, retired "
                        "FROM ticket_types WHERE deleted = 0 ORDER BY position, code")
    return [CatalogEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]),
                         used.get(r[0], 0)) for r in rows]


def categories(conn: sqlite3.Connection) -> list[CatalogEntry]:
    """Every category that is not removed, retired ones too, in their order, with the name
    of the person responsible ('' when nobody is named)."""
    used = _counts(conn, "SELECT category_id, count(*) FROM tickets WHERE deleted = 0 "
                         "GROUP BY category_id")
    articles = _counts(conn, "SELECT category_id, count(*) FROM kb_articles WHERE deleted = 0 "
                             "AND category_id IS NOT NULL GROUP BY category_id")
    rows = conn.execute(
        "SELECT c.id, c.code, c.name_zh, c.name_en, c.color, c.icon, c.position, c.retired, "
        "c.skill, c.owner_id, coalesce(s.name, ''), coalesce(s.active = 1 AND s.deleted = 0, 0) "
        "FROM categories c LEFT JOIN staff s ON s.id = c.owner_id "
        "WHERE c.deleted = 0 ORDER BY c.position, c.code")
    return [CatalogEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]),
                         used.get(r[0], 0), articles.get(r[0], 0), r[8], r[9], r[10],
                         bool(r[11])) for r in rows]


def entries(conn: sqlite3.Connection, kind: CatalogKind) -> list[CatalogEntry]:
    return ticket_types(conn) if kind is CatalogKind.TYPES else categories(conn)


def owners(conn: sqlite3.Connection) -> list[Owner]:
    """Who may be named responsible: the active staff, by name."""
    rows = conn.execute("SELECT id, name, login FROM staff WHERE deleted = 0 AND active = 1 "
                        "ORDER BY name, login")
    return [Owner(*row) for row in rows]


def glyphs(conn: sqlite3.Connection) -> list[str]:
    """The icons the catalog uses, then the suggested ones, each once."""
    used = [str(icon) for (icon,) in conn.execute(
        "SELECT icon FROM ticket_types WHERE deleted = 0 UNION ALL "
        "SELECT icon FROM categories WHERE deleted = 0") if icon]
    return list(dict.fromkeys([*used, *SUGGESTED_GLYPHS]))


def _counts(conn: sqlite3.Connection, sql: str) -> dict[str, int]:
    return {str(key): int(count) for key, count in conn.execute(sql) if key is not None}
