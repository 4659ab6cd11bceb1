"""The desk's standard shift types and coverage, used for a new desk and the demo."""

from __future__ import annotations

from datetime import time

from app.rota.holidays import DayKind
from app.rota.model import Coverage, ShiftType

DAY, EVENING, NIGHT, ON_CALL = "D", "E", "N", "R"

SHIFTS: tuple[ShiftType, ...] = (
    ShiftType(DAY, "白班", "Day", time(8), 480, "#f6d365"),
    ShiftType(EVENING, "中班", "Evening", time(16), 480, "#8fc1e3"),
    ShiftType(NIGHT, "夜班", "Night", time(0), 480, "#6c5b9e"),
    ShiftType(ON_CALL, "备班", "On call", time(0), 1440, "#9ccc9c", on_call=True),
)


def _cover(shift: str, day_kind: DayKind, headcount: int, seniors: int = 1,
           skills: tuple[str, ...] = ()) -> Coverage:
    return Coverage(shift, day_kind, headcount, frozenset(skills), seniors)


# Holidays ask for more people than weekends: tickets drop, but incidents still need a
# full desk and the reserve (应急储备) must be larger.
COVERAGE: tuple[Coverage, ...] = (
    _cover(DAY, DayKind.WORKDAY, 9, 2, ("network", "cloud")),
    _cover(EVENING, DayKind.WORKDAY, 6, 1, ("network",)),
    _cover(NIGHT, DayKind.WORKDAY, 4, 1),
    _cover(ON_CALL, DayKind.WORKDAY, 2, 0),
    _cover(DAY, DayKind.WEEKEND, 6, 1, ("network",)),
    _cover(EVENING, DayKind.WEEKEND, 4, 1),
    _cover(NIGHT, DayKind.WEEKEND, 3, 1),
    _cover(ON_CALL, DayKind.WEEKEND, 2, 0),
    _cover(DAY, DayKind.HOLIDAY, 8, 2, ("network", "cloud")),
    _cover(EVENING, DayKind.HOLIDAY, 5, 1, ("network",)),
    _cover(NIGHT, DayKind.HOLIDAY, 4, 2),
    _cover(ON_CALL, DayKind.HOLIDAY, 3, 1),
)
