"""Every user-visible string has a finished Simplified Chinese translation, shipped compiled."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.settings import SettingsFile
from tests.conftest import T0, seat_of
from tools.translations import LANGUAGES, lrelease, lupdate, ts_file
from ui.i18n import install_translators


def unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    return [
        (message.findtext("source") or "")
        for message in tree.iter("message")
        if (message.find("translation") is not None
            and message.find("translation").get("type") in ("unfinished", "vanished", "obsolete"))
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_translation_is_complete(language: str) -> None:
    assert unfinished(ts_file(language)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_in_the_code_is_translated(language: str, tmp_path: Path) -> None:
    copy = tmp_path / ts_file(language).name
    shutil.copy(ts_file(language), copy)
    lupdate(copy)
    assert unfinished(copy) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_translation_is_up_to_date(language: str, tmp_path: Path) -> None:
    compiled = tmp_path / "fresh.qm"
    lrelease(ts_file(language), compiled)
    assert compiled.read_bytes() == ts_file(language).with_suffix(".qm").read_bytes()


def test_chinese_desk_speaks_chinese(qtbot: QtBot, desk_data: object) -> None:
    from app.domain.clock import ManualClock
    from app.paths import DataDir
    from ui.desk import build_desk

    assert isinstance(desk_data, DataDir)
    app = QApplication.instance()
    assert app is not None
    translators = install_translators(app, "zh_CN")
    try:
        assert QCoreApplication.translate("Labels", "Pending vendor") == "等待厂商"
        desk = build_desk(desk_data, SettingsFile(desk_data.settings), ManualClock(T0), "zh_CN",
                   seat_of(desk_data))
        qtbot.addWidget(desk.window)
        menus = [action.text() for action in desk.window.menuBar().actions()]
        assert menus[0] == "文件(&F)"
        desk.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_translate_is_never_aliased() -> None:
    """lupdate only finds literal QCoreApplication.translate(...)/self.tr(...) calls; an
    alias such as ``t = QCoreApplication.translate`` hides strings from translators."""
    import ast

    offenders = []
    for path in (Path(__file__).resolve().parents[2] / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute)
                    and node.value.attr in ("translate", "tr")):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


# Calls that translate a text held in a variable, and why its strings still reach the
# catalogue: the wizard words QWizard's buttons with Qt's own texts (Qt's catalogue), and
# the setup's server page reuses the connect dialog's texts (literal in ui/sync/connect.py);
# the server's refusals are QT_TRANSLATE_NOOP literals in ui/server_refusals.py's table.
TRANSLATED_VARIABLES = {("wizard.py", "retranslate"), ("server_page.py", "_connect_text"),
                        ("server_refusals.py", "refusal_text")}


def test_every_translated_text_is_a_literal_lupdate_can_read() -> None:
    """A wrapper like ``def t(text): return QCoreApplication.translate("X", text)`` hides
    every string passed to it from lupdate: they stayed English in the Chinese desk."""
    import ast

    offenders = []
    for path in (Path(__file__).resolve().parents[2] / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and isinstance(node.func.value, ast.Name)
                        and (node.func.value.id, node.func.attr) in (
                            ("QCoreApplication", "translate"), ("self", "tr"))):
                    continue
                index = 1 if node.func.attr == "translate" else 0
                if len(node.args) <= index:
                    continue
                text = node.args[index]
                literal = isinstance(text, ast.Constant) and isinstance(text.value, str)
                if not literal and (path.name, function.name) not in TRANSLATED_VARIABLES:
                    offenders.append(f"{path.name}:{node.lineno} in {function.name}")
    assert offenders == []


def test_qt_file_dialog_labels_are_chinese_in_the_chinese_desk(qtbot: QtBot) -> None:
    """Issue 22: Qt's own catalogue lacks the file dialog's "&Look in:" and "Files of
    &type:"; Seatdesk's catalogue supplies them (ui/qt_texts.py)."""
    from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translators(app, "zh_CN")
    try:
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert labels and not any(text.isascii() for text in labels if text), labels
    finally:
        for translator in installed:
            app.removeTranslator(translator)
