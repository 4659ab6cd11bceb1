"""Requesters, staff members and teams."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.enums import Seniority, StaffStatus


@dataclass(frozen=True)
class Requester:
    """Someone asking the desk for help, from a government unit."""

    id: str
    name: str
    unit: str
    phone: str
    email: str


@dataclass(frozen=True)
class Team:
    """A group of staff handling some categories."""

    id: str
    code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class StaffMember:
    """A seat or engineer; skills are category skill codes."""

    id: str
    name: str
    login: str
    team_id: str | None
    seniority: Seniority
    status: StaffStatus
    skills: frozenset[str] = field(default_factory=frozenset)
