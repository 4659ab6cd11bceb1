"""Beside the rota grid: rule checks, one person's shifts, override history, who is on duty.

Signals:
    cell_requested(QModelIndex): the supervisor picked a violation; show its cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.rota.duty import OnDuty
from app.rota.model import Override
from ui.context import DeskContext
from ui.rota.grid_model import RotaGridModel
from ui.rota.person_panel import PersonPanel


class RotaSidePanel(QWidget):
    cell_requested = Signal(QModelIndex)

    def __init__(self, context: DeskContext, model: RotaGridModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.violation_list = QListWidget(self)
        self.violation_list.setObjectName("violations")
        # Long messages are elided at the panel's edge; the tooltip has the whole text.
        self.violation_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.violation_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.violation_list.itemActivated.connect(self._go_to_violation)
        self.violation_list.itemClicked.connect(self._go_to_violation)
        self.violation_title = QLabel(self)
        self.duty_label = QLabel(self)
        self.duty_label.setWordWrap(True)
        checks = QWidget(self)
        checks_layout = QVBoxLayout(checks)
        checks_layout.setContentsMargins(0, 0, 0, 0)
        checks_layout.addWidget(self.violation_title)
        checks_layout.addWidget(self.violation_list, 1)
        self.person_panel = PersonPanel(context, self)
        self.override_list = QListWidget(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(checks, self.tr("Checks"))
        self.tabs.addTab(self.person_panel, self.tr("Person"))
        self.tabs.addTab(self.override_list, self.tr("Overrides"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.duty_label)
        model.plan_changed.connect(self.show_violations)

    def _names(self) -> dict[str, str]:
        return {m.id: m.name for m in self._model.problem.staff}

    def show_overrides(self, overrides: Sequence[Override]) -> None:
        names = self._names()
        self.override_list.clear()
        for change in overrides:
            self.override_list.addItem(self.tr("{day} {shift}: {absent} → {cover} ({reason})")
                                       .format(day=f"{change.day:%m-%d}",
                                               shift=self._model.shift_name(change.shift),
                                               absent=names.get(change.absent_id or "", "—"),
                                               cover=names.get(change.cover_id or "", "—"),
                                               reason=change.reason))

    def show_on_duty(self, duty: Sequence[OnDuty]) -> None:
        names = self._names()
        known = {s.code for s in self._model.problem.shifts}
        working = [f"{names.get(d.staff_id, d.staff_id)}({self._model.shift_label(d.shift)})"
                   for d in duty if not d.on_call and d.shift in known]
        reserve = [names.get(d.staff_id, d.staff_id) for d in duty if d.on_call]
        self.duty_label.setText(self.tr("On duty now: {people}").format(
            people="、".join(working) or "—") + "\n" + self.tr(
            "Emergency reserve: {people}").format(people="、".join(reserve) or "—"))

    @Slot()
    def show_violations(self) -> None:
        self.violation_list.clear()
        violations = self._model.violations
        hard = [v for v in violations if v.hard]
        for violation in hard + [v for v in violations if not v.hard]:
            item = QListWidgetItem(self._model.describe(violation))
            item.setForeground(QColor("#b3261e" if violation.hard else "#8a5a00"))
            item.setToolTip(item.text())
            item.setData(Qt.ItemDataRole.UserRole, violation)
            self.violation_list.addItem(item)
        self.violation_title.setText(self.tr("{hard} hard, {soft} soft rule violations").format(
            hard=len(hard), soft=len(violations) - len(hard)))

    @Slot(QListWidgetItem)
    def _go_to_violation(self, item: QListWidgetItem) -> None:
        violation = item.data(Qt.ItemDataRole.UserRole)
        model = self._model
        if violation is None or not violation.days or violation.days[0] not in \
                model.problem.days:
            return
        codes = [s.code for s in model.problem.shifts]
        row = (model.row_of(violation.staff_id) if violation.staff_id else
               len(model.problem.staff) + codes.index(violation.shift or codes[0]))
        self.cell_requested.emit(model.index(row, model.column_of(violation.days[0])))
