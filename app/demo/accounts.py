"""The demo desk's accounts: everyone can sign in with ``DEMO_PASSWORD``.

The first seat administers, the next two supervise, one is a technical lead and one a
senior reviewer; the rest are agents. One argon2id hash serves every account (hashing 45
passwords would add seconds to every demo desk and test fixture for nothing).
"""

from __future__ import annotations

from datetime import datetime
from random import Random
from typing import TYPE_CHECKING, Any

from app.domain.ids import seeded_id
from app.domain.roles import Role

if TYPE_CHECKING:
    from sqlalchemy import Connection

DEMO_PASSWORD = "seatdesk"
DEMO_ADMIN = "seat001"
DEMO_SUPERVISOR = "seat002"
DEMO_AGENT = "seat010"
_ROLES = {DEMO_ADMIN: Role.ADMIN, DEMO_SUPERVISOR: Role.SUPERVISOR, "seat003": Role.SUPERVISOR,
          "seat004": Role.TECHNICAL_LEAD, "seat005": Role.SENIOR_REVIEWER}


def write_accounts(conn: Connection, rng: Random, now: datetime,
                   staff: list[dict[str, Any]]) -> None:
    # Imported here: the sign-in prompt reads the names above, and must not wait ~0.7 s
    # for SQLAlchemy.
    from argon2 import PasswordHasher
    from sqlalchemy import insert

    from app.identity.tables import DeskAccountRow

    digest = PasswordHasher().hash(DEMO_PASSWORD)
    conn.execute(insert(DeskAccountRow), [
        {"id": seeded_id(now, rng), "login": member["login"],
         "role": str(_ROLES.get(member["login"], Role.AGENT)), "password_hash": digest,
         "active": True, "created_at": now, "password_set_at": now}
        for member in staff])


def skill_rows(now: datetime, categories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A row per skill the categories ask for, named after the first such category (ids
    from the code, as migration 0007 makes them)."""
    named: dict[str, dict[str, Any]] = {}
    for category in categories:
        code = category["skill"]
        named.setdefault(code, {
            "id": f"skill:{code[:30]}", "code": code, "name_zh": category["name_zh"],
            "name_en": category["name_en"], "retired": False, "updated_at": now,
            "version": 1, "deleted": False})
    return list(named.values())

