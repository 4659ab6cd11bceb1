"""Articles as Markdown files with YAML front matter, for bulk import and export.

    ---
    title: 专线中断排查
    category: network          # a category code
    tags: [网络, 专线]
    applies_to: 政务外网
    state: published
    summary: ...
    ---
    Markdown body...

    ## 解决方案                  # or "## Solution": the rest is the article's solution
    ...

Each file is parsed on its own: a bad file is reported with its reason and the others
are still imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.kb.article import ArticleContent, ArticleState, InvalidArticle, clean_tags

SOLUTION_HEADINGS = ("解决方案", "解决办法", "处理方法", "solution", "resolution")
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)(.*)\Z", re.DOTALL)
_SOLUTION = re.compile(
    r"^#{1,3}[ \t]*(?:" + "|".join(SOLUTION_HEADINGS) + r")[ \t]*$", re.IGNORECASE | re.MULTILINE)
_HAN = re.compile(r"[\u4e00-\u9fff]")
MAX_FILE_BYTES = 2_000_000


class BadArticleFile(ValueError):
    """A file that cannot be read as an article; the message says why."""


@dataclass(frozen=True)
class ParsedArticle:
    """An article read from a file: its content, the category code it names, its id if any."""

    content: ArticleContent
    category_code: str = ""
    id: str = ""


@dataclass
class ImportReport:
    """What an import did: ids created or updated, and each rejected file with its reason."""

    imported: list[str] = field(default_factory=list)
    errors: list[tuple[Path, str]] = field(default_factory=list)


def parse_article(text: str, categories: dict[str, str] | None = None) -> ParsedArticle:
    """Read one file's text; ``categories`` maps codes to ids. Raises BadArticleFile."""
    found = _FRONT.match(text)
    if found is None:
        raise BadArticleFile("no front matter: the file must start with a '---' block")
    try:
        meta: Any = yaml.safe_load(found.group(1))
    except yaml.YAMLError as error:
        raise BadArticleFile(f"front matter is not valid YAML: {error}") from error
    if not isinstance(meta, dict):
        raise BadArticleFile("front matter must be a mapping of keys to values")
    body, solution = _split_solution(found.group(2))
    code = _text(meta, "category")
    category_id = None
    if code and categories is not None:
        if code not in categories:
            raise BadArticleFile(f"unknown category {code!r}")
        category_id = categories[code]
    state_text = _text(meta, "state") or ArticleState.DRAFT
    try:
        state = ArticleState(state_text)
    except ValueError as error:
        raise BadArticleFile(f"unknown state {state_text!r}") from error
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list):
        raise BadArticleFile("tags must be a list")
    content = ArticleContent(
        title=_text(meta, "title"), summary=_text(meta, "summary"), body=body,
        solution=_text(meta, "solution") or solution, category_id=category_id,
        tags=clean_tags([str(tag) for tag in tags]), applies_to=_text(meta, "applies_to"),
        state=state)
    try:
        content = content.validated()
    except InvalidArticle as error:
        raise BadArticleFile(str(error)) from error
    return ParsedArticle(content, code, _text(meta, "id"))


def read_article_file(path: Path, categories: dict[str, str] | None = None) -> ParsedArticle:
    """Parse the file at ``path``; every failure becomes a BadArticleFile."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise BadArticleFile("file larger than 2 MB")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise BadArticleFile("not UTF-8 text") from error
    except OSError as error:
        raise BadArticleFile(f"cannot read: {error.strerror or error}") from error
    return parse_article(text, categories)


def render_article(content: ArticleContent, category_code: str = "", article_id: str = ""
                   ) -> str:
    """The file text of an article; ``parse_article`` reads it back to the same content."""
    meta: dict[str, Any] = {"title": content.title}
    if article_id:
        meta["id"] = article_id
    if category_code:
        meta["category"] = category_code
    meta["tags"] = list(content.tags)
    if content.applies_to:
        meta["applies_to"] = content.applies_to
    meta["state"] = str(content.state)
    if content.summary:
        meta["summary"] = content.summary
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000).strip()
    parts = [f"---\n{front}\n---\n", content.body]
    if content.solution:
        heading = "解决方案" if _HAN.search(content.title + content.solution) else "Solution"
        parts.append(f"\n\n## {heading}\n\n{content.solution}")
    return "".join(parts).rstrip() + "\n"


def file_name(title: str, article_id: str) -> str:
    """A safe, recognisable file name: the title's letters plus the id's tail."""
    stem = re.sub(r"[^\w\u4e00-\u9fff-]+", "-", title).strip("-")[:60] or "article"
    return f"{stem}-{article_id[-8:]}.md"


def _split_solution(markdown: str) -> tuple[str, str]:
    found = _SOLUTION.search(markdown)
    if found is None:
        return markdown.strip(), ""
    return markdown[:found.start()].strip(), markdown[found.end():].strip()


def _text(meta: dict[Any, Any], key: str) -> str:
    value = meta.get(key)
    if value is None:
        return ""
    if isinstance(value, dict | list):
        raise BadArticleFile(f"{key} must be text")
    return str(value).strip()
