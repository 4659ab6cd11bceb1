"""The notification sound: QSoundEffect with the shipped wav where Qt Multimedia is
installed (the ``sound`` extra, part of ``test``), the platform's beep where it is not."""

from __future__ import annotations

import os
import sys
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.sound import SOUND, Chime

try:
    from PySide6.QtMultimedia import QSoundEffect
except ImportError:
    MULTIMEDIA = False
else:
    MULTIMEDIA = True

# CI installs the test extra, so there a missing Qt Multimedia fails the test, not skips it.
needs_multimedia = pytest.mark.skipif(
    not MULTIMEDIA and not os.environ.get("CI"),
    reason="Qt Multimedia is not installed (pip install -e '.[test]' brings PySide6-Addons)")
# A machine without a sound server or card (CI, offscreen) says so while the effect loads.
NO_AUDIO_DEVICE = pytest.mark.qt_log_ignore(
    r"^Couldn't (load|resolve) ", "PulseAudio", "pipewire", "QSoundEffect", "audio device",
    "FFmpeg")


@pytest.fixture
def beeps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    heard: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: heard.append(1)))
    return heard


def test_the_shipped_sound_is_a_short_wav() -> None:
    with wave.open(str(SOUND)) as sound:
        seconds = sound.getnframes() / sound.getframerate()
        assert sound.getnchannels() in (1, 2) and sound.getsampwidth() == 2
        assert sound.getframerate() >= 8000
    assert 0.05 < seconds < 1.5


@needs_multimedia
@NO_AUDIO_DEVICE
def test_with_qt_multimedia_the_chime_plays_the_wav(qtbot: QtBot, beeps: list[int],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    chime = Chime()
    effect = chime.effect
    assert not chime.uses_beep
    assert isinstance(effect, QSoundEffect)
    assert effect.source() == QUrl.fromLocalFile(str(SOUND))
    played: list[int] = []
    monkeypatch.setattr(effect, "play", lambda: played.append(1))
    chime.play()
    assert played == [1] and beeps == []
    # Loading ends (ready, or an error without an audio device) before the test does, so
    # what the audio back-end says about this machine is said here.
    qtbot.waitUntil(lambda: effect.status() != QSoundEffect.Status.Loading, timeout=5000)


def test_without_qt_multimedia_the_chime_beeps(beeps: list[int],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # as on Essentials only
    chime = Chime()
    assert chime.uses_beep and chime.effect is None
    chime.play()
    chime.play()
    assert beeps == [1, 1]


@needs_multimedia
@NO_AUDIO_DEVICE
def test_an_effect_that_failed_to_load_beeps_instead(qtbot: QtBot, beeps: list[int],
                                                     tmp_path: Path) -> None:
    """Without a usable audio device or a readable wav, QSoundEffect plays nothing."""
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"not a wave file")
    chime = Chime()
    effect = chime.effect
    assert isinstance(effect, QSoundEffect)
    effect.setSource(QUrl.fromLocalFile(str(broken)))
    qtbot.waitUntil(lambda: effect.status() == QSoundEffect.Status.Error, timeout=5000)
    chime.play()
    assert beeps == [1]
