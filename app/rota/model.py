"""Value objects of the rota: shift types, staff terms, coverage, leave, assignments.

Times of day are Asia/Shanghai wall-clock times; they become UTC instants only when a
shift is placed on a calendar day (``ShiftType.span``), so a night crossing midnight is
simply a shift whose end lies on the next day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from app.domain.enums import Seniority
from app.rota.holidays import DayKind

DESK_ZONE = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class ShiftType:
    """A kind of shift: 白班 08:00-16:00, 夜班 00:00-08:00, 备班 (on call)...

    ``on_call`` shifts are the emergency reserve (应急储备): people reachable by phone who
    are not at the desk, so they count for one-shift-per-day but not for rest or hours.
    """

    code: str
    name_zh: str
    name_en: str
    start: time
    minutes: int
    color: str
    on_call: bool = False
    # Shift codes that may not start the next day after this one (the benchmark's "shifts
    # which cannot follow this shift"): a late then an early, stated rather than implied
    # by the minimum rest.
    not_followed_by: frozenset[str] = field(default_factory=frozenset)

    @property
    def hours(self) -> float:
        return 0.0 if self.on_call else self.minutes / 60

    @property
    def is_night(self) -> bool:
        """Counts for night fairness: any working time between 00:00 and 06:00."""
        if self.on_call:
            return False
        start = self.start.hour * 60 + self.start.minute
        end = start + self.minutes
        return start < 6 * 60 or end > 24 * 60

    def span(self, day: date, zone: ZoneInfo = DESK_ZONE) -> tuple[datetime, datetime]:
        """The UTC start and end of this shift when it starts on ``day``."""
        start = datetime.combine(day, self.start, tzinfo=zone)
        return start, start + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class Limits:
    """A person's own limits over a planning period; None leaves the desk's rule (or no
    limit). ``max_shifts`` pairs a shift code with how many of it at most, 0 meaning the
    person may not work that shift at all."""

    max_shifts: tuple[tuple[str, int], ...] = ()
    min_minutes: int | None = None
    max_minutes: int | None = None
    max_consecutive: int | None = None
    min_consecutive: int | None = None
    min_days_off: int | None = None
    max_weekends: int | None = None

    def max_of(self, code: str) -> int | None:
        return dict(self.max_shifts).get(code)

    @property
    def empty(self) -> bool:
        return self == Limits()

    def max_shifts_text(self) -> str:
        """``max_shifts`` as stored: "N=0,E=8"."""
        return ",".join(f"{code}={most}" for code, most in self.max_shifts)


def parse_max_shifts(text: str) -> tuple[tuple[str, int], ...]:
    """The stored "N=0,E=8" back as pairs (what ``Limits.max_shifts_text`` wrote)."""
    pairs = (part.partition("=") for part in text.split(",") if part)
    return tuple((code, int(most)) for code, _, most in pairs)


NO_LIMITS = Limits()


@dataclass(frozen=True)
class RotaStaff:
    """A staff member as the rota sees them."""

    id: str
    name: str
    seniority: Seniority
    skills: frozenset[str] = field(default_factory=frozenset)
    hours_per_week: int = 40
    # A person deactivated since, shown for the shifts they still have in the period; the
    # planner gives them no new ones.
    active: bool = True
    limits: Limits = NO_LIMITS


class AbsenceKind(StrEnum):
    LEAVE = "leave"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class Absence:
    """Leave or unavailability, inclusive of both days; ``id`` is the stored row's (empty
    for one not stored yet)."""

    staff_id: str
    first: date
    last: date
    kind: AbsenceKind = AbsenceKind.LEAVE
    note: str = ""
    id: str = ""

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True)
class Preference:
    """A wanted or unwanted day; ``shift`` None means any shift. ``weight`` is what
    disappointing it costs (a strong wish against a mild one); 0 takes the rule's."""

    staff_id: str
    day: date
    wanted: bool
    shift: str | None = None
    id: str = ""
    weight: int = 0


@dataclass(frozen=True)
class Coverage:
    """How many people a shift needs on a kind of day, with which skills and seniority.

    With ``day`` set the row is for that date only (a special-assurance period, 重保期, or
    one day's event) and wins over the row for its kind of day. ``under_weight`` and
    ``over_weight`` are what each missing or extra person costs when the coverage and
    over-cover rules are soft; 0 takes the rule's weight.
    """

    shift: str
    day_kind: DayKind
    headcount: int
    skills: frozenset[str] = field(default_factory=frozenset)
    seniors: int = 1
    day: date | None = None
    under_weight: int = 0
    over_weight: int = 0


@dataclass(frozen=True, order=True)
class Assignment:
    """One person on one shift starting on one day."""

    day: date
    staff_id: str
    shift: str


@dataclass(frozen=True)
class Override:
    """A change after publication: ``cover_id`` works the shift instead of ``absent_id``.

    ``absent_id`` None adds a person; ``cover_id`` None removes one. Overrides are never
    edited, only added, so they are the history of who covered whom and why.
    """

    id: str
    day: date
    shift: str
    absent_id: str | None
    cover_id: str | None
    reason: str
    created_at: datetime
