"""Who sits at the desk once it is built: locking, switching seats at a shift change,
signing out, and the status bar's "signed in as".

Signals of ``SeatDesk``:
    switching: another seat is about to sign in (open ticket windows close first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QWidget

from app.identity.seat import SignedIn
from app.identity.signing_in import Check
from ui.context import DeskContext
from ui.main_window import MainWindow
from ui.seat.modes import Mode

# The prompt is made when the desk is first locked: its dialog's Qt classes are no part of
# a start (issue 17).
if TYPE_CHECKING:
    from ui.seat.sign_in import SignInDialog


class SeatDesk(QObject):
    switching = Signal()
    signed_out = Signal()

    def __init__(self, window: MainWindow, context: DeskContext, check: Check) -> None:
        super().__init__(window)
        self._window, self._context, self._check = window, context, check
        self.dialog: SignInDialog | None = None
        self.label = QLabel(window)
        self.label.setObjectName("signed_in")
        window.statusBar().addPermanentWidget(self.label)
        self._show_seat(context.signed_in)
        context.events.seat_changed.connect(self._show_seat)
        menu = window.file_menu
        first = menu.actions()[0] if menu.actions() else None
        self.lock_action = menu.addAction(self.tr("&Lock desk"))
        self.lock_action.setShortcut(QKeySequence("Ctrl+Shift+L"))  # Ctrl+L links tickets
        # From any of the desk's windows: the intake form or a ticket window in front
        # must not keep the seat from locking (issue 22 #5).
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.switch_action = menu.addAction(self.tr("S&witch seat…"))
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.switch_action.triggered.connect(self.switch)
        self.sign_out_action = menu.addAction(self.tr("Sign &out"))
        self.sign_out_action.triggered.connect(self.sign_out)
        if first is not None:  # above Quit
            for action in (self.lock_action, self.switch_action, self.sign_out_action):
                menu.insertAction(first, action)
            menu.insertSeparator(first)

    def _show_seat(self, seat: SignedIn) -> None:
        language = self._context.language
        text = self.tr("Signed in: %1 (%2)").replace("%1", seat.name or seat.login) \
            .replace("%2", seat.role_name(language))
        if seat.offline:
            text += " · " + self.tr("checked offline")
        self.label.setText(text)

    def lock(self) -> None:
        """Hide the desk behind the sign-in prompt: the seat who locked it unlocks it, or
        another seat signs in (a shift change)."""
        self._ask(Mode.LOCKED)

    def switch(self) -> None:
        """A shift change: the next seat signs in without restarting the desk."""
        self._ask(Mode.SWITCH)

    def sign_out(self) -> None:
        """The seat leaves: the desk stays locked until a seat signs in (the one who left
        may sign in again)."""
        if self.dialog is not None:
            return
        self.signed_out.emit()
        self._ask(Mode.LOCKED)
        if self.dialog is not None:
            self.dialog.another_seat()

    def _ask(self, mode: Mode) -> None:
        if self.dialog is not None:
            return
        from ui.seat.sign_in import SignInDialog

        covered = self._cover() if mode is Mode.LOCKED else []
        seat = self._context.signed_in
        dialog = SignInDialog(self._check, mode, desk_name=self._context.desk_name(),
                              login=seat.login if mode is Mode.LOCKED else "",
                              who=seat.name if mode is Mode.LOCKED else "",
                              parent=self._window)
        self.dialog = dialog

        def finished(_result: int) -> None:
            self.dialog = None
            chosen = dialog.result_seat
            if chosen is not None and chosen.login != seat.login or (
                    chosen is not None and chosen.role != seat.role):
                self.switching.emit()
                self._context.switch_seat(chosen)
            self._uncover(covered)

        dialog.finished.connect(finished)
        dialog.open()

    def _cover(self) -> list[QWidget]:
        """Nothing of the desk shows while it is locked: the main window's content and
        every other top-level window (ticket windows, the intake form) are hidden."""
        from PySide6.QtWidgets import QApplication

        from ui.seat.sign_in import SignInDialog

        hidden: list[QWidget] = []
        central = self._window.centralWidget()
        central.setVisible(False)
        hidden.append(central)
        for widget in QApplication.topLevelWidgets():
            if widget is not self._window and widget.isVisible() \
                    and not isinstance(widget, SignInDialog):
                widget.hide()
                hidden.append(widget)
        return hidden

    def _uncover(self, hidden: list[QWidget]) -> None:
        from shiboken6 import isValid

        for widget in hidden:
            if isValid(widget):  # a ticket window closed at a switch of seat is gone
                widget.setVisible(True)


def register(window: MainWindow, context: DeskContext, check: Check) -> SeatDesk:
    return SeatDesk(window, context, check)
