"""Switching the desk's language while it runs (issue 22: it applied only after a restart).

Every page sets its texts when it is built, so the desk is built again in the new language
rather than each widget retranslating itself: the same data folder, the same clock and the
same signed-in seat (no new sign-in), on the page the seat was looking at, in the same
window geometry. Ticket windows close (they reopen from the queue in a moment); a new
ticket being typed is kept as its draft, which the next Ctrl+N offers.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog

from ui.desk import Desk, build_desk
from ui.i18n import switch_language


def rebuild_in(desk: Desk, language: str) -> Desk:
    """Close ``desk`` and return the same desk built and shown in ``language``."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    context = desk.context
    old = desk.window
    page = old.current_page()
    old.save_layout()
    for dialog in old.findChildren(QDialog):
        if hasattr(dialog, "keep_draft") and dialog.isVisible():
            dialog.reject()  # the intake form: its text stays in the draft file
    desk.tickets.close_all()
    desk.close()
    old.hide()
    switch_language(app, language)
    new = build_desk(context.data, context.settings, context.clock, language,
                     context.signed_in)
    new.window.show_page(page)
    new.window.show()
    new.start_background_work()
    old.deleteLater()
    return new


class DeskHolder:
    """The running desk, replaced at each language switch the seat asks for."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self._follow()

    def _follow(self) -> None:
        self.desk.window.language_switch_requested.connect(self.switch)

    def switch(self, language: str) -> None:
        self.desk = rebuild_in(self.desk, language)
        self._follow()
