"""The new-ticket form, built for a live phone call: everything reachable by keyboard.

Requester search as you type (name, phone, unit), the requester's earlier tickets beside
the form, the computed level shown live, and a completeness line naming what is missing.

Signals:
    ticket_logged(str, str): a ticket was saved (id, number).
    ticket_text_changed(str, str): title or description changed (title, description);
        side panels such as knowledge-base suggestions listen to it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Channel, Level, Rating
from app.domain.grading import Grading
from app.services.errors import DeskError
from app.services.intake import Intake, RequesterDraft, TicketDraft, missing_fields
from app.store.directory import catalog, find_requesters
from app.store.queues import QueueFilter, QueueReader, Sort, View
from ui.context import DeskContext
from ui.icons import badge
from ui.intake.labels import field_label, rating_label
from ui.labels import LEVEL_COLORS, channel_label, level_label, state_label
from ui.problems import show_problem


class IntakeDialog(QDialog):
    ticket_logged = Signal(str, str)
    ticket_text_changed = Signal(str, str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._requester_id: str | None = None
        self.setWindowTitle(self.tr("New ticket"))
        self.requester_search = QLineEdit(self, objectName="requester_search")
        self.requester_search.setPlaceholderText(self.tr("Requester: name, phone or unit"))
        self.requester_results = QListWidget(self, objectName="requester_results")
        self.requester_results.setMaximumHeight(110)
        self.requester_results.hide()
        self.new_requester = self._new_requester_box()
        self.history = QListWidget(self, objectName="history")
        self.channel = self._combo("channel", [(channel_label(c), c) for c in Channel])
        self.ticket_type = self._combo("type", [(c.name, c.id) for c in
                                                catalog(context.reader, "ticket_types",
                                                        context.language)], with_badges=True)
        self.category = self._combo("category", [(c.name, c.id) for c in
                                                 catalog(context.reader, "categories",
                                                         context.language)], with_badges=True)
        ratings = [(rating_label(r), r) for r in (Rating.LOW, Rating.MEDIUM, Rating.HIGH)]
        self.urgency = self._combo("urgency", ratings)
        self.impact = self._combo("impact", ratings)
        self.importance = self._combo("importance", ratings)
        self.level = QLabel(self, objectName="level")
        self.override = QCheckBox(self.tr("Override level"), self, objectName="override")
        self.override_level = self._combo("override_level", [(level_label(lv), lv)
                                                             for lv in Level])
        self.override_reason = QLineEdit(self, objectName="override_reason")
        self.override_reason.setPlaceholderText(self.tr("Reason for the override"))
        self.title = QLineEdit(self, objectName="title")
        self.description = QPlainTextEdit(self, objectName="description")
        self.description.setTabChangesFocus(True)
        self.missing = QLabel(self, objectName="missing")
        self.save = QPushButton(self.tr("Save ticket (Ctrl+S)"), self, objectName="save")
        self.save_answered = QPushButton(self.tr("Save, first response given (Ctrl+Shift+S)"),
                                         self, objectName="save_answered")
        # Enter picks a requester or moves on; only Ctrl+S saves a form filled during a call.
        for button in (self.save, self.save_answered):
            button.setAutoDefault(False)
            button.setDefault(False)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._layout()
        self._connect()
        self._update()

    def _combo(self, name: str, items: list[tuple[str, object]],
               with_badges: bool = False) -> QComboBox:
        combo = QComboBox(self, objectName=name)
        for text, value in items:
            combo.addItem(text, value)
        if with_badges:
            table = "ticket_types" if name == "type" else "categories"
            for row, choice in enumerate(catalog(self._context.reader, table,
                                                 self._context.language)):
                combo.setItemIcon(row, badge(choice.color, choice.icon if name == "type" else ""))
            combo.setCurrentIndex(-1)
        return combo

    def _new_requester_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("New requester"), self, objectName="new_requester")
        box.setCheckable(True)
        box.setChecked(False)
        self.new_name, self.new_unit = QLineEdit(box), QLineEdit(box)
        self.new_phone, self.new_email = QLineEdit(box), QLineEdit(box)
        form = QFormLayout(box)
        form.addRow(self.tr("Name"), self.new_name)
        form.addRow(self.tr("Unit"), self.new_unit)
        form.addRow(self.tr("Phone"), self.new_phone)
        form.addRow(self.tr("E-mail"), self.new_email)
        return box

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Requester"), self.requester_search)
        form.addRow("", self.requester_results)
        form.addRow("", self.new_requester)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Type"), self.ticket_type)
        form.addRow(self.tr("Category"), self.category)
        grading = QHBoxLayout()
        for label, combo in ((self.tr("Urgency"), self.urgency), (self.tr("Impact"), self.impact),
                             (self.tr("Importance"), self.importance)):
            grading.addWidget(QLabel(label))
            grading.addWidget(combo)
        form.addRow(self.tr("Grading"), grading)
        override = QHBoxLayout()
        for widget in (self.level, self.override, self.override_level, self.override_reason):
            override.addWidget(widget)
        form.addRow(self.tr("Level"), override)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Description"), self.description)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Earlier tickets of this requester")))
        side.addWidget(self.history)
        self._side = side
        body = QHBoxLayout()
        body.addLayout(form, 3)
        body.addLayout(side, 2)
        footer = QHBoxLayout()
        footer.addWidget(self.missing, 1)
        footer.addWidget(self.save_answered)
        footer.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addLayout(footer)
        self.resize(1100, 680)

    def _connect(self) -> None:
        self.requester_search.textChanged.connect(lambda _t: self._search_timer.start())
        self._search_timer.timeout.connect(self._search_requesters)
        self.requester_search.returnPressed.connect(self._choose_first_requester)
        self.requester_results.itemActivated.connect(self._choose_requester)
        self.new_requester.toggled.connect(lambda _on: self._update())
        for combo in (self.channel, self.ticket_type, self.category, self.urgency, self.impact,
                      self.importance, self.override_level):
            combo.currentIndexChanged.connect(lambda _i: self._update())
        for line in (self.title, self.override_reason, self.new_name):
            line.textChanged.connect(lambda _t: self._update())
        self.description.textChanged.connect(self._update)
        for signal in (self.title.textChanged, self.description.textChanged):
            signal.connect(lambda *_: self.ticket_text_changed.emit(
                self.title.text(), self.description.toPlainText()))
        self.override.toggled.connect(lambda _on: self._update())
        self.save.clicked.connect(self.submit)
        self.save_answered.clicked.connect(self.submit_answered)
        for keys in ("Ctrl+S", "Ctrl+Return"):
            QShortcut(QKeySequence(keys), self, activated=self.submit)
        for keys in ("Ctrl+Shift+S", "Ctrl+Shift+Return"):
            QShortcut(QKeySequence(keys), self, activated=self.submit_answered)

    def add_side_widget(self, widget: QWidget) -> None:
        """Show another feature's panel beside the form (wired by ui/desk.py)."""
        self._side.addWidget(widget, 1)

    def insert_reply(self, text: str) -> None:
        """Add the answer given to the requester (e.g. an article's solution) to the record."""
        answer = self.tr("Answer given: %1").replace("%1", text.strip())
        current = self.description.toPlainText().rstrip()
        self.description.setPlainText(f"{current}\n\n{answer}" if current else answer)

    # --- requester ------------------------------------------------------------------------

    @Slot()
    def _search_requesters(self) -> None:
        self.requester_results.clear()
        for person in find_requesters(self._context.reader, self.requester_search.text()):
            item = QListWidgetItem(f"{person.name} · {person.unit} · {person.phone}")
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.requester_results.addItem(item)
        if self.requester_results.count():
            self.requester_results.setCurrentRow(0)
        self.requester_results.setVisible(self.requester_results.count() > 0)

    @Slot()
    def _choose_first_requester(self) -> None:
        self._search_requesters()
        item = self.requester_results.currentItem()
        if item is not None:
            self._choose_requester(item)

    @Slot(QListWidgetItem)
    def _choose_requester(self, item: QListWidgetItem) -> None:
        self._requester_id = item.data(Qt.ItemDataRole.UserRole)
        self.requester_search.setText(item.text())
        self._search_timer.stop()
        self.requester_results.clear()
        self.requester_results.hide()
        self._show_history()
        self.channel.setFocus()
        self._update()

    def _show_history(self) -> None:
        self.history.clear()
        reader = QueueReader(self._context.reader, self._context.language)
        items = reader.page(View.ALL, self._context.seat,
                            QueueFilter(requester_id=self._requester_id), Sort(), None, 30)
        for item in items:
            when = item.created_at.astimezone(self._context.time_zone).strftime("%Y-%m-%d")
            self.history.addItem(f"{item.number} {when} {state_label(item.state)}\n{item.title}")

    # --- draft ----------------------------------------------------------------------------

    def draft(self) -> TicketDraft:
        override = self.override_level.currentData() if self.override.isChecked() else None
        return TicketDraft(
            title=self.title.text(), description=self.description.toPlainText(),
            requester_id=self._requester_id, channel=self.channel.currentData(),
            type_id=self.ticket_type.currentData(), category_id=self.category.currentData(),
            urgency=self.urgency.currentData(), impact=self.impact.currentData(),
            importance=self.importance.currentData(), level_override=override,
            override_reason=self.override_reason.text())

    @Slot()
    def _update(self) -> None:
        draft = self.draft()
        level = Grading(draft.urgency, draft.impact, draft.importance).level(
            self._context.desk_settings().grading)
        self.level.setText(f"<b style='color:{LEVEL_COLORS[level]}'>{level_label(level)}</b>")
        self.override_level.setEnabled(self.override.isChecked())
        self.override_reason.setEnabled(self.override.isChecked())
        missing = missing_fields(draft)
        if self.new_requester.isChecked() and self.new_name.text().strip():
            missing = [m for m in missing if m != "requester"]
        self.missing.setText(
            self.tr("Missing: %1").replace("%1", ", ".join(field_label(m) for m in missing))
            if missing else self.tr("Complete"))

    @Slot()
    def submit_answered(self) -> None:
        """Save, recording that the requester already heard back on this call."""
        self.submit(answered=True)

    @Slot()
    def submit(self, answered: bool = False) -> None:
        intake = Intake(self._context.store(), self._context.clock,
                        self._context.desk_settings().grading, self._context.seat.staff_id)
        typed = RequesterDraft(self.new_name.text(), self.new_unit.text(),
                               self.new_phone.text(), self.new_email.text())
        try:
            # A new requester is saved with the ticket or not at all (issue 22 #2).
            logged = intake.log(self.draft(), answered=answered,
                                new_requester=typed if self.new_requester.isChecked() else None)
        except DeskError as error:
            show_problem(self, error)
            return
        self.ticket_logged.emit(logged.id, logged.number)
        self.accept()
