"""Ranked full-text search over articles, and suggestions for a ticket being typed.

Reads with plain ``sqlite3`` (the hot path, see app/store/reading.py). A query's words
are ANDed, each Han word being a phrase of its bigrams, i.e. an exact substring match;
if that finds nothing, the bigrams and words are ORed so a longer sentence still finds
the closest articles (``SearchResult.relaxed`` tells the UI). BM25 ranks, with the title
weighing most; published articles come before drafts, and drafts before archived ones.
English stop words ("to", "with", "the": app/kb/stop_words.py) are not searched for.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from app.kb.article import ArticleState, tags_from_text
from app.kb.segment import Term, terms
from app.kb.snippet import Snippet, highlight, highlight_spans, needles, plain_text, snippet
from app.kb.stop_words import is_stop_word

# Weights per kb_search column: article_id, title, tags, summary, body, solution.
_BM25 = "bm25(kb_search, 0.0, 8.0, 4.0, 2.0, 1.0, 1.5)"
_STATE_ORDER = "CASE a.state WHEN 'published' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END"
# A ticket's text may hold hundreds of bigrams. ORing them all costs 100+ ms on 20 000
# articles, mostly walking the long posting lists of common bigrams that barely move BM25;
# suggestions use the rarest few, skipping those in more than 5 % of the articles (but
# never those in fewer than COMMON_FLOOR: a small library has no "common" bigrams).
MAX_SUGGEST_TOKENS = 16
COMMON_SHARE = 0.05
COMMON_FLOOR = 50
PER_TERM_TOKENS = 3
IDENTIFIER_WEIGHT = 3


@dataclass(frozen=True)
class SearchFilters:
    """Narrowing a search; ``None`` means any."""

    category_id: str | None = None
    tag: str | None = None
    state: ArticleState | None = None


@dataclass(frozen=True)
class SearchHit:
    """One found article with its highlighted title and snippet."""

    article_id: str
    title: Snippet
    snippet: Snippet
    state: ArticleState
    category_name: str
    tags: tuple[str, ...]
    solution: str
    score: float
    matched_tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchResult:
    """The hits, best first; ``relaxed`` if no article had every word."""

    hits: list[SearchHit]
    relaxed: bool = False


def strict_expression(query_terms: list[Term]) -> str:
    """Every term must occur (FTS5 ANDs juxtaposed expressions)."""
    return " AND ".join(term.match_expression() for term in query_terms)


def relaxed_expression(query_terms: list[Term], limit: int | None = None) -> str:
    """Any token may occur; the more and the rarer, the better the rank."""
    tokens: dict[str, None] = {}
    for term in query_terms:
        for token in term.tokens():
            tokens.setdefault(token)
    chosen = list(tokens)[:limit]
    return " OR ".join(f'"{token}"' for token in chosen)


def meaningful_terms(text: str) -> list[Term]:
    """The terms of ``text`` without English stop words (all of them if nothing else is
    left: a search for "to do" still finds something)."""
    found = terms(text)
    kept = [term for term in found if term.han or not is_stop_word(term.text)]
    return kept or found


def _is_identifier(token: str) -> bool:
    return token.isascii() and any(char.isdigit() for char in token)


class ArticleSearch:
    """Search over the ``kb_search`` index of one database."""

    def __init__(self, conn: sqlite3.Connection, language: str = "zh_CN") -> None:
        self._conn = conn
        self._name = "name_zh" if language.startswith("zh") else "name_en"
        self._vocab_ready = False

    def search(self, query: str, filters: SearchFilters = SearchFilters(),  # noqa: B008
               limit: int = 50) -> SearchResult:
        """Articles matching ``query``, best first, at most ``limit``."""
        query_terms = meaningful_terms(query)
        if not query_terms:
            return SearchResult([])
        ranked = self._ranked(strict_expression(query_terms), filters, limit)
        relaxed = False
        if not ranked and len(query_terms) + sum(len(t.tokens()) for t in query_terms) > 2:
            ranked = self._ranked(relaxed_expression(query_terms), filters, limit)
            relaxed = bool(ranked)
        return SearchResult(self._hits(ranked, query_terms), relaxed)

    def suggest(self, title: str, description: str, limit: int = 5) -> list[SearchHit]:
        """Published articles closest to a ticket's title and description."""
        query_terms = [term for term in terms(f"{title}\n{description}")
                       if term.han or not is_stop_word(term.text)]
        tokens = self._informative(query_terms)
        if not tokens:
            return []
        # bm25() sums over the query's phrases, so repeating an error code or CVE id
        # weighs it more than the bigrams of, say, a system's name.
        expression = " OR ".join(f'"{token}"' for token in tokens for _ in range(
            IDENTIFIER_WEIGHT if _is_identifier(token) else 1))
        ranked = self._ranked(expression, SearchFilters(state=ArticleState.PUBLISHED), limit)
        # Mark only the words that were searched for, not every bigram of the ticket.
        return self._hits(ranked, [Term(token, not token.isascii()) for token in tokens])

    def most_used(self, filters: SearchFilters = SearchFilters(),  # noqa: B008
                  limit: int = 50) -> list[SearchHit]:
        """What to show before anything is typed: the most used articles, then the newest."""
        where, params = self._filter_sql(filters)
        where.insert(0, "a.deleted = 0")
        rows = self._conn.execute(
            # A "solved it" vote says more than a view; a linked ticket in between.
            "SELECT a.id, (SELECT coalesce(sum(CASE e.kind WHEN 'solved' THEN 5 ELSE 1 END), 0)"
            " FROM kb_article_events e WHERE e.article_id = a.id)"
            " + 3 * (SELECT count(*) FROM kb_ticket_links l WHERE l.article_id = a.id) AS used"
            f" FROM kb_articles a WHERE {' AND '.join(where)}"
            f" ORDER BY {_STATE_ORDER}, used DESC, a.updated_at DESC LIMIT ?",
            [*params, limit]).fetchall()
        return self._hits([(str(r[0]), 0.0) for r in rows], [])

    @staticmethod
    def _filter_sql(filters: SearchFilters) -> tuple[list[str], list[str]]:
        where: list[str] = []
        params: list[str] = []
        if filters.category_id is not None:
            where.append("a.category_id = ?")
            params.append(filters.category_id)
        if filters.state is not None:
            where.append("a.state = ?")
            params.append(str(filters.state))
        if filters.tag:
            where.append("a.id IN (SELECT article_id FROM kb_article_tags WHERE tag = ?)")
            params.append(filters.tag)
        return where, params

    def _informative(self, query_terms: list[Term]) -> list[str]:
        """The rarest tokens of the terms, common ones left out (see MAX_SUGGEST_TOKENS)."""
        tokens = list(dict.fromkeys(t for term in query_terms for t in term.tokens()))
        if not tokens:
            return []
        if not self._vocab_ready:
            # A temp table: no schema change, and it works on a read-only connection.
            self._conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_search_vocab"
                               " USING fts5vocab(main, 'kb_search', 'row')")
            self._vocab_ready = True
        total = int(self._conn.execute("SELECT count(*) FROM kb_search_docsize").fetchone()[0])
        marks = ",".join("?" * len(tokens))
        frequency = dict(self._conn.execute(
            f"SELECT term, doc FROM temp.kb_search_vocab WHERE term IN ({marks})", tokens
        ).fetchall())
        common = max(COMMON_FLOOR, total * COMMON_SHARE)
        chosen: dict[str, None] = {}
        for term in query_terms:
            # Han bigrams missing from the index match nothing; English words are missing
            # because the index holds their stems: keep those, as if rare.
            useful = [t for t in term.tokens()
                      if frequency.get(t, 0) <= common and (t in frequency or t.isascii())]
            useful.sort(key=lambda t: frequency.get(t, 0))
            # A long name (a system's, say) must not take every place: a few per word.
            chosen.update(dict.fromkeys(useful[:PER_TERM_TOKENS]))
        # Error codes and CVE ids say the most about a ticket: they go first.
        ranked = sorted(chosen, key=lambda t: (not _is_identifier(t), frequency.get(t, 0)))
        return ranked[:MAX_SUGGEST_TOKENS]

    def _ranked(self, expression: str, filters: SearchFilters, limit: int
                ) -> list[tuple[str, float]]:
        """The best ``limit`` matches: published articles first (vetted knowledge: a draft
        may be wrong, an archived article out of date), then drafts, then archived ones,
        each by BM25."""
        where, params = self._filter_sql(filters)
        try:
            if where:
                where += ["a.deleted = 0", "kb_search MATCH ?"]
                sql = (f"SELECT s.article_id, {_BM25} AS score FROM kb_search s"
                       f" JOIN kb_articles a ON a.id = s.article_id"
                       f" WHERE {' AND '.join(where)} ORDER BY {_STATE_ORDER}, score LIMIT ?")
                rows = self._conn.execute(sql, [*params, expression, limit]).fetchall()
                return [(str(row[0]), float(row[1])) for row in rows]
            # Without filters FTS5 ranks alone, 3x faster than joining every match to its
            # article for its state. The unpublished articles are few (found through the
            # state index): among the best limit + their number by BM25 are the best
            # ``limit`` published ones, so ordering that window by state is exact.
            tiers = self._unpublished()
            rows = self._conn.execute(
                f"SELECT s.article_id, {_BM25} AS score FROM kb_search s WHERE kb_search"
                f" MATCH ? ORDER BY score LIMIT ?", [expression, limit + len(tiers)]
            ).fetchall()
        except sqlite3.OperationalError:
            return []  # an expression FTS5 cannot parse finds nothing rather than failing
        ranked = sorted(((str(row[0]), float(row[1])) for row in rows),
                        key=lambda hit: tiers.get(hit[0], 0))  # stable: BM25 within a tier
        return ranked[:limit]

    def _unpublished(self) -> dict[str, int]:
        """Article ids not published, with their place after the published ones."""
        later = {ArticleState.DRAFT: 1, ArticleState.ARCHIVED: 2}
        marks = ",".join("?" * len(later))
        rows = self._conn.execute(
            f"SELECT id, state FROM kb_articles WHERE state IN ({marks}) AND deleted = 0",
            [str(state) for state in later])
        return {str(article_id): later[ArticleState(state)] for article_id, state in rows}

    def _hits(self, ranked: list[tuple[str, float]], query_terms: list[Term]
              ) -> list[SearchHit]:
        if not ranked:
            return []
        ids = [article_id for article_id, _ in ranked]
        marks = ",".join("?" * len(ids))
        rows = self._conn.execute(
            f"SELECT a.id, a.title, a.summary, a.body, a.solution, a.state, a.tags,"
            f" coalesce(c.{self._name}, '') FROM kb_articles a"
            f" LEFT JOIN categories c ON c.id = a.category_id"
            f" WHERE a.id IN ({marks}) AND a.deleted = 0", ids).fetchall()
        by_id: dict[str, Any] = {str(row[0]): row for row in rows}
        words = needles(query_terms)
        hits = []
        for article_id, score in ranked:
            row = by_id.get(article_id)
            if row is None:
                continue  # deleted since it was indexed
            prose = plain_text("\n".join(part for part in row[2:5] if part))
            tags = tags_from_text(str(row[6]))
            hits.append(SearchHit(
                article_id=article_id, title=highlight(str(row[1]), words),
                snippet=snippet(prose, words), state=ArticleState(row[5]),
                category_name=str(row[7]), tags=tags, solution=str(row[4]), score=score,
                matched_tags=tuple(tag for tag in tags if highlight_spans(tag, words))))
        return hits
