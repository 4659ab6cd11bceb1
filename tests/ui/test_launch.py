"""The desk app as a user starts it: a real process, real files, no traceback on bad input."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from app.demo.accounts import DEMO_AGENT, DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def seatdesk(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, timeout=timeout, env=env, cwd=ROOT, check=False)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_screenshot_of_a_new_desk(tmp_path: Path, language: str) -> None:
    png = tmp_path / f"main-{language}.png"
    result = seatdesk("--screenshot", str(png), "--lang", language,
                      "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1440, 900)
    colors = {image.pixel(x, y) for x in range(0, 1440, 37) for y in range(0, 900, 23)}
    assert len(colors) > 20  # a painted window, not a blank rectangle
    # What the picture shows, written beside it (packaging/tests reads it from an installed
    # desk): the queues, with the navigation in the chosen language.
    assert image.text("Seatdesk-Page") == "queues"
    navigation = image.text("Seatdesk-Navigation").split("|")
    assert navigation[0] == {"zh_CN": "队列", "en": "Queues"}[language]
    assert len(navigation) >= 5
    with sqlite3.connect(tmp_path / "data" / "seatdesk.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM tickets").fetchone()[0] == 3000


def test_screenshot_at_a_small_screens_size(tmp_path: Path) -> None:
    png = tmp_path / "rota-1024x700.png"
    result = seatdesk("--screenshot", str(png), "--page", "rota", "--size", "1024x700",
                      "--lang", "en", "--data-dir", str(tmp_path / "data"), "--no-demo")
    assert result.returncode == 0, result.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1024, 700)
    assert image.text("Seatdesk-Page") == "rota"


def test_unknown_page_is_named_not_a_traceback(tmp_path: Path) -> None:
    result = seatdesk("--screenshot", str(tmp_path / "x.png"), "--page", "nowhere",
                      "--data-dir", str(tmp_path / "data"), "--no-demo")
    assert result.returncode == 2
    assert "unknown page 'nowhere'" in result.stderr
    assert ("queues, kb, rota, notifications, wallboard, escalations, reports, reviews, "
            "admin, ticket, intake, sla") in result.stderr
    assert "Traceback" not in result.stderr


def test_database_from_a_newer_version_is_refused_with_a_message(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert seatdesk("demo", "--tickets", "10", "--data-dir", str(data)).returncode == 0
    with sqlite3.connect(data / "seatdesk.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'fffe'")
    result = seatdesk("--screenshot", str(tmp_path / "x.png"), "--lang", "en",
                      "--data-dir", str(data))
    assert result.returncode == 2
    assert "newer version of Seatdesk" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_demo_command_makes_any_size_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    made = seatdesk("demo", "--tickets", "250", "--data-dir", str(data))
    assert made.returncode == 0, made.stderr
    with sqlite3.connect(data / "seatdesk.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM tickets").fetchone()[0] == 250
    again = seatdesk("demo", "--tickets", "5", "--data-dir", str(data))
    assert again.returncode == 2 and "already holds data" in again.stderr


def test_the_running_desk_collects_garbage_again_after_start_up(tmp_path: Path) -> None:
    """Collection is off while the desk starts (main.py); a desk that never turned it back
    on would grow all shift long."""
    data = tmp_path / "data"
    assert seatdesk("demo", "--tickets", "10", "--data-dir", str(data)).returncode == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SEATDESK_STARTUP_PROBE": "1",
           "SEATDESK_PASSWORD": DEMO_PASSWORD}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data),
                             "--login", DEMO_AGENT],
                            capture_output=True, text=True, timeout=120, env=env, cwd=ROOT,
                            check=False)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines()
                if line.startswith("seatdesk-ready"))
    ready = dict(part.split("=") for part in line.split()[1:])
    assert "seatdesk-painted" in result.stdout  # the probe waits for the first paint
    assert ready["gc_enabled"] == "1"
    # What start-up made is frozen, so collections during the shift skip it.
    assert int(ready["gc_frozen"]) > 10_000


def test_an_unattended_start_after_an_interrupted_first_start_signs_in(
        tmp_path: Path) -> None:
    """The folder's schema is current but its first start stopped before the demo was
    written: `--demo --login` writes it, and the password checked ahead (before the
    accounts existed) must not send the seat to the prompt."""
    from app.domain.clock import SystemClock
    from app.paths import DataDir
    from app.services.data_folder import needs_seed, prepare

    data = DataDir(tmp_path / "data")
    prepare(data, SystemClock())
    assert needs_seed(data)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SEATDESK_STARTUP_PROBE": "1",
           "SEATDESK_PASSWORD": DEMO_PASSWORD}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir",
                             str(data.root), "--demo", "--login", DEMO_AGENT, "--lang", "en"],
                            capture_output=True, text=True, timeout=180, env=env, cwd=ROOT,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "seatdesk-ready" in result.stdout
    assert "password" not in result.stderr.lower(), result.stderr  # no refusal, no prompt
    with sqlite3.connect(data.database) as conn:
        assert conn.execute("SELECT count(*) FROM tickets").fetchone()[0] > 0
