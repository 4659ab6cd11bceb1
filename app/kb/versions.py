"""Comparing article versions: a unified diff of a plain rendering of their content."""

from __future__ import annotations

import difflib

from app.kb.article import ArticleContent


def diff_text(content: ArticleContent) -> list[str]:
    """The lines a diff compares: fields first, then the Markdown as written."""
    lines = [
        f"title: {content.title}",
        f"state: {content.state}",
        f"tags: {', '.join(content.tags)}",
        f"applies to: {content.applies_to}",
        f"summary: {content.summary}",
        "",
        *content.body.splitlines(),
        "",
        "solution:",
        *content.solution.splitlines(),
    ]
    return lines


def diff_versions(old: ArticleContent, new: ArticleContent, old_label: str = "old",
                  new_label: str = "new") -> list[str]:
    """Unified-diff lines from ``old`` to ``new`` (empty when they are equal)."""
    return list(difflib.unified_diff(diff_text(old), diff_text(new), old_label, new_label,
                                     lineterm="", n=2))
