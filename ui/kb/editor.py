"""The article editor: every field, with a live preview of the Markdown."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.kb.article import ArticleContent, ArticleState, InvalidArticle, tags_from_text
from app.kb.reading import CategoryChoice
from ui.kb.labels import state_label


class ArticleEditor(QDialog):
    """Edits an ``ArticleContent``; ``content()`` is the result once accepted."""

    def __init__(self, content: ArticleContent, categories: list[CategoryChoice],
                 parent: QWidget | None = None, staff: list[tuple[str, str]] | None = None,
                 reviewer_id: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit article"))
        self.resize(980, 720)
        self.title = QLineEdit(content.title, self)
        self.summary = QLineEdit(content.summary, self)
        self.category = QComboBox(self)
        self.category.addItem(self.tr("(no category)"), None)
        for choice in categories:
            self.category.addItem(choice.name, choice.id)
        self.category.setCurrentIndex(max(0, self.category.findData(content.category_id)))
        self.tags = QLineEdit(", ".join(content.tags), self)
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. 网络, 专线"))
        self.applies_to = QLineEdit(content.applies_to, self)
        self.applies_to.setPlaceholderText(self.tr("product or system"))
        self.state = QComboBox(self)
        for state in ArticleState:
            self.state.addItem(state_label(state), str(state))
        self.state.setCurrentIndex(self.state.findData(str(content.state)))
        self.reviewer = QComboBox(self)
        self.reviewer.addItem(self.tr("(not reviewed)"), None)
        for staff_id, name in staff or []:
            self.reviewer.addItem(name, staff_id)
        self.reviewer.setCurrentIndex(max(0, self.reviewer.findData(reviewer_id)))
        self.body = QPlainTextEdit(content.body, self)
        self.solution = QPlainTextEdit(content.solution, self)
        self.solution.setMaximumHeight(160)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("what changed (optional)"))
        self.preview = QTextBrowser(self)
        fields = self._fields()
        splitter = QSplitter(self)
        splitter.addWidget(fields)
        splitter.addWidget(self.preview)
        splitter.setSizes([560, 420])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        for edit in (self.body, self.solution):
            edit.textChanged.connect(self._update_preview)
        self._update_preview()

    def _fields(self) -> QWidget:
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("S&ummary:"), self.summary)
        form.addRow(self.tr("&Category:"), self.category)
        form.addRow(self.tr("T&ags:"), self.tags)
        form.addRow(self.tr("A&pplies to:"), self.applies_to)
        form.addRow(self.tr("&State:"), self.state)
        form.addRow(self.tr("&Reviewer:"), self.reviewer)
        form.addRow(self.tr("&Body (Markdown):"), self.body)
        form.addRow(self.tr("S&olution:"), self.solution)
        form.addRow(self.tr("&Note:"), self.note)
        fields = QWidget(self)
        fields.setLayout(form)
        return fields

    def reviewer_id(self) -> str | None:
        value = self.reviewer.currentData()
        return str(value) if value else None

    def content(self) -> ArticleContent:
        return ArticleContent(
            title=self.title.text(), summary=self.summary.text(),
            body=self.body.toPlainText(), solution=self.solution.toPlainText(),
            category_id=self.category.currentData(), tags=tags_from_text(self.tags.text()),
            applies_to=self.applies_to.text(), state=ArticleState(self.state.currentData()))

    @Slot()
    def _update_preview(self) -> None:
        solution = self.solution.toPlainText()
        markdown = self.body.toPlainText()
        if solution:
            heading = self.tr("Solution")
            markdown += f"\n\n## {heading}\n\n{solution}"
        self.preview.setMarkdown(markdown)

    def accept(self) -> None:
        try:
            self.content().validated()
        except InvalidArticle:
            QMessageBox.warning(self, self.tr("Edit article"),
                                self.tr("The article needs a title (at most 200 characters)."))
            return
        super().accept()
