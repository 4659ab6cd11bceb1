"""An article's versions: pick one, see what changed since the one before, restore it.

Signals:
    restore_requested(str): the seat wants this version back; the version's id.
"""

from __future__ import annotations

from datetime import UTC, tzinfo
from html import escape

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.kb.article import ArticleVersion
from app.kb.versions import diff_versions

_LINE_COLORS = {"+": "#e6ffec", "-": "#ffebe9", "@": "#ddf4ff"}


def diff_html(lines: list[str]) -> str:
    """Unified-diff lines as coloured HTML."""
    rows = []
    for line in lines:
        color = _LINE_COLORS.get(line[:1], "transparent")
        rows.append(f'<div style="background-color:{color};white-space:pre-wrap">'
                    f"{escape(line) or '&nbsp;'}</div>")
    return f'<div style="font-family:monospace">{"".join(rows)}</div>'


class VersionHistory(QDialog):
    restore_requested = Signal(str)

    def __init__(self, versions: list[ArticleVersion], parent: QWidget | None = None,
                 zone: tzinfo = UTC) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Article history"))
        self.resize(900, 600)
        self._versions = versions  # newest first
        self.list = QListWidget(self)
        for version in versions:
            when = version.at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            label = (self.tr("Version %1 · %2 · %3").replace("%1", str(version.number))
                     .replace("%2", when).replace("%3", version.editor_name))
            if version.note:
                label += f"\n{version.note}"
            self.list.addItem(label)
        self.diff = QTextBrowser(self)
        self.restore = QPushButton(self.tr("&Restore this version"), self)
        self.restore.clicked.connect(self._restore)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.diff)
        splitter.setSizes([260, 640])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        if versions:
            self.list.setCurrentRow(0)

    @Slot(int)
    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._versions):
            return
        version = self._versions[row]
        # The newest version cannot be restored: it is the current one.
        self.restore.setEnabled(row > 0)
        if row + 1 < len(self._versions):
            before = self._versions[row + 1]
            lines = diff_versions(before.content, version.content, f"v{before.number}",
                                  f"v{version.number}")
            self.diff.setHtml(diff_html(lines) if lines else escape(self.tr("No changes.")))
        else:
            self.diff.setHtml(escape(self.tr("First version.")))

    @Slot()
    def _restore(self) -> None:
        row = self.list.currentRow()
        if 0 < row < len(self._versions):
            self.restore_requested.emit(self._versions[row].id)
            self.accept()
