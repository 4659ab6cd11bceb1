"""A short sound with a notification: QSoundEffect where Qt Multimedia is installed (the
optional ``sound`` extra, PySide6-Addons), else the platform's beep (PySide6-Essentials,
the desk's only Qt dependency, has no Qt Multimedia)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QApplication

from resources import SOUNDS

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

SOUND = SOUNDS / "notify.wav"


class Chime(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.effect: QSoundEffect | None = None  # loading SOUND, when there is one
        try:
            # Also fails where Addons is installed but a library it needs is not (libpulse).
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            return
        if SOUND.exists():
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(SOUND)))
            self.effect = effect

    @property
    def uses_beep(self) -> bool:
        return self.effect is None

    def play(self) -> None:
        effect = self.effect
        # An effect that failed to load (no audio device or sound server on the seat's
        # machine) would play nothing: the seat still hears the beep.
        if effect is None or effect.status() == effect.Status.Error:
            QApplication.beep()
        else:
            effect.play()
