"""Charts drawn with QPainter: the same functions paint the Reports page and the PDF.

Qt's own painting rather than a plotting library: the charts are few and simple (bars,
a heat map), one code path serves the screen and QPdfWriter (vector output, the CJK font
embedded by Qt), and nothing is added to the desk's start-up or its packages.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

BAR = QColor("#3b7dd8")
MISSED = QColor("#d9534f")
MET = QColor("#4cae4c")
GRID = QColor("#c8c8c8")


def bar_chart(
    painter: QPainter,
    area: QRectF,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    colors: Sequence[QColor] | None = None,
) -> list[QRectF]:
    """Vertical bars with their values; returns each bar's rectangle (for clicks)."""
    painter.save()
    font = QFont(painter.font())
    line = painter.fontMetrics().height()
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(
        QRectF(area.left(), area.top(), area.width(), line), Qt.AlignmentFlag.AlignLeft, title
    )
    plot = QRectF(
        area.left() + 4, area.top() + line * 1.6, area.width() - 8, area.height() - line * 3.4
    )
    painter.setPen(QPen(GRID, 0))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    top = max(values, default=0) or 1
    slot = plot.width() / max(1, len(values))
    rects = []
    small = QFont(font)
    small.setPointSizeF(max(5.0, font.pointSizeF() * 0.75))
    for i, (label, value) in enumerate(zip(labels, values, strict=False)):
        height = plot.height() * value / top
        rect = QRectF(
            plot.left() + i * slot + slot * 0.15, plot.bottom() - height, slot * 0.7, height
        )
        painter.fillRect(rect, colors[i] if colors else BAR)
        rects.append(rect)
        painter.setPen(Qt.GlobalColor.black)
        painter.setFont(small)
        painter.drawText(
            QRectF(rect.left() - slot * 0.15, rect.top() - line, slot, line),
            Qt.AlignmentFlag.AlignCenter,
            f"{value:g}",
        )
        painter.drawText(
            QRectF(plot.left() + i * slot, plot.bottom() + 2, slot, line * 1.6),
            Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
            label,
        )
        painter.setFont(font)
    painter.restore()
    return rects


def heat_map(
    painter: QPainter,
    area: QRectF,
    title: str,
    rows: Sequence[str],
    cells: dict[tuple[int, int], float],
    counts: dict[tuple[int, int], int],
) -> dict[tuple[int, int], QRectF]:
    """Rows (weekdays) x 24 hours; a cell's colour from green (0) to red (1), its value the
    share of the cell missing its target; returns each cell's rectangle."""
    painter.save()
    line = painter.fontMetrics().height()
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(
        QRectF(area.left(), area.top(), area.width(), line), Qt.AlignmentFlag.AlignLeft, title
    )
    label_w = painter.fontMetrics().horizontalAdvance("星期三 ")
    grid = QRectF(
        area.left() + label_w,
        area.top() + line * 2.6,
        area.width() - label_w,
        area.height() - line * 2.6,
    )
    cw, ch = grid.width() / 24, grid.height() / max(1, len(rows))
    small = QFont(painter.font())
    small.setPointSizeF(max(5.0, small.pointSizeF() * 0.7))
    painter.setFont(small)
    for hour in range(0, 24, 2):
        painter.drawText(
            QRectF(grid.left() + hour * cw, grid.top() - line * 1.1, cw * 2, line),
            Qt.AlignmentFlag.AlignLeft,
            f"{hour:02d}",
        )
    rects: dict[tuple[int, int], QRectF] = {}
    for r, name in enumerate(rows):
        painter.drawText(
            QRectF(area.left(), grid.top() + r * ch, label_w, ch),
            Qt.AlignmentFlag.AlignVCenter,
            name,
        )
        for hour in range(24):
            rect = QRectF(grid.left() + hour * cw, grid.top() + r * ch, cw - 1, ch - 1)
            value = cells.get((r, hour))
            if value is None:
                painter.fillRect(rect, QColor("#f0f0f0"))
            else:
                color = QColor.fromHsvF(max(0.0, 0.33 * (1 - value)), 0.65, 0.92)
                painter.fillRect(rect, color)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(counts.get((r, hour), "")))
            rects[(r, hour)] = rect
    painter.restore()
    return rects
