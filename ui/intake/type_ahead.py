"""A combo box a seat picks from by typing, also when its labels are Chinese.

Qt's own type-ahead compares typed letters with the start of each label, which never
matches a Chinese label from a Latin keyboard. Here each item also answers to its pinyin
initials (网络 to "wl"), its English name and code (on a Chinese desk), and to characters
committed by an input method (数据 finds 数据库与中间件): a key starting with what was
typed first, else a label containing it. Typing within a second refines; the same letter
again moves on to the next item that answers to it.

It also fixes the opened list of a combo with nothing chosen yet: Qt makes the first item
current without showing it, so the first Down went to the second one.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QElapsedTimer, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

from app.domain.pinyin import initials

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 40
PAUSE_MS = 1000


def search_keys(label: str, *others: str) -> str:
    """What an item answers to: its label, the label's pinyin initials and ``others``
    (another language's name, a code), lower case, one per line."""
    keys = [label, initials(label), *others]
    return "\n".join(dict.fromkeys(key.strip().lower() for key in keys if key.strip()))


class TypeAheadCombo(QComboBox):
    """A ``QComboBox`` whose items are found by label, pinyin initials or other names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed = ""
        self._since = QElapsedTimer()
        # Without this the input method never sends a (non-editable) combo what it commits.
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.view().installEventFilter(self)

    def add_choice(self, label: str, value: object, others: Iterable[str] = ()) -> None:
        """Add an item showing ``label`` and holding ``value``, also found by ``others``."""
        self.addItem(label, value)
        self.set_other_names(self.count() - 1, others)

    def set_other_names(self, row: int, others: Iterable[str]) -> None:
        """Let the item at ``row`` also be found by ``others`` (an English name, a code)."""
        self.setItemData(row, search_keys(self.itemText(row), *others), SEARCH_ROLE)

    def find_typed(self, typed: str, after: int) -> int:
        """The row answering to ``typed``, searching from the row after ``after`` round to
        it; -1 if none. A key starting with it wins over a label merely containing it."""
        typed = typed.lower()
        count = self.count()
        rows = [(after + 1 + step) % count for step in range(count)]
        for row in rows:
            if any(key.startswith(typed) for key in self._keys(row)):
                return row
        for row in rows:
            if typed in self.itemText(row).lower():
                return row
        return -1

    def _keys(self, row: int) -> list[str]:
        stored = self.itemData(row, SEARCH_ROLE)
        return str(stored).split("\n") if stored else search_keys(self.itemText(row)).split("\n")

    def _current_row(self) -> int:
        if self.view().isVisible():
            return self.view().currentIndex().row()
        return self.currentIndex()

    def _search(self, text: str) -> bool:
        """Move to the item answering to what has been typed so far (``text`` last)."""
        current = self._current_row()
        refining = self._since.isValid() and self._since.elapsed() < PAUSE_MS
        self._since.start()
        typed = self._typed + text if refining else text
        if len(typed) > 1 and typed == typed[0] * len(typed):
            typed, after = text, current  # "www": the next item answering to "w"
        elif refining:
            after = current - 1  # the current item may still be the best
        else:
            after = current
        row = self.find_typed(typed, after)
        if row < 0 and refining:  # nothing answers to the longer text: a new search
            typed = text
            row = self.find_typed(typed, current)
        self._typed = typed
        if row < 0:
            return False
        if self.view().isVisible():
            self.view().setCurrentIndex(self.model().index(row, self.modelColumn()))
        else:
            self.setCurrentIndex(row)
        return True

    @staticmethod
    def _is_typing(event: QKeyEvent) -> bool:
        text = event.text()
        modifiers = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                          | Qt.KeyboardModifier.KeypadModifier)
        return bool(text) and text.isprintable() and not text.isspace() \
            and modifiers == Qt.KeyboardModifier.NoModifier

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if self._is_typing(event):
            self._search(event.text())
            event.accept()
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802
        if event.commitString():
            self._since.invalidate()  # a committed word is a search of its own
            self._search(event.commitString())
        event.accept()

    def showPopup(self) -> None:  # noqa: N802 (Qt override)
        super().showPopup()
        if self.currentIndex() < 0:
            # Nothing chosen: nothing current in the list either, so Down starts at the top.
            self.view().selectionModel().clearSelection()
            self.view().setCurrentIndex(QModelIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view() and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and not self.view().currentIndex().isValid() \
                    and self.count():
                self.view().setCurrentIndex(self.model().index(0, self.modelColumn()))
                return True
            if self._is_typing(event):
                self._search(event.text())
                return True
        return super().eventFilter(watched, event)
