"""Render every page in both languages offscreen: ``./dev screenshots [--out DIR]``.

``--size 1024x700`` (repeatable) renders the main window at that size too, into files named
``<page>-<language>-1024x700.png``; ``--page`` (repeatable) limits the pages.

Uses one demo data folder (created on the first run) so pictures are comparable. Besides
the pages: the sign-in prompt, the first-start walk-through's pages, and each tab of the
administration page this desk has (a tab whose module is missing is skipped).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("queues", "ticket", "intake", "sla", "notifications", "kb", "rota", "sign-in",
         "setup", "setup-desk", "setup-admin", "setup-server", "rota-limits",
         "rota-dated-cover", "rota-successions", "rota-costs", "caller", "alert-rules", "chats",
         "ticket-chat",
         "process-plan", "process-verify", "process-review", "process-emergency")
ADMIN_TABS = ("people", "accounts", "catalog", "requesters", "settings", "audit")
LANGUAGES = ("zh_CN", "en")


def admin_pages() -> list[str]:
    """``admin-<tab>`` for each administration tab whose module exists (ui/admin/)."""
    return [f"admin-{tab}" for tab in ADMIN_TABS
            if (ROOT / "ui" / "admin" / f"{tab}_tab.py").exists()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "screenshots")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "out" / "screenshot-desk")
    parser.add_argument("--size", action="append", default=[], metavar="WxH",
                        help="also at this window size, e.g. 1024x700 (repeatable)")
    parser.add_argument("--page", action="append", default=[], help="only this page")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    sizes = args.size or [None]
    for page in args.page or (*PAGES, *admin_pages()):
        for language in LANGUAGES:
            for size in sizes:
                suffix = f"-{size}" if size else ""
                target = args.out / f"{page}-{language}{suffix}.png"
                extra = ["--size", size] if size else []
                subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot",
                                str(target), "--page", page, "--lang", language,
                                "--data-dir", str(args.data_dir), "--demo", *extra],
                               check=True, env=env, cwd=ROOT)
                print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
