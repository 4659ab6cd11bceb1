"""Table model over the staff list (``app.people.reading.Person`` value objects).

Searching and sorting go through a ``QSortFilterProxyModel`` over every column's text;
``SORT_ROLE`` gives seniority and the active flag their order rather than their label's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.people.reading import Person
from ui.labels import seniority_label

Index = QModelIndex | QPersistentModelIndex
PERSON_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_INACTIVE = QColor("#8a8a8a")


class Column(IntEnum):
    NAME = 0
    LOGIN = 1
    TEAM = 2
    SENIORITY = 3
    SKILLS = 4
    PHONE = 5
    EMAIL = 6
    ACTIVE = 7


def column_title(column: Column) -> str:
    return {
        Column.NAME: QCoreApplication.translate("StaffModel", "Name"),
        Column.LOGIN: QCoreApplication.translate("StaffModel", "Login"),
        Column.TEAM: QCoreApplication.translate("StaffModel", "Team"),
        Column.SENIORITY: QCoreApplication.translate("StaffModel", "Seniority"),
        Column.SKILLS: QCoreApplication.translate("StaffModel", "Skills"),
        Column.PHONE: QCoreApplication.translate("StaffModel", "Phone"),
        Column.EMAIL: QCoreApplication.translate("StaffModel", "E-mail"),
        Column.ACTIVE: QCoreApplication.translate("StaffModel", "Active"),
    }[column]


class StaffModel(QAbstractTableModel):
    """Every staff member, deactivated ones greyed; team and skill codes shown by name."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self._separator = "、" if language.startswith("zh") else ", "
        self._people: list[Person] = []
        self._teams: dict[str, str] = {}
        self._skills: dict[str, str] = {}

    def set_people(self, people: Sequence[Person], team_names: Mapping[str, str],
                   skill_names: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self._teams, self._skills = dict(team_names), dict(skill_names)
        self.endResetModel()

    def person(self, row: int) -> Person | None:
        return self._people[row] if 0 <= row < len(self._people) else None

    def row_of(self, staff_id: str) -> int | None:
        return next((n for n, p in enumerate(self._people) if p.id == staff_id), None)

    # --- Qt ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(Column)):
            return column_title(Column(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        who = self._people[index.row()]
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(who, column)
        if role == SORT_ROLE:
            if column is Column.SENIORITY:
                return int(who.seniority)
            if column is Column.ACTIVE:
                return int(who.active)
            return self._text(who, column)
        if role == PERSON_ROLE:
            return who
        if role == Qt.ItemDataRole.ForegroundRole and not who.active:
            return QBrush(_INACTIVE)
        return None

    def _text(self, who: Person, column: Column) -> str:
        if column is Column.NAME:
            return who.name
        if column is Column.LOGIN:
            return who.login
        if column is Column.TEAM:
            return self._teams.get(who.team_id or "", "")
        if column is Column.SENIORITY:
            return seniority_label(who.seniority)
        if column is Column.SKILLS:
            return self._separator.join(self._skills.get(code, code) for code in who.skills)
        if column is Column.PHONE:
            return who.phone
        if column is Column.EMAIL:
            return who.email
        return (QCoreApplication.translate("StaffModel", "Active") if who.active else
                QCoreApplication.translate("StaffModel", "Deactivated"))
