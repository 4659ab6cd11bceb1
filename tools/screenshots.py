"""Render every page in both languages offscreen: ``./dev screenshots [--out DIR]``.

Uses one demo data folder (created on the first run) so pictures are comparable.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("queues", "ticket", "intake", "sla", "notifications", "kb", "rota")
LANGUAGES = ("zh_CN", "en")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "screenshots")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "out" / "screenshot-desk")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for page in PAGES:
        for language in LANGUAGES:
            target = args.out / f"{page}-{language}.png"
            subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(target),
                            "--page", page, "--lang", language, "--data-dir",
                            str(args.data_dir), "--demo"], check=True, env=env, cwd=ROOT)
            print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
