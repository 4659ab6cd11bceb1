"""A widget showing one chart of ``charts.py``; a click on a bar or cell says which."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.reports import charts


class ChartView(QWidget):
    """Signals: ``part_clicked(object)`` - the index of a bar, or (row, hour) of a cell."""

    part_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._title = ""
        self._bars: tuple[Sequence[str], Sequence[float]] | None = None
        self._heat: (
            tuple[Sequence[str], dict[tuple[int, int], float], dict[tuple[int, int], int]] | None
        ) = None
        self._hits: list[tuple[object, QRectF]] = []

    def show_bars(self, title: str, labels: Sequence[str], values: Sequence[float]) -> None:
        self._title, self._bars, self._heat = title, (labels, values), None
        self.update()

    def show_heat(
        self,
        title: str,
        rows: Sequence[str],
        cells: dict[tuple[int, int], float],
        counts: dict[tuple[int, int], int],
    ) -> None:
        self._title, self._heat, self._bars = title, (rows, cells, counts), None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        if self._bars is not None:
            rects = charts.bar_chart(painter, area, self._title, *self._bars)
            self._hits = [(i, r) for i, r in enumerate(rects)]
        elif self._heat is not None:
            cells = charts.heat_map(painter, area, self._title, *self._heat)
            self._hits = [(key, r) for key, r in cells.items()]
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        point = event.position()
        for key, rect in self._hits:
            if rect.adjusted(0, -4, 0, 0).contains(point):
                self.part_clicked.emit(key)
                return
        super().mousePressEvent(event)
