"""``python -m ui.kb`` previews the page alone, with a search and a ticket text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from app.paths import DataDir

ROOT = Path(__file__).resolve().parents[2]


def test_the_preview_renders_a_chinese_search_and_suggestions(demo_desk: DataDir,
                                                              tmp_path: Path) -> None:
    shot = tmp_path / "kb.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-m", "ui.kb", "--data-dir", str(demo_desk.root),
                    "--lang", "zh_CN", "--query", "网络", "--ticket", "区县专线中断",
                    "--screenshot", str(shot)], check=True, cwd=ROOT, env=env, timeout=60)
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1440, 900)
