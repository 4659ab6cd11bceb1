"""The start-up path stays lean (issue 17; the targets against the floor window of
bench/startup.py are in docs/architecture.md): a real desk process, signed in from the
environment or stopping at its sign-in prompt, lists what it has loaded when its window is
shown and idle. A page or library that slips onto that path
costs every start tens of milliseconds without breaking anything else."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.demo.accounts import DEMO_AGENT, DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
# Libraries some feature needs, none of them the first page: each costs a start 20-400 ms.
HEAVY = ("sqlalchemy", "alembic", "requests", "urllib3", "orjson", "apscheduler", "yaml",
         "ortools", "openpyxl", "icalendar", "chinesecalendar", "keyring", "numpy", "pandas")
# Pages built when first shown, dialogs and windows opened on demand, and the readers
# and writers behind them (the wallboard loads on first show, issue 17).
LATER = ("ui.wallboard.page", "ui.reports.page", "app.reports", "ui.kb.page",
         "ui.rota.page", "app.rota", "ui.escalations.page", "ui.process.reviews_page",
         "ui.admin.", "ui.intake.dialog", "ui.ticket.window", "ui.sla.monitor",
         "ui.scheduling", "app.mail", "app.sync.client", "app.process.reading",
         "PySide6.QtMultimedia",
         # the notification centre (built when shown), the caller pop-up, the chat window
         # and the chats heard (made when an event or a chat ticket needs them)
         "ui.sla.notifications", "ui.channels.caller_popup", "ui.channels.chat_",
         "app.channels.chats", "app.channels.calls",
         "ui.seat.sign_in",  # the prompt of a start signed in from the environment, or a lock
         "html")  # escaping for the emergency banner, only with an emergency in force


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("lean") / "data"
    made = subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--tickets", "50",
                           "--data-dir", str(data)], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          cwd=ROOT, check=False)
    assert made.returncode == 0, made.stderr
    return data


def modules_when_shown(data: Path, password: str) -> set[str]:
    """The modules of a desk started on ``data`` when its first window is shown and idle:
    the queue when signed in from the environment, else the sign-in prompt (which the
    probe closes, ending the start)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SEATDESK_STARTUP_PROBE": "modules",
           "SEATDESK_PASSWORD": password}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data),
                             "--login", DEMO_AGENT], capture_output=True, text=True,
                            timeout=120, env=env, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert "seatdesk-ready" in result.stdout, result.stderr
    line = next(line for line in result.stdout.splitlines()
                if line.startswith("seatdesk-modules "))
    return set(line.split()[1:])


@pytest.fixture(scope="module")
def started(demo_folder: Path) -> set[str]:
    """The modules of a desk signed in from the environment, when its queue is shown."""
    return modules_when_shown(demo_folder, DEMO_PASSWORD)


def test_the_desk_starts_without_the_heavy_libraries(started: set[str]) -> None:
    assert "ui.desk" in started and "ui.queues.page" in started  # the probe saw the desk
    assert sorted({m.split(".")[0] for m in started} & set(HEAVY)) == []


def test_pages_and_dialogs_not_shown_at_start_are_not_loaded(started: set[str]) -> None:
    assert sorted(m for m in started if m.startswith(LATER)) == []


def test_the_sign_in_prompt_shows_before_the_desk_is_loaded(demo_folder: Path) -> None:
    # The prompt's demo hint once imported the demo generator's accounts module, and with
    # it SQLAlchemy: every seat's first window waited ~0.7 s for it.
    prompt = modules_when_shown(demo_folder, "")
    assert "ui.seat.sign_in" in prompt  # the probe saw the prompt
    assert sorted({m.split(".")[0] for m in prompt} & set(HEAVY)) == []
    assert sorted(m for m in prompt if m.startswith(("ui.desk", "ui.main_window",
                                                      "ui.queues", "ui.seat.seat_desk"))) == []
