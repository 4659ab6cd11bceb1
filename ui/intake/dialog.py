"""The new-ticket form, built for a live phone call: everything reachable by keyboard.

Requester search as you type (name, phone, unit), the requester's earlier tickets beside
the form, the computed level shown live, and a completeness line naming what is missing or
not valid. Pickers are chosen by typing (also pinyin initials: ui/intake/type_ahead.py);
fields stop at the length the desk accepts.

What the seat types is kept in an autosaved draft (app/services/intake_draft.py) as it
changes, so a crash loses nothing; the next form offers to restore it. Esc (or closing the
window) on a filled form asks before discarding; a saved ticket or a discarded form removes
the draft, and a form closed any other way (the desk quitting) keeps it.

Signals:
    ticket_logged(str, str): a ticket was saved (id, number).
    ticket_text_changed(str, str): title or description changed (title, description);
        side panels such as knowledge-base suggestions listen to it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Channel, Level, Rating
from app.domain.grading import Grading
from app.domain.validation import TEXT_MAX, TITLE_MAX, is_email, is_phone
from app.services.errors import DeskError
from app.services.intake import Intake, RequesterDraft, TicketDraft, missing_fields
from app.services.intake_draft import (
    IntakeDraft,
    draft_file,
    read_draft,
    remove_draft,
    to_json,
    write_draft,
)
from app.store.directory import catalog, catalog_other_names, find_requesters
from app.store.models import RequesterRow
from app.store.queues import QueueFilter, QueueReader, Sort, View
from ui.context import DeskContext
from ui.dialogs import question
from ui.icons import badge
from ui.intake.labels import field_label, rating_label
from ui.intake.type_ahead import TypeAheadCombo
from ui.labels import LEVEL_COLORS, channel_label, level_label, state_label
from ui.limits import limit_line, limit_text
from ui.problems import show_problem

log = logging.getLogger(__name__)

# While the seat types, the draft is written at most this often; a changed choice, a chosen
# requester or leaving a field writes it at once.
AUTOSAVE_MS = 2000


class IntakeDialog(QDialog):
    ticket_logged = Signal(str, str)
    ticket_text_changed = Signal(str, str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None,
                 draft_path: Path | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._requester_id: str | None = None
        self._received_at: datetime | None = None  # a call's start (the phone's F8)
        self._call_id = ""  # and that call's id
        self._draft_path = draft_path or draft_file(context.data.root)
        self._kept = read_draft(self._draft_path)  # left by an earlier form: offered on show
        self._written = ""  # the draft as last written, so an unchanged form is not rewritten
        self._keeping = self._kept is None  # no autosave while an earlier draft is offered
        self._finished = False
        self.discard_question: QMessageBox | None = None
        self.restore_question: QMessageBox | None = None
        self.setWindowTitle(self.tr("New ticket"))
        self.requester_search = QLineEdit(self, objectName="requester_search")
        self.requester_search.setPlaceholderText(self.tr("Requester: name, phone or unit"))
        self.requester_results = QListWidget(self, objectName="requester_results")
        self.requester_results.setMaximumHeight(110)
        self.requester_results.hide()
        self.new_requester = self._new_requester_box()
        self.history = QListWidget(self, objectName="history")
        self.channel = self._combo("channel", [(channel_label(c), c, (c.value,))
                                               for c in Channel])
        self.ticket_type = self._catalog_combo("type", "ticket_types")
        self.category = self._catalog_combo("category", "categories")
        ratings = [(rating_label(r), r, (r.name.lower(),))
                   for r in (Rating.LOW, Rating.MEDIUM, Rating.HIGH)]
        self.urgency = self._combo("urgency", ratings)
        self.impact = self._combo("impact", ratings)
        self.importance = self._combo("importance", ratings)
        self.level = QLabel(self, objectName="level")
        self.override = QCheckBox(self.tr("Override level"), self, objectName="override")
        self.override_level = self._combo("override_level", [(level_label(lv), lv, (str(lv.value),))
                                                             for lv in Level])
        self.override_reason = QLineEdit(self, objectName="override_reason")
        self.override_reason.setPlaceholderText(self.tr("Reason for the override"))
        limit_line(self.override_reason, TEXT_MAX)
        self.title = QLineEdit(self, objectName="title")
        limit_line(self.title, TITLE_MAX)
        self.description = QPlainTextEdit(self, objectName="description")
        self.description.setTabChangesFocus(True)
        limit_text(self.description, TEXT_MAX)
        self.missing = QLabel(self, objectName="missing")
        self.save = QPushButton(self.tr("Save ticket (Ctrl+S)"), self, objectName="save")
        self.save_answered = QPushButton(self.tr("Save, first response given (Ctrl+Shift+S)"),
                                         self, objectName="save_answered")
        # Enter picks a requester or moves on; only Ctrl+S saves a form filled during a call.
        for button in (self.save, self.save_answered):
            button.setAutoDefault(False)
            button.setDefault(False)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._layout()
        self._order_tabs()
        self._connect()
        self._update()

    def _combo(self, name: str, items: Sequence[tuple[str, object, tuple[str, ...]]]
               ) -> TypeAheadCombo:
        combo = TypeAheadCombo(self)
        combo.setObjectName(name)
        for text, value, others in items:
            combo.add_choice(text, value, others)
        return combo

    def _catalog_combo(self, name: str, table: str) -> TypeAheadCombo:
        """Ticket types or categories with their badges; nothing chosen at first. Also found
        by their code and their name in the other language."""
        reader, language = self._context.reader, self._context.language
        others = catalog_other_names(reader, table)
        combo = self._combo(name, [(c.name, c.id, others.get(c.id, ()))
                                   for c in catalog(reader, table, language)])
        for row, choice in enumerate(catalog(reader, table, language)):
            combo.setItemIcon(row, badge(choice.color, choice.icon if name == "type" else ""))
        combo.setCurrentIndex(-1)
        return combo

    def _new_requester_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("New requester"), self, objectName="new_requester")
        box.setCheckable(True)
        box.setChecked(False)
        self.new_name, self.new_unit = QLineEdit(box), QLineEdit(box)
        self.new_phone, self.new_email = QLineEdit(box), QLineEdit(box)
        columns = RequesterRow.__table__.c
        for edit, name in ((self.new_name, "name"), (self.new_unit, "unit"),
                           (self.new_phone, "phone"), (self.new_email, "email")):
            edit.setObjectName(f"new_{name}")
            limit_line(edit, int(getattr(columns[name].type, "length", TEXT_MAX)))
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

    def _order_tabs(self) -> None:
        """Tab follows the form top to bottom. The earlier tickets beside it come after the
        form (created first, they sat between the new requester's fields and Channel)."""
        chain: list[QWidget] = [
            self.requester_search, self.requester_results, self.new_requester, self.new_name,
            self.new_unit, self.new_phone, self.new_email, self.channel, self.ticket_type,
            self.category, self.urgency, self.impact, self.importance, self.override,
            self.override_level, self.override_reason, self.title, self.description,
            self.history, self.save_answered, self.save]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.requester_search.textChanged.connect(lambda _t: self._search_timer.start())
        self._search_timer.timeout.connect(self._search_requesters)
        self.requester_search.returnPressed.connect(self._choose_first_requester)
        self.requester_results.itemActivated.connect(self._choose_requester)
        self.new_requester.toggled.connect(lambda _on: self._update())
        self.new_requester.toggled.connect(lambda _on: self.keep_draft())
        for combo in (self.channel, self.ticket_type, self.category, self.urgency, self.impact,
                      self.importance, self.override_level):
            combo.currentIndexChanged.connect(lambda _i: self._update())
            combo.currentIndexChanged.connect(lambda _i: self.keep_draft())
        for line in (self.title, self.override_reason, self.new_name, self.new_unit,
                     self.new_phone, self.new_email, self.requester_search):
            line.textChanged.connect(lambda _t: self._update())
            line.textChanged.connect(lambda _t: self._typed())
            line.editingFinished.connect(self.keep_draft)
        self.description.textChanged.connect(self._update)
        self.description.textChanged.connect(self._typed)
        for signal in (self.title.textChanged, self.description.textChanged):
            signal.connect(lambda *_: self.ticket_text_changed.emit(
                self.title.text(), self.description.toPlainText()))
        self.override.toggled.connect(lambda _on: self._update())
        self.override.toggled.connect(lambda _on: self.keep_draft())
        self._autosave.timeout.connect(self.keep_draft)
        # Leaving a field (the description has no editingFinished) writes the draft at once.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
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
        self._show_requester(item.data(Qt.ItemDataRole.UserRole), item.text())
        self.channel.setFocus()
        self.keep_draft()

    def _show_requester(self, requester_id: str | None, text: str) -> None:
        self._requester_id = requester_id
        self.requester_search.setText(text)
        self._search_timer.stop()
        self.requester_results.clear()
        self.requester_results.hide()
        self._show_history()
        self._update()

    def _show_history(self) -> None:
        self.history.clear()
        if self._requester_id is None:
            return
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

    def _typed_requester(self) -> RequesterDraft:
        return RequesterDraft(self.new_name.text(), self.new_unit.text(),
                              self.new_phone.text(), self.new_email.text())

    def form_draft(self) -> IntakeDraft:
        """Everything the form holds, as the autosaved draft keeps it."""
        return IntakeDraft(
            ticket=self.draft(), requester_text=self.requester_search.text(),
            new_requester=self._typed_requester() if self.new_requester.isChecked() else None,
            saved_at=self._context.clock.now(), seat=self._context.signed_in.login,
            received_at=self._received_at, call_id=self._call_id)

    @Slot()
    def _update(self) -> None:
        draft = self.draft()
        level = Grading(draft.urgency, draft.impact, draft.importance).level(
            self._context.desk_settings().grading)
        self.level.setText(f"<b style='color:{LEVEL_COLORS[level]}'>{level_label(level)}</b>")
        self.override_level.setEnabled(self.override.isChecked())
        self.override_reason.setEnabled(self.override.isChecked())
        missing, invalid = self.problems()
        parts = []
        if missing:
            parts.append(self.tr("Missing: %1").replace(
                "%1", ", ".join(field_label(m) for m in missing)))
        if invalid:
            parts.append(self.tr("Not valid: %1").replace(
                "%1", ", ".join(field_label(m) for m in invalid)))
        self.missing.setText(" · ".join(parts) if parts else self.tr("Complete"))
        # What the desk would refuse shows in red; what is merely missing does not.
        self.missing.setStyleSheet("color: #c62828" if invalid else "")

    def problems(self) -> tuple[list[str], list[str]]:
        """Names of the fields still empty, and of those filled with what the desk refuses
        (a phone number or e-mail address it does not recognise): the form is complete only
        without either."""
        missing = missing_fields(self.draft())
        invalid = []
        if self.new_requester.isChecked():
            person = self._typed_requester()
            if person.name.strip():
                missing = [m for m in missing if m != "requester"]
            if not person.phone.strip() and not person.email.strip():
                missing.append("contact")
            if person.phone.strip() and not is_phone(person.phone):
                invalid.append("phone")
            if person.email.strip() and not is_email(person.email):
                invalid.append("email")
        if self.override.isChecked() and not self.override_reason.text().strip():
            missing.append("override_reason")
        return missing, invalid

    # --- saving ---------------------------------------------------------------------------

    @Slot()
    def submit_answered(self) -> None:
        """Save, recording that the requester already heard back on this call."""
        self.submit(answered=True)

    @Slot()
    def submit(self, answered: bool = False) -> None:
        intake = Intake(self._context.store(), self._context.clock,
                        self._context.desk_settings().grading, self._context.seat.staff_id)
        typed = self._typed_requester()
        try:
            # A new requester is saved with the ticket or not at all (issue 22 #2).
            logged = intake.log(self.draft(), answered=answered,
                                new_requester=typed if self.new_requester.isChecked() else None,
                                received_at=self._received_at, call_id=self._call_id)
        except DeskError as error:
            show_problem(self, error)
            self._focus_field(error.field)
            return
        self._finish(keep=False)
        self.ticket_logged.emit(logged.id, logged.number)
        self.accept()

    def _focus_field(self, name: str | None) -> None:
        """Put the cursor where the refused save's message points."""
        fields: dict[str, QWidget] = {
            "title": self.title, "description": self.description, "type": self.ticket_type,
            "category": self.category, "override_reason": self.override_reason,
            "requester": self.requester_search, "name": self.new_name,
            "phone": self.new_phone, "email": self.new_email}
        widget = fields.get(name or "")
        if widget is not None and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    # --- the autosaved draft --------------------------------------------------------------

    @Slot()
    def _typed(self) -> None:
        """Typing writes the draft every AUTOSAVE_MS at most, and once typing pauses."""
        if not self._autosave.isActive():
            self._autosave.start()

    @Slot(QWidget, QWidget)
    def _focus_moved(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is not None and self.isAncestorOf(old):
            self.keep_draft()

    @Slot()
    def keep_draft(self) -> None:
        """Write the form to the draft file now (or remove it once the form is empty)."""
        self._autosave.stop()
        if not self._keeping or self._finished:
            return
        draft = self.form_draft()
        # saved_at changes every time: compare what the seat typed.
        typed = to_json(IntakeDraft(draft.ticket, draft.requester_text, draft.new_requester))
        if typed == self._written:
            return
        try:
            if draft.is_empty():
                remove_draft(self._draft_path)
            else:
                write_draft(self._draft_path, draft)
        except OSError:
            log.exception("the intake draft could not be written to %s", self._draft_path)
            return
        self._written = typed

    def is_blank(self) -> bool:
        """Nothing typed or chosen: closing loses nothing."""
        return self.form_draft().is_empty()

    def restore(self, kept: IntakeDraft) -> None:
        """Fill the form with a kept draft."""
        ticket = kept.ticket
        self._received_at, self._call_id = kept.received_at, kept.call_id
        if ticket.requester_id is not None:
            self._show_requester(ticket.requester_id, kept.requester_text)
        else:
            self.requester_search.setText(kept.requester_text)
        person = kept.new_requester
        self.new_requester.setChecked(person is not None)
        if person is not None:
            for edit, value in ((self.new_name, person.name), (self.new_unit, person.unit),
                                (self.new_phone, person.phone), (self.new_email, person.email)):
                edit.setText(value)
        choices: tuple[tuple[TypeAheadCombo, object], ...] = (
            (self.channel, ticket.channel), (self.ticket_type, ticket.type_id),
            (self.category, ticket.category_id), (self.urgency, ticket.urgency),
            (self.impact, ticket.impact), (self.importance, ticket.importance))
        for combo, chosen in choices:
            # A type or category retired since stays unchosen.
            combo.setCurrentIndex(combo.findData(chosen) if chosen is not None else -1)
        self.override.setChecked(ticket.level_override is not None)
        if ticket.level_override is not None:
            self.override_level.setCurrentIndex(self.override_level.findData(
                ticket.level_override))
        self.override_reason.setText(ticket.override_reason)
        self.title.setText(ticket.title)
        self.description.setPlainText(ticket.description)
        self._update()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._kept is not None and self.restore_question is None:
            QTimer.singleShot(0, self, self._offer_kept)

    @Slot()
    def _offer_kept(self) -> None:
        """A form was left unsaved (a crash, the desk closed): offer to continue it."""
        kept = self._kept
        if kept is None or self._finished:
            return
        when = kept.saved_at.astimezone(self._context.time_zone).strftime("%Y-%m-%d %H:%M") \
            if kept.saved_at else ""
        title = kept.ticket.title.strip() or kept.requester_text.strip() or "—"
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved ticket"),
                          self.tr("A new ticket was not saved (kept at %1): %2\n\n"
                                  "Restore it into this form?").replace("%1", when)
                          .replace("%2", title[:120]), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("restore_question")
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("&Discard it"), QMessageBox.ButtonRole.DestructiveRole)
        restore.setObjectName("restore")
        discard.setObjectName("discard")
        box.setDefaultButton(restore)
        # Esc must not lose the draft: it keeps it, as Restore does.
        box.setEscapeButton(restore)
        self.restore_question = box

        def answered(_result: int) -> None:
            box.deleteLater()
            self._kept = None
            self._keeping = True
            if box.clickedButton() is discard:
                remove_draft(self._draft_path)
            else:
                self.restore(kept)
                self._written = ""
                self.keep_draft()
            self.requester_search.setFocus()

        box.finished.connect(answered)
        box.open()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            self.ask_discard()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self._finished or self.is_blank():
            super().closeEvent(event)
            return
        event.ignore()
        self.ask_discard()

    @Slot()
    def ask_discard(self) -> None:
        """Esc or the window's close button: a filled form is discarded only when the seat
        says so (Keep editing is the default); an empty one just closes."""
        if self.is_blank():
            self._finish(keep=self._kept is not None)
            self.reject()
            return
        if self.discard_question is not None:
            return  # already asking
        box, (discard, _keep) = question(
            self, QMessageBox.Icon.Warning, self.tr("Discard this ticket?"),
            self.tr("What you typed into this form has not been saved as a ticket. "
                    "Discard it?"), "discard_question",
            [(self.tr("&Discard"), "discard", QMessageBox.ButtonRole.DestructiveRole),
             (self.tr("&Keep editing"), "keep_editing", QMessageBox.ButtonRole.RejectRole)],
            default=1, escape=1)
        self.discard_question = box

        def answered(_result: int) -> None:
            self.discard_question = None
            box.deleteLater()
            if box.clickedButton() is discard:
                self._finish(keep=False)
                self.reject()

        box.finished.connect(answered)
        box.open()

    def _finish(self, keep: bool) -> None:
        """The form is done: saved or discarded (the draft goes), or closed another way."""
        if not keep:
            self._finished = True
            self._autosave.stop()
            remove_draft(self._draft_path)

    def reject(self) -> None:
        """Closed without saving. Unless the seat discarded it, what was typed stays in the
        draft (the desk quitting with the form open), offered again by the next form."""
        if not self._finished:
            self.keep_draft()
            self._finished = True
        super().reject()
