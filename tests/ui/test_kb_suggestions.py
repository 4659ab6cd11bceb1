"""The suggestions panel the intake form and ticket view embed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.paths import DataDir
from ui import background
from ui.kb.suggestions import ArticleSuggestions


@pytest.fixture
def panel(qtbot: QtBot, demo_desk: DataDir) -> Iterator[ArticleSuggestions]:
    widget = ArticleSuggestions(demo_desk.database, "zh_CN")
    qtbot.addWidget(widget)
    widget.resize(360, 500)
    widget.show()
    yield widget
    background.wait_for_jobs()
    qtbot.waitUntil(lambda: not background.busy())


def test_suggestions_follow_the_ticket_text_after_a_pause(qtbot: QtBot,
                                                          panel: ArticleSuggestions) -> None:
    panel.set_ticket_text("区县专线中断", "多个区县反映网络不通，无法访问政务外网")
    assert panel.model.rowCount() == 0  # debounced: nothing searched while typing
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    first = panel.model.hit(0)
    assert "专线中断" in first.title.text
    assert first.state == "published"
    assert panel.current_article_id() == first.article_id


def test_an_answer_overtaken_by_newer_text_is_dropped(qtbot: QtBot,
                                                     panel: ArticleSuggestions) -> None:
    panel.set_ticket_text("备份任务失败", "")
    panel.refresh()
    panel.set_ticket_text("Oracle ORA-00600", "")
    with qtbot.waitSignal(panel.suggestions_changed):
        panel.refresh()
    qtbot.waitUntil(lambda: not background.busy())
    assert "ORA-00600" in panel.model.hit(0).title.text


def test_insert_key_emits_the_solution_and_enter_opens_the_article(
        qtbot: QtBot, panel: ArticleSuggestions) -> None:
    panel.set_ticket_text("Oracle 报错 ORA-00600", "")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    hit = panel.model.hit(0)
    panel.view.setFocus()
    with qtbot.waitSignal(panel.solution_inserted) as inserted:
        qtbot.keyClick(panel.view, Qt.Key.Key_Insert)
    assert inserted.args == [hit.solution] and "ORA-00600" in hit.title.text
    with qtbot.waitSignal(panel.article_chosen) as chosen:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert chosen.args == [hit.article_id]


def test_no_match_says_so_and_disables_insert(qtbot: QtBot, panel: ArticleSuggestions) -> None:
    panel.set_ticket_text("zzqx", "")
    with qtbot.waitSignal(panel.suggestions_changed) as changed:
        panel.refresh()
    assert changed.args == [0] and panel.model.rowCount() == 0
    assert not panel._insert.isEnabled() and panel._empty.isVisible()
