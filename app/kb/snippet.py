"""Highlighted snippets built from an article's original text.

FTS5's own ``snippet()`` would quote the pre-tokenised copy (bigrams, lower case), which
a seat cannot read; the snippet is cut from the original text instead, with the spans of
the query's words marked, and the UI draws the marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.kb.segment import Term, normalize

WIDTH = 90
LEAD = 18
ELLIPSIS = "…"
# Window starts tried when choosing where to cut: enough for any real article.
MAX_WINDOWS = 40

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BLOCK = re.compile(r"^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+|^[-=]{3,}$", re.MULTILINE)
_INLINE = re.compile(r"[*`]{1,3}")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Snippet:
    """A piece of text and the character ranges to highlight in it."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The text with each highlighted range wrapped (for tests and plain-text views)."""
        out, position = [], 0
        for start, end in self.spans:
            out += [self.text[position:start], before, self.text[start:end], after]
            position = end
        out.append(self.text[position:])
        return "".join(out)


def plain_text(markdown: str) -> str:
    """Markdown reduced to running text: no images, link targets, heading or list marks."""
    text = markdown
    if "](" in text:
        text = _LINK.sub(r"\1", _IMAGE.sub(" ", text))
    text = _INLINE.sub("", _BLOCK.sub(" ", text))
    return _SPACE.sub(" ", text).strip()


def needles(query_terms: list[Term]) -> list[str]:
    """What to look for in the original text: whole words, else their bigrams, longest first."""
    found: set[str] = set()
    for term in query_terms:
        found.add(term.text)
        if term.han:
            found.update(term.tokens())
        elif term.text.endswith("s") and len(term.text) > 3:
            found.add(term.text[:-1])  # "backups" should light up "backup"
    return sorted(found, key=lambda word: (-len(word), word))


def highlight_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """The ranges of ``text`` covered by occurrences of ``words``; overlapping or touching
    occurrences merge (the bigrams 内部, 部错, 错误 mark 内部错误 as one)."""
    lowered = normalize(text)
    found: list[tuple[int, int]] = []
    for word in words:
        start = lowered.find(word)
        while start >= 0:
            end = start + len(word)
            if _whole_ascii(lowered, start, end):
                found.append((start, end))
            start = lowered.find(word, start + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _whole_ascii(text: str, start: int, end: int) -> bool:
    """ASCII words only match at a word start (``ora`` must not light up ``fora``)."""
    if not text[start].isascii() or start == 0:
        return True
    return not text[start - 1].isalnum() or not text[start - 1].isascii()


def highlight(text: str, words: list[str]) -> Snippet:
    """The whole of ``text`` (a title, say) with its matches marked."""
    return Snippet(text, tuple(highlight_spans(text, words)))


def snippet(text: str, words: list[str], width: int = WIDTH) -> Snippet:
    """About ``width`` characters of ``text`` around the densest cluster of matches."""
    spans = highlight_spans(text, words)
    if len(text) <= width:
        return Snippet(text, tuple(spans))
    if not spans:
        return Snippet(text[:width].rstrip() + ELLIPSIS)
    best, best_score = spans[0][0], -1
    words_at = [normalize(text[a:b]) for a, b in spans]
    for i, (start, _) in enumerate(spans[:MAX_WINDOWS]):
        j = i
        while j < len(spans) and spans[j][1] <= start + width:
            j += 1
        score = len(set(words_at[i:j])) * 100 + (j - i)
        if score > best_score:
            best, best_score = start, score
    begin = max(0, best - LEAD)
    end = min(len(text), begin + width)
    begin = max(0, end - width)
    prefix = ELLIPSIS if begin > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - begin
    kept = tuple((a + shift, b + shift) for a, b in spans if a >= begin and b <= end)
    return Snippet(prefix + text[begin:end] + suffix, kept)
