"""The first-start walk-through: its pages in order, the language beside them, its outcome.

Page order: the start page (how the desk starts) leads to the desk page and the
administrator page (set up locally), or to the server page (join); choosing the demo desk
makes the start page the last. Whoever finishes it leaves ``outcome`` set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from app.domain.clock import Clock
from app.identity.seat import SignedIn
from app.paths import DataDir
from app.settings import LANGUAGES, SettingsFile
from ui.icons import badge

if TYPE_CHECKING:
    from app.sync.tokens import TokenVault

DEMO, LOCAL, SERVER = "demo", "local", "server"
# Each language named in itself: whoever cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}


class PageId(IntEnum):
    START = 0
    DESK = 1
    ADMIN = 2
    SERVER = 3


@dataclass(frozen=True)
class SetupResult:
    """How the desk starts (``DEMO``, ``LOCAL`` or ``SERVER``), in which language, and who
    is signed in (None for the demo desk: its seats sign in at the prompt)."""

    choice: str
    language: str
    signed_in: SignedIn | None = None


def _default_vault() -> TokenVault:
    from app.sync.tokens import KeyringVault

    return KeyringVault()


class SetupWizard(QWizard):
    """The walk-through (see the package docstring). ``vault`` keeps the server's token
    when the desk joins one (the OS keyring unless a test hands another)."""

    def __init__(self, data: DataDir, settings: SettingsFile, clock: Clock, language: str, *,
                 choose: bool = True, vault: Callable[[], TokenVault] = _default_vault,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.setup.admin_page import AdminPage
        from ui.setup.desk_page import DeskPage
        from ui.setup.server_page import ServerPage
        from ui.setup.start_page import StartPage

        self.setObjectName("setup")
        self.data, self.settings, self.clock, self.vault = data, settings, clock, vault
        self.language = language
        self.outcome: SetupResult | None = None
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.start_page = StartPage(str(data.root), self)
        self.desk_page = DeskPage(self)
        self.admin_page = AdminPage(self)
        self.server_page = ServerPage(self)
        for page_id, page in ((PageId.START, self.start_page), (PageId.DESK, self.desk_page),
                              (PageId.ADMIN, self.admin_page),
                              (PageId.SERVER, self.server_page)):
            self.setPage(page_id, page)
        self.setStartId(PageId.START if choose else PageId.DESK)
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("language")
        for code in LANGUAGES:
            self.language_box.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.language_box.currentIndexChanged.connect(self._language_chosen)
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language_box)
        self.setSideWidget(self._side())
        self.resize(780, 540)
        self.retranslate()

    def _side(self) -> QWidget:
        side = QWidget(self)
        side.setObjectName("setup_side")
        side.setMinimumWidth(170)
        logo = QLabel(side)
        logo.setPixmap(badge("#1565c0", "S", 48).pixmap(48, 48))
        name = QLabel("<b style='font-size:15pt'>Seatdesk</b>", side)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(12, 16, 12, 12)
        layout.addWidget(logo)
        layout.addWidget(name)
        layout.addStretch(1)
        layout.addWidget(self.language_label)
        layout.addWidget(self.language_box)
        return side

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up Seatdesk"))
        # QWizard words its buttons when it shows a page, not at a change of language: Qt's
        # own texts (the ClassicStyle ones), which Qt's translations carry.
        for button, text in ((QWizard.WizardButton.BackButton, "< &Back"),
                             (QWizard.WizardButton.NextButton, "&Next >"),
                             (QWizard.WizardButton.FinishButton, "&Finish"),
                             (QWizard.WizardButton.CancelButton, "Cancel")):
            self.setButtonText(button, QCoreApplication.translate("QWizard", text))
        # In both languages, whichever is shown: whoever cannot read it still finds this.
        self.language_label.setText("语言 / &Language")
        self.language_box.setToolTip(self.tr("The language of this desk's windows; each "
                                             "seat may change it later in the View menu."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(int)
    def _language_chosen(self, _index: int) -> None:
        """Apply the chosen language to the walk-through at once (every page retranslates
        itself on the LanguageChange event); the desk opens in it."""
        from ui.i18n import switch_language

        language = str(self.language_box.currentData())
        if language == self.language:
            return
        self.language = language
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            switch_language(app, language)

    def settle(self, choice: str, signed_in: SignedIn | None = None, **settings: object) -> None:
        """The walk-through is done: remember the language (and any other local settings
        the path chose) and what to open."""
        if signed_in is not None:  # the next start's prompt offers their login
            settings["last_login"] = signed_in.login
        self.settings.update(language=self.language, **settings)
        self.outcome = SetupResult(choice, self.language, signed_in)

    def busy(self, busy: bool) -> None:
        """While a page works (joining a server), nothing else can be pressed but Cancel."""
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton,
                       QWizard.WizardButton.NextButton):
            self.button(button).setEnabled(not busy)
        self.language_box.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)
