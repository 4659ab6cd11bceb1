"""The main window: navigation between the pages the features register, menus, status bar.

Signals:
    refresh_requested: the seat asked to reload what is shown (F5).
    page_changed(str): another page became current; carries its id.
    language_switch_requested(str): the seat chose to switch the desk to this language now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from app.settings import LANGUAGES, SettingsFile
from ui.icons import app_icon
from ui.status import ConnectionIndicator

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


class Page(NamedTuple):
    """A feature page: a stable id (used by --page and settings), a title, its widget."""

    id: str
    title: str
    widget: QWidget
    icon: QIcon | None = None


class MainWindow(QMainWindow):
    refresh_requested = Signal()
    page_changed = Signal(str)
    language_switch_requested = Signal(str)

    def __init__(self, settings: SettingsFile, database: str, language: str) -> None:
        super().__init__()
        self._settings = settings
        self._database = database
        self._language = language
        self._pages: list[Page] = []
        self._page_actions: dict[str, QAction] = {}
        self.setWindowTitle(self.tr("Seatdesk"))
        self.setWindowIcon(app_icon())
        self._nav = QListWidget(self)
        self._nav.setObjectName("navigation")
        self._nav.setIconSize(QSize(20, 20))
        self._nav.setMaximumWidth(180)
        self._nav.setMinimumWidth(120)
        self._nav.currentRowChanged.connect(self._on_row_changed)
        self._stack = QStackedWidget(self)
        splitter = QSplitter(self)
        splitter.addWidget(self._nav)
        splitter.addWidget(self._stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([160, 1280])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.connection = ConnectionIndicator(self)
        self.statusBar().addPermanentWidget(self.connection)
        self._pages_menu = QMenu(self.tr("&Go"), self)
        self._build_menus()

    # --- pages ---------------------------------------------------------------------------

    def add_page(self, page: Page) -> None:
        """Register a feature page; the n-th page is reachable with Ctrl+n."""
        self._pages.append(page)
        self._stack.addWidget(page.widget)
        item = QListWidgetItem(page.title)
        if page.icon is not None:
            item.setIcon(page.icon)
        self._nav.addItem(item)
        action = self._pages_menu.addAction(page.title)
        self._page_actions[page.id] = action
        if len(self._pages) <= 9:
            action.setShortcut(QKeySequence(f"Ctrl+{len(self._pages)}"))
        action.triggered.connect(lambda _=False, pid=page.id: self.show_page(pid))
        if self._nav.currentRow() < 0:
            self._nav.setCurrentRow(0)

    def set_page_visible(self, page_id: str, visible: bool) -> None:
        """Show or hide a page in the navigation (a role that may not use it); a hidden
        current page gives way to the first page."""
        for row, page in enumerate(self._pages):
            if page.id == page_id:
                self._nav.item(row).setHidden(not visible)
                self._page_actions[page_id].setVisible(visible)
                if not visible and self._nav.currentRow() == row:
                    self._nav.setCurrentRow(0)

    def page_visible(self, page_id: str) -> bool:
        return any(page.id == page_id and not self._nav.item(row).isHidden()
                   for row, page in enumerate(self._pages))

    def set_page_count(self, page_id: str, count: int) -> None:
        """Show ``count`` after the page's title in the navigation (nothing when zero)."""
        for row, page in enumerate(self._pages):
            if page.id == page_id:
                item = self._nav.item(row)
                item.setText(f"{page.title} ({count})" if count else page.title)

    def pages(self) -> list[QWidget]:
        return [page.widget for page in self._pages]

    def page_titles(self) -> list[str]:
        """The navigation's visible labels, in order."""
        return [page.title for row, page in enumerate(self._pages)
                if not self._nav.item(row).isHidden()]

    def page_ids(self) -> list[str]:
        return [page.id for page in self._pages]

    def current_page(self) -> str:
        row = self._nav.currentRow()
        return self._pages[row].id if row >= 0 else ""

    def show_page(self, page_id: str) -> bool:
        """Make ``page_id`` current; False if no feature registered it or it is hidden."""
        for row, page in enumerate(self._pages):
            if page.id == page_id and not self._nav.item(row).isHidden():
                self._nav.setCurrentRow(row)
                return True
        return False

    @Slot(int)
    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self._stack.setCurrentIndex(row)
        self.page_changed.emit(self._pages[row].id)

    # --- menus ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.file_menu = file_menu

        view = self.menuBar().addMenu(self.tr("&View"))
        refresh = view.addAction(self.tr("&Refresh"))
        refresh.setShortcuts([QKeySequence.StandardKey.Refresh, QKeySequence("Ctrl+R")])
        refresh.triggered.connect(self.refresh_requested)
        full = view.addAction(self.tr("&Full screen"))
        full.setShortcut(QKeySequence.StandardKey.FullScreen)
        full.setCheckable(True)
        full.toggled.connect(self._set_full_screen)
        view.addSeparator()
        view.addMenu(self._language_menu())
        self.menuBar().addMenu(self._pages_menu)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu = help_menu
        about = help_menu.addAction(self.tr("&About Seatdesk"))
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        about_qt = help_menu.addAction(self.tr("About &Qt"))
        about_qt.triggered.connect(QApplication.aboutQt)

    def _language_menu(self) -> QMenu:
        from PySide6.QtGui import QActionGroup

        menu = QMenu(self.tr("&Language"), self)
        names = {"zh_CN": "简体中文", "en": "English"}
        group = QActionGroup(menu)
        for code in LANGUAGES:
            action = menu.addAction(names[code])
            action.setCheckable(True)
            action.setChecked(code == self._language)
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self._choose_language(c))
        return menu

    def _choose_language(self, code: str) -> QMessageBox | None:
        """Remember the language, and offer to switch now: the desk is built again in it
        (ui/language_switch.py), the seat staying signed in (issue 22: it applied only
        after a restart). Returns the question (tests answer it)."""
        from PySide6.QtWidgets import QMessageBox

        self._settings.update(language=code)
        if code == self._language:
            return None
        from ui.dialogs import question

        box, (now, _later) = question(
            self, QMessageBox.Icon.Question, self.tr("Language"), self.tr(
                "Switch the desk to this language now? Ticket windows close; a new ticket "
                "being typed is kept and offered again by Ctrl+N."), "language_question",
            [(self.tr("Switch &now"), "switch_now", QMessageBox.ButtonRole.AcceptRole),
             (self.tr("At the next &start"), "switch_later",
              QMessageBox.ButtonRole.RejectRole)], default=0, escape=1)

        def answered(_result: int) -> None:
            box.deleteLater()
            if box.clickedButton() is now:
                # After the question has gone: the window it belongs to is replaced.
                QTimer.singleShot(0, lambda: self.language_switch_requested.emit(code))

        box.finished.connect(answered)
        box.open()
        return box

    @Slot(bool)
    def _set_full_screen(self, on: bool) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen
                            if on != self.isFullScreen() else self.windowState())

    @Slot()
    def show_about(self) -> None:
        from ui.about import AboutDialog

        AboutDialog(self._database, self).exec()

    # --- geometry ------------------------------------------------------------------------

    def restore_layout(self) -> None:
        saved = self._settings.settings
        if saved.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(saved.window_geometry.encode()))
        else:
            self.resize(1280, 800)
        if saved.window_state:
            self.restoreState(QByteArray.fromBase64(saved.window_state.encode()))
        if saved.last_page:
            self.show_page(saved.last_page)

    def save_layout(self) -> None:
        self._settings.update(
            window_geometry=bytes(self.saveGeometry().toBase64().data()).decode(),
            window_state=bytes(self.saveState().toBase64().data()).decode(),
            last_page=self.current_page(),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.save_layout()
        super().closeEvent(event)
