"""Icons: the application icon and coloured badges for ticket types and categories."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from resources import ICONS


def app_icon() -> QIcon:
    return QIcon(str(ICONS / "seatdesk.svg"))


@lru_cache(maxsize=256)
def badge(color: str, glyph: str, size: int = 16) -> QIcon:
    """A rounded square in ``color`` with ``glyph`` in white: type and category icons."""
    ratio = 2  # drawn at twice the size so it stays crisp on high-DPI screens
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    rect = QRectF(0, 0, size * ratio, size * ratio)
    painter.drawRoundedRect(rect, 4 * ratio, 4 * ratio)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * ratio * (0.7 if len(glyph) == 1 else 0.5)))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return QIcon(pixmap)


@lru_cache(maxsize=8)
def dot(color: str, size: int = 10) -> QPixmap:
    """A filled circle, e.g. the connection state in the status bar."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(0, 0, size, size)
    painter.end()
    return pixmap
