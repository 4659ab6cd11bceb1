"""Guards against Qt binding releases that break the desk."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class _Model(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        return None


def test_returning_none_from_a_model_does_not_leak_references_to_none() -> None:
    """PySide6 6.12.0 dropped one reference to None per None returned from a Python
    override; on Python 3.11 None then dies and the desk aborts (none_dealloc)."""
    model = _Model()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(2000):
        index.data(Qt.ItemDataRole.DecorationRole)
    assert abs(sys.getrefcount(None) - before) < 50
