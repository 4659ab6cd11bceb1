"""The question asked on the first start of a new data folder."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_for_demo(folder: str, parent: QWidget | None = None) -> bool:
    """True if the seat wants demo data in the new folder, False for an empty desk."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("FirstStart", "Welcome to Seatdesk"))
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(QCoreApplication.translate(
        "FirstStart", "This data folder is new:\n%1").replace("%1", folder))
    box.setInformativeText(QCoreApplication.translate(
        "FirstStart",
        "Fill it with a demo desk (staff, requesters and about 3000 tickets) to try "
        "Seatdesk, or start with an empty desk that only has the ticket categories?"))
    demo = box.addButton(QCoreApplication.translate("FirstStart", "Demo desk"),
                         QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("FirstStart", "Empty desk"),
                  QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(demo)
    box.exec()
    return box.clickedButton() is demo
