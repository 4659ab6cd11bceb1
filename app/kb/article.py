"""Value objects of the knowledge base: what crosses from the store to services and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

MAX_TITLE = 200
MAX_TAG = 60


class ArticleState(StrEnum):
    """Where an article stands; only published ones are suggested to seats."""

    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class InvalidArticle(ValueError):
    """An article that cannot be saved; the message says why."""


def clean_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Tags trimmed, without blanks or repeats, in the order given."""
    seen: dict[str, None] = {}
    for typed in tags:
        tag = " ".join(typed.split())
        if tag:
            seen.setdefault(tag[:MAX_TAG])
    return tuple(seen)


def tags_from_text(text: str) -> tuple[str, ...]:
    """Tags typed as ``a, b；c`` or stored one per line."""
    for separator in ("，", "；", ";", "\n"):
        text = text.replace(separator, ",")
    return clean_tags(text.split(","))


@dataclass(frozen=True)
class ArticleContent:
    """Everything an editor changes; each saved version holds one of these."""

    title: str
    summary: str = ""
    body: str = ""
    solution: str = ""
    category_id: str | None = None
    tags: tuple[str, ...] = ()
    applies_to: str = ""
    state: ArticleState = ArticleState.DRAFT

    def validated(self) -> ArticleContent:
        """A trimmed copy; raises InvalidArticle if it cannot be saved."""
        title = " ".join(self.title.split())
        if not title:
            raise InvalidArticle("an article needs a title")
        if len(title) > MAX_TITLE:
            raise InvalidArticle(f"the title is longer than {MAX_TITLE} characters")
        return ArticleContent(
            title=title, summary=self.summary.strip(), body=self.body.strip(),
            solution=self.solution.strip(), category_id=self.category_id or None,
            tags=clean_tags(self.tags), applies_to=self.applies_to.strip(),
            state=ArticleState(self.state),
        )

    def searchable_text(self) -> str:
        """All the prose of the article, for snippets."""
        return "\n".join(part for part in (self.summary, self.body, self.solution) if part)


@dataclass(frozen=True)
class Article:
    """An article as stored now."""

    id: str
    content: ArticleContent
    revision: int
    created_at: datetime
    updated_at: datetime
    author_id: str | None = None
    reviewer_id: str | None = None
    source_ticket_id: str | None = None
    category_name: str = ""
    author_name: str = ""
    reviewer_name: str = ""


@dataclass(frozen=True)
class ArticleVersion:
    """One saved state of an article."""

    id: str
    article_id: str
    number: int
    at: datetime
    content: ArticleContent
    editor_name: str = ""
    note: str = ""


@dataclass(frozen=True)
class Usage:
    """How much an article is used: shown to editors, and a hint of which ones matter."""

    views: int = 0
    linked_tickets: int = 0
    solved_votes: int = 0
    ticket_numbers: tuple[str, ...] = field(default=())
