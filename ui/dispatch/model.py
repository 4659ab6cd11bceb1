"""Table model over dispatch suggestions (``app.domain.dispatch.Suggestion`` value objects),
best first: who, their team, whether they are on shift now, their open tickets, whether they
have the skill the ticket asks for, and the score these add up to.

``SEARCH_ROLE`` gives each row what type-to-search matches: name, login, team, and the
pinyin initials of the name and team.
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

from app.domain.dispatch import Suggestion
from app.domain.enums import StaffStatus
from app.domain.pinyin import initials
from ui.labels import seniority_label

Index = QModelIndex | QPersistentModelIndex
CHOICE_ROLE = Qt.ItemDataRole.UserRole  # (staff id, team id)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    NAME = 0
    TEAM = 1
    ON_SHIFT = 2
    OPEN = 3
    SKILL = 4
    SCORE = 5


def column_title(column: Column) -> str:
    return {
        Column.NAME: QCoreApplication.translate("DispatchModel", "Name"),
        Column.TEAM: QCoreApplication.translate("DispatchModel", "Team"),
        Column.ON_SHIFT: QCoreApplication.translate("DispatchModel", "On shift now"),
        Column.OPEN: QCoreApplication.translate("DispatchModel", "Open tickets"),
        Column.SKILL: QCoreApplication.translate("DispatchModel", "Skill match"),
        Column.SCORE: QCoreApplication.translate("DispatchModel", "Score"),
    }[column]


def _shift_text(suggestion: Suggestion) -> str:
    if suggestion.on_duty is True:
        return QCoreApplication.translate("DispatchModel", "on shift")
    if suggestion.on_duty is False:
        return QCoreApplication.translate("DispatchModel", "off shift")
    # No published rota covers now: dispatch went by the person's own status.
    return {
        StaffStatus.AVAILABLE: QCoreApplication.translate("DispatchModel", "available"),
        StaffStatus.BUSY: QCoreApplication.translate("DispatchModel", "busy"),
        StaffStatus.AWAY: QCoreApplication.translate("DispatchModel", "away"),
    }[suggestion.staff.status]


def why(suggestion: Suggestion) -> str:
    """The score's parts, so the seat sees why a candidate ranks where it does."""
    return QCoreApplication.translate(
        "DispatchModel", "skill %1 · seniority %2 · %3 open ticket(s) · availability %4") \
        .replace("%1", f"{suggestion.skill:+.0f}") \
        .replace("%2", f"{suggestion.seniority:+.0f}") \
        .replace("%3", str(suggestion.open_tickets)) \
        .replace("%4", f"{suggestion.availability:+.0f}")


class CandidateModel(QAbstractTableModel):
    """Dispatch suggestions in the order given (best first)."""

    def __init__(self, suggestions: Sequence[Suggestion], team_names: Mapping[str, str]
                 ) -> None:
        super().__init__()
        self._rows = list(suggestions)
        self._teams = dict(team_names)

    def suggestion(self, row: int) -> Suggestion:
        return self._rows[row]

    def why(self, row: int) -> str:
        return why(self._rows[row])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(Column):
            return column_title(Column(section))
        return None

    def _team(self, suggestion: Suggestion) -> str:
        team = suggestion.staff.team_id
        return self._teams.get(team, "") if team else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        suggestion = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            member = suggestion.staff
            return {
                Column.NAME: f"{member.name} ({seniority_label(member.seniority)})",
                Column.TEAM: self._team(suggestion),
                Column.ON_SHIFT: _shift_text(suggestion),
                Column.OPEN: str(suggestion.open_tickets),
                Column.SKILL: "✓" if suggestion.skill > 0 else "—",
                Column.SCORE: f"{suggestion.score:.0f}",
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return why(suggestion)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                Column.OPEN, Column.SKILL, Column.SCORE):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == CHOICE_ROLE:
            return (suggestion.staff.id, suggestion.staff.team_id)
        if role == SEARCH_ROLE:
            member, team = suggestion.staff, self._team(suggestion)
            return "\n".join((member.name, member.login, team, initials(member.name),
                              initials(team))).lower()
        return None
