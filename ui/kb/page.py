"""The knowledge-base page: search with filters, hits, the article, and a ticket-text box
showing the suggestions panel as the intake form will."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.kb.article import ArticleState, Usage
from app.kb.images import images_folder
from app.kb.reading import article_usage, categories, load_article, popular_tags
from app.kb.search import ArticleSearch, SearchFilters
from ui import background
from ui.context import DeskContext
from ui.kb.actions import KnowledgeActions
from ui.kb.labels import state_label
from ui.kb.result_delegate import SearchHitDelegate, configure_view_for_hits
from ui.kb.results_model import SearchResultModel
from ui.kb.suggestions import ArticleSuggestions
from ui.kb.viewer import ArticleView

if TYPE_CHECKING:
    from app.store.database import Store

SEARCH_DELAY_MS = 150
RESULTS = 50


class KnowledgePage(QWidget):
    """Search and read articles; edit, import and export through ``KnowledgeActions``."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._store_lock = threading.Lock()
        self._auto_selecting = False
        self._search = ArticleSearch(context.reader, context.language)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self.run_search)

        self.query = QLineEdit(self)
        self.query.setObjectName("query")
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(
            self.tr("Search articles: 网络, 磁盘, ORA-00600, CVE-2024-3094…"))
        self.query.textChanged.connect(lambda _text: self._delay.start())
        self.query.returnPressed.connect(self.run_search)
        self._add_find()
        self.category = QComboBox(self)
        self.tag = QComboBox(self)
        self.state = QComboBox(self)
        self.state.addItem(self.tr("Any state"), None)
        for state in ArticleState:
            self.state.addItem(state_label(state), str(state))
        for combo in (self.category, self.tag, self.state):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            combo.currentIndexChanged.connect(lambda _row: self.run_search())
        self.actions_bar = KnowledgeActions(self)

        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.model = SearchResultModel()
        self.results = QListView(self)
        self.results.setObjectName("results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchHitDelegate(self.results))
        configure_view_for_hits(self.results)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAlternatingRowColors(True)
        self.results.selectionModel().currentChanged.connect(self._on_current)

        self.viewer = ArticleView(images_folder(context.data.root), self, context.time_zone)
        self.viewer.solved_requested.connect(self.actions_bar.vote_solved)
        self.viewer.edit_requested.connect(self.actions_bar.edit_article)
        self.viewer.history_requested.connect(self.actions_bar.show_history)

        self._build_trial()
        self._layout()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(background.wait_for_jobs)
        self.reload_filters()
        self.run_search()

    def _build_trial(self) -> None:
        """The ticket-text box feeding the suggestions panel, as the intake form will."""
        self.ticket_title = QLineEdit(self)
        self.ticket_title.setPlaceholderText(self.tr("Ticket title"))
        self.ticket_description = QPlainTextEdit(self)
        self.ticket_description.setPlaceholderText(
            self.tr("Type or paste what the requester says; matching articles appear alongside."))
        self.suggestions = ArticleSuggestions(self.context.data.database, self.context.language,
                                              self)
        self.suggestions.article_chosen.connect(self.show_article)
        self.suggestions.solution_inserted.connect(self._solution_inserted)
        for signal in (self.ticket_title.textChanged, self.ticket_description.textChanged):
            signal.connect(self._ticket_text_changed)

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.query, 3)
        filters.addWidget(self.category, 1)
        filters.addWidget(self.tag, 1)
        filters.addWidget(self.state, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.results, 1)
        trial = QGroupBox(self.tr("Try a ticket text"), self)
        typing = QVBoxLayout()
        typing.addWidget(self.ticket_title)
        typing.addWidget(self.ticket_description, 1)
        trial_layout = QHBoxLayout(trial)
        trial_layout.addLayout(typing, 2)
        trial_layout.addWidget(self.suggestions, 3)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.viewer)
        right.addWidget(trial)
        right.setSizes([520, 300])
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([440, 840])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(filters)
        layout.addWidget(self.actions_bar)
        layout.addWidget(splitter, 1)

    # --- searching -----------------------------------------------------------------------

    def _add_find(self) -> None:
        """Ctrl+F from anywhere in the window while this page is shown, as on the queues
        (a hidden page's window shortcuts are off, so the two never compete)."""
        find = QAction(self.tr("Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        find.triggered.connect(self.focus_query)
        self.addAction(find)

    @Slot()
    def focus_query(self) -> None:
        """Into the search box, its text selected so typing replaces it."""
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def filters(self) -> SearchFilters:
        state = self.state.currentData()
        return SearchFilters(category_id=self.category.currentData(),
                             tag=self.tag.currentData(),
                             state=ArticleState(state) if state else None)

    @Slot()
    def run_search(self) -> None:
        self._delay.stop()
        text = self.query.text()
        if text.strip():
            result = self._search.search(text, self.filters(), RESULTS)
            self.model.set_hits(result.hits)
            if result.relaxed:
                message = self.tr("No article has all the words; %n closest match(es)", "",
                                  len(result.hits))
            else:
                message = self.tr("%n article(s) found", "", len(result.hits))
        else:
            self.model.set_hits(self._search.most_used(self.filters(), RESULTS))
            message = self.tr("Most used articles")
        self.summary.setText(message)
        if self.model.rowCount():
            # Showing the best hit is not the seat opening it: no view is counted.
            self._auto_selecting = True
            self.results.setCurrentIndex(self.model.index(0))
            self._auto_selecting = False
        else:
            self.viewer.show_article(None, Usage())

    @Slot()
    def reload_filters(self) -> None:
        """Categories and tags may change with imports and edits."""
        for combo in (self.category, self.tag):
            combo.blockSignals(True)
        chosen_category, chosen_tag = self.category.currentData(), self.tag.currentData()
        self.category.clear()
        self.category.addItem(self.tr("Any category"), None)
        for choice in categories(self.context.reader, self.context.language):
            self.category.addItem(choice.name, choice.id)
        self.tag.clear()
        self.tag.addItem(self.tr("Any tag"), None)
        for tag in popular_tags(self.context.reader):
            self.tag.addItem(tag, tag)
        self.category.setCurrentIndex(max(0, self.category.findData(chosen_category)))
        self.tag.setCurrentIndex(max(0, self.tag.findData(chosen_tag)))
        for combo in (self.category, self.tag):
            combo.blockSignals(False)

    @Slot()
    def refresh(self) -> None:
        self.reload_filters()
        shown = self.viewer.article_id()
        self.run_search()
        if shown is not None:
            self.show_article(shown, record=False)

    # --- reading -------------------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_article(self.model.hit(current.row()).article_id,
                              record=not self._auto_selecting)

    @Slot(str)
    def show_article(self, article_id: str, record: bool = True) -> None:
        article = load_article(self.context.reader, article_id, self.context.language)
        self.viewer.show_article(article, article_usage(self.context.reader, article_id))
        if article is not None and record:
            from app.kb.usage import record_view

            reader_id = self.context.seat.staff_id
            self.write(lambda store, _p: record_view(store, self.context.clock, article_id,
                                                     reader_id),
                       lambda _r: self._refresh_usage(article_id))

    def _refresh_usage(self, article_id: str) -> None:
        if self.viewer.article_id() == article_id:
            self.viewer.set_usage(article_usage(self.context.reader, article_id))

    @Slot()
    def _ticket_text_changed(self) -> None:
        self.suggestions.set_ticket_text(self.ticket_title.text(),
                                         self.ticket_description.toPlainText())

    @Slot(str)
    def _solution_inserted(self, solution: str) -> None:
        # There is no ticket on this page: the reply goes into the trial text box.
        self.ticket_description.appendPlainText(solution)

    # --- writing (off the GUI thread) ----------------------------------------------------

    def write(self, work: Callable[[Store, Callable[[int, int], bool]], Any],
              done: Callable[[Any], None] | None = None) -> background.Job:
        """Run ``work(store, progress)`` in the background; ``done(result)`` back here."""
        def run(progress: Callable[[int, int], bool]) -> Any:
            with self._store_lock:  # the first call opens the store (imports SQLAlchemy)
                store = self.context.store()
            return work(store, progress)

        return background.start(run, self, done, self.actions_bar.report_failure)
