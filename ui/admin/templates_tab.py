"""The administration page's message templates tab: what the desk tells requesters by
e-mail on each event (app/mail/templates.py), in Chinese and English, with a preview.

Pick the event and the language; the subject and text show the administrator's wording, or
the built-in one. The preview under them fills the placeholders with a sample ticket as it
is typed. Save writes the wording as the signed-in administrator (it syncs to the mail
service); "Use the built-in wording" puts the built-in text back into the editor. Roles
without ``Capability.MANAGE_SETTINGS`` read the templates, the fields disabled and a line
saying why.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Capability
from app.mail.templates import (
    BODY_MAX,
    SAMPLE,
    SUBJECT_MAX,
    MessageEvent,
    Template,
    built_in,
    render,
    template,
)
from app.mail.templates import save as save_template
from ui.context import DeskContext

TEMPLATE_TABLES = frozenset({"message_templates"})


def event_label(event: MessageEvent) -> str:
    return {
        MessageEvent.RECEIVED: QCoreApplication.translate("TemplatesTab", "Request received"),
        MessageEvent.PROGRESS: QCoreApplication.translate("TemplatesTab",
                                                          "Answer to the requester"),
        MessageEvent.ESCALATED: QCoreApplication.translate("TemplatesTab", "Escalated"),
        MessageEvent.RESOLVED: QCoreApplication.translate("TemplatesTab",
                                                          "Resolved (please confirm)"),
        MessageEvent.CLOSED: QCoreApplication.translate("TemplatesTab", "Closed"),
        MessageEvent.REMINDER: QCoreApplication.translate("TemplatesTab",
                                                          "Reminder: still unconfirmed"),
    }[event]


class TemplatesTab(QWidget):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.event_choice = QComboBox(self)
        self.event_choice.setObjectName("event")
        for event in MessageEvent:
            self.event_choice.addItem(event_label(event), str(event))
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.subject = QLineEdit(self)
        self.subject.setObjectName("subject")
        self.subject.setMaxLength(SUBJECT_MAX)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("body")
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("preview")
        self.preview.setReadOnly(True)
        self.note = QLabel(self)
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("save")
        self.built_in_button = QPushButton(self.tr("Use the &built-in wording"), self)
        self.built_in_button.setObjectName("built_in")
        form = QFormLayout()
        form.addRow(self.tr("&Event:"), self.event_choice)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("S&ubject:"), self.subject)
        form.addRow(self.tr("&Text:"), self.body)
        form.addRow(self.tr("Preview:"), self.preview)
        hint = QLabel(self.tr("Placeholders: {number} {title} {requester} {desk} {text}"), self)
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.built_in_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.event_choice.currentIndexChanged.connect(self.load)
        self.language.currentIndexChanged.connect(self.load)
        self.subject.textChanged.connect(self._typed)
        self.body.textChanged.connect(self._typed)
        self.save_button.clicked.connect(self.save)
        self.built_in_button.clicked.connect(self.use_built_in)
        context.events.seat_changed.connect(lambda _seat: self.load())
        context.events.records_changed.connect(self._records_changed)
        self.load()

    def _chosen(self) -> tuple[MessageEvent, str]:
        return MessageEvent(self.event_choice.currentData()), str(self.language.currentData())

    @Slot()
    def load(self) -> None:
        event, language = self._chosen()
        shown = template(self._context.reader, event, language)
        self._show(shown)
        allowed = self._context.may(Capability.MANAGE_SETTINGS)
        for widget in (self.subject, self.body, self.save_button, self.built_in_button):
            widget.setEnabled(allowed)
        self.note.setText("" if allowed else self.tr(
            "Only administrators change what the desk tells requesters."))

    def refresh(self) -> None:
        self.load()

    @Slot(list)
    def _records_changed(self, names: list[str]) -> None:
        if TEMPLATE_TABLES & set(names):
            self.load()

    def _show(self, shown: Template) -> None:
        self.subject.setText(shown.subject)
        self.body.setPlainText(shown.body)
        self._typed()

    @Slot()
    def _typed(self) -> None:
        typed = Template(self.subject.text(), self.body.toPlainText())
        preview = render(typed, SAMPLE)
        self.preview.setPlainText(self.tr("Subject: %1").replace("%1", preview.subject)
                                  + "\n\n" + preview.body)
        problem = ""
        if not typed.subject.strip() or not typed.body.strip():
            problem = self.tr("Give the message a subject and a text.")
        elif len(typed.body) > BODY_MAX:
            problem = self.tr("The text is longer than %1 characters.") \
                .replace("%1", str(BODY_MAX))
        if self._context.may(Capability.MANAGE_SETTINGS):
            self.note.setText(problem)
            self.note.setStyleSheet("color: #c62828" if problem else "")
            self.save_button.setEnabled(not problem)

    @Slot()
    def use_built_in(self) -> None:
        self._show(built_in(*self._chosen()))

    @Slot()
    def save(self) -> None:
        event, language = self._chosen()
        try:
            save_template(self._context.store(), self._context.clock,
                          self._context.signed_in.staff_id, event, language,
                          self.subject.text(), self.body.toPlainText())
        except ValueError:
            return  # the note already says what is wrong
        self.note.setStyleSheet("")
        self.note.setText(self.tr("Saved. New messages use this wording."))


def build(context: DeskContext, parent: QWidget) -> QWidget:
    return TemplatesTab(context, parent)
