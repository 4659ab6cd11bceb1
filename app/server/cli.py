"""``seatdesk-server``: the sync server's command line (filled in by the sync issue)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    print("seatdesk-server: the sync server is not part of this release yet; "
          "desks run standalone on their local database.", file=sys.stderr)
    return 2
