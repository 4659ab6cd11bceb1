"""Sort arrows on table headers that point the way the rows run.

QHeaderView hands the style "SortUp" for a descending column and "SortDown" for an
ascending one. Fusion (Linux) draws "SortUp" as an arrow pointing up, so a queue showing
the newest tickets first had an arrow pointing up; the Windows style turns the same value
round. The header's own style sheet names the arrow for each value instead, so the
direction is the same on every style: down when the rows go from the largest (newest) to
the smallest, up otherwise.

A style sheet rather than a proxy style that swaps the arrow: subclassing ``QStyle`` makes
PySide build the Python enums of all of ``QStyle`` (~9 ms of every start, issue 17); the
sheet is parsed by Qt when the header is first shown and the rest of the header keeps the
application's style.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from resources import ICONS

_SHEET = """
QHeaderView::down-arrow {{ image: url({descending}); width: 10px; height: 10px; }}
QHeaderView::up-arrow {{ image: url({ascending}); width: 10px; height: 10px; }}
"""


def point_sort_arrows(header: QHeaderView) -> None:
    """Make ``header`` draw its sort arrow in the direction of the rows."""
    # The sheet's "down-arrow" is what Qt draws for a descending column, whatever the style.
    header.setStyleSheet(_SHEET.format(
        descending=(ICONS / "sort-descending.png").as_posix(),
        ascending=(ICONS / "sort-ascending.png").as_posix()))
