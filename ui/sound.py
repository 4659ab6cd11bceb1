"""A short sound with a notification: QSoundEffect where Qt Multimedia is installed (the
optional ``sound`` extra, PySide6-Addons), else the platform's beep (PySide6-Essentials,
the desk's only Qt dependency, has no Qt Multimedia)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QApplication

from resources import SOUNDS

SOUND = SOUNDS / "notify.wav"


class Chime(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.effect: QObject | None = None  # a QSoundEffect loading SOUND, when there is one
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
        if self.effect is None:
            QApplication.beep()
        else:
            self.effect.play()  # type: ignore[attr-defined]
