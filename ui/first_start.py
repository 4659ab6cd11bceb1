"""The question asked on the first start of a new data folder."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

DEMO, EMPTY, SERVER = "demo", "empty", "server"


def ask_how_to_start(folder: str, parent: QWidget | None = None) -> str:
    """``DEMO``, ``EMPTY`` (standalone) or ``SERVER`` (the desk's data comes from a sync
    server: the folder stays empty until the first sync)."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("FirstStart", "Welcome to Seatdesk"))
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(QCoreApplication.translate(
        "FirstStart", "This data folder is new:\n%1").replace("%1", folder))
    box.setInformativeText(QCoreApplication.translate(
        "FirstStart",
        "Fill it with a demo desk (staff, requesters and about 3000 tickets) to try "
        "Seatdesk, start with an empty desk that only has the ticket categories, or connect "
        "to your service desk's sync server?"))
    demo = box.addButton(QCoreApplication.translate("FirstStart", "Demo desk"),
                         QMessageBox.ButtonRole.AcceptRole)
    empty = box.addButton(QCoreApplication.translate("FirstStart", "Empty desk"),
                          QMessageBox.ButtonRole.RejectRole)
    server = box.addButton(QCoreApplication.translate("FirstStart", "Connect to a server…"),
                           QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(demo)
    box.exec()
    return {id(demo): DEMO, id(empty): EMPTY, id(server): SERVER}.get(
        id(box.clickedButton()), EMPTY)
