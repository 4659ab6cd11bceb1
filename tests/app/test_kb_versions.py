"""Versions: every save appends one, diff shows what changed, restore never rewrites history."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from app.domain.clock import ManualClock
from app.kb.article import ArticleContent, ArticleState, InvalidArticle
from app.kb.editing import (
    ArticleNotFound,
    create_article,
    delete_article,
    restore_version,
    save_article,
    set_state,
)
from app.kb.reading import article_versions, load_article
from app.kb.search import ArticleSearch
from app.kb.versions import diff_versions
from app.store.database import Store

FIRST = ArticleContent(title="磁盘空间不足", body="清理日志。", solution="删除旧日志。",
                       tags=("磁盘",))


def test_saves_append_versions_and_restore_brings_old_content_back_as_a_new_one(
        store: Store, clock: ManualClock) -> None:
    article_id = create_article(store, clock, FIRST)
    clock.advance(timedelta(hours=1))
    second = ArticleContent(title="磁盘空间不足（根分区）", body="配置 logrotate。",
                            solution="配置日志轮转。", tags=("磁盘", "Linux"))
    assert save_article(store, clock, article_id, second, note="更准确") == 2
    assert save_article(store, clock, article_id, second) == 2  # unchanged: no version

    conn = sqlite3.connect(store.path)
    versions = article_versions(conn, article_id)
    assert [(v.number, v.note) for v in versions] == [(2, "更准确"), (1, "")]
    assert versions[1].content == FIRST.validated()

    clock.advance(timedelta(hours=1))
    assert restore_version(store, clock, versions[1].id) == 3
    article = load_article(conn, article_id)
    assert article is not None
    assert (article.revision, article.content) == (3, FIRST.validated())
    assert article.updated_at == clock.now()
    assert [v.number for v in article_versions(conn, article_id)] == [3, 2, 1]
    assert article_versions(conn, article_id)[0].note == "restored version 1"
    # The index follows the restore: the Linux tag and logrotate are gone.
    assert ArticleSearch(conn).search("logrotate").hits == []
    assert [h.article_id for h in ArticleSearch(conn).search("旧日志").hits] == [article_id]
    conn.close()


def test_diff_shows_changed_lines_only() -> None:
    new = ArticleContent(title="磁盘空间不足", body="清理日志。\n配置轮转。",
                         solution="删除旧日志。", tags=("磁盘", "Linux"))
    lines = diff_versions(FIRST, new, "v1", "v2")
    assert lines[:2] == ["--- v1", "+++ v2"]
    changed = [line for line in lines[2:] if line[:1] in "+-" and not line.startswith("@@")]
    assert changed == ["-tags: 磁盘", "+tags: 磁盘, Linux", "+配置轮转。"]
    assert diff_versions(FIRST, FIRST) == []


def test_state_changes_are_versions_and_tombstones_keep_history(
        store: Store, clock: ManualClock) -> None:
    article_id = create_article(store, clock, FIRST)
    assert set_state(store, clock, article_id, ArticleState.PUBLISHED) == 2
    delete_article(store, clock, article_id)
    conn = sqlite3.connect(store.path)
    assert load_article(conn, article_id) is None
    assert conn.execute("SELECT deleted, version FROM kb_articles").fetchone() == (1, 3)
    assert len(article_versions(conn, article_id)) == 2
    conn.close()
    with pytest.raises(ArticleNotFound):
        save_article(store, clock, article_id, FIRST)


def test_an_article_needs_a_title(store: Store, clock: ManualClock) -> None:
    with pytest.raises(InvalidArticle):
        create_article(store, clock, ArticleContent(title="  "))
