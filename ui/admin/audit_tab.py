"""The administration page's audit log tab: who did what, when, with before and after.

Filters above the list: the person (type part of a name or login and press Enter, or pick
one), the kind (``AuditKind``) and the period (presets, or two chosen days in the desk's
time zone). The list shows the newest line first and reads further pages as it is scrolled
(app/audit/reading.py). The pane under it shows the selected line field by field, before →
after, people and teams by name. Export writes what the filters match (every page, not only
those read) to an XLSX or CSV file chosen in a save dialog that starts in Documents, off the
GUI thread, and then says where it wrote.

Only roles with ``Capability.READ_AUDIT`` (supervisors, administrators) see the log; for
others the tab holds a line saying why, and nothing of the log is read. The list is read
again when ``context.events.records_changed`` names the log or a table whose changes are
audited (a local write or a pull), and at F5.

Signals:
    exported(str): an export was written, to this path.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.audit import reading
from app.audit.reading import AuditFilter, AuditLine, period
from app.audit.recorder import AUDITED
from app.domain.roles import Capability
from ui import background
from ui.admin.audit_model import LINE_ROLE, AuditModel, Column
from ui.admin.audit_texts import (
    action_name,
    action_names,
    actor_text,
    field_name,
    kind_name,
    kind_names,
    subject_text,
    value_text,
    visible,
)
from ui.context import DeskContext

AUDIT_TABLES = frozenset({"audit_log", "staff", *AUDITED})
# Period presets: days back from today (today included); None = everything.
PRESETS: tuple[tuple[str, int | None], ...] = (("all", None), ("today", 1), ("week", 7),
                                               ("month", 30), ("year", 365), ("chosen", 0))


class AuditLogTab(QStackedWidget):
    """The audit log (see the module docstring)."""

    exported = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._job: background.Job | None = None
        self.closed = QLabel(self)
        self.closed.setObjectName("not_allowed")
        self.closed.setWordWrap(True)
        self.closed.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content = QWidget(self)
        self._build_filters()
        self.model = AuditModel(context.reader, context.language, context.time_zone)
        self.table = self._lines_table()
        self.detail_title = QLabel(self)
        self.detail_title.setObjectName("detail_title")
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail = self._detail_table()
        self._layout()
        self.addWidget(self.content)
        self.addWidget(self.closed)
        self._loaded = False
        self.follow_seat()
        context.events.seat_changed.connect(self.follow_seat)
        context.events.records_changed.connect(self._records_changed)

    # --- building ----------------------------------------------------------------------

    def _build_filters(self) -> None:
        parent = self.content
        self.person = QComboBox(parent)
        self.person.setObjectName("person")
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person.setMinimumContentsLength(16)
        line_edit = self.person.lineEdit()
        line_edit.setPlaceholderText(self.tr("Name or login"))
        line_edit.editingFinished.connect(self._person_typed)
        self.person.currentIndexChanged.connect(self._filter_changed)
        self.kind = QComboBox(parent)
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("All kinds"), "")
        for code, name in kind_names().items():
            self.kind.addItem(name, str(code))
        self.kind.currentIndexChanged.connect(self._filter_changed)
        self.period = QComboBox(parent)
        self.period.setObjectName("period")
        names = {"all": self.tr("Everything"), "today": self.tr("Today"),
                 "week": self.tr("Last 7 days"), "month": self.tr("Last 30 days"),
                 "year": self.tr("Last 365 days"), "chosen": self.tr("Chosen days")}
        for code, _days in PRESETS:
            self.period.addItem(names[code], code)
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.first_day = self._date_edit("first_day")
        self.last_day = self._date_edit("last_day")
        self.to_label = QLabel(self.tr("to"), parent)
        for widget in (self.first_day, self.to_label, self.last_day):
            widget.setVisible(False)  # until "Chosen days"
        self.count = QLabel(parent)
        self.count.setObjectName("count")
        self.export_button = QPushButton(self.tr("&Export…"), parent)
        self.export_button.setObjectName("export")
        self.export_button.setToolTip(self.tr("Write the lines the filters match to an Excel "
                                              "(XLSX) or CSV file"))
        self.export_button.clicked.connect(self.ask_export)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self.content)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(self._filter_changed)
        return edit

    def _lines_table(self) -> QTableView:
        table = QTableView(self.content)
        table.setObjectName("lines")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setSectionResizeMode(Column.CHANGES, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.WHEN, 150), (Column.WHO, 110), (Column.KIND, 170),
                              (Column.ACTION, 90), (Column.SUBJECT, 260)):
            table.setColumnWidth(column, width)
        table.selectionModel().selectionChanged.connect(self._selected)
        return table

    def _detail_table(self) -> QTableWidget:
        detail = QTableWidget(0, 3, self.content)
        detail.setObjectName("detail")
        detail.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Before"),
                                          self.tr("After")])
        detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        detail.setWordWrap(True)
        detail.verticalHeader().hide()
        # Rows as tall as their wrapped text, measured again whenever the columns resize.
        detail.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = detail.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return detail

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for label, widget in ((self.tr("Person:"), self.person), (self.tr("Kind:"), self.kind),
                              (self.tr("Period:"), self.period)):
            filters.addWidget(QLabel(label, self.content))
            filters.addWidget(widget)
        filters.addWidget(self.first_day)
        filters.addWidget(self.to_label)
        filters.addWidget(self.last_day)
        filters.addStretch(1)
        filters.addWidget(self.count)
        filters.addWidget(self.export_button)
        lower = QWidget(self.content)
        box = QVBoxLayout(lower)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.detail_title)
        box.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self.content)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self.content)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    # --- who may read ------------------------------------------------------------------

    @property
    def allowed(self) -> bool:
        return self._context.may(Capability.READ_AUDIT)

    @Slot(object)
    def follow_seat(self, _seat: object = None) -> None:
        """Show the log to a role that may read it; to others, why not (and no lines)."""
        self.closed.setText(self.tr("The audit log is for supervisors and administrators. "
                                    "Ask one of them if you need to know who changed "
                                    "something."))
        if self.allowed:
            self.setCurrentWidget(self.content)
            if not self._loaded:
                self._loaded = True
                self._set_period_days(None)
            self.refresh()
        else:
            self.setCurrentWidget(self.closed)
            self.model.clear()  # drop what another seat saw
            self._show(None)

    # --- filters -----------------------------------------------------------------------

    def chosen(self) -> AuditFilter:
        """The filter the widgets show."""
        code = self.period.currentData()
        first: date | None = None
        last: date | None = None
        if code == "chosen":
            first, last = self.first_day.date().toPython(), self.last_day.date().toPython()
        elif (days := dict(PRESETS)[code]) is not None:
            last = self._today()
            first = last - timedelta(days=days - 1)
        since, until = period(first, last, self._context.time_zone)
        return AuditFilter(actor_id=self.person.currentData() or None,
                           kind=self.kind.currentData() or None, since=since, until=until)

    def _today(self) -> date:
        return self._context.clock.now().astimezone(self._context.time_zone).date()

    def _set_period_days(self, days: int | None) -> None:
        last = self._today()
        first = last - timedelta(days=(days or 30) - 1)
        for edit, day in ((self.first_day, first), (self.last_day, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    @Slot()
    def _period_chosen(self) -> None:
        code = self.period.currentData()
        chosen = code == "chosen"
        for widget in (self.first_day, self.to_label, self.last_day):
            widget.setVisible(chosen)
        if not chosen:
            self._set_period_days(dict(PRESETS)[code])
        self._filter_changed()

    @Slot()
    def _person_typed(self) -> None:
        """Pick the first person whose name or login holds what was typed; nobody typed
        (an empty box) is everyone."""
        typed = self.person.currentText().strip().casefold()
        if not typed:
            self.person.setCurrentIndex(0)
            return
        if self.person.itemText(self.person.currentIndex()).casefold() == typed:
            return
        for row in range(1, self.person.count()):
            if typed in self.person.itemText(row).casefold():
                self.person.setCurrentIndex(row)
                return
        self.person.setEditText(self.person.itemText(self.person.currentIndex()))

    def _fill_people(self) -> None:
        kept = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("Everyone"), "")
        for actor in reading.actors(self._context.reader):
            self.person.addItem(f"{actor.name} ({actor.login})", actor.staff_id)
        self.person.setCurrentIndex(max(self.person.findData(kept or ""), 0))
        self.person.blockSignals(False)

    @Slot()
    def _filter_changed(self) -> None:
        if self.allowed and self._loaded:
            self._read()

    # --- reading -----------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read the people and the lines again, keeping the filters and the selected line."""
        if not self.allowed:
            return
        self._fill_people()
        self._read()

    def _read(self) -> None:
        kept = self.current()
        chosen = self.chosen()
        self.model.set_filter(chosen, self._context.time_zone)
        total = reading.count(self._context.reader, chosen)
        self.count.setText(self.tr("%1 line(s)").replace("%1", str(total)))
        self.export_button.setEnabled(total > 0 and self._job is None)
        row = next((n for n in range(self.model.rowCount())
                    if kept is not None and (line := self.model.line(n)) is not None
                    and line.id == kept.id), None)
        if row is not None:
            self.table.selectRow(row)
        else:
            self._show(None)

    @Slot(list)
    def _records_changed(self, names: list[str]) -> None:
        if AUDIT_TABLES & set(names):
            self.refresh()

    def current(self) -> AuditLine | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(LINE_ROLE) if rows else None

    @Slot(QItemSelection, QItemSelection)
    def _selected(self, *_: object) -> None:
        self._show(self.current())

    def _show(self, line: AuditLine | None) -> None:
        """The selected line, field by field, in the pane under the list."""
        self.detail.setRowCount(0)
        if line is None:
            self.detail_title.setText(self.tr("Select a line to see what changed."))
            return
        zone = self._context.time_zone
        self.detail_title.setText(" · ".join((
            line.at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S"), actor_text(line),
            kind_name(line.kind), action_name(line.summary), subject_text(line))))
        changes = visible(line, reading.changes(self._context.reader, line,
                                                self._context.language))
        self.detail.setRowCount(len(changes))
        for row, change in enumerate(changes):
            before = value_text(line, change.field, change.before, change.before_name, zone) \
                if change.had_before else ""
            after = value_text(line, change.field, change.after, change.after_name, zone) \
                if change.had_after else ""
            for column, text in enumerate((field_name(line, change.field), before, after)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.detail.setItem(row, column, item)

    # --- export ------------------------------------------------------------------------

    @Slot()
    def ask_export(self) -> None:
        """Ask where to write the lines the filters match, then write them."""
        from app.audit.export import default_name
        from ui.files import in_documents

        xlsx, csv = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV, UTF-8 (*.csv)")
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"),
            in_documents(default_name(self._context.clock.now().astimezone(
                self._context.time_zone), "xlsx")), f"{xlsx};;{csv}")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + (".csv" if chosen == csv else ".xlsx"))
        self.export(target)

    def export(self, path: Path) -> background.Job:
        """Write the lines the filters match to ``path`` off the GUI thread; says where
        it wrote (or why not) when done."""
        from app.audit.export import Words, export_file

        words = Words(
            headings=(self.tr("When (%1)").replace("%1", self._context.time_zone.key),
                      self.tr("Who"), self.tr("Login"), self.tr("Kind"), self.tr("Action"),
                      self.tr("What"), self.tr("Record"), self.tr("Before"), self.tr("After")),
            kinds={str(k): v for k, v in kind_names().items()},
            actions={str(k): v for k, v in action_names().items()},
            nobody=self.tr("(the desk itself)"))
        database, chosen = self._context.data.database, self.chosen()
        zone, language = self._context.time_zone, self._context.language
        sheet = self.tr("Audit log")

        def work(progress: Callable[[int, int], bool]) -> int:
            return export_file(database, path, chosen, zone, words, language, progress,
                               sheet)

        self.export_button.setEnabled(False)
        self.count.setText(self.tr("Exporting…"))
        self._job = background.start(work, self, done=lambda _n: self._exported(path),
                                     failed=self._export_failed)
        self._job.progress_changed.connect(self._export_progress)
        return self._job

    @Slot(int, int)
    def _export_progress(self, done: int, total: int) -> None:
        self.count.setText(self.tr("Exporting… %1 of %2").replace("%1", str(done))
                           .replace("%2", str(total)))

    def _exported(self, path: Path) -> None:
        from ui.files import tell_written

        self._job = None
        self._read()
        tell_written(self, path)
        self.exported.emit(str(path))

    def _export_failed(self, message: str) -> None:
        self._job = None
        self._read()
        QMessageBox.warning(self, self.tr("Not exported"),
                            self.tr("The audit log could not be written: %1").replace(
                                "%1", message))


def build(context: DeskContext, parent: QWidget) -> QWidget:
    """The audit log tab of the administration page (ui/admin/__init__.py)."""
    return AuditLogTab(context, parent)
