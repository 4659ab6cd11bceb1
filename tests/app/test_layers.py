"""DESIGN.md section 2: app/ never imports ui/ or PySide6."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
FORBIDDEN = ("PySide6", "ui", "shiboken6")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_module_in_app_imports_qt_or_ui() -> None:
    offenders = []
    for path in APP.rglob("*.py"):
        for name in imported_modules(path):
            if name.split(".")[0] in FORBIDDEN:
                offenders.append(f"{path.relative_to(APP.parent)}: {name}")
    assert offenders == []


def test_the_ast_check_catches_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtCore import QTimer\n    import ui.tickets\n")
    assert {"PySide6.QtCore", "ui.tickets"} <= imported_modules(bad)


def test_importing_all_of_app_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(APP.parent).with_suffix("").parts)
        for p in APP.rglob("*.py")
        if p.name != "__init__.py" and "migrations" not in p.parts
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'ui')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=APP.parent, check=True)
    assert result.stdout.strip() == "[]"


def test_the_start_up_path_does_not_load_heavy_libraries() -> None:
    """Start-up must stay close to a bare Qt window: the write side (SQLAlchemy, Alembic),
    the rota solver and YAML load on first use, not when the window is built."""
    code = (
        "import sys, ui.desk, ui.launch\n"
        "heavy = ('sqlalchemy', 'alembic', 'ortools', 'yaml', 'jieba', 'apscheduler')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in heavy}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=APP.parent, check=True)
    assert result.stdout.strip() == "[]"
