"""List model over search hits (value objects from app.kb.search)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.kb.search import SearchHit

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchResultModel(QAbstractListModel):
    """Hits, best first. ``UserRole`` is the article id, ``HIT_ROLE`` the whole hit."""

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.snippet.text
        if role == Qt.ItemDataRole.UserRole:
            return hit.article_id
        if role == HIT_ROLE:
            return hit
        return None
