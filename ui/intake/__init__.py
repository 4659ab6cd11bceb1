"""The new-ticket form (Ctrl+N from anywhere).

The form is a window of its own beside the desk, not a modal dialog: a seat on a call looks
things up in the queue, the knowledge base and ticket windows while it stays open. One form
per call: Ctrl+N while a form is open brings that form back to the front (its autosaved
draft is one file) instead of opening a second."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from app.domain.roles import Capability
from ui.context import DeskContext
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from ui.intake.dialog import IntakeDialog


def register(window: MainWindow, context: DeskContext,
             extend: Callable[[IntakeDialog], None] | None = None) -> QAction:
    """Add File > New ticket (Ctrl+N, from anywhere in the desk); ``extend`` lets other
    features add to each new form without this package knowing them."""
    action = QAction(QCoreApplication.translate("IntakeDialog", "&New ticket…"), window)
    action.setShortcut(QKeySequence.StandardKey.New)
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

    forms: list[IntakeDialog] = []  # the open form, if any

    def open_form() -> None:
        from shiboken6 import isValid

        forms[:] = [form for form in forms if isValid(form)]  # a form gone another way
        if forms:
            form = forms[0]
            form.showNormal()
            form.raise_()
            form.activateWindow()
            return
        # Imported on first use: the form pulls in the write side (SQLAlchemy), which
        # must stay off the start-up path.
        from ui.intake.dialog import IntakeDialog

        dialog = IntakeDialog(context, window)
        dialog.setModal(False)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        if extend is not None:
            extend(dialog)
        dialog.ticket_logged.connect(logged)
        forms.append(dialog)

        def gone(_result: int) -> None:
            if dialog in forms:
                forms.remove(dialog)
            dialog.deleteLater()

        dialog.finished.connect(gone)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def logged(ticket_id: str, number: str) -> None:
        text = QCoreApplication.translate("IntakeDialog", "Ticket %1 saved.").replace(
            "%1", number)
        team = context.desk_settings().auto_assign_team
        if team:
            from app.services.auto_assign import auto_assign

            chosen = auto_assign(context.store(), context.reader, context.clock,
                                 context.seat.staff_id, ticket_id, team)
            text += " " + (QCoreApplication.translate(
                "IntakeDialog", "Assigned automatically to %1.").replace(
                    "%1", chosen.staff.name) if chosen else QCoreApplication.translate(
                "IntakeDialog", "Nobody in the team is available: left for dispatch."))
        context.events.tickets_changed.emit([ticket_id])
        window.statusBar().showMessage(text, 8000)

    action.triggered.connect(open_form)
    window.file_menu.insertAction(window.file_menu.actions()[0], action)
    window.addAction(action)
    choose = QAction(QCoreApplication.translate("IntakeDialog", "Automatic &assignment…"),
                     window)
    choose.triggered.connect(lambda: choose_auto_assign_team(window, context))

    def follow(_seat: object = None) -> None:
        # A desk-wide setting (app/desk_settings.py): administrators choose it.
        allowed = context.may(Capability.MANAGE_SETTINGS)
        choose.setEnabled(allowed)
        choose.setStatusTip("" if allowed else QCoreApplication.translate(
            "IntakeDialog", "Only administrators choose the automatic assignment"))

    follow()
    context.events.seat_changed.connect(follow)
    window.file_menu.insertAction(window.file_menu.actions()[1], choose)
    return action


def choose_auto_assign_team(window: MainWindow, context: DeskContext) -> None:
    """Pick the team whose members new tickets go to automatically (or none)."""
    from PySide6.QtWidgets import QInputDialog

    column = "name_zh" if context.language.startswith("zh") else "name_en"
    teams = context.reader.execute(
        f"SELECT code, {column} FROM teams WHERE deleted = 0 AND retired = 0 ORDER BY code"
    ).fetchall()
    off = QCoreApplication.translate("IntakeDialog", "Off: every ticket is dispatched by hand")
    names = [off, *(str(name) for _code, name in teams)]
    codes = ["", *(str(code) for code, _name in teams)]
    chosen = context.desk_settings().auto_assign_team
    current = codes.index(chosen) if chosen in codes else 0
    name, ok = QInputDialog.getItem(
        window, QCoreApplication.translate("IntakeDialog", "Automatic assignment"),
        QCoreApplication.translate("IntakeDialog", "New tickets go to the best available "
                                   "member of:"), names, current, False)
    if ok:
        from app.services.errors import DeskError
        from ui.problems import show_problem

        try:
            context.save_desk_settings(auto_assign_team=codes[names.index(name)])
        except DeskError as error:
            show_problem(window, error)
