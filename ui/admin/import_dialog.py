"""Importing staff from a CSV or XLSX file: choose it, see every row and its problems,
import all of it or nothing.

The file is read and previewed off the GUI thread (``app.people.staff_import``), and so is
the import itself (one transaction). "Import" stays disabled, with a tooltip saying why,
until the file has rows and no row has a problem. Opened from the staff tab through
``open_import``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, QStandardPaths, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.people.staff_import import AccountAction
from app.services.errors import DeskError
from ui import background
from ui.admin.import_model import PROBLEM_RED, Column, PreviewModel
from ui.admin.import_texts import finding_text
from ui.context import DeskContext
from ui.problems import show_problem

if TYPE_CHECKING:
    from app.people.staff_import import ImportResult, Preview

CHANGED_TABLES = ["staff", "staff_skills", "desk_accounts"]
Progress = Callable[[int, int], bool]  # progress(done, total) -> False to stop


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class ImportDialog(QDialog):
    """Choose a staff list, preview it, import it. Accepted once something was imported
    (``result`` then says what)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._preview: Preview | None = None
        self._job: background.Job | None = None
        self._folder = documents_folder()
        self.result_: ImportResult | None = None
        self.setWindowTitle(self.tr("Import staff"))
        self.resize(1040, 620)

        self.file_label = QLabel(self.tr("Choose a CSV or XLSX file exported from Excel or "
                                         "WPS: one row per person, with at least the "
                                         "columns 姓名 (name) and 登录名 (login)."), self)
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose file…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        self.file_problems = QLabel(self)
        self.file_problems.setWordWrap(True)
        self.file_problems.setStyleSheet(f"color: {PROBLEM_RED.name()};")
        self.file_problems.hide()

        self.model = PreviewModel(context.language)
        self.rows = QSortFilterProxyModel(self)
        self.rows.setSourceModel(self.model)
        self.rows.setFilterKeyColumn(Column.PROBLEMS)
        self.table = self._table()
        self.only_problems = QCheckBox(self.tr("Show only rows with &problems"), self)
        self.only_problems.toggled.connect(self._filter)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.import_staff)
        self.cancel_button.clicked.connect(self.reject)

        self._lay_out()
        self._show_state()

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.rows)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        return table

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.file_problems)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.only_problems)
        layout.addLayout(bottom)

    # --- choosing and reading ---------------------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a staff list"), self._folder,
            self.tr("Staff lists (*.csv *.xlsx *.txt);;All files (*)"))
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> background.Job:
        """Read and preview ``path`` off the GUI thread."""
        from app.people.staff_import import preview_file
        from app.store.reading import read_connection

        self._folder = str(path.parent)
        self._preview = None
        self.model.set_lines(())
        self.file_label.setText(str(path))
        database = self._context.data.database
        connected = bool(self._context.settings.settings.server_url)

        def work(progress: Progress) -> Preview | None:
            reader = read_connection(database)  # the desk's reader belongs to the GUI thread
            try:
                return preview_file(reader, path, connected=connected, progress=progress)
            finally:
                reader.close()

        return self._start(work, self._previewed, self._unreadable, self.tr("Reading the file…"))

    def _previewed(self, preview: Preview | None) -> None:
        self._job = None
        self._preview = preview
        self.model.set_lines(preview.rows if preview is not None else ())
        self.table.resizeColumnsToContents()
        for column in (Column.SKILLS, Column.PROBLEMS):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        self._show_state()

    # --- importing --------------------------------------------------------------------------

    @Slot()
    def import_staff(self) -> None:
        preview = self._preview
        if preview is None or not preview.acceptable or self._job is not None:
            return
        from app.people.staff_import import apply

        store = self._context.store()  # opened here: its hooks belong to the GUI thread
        clock, actor = self._context.clock, self._context.signed_in

        def work(_progress: Progress) -> ImportResult | DeskError:
            try:
                return apply(store, clock, preview, actor)
            except DeskError as error:  # the seat is told why, by its code
                return error

        self._start(work, self._imported, self._not_imported, self.tr("Importing…"))

    def _imported(self, outcome: ImportResult | DeskError) -> None:
        self._job = None
        if isinstance(outcome, DeskError):
            self._show_state()
            show_problem(self, outcome)
            return
        self.result_ = outcome
        self.accept()

    def reject(self) -> None:
        if self._job is not None:
            self._job.cancel()  # a read stops; an import already under way still commits
        super().reject()

    # --- showing ----------------------------------------------------------------------------

    def _start(self, work: Callable[[Progress], Any], done: Callable[[Any], None],
               failed: Callable[[str], None], doing: str) -> background.Job:
        self.summary.setText(doing)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.choose_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.import_button.setToolTip(doing)
        self._job = background.start(work, self, done=done, failed=failed)
        self._job.progress_changed.connect(self._progressed)
        return self._job

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _unreadable(self, message: str) -> None:
        self._job = None
        self._preview = None
        self._show_state()
        self.file_problems.setText(self.tr("The file could not be read: %1").replace(
            "%1", message))
        self.file_problems.show()

    def _not_imported(self, message: str) -> None:
        self._job = None
        self._show_state()
        QMessageBox.warning(self, self.tr("Not imported"), self.tr(
            "Nothing was imported: %1").replace("%1", message))

    @Slot(bool)
    def _filter(self, only: bool) -> None:
        self.rows.setFilterRegularExpression(".+" if only else "")

    def _show_state(self) -> None:
        self.progress.hide()
        self.choose_button.setEnabled(True)
        preview = self._preview
        problems = preview.problems if preview is not None else ()
        self.file_problems.setText("\n".join(finding_text(f) for f in problems))
        self.file_problems.setVisible(bool(problems))
        self.only_problems.setEnabled(bool(preview and preview.with_problems))
        if preview is None:
            self.summary.setText(self.tr("No file chosen yet."))
        elif problems:
            self.summary.setText(self.tr("This file cannot be imported."))
        else:
            accounts = sum(1 for line in preview.rows if line.account is AccountAction.NEW)
            text = self.tr("%1 new, %2 to update, %3 with problems.").replace(
                "%1", str(preview.new)).replace("%2", str(preview.updated)).replace(
                "%3", str(preview.with_problems))
            if accounts:
                text += " " + self.tr("New accounts without a password: %1 (set passwords "
                                      "under Accounts and roles).").replace("%1", str(accounts))
            self.summary.setText(text)
        self.import_button.setEnabled(preview is not None and preview.acceptable)
        self.import_button.setToolTip(self._why_not(preview))

    def _why_not(self, preview: Preview | None) -> str:
        if preview is None:
            return self.tr("Choose a file first.")
        if preview.problems:
            return self.tr("The file cannot be imported: see the problems above it.")
        if preview.with_problems:
            return self.tr("Correct the rows with problems in the file, then choose it "
                           "again: nothing is imported while a row has a problem.")
        return self.tr("Import all %1 rows in one step.").replace("%1", str(len(preview.rows)))


def open_import(context: DeskContext, parent: QWidget | None = None) -> bool:
    """Run the import dialog; True if staff were imported (``records_changed`` was then
    emitted for the tables the import writes)."""
    dialog = ImportDialog(context, parent)
    try:
        imported = dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
    if imported:
        context.events.records_changed.emit(list(CHANGED_TABLES))
    return imported
