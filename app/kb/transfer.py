"""Bulk import and export of articles as Markdown files (format: app/kb/markdown_files.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from app.domain.clock import Clock
from app.kb.editing import ArticleNotFound, create_article, save_article
from app.kb.images import adopt_images, export_images
from app.kb.markdown_files import (
    BadArticleFile,
    ImportReport,
    file_name,
    read_article_file,
    render_article,
)
from app.kb.reading import article_count
from app.store.database import Store
from app.store.models import CategoryRow

# progress(done, total) -> False to stop.
Progress = Callable[[int, int], bool]


def article_files(paths: Iterable[Path]) -> list[Path]:
    """The ``.md`` files among ``paths``, folders searched recursively, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in (".md",
                                                                                   ".markdown")))
        else:
            found.append(path)
    return found


def import_articles(store: Store, clock: Clock, paths: Iterable[Path],
                    author_id: str | None = None, progress: Progress | None = None,
                    images: Path | None = None) -> ImportReport:
    """Import every readable file; a file naming a known article id updates that article.

    Each good file is saved in its own unit of work, so one bad file costs only itself.
    Images the files link relatively are copied into ``images`` (the desk's image folder).
    """
    with store.unit_of_work() as session:
        codes = {row.code: row.id for row in session.scalars(select(CategoryRow))}
    report = ImportReport()
    files = article_files(paths)
    for done, path in enumerate(files, start=1):
        try:
            parsed = read_article_file(path, codes)
        except BadArticleFile as error:
            report.errors.append((path, str(error)))
        else:
            if images is not None:
                content = parsed.content
                parsed = replace(parsed, content=replace(
                    content, body=adopt_images(content.body, path, images),
                    solution=adopt_images(content.solution, path, images)))
            article_id = ""
            if parsed.id:
                try:
                    save_article(store, clock, parsed.id, parsed.content, author_id,
                                 note=f"imported from {path.name}")
                    article_id = parsed.id
                except ArticleNotFound:
                    article_id = ""
            if not article_id:
                article_id = create_article(store, clock, parsed.content, author_id,
                                            note=f"imported from {path.name}")
            report.imported.append(article_id)
        if progress is not None and not progress(done, len(files)):
            break
    return report


def export_articles(conn: sqlite3.Connection, folder: Path,
                    article_ids: Iterable[str] | None = None,
                    progress: Progress | None = None, images: Path | None = None
                    ) -> list[Path]:
    """Write live articles (all, or those given) as files into ``folder``; returns the paths.

    Images they show are copied from ``images`` next to the files.
    """
    from app.kb.reading import load_article

    folder.mkdir(parents=True, exist_ok=True)
    codes = dict(conn.execute("SELECT id, code FROM categories").fetchall())
    ids = list(article_ids) if article_ids is not None else [
        str(r[0]) for r in conn.execute("SELECT id FROM kb_articles WHERE deleted = 0"
                                        " ORDER BY created_at, id")]
    total = len(ids) if article_ids is not None else article_count(conn)
    written: list[Path] = []
    for done, article_id in enumerate(ids, start=1):
        article = load_article(conn, article_id)
        if article is None:
            continue
        code = codes.get(article.content.category_id, "") if article.content.category_id else ""
        target = folder / file_name(article.content.title, article.id)
        target.write_text(render_article(article.content, str(code), article.id),
                          encoding="utf-8")
        written.append(target)
        if images is not None:
            export_images(f"{article.content.body}\n{article.content.solution}", images, folder)
        if progress is not None and not progress(done, total):
            break
    return written
