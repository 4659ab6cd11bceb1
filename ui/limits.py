"""Fields that stop taking input at the length the desk accepts (app/domain/validation.py),
instead of refusing a long text only when it is saved.

``QLineEdit.setMaxLength`` does this for one line; a ``QPlainTextEdit`` has no such limit, so
``limit_text`` cuts whatever is typed or pasted past the limit from the end of what was just
inserted (the cursor's side), keeping the rest of the text and the undo history.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit


def limit_line(edit: QLineEdit, maximum: int) -> None:
    """``edit`` takes at most ``maximum`` characters."""
    edit.setMaxLength(maximum)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class TextLimit(QObject):
    """Keeps a ``QPlainTextEdit`` to ``maximum`` characters (see the module's docstring)."""

    def __init__(self, edit: QPlainTextEdit, maximum: int) -> None:
        super().__init__(edit)
        self._edit = edit
        self.maximum = maximum
        self._cutting = False
        edit.textChanged.connect(self._cut)

    @Slot()
    def _cut(self) -> None:
        if self._cutting:
            return
        text = self._edit.toPlainText()
        excess = len(text) - self.maximum
        if excess <= 0:
            return
        cursor = self._edit.textCursor()
        # Qt counts positions in UTF-16 units; the limit counts characters, as the desk does.
        end = len(text.encode("utf-16-le")[:2 * cursor.position()].decode(
            "utf-16-le", errors="ignore"))
        start = end - excess
        if start < 0:  # the cursor is not after the inserted text (setPlainText): cut the end
            start, end = self.maximum, len(text)
        first = _utf16_length(text[:start])
        cut = QTextCursor(self._edit.document())
        cut.setPosition(first)
        cut.setPosition(first + _utf16_length(text[start:end]),
                        QTextCursor.MoveMode.KeepAnchor)
        self._cutting = True
        try:
            cut.joinPreviousEditBlock()  # one undo takes back the insertion and the cut
            cut.removeSelectedText()
            cut.endEditBlock()
        finally:
            self._cutting = False


def limit_text(edit: QPlainTextEdit, maximum: int) -> TextLimit:
    """``edit`` takes at most ``maximum`` characters."""
    return TextLimit(edit, maximum)
