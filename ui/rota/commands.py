"""Undoable edits of the rota grid (QUndoStack commands)."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QUndoCommand

from app.rota.model import Assignment
from ui.rota.grid_model import RotaGridModel

Cell = tuple[str, date]


class SetCells(QUndoCommand):
    """Set some cells to shifts (None clears); undo puts the old ones back."""

    def __init__(self, model: RotaGridModel, changes: dict[Cell, str | None], text: str) -> None:
        super().__init__(text)
        self._model = model
        self._changes = changes
        self._before: dict[Cell, str | None] = {}

    def redo(self) -> None:
        self._before = self._model.set_cells(self._changes)

    def undo(self) -> None:
        self._model.set_cells(self._before)


class ReplacePlan(QUndoCommand):
    """Take a whole plan from the planner; undo returns to the plan before it."""

    def __init__(self, model: RotaGridModel, before: list[Assignment],
                 after: list[Assignment], text: str) -> None:
        super().__init__(text)
        self._model, self._before, self._after = model, before, after

    def redo(self) -> None:
        self._model.replace_all(self._after)

    def undo(self) -> None:
        self._model.replace_all(self._before)
