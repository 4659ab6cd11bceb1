"""Markdown files with front matter: parsing, round trip, bulk import with bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.clock import ManualClock
from app.kb.article import ArticleContent, ArticleState
from app.kb.markdown_files import BadArticleFile, parse_article, render_article
from app.kb.reading import article_versions, load_article
from app.kb.search import ArticleSearch
from app.kb.transfer import export_articles, import_articles
from app.store.database import Store
from tests.app.kb_corpus import NETWORK, reader, write_corpus

GOOD = """---
title: 专线中断排查
category: network
tags: [网络, 专线]
applies_to: 政务外网
state: published
summary: 区县无法访问
---
## 现象

区县网络不通。

## 解决方案

报障运营商。
"""


def test_a_file_is_split_into_fields_body_and_solution() -> None:
    parsed = parse_article(GOOD, {"network": NETWORK})
    assert parsed.category_code == "network"
    assert parsed.content == ArticleContent(
        title="专线中断排查", summary="区县无法访问", body="## 现象\n\n区县网络不通。",
        solution="报障运营商。", category_id=NETWORK, tags=("网络", "专线"),
        applies_to="政务外网", state=ArticleState.PUBLISHED)


def test_render_and_parse_round_trip() -> None:
    content = ArticleContent(title="ORA-00600: internal error", summary="a: b # c",
                             body="Body\n\n- one", solution="Patch it.", category_id=NETWORK,
                             tags=("Oracle", "ORA-00600"), state=ArticleState.DRAFT)
    text = render_article(content, "network", "some-id")
    parsed = parse_article(text, {"network": NETWORK})
    assert (parsed.content, parsed.id) == (content, "some-id")


@pytest.mark.parametrize(("text", "reason"), [
    ("# 只有正文\n", "no front matter"),
    ("---\ntitle: [unclosed\n---\nbody\n", "not valid YAML"),
    ("---\n- a\n- b\n---\nbody\n", "must be a mapping"),
    ("---\nsummary: 没有标题\n---\nbody\n", "needs a title"),
    ("---\ntitle: x\ncategory: nowhere\n---\n", "unknown category"),
    ("---\ntitle: x\nstate: lost\n---\n", "unknown state"),
    ("---\ntitle: x\ntags: {a: 1}\n---\n", "tags must be a list"),
    ("---\ntitle: [a, b]\n---\n", "title must be text"),
])
def test_malformed_files_are_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(BadArticleFile, match=reason):
        parse_article(text, {"network": NETWORK})


def test_import_reports_each_bad_file_and_imports_the_rest(
        store: Store, clock: ManualClock, tmp_path: Path) -> None:
    write_corpus(store, clock)
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "english.md").write_text(
        "---\ntitle: Disk full on /var\ntags: disk\n---\nRun journalctl --vacuum-size.\n",
        encoding="utf-8")
    (folder / "no-front.md").write_text("# 标题\n正文\n", encoding="utf-8")
    (folder / "gbk.md").write_bytes("---\ntitle: 网络\n---\n".encode("gbk"))
    (folder / "notes.txt").write_text("not an article", encoding="utf-8")

    report = import_articles(store, clock, [folder])

    assert sorted((path.name, reason.split(":")[0]) for path, reason in report.errors) == [
        ("gbk.md", "not UTF-8 text"), ("no-front.md", "no front matter")]
    assert len(report.imported) == 2
    with reader(store) as conn:
        titles = {load_article(conn, i).content.title for i in report.imported}  # type: ignore[union-attr]
        assert titles == {"专线中断排查", "Disk full on /var"}
        hits = ArticleSearch(conn).search("专线中断排查").hits
        assert [hit.article_id for hit in hits][:1] == [
            next(i for i in report.imported
                 if load_article(conn, i).content.title == "专线中断排查")]  # type: ignore[union-attr]


def test_export_then_import_updates_the_same_articles(
        store: Store, clock: ManualClock, tmp_path: Path) -> None:
    corpus = write_corpus(store, clock)
    with reader(store) as conn:
        written = export_articles(conn, tmp_path / "out")
    assert len(written) == len(corpus.ids)
    target = next(p for p in written if corpus.ids["dns"][-8:] in p.name)
    target.write_text(target.read_text(encoding="utf-8").replace("修正转发器并清缓存。",
                                                               "修正转发器。"), encoding="utf-8")
    report = import_articles(store, clock, written)
    assert report.errors == [] and sorted(report.imported) == sorted(corpus.ids.values())
    with reader(store) as conn:
        dns = load_article(conn, corpus.ids["dns"])
        assert dns is not None and dns.content.solution == "修正转发器。"
        assert [v.number for v in article_versions(conn, corpus.ids["dns"])] == [2, 1]
        # Unchanged files write no new version.
        assert [v.number for v in article_versions(conn, corpus.ids["disk"])] == [1]


def test_linked_images_are_copied_into_the_desk_and_exported_back(
        store: Store, clock: ManualClock, tmp_path: Path) -> None:
    from app.kb.images import images_folder

    source = tmp_path / "docs"
    (source / "img").mkdir(parents=True)
    (source / "img" / "topology.png").write_bytes(b"\x89PNG fake")
    (source / "a.md").write_text(
        "---\ntitle: 拓扑\n---\n![拓扑](img/topology.png) ![远程](http://x/y.png)"
        " ![丢失](img/missing.png)\n", encoding="utf-8")
    images = images_folder(tmp_path / "desk")
    report = import_articles(store, clock, [source], images=images)
    assert report.errors == []
    copied = list(images.iterdir())
    assert len(copied) == 1 and copied[0].read_bytes() == b"\x89PNG fake"
    with reader(store) as conn:
        article = load_article(conn, report.imported[0])
        assert article is not None
        assert article.content.body == (f"![拓扑]({copied[0].name}) ![远程](http://x/y.png)"
                                        " ![丢失](img/missing.png)")
        out = tmp_path / "out"
        export_articles(conn, out, images=images)
    assert (out / copied[0].name).read_bytes() == b"\x89PNG fake"
