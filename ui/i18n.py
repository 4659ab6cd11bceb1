"""Loading translations: Seatdesk's own and Qt's (for standard dialog buttons)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import TRANSLATIONS


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for ``language``; English needs none (it is the source)."""
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return []
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"seatdesk_{language}", str(TRANSLATIONS)),
                         (f"qtbase_{language}", qt_dir)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def switch_language(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Replace the installed translators with those of ``language``: every widget gets a
    LanguageChange event (the first-start walk-through retranslates itself with it)."""
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    return install_translators(app, language)


def system_locale_name() -> str:
    return QLocale.system().name()
