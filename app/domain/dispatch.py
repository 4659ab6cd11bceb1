"""Dispatch suggestions: who should take a ticket, and why (REQUIREMENTS.md section 4).

Scores add up from skill match with the category, seniority fitting the level (level 1 to
senior experts), current open workload and availability. Each part is kept so the seat sees
why a candidate ranks where it does, and can override.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.domain.enums import Level, Seniority, StaffStatus
from app.domain.people import StaffMember

WANTED_SENIORITY = {Level.ONE: Seniority.SENIOR_EXPERT, Level.TWO: Seniority.EXPERIENCED,
                    Level.THREE: Seniority.ENGINEER}
SKILL_POINTS = 50.0
SENIORITY_POINTS = 25.0
AVAILABILITY_POINTS = {StaffStatus.AVAILABLE: 20.0, StaffStatus.BUSY: 5.0,
                       StaffStatus.AWAY: -100.0}
POINTS_PER_OPEN_TICKET = 3.0


@dataclass(frozen=True)
class Suggestion:
    staff: StaffMember
    score: float
    skill: float
    seniority: float
    workload: float
    availability: float
    open_tickets: int
    on_duty: bool | None = None  # None: no published rota covers now


OFF_DUTY_POINTS = -100.0


def suggest(candidates: Sequence[StaffMember], skill: str, level: Level,
            open_tickets: Mapping[str, int], limit: int = 5,
            on_duty: frozenset[str] | None = None) -> list[Suggestion]:
    """The best ``limit`` candidates, best first; ties broken by lighter workload, then name.

    With a published rota (``on_duty``: who works now), being on duty decides availability;
    without one, each person's own status does.
    """
    wanted = WANTED_SENIORITY[level]
    ranked = []
    for member in candidates:
        load = open_tickets.get(member.id, 0)
        skill_part = SKILL_POINTS if skill in member.skills else 0.0
        gap = member.seniority - wanted
        # Under-qualified costs more than over-qualified: seniors can take easy work.
        seniority_part = SENIORITY_POINTS - (12.0 * -gap if gap < 0 else 5.0 * gap)
        workload_part = -POINTS_PER_OPEN_TICKET * load
        working = None if on_duty is None else member.id in on_duty
        if working is None:
            availability_part = AVAILABILITY_POINTS[member.status]
        elif working:
            availability_part = AVAILABILITY_POINTS[StaffStatus.AVAILABLE]
        else:
            availability_part = OFF_DUTY_POINTS
        total = skill_part + seniority_part + workload_part + availability_part
        ranked.append(Suggestion(member, total, skill_part, seniority_part, workload_part,
                                 availability_part, load, working))
    ranked.sort(key=lambda s: (-s.score, s.open_tickets, s.staff.name))
    return ranked[:limit]
