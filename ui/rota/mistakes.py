"""Words for what the rota editors refuse (``app.rota.validation`` gives data), and for
the kinds of day and absence the editors show."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.rota.holidays import DayKind
from app.rota.model import AbsenceKind
from app.rota.validation import Invalid, Mistake
from ui.dialogs import dialog_buttons


def day_kind_name(kind: DayKind) -> str:
    return {
        DayKind.WORKDAY: QCoreApplication.translate("RotaEditors", "Workday"),
        DayKind.WEEKEND: QCoreApplication.translate("RotaEditors", "Weekend"),
        DayKind.HOLIDAY: QCoreApplication.translate("RotaEditors", "Holiday"),
    }[kind]


def absence_kind_name(kind: AbsenceKind) -> str:
    return {
        AbsenceKind.LEAVE: QCoreApplication.translate("RotaEditors", "Leave"),
        AbsenceKind.UNAVAILABLE: QCoreApplication.translate("RotaEditors", "Unavailable"),
    }[kind]


def _templates() -> dict[Invalid, str]:
    return {
        Invalid.NEGATIVE: QCoreApplication.translate(
            "RotaEditors", "{where}: numbers cannot be negative."),
        Invalid.SENIORS_ABOVE_HEADCOUNT: QCoreApplication.translate(
            "RotaEditors", "{where}: {seniors} seniors asked for, but only {headcount} people."),
        Invalid.SKILLS_WITHOUT_PEOPLE: QCoreApplication.translate(
            "RotaEditors", "{where}: skills are required but nobody is (headcount 0)."),
        Invalid.UNKNOWN_SKILL: QCoreApplication.translate(
            "RotaEditors", "{where}: no staff member has the skill {skill}."),
        Invalid.UNKNOWN_SHIFT: QCoreApplication.translate(
            "RotaEditors", "{where}: there is no such shift type."),
        Invalid.DUPLICATE_REQUIREMENT: QCoreApplication.translate(
            "RotaEditors", "{where}: entered twice."),
        Invalid.MORE_THAN_STAFF: QCoreApplication.translate(
            "RotaEditors", "{where}: {headcount} people needed, the desk has {staff}."),
        Invalid.MORE_THAN_SENIORS: QCoreApplication.translate(
            "RotaEditors", "{where}: {seniors} seniors needed, the desk has {available}."),
        Invalid.LAST_BEFORE_FIRST: QCoreApplication.translate(
            "RotaEditors", "The last day is before the first day."),
        Invalid.TOO_LONG: QCoreApplication.translate(
            "RotaEditors", "{days} days is too long for one entry (at most {max})."),
        Invalid.OVERLAPS: QCoreApplication.translate(
            "RotaEditors", "Overlaps the absence from {first} to {last}."),
        Invalid.ABSENT_THAT_DAY: QCoreApplication.translate(
            "RotaEditors", "Absent on {day} already."),
        Invalid.DUPLICATE_WISH: QCoreApplication.translate(
            "RotaEditors", "A wish for {day} is there already."),
        Invalid.NOT_ALLOWED: QCoreApplication.translate(
            "RotaEditors",
            "Only a supervisor may do that; seats enter their own unavailability and wishes."),
        Invalid.EMPTY_NAME: QCoreApplication.translate(
            "RotaEditors", "{where}: both names are needed."),
        Invalid.BAD_CODE: QCoreApplication.translate(
            "RotaEditors", "“{code}” is not a code: use one letter A–Z."),
        Invalid.DUPLICATE_CODE: QCoreApplication.translate(
            "RotaEditors", "The code {code} is used twice."),
        Invalid.BAD_LENGTH: QCoreApplication.translate(
            "RotaEditors", "{where}: the length must be more than 0 and at most 24 h."),
        Invalid.BAD_COLOUR: QCoreApplication.translate(
            "RotaEditors", "{where}: the colour must look like #a1b2c3."),
        Invalid.SHIFT_IN_USE: QCoreApplication.translate(
            "RotaEditors", "{code} is used by the rota or its overrides and cannot be removed."),
        Invalid.NO_SHIFTS: QCoreApplication.translate(
            "RotaEditors", "The rota needs at least one shift type."),
        Invalid.FEWEST_HOURS_ABOVE_MOST: QCoreApplication.translate(
            "RotaEditors", "{name}: at least {min} h but at most {max} h."),
        Invalid.HOURS_BEYOND_PERIOD: QCoreApplication.translate(
            "RotaEditors", "{name}: {min} h do not fit in {days} days."),
        Invalid.FEWEST_DAYS_ABOVE_MOST: QCoreApplication.translate(
            "RotaEditors", "{name}: at least {min} days in a row but at most {max}."),
    }


def describe_mistakes(mistakes: Iterable[Mistake], shift_name: Callable[[str], str]) -> str:
    """One line per mistake, for the editor's message."""
    templates = _templates()
    lines = []
    for mistake in mistakes:
        data = dict(mistake.data)
        parts = [str(data.pop("where", "")), shift_name(mistake.shift) if mistake.shift else "",
                 day_kind_name(mistake.day_kind) if mistake.day_kind else ""]
        where = " · ".join(p for p in parts if p)
        lines.append(templates[mistake.what].format(where=where, **data))
    return "\n".join(lines)


def mistakes_label(parent: QWidget) -> QLabel:
    """The editors' message of what is wrong, hidden until something is."""
    label = QLabel(parent)
    label.setObjectName("mistakes")
    label.setWordWrap(True)
    label.setStyleSheet("QLabel#mistakes { color: #8a1c12; }")
    label.setVisible(False)
    return label


def editor_layout(dialog: QDialog, table: QWidget, note: str, *rows: QLayout
                  ) -> tuple[QLabel, QPushButton]:
    """The rota editors' layout: the table, ``rows`` below it (Add/Remove), a note, the
    message of what is wrong (hidden until something is), OK and Cancel. Returns the
    message and the OK button."""
    text = QLabel(note, dialog)
    text.setWordWrap(True)
    message = mistakes_label(dialog)
    buttons = dialog_buttons(dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table, 1)
    for row in rows:
        layout.addLayout(row)
    for widget in (text, message, buttons):
        layout.addWidget(widget)
    return message, buttons.button(QDialogButtonBox.StandardButton.Ok)
