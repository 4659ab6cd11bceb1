"""The administration page's alerts tab on a desk connected to the real server (issue 19):
an administrator adds a source (its token shown once and accepted by the webhook), and
saves rules the server then applies; a desk not connected says alerts need the server."""

from __future__ import annotations

import pytest
import requests
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from app.channels import client as channels
from app.identity.seat import SignedIn
from tests.sync.conftest import ADMIN, PASSWORD, RunningServer
from tests.sync.test_account_admin import signed_in
from tests.sync.test_sync_ui import fresh_desk
from tests.ui.conftest import shown_page
from ui.admin import AdministrationPage
from ui.admin.alerts_tab import AlertsTab
from ui.desk import Desk
from ui.status import Connection
from ui.sync.connect import ConnectDialog

__all__ = ["fresh_desk"]


def alerts_tab(desk: Desk) -> AlertsTab:
    """The tab as the administration page shows it to the seat signed in now."""
    page = shown_page(desk, "admin", AdministrationPage)
    found = page.tab("alerts")
    assert isinstance(found, AlertsTab)
    page.setCurrentWidget(found)
    return found


def test_a_desk_not_connected_says_alerts_need_the_server(qtbot: QtBot,
                                                         fresh_desk: Desk) -> None:
    tab = AlertsTab(fresh_desk.context)
    qtbot.addWidget(tab)
    assert "connect this desk first" in tab.message.text()
    assert not tab.add_source.isEnabled() and not tab.save_rules.isEnabled()


def test_an_administrator_adds_a_source_and_saves_rules(
        qtbot: QtBot, fresh_desk: Desk, server: RunningServer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    desk = fresh_desk
    desk.sync.show_connect()
    dialog = desk.window.findChild(ConnectDialog)
    assert dialog is not None
    dialog.url.setText(server.url)
    dialog.login.setText(ADMIN)
    dialog.password.setText(PASSWORD)
    dialog.sign_in()
    qtbot.waitUntil(lambda: desk.window.connection.state == Connection.ONLINE,
                    timeout=30_000)
    desk.context.switch_seat(SignedIn(ADMIN, server.staff_id(ADMIN), None, "Admin", "admin"))
    tab = alerts_tab(desk)
    tab.refresh()
    qtbot.waitUntil(tab.add_source.isEnabled, timeout=10_000)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Prometheus", True))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: ("alertmanager", True))
    tab.add_source.click()
    qtbot.waitUntil(lambda: tab.source_table.rowCount() == 1, timeout=10_000)
    assert tab.source_table.item(0, 0).text() == "Prometheus"
    token = tab.token_shown
    accepted = requests.post(f"{server.url}/v1/alerts/alertmanager", timeout=10,
                             headers={"Authorization": f"Bearer {token}"},
                             json={"alerts": [{"status": "firing",
                                               "labels": {"alertname": "DiskFull"}}]})
    assert accepted.status_code == 200 and accepted.json()["opened"] == 1
    tab.add_rule.click()
    tab.rule_table.item(0, 1).setText("warning")
    tab.rule_table.item(0, 3).setText("storage")
    tab.rule_table.item(0, 6).setText("Prometheus")
    tab.save_rules.click()
    qtbot.waitUntil(lambda: tab.message.text() == "Rules saved on the server.",
                    timeout=10_000)
    admin = signed_in(server, ADMIN)
    [rule] = channels.read_rules(admin)
    assert (rule.label, rule.pattern, rule.category_code, rule.source_id) == (
        "severity", "warning", "storage", tab.sources[0].id)
