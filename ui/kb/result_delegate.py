"""Draws a search hit: highlighted title, highlighted snippet, a line of facts."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.kb.search import SearchHit
from ui.kb.highlight import MARK_STYLE, snippet_html
from ui.kb.labels import STATE_COLORS, state_label
from ui.kb.results_model import HIT_ROLE

Index = QModelIndex | QPersistentModelIndex
PADDING = 6


def hit_html(hit: SearchHit, compact: bool = False, selected: bool = False) -> str:
    """The rich text of one hit; ``compact`` leaves out the facts line (side panels);
    ``selected`` drops the colours that would not read on the selection's background."""
    state = escape(state_label(hit.state))
    if not selected:
        state = f'<span style="color:{STATE_COLORS[hit.state]}">{state}</span>'
    tags = ", ".join(f'<span style="{MARK_STYLE}">{escape(tag)}</span>'
                     if tag in hit.matched_tags else escape(tag) for tag in hit.tags)
    facts = " · ".join(part for part in (escape(hit.category_name), state, tags) if part)
    html = f"<b>{snippet_html(hit.title)}</b><br/>{snippet_html(hit.snippet)}"
    if not compact:
        html += f"<br/>{facts}" if selected else f'<br/><span style="color:#6b7280">{facts}</span>'
    return html


class SearchHitDelegate(QStyledItemDelegate):
    """Rich-text rendering of ``SearchResultModel`` rows."""

    def __init__(self, parent: object = None, compact: bool = False) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._compact = compact

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument | None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return None
        document = QTextDocument()
        document.setDefaultFont(option.font)  # type: ignore[attr-defined]
        document.setDocumentMargin(0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        document.setHtml(hit_html(hit, self._compact, selected))
        width = option.rect.width() if option.rect.width() > 0 else 480  # type: ignore[attr-defined]
        document.setTextWidth(max(100, width - 2 * PADDING))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        if document is None:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None  # type: ignore[attr-defined]
        option.text = ""  # type: ignore[attr-defined]
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)  # type: ignore[attr-defined]
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            context.palette.setColor(
                QPalette.ColorRole.Text,
                option.palette.color(QPalette.ColorRole.HighlightedText))  # type: ignore[attr-defined]
        painter.save()
        rect = option.rect  # type: ignore[attr-defined]
        painter.translate(rect.left() + PADDING, rect.top() + PADDING)
        painter.setClipRect(0, 0, rect.width() - PADDING, rect.height() - PADDING)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        document = self._document(option, index)
        if document is None:
            return super().sizeHint(option, index)
        height = int(document.size().height()) + 2 * PADDING
        return QSize(int(document.idealWidth()), height)


def configure_view_for_hits(view: object) -> None:
    """Settings a list view needs to show hits of varying height."""
    from PySide6.QtWidgets import QAbstractItemView, QListView

    assert isinstance(view, QListView)
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
