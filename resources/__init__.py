"""Shipped resources: compiled translations, icons and the notification sound."""

from pathlib import Path

ROOT = Path(__file__).parent
TRANSLATIONS = ROOT / "translations"
ICONS = ROOT / "icons"
SOUNDS = ROOT / "sounds"
