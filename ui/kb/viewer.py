"""Shows one article: facts, usage figures, the Markdown rendered by Qt, images from the
desk's local store.

Signals:
    edit_requested(str): the seat wants to edit the shown article; its id.
    history_requested(str): the seat wants the article's versions; its id.
    solved_requested(str): the seat says the article solved the problem; its id.
"""

from __future__ import annotations

from datetime import UTC, tzinfo
from html import escape
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.kb.article import Article, Usage
from ui.kb.labels import STATE_COLORS, state_label


def article_markdown(article: Article, solution_heading: str) -> str:
    """The Markdown the viewer renders: summary, body, then the solution section."""
    content = article.content
    parts = [f"# {content.title}"]
    if content.summary:
        parts.append(f"*{content.summary}*")
    if content.body:
        parts.append(content.body)
    if content.solution:
        parts.append(f"## {solution_heading}\n\n{content.solution}")
    return "\n\n".join(parts)


class ArticleView(QWidget):
    edit_requested = Signal(str)
    history_requested = Signal(str)
    solved_requested = Signal(str)

    def __init__(self, images: Path, parent: QWidget | None = None,
                 zone: tzinfo = UTC) -> None:
        super().__init__(parent)
        self._zone = zone
        self._article: Article | None = None
        self.facts = QLabel(self)
        self.facts.setObjectName("facts")
        self.facts.setWordWrap(True)
        self.usage = QLabel(self)
        self.usage.setObjectName("usage")
        self.usage.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        # Relative image links in articles resolve to the desk's own image folder.
        self.browser.setSearchPaths([str(images)])
        self._edit = QPushButton(self.tr("&Edit…"), self)
        self._history = QPushButton(self.tr("&History…"), self)
        self._solved = QPushButton(self.tr("This &solved it"), self)
        self._edit.clicked.connect(lambda: self._emit(self.edit_requested))
        self._history.clicked.connect(lambda: self._emit(self.history_requested))
        self._solved.clicked.connect(lambda: self._emit(self.solved_requested))
        buttons = QHBoxLayout()
        buttons.addWidget(self.usage, 1)
        for button in (self._solved, self._history, self._edit):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.facts)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self.show_article(None, Usage())

    def article_id(self) -> str | None:
        return None if self._article is None else self._article.id

    def show_article(self, article: Article | None, usage: Usage) -> None:
        self._article = article
        for button in (self._edit, self._history, self._solved):
            button.setEnabled(article is not None)
        if article is None:
            self.facts.setText("")
            self.usage.setText("")
            hint = escape(self.tr("Choose an article to read it."))
            self.browser.setHtml(f"<p style='color:#6b7280'>{hint}</p>")
            return
        content = article.content
        facts = [
            f'<span style="color:{STATE_COLORS[content.state]}">'
            f"{escape(state_label(content.state))}</span>",
            escape(article.category_name) if article.category_name else "",
            escape(self.tr("Tags: %1").replace("%1", ", ".join(content.tags)))
            if content.tags else "",
            escape(self.tr("Applies to: %1").replace("%1", content.applies_to))
            if content.applies_to else "",
            escape(self.tr("Version %1, %2").replace("%1", str(article.revision)).replace(
                "%2", article.updated_at.astimezone(self._zone).strftime("%Y-%m-%d"))),
            escape(self.tr("Author: %1").replace("%1", article.author_name))
            if article.author_name else "",
            escape(self.tr("Reviewer: %1").replace("%1", article.reviewer_name))
            if article.reviewer_name else "",
        ]
        self.facts.setText(" · ".join(part for part in facts if part))
        self.set_usage(usage)
        self.browser.setMarkdown(article_markdown(article, self.tr("Solution")))

    @Slot(object)
    def set_usage(self, usage: Usage) -> None:
        self.usage.setToolTip(", ".join(usage.ticket_numbers))
        self.usage.setText(
            self.tr("Views: %1 · Linked tickets: %2 · \"Solved it\" votes: %3")
            .replace("%1", str(usage.views)).replace("%2", str(usage.linked_tickets))
            .replace("%3", str(usage.solved_votes)))

    def _emit(self, signal: Signal) -> None:  # type: ignore[type-arg]
        if self._article is not None:
            signal.emit(self._article.id)  # type: ignore[attr-defined]
