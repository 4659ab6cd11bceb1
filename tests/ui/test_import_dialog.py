"""The staff import dialog, driven as an administrator would (issue 14)."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.services.errors import DeskError, Problem
from app.settings import SettingsFile
from app.store.reading import read_connection
from tests.conftest import T0, seat_of
from ui import background
from ui.admin import import_dialog
from ui.admin.import_dialog import ImportDialog, open_import
from ui.admin.import_model import PROBLEM_RED, Column, PreviewModel
from ui.context import DeskContext

HEADER = ["姓名", "登录名", "班组", "技能", "资历", "电话", "邮箱", "角色"]
GOOD = [HEADER,
        ["王小明", "wangxm", "desk_1", "网络、主机", "2", "13800138000", "w@desk.gov.cn", "坐席"],
        ["李娜", "lina", "Hosts and storage", "storage", "1", "", "", ""],
        ["新名字", "seat012", "", "", "", "", "", ""]]
BAD = [*GOOD, ["钱芳", "qianf", "desk_9", "", "", "1234", "", ""], ["孙悦", "LINA", "", "", "",
                                                                     "", "", ""]]


def gbk_csv(path: Path, rows: list[list[str]]) -> Path:
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    path.write_bytes(text.getvalue().encode("gbk"))
    return path


@pytest.fixture
def context(demo_copy: DataDir) -> Iterator[DeskContext]:
    made = DeskContext(data=demo_copy, settings=SettingsFile(demo_copy.settings),
                       clock=ManualClock(T0), language="en",
                       reader=read_connection(demo_copy.database),
                       signed_in=seat_of(demo_copy, "seat001"))
    yield made
    background.wait_for_jobs()
    made.close()


@pytest.fixture
def dialog(qtbot: QtBot, context: DeskContext) -> ImportDialog:
    shown = ImportDialog(context)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def counts(data: DataDir) -> tuple[int, int, int]:
    with closing(sqlite3.connect(data.database)) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("staff", "staff_skills", "desk_accounts"))  # type: ignore[return-value]


def choose(qtbot: QtBot, dialog: ImportDialog, path: Path,
           monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Click "Choose file…" and pick ``path``; returns the folders the chooser opened in."""
    opened: list[str] = []

    def chooser(_parent: object, _title: str, folder: str, _filter: str) -> tuple[str, str]:
        opened.append(folder)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", chooser)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not background.busy() and dialog.choose_button.isEnabled())
    return opened


def test_a_good_file_is_previewed_and_imported(qtbot: QtBot, dialog: ImportDialog,
                                               demo_copy: DataDir, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert not dialog.import_button.isEnabled()
    assert dialog.import_button.toolTip() == "Choose a file first."
    opened = choose(qtbot, dialog, gbk_csv(tmp_path / "staff.csv", BAD), monkeypatch)
    assert opened == [import_dialog.documents_folder()]
    assert not dialog.import_button.isEnabled()
    opened = choose(qtbot, dialog, gbk_csv(tmp_path / "staff.csv", GOOD), monkeypatch)
    assert opened == [str(tmp_path)]  # the corrected file is where the first one was
    assert dialog.rows.rowCount() == 3
    assert dialog.summary.text().startswith("2 new, 1 to update, 0 with problems.")
    assert "New accounts without a password: 1" in dialog.summary.text()
    action = dialog.rows.index(2, Column.ACTION).data()
    assert action == "Update"
    assert dialog.import_button.isEnabled()
    before = counts(demo_copy)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result_ is not None and (dialog.result_.created, dialog.result_.updated,
                                           dialog.result_.accounts) == (2, 1, 1)
    assert counts(demo_copy) == (before[0] + 2, before[1] + 3, before[2] + 1)


def test_problems_keep_import_disabled_and_nothing_is_written(
        qtbot: QtBot, dialog: ImportDialog, demo_copy: DataDir, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = counts(demo_copy)
    choose(qtbot, dialog, gbk_csv(tmp_path / "staff.csv", BAD), monkeypatch)
    assert dialog.summary.text().startswith("4 new, 1 to update, 3 with problems.")
    assert not dialog.import_button.isEnabled()
    assert "nothing is imported while a row has a problem" in dialog.import_button.toolTip()
    problems = dialog.rows.index(3, Column.PROBLEMS)
    assert problems.data() == "no team “desk_9” in service; “1234” is not a phone number"
    brush = problems.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color() == PROBLEM_RED
    box = dialog.only_problems  # clicked on its box: the widget is as wide as the dialog
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert [dialog.rows.index(row, Column.ROW).data() for row in range(dialog.rows.rowCount())
            ] == ["3", "5", "6"]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # disabled: nothing
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert counts(demo_copy) == before


def test_a_file_problem_is_shown_above_the_table(qtbot: QtBot, dialog: ImportDialog,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    choose(qtbot, dialog, gbk_csv(tmp_path / "staff.csv", [["姓名", "电话"], ["王", ""]]),
           monkeypatch)
    assert dialog.file_problems.isVisible()
    assert dialog.file_problems.text() == "No column named “Login” in the first five rows."
    assert dialog.summary.text() == "This file cannot be imported."
    assert not dialog.import_button.isEnabled() and dialog.rows.rowCount() == 0


def test_an_import_refused_at_the_last_moment_says_why(
        qtbot: QtBot, dialog: ImportDialog, demo_copy: DataDir, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[DeskError] = []
    monkeypatch.setattr(import_dialog, "show_problem", lambda _parent, error:
                        shown.append(error))
    choose(qtbot, dialog, gbk_csv(tmp_path / "staff.csv", GOOD), monkeypatch)
    with closing(sqlite3.connect(demo_copy.database)) as conn:  # another desk was quicker
        conn.execute("UPDATE staff SET login = 'wangxm' WHERE login = 'seat040'")
        conn.commit()
    before = counts(demo_copy)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].problem is Problem.IMPORT_OUTDATED
    assert dialog.isVisible() and dialog.result_ is None
    assert counts(demo_copy) == before


def test_open_import_announces_the_tables_it_wrote(qtbot: QtBot, context: DeskContext,
                                                  demo_copy: DataDir, tmp_path: Path) -> None:
    path = gbk_csv(tmp_path / "staff.csv", GOOD)

    def drive() -> None:
        shown = QApplication.activeModalWidget()
        assert isinstance(shown, ImportDialog)
        try:
            shown.load(path)
            qtbot.waitUntil(shown.import_button.isEnabled)
            qtbot.mouseClick(shown.import_button, Qt.MouseButton.LeftButton)
        except BaseException:
            shown.reject()  # never leave exec() waiting
            raise

    QTimer.singleShot(0, drive)
    with qtbot.waitSignal(context.events.records_changed, timeout=10_000) as changed:
        assert open_import(context, None)
    assert changed.args == [["staff", "staff_skills", "desk_accounts"]]


def test_open_import_cancelled_writes_and_announces_nothing(
        qtbot: QtBot, context: DeskContext, demo_copy: DataDir, tmp_path: Path) -> None:
    path = gbk_csv(tmp_path / "staff.csv", GOOD)
    before = counts(demo_copy)

    def drive() -> None:
        shown = QApplication.activeModalWidget()
        assert isinstance(shown, ImportDialog)
        try:
            shown.load(path)
            qtbot.waitUntil(shown.import_button.isEnabled)
        finally:
            qtbot.mouseClick(shown.cancel_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, drive)
    with qtbot.assertNotEmitted(context.events.records_changed):
        assert not open_import(context, None)
    assert counts(demo_copy) == before


def test_preview_model(qtmodeltester: object, context: DeskContext, tmp_path: Path) -> None:
    from app.people.staff_import import preview_file

    result = preview_file(context.reader, gbk_csv(tmp_path / "staff.csv", BAD),
                          connected=False)
    assert result is not None
    model = PreviewModel("zh_CN")
    model.set_lines(result.rows)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 5 and model.rowCount(model.index(0, 0)) == 0
    assert model.index(0, Column.ROLE).data() == "坐席 · new account"
    assert model.index(0, Column.SENIORITY).data() == "Experienced engineer"
    assert model.line(9) is None and model.index(0, 0, QModelIndex()).data() == "2"
