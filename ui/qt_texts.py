"""Texts of Qt's own dialogs that Qt's Chinese catalogue (qtbase_zh_CN) lacks in the Qt
release the desk ships with: the file dialog's "&Look in:" and "Files of &type:" stayed in
English inside the Chinese desk. Listed here so lupdate puts them, under Qt's own context,
into Seatdesk's catalogue, which Qt consults when its own has no entry. Never imported."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&File name:"),
)
