"""The rota page's editors of the rules issue 20 added: each person's limits, cover for
particular dates, forbidden successions. Each opens its dialog, stores what was accepted
in one transaction and has the page re-check the plan as it stands.

Kept out of page.py, which wires them to its tool bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QToolButton

from app.rota.writing import save_coverage, save_limits, save_shift_types
from ui.rota.dated_cover_dialog import DatedCoverDialog
from ui.rota.limits_dialog import LimitsDialog
from ui.rota.successions_dialog import SuccessionsDialog

if TYPE_CHECKING:
    from ui.rota.page import RotaPage


def buttons(page: RotaPage, make: Callable[[str, Callable[[], None]], QToolButton]
            ) -> tuple[QToolButton, QToolButton, QToolButton, QToolButton]:
    """The tool bar's buttons: personal limits, dated cover, successions, costs."""
    costs = make(QCoreApplication.translate("RotaPage", "Costs…"), lambda: show_costs(page))
    costs.setToolTip(QCoreApplication.translate(
        "RotaPage", "What each soft rule costs in this plan, per person"))
    return (make(QCoreApplication.translate("RotaPage", "Personal limits…"),
                 lambda: ask_limits(page)),
            make(QCoreApplication.translate("RotaPage", "Dated cover…"),
                 lambda: ask_dated_cover(page)),
            make(QCoreApplication.translate("RotaPage", "Successions…"),
                 lambda: ask_successions(page)), costs)


def show_costs(page: RotaPage) -> None:
    """The per-person costs of the plan as it stands, in a window beside the grid that
    follows the plan while it is open."""
    from ui.rota.costs_view import CostsDialog

    dialog = page.findChild(CostsDialog)
    if dialog is None:
        dialog = CostsDialog(page.model, page)
    dialog.refresh()
    dialog.show()
    dialog.raise_()


def limits_dialog(page: RotaPage) -> LimitsDialog:
    problem = page.model.problem
    return LimitsDialog(problem.staff, problem.shifts, len(problem.days),
                        page.model.shift_name, page)


def dated_cover_dialog(page: RotaPage) -> DatedCoverDialog:
    problem = page.model.problem
    return DatedCoverDialog(problem.coverage, problem.shifts, problem.staff, page.first,
                            page.model.shift_name, page)


def successions_dialog(page: RotaPage) -> SuccessionsDialog:
    problem = page.model.problem
    rest = problem.rule_value_rest()
    forbids = {(a, b) for a, b, offset in problem.rest_conflicts(rest) if offset == 1} \
        if rest is not None else set()
    return SuccessionsDialog(problem.shifts, forbids, page.model.shift_name, page)


def ask_limits(page: RotaPage) -> None:
    dialog = limits_dialog(page)
    if dialog.exec():
        save_limits(page.context.store(), page.context.clock, dialog.changed())
        page.reload_setup()


def ask_dated_cover(page: RotaPage) -> None:
    dialog = dated_cover_dialog(page)
    if dialog.exec():
        by_kind = tuple(c for c in page.model.problem.coverage if c.day is None)
        save_coverage(page.context.store(), page.context.clock, by_kind + dialog.rows())
        page.reload_setup()


def ask_successions(page: RotaPage) -> None:
    dialog = successions_dialog(page)
    if dialog.exec():
        save_shift_types(page.context.store(), page.context.clock, dialog.shift_types())
        page.reload_setup()
