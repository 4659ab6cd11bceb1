"""Generated staff and requesters for the demo desk."""

from __future__ import annotations

from datetime import datetime
from random import Random
from typing import Any, TypeVar

from app.demo import catalog
from app.domain.enums import Seniority, StaffStatus
from app.domain.ids import seeded_id

T = TypeVar("T")

SENIORITY_WEIGHTS = {Seniority.ENGINEER: 50, Seniority.EXPERIENCED: 35,
                     Seniority.SENIOR_EXPERT: 15}
STATUS_WEIGHTS = {StaffStatus.AVAILABLE: 70, StaffStatus.BUSY: 20, StaffStatus.AWAY: 10}


def unique_names(rng: Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = rng.choice(catalog.SURNAMES) + rng.choice(catalog.GIVEN_NAMES)
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def mobile(rng: Random) -> str:
    return "1" + rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9))


def staff_rows(rng: Random, now: datetime, team_ids: dict[str, str]
               ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Staff of every team, and their skills (the team's skills)."""
    staff: list[dict[str, Any]] = []
    skills: list[dict[str, Any]] = []
    names = iter(unique_names(rng, sum(team.size for team in catalog.TEAMS)))
    for team in catalog.TEAMS:
        for _ in range(team.size):
            member_id = seeded_id(now, rng)
            number = len(staff) + 1
            staff.append({
                "id": member_id, "name": next(names), "login": f"seat{number:03d}",
                "team_id": team_ids[team.code],
                "seniority": int(_weighted(rng, SENIORITY_WEIGHTS)),
                "status": str(_weighted(rng, STATUS_WEIGHTS)),
                "phone": mobile(rng), "email": f"seat{number:03d}@desk.example.gov.cn",
                "updated_at": now, "version": 1, "deleted": False,
            })
            skills += [{"staff_id": member_id, "skill": skill} for skill in team.skills]
    return staff, skills


def requester_rows(rng: Random, now: datetime, count: int) -> list[dict[str, Any]]:
    """Requesters spread over the government units of the catalog."""
    rows = []
    for number, name in enumerate(unique_names(rng, count), start=1):
        unit = rng.choice(catalog.UNITS)
        rows.append({
            "id": seeded_id(now, rng), "name": name, "unit": unit.name,
            "phone": mobile(rng), "email": f"u{number:05d}@{unit.domain}",
            "updated_at": now, "version": 1, "deleted": False,
        })
    return rows


def _weighted(rng: Random, weights: dict[T, int]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]
