"""Turning Chinese, English and identifiers into search tokens, for the index and for queries.

SQLite's tokenizers do not segment Chinese: ``unicode61`` makes a whole run of Han
characters one token, so 网络 would never match 网络不通. The index therefore stores a
pre-tokenised copy of each text:

- a run of Han characters becomes its overlapping character bigrams (网络不通 → 网络 络不
  不通) plus its last character alone, so every character starts some token and a
  one-character query can be a prefix query;
- identifiers such as ``ORA-00600`` or ``CVE-2024-3094`` stay whole (FTS5 is told ``-``,
  ``_`` and ``.`` are token characters) and their parts are indexed as well, so ``ORA``
  and ``00600`` alone find them too.

Bigrams need no dictionary (jieba takes 1.6 s to load its one) and match any substring
of two or more characters exactly: a query word is a phrase of its bigrams.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from operator import add

# The FTS5 tokenizer that reads the pre-tokenised text; porter stems the English words.
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2 tokenchars '-_.'"

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"([{_HAN}]+)|([a-z0-9]+(?:[-_.][a-z0-9]+)*)")
_PARTS = re.compile(r"[-_.]")


# Blocks where NFKC maps one character to another single one: full-width forms, ideographic
# space and punctuation, CJK compatibility ideographs. Outside them, lower() is enough.
_FOLDABLE = ((0x2000, 0x33FF), (0xF900, 0xFAFF), (0xFE30, 0xFFEF))
_FOLDABLE_CHARS = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _FOLDABLE) + "]")
_fold_table: dict[int, str] | None = None


def _folds() -> dict[int, str]:
    global _fold_table  # noqa: PLW0603 (built once, on first use: ~5 ms kept off start-up)
    if _fold_table is None:
        table = {}
        for first, last in _FOLDABLE:
            for code in range(first, last + 1):
                folded = unicodedata.normalize("NFKC", chr(code))
                if len(folded) == 1 and folded != chr(code):
                    table[code] = folded
        _fold_table = table
    return _fold_table


def normalize(text: str) -> str:
    """Full-width forms to ASCII (ＯＲＡ－００６００ → ora-00600), lower case, same length.

    Keeping the length lets snippet offsets found in the normalised text point into
    the original one.
    """
    if _FOLDABLE_CHARS.search(text) is None:  # the usual case, and 10x faster
        return text.lower()
    # Only the few foldable characters are looked up: str.translate would look up every
    # character of the text (a third of the time to index a ticket).
    folds = _folds()
    return _FOLDABLE_CHARS.sub(lambda m: folds.get(ord(m[0]), m[0]), text).lower()


@dataclass(frozen=True)
class Term:
    """One word of a query: a Han run or an ASCII word/identifier, normalised."""

    text: str
    han: bool

    def tokens(self) -> list[str]:
        """The index tokens this term is made of (bigrams for a Han run)."""
        if not self.han:
            return [self.text]
        if len(self.text) == 1:
            return [self.text]
        return [self.text[i:i + 2] for i in range(len(self.text) - 1)]

    def match_expression(self) -> str:
        """The FTS5 expression matching this term exactly."""
        if self.han and len(self.text) == 1:
            return f'"{self.text}"*'
        return '"' + " ".join(self.tokens()) + '"'


def terms(text: str) -> list[Term]:
    """The query terms of ``text``, in order, without repeats."""
    seen: set[str] = set()
    found: list[Term] = []
    for match in _TOKEN.finditer(normalize(text)):
        word = match.group(0)
        if word not in seen:
            seen.add(word)
            found.append(Term(word, match.group(1) is not None))
    return found


def index_text(text: str) -> str:
    """The space-separated tokens stored in the full-text index for ``text``."""
    tokens: list[str] = []
    append, extend = tokens.append, tokens.extend  # every ticket of an initial sync comes here
    for han, word in _TOKEN.findall(normalize(text)):
        if han:
            extend(map(add, han, han[1:]))  # the bigrams
            append(han[-1])
        else:
            append(word)
            if _PARTS.search(word):
                extend(part for part in _PARTS.split(word) if part)
    return " ".join(tokens)
