"""Sort arrows on table headers that point the way the rows run.

QHeaderView hands the style "SortUp" for a descending column and "SortDown" for an
ascending one. Fusion (Linux) draws "SortUp" as an arrow pointing up, so a queue showing
the newest tickets first had an arrow pointing up; the Windows style turns the same value
round. Drawing the style's own plain up/down arrow instead makes the direction the same on
every style: down when the rows go from the largest (newest) to the smallest, up otherwise.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QHeaderView,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QWidget,
)

_Primitive = QStyle.PrimitiveElement
_Indicator = QStyleOptionHeader.SortIndicator


class SortArrowStyle(QProxyStyle):
    """The application's style, except for the sort arrow of header sections."""

    def drawPrimitive(  # noqa: N802 (Qt override)
        self, element: _Primitive, option: QStyleOption, painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if (element == _Primitive.PE_IndicatorHeaderArrow
                and isinstance(option, QStyleOptionHeader)
                and option.sortIndicator != _Indicator.None_):
            descending = option.sortIndicator == _Indicator.SortUp  # QHeaderView's mapping
            element = _Primitive.PE_IndicatorArrowDown if descending \
                else _Primitive.PE_IndicatorArrowUp
        super().drawPrimitive(element, option, painter, widget)


def point_sort_arrows(header: QHeaderView) -> None:
    """Make ``header`` draw its sort arrow in the direction of the rows."""
    # Without a base style the proxy makes its own copy of the application's style, so the
    # application's style is never handed over to (and deleted with) the header.
    style = SortArrowStyle()
    style.setParent(header)
    header.setStyle(style)
