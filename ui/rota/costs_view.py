"""Why the plan costs what it does: which soft rules cost what, per person, following the
plan while the window is open (an edit or a better plan from the solver updates it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ui.rota.costs_model import CostsModel
from ui.rota.grid_model import RotaGridModel


class CostsDialog(QDialog):
    def __init__(self, grid: RotaGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Costs of the plan"))
        self._grid = grid
        self.model = CostsModel(self._name_of, grid.describe)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        note = QLabel(self.tr("Each soft rule's weight times how far it is broken; hover a "
                              "figure for the days behind it. Hard rules are not costs: "
                              "they are listed beside the grid."), self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        self.resize(720, 460)
        self.setWindowFlag(Qt.WindowType.Tool)
        grid.plan_changed.connect(self.refresh)

    def _name_of(self, staff_id: str | None) -> str:
        if staff_id is None:
            return self.tr("Cover (the desk)")
        names = {m.id: m.name for m in self._grid.problem.staff}
        return names.get(staff_id, staff_id)

    @Slot()
    def refresh(self) -> None:
        if not self.isVisible() and self.model.rows and self.sender() is not None:
            return  # hidden: refreshed when shown again
        self.model.set_violations(self._grid.violations)
        self.summary.setText(self.tr("Total cost of the soft rules: {total}").format(
            total=self.model.total))
