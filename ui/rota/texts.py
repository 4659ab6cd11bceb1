"""Words for rota violations and rules, in the seat's language (the checker gives data)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication

from app.rota.checker import Violation
from app.rota.rules import RuleKind


def rule_name(kind: RuleKind) -> str:
    names = {
        RuleKind.ONE_SHIFT_PER_DAY: QCoreApplication.translate("RotaRules", "One shift a day"),
        RuleKind.COVERAGE: QCoreApplication.translate("RotaRules", "Coverage"),
        RuleKind.LEAVE: QCoreApplication.translate("RotaRules", "Leave"),
        RuleKind.MIN_REST: QCoreApplication.translate("RotaRules", "Minimum rest"),
        RuleKind.MAX_CONSECUTIVE_DAYS: QCoreApplication.translate(
            "RotaRules", "Days in a row"),
        RuleKind.MAX_HOURS_WEEK: QCoreApplication.translate("RotaRules", "Hours a week"),
        RuleKind.MAX_HOURS_MONTH: QCoreApplication.translate("RotaRules", "Hours a month"),
        RuleKind.FAIR_NIGHTS: QCoreApplication.translate("RotaRules", "Fair nights"),
        RuleKind.FAIR_WEEKENDS: QCoreApplication.translate("RotaRules", "Fair weekends"),
        RuleKind.FAIR_HOLIDAYS: QCoreApplication.translate("RotaRules", "Fair holidays"),
        RuleKind.PREFERENCES: QCoreApplication.translate("RotaRules", "Preferences"),
        RuleKind.OVER_COVER: QCoreApplication.translate("RotaRules", "More people than asked"),
        RuleKind.FORBIDDEN_SUCCESSIONS: QCoreApplication.translate(
            "RotaRules", "Forbidden successions"),
        RuleKind.MAX_SHIFTS_OF_TYPE: QCoreApplication.translate(
            "RotaRules", "Shifts of each type"),
        RuleKind.PERIOD_MINUTES: QCoreApplication.translate("RotaRules", "Hours in the period"),
        RuleKind.MIN_CONSECUTIVE_DAYS: QCoreApplication.translate(
            "RotaRules", "Fewest days in a row"),
        RuleKind.MIN_DAYS_OFF: QCoreApplication.translate("RotaRules", "Fewest days off in a row"),
        RuleKind.MAX_WEEKENDS: QCoreApplication.translate("RotaRules", "Weekends worked"),
    }
    return names[kind]


def _hours(minutes: int | str) -> str:
    """Minutes as hours, with a decimal only where needed (7.5 h)."""
    return f"{int(minutes) / 60:g}"


def _day(day: date) -> str:
    return QCoreApplication.translate("RotaRules", "{month}/{day}").format(
        month=day.month, day=day.day)


def describe(v: Violation, names: Mapping[str, str], shifts: Mapping[str, str],
             skills: Mapping[str, str]) -> str:
    """One line for the violation list and the cell's tooltip; ``names`` are the staff's,
    ``shifts`` and ``skills`` readable names by code."""
    name = names.get(v.staff_id or "", v.staff_id or "")
    day = _day(v.days[0]) if v.days else ""
    shift = shifts.get(v.shift or "", v.shift or "")
    return (_describe_limit(v, name, day, shift, shifts)
            or _describe_standing(v, name, day, shift, skills))


def _describe_standing(v: Violation, name: str, day: str, shift: str,
                       skills: Mapping[str, str]) -> str:
    """The rules the rota had before issue 20."""
    d = v.data
    match v.rule:
        case RuleKind.COVERAGE if "skill" in d:
            return QCoreApplication.translate(
                "RotaRules", "{day} {shift}: nobody with the skill {skill}").format(
                day=day, shift=shift, skill=skills.get(str(d["skill"]), d["skill"]))
        case RuleKind.COVERAGE if "seniors" in d:
            return QCoreApplication.translate(
                "RotaRules", "{day} {shift}: not enough senior staff ({have} of {need})").format(
                day=day, shift=shift, have=d.get("have", d.get("available")), need=d["seniors"])
        case RuleKind.COVERAGE:
            return QCoreApplication.translate(
                "RotaRules", "{day} {shift}: {have} of {need} people").format(
                day=day, shift=shift, have=d.get("have", d.get("available")), need=d["need"])
        case RuleKind.ONE_SHIFT_PER_DAY if v.staff_id is None:
            return QCoreApplication.translate(
                "RotaRules", "{day}: {need} people needed, {have} available").format(
                day=day, need=d.get("need", d.get("seniors")), have=d["available"])
        case RuleKind.ONE_SHIFT_PER_DAY:
            return QCoreApplication.translate(
                "RotaRules", "{name}: more than one shift on {day}").format(name=name, day=day)
        case RuleKind.LEAVE:
            return QCoreApplication.translate(
                "RotaRules", "{name} is on leave on {day}").format(name=name, day=day)
        case RuleKind.MIN_REST:
            return QCoreApplication.translate(
                "RotaRules", "{name}: less than {hours} h rest before {shift} on {day}").format(
                name=name, hours=d["hours"], shift=shift, day=_day(v.days[-1]))
        case RuleKind.MAX_CONSECUTIVE_DAYS:
            return QCoreApplication.translate(
                "RotaRules", "{name}: {days} days in a row from {day} (at most {max})").format(
                name=name, days=d["days"], day=day, max=d["max"])
        case RuleKind.MAX_HOURS_WEEK | RuleKind.MAX_HOURS_MONTH:
            return QCoreApplication.translate(
                "RotaRules", "{name}: {hours} h from {day} (at most {max} h)").format(
                name=name, hours=d["hours"], day=day, max=d["max"])
        case RuleKind.FAIR_NIGHTS | RuleKind.FAIR_WEEKENDS | RuleKind.FAIR_HOLIDAYS:
            return QCoreApplication.translate(
                "RotaRules", "{name}: {rule} {count} (everyone {least} to {most})").format(
                name=name, rule=rule_name(v.rule), count=d["count"], least=d["least"],
                most=d["most"])
        case RuleKind.PREFERENCES if d.get("wanted"):
            return QCoreApplication.translate(
                "RotaRules", "{name} wanted to work on {day}").format(name=name, day=day)
        case _:
            return QCoreApplication.translate(
                "RotaRules", "{name} wanted {day} off").format(name=name, day=day)


def _describe_limit(v: Violation, name: str, day: str, shift: str,
                    shifts: Mapping[str, str]) -> str | None:
    """The rules issue 20 added: cover beyond what was asked, successions, own limits."""
    d = v.data
    match v.rule:
        case RuleKind.OVER_COVER:
            return QCoreApplication.translate(
                "RotaRules", "{day} {shift}: {have} people, {need} asked for").format(
                day=day, shift=shift, have=d["have"], need=d["need"])
        case RuleKind.FORBIDDEN_SUCCESSIONS:
            return QCoreApplication.translate(
                "RotaRules", "{name}: {shift} on {day} may not follow {after}").format(
                name=name, shift=shift, day=_day(v.days[-1]),
                after=shifts.get(str(d["after"]), d["after"]))
        case RuleKind.MAX_SHIFTS_OF_TYPE if d["max"] == 0:
            return QCoreApplication.translate(
                "RotaRules", "{name} may not work {shift} ({day})").format(
                name=name, shift=shift, day=day)
        case RuleKind.MAX_SHIFTS_OF_TYPE:
            return QCoreApplication.translate(
                "RotaRules", "{name}: {count} × {shift} (at most {max})").format(
                name=name, count=d["count"], shift=shift, max=d["max"])
        case RuleKind.PERIOD_MINUTES if "max" in d:
            return QCoreApplication.translate(
                "RotaRules", "{name}: {hours} h in the period (at most {max} h)").format(
                name=name, hours=_hours(d["minutes"]), max=_hours(d["max"]))
        case RuleKind.PERIOD_MINUTES:
            return QCoreApplication.translate(
                "RotaRules", "{name}: {hours} h in the period (at least {min} h)").format(
                name=name, hours=_hours(d["minutes"]), min=_hours(d["min"]))
        case RuleKind.MIN_CONSECUTIVE_DAYS:
            return QCoreApplication.translate(
                "RotaRules", "{name}: only {days} days in a row from {day} (at least {min})"
            ).format(name=name, days=d["days"], day=day, min=d["min"])
        case RuleKind.MIN_DAYS_OFF:
            return QCoreApplication.translate(
                "RotaRules", "{name}: only {days} days off from {day} (at least {min})").format(
                name=name, days=d["days"], day=day, min=d["min"])
        case RuleKind.MAX_WEEKENDS:
            return QCoreApplication.translate(
                "RotaRules", "{name}: {count} weekends worked (at most {max})").format(
                name=name, count=d["count"], max=d["max"])
        case _:
            return None
