"""Where file dialogs open and how the desk says where it wrote a file.

File dialogs start in the seat's Documents folder (not the program's folder, where a seat
would never look for an export), and every export ends by saying where it went.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget


def documents_folder() -> str:
    """The seat's Documents folder, or home where the platform names none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found if found and Path(found).is_dir() else str(Path.home())


def in_documents(name: str) -> str:
    """A suggested file name inside the Documents folder, for a save dialog."""
    return str(Path(documents_folder()) / name)


def tell_written(parent: QWidget | None, where: Path | str, count: int = 1) -> QMessageBox:
    """Confirm where an export was written (non-blocking; returned for tests)."""
    text = (QCoreApplication.translate("Export", "Written to %1").replace("%1", str(where))
            if count == 1 else
            QCoreApplication.translate("Export", "%2 files written to %1")
            .replace("%1", str(where)).replace("%2", str(count)))
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("Export", "Exported"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("export_done")
    box.open()
    return box
