"""A short sound with a notification: QSoundEffect where Qt Multimedia is installed
(PySide6-Addons), else the platform's beep (PySide6-Essentials has no Qt Multimedia)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QApplication

from resources import SOUNDS

SOUND = SOUNDS / "notify.wav"


class Chime(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect: QObject | None = None
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            return
        if SOUND.exists():
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(SOUND)))
            self._effect = effect

    @property
    def uses_beep(self) -> bool:
        return self._effect is None

    def play(self) -> None:
        if self._effect is None:
            QApplication.beep()
        else:
            self._effect.play()  # type: ignore[attr-defined]
