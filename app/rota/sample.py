"""A generated planning problem without a database: benchmarks, tests and previews."""

from __future__ import annotations

from datetime import date, timedelta
from random import Random

from app.domain.enums import Seniority
from app.rota.defaults import COVERAGE, SHIFTS
from app.rota.model import Absence, Preference, RotaStaff
from app.rota.problem import RotaProblem

# Team skills and sizes as in the demo desk (app/demo/catalog.py): 40 people.
TEAMS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("service_desk",), 16), (("hosts", "storage"), 5),
    (("network", "security_devices", "security_pool"), 6), (("cloud",), 5),
    (("database", "migration"), 4), (("monitoring", "backup", "machine_room"), 4),
)


def sample_staff(rng: Random) -> tuple[RotaStaff, ...]:
    staff: list[RotaStaff] = []
    for skills, size in TEAMS:
        for _ in range(size):
            number = len(staff) + 1
            seniority = rng.choices(list(Seniority), weights=[50, 35, 15])[0]
            staff.append(RotaStaff(f"s{number:03d}", f"seat{number:03d}", seniority,
                                   frozenset(skills), 32 if number % 13 == 0 else 40))
    return tuple(staff)


def sample_problem(first: date, last: date, seed: int = 7) -> RotaProblem:
    """40 staff, the standard shifts and coverage, a few leaves and preferences."""
    rng = Random(seed)
    staff = sample_staff(rng)
    days = (last - first).days + 1
    absences = []
    for member in rng.sample(staff, 4):
        start = first + timedelta(rng.randrange(days - 5))
        absences.append(Absence(member.id, start, start + timedelta(rng.randrange(2, 5))))
    preferences = []
    for member in rng.sample(staff, 10):
        day = first + timedelta(rng.randrange(days))
        preferences.append(Preference(member.id, day, wanted=rng.random() < 0.3))
    return RotaProblem.for_period(first, last, staff=staff, shifts=SHIFTS, coverage=COVERAGE,
                                  absences=tuple(absences), preferences=tuple(preferences))
