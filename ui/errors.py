"""Translated messages for failures the seat must understand (never a traceback)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox


def startup_error_text(kind: str, where: str, detail: str) -> str:
    if kind == "too_new":
        return QCoreApplication.translate("StartupError",
                 "The database %1 was written by a newer version of Seatdesk (schema %2). "
                 "Update Seatdesk to open it; nothing in it was changed.") \
            .replace("%1", where).replace("%2", detail)
    return QCoreApplication.translate(
        "StartupError", "Seatdesk cannot use its data folder %1: %2") \
        .replace("%1", where).replace("%2", detail)


def show_startup_error(kind: str, where: str, detail: str) -> None:
    """Tell the seat why the desk cannot start: a dialog, and stderr for scripts and logs."""
    text = startup_error_text(kind, where, detail)
    print(text, file=sys.stderr)
    if QApplication.platformName() != "offscreen":
        QMessageBox.critical(None, QCoreApplication.translate("StartupError", "Seatdesk"), text)
