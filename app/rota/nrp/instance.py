"""Reading a benchmark instance: the plain-text ``SECTION_*`` format, as published.

Each section's rows become value objects as they stand; ``problem.py`` maps them onto the
rota model and ``score.py`` scores a plan against them directly, without the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class InstanceError(ValueError):
    """The text is not a benchmark instance (which line, and why)."""


@dataclass(frozen=True)
class NrpShift:
    id: str
    minutes: int
    not_followed_by: tuple[str, ...]


@dataclass(frozen=True)
class NrpStaff:
    id: str
    max_shifts: tuple[tuple[str, int], ...]
    max_minutes: int
    min_minutes: int
    max_consecutive: int
    min_consecutive: int
    min_days_off: int
    max_weekends: int


@dataclass(frozen=True)
class NrpRequest:
    """A shift-on or shift-off request: its weight is paid when it is not honoured."""

    staff: str
    day: int
    shift: str
    weight: int


@dataclass(frozen=True)
class NrpCover:
    day: int
    shift: str
    requirement: int
    under_weight: int
    over_weight: int


@dataclass(frozen=True)
class NrpInstance:
    horizon: int
    shifts: tuple[NrpShift, ...]
    staff: tuple[NrpStaff, ...]
    days_off: tuple[tuple[str, int], ...]
    on_requests: tuple[NrpRequest, ...]
    off_requests: tuple[NrpRequest, ...]
    cover: tuple[NrpCover, ...]


SECTIONS = ("SECTION_HORIZON", "SECTION_SHIFTS", "SECTION_STAFF", "SECTION_DAYS_OFF",
            "SECTION_SHIFT_ON_REQUESTS", "SECTION_SHIFT_OFF_REQUESTS", "SECTION_COVER")


def read_instance(path: Path) -> NrpInstance:
    return parse_instance(path.read_text(encoding="utf-8"))


def parse_instance(text: str) -> NrpInstance:
    """The instance in ``text``; InstanceError names the first line that does not fit."""
    rows: dict[str, list[tuple[int, list[str]]]] = {}
    section = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            if line not in SECTIONS:
                raise InstanceError(f"line {number}: unknown section {line}")
            section = line
            rows[section] = []
            continue
        if section is None:
            raise InstanceError(f"line {number}: data before the first section")
        rows[section].append((number, [field.strip() for field in line.split(",")]))
    missing = [name for name in SECTIONS if name not in rows]
    if missing:
        raise InstanceError("missing " + ", ".join(missing))
    try:
        return _build(rows)
    except (ValueError, IndexError) as error:
        if isinstance(error, InstanceError):
            raise
        raise InstanceError(str(error)) from error


def _int(number: int, value: str) -> int:
    try:
        result = int(value)
    except ValueError:
        raise InstanceError(f"line {number}: {value!r} is not a whole number") from None
    if result < 0:
        raise InstanceError(f"line {number}: {value} is negative")
    return result


def _build(rows: dict[str, list[tuple[int, list[str]]]]) -> NrpInstance:
    (number, fields), = rows["SECTION_HORIZON"] or [(0, ["?"])]
    horizon = _int(number, fields[0])
    shifts = tuple(NrpShift(f[0], _int(n, f[1]), tuple(x for x in f[2].split("|") if x)
                            if len(f) > 2 else ()) for n, f in rows["SECTION_SHIFTS"])
    codes = {shift.id for shift in shifts}
    staff = []
    for n, f in rows["SECTION_STAFF"]:
        if len(f) != 8:
            raise InstanceError(f"line {n}: a staff row has 8 fields, not {len(f)}")
        limits = []
        for part in (p for p in f[1].split("|") if p):
            code, _, most = part.partition("=")
            if code not in codes:
                raise InstanceError(f"line {n}: no shift {code}")
            limits.append((code, _int(n, most)))
        staff.append(NrpStaff(f[0], tuple(limits), *(_int(n, v) for v in f[2:8])))
    people = {member.id for member in staff}
    days_off = []
    for n, f in rows["SECTION_DAYS_OFF"]:
        _known(n, f[0], people)
        days_off += [(f[0], _day(n, value, horizon)) for value in f[1:] if value]
    requests = {}
    for name in ("SECTION_SHIFT_ON_REQUESTS", "SECTION_SHIFT_OFF_REQUESTS"):
        found = []
        for n, f in rows[name]:
            _known(n, f[0], people)
            _known(n, f[2], codes)
            found.append(NrpRequest(f[0], _day(n, f[1], horizon), f[2], _int(n, f[3])))
        requests[name] = tuple(found)
    cover = []
    for n, f in rows["SECTION_COVER"]:
        _known(n, f[1], codes)
        cover.append(NrpCover(_day(n, f[0], horizon), f[1], *(_int(n, v) for v in f[2:5])))
    return NrpInstance(horizon, shifts, tuple(staff), tuple(days_off),
                       requests["SECTION_SHIFT_ON_REQUESTS"],
                       requests["SECTION_SHIFT_OFF_REQUESTS"], tuple(cover))


def _known(number: int, value: str, known: set[str]) -> None:
    if value not in known:
        raise InstanceError(f"line {number}: {value!r} is not defined")


def _day(number: int, value: str, horizon: int) -> int:
    day = _int(number, value)
    if day >= horizon:
        raise InstanceError(f"line {number}: day {day} is beyond the horizon of {horizon}")
    return day
