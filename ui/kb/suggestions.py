"""Side panel suggesting articles for a ticket as it is typed (intake form, ticket view).

Embed it, feed it the ticket's text through ``set_ticket_text`` on every edit (it waits
for a pause in typing), and listen to its signals. ``Insert`` (or the button) puts the
selected article's solution into the reply; the host links the article to its ticket
with ``app.kb.usage.link_article_to_ticket`` using ``current_article_id()``.

The search runs on the thread pool with its own read-only connection, so the form being
typed in never waits for it; an answer overtaken by newer text is dropped.

Signals:
    article_chosen(str): the seat opened an article (Enter / double click); its id.
    solution_inserted(str): the seat asked to insert the selected article's solution.
    suggestions_changed(int): new suggestions are shown; how many.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.kb.search import ArticleSearch, SearchHit
from app.store.reading import read_connection
from ui import background
from ui.kb.result_delegate import SearchHitDelegate, configure_view_for_hits
from ui.kb.results_model import SearchResultModel

DEBOUNCE_MS = 300
SUGGESTIONS = 5


class ArticleSuggestions(QWidget):
    article_chosen = Signal(str)
    solution_inserted = Signal(str)
    suggestions_changed = Signal(int)

    def __init__(self, database: Path, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._language = language
        self._asked = 0  # number of the latest search; older answers are dropped
        self._text = ("", "")
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.model = SearchResultModel()
        self._heading = QLabel(self.tr("Suggested articles"), self)
        self._heading.setObjectName("heading")
        self.view = QListView(self)
        self.view.setObjectName("suggestions")
        self.view.setModel(self.model)
        self.view.setItemDelegate(SearchHitDelegate(self.view, compact=True))
        configure_view_for_hits(self.view)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(self._open)
        self.view.installEventFilter(self)
        self._insert = QPushButton(self.tr("Insert solution (Ins)"), self)
        self._insert.clicked.connect(self.insert_solution)
        self._empty = QLabel(self.tr("No matching article yet."), self)
        self._empty.setObjectName("empty")
        self._empty.setWordWrap(True)
        # The message on a line of its own: beside the button, in a narrow panel (a ticket
        # window with a chat open), it wrapped a word to a line.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._insert)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self._empty)
        layout.addLayout(buttons)
        self._update_state()

    @Slot(str, str)
    def set_ticket_text(self, title: str, description: str) -> None:
        """The ticket's text changed; suggestions follow after a short pause in typing."""
        self._text = (title, description)
        if self.isVisible():
            self._timer.start()
        else:  # searched when shown: a hidden panel has no one to suggest to
            self._pending = True

    @Slot()
    def refresh(self) -> None:
        """Search now (in the background) for the current ticket text."""
        self._timer.stop()
        self._asked += 1
        asked, (title, description) = self._asked, self._text
        database, language = self._database, self._language

        def work(_progress: Callable[[int, int], bool]) -> tuple[int, list[SearchHit]]:
            conn = read_connection(database)
            try:
                search = ArticleSearch(conn, language)
                return asked, search.suggest(title, description, limit=SUGGESTIONS)
            finally:
                conn.close()

        background.start(work, self, self._show)

    def _show(self, answer: tuple[int, list[SearchHit]]) -> None:
        asked, hits = answer
        if asked != self._asked:
            return
        self.model.set_hits(hits)
        if hits:
            self.view.setCurrentIndex(self.model.index(0))
        self._update_state()
        self.suggestions_changed.emit(len(hits))

    def current_article_id(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.hit(index.row()).article_id if index.isValid() else None

    @Slot()
    def insert_solution(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.solution_inserted.emit(self.model.hit(index.row()).solution)

    @Slot(QModelIndex)
    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.article_chosen.emit(self.model.hit(index.row()).article_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Insert:
                self.insert_solution()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open(self.view.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        # A closed form must not search later (its database may be closed by then).
        self._pending = self._timer.isActive()
        self._timer.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if self._pending:
            self._pending = False
            self._timer.start()
        super().showEvent(event)

    def _update_state(self) -> None:
        has_hits = self.model.rowCount() > 0
        self._insert.setEnabled(has_hits)
        self._empty.setVisible(not has_hits)
