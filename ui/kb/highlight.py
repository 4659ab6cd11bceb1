"""Snippets with their matches marked, as the rich text Qt draws."""

from __future__ import annotations

from html import escape

from app.kb.snippet import Snippet

MARK_STYLE = "background-color:#ffe58f;color:#000000;"


def snippet_html(snippet: Snippet) -> str:
    """The snippet as HTML, each highlighted range in a marked span, the rest escaped."""
    out, position = [], 0
    for start, end in snippet.spans:
        out.append(escape(snippet.text[position:start]))
        out.append(f'<span style="{MARK_STYLE}">{escape(snippet.text[start:end])}</span>')
        position = end
    out.append(escape(snippet.text[position:]))
    return "".join(out)
