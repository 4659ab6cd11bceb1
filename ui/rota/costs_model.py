"""The per-person costs table: a row per person (and the desk's cover), a column per soft
rule that costs something, then the total."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.rota.costs import PersonCosts, costs_by_person, rules_with_cost
from app.rota.rules import RuleKind
from app.rota.violation import Violation
from ui.rota.texts import rule_name

Index = QModelIndex | QPersistentModelIndex
TOOLTIP_LINES = 12


class CostsModel(QAbstractTableModel):
    def __init__(self, name_of: Callable[[str | None], str],
                 describe: Callable[[Violation], str]) -> None:
        super().__init__()
        self._name_of, self._describe = name_of, describe
        self.rows: list[PersonCosts] = []
        self.rules: list[RuleKind] = []

    def set_violations(self, violations: Sequence[Violation]) -> None:
        self.beginResetModel()
        self.rows = costs_by_person(violations)
        self.rules = rules_with_cost(self.rows)
        self.endResetModel()

    @property
    def total(self) -> int:
        return sum(row.total for row in self.rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rules) + 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Person")
        if section == len(self.rules) + 1:
            return self.tr("Total")
        return rule_name(self.rules[section - 1]) if 0 < section <= len(self.rules) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        rule = self.rules[column - 1] if 0 < column <= len(self.rules) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self._name_of(row.staff_id)
            value = row.total if rule is None else row.by_rule.get(rule, 0)
            return str(value) if value else ""
        if role == Qt.ItemDataRole.UserRole:  # the number, for sorting and tests
            if column == 0:
                return row.staff_id
            return row.total if rule is None else row.by_rule.get(rule, 0)
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column:
            found = [v for v in row.violations if rule is None or v.rule is rule]
            lines = [f"{self._describe(v)} ({v.cost})" for v in found[:TOOLTIP_LINES]]
            if len(found) > TOOLTIP_LINES:
                lines.append("…")
            return "\n".join(lines) or None
        return None
