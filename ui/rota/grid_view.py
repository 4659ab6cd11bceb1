"""The rota grid's table view: keyboard editing and copy/paste through the undo stack.

Keys: a shift code letter (D, E, N, R) or its position (1-4) sets the selected cells;
Delete/Backspace clears them; Ctrl+C/Ctrl+V copy and paste a block as tab-separated codes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from ui.rota.commands import SetCells
from ui.rota.grid_model import RotaGridModel

Cell = tuple[str, date]


class RotaGridView(QTableView):
    def __init__(self, model: RotaGridModel, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self._undo = undo_stack
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Drag a selection of shifts to move them (Ctrl: copy); the drop becomes one
        # undoable command.
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(True)
        model.move_requested.connect(self._apply_move)
        copy = QAction(QCoreApplication.translate("RotaPage", "Copy"), self)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.triggered.connect(self.copy_selection)
        paste = QAction(QCoreApplication.translate("RotaPage", "Paste"), self)
        paste.setShortcut(QKeySequence.StandardKey.Paste)
        paste.triggered.connect(self.paste)
        for action in (copy, paste):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.addAction(action)

    @Slot(object)
    def _apply_move(self, changes: dict[Cell, str | None]) -> None:
        self._undo.push(SetCells(self._model, changes,
                                 QCoreApplication.translate("RotaPage", "Move shifts")))

    def selected_cells(self) -> list[Cell]:
        cells = []
        for index in self.selectionModel().selectedIndexes():
            member, day = self._model.staff_at(index.row()), self._model.day_at(index.column())
            if member is not None and day is not None:
                cells.append((member.id, day))
        return sorted(cells)

    def set_selected(self, code: str | None) -> None:
        cells = self.selected_cells()
        if not cells:
            return
        label = (QCoreApplication.translate("RotaPage", "Clear cells") if code is None
                 else QCoreApplication.translate("RotaPage", "Set shift"))
        self._undo.push(SetCells(self._model, dict.fromkeys(cells, code), label))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not event.modifiers() & (Qt.KeyboardModifier.ControlModifier |
                                    Qt.KeyboardModifier.AltModifier):
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.set_selected(None)
                return
            code = self._code_for_key(event.text())
            if code is not None:
                self.set_selected(code)
                return
        super().keyPressEvent(event)

    def _code_for_key(self, text: str) -> str | None:
        shifts = self._model.problem.shifts
        if text.isdigit() and 1 <= int(text) <= len(shifts):
            return shifts[int(text) - 1].code
        return next((s.code for s in shifts if text and s.code.lower() == text.lower()), None)

    @Slot()
    def copy_selection(self) -> None:
        cells = self.selected_cells()
        if not cells:
            return
        rows = sorted({self._model.row_of(s) for s, _ in cells})
        days = sorted({d for _, d in cells})
        lines = ["\t".join(self._model.cell((self._model.staff_at(r).id, d)) or ""
                           for d in days) for r in rows]
        QGuiApplication.clipboard().setText("\n".join(lines))

    @Slot()
    def paste(self) -> None:
        current = self.currentIndex()
        if not current.isValid() or self._model.day_at(current.column()) is None:
            return
        codes = {s.code for s in self._model.problem.shifts}
        changes: dict[Cell, str | None] = {}
        for dr, line in enumerate(QGuiApplication.clipboard().text().splitlines()):
            member = self._model.staff_at(current.row() + dr)
            for dc, value in enumerate(line.split("\t")):
                day = self._model.day_at(current.column() + dc)
                if member is None or day is None:
                    continue
                code = value.strip()
                changes[member.id, day] = code if code in codes else None
        if changes:
            self._undo.push(SetCells(self._model, changes,
                                     QCoreApplication.translate("RotaPage", "Paste")))
