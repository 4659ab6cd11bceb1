"""Shipped resources: compiled translations and icons."""

from pathlib import Path

ROOT = Path(__file__).parent
TRANSLATIONS = ROOT / "translations"
ICONS = ROOT / "icons"
