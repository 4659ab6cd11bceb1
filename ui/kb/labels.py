"""Translated names of article states."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.kb.article import ArticleState

STATE_COLORS = {ArticleState.DRAFT: "#8a5a00", ArticleState.PUBLISHED: "#2e7d32",
                ArticleState.ARCHIVED: "#757575"}


def state_label(state: ArticleState) -> str:
    return {
        ArticleState.DRAFT: QCoreApplication.translate("KnowledgeBase", "Draft"),
        ArticleState.PUBLISHED: QCoreApplication.translate("KnowledgeBase", "Published"),
        ArticleState.ARCHIVED: QCoreApplication.translate("KnowledgeBase", "Archived"),
    }[state]
