"""The knowledge-base page on the demo desk, driven like a seat would."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.kb.search import ArticleSearch
from tests.ui.conftest import shown_page
from ui import background
from ui.desk import Desk
from ui.kb.highlight import MARK_STYLE
from ui.kb.page import KnowledgePage
from ui.kb.result_delegate import hit_html
from ui.kb.results_model import SearchResultModel


@pytest.fixture
def page(qtbot: QtBot, desk: Desk) -> Iterator[KnowledgePage]:
    yield shown_page(desk, "kb", KnowledgePage)
    # Background writes report back before the desk closes its database.
    background.wait_for_jobs()
    qtbot.waitUntil(lambda: not background.busy())


def search(qtbot: QtBot, page: KnowledgePage, text: str) -> list[str]:
    page.query.setText(text)
    qtbot.waitUntil(lambda: not page._delay.isActive())
    return [page.model.hit(row).title.text for row in range(page.model.rowCount())]


def test_the_page_opens_on_the_most_used_articles(page: KnowledgePage) -> None:
    assert page.summary.text() == "Most used articles"
    assert page.model.rowCount() > 10
    assert page.viewer.article_id() == page.model.hit(0).article_id


def test_a_chinese_word_finds_ranked_highlighted_articles(qtbot: QtBot,
                                                          page: KnowledgePage) -> None:
    titles = search(qtbot, page, "磁盘")
    assert titles and page.summary.text() == f"{len(titles)} article(s) found"
    for row in range(page.model.rowCount()):
        hit = page.model.hit(row)
        marked = [hit.title.text[a:b] for a, b in hit.title.spans] + [
            hit.snippet.text[a:b] for a, b in hit.snippet.spans]
        assert "磁盘" in marked or any("磁盘" in tag for tag in hit.tags)
        assert MARK_STYLE in hit_html(hit)
    hits = [page.model.hit(row) for row in range(page.model.rowCount())]
    for state in {hit.state for hit in hits}:  # published first, each state by BM25
        scores = [hit.score for hit in hits if hit.state == state]
        assert scores == sorted(scores)


def test_filters_narrow_the_results(qtbot: QtBot, page: KnowledgePage) -> None:
    everything = search(qtbot, page, "Oracle")
    page.category.setCurrentIndex(page.category.findText("Databases and middleware"))
    narrowed = [page.model.hit(r) for r in range(page.model.rowCount())]
    assert narrowed and len(narrowed) <= len(everything)
    assert {hit.category_name for hit in narrowed} == {"Databases and middleware"}
    page.state.setCurrentIndex(page.state.findText("Archived"))
    assert all(page.model.hit(r).state == "archived" for r in range(page.model.rowCount()))


def test_opening_an_article_renders_it_and_counts_a_view(qtbot: QtBot,
                                                         page: KnowledgePage) -> None:
    search(qtbot, page, "ORA-00600")
    hit = page.model.hit(0)
    assert page.viewer.article_id() == hit.article_id
    assert "ORA-00600" in page.viewer.browser.toPlainText()
    assert "Solution" in page.viewer.browser.toPlainText()
    conn = page.context.reader
    views = lambda: conn.execute(  # noqa: E731
        "SELECT count(*) FROM kb_article_events WHERE article_id = ? AND kind = 'viewed'",
        (hit.article_id,)).fetchone()[0]
    assert not background.busy()  # showing the best hit counted no view
    before = views()
    page.show_article(hit.article_id)
    qtbot.waitUntil(lambda: views() == before + 1)
    assert conn.execute(  # the view is the signed-in seat's
        "SELECT actor_id FROM kb_article_events WHERE article_id = ? AND kind = 'viewed' "
        "ORDER BY at DESC, id DESC LIMIT 1", (hit.article_id,)).fetchone() == (
        page.context.seat.staff_id,)
    qtbot.waitUntil(lambda: f"Views: {before + 1}" in page.viewer.usage.text())


def test_results_model_passes_the_model_tester(qtmodeltester: ModelTester,
                                               demo_desk: object) -> None:
    from app.paths import DataDir

    assert isinstance(demo_desk, DataDir)
    conn = sqlite3.connect(demo_desk.database)
    model = SearchResultModel()
    model.set_hits(ArticleSearch(conn).search("网络").hits)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    conn.close()


def test_import_reports_bad_files_and_imports_the_rest(qtbot: QtBot, page: KnowledgePage,
                                                       tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(
        "---\ntitle: 打印机脱机处理\ncategory: service_desk\ntags: [打印机]\n"
        "state: published\n---\n打印机显示脱机。\n\n## 解决方案\n\n重启打印服务。\n",
        encoding="utf-8")
    (tmp_path / "bad.md").write_text("no front matter here\n", encoding="utf-8")
    page.actions_bar.import_paths([tmp_path / "good.md", tmp_path / "bad.md"])
    qtbot.waitUntil(lambda: page.actions_bar.report_box is not None, timeout=10000)
    box = page.actions_bar.report_box
    assert box is not None and "bad.md: no front matter" in box.informativeText()
    assert page.actions_bar.status.text() == "Imported 1 article(s); 1 file(s) refused."
    box.close()
    assert search(qtbot, page, "打印机") == ["打印机脱机处理"]
    assert page.tag.findText("打印机") >= 0  # new tags reach the filter


def test_a_new_article_saved_in_the_editor_is_found(qtbot: QtBot, page: KnowledgePage) -> None:
    editor = page.actions_bar.new_article()
    editor.title.setText("视频会议 MCU 掉线")
    editor.body.setPlainText("会议中 MCU 掉线，终端提示 **E-4021**。")
    editor.solution.setPlainText("重启 MCU 服务。")
    editor.state.setCurrentIndex(editor.state.findData("published"))
    editor.reviewer.setCurrentIndex(1)
    reviewer = editor.reviewer_id()
    assert reviewer is not None
    assert "E-4021" in editor.preview.toPlainText()
    editor.accept()
    qtbot.waitUntil(lambda: page.actions_bar.status.text() == "Article saved.", timeout=10000)
    assert search(qtbot, page, "E-4021") == ["视频会议 MCU 掉线"]
    assert page.viewer.article_id() == page.model.hit(0).article_id
    assert page.context.reader.execute(
        "SELECT reviewer_id, state, author_id FROM kb_articles WHERE id = ?",
        (page.model.hit(0).article_id,)).fetchone() == (reviewer, "published",
                                                        page.context.seat.staff_id)
    assert "Reviewer: " in page.viewer.facts.text()
    # Published straight away: an audit line under the signed-in seat.
    assert page.context.reader.execute(
        "SELECT actor_id, summary FROM audit_log WHERE subject = 'kb_articles' AND "
        "subject_id = ?", (page.model.hit(0).article_id,)).fetchall() == [
        (page.context.seat.staff_id, "published")]


def test_history_shows_a_diff_and_restores_an_old_version(qtbot: QtBot,
                                                          page: KnowledgePage) -> None:
    conn = page.context.reader
    article_id, revision, solution = conn.execute(
        "SELECT a.id, a.revision, a.solution FROM kb_articles a JOIN kb_article_versions v"
        " ON v.article_id = a.id AND v.number = a.revision - 1 AND v.solution != a.solution"
        " WHERE a.deleted = 0 ORDER BY a.id LIMIT 1").fetchone()
    old_solution = conn.execute(
        "SELECT solution FROM kb_article_versions WHERE article_id = ? AND number = ?",
        (article_id, revision - 1)).fetchone()[0]
    assert old_solution != solution
    dialog = page.actions_bar.show_history(article_id)
    assert dialog.list.count() == revision
    assert not dialog.restore.isEnabled()  # the newest is the current one
    assert "+" in dialog.diff.toPlainText()
    dialog.list.setCurrentRow(1)
    assert dialog.restore.isEnabled()
    dialog.restore.click()
    qtbot.waitUntil(lambda: conn.execute("SELECT revision FROM kb_articles WHERE id = ?",
                                         (article_id,)).fetchone()[0] == revision + 1,
                    timeout=10000)
    assert conn.execute("SELECT solution FROM kb_articles WHERE id = ?",
                        (article_id,)).fetchone()[0] == old_solution


def test_an_article_from_a_resolved_ticket_links_back(qtbot: QtBot,
                                                      page: KnowledgePage) -> None:
    conn = page.context.reader
    ticket_id, number, title = conn.execute(
        "SELECT id, number, title FROM tickets WHERE state = 'resolved' ORDER BY number"
        " LIMIT 1").fetchone()
    editor = page.actions_bar.open_ticket_draft(number.lower())
    assert editor is not None and editor.title.text() == title
    assert number in editor.body.toPlainText() and editor.solution.toPlainText()
    editor.accept()
    qtbot.waitUntil(lambda: conn.execute(
        "SELECT count(*) FROM kb_ticket_links l JOIN kb_articles a ON a.id = l.article_id"
        " WHERE l.ticket_id = ? AND a.source_ticket_id = ?", (ticket_id, ticket_id)
    ).fetchone()[0] == 1, timeout=10000)
    new_ticket = conn.execute("SELECT number FROM tickets WHERE state = 'new' LIMIT 1").fetchone()
    if new_ticket is not None:
        assert page.actions_bar.open_ticket_draft(new_ticket[0]) is None
        assert "not resolved" in page.actions_bar.status.text()


def test_rebuilding_the_index_runs_in_the_background(qtbot: QtBot, page: KnowledgePage) -> None:
    page.actions_bar.rebuild_index()
    assert QApplication.instance() is not None
    qtbot.waitUntil(lambda: "rebuilt" in page.actions_bar.status.text(), timeout=20000)
    assert search(qtbot, page, "网络")


def test_the_trial_ticket_box_drives_the_suggestions(qtbot: QtBot, page: KnowledgePage) -> None:
    page.ticket_title.setText("备份任务失败")
    assert page.suggestions.model.rowCount() == 0  # hidden: nobody to suggest to yet
    page.window().show()
    qtbot.waitUntil(lambda: page.suggestions.model.rowCount() > 0)
    hit = page.suggestions.model.hit(0)
    assert "备份" in hit.title.text
    page.suggestions.insert_solution()
    assert hit.solution in page.ticket_description.toPlainText()
