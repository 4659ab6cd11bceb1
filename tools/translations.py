"""Update the Qt translation sources from the code and compile them.

``./dev translations`` runs lupdate over ui/ (new strings appear as unfinished entries in
resources/translations/*.ts), then lrelease to the shipped .qm files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def qt_tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    found = found or shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found; install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"seatdesk_{language}.ts"


def lupdate(target: Path) -> None:
    """Merge the strings found in ui/ into ``target`` (created if missing)."""
    subprocess.run([qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    *sources(), "-ts", str(target)], cwd=ROOT, check=True)


def lrelease(source: Path, target: Path) -> None:
    subprocess.run([qt_tool("lrelease"), "-silent", str(source), "-qm", str(target)],
                   cwd=ROOT, check=True)


def main() -> int:
    for language in LANGUAGES:
        ts = ts_file(language)
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
        print(f"{ts.name}: {unfinished} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
