"""The dialogs of the requesters tab: a requester, a merge of duplicates, a unit's name.

OK hands what was chosen to a ``save`` callable; when the desk refuses it, the dialog stays
open with the translated reason (and the cursor in the field at fault).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.requesters.admin import EMAIL_MAX, NAME_MAX, PHONE_MAX, UNIT_MAX, RequesterForm
from app.requesters.reading import RequesterLine
from app.services.errors import DeskError
from ui.admin.people_dialogs import RefusalShown, problem_label
from ui.dialogs import dialog_buttons


def _line(text: str, limit: int, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(text, parent)
    edit.setMaxLength(limit)
    return edit


def _unit_completer(units: Sequence[str], parent: QWidget) -> QCompleter:
    completer = QCompleter(list(units), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class RequesterDialog(QDialog):
    """Edit a requester's name, unit, phone and e-mail."""

    def __init__(self, line: RequesterLine, units: Sequence[str],
                 save: Callable[[RequesterForm], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit %1").replace("%1", line.name))
        self._save = save
        self.name = _line(line.name, NAME_MAX, self)
        self.unit = _line(line.unit, UNIT_MAX, self)
        self.unit.setCompleter(_unit_completer(units, self))
        self.phone = _line(line.phone, PHONE_MAX, self)
        self.phone.setPlaceholderText("13800138000 / 010-66668888")
        self.email = _line(line.email, EMAIL_MAX, self)
        self.problem = problem_label(self)
        self._refusal = RefusalShown(self.problem, {
            "name": self.name, "unit": self.unit, "phone": self.phone, "email": self.email})
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Unit"), self.unit)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("&E-mail"), self.email)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(dialog_buttons(self, on_accept=self.submit))
        self.resize(440, 200)

    def form(self) -> RequesterForm:
        return RequesterForm(self.name.text(), self.unit.text(), self.phone.text(),
                             self.email.text())

    @Slot()
    def submit(self) -> None:
        try:
            self._save(self.form())
        except DeskError as error:
            self._refusal.show(error)
            return
        self.accept()


class MergeDialog(QDialog):
    """Choose which of several requesters to keep; the others are merged into it."""

    def __init__(self, lines: Sequence[RequesterLine], survivor_id: str,
                 save: Callable[[str, list[str]], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge requesters"))
        self._lines, self._save = list(lines), save
        self.table = QTableWidget(len(self._lines), 6, self)
        self.table.setObjectName("merged")
        self.table.setHorizontalHeaderLabels([
            self.tr("Keep"), self.tr("Name"), self.tr("Unit"), self.tr("Phone"),
            self.tr("E-mail"), self.tr("Tickets")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.keep = QButtonGroup(self)
        for row, line in enumerate(self._lines):
            radio = QRadioButton(self.table)
            radio.setChecked(line.id == survivor_id)
            self.keep.addButton(radio, row)
            self.table.setCellWidget(row, 0, radio)
            cells = (line.name, line.unit, line.phone, line.email, str(line.tickets))
            for column, text in enumerate(cells, start=1):
                item = QTableWidgetItem(text)
                if column == 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight |
                                          Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.keep.idToggled.connect(lambda _id, _on: self._explain())
        self.problem = problem_label(self)
        self._refusal = RefusalShown(self.problem, {})
        buttons = dialog_buttons(self, on_accept=self.submit)
        merge = buttons.button(QDialogButtonBox.StandardButton.Ok)
        merge.setText(self.tr("&Merge"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose the requester to keep:"), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._explain()
        self.resize(760, 160 + 34 * len(self._lines))

    def survivor(self) -> RequesterLine | None:
        row = self.keep.checkedId()
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def duplicates(self) -> list[RequesterLine]:
        kept = self.survivor()
        return [line for line in self._lines if kept is None or line.id != kept.id]

    @Slot()
    def _explain(self) -> None:
        kept = self.survivor()
        if kept is None:
            self.summary.setText(self.tr("Choose the requester to keep."))
            return
        others = self.duplicates()
        self.summary.setText(self.tr(
            "%1 ticket(s) of %2 other requester(s) move to %3, who keeps their own details; "
            "the others are removed. The audit log records what they were.").replace(
            "%1", str(sum(line.tickets for line in others))).replace(
            "%2", str(len(others))).replace("%3", kept.name))

    @Slot()
    def submit(self) -> None:
        kept = self.survivor()
        try:
            self._save(kept.id if kept else "", [line.id for line in self.duplicates()])
        except DeskError as error:
            self._refusal.show(error)
            return
        self.accept()


class UnitDialog(QDialog):
    """Rename a unit on all its requesters; another unit's name joins the two."""

    def __init__(self, unit: str, requesters: int, units: Sequence[str],
                 save: Callable[[str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rename unit"))
        self._save = save
        self.name = _line(unit, UNIT_MAX, self)
        self.name.setCompleter(_unit_completer([u for u in units if u != unit], self))
        hint = QLabel(self.tr("Renames the unit of %1 requester(s) at once. Choosing the name "
                              "of another unit joins the two.").replace(
            "%1", str(requesters)), self)
        hint.setWordWrap(True)
        self.problem = problem_label(self)
        self._refusal = RefusalShown(self.problem, {"unit": self.name})
        form = QFormLayout()
        form.addRow(self.tr("&New name"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.problem)
        layout.addWidget(dialog_buttons(self, on_accept=self.submit))
        self.resize(440, 160)
        self.name.selectAll()

    @Slot()
    def submit(self) -> None:
        try:
            self._save(self.name.text())
        except DeskError as error:
            self._refusal.show(error)
            return
        self.accept()
