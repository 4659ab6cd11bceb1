"""A stand-in for a feature page until it is needed: the page's modules and first queries
stay off the start-up path. It is built when first shown, or after a delay for pages that
must run in the background (e.g. shift reminders)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget


class PageHolder(QWidget):
    def __init__(self, page_id: str, build: Callable[[QWidget], QWidget],
                 parent: QWidget | None = None, *, show_at_once: bool = False) -> None:
        """``show_at_once``: a page built while the holder shows is shown at once, not by
        the layout's queued show, which could come after the desk closed (the
        notification centre reads the database when shown)."""
        super().__init__(parent)
        self.page_id = page_id
        self._show_at_once = show_at_once
        self.setObjectName(page_id)
        self._build = build
        self.page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        """The page, built now if it was not yet."""
        if self.page is None:
            self.page = self._build(self)
            self._layout.addWidget(self.page)
            if self._show_at_once and self.isVisible():
                self.page.show()
        return self.page

    def build_later(self, delay_ms: int) -> None:
        QTimer.singleShot(delay_ms, self.ensure)

    @Slot(str)
    def on_page_changed(self, page_id: str) -> None:
        if page_id == self.page_id:
            self.ensure()

    @Slot()
    def refresh(self) -> None:
        refresh = getattr(self.page, "refresh", None)
        if callable(refresh):
            refresh()
