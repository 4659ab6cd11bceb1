"""English words too common to say what a ticket or article is about.

A ticket typed in English ("unable to connect with the VPN") shares "to", "with" and "the"
with half the articles that have any English in them; matched as words, they ranked an
unrelated article first. Searches and suggestions leave them out, unless a query has
nothing else. Chinese needs no such list: its function characters (的, 了) never form a
bigram with a meaning of their own often enough to outrank the words around them.
"""

from __future__ import annotations

STOP_WORDS = frozenset("""
a about above after again against all am an and any are aren't as at be because been before
being below between both but by can cannot could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in into
is it its itself just me more most my myself no nor not now of off on once only or other our
ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves
please can't cannot won't don't doesn't isn't wasn't
""".split())


def is_stop_word(word: str) -> bool:
    """Whether ``word`` (lower case, as search terms are) is too common to search for."""
    return word in STOP_WORDS
