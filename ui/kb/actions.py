"""The knowledge-base page's commands: new article, from a resolved ticket, edit, history
and restore, "this solved it", import, export and index rebuild. Writes run off the GUI
thread (``KnowledgePage.write``); the page refreshes when they are done.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from app.kb.article import ArticleContent
from app.kb.from_ticket import TicketDraft, TicketNotResolved, draft_from_ticket, ticket_by_number
from app.kb.reading import article_versions, categories, load_article, staff_choices
from ui.kb.editor import ArticleEditor
from ui.kb.history import VersionHistory

if TYPE_CHECKING:
    from app.kb.markdown_files import ImportReport
    from app.store.database import Store
    from ui.kb.page import KnowledgePage

MAX_LISTED_ERRORS = 30


class KnowledgeActions(QWidget):
    """A row of buttons and a status line; the dialogs it opens are kept for tests."""

    def __init__(self, page: KnowledgePage) -> None:
        super().__init__(page)
        self._page = page
        self.report_box: QMessageBox | None = None
        self.editor: ArticleEditor | None = None
        self.history: VersionHistory | None = None
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # A tool bar folds what does not fit into its extension menu: narrow windows work.
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, slot in (
            (self.tr("&New article…"), self.new_article),
            (self.tr("From &ticket…"), self.article_from_ticket),
            (self.tr("&Import…"), self.choose_import),
            (self.tr("E&xport…"), self.choose_export),
            (self.tr("Re&build index"), self.rebuild_index),
        ):
            action = self.toolbar.addAction(text)
            action.triggered.connect(slot)
        layout.addWidget(self.toolbar, 3)
        layout.addWidget(self.status, 2)

    # --- editing -------------------------------------------------------------------------

    def _open_editor(self, content: ArticleContent,
                     save: Callable[[Store, ArticleContent, str, str | None], str],
                     reviewer_id: str | None = None) -> ArticleEditor:
        context = self._page.context
        editor = ArticleEditor(content, categories(context.reader, context.language), self,
                               staff_choices(context.reader), reviewer_id)
        self.editor = editor

        def accepted() -> None:
            edited, note, reviewer = editor.content(), editor.note.text(), editor.reviewer_id()
            self._page.write(lambda store, _p: save(store, edited, note, reviewer), self._saved)

        editor.accepted.connect(accepted)
        editor.open()
        return editor

    @Slot()
    def new_article(self) -> ArticleEditor:
        from app.kb.editing import create_article

        clock, author = self._page.context.clock, self._page.context.seat.staff_id
        return self._open_editor(ArticleContent(title=""), lambda store, content, note, reviewer:
                                 create_article(store, clock, content, author, note=note,
                                                reviewer_id=reviewer))

    @Slot(str)
    def edit_article(self, article_id: str) -> ArticleEditor | None:
        from app.kb.editing import save_article

        article = load_article(self._page.context.reader, article_id)
        if article is None:
            return None
        clock, editor = self._page.context.clock, self._page.context.seat.staff_id

        def save(store: Store, content: ArticleContent, note: str, reviewer: str | None) -> str:
            save_article(store, clock, article_id, content, editor, note=note,
                         reviewer_id=reviewer)
            return article_id

        return self._open_editor(article.content, save, article.reviewer_id)

    @Slot()
    def article_from_ticket(self) -> None:
        number, ok = QInputDialog.getText(self, self.tr("Article from ticket"),
                                          self.tr("Number of the resolved ticket:"))
        if ok and number.strip():
            self.open_ticket_draft(number)

    def open_ticket_draft(self, number: str) -> ArticleEditor | None:
        """The editor prefilled from ticket ``number``; saving links the article back."""
        from app.kb.from_ticket import create_from_ticket

        reader = self._page.context.reader
        ticket_id = ticket_by_number(reader, number)
        if ticket_id is None:
            self.status.setText(self.tr("No ticket %1.").replace("%1", number.strip()))
            return None
        try:
            draft = draft_from_ticket(reader, ticket_id)
        except TicketNotResolved:
            self.status.setText(self.tr("Ticket %1 is not resolved yet.").replace(
                "%1", number.strip()))
            return None
        clock, author = self._page.context.clock, self._page.context.seat.staff_id

        def save(store: Store, content: ArticleContent, _note: str, _reviewer: str | None
                 ) -> str:
            edited = TicketDraft(draft.ticket_id, draft.ticket_number, content)
            return create_from_ticket(store, clock, edited, author)

        return self._open_editor(draft.content, save)

    @Slot(object)
    def _saved(self, article_id: Any) -> None:
        self.status.setText(self.tr("Article saved."))
        self._page.refresh()
        if isinstance(article_id, str):
            self._page.show_article(article_id, record=False)

    @Slot(str)
    def show_history(self, article_id: str) -> VersionHistory:
        from app.kb.editing import restore_version

        context = self._page.context
        dialog = VersionHistory(article_versions(context.reader, article_id), self,
                                context.time_zone)
        self.history = dialog
        clock, editor = self._page.context.clock, self._page.context.seat.staff_id
        dialog.restore_requested.connect(lambda version_id: self._page.write(
            lambda store, _p: (restore_version(store, clock, version_id, editor),
                               article_id)[1],
            self._saved))
        dialog.open()
        return dialog

    @Slot(str)
    def vote_solved(self, article_id: str) -> None:
        from app.kb.usage import vote_solved

        clock, voter = self._page.context.clock, self._page.context.seat.staff_id
        self._page.write(lambda store, _p: vote_solved(store, clock, article_id, voter),
                         lambda _r: self._page.show_article(article_id, record=False))

    # --- bulk work -----------------------------------------------------------------------

    @Slot()
    def choose_import(self) -> None:
        from ui.files import documents_folder

        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import articles"), documents_folder(),
            self.tr("Markdown files (*.md *.markdown)"))
        if files:
            self.import_paths([Path(name) for name in files])

    def import_paths(self, paths: list[Path]) -> None:
        from app.kb.images import images_folder
        from app.kb.transfer import import_articles

        clock = self._page.context.clock
        images = images_folder(self._page.context.data.root)
        self.status.setText(self.tr("Importing…"))
        job = self._page.write(lambda store, progress: import_articles(
            store, clock, paths, progress=progress, images=images), self._imported)
        job.progress_changed.connect(self._progress)

    @Slot(object)
    def _imported(self, report: ImportReport) -> None:
        self.status.setText(self.tr("Imported %1 article(s); %2 file(s) refused.")
                            .replace("%1", str(len(report.imported)))
                            .replace("%2", str(len(report.errors))))
        self._page.refresh()
        if report.errors:
            lines = [f"{path.name}: {reason}" for path, reason in
                     report.errors[:MAX_LISTED_ERRORS]]
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import articles"),
                              self.tr("These files were not imported:"),
                              QMessageBox.StandardButton.Ok, self)
            box.setInformativeText("\n".join(lines))
            self.report_box = box
            box.open()

    @Slot()
    def choose_export(self) -> None:
        from ui.files import documents_folder

        folder = QFileDialog.getExistingDirectory(self, self.tr("Export articles to"),
                                                  documents_folder())
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        from app.kb.images import images_folder
        from app.kb.transfer import export_articles
        from app.store.reading import read_connection

        database = self._page.context.data.database
        images = images_folder(self._page.context.data.root)

        def work(_store: Store, progress: Callable[[int, int], bool]) -> int:
            conn: sqlite3.Connection = read_connection(database)
            try:
                return len(export_articles(conn, folder, progress=progress, images=images))
            finally:
                conn.close()

        job = self._page.write(work, lambda count: self.status.setText(
            self.tr("Exported %1 article(s) to %2.").replace("%1", str(count))
            .replace("%2", str(folder))))
        job.progress_changed.connect(self._progress)

    @Slot()
    def rebuild_index(self) -> None:
        from app.kb.editing import raw_connection
        from app.kb.index import rebuild_index

        def work(store: Store, progress: Callable[[int, int], bool]) -> int:
            with store.unit_of_work() as session:
                count = rebuild_index(raw_connection(session), progress)
                if count < 0:
                    raise RuntimeError("cancelled")
            return count

        self.status.setText(self.tr("Rebuilding the search index…"))
        job = self._page.write(work, self._rebuilt)
        job.progress_changed.connect(self._progress)

    @Slot(object)
    def _rebuilt(self, count: int) -> None:
        self.status.setText(self.tr("Search index rebuilt: %1 article(s).").replace(
            "%1", str(count)))
        self._page.refresh()

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.status.setText(self.tr("Working… %1 of %2").replace("%1", str(done)).replace(
            "%2", str(total)))

    @Slot(str)
    def report_failure(self, message: str) -> None:
        self.status.setText(self.tr("Failed: %1").replace("%1", message))
