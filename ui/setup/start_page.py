"""The walk-through's first page: how this desk starts.

Set up a new service desk here (its administrator goes on to the desk's name and their
account), join the service desk's sync server, or try the demo desk. The demo is chosen
unless the administrator picks another way, so Enter on a new folder still opens a demo
desk, as the first start always did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from ui.setup.wizard import DEMO, LOCAL, SERVER, PageId

if TYPE_CHECKING:
    from ui.setup.wizard import SetupWizard


class StartPage(QWizardPage):
    def __init__(self, folder: str, parent: SetupWizard) -> None:
        super().__init__(parent)
        self.setObjectName("setup_start")
        self._setup, self._folder = parent, folder
        self.group = QButtonGroup(self)
        self.local = QRadioButton(self)
        self.local.setObjectName("choose_local")
        self.server = QRadioButton(self)
        self.server.setObjectName("choose_server")
        self.demo = QRadioButton(self)
        self.demo.setObjectName("choose_demo")
        self.explanations: dict[QRadioButton, QLabel] = {}
        layout = QVBoxLayout(self)
        for button in (self.local, self.server, self.demo):
            self.group.addButton(button)
            explanation = QLabel(self)
            explanation.setWordWrap(True)
            explanation.setIndent(24)
            explanation.setStyleSheet("color: #546e7a")
            explanation.setBuddy(button)
            self.explanations[button] = explanation
            layout.addWidget(button)
            layout.addWidget(explanation)
            layout.addSpacing(10)
        layout.addStretch(1)
        self.demo.setChecked(True)
        self.group.buttonToggled.connect(self._chosen)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Seatdesk"))
        self.setSubTitle(self.tr("This data folder is new: %1. How should this desk start?")
                         .replace("%1", self._folder))
        self.local.setText(self.tr("&Set up a new service desk"))
        self.server.setText(self.tr("&Join your service desk's sync server"))
        self.demo.setText(self.tr("Try the &demo desk"))
        texts = {
            self.local: self.tr(
                "You are its administrator: name the desk, choose its time zone and make "
                "your account. Staff, accounts and the catalog are then added under "
                "Administration."),
            self.server: self.tr(
                "Sign in with the account your administrator gave you: the desk fetches "
                "everything from the server and keeps working when the network is down."),
            self.demo: self.tr(
                "Made-up staff, requesters and about 3000 tickets, to try Seatdesk. Not for "
                "real work: start a new data folder for that."),
        }
        for button, text in texts.items():
            self.explanations[button].setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def choice(self) -> str:
        if self.local.isChecked():
            return LOCAL
        return SERVER if self.server.isChecked() else DEMO

    @Slot()
    def _chosen(self) -> None:
        # Next or Finish, as the choice leads on or not. QWizard asks whether the current
        # page is the last only when it shows it, or when the page says so (setFinalPage).
        self.setFinalPage(self.choice() == DEMO)

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        return {LOCAL: PageId.DESK, SERVER: PageId.SERVER}.get(self.choice(), -1)

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        if self.choice() == DEMO:
            self._setup.settle(DEMO)
        return True
