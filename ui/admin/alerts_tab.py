"""Monitoring alert sources and rules (issue 19), kept on the sync server: the
administrator adds a source (its token is shown once), replaces a token, stops a source,
and edits the rules that map alerts to tickets (first match wins; docs/channels.md).

Every call goes to the server off the GUI thread; a desk that is not connected says that
alerts need the server.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Capability
from ui import background
from ui.context import DeskContext
from ui.server_refusals import refusal_text

if TYPE_CHECKING:
    from app.channels.client import AlertRule, AlertSource
    from app.sync.client import ServerClient

KINDS = ("alertmanager", "zabbix", "pbx")
RULE_COLUMNS = 7  # label, pattern, type, category, level, resolve, source


class AlertsTab(QWidget):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._client: ServerClient | None = None
        self.sources: list[AlertSource] = []
        self.message = QLabel(self, objectName="message")
        self.message.setWordWrap(True)
        self.source_table = QTableWidget(0, 4, self, objectName="sources")
        self.source_table.setHorizontalHeaderLabels(
            [self.tr("Source"), self.tr("Kind"), self.tr("Active"),
             self.tr("Storm: tickets within seconds")])
        self.source_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.source_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_source = QPushButton(self.tr("Add source…"), self, objectName="add_source")
        self.new_token = QPushButton(self.tr("New token"), self, objectName="new_token")
        self.toggle = QPushButton(self.tr("Stop or resume"), self, objectName="toggle")
        self.rule_table = QTableWidget(0, RULE_COLUMNS, self, objectName="rules")
        self.rule_table.setHorizontalHeaderLabels(
            [self.tr("Label"), self.tr("Value pattern"), self.tr("Type code"),
             self.tr("Category code"), self.tr("Level"), self.tr("Resolves"),
             self.tr("Only from source")])
        self.add_rule = QPushButton(self.tr("Add rule"), self, objectName="add_rule")
        self.remove_rule = QPushButton(self.tr("Remove rule"), self, objectName="remove_rule")
        self.save_rules = QPushButton(self.tr("Save rules"), self, objectName="save_rules")
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Sources that may post alerts or call events"), self))
        layout.addWidget(self.source_table)
        row = QHBoxLayout()
        for button in (self.add_source, self.new_token, self.toggle):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Rules: the first that matches an alert's label "
                                        "gives its ticket's type, category and level"), self))
        layout.addWidget(self.rule_table, 1)
        row = QHBoxLayout()
        for button in (self.add_rule, self.remove_rule, self.save_rules):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_source.clicked.connect(self.ask_source)
        self.new_token.clicked.connect(self.replace_token)
        self.toggle.clicked.connect(self.toggle_source)
        self.add_rule.clicked.connect(lambda: self._add_rule_row(None))
        self.remove_rule.clicked.connect(
            lambda: self.rule_table.removeRow(self.rule_table.currentRow()))
        self.save_rules.clicked.connect(self.save)
        context.events.seat_changed.connect(lambda _seat: self.refresh())
        self.refresh()

    # --- state -------------------------------------------------------------------------
    def _allowed(self) -> bool:
        settings = self._context.settings.settings
        if not settings.server_url:
            self._say(self.tr("Alert sources and rules are kept on the sync server: connect "
                              "this desk first (Sync > Connect to a server)."))
            return False
        if not self._context.may(Capability.MANAGE_CHANNELS):
            self._say(self.tr("Only administrators manage alert sources and rules."))
            return False
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        for widget in (self.add_source, self.new_token, self.toggle, self.add_rule,
                       self.remove_rule, self.save_rules):
            widget.setEnabled(False)

    def _server(self) -> ServerClient:
        from app.sync.client import ServerClient
        from app.sync.tokens import KeyringVault

        login = self._context.signed_in.login
        if self._client is None or self._client.login_name != login:
            self._client = ServerClient(self._context.settings.settings.server_url,
                                        KeyringVault(), login=login)
        return self._client

    def _run(self, work: Callable[[ServerClient], Any], done: Callable[[Any], None]) -> None:
        client = self._server()

        def job(_progress: object) -> object:
            try:
                return work(client)
            except Exception as error:  # noqa: BLE001 (said to the administrator)
                return error

        def answered(result: object) -> None:
            if isinstance(result, Exception):
                QMessageBox.warning(self, self.tr("Not done"), refusal_text(result))
                return
            done(result)

        background.start(job, self, done=answered)

    @Slot()
    def refresh(self) -> None:
        if not self._allowed():
            return
        self.message.setText(self.tr("Reading the server…"))
        from app.channels import client as channels

        self._run(lambda c: (channels.list_sources(c), channels.read_rules(c)), self._show)

    def _show(self, result: tuple[list[AlertSource], list[AlertRule]]) -> None:
        self.sources, rules = result
        self.message.setText("")
        for widget in (self.add_source, self.new_token, self.toggle, self.add_rule,
                       self.remove_rule, self.save_rules):
            widget.setEnabled(True)
        self.source_table.setRowCount(len(self.sources))
        for row, source in enumerate(self.sources):
            storm = f"{source.storm_threshold} / {source.storm_window}" \
                if source.kind != "pbx" else ""
            for column, text in enumerate((source.name, source.kind,
                                           self.tr("yes") if source.active else self.tr("no"),
                                           storm)):
                self.source_table.setItem(row, column, QTableWidgetItem(text))
        self.rule_table.setRowCount(0)
        for rule in rules:
            self._add_rule_row(rule)
        self.source_table.resizeColumnsToContents()

    # --- sources -----------------------------------------------------------------------
    def _chosen(self) -> AlertSource | None:
        row = self.source_table.currentRow()
        return self.sources[row] if 0 <= row < len(self.sources) else None

    @Slot()
    def ask_source(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add source"), self.tr("Name:"))
        if not ok or not name.strip():
            return
        kind, ok = QInputDialog.getItem(self, self.tr("Add source"), self.tr("Kind:"),
                                        list(KINDS), 0, False)
        if ok:
            self.create_source(name.strip(), kind)

    def create_source(self, name: str, kind: str) -> None:
        from app.channels import client as channels

        self._run(lambda c: channels.create_source(c, name, kind), self._token_made)

    @Slot()
    def replace_token(self) -> None:
        source = self._chosen()
        if source is not None:
            from app.channels import client as channels

            self._run(lambda c: channels.replace_token(c, source.id), self._token_made)

    @Slot()
    def toggle_source(self) -> None:
        source = self._chosen()
        if source is not None:
            from app.channels import client as channels

            self._run(lambda c: channels.set_active(c, source.id, not source.active),
                      lambda _s: self.refresh())

    def _token_made(self, source: AlertSource) -> None:
        self.token_shown = source.token or ""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("The source's token"),
                          self.tr("Give this token to %1 now; it is not shown again:")
                          .replace("%1", source.name), parent=self)
        box.setObjectName("token_box")
        box.setInformativeText(self.token_shown)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.refresh()

    # --- rules -------------------------------------------------------------------------
    def _add_rule_row(self, rule: AlertRule | None) -> None:
        row = self.rule_table.rowCount()
        self.rule_table.insertRow(row)
        texts = (rule.label, rule.pattern, rule.type_code, rule.category_code) if rule \
            else ("severity", "critical", "fault", "monitoring")
        for column, text in enumerate(texts):
            self.rule_table.setItem(row, column, QTableWidgetItem(text))
        level = QSpinBox(self.rule_table)
        level.setRange(1, 3)
        level.setValue(rule.level if rule else 1)
        self.rule_table.setCellWidget(row, 4, level)
        resolves = QCheckBox(self.rule_table)
        resolves.setChecked(bool(rule and rule.resolve))
        self.rule_table.setCellWidget(row, 5, resolves)
        names = {s.id: s.name for s in self.sources}
        self.rule_table.setItem(row, 6, QTableWidgetItem(
            names.get(rule.source_id or "", "") if rule else ""))

    def rules(self) -> list[AlertRule]:
        """The rules as the table holds them (a source by its name; blank: any)."""
        from app.channels.client import AlertRule

        by_name = {s.name: s.id for s in self.sources}
        found = []
        for row in range(self.rule_table.rowCount()):
            def text(column: int, row: int = row) -> str:
                item = self.rule_table.item(row, column)
                return item.text().strip() if item else ""
            level = self.rule_table.cellWidget(row, 4)
            resolves = self.rule_table.cellWidget(row, 5)
            assert isinstance(level, QSpinBox) and isinstance(resolves, QCheckBox)
            found.append(AlertRule(text(0), text(1), text(2), text(3), level.value(),
                                   resolves.isChecked(), by_name.get(text(6))))
        return found

    @Slot()
    def save(self) -> None:
        from app.channels import client as channels

        rules = self.rules()
        if any(not (r.label and r.pattern and r.type_code and r.category_code)
               for r in rules):
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("Every rule needs a label, a pattern, a type code "
                                        "and a category code."))
            return
        self._run(lambda c: channels.save_rules(c, rules), lambda _r: self._saved())

    def _saved(self) -> None:
        self.message.setText(self.tr("Rules saved on the server."))


def build(context: DeskContext, parent: QWidget) -> QWidget:
    """The alert sources and rules tab of the administration page."""
    return AlertsTab(context, parent)
