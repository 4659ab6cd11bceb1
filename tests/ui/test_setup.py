"""The first-start walk-through, driven with clicks and keys: the three ways a desk starts,
the refusals said on the page with nothing written, and the language applied at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget, QWizard
from pytestqt.qtbot import QtBot

from app.desk_settings import read
from app.domain.clock import ManualClock
from app.paths import DataDir
from app.services.data_folder import needs_administrator, needs_seed, prepare, seed
from app.settings import SettingsFile
from app.sync.tokens import MemoryVault
from tests.conftest import T0
from tests.ui.conftest import activate
from ui.i18n import switch_language
from ui.setup import DEMO, LOCAL, SetupWizard
from ui.setup.wizard import PageId

Button = QWizard.WizardButton


@pytest.fixture
def new_folder(tmp_path: Path) -> DataDir:
    data = DataDir(tmp_path / "desk")
    prepare(data, ManualClock(T0))
    return data


@pytest.fixture
def english() -> Iterator[None]:
    """Whatever a test switches the walk-through to, the next test starts in English."""
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    switch_language(app, "en")


def open_wizard(qtbot: QtBot, data: DataDir, *, choose: bool = True) -> SetupWizard:
    wizard = SetupWizard(data, SettingsFile(data.settings), ManualClock(T0), "en",
                         choose=choose, vault=MemoryVault)
    qtbot.addWidget(wizard)
    activate(qtbot, wizard)
    return wizard


def type_in(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Type ``text``: ASCII key by key, Chinese as an input method commits what the
    person picked (QTest types ASCII only)."""
    if text.isascii():
        qtbot.keyClicks(field, text)
        return
    field.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def choose(qtbot: QtBot, way: QRadioButton) -> None:
    """Click a way to start on its circle (a radio button takes clicks on its text and
    circle only, not on the row's empty rest)."""
    qtbot.mouseClick(way, Qt.MouseButton.LeftButton, pos=QPoint(8, way.height() // 2))
    assert way.isChecked()


def click(qtbot: QtBot, wizard: SetupWizard, button: Button) -> None:
    assert wizard.button(button).isVisible() and wizard.button(button).isEnabled()
    qtbot.mouseClick(wizard.button(button), Qt.MouseButton.LeftButton)


def fill_administrator(qtbot: QtBot, wizard: SetupWizard, password: str,
                       again: str) -> None:
    page = wizard.admin_page
    for field, text in ((page.full_name, "王敏"), (page.login, "wangmin"),
                        (page.password, password), (page.again, again),
                        (page.phone, "13800138000")):
        field.clear()
        type_in(qtbot, field, text)


# The time zone's completer pops up a list as a zone is typed; offscreen cannot grab keys.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_setting_up_locally_ends_signed_in_as_the_new_administrator(
        qtbot: QtBot, new_folder: DataDir) -> None:
    wizard = open_wizard(qtbot, new_folder)
    # The demo is chosen until the administrator picks another way: Finish, no Next.
    assert wizard.button(Button.FinishButton).isVisible()
    assert not wizard.button(Button.NextButton).isVisible()
    choose(qtbot, wizard.start_page.local)
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentId() == PageId.DESK
    assert not wizard.button(Button.NextButton).isEnabled()  # a desk needs a name
    type_in(qtbot, wizard.desk_page.desk_name, "市政务云服务台")
    assert wizard.desk_page.time_zone.currentText() == "Asia/Shanghai"
    assert wizard.desk_page.offset.text() == "Now UTC+08:00"
    wizard.desk_page.time_zone.setFocus()
    wizard.desk_page.time_zone.lineEdit().selectAll()
    qtbot.keyClicks(wizard.desk_page.time_zone, "Asia/Urumqi")
    assert wizard.desk_page.offset.text() == "Now UTC+06:00"
    qtbot.keyClick(wizard.desk_page.desk_name, Qt.Key.Key_Return)  # Next
    assert wizard.currentId() == PageId.ADMIN
    fill_administrator(qtbot, wizard, "a long password", "a long password")
    click(qtbot, wizard, Button.FinishButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    outcome = wizard.outcome
    assert outcome is not None and outcome.choice == LOCAL and outcome.signed_in is not None
    assert (outcome.signed_in.login, outcome.signed_in.role) == ("wangmin", "admin")
    assert not needs_seed(new_folder) and not needs_administrator(new_folder)
    with closing(sqlite3.connect(new_folder.database)) as conn:
        settings = read(conn)
        phone = conn.execute("SELECT phone FROM staff WHERE login = 'wangmin'").fetchone()
    assert (settings.desk_name, settings.time_zone) == ("市政务云服务台", "Asia/Urumqi")
    assert phone == ("13800138000",)
    assert SettingsFile(new_folder.settings).settings.language == "en"


def test_a_refusal_is_said_on_the_page_and_nothing_is_written(
        qtbot: QtBot, new_folder: DataDir) -> None:
    wizard = open_wizard(qtbot, new_folder, choose=False)  # as after --no-demo
    assert wizard.currentId() == PageId.DESK
    type_in(qtbot, wizard.desk_page.desk_name, "服务台")
    click(qtbot, wizard, Button.NextButton)
    assert not wizard.button(Button.FinishButton).isEnabled()  # nothing typed yet
    fill_administrator(qtbot, wizard, "a long password", "a long passwort")
    click(qtbot, wizard, Button.FinishButton)
    page = wizard.admin_page
    assert page.message.text() == "The two passwords differ: type the same password twice."
    assert page.password.text() == "" and page.again.text() == ""
    assert wizard.isVisible() and wizard.outcome is None
    assert needs_seed(new_folder) and needs_administrator(new_folder)
    fill_administrator(qtbot, wizard, "short", "short")
    click(qtbot, wizard, Button.FinishButton)
    assert page.message.text() == "A password needs at least 8 characters."
    page.phone.setText("12")
    fill_administrator(qtbot, wizard, "a long password", "a long password")
    page.phone.setText("12")
    click(qtbot, wizard, Button.FinishButton)
    assert "not a valid phone number" in page.message.text()
    assert page.phone.hasFocus()
    assert needs_seed(new_folder)


def test_a_desk_with_its_catalog_but_no_account_gets_its_administrator(
        qtbot: QtBot, new_folder: DataDir) -> None:
    """--no-demo seeds the catalog; the walk-through then only makes the administrator."""
    seed(new_folder, ManualClock(T0), None)
    wizard = open_wizard(qtbot, new_folder, choose=False)
    type_in(qtbot, wizard.desk_page.desk_name, "服务台")
    click(qtbot, wizard, Button.NextButton)
    # Back leads nowhere before the desk page: the way was chosen with --no-demo.
    click(qtbot, wizard, Button.BackButton)
    assert wizard.currentId() == PageId.DESK
    assert not wizard.button(Button.BackButton).isVisible()
    click(qtbot, wizard, Button.NextButton)
    fill_administrator(qtbot, wizard, "a long password", "a long password")
    click(qtbot, wizard, Button.FinishButton)
    assert wizard.outcome is not None and wizard.outcome.signed_in is not None
    assert not needs_administrator(new_folder)


def test_the_demo_desk_is_one_click_and_writes_nothing_itself(
        qtbot: QtBot, new_folder: DataDir) -> None:
    wizard = open_wizard(qtbot, new_folder)
    choose(qtbot, wizard.start_page.server)
    assert wizard.button(Button.NextButton).isVisible()
    assert not wizard.button(Button.FinishButton).isVisible()
    choose(qtbot, wizard.start_page.demo)
    qtbot.keyClick(wizard.start_page.demo, Qt.Key.Key_Return)  # Finish
    assert wizard.outcome is not None
    assert (wizard.outcome.choice, wizard.outcome.signed_in) == (DEMO, None)
    assert needs_seed(new_folder)  # ui/launch.py writes the demo desk after the walk-through


def test_choosing_the_language_applies_it_to_the_walk_through_at_once(
        qtbot: QtBot, new_folder: DataDir, english: None) -> None:
    wizard = open_wizard(qtbot, new_folder)
    choose(qtbot, wizard.start_page.server)
    click(qtbot, wizard, Button.NextButton)
    assert wizard.server_page.labels[0].text() == "Server address"
    wizard.language_box.setCurrentIndex(wizard.language_box.findData("zh_CN"))
    # Qt's own buttons and the texts the page shares with the connect dialog are
    # translated already; the page's own follow as soon as the .ts file has them.
    zh_address = QCoreApplication.translate("ConnectDialog", "Server address")
    assert zh_address != "Server address"
    qtbot.waitUntil(lambda: wizard.server_page.labels[0].text() == zh_address)
    assert wizard.button(Button.BackButton).text() != "< &Back"
    assert wizard.language_label.text() == "语言 / &Language"
    wizard.server_page.url.setText("https://x")
    wizard.server_page.login.setText("wang")
    wizard.server_page.password.setText("a password")
    click(qtbot, wizard, Button.BackButton)
    choose(qtbot, wizard.start_page.demo)
    click(qtbot, wizard, Button.FinishButton)
    assert wizard.outcome is not None and wizard.outcome.language == "zh_CN"
    assert SettingsFile(new_folder.settings).settings.language == "zh_CN"


def test_joining_refuses_an_address_that_is_not_one_without_asking_anyone(
        qtbot: QtBot, new_folder: DataDir) -> None:
    wizard = open_wizard(qtbot, new_folder)
    choose(qtbot, wizard.start_page.server)
    click(qtbot, wizard, Button.NextButton)
    page = wizard.server_page
    page.url.clear()
    qtbot.keyClicks(page.url, "seatdesk")
    qtbot.keyClicks(page.login, "wang")
    qtbot.keyClicks(page.password, "a password")
    click(qtbot, wizard, Button.FinishButton)
    assert page.message.text().startswith("Enter the server address")
    assert page.password.text() == "a password" and wizard.outcome is None


def test_joining_an_unreachable_server_says_so_and_lets_the_seat_try_again(
        qtbot: QtBot, new_folder: DataDir) -> None:
    wizard = open_wizard(qtbot, new_folder)
    choose(qtbot, wizard.start_page.server)
    click(qtbot, wizard, Button.NextButton)
    page = wizard.server_page
    page.url.setText("http://127.0.0.1:9")  # discard port: nothing listens
    page.login.setText("wang")
    page.password.setText("a password")
    click(qtbot, wizard, Button.FinishButton)
    qtbot.waitUntil(lambda: "cannot be reached" in page.message.text(), timeout=15_000)
    assert wizard.outcome is None and not page.url.isReadOnly()
    assert wizard.button(Button.BackButton).isEnabled()
    assert SettingsFile(new_folder.settings).settings.server_url == ""


def test_the_desk_asks_for_the_walk_through_only_when_someone_must_answer_it(
        tmp_path: Path) -> None:
    """ui/launch.py: a new folder gets the whole walk-through; --no-demo the catalog and
    then only the administrator; a screenshot never asks (a desk without accounts is
    shown as nobody); a desk joined to a server never (its accounts are the server's)."""
    from app.cli import DeskArgs
    from ui.launch import NEW_DESK, NO_ACCOUNT, _open_data

    def opened(name: str, *, demo: bool | None = None, screenshot: bool = False,
               joins_server: bool = False) -> str | None:
        data = DataDir(tmp_path / name)
        args = DeskArgs(data.root, None, tmp_path / "x.png" if screenshot else None, None,
                        demo)
        return _open_data(data, args, joins_server=joins_server)

    assert opened("new") == NEW_DESK
    assert needs_seed(DataDir(tmp_path / "new"))  # nothing written before the choice
    assert opened("no-demo", demo=False) == NO_ACCOUNT
    assert not needs_seed(DataDir(tmp_path / "no-demo"))
    assert opened("no-demo", demo=False) == NO_ACCOUNT  # asked again until answered
    assert opened("shot", demo=False, screenshot=True) == "ready"
    assert opened("joined", joins_server=True) == "ready"
    assert needs_seed(DataDir(tmp_path / "joined"))  # filled by the first pull
