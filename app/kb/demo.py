"""Demo articles: the desk's solved-problem library, about 150 articles in Chinese and
English, with versions, usage and links to resolved tickets. Called by app.demo.generator.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from random import Random
from typing import Any

from sqlalchemy import Connection, insert

from app.demo.catalog import SYSTEMS
from app.domain.ids import seeded_id
from app.kb.article import ArticleContent, ArticleState
from app.kb.demo_seed import CASES, ENGLISH_CASES, CaseSeed
from app.kb.index import rebuild_index
from app.kb.tables import ArticleEventRow, ArticleRow, ArticleTicketLinkRow, ArticleVersionRow

VARIANTS = 4
_HAN = re.compile(r"[\u4e00-\u9fff]")


def case_content(case: CaseSeed, system: str, category_id: str | None,
                 state: ArticleState = ArticleState.PUBLISHED, suffix: bool = False
                 ) -> ArticleContent:
    """One article written from a case, for ``system``."""
    title = case.title.format(system=system)
    if suffix and "{system}" not in case.title:
        title += f"（{system}）" if _HAN.search(title) else f" ({system})"
    symptom, cause = case.symptom.format(system=system), case.cause.format(system=system)
    if _HAN.search(case.title):
        body = f"## 原因\n\n{cause}\n\n## 适用范围\n\n{case.applies_to}"
    else:
        body = f"## Cause\n\n{cause}\n\n## Applies to\n\n{case.applies_to}"
    return ArticleContent(title=title, summary=symptom, body=body, solution=case.solution,
                          category_id=category_id, tags=case.tags, applies_to=case.applies_to,
                          state=state)


def demo_contents(rng: Random, categories: dict[str, str]) -> Iterator[ArticleContent]:
    """The demo library: every case for a few systems, some drafts and archived ones."""
    for case in (*CASES, *ENGLISH_CASES):
        for variant, system in enumerate(rng.sample(SYSTEMS, VARIANTS)):
            roll = rng.random()
            state = (ArticleState.DRAFT if roll < 0.08 else ArticleState.ARCHIVED
                     if roll < 0.12 else ArticleState.PUBLISHED)
            yield case_content(case, system, categories.get(case.category), state,
                               suffix=variant > 0)


def write_demo(conn: Connection, rng: Random, now: datetime) -> None:
    """Write the demo articles, their history and usage, and build the search index."""
    categories = {str(r[0]): str(r[1]) for r in conn.exec_driver_sql(
        "SELECT code, id FROM categories")}
    staff = [str(r[0]) for r in conn.exec_driver_sql("SELECT id FROM staff ORDER BY login")]
    resolved: dict[str, list[str]] = {}
    for ticket_id, category_id in conn.exec_driver_sql(
            "SELECT id, category_id FROM tickets WHERE state IN ('resolved', 'closed')"):
        resolved.setdefault(str(category_id), []).append(str(ticket_id))
    articles: list[dict[str, Any]] = []
    versions: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for content in demo_contents(rng, categories):
        created = now - timedelta(days=rng.randrange(20, 400), minutes=rng.randrange(1440))
        article_id = seeded_id(created, rng)
        author = rng.choice(staff) if staff else None
        revision = rng.choice((1, 1, 2, 3))
        history = _history(content, revision)
        for number, old in enumerate(history, start=1):
            at = created + timedelta(days=number - 1, hours=rng.randrange(8))
            versions.append({**_fields(old), "id": seeded_id(at, rng), "article_id": article_id,
                             "number": number, "at": at, "editor_id": author,
                             "note": "" if number == 1 else "补充处理步骤"})
        updated = created + timedelta(days=revision - 1, hours=8)
        articles.append({**_fields(content), "id": article_id, "version": revision,
                         "updated_at": updated, "deleted": False, "created_at": created,
                         "revision": revision, "author_id": author,
                         "reviewer_id": rng.choice(staff) if staff and revision > 1 else None,
                         "source_ticket_id": None})
        if content.state != ArticleState.PUBLISHED:
            continue
        for kind, most in (("viewed", 40), ("solved", 8)):
            for _ in range(rng.randrange(most)):
                at = updated + timedelta(minutes=rng.randrange(1, 60 * 24 * 20))
                events.append({"id": seeded_id(at, rng), "article_id": article_id, "at": at,
                               "actor_id": rng.choice(staff) if staff else None, "kind": kind})
        tickets = resolved.get(content.category_id or "", [])
        for ticket_id in rng.sample(tickets, min(len(tickets), rng.randrange(4))):
            links.append({"id": seeded_id(updated, rng), "article_id": article_id,
                          "ticket_id": ticket_id, "at": updated, "actor_id": author,
                          "kind": "inserted"})
    conn.execute(insert(ArticleRow), articles)
    conn.execute(insert(ArticleVersionRow), versions)
    if events:
        conn.execute(insert(ArticleEventRow), events)
    if links:
        conn.execute(insert(ArticleTicketLinkRow), links)
    driver: Any = conn.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    rebuild_index(driver)


def _history(content: ArticleContent, revision: int) -> list[ArticleContent]:
    """Earlier versions had fewer solution steps; the last one is the content itself."""
    steps = content.solution.split("\n")
    history = []
    for number in range(1, revision):
        shorter = "\n".join(steps[:max(1, len(steps) - (revision - number))])
        history.append(ArticleContent(**{**content.__dict__, "solution": shorter,
                                         "state": ArticleState.DRAFT}))
    return [*history, content]


def _fields(content: ArticleContent) -> dict[str, Any]:
    return {"title": content.title, "summary": content.summary, "body": content.body,
            "solution": content.solution, "category_id": content.category_id,
            "tags": "\n".join(content.tags), "applies_to": content.applies_to,
            "state": str(content.state)}
