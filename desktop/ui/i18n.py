"""Loading translations and switching the interface language while the app runs.

Installing a new QTranslator makes Qt send `QEvent.LanguageChange` to every widget; each
window answers by setting its texts again (its `retranslate` method).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core.rules import show_unreadable_in
from desktop.paths import resources_dir

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []
_current = "en"


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def current_language() -> str:
    """ "en" or "ru": the language of labels drawn from the domain vocabularies and dates."""
    return _current


def install_language(language: str) -> bool:
    """Use `language` ("en" or "ru") from now on; True when its translation was found."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QCoreApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = language if language in ("en", "ru") else "en"
    show_unreadable_in(_current)  # records read from now on are marked in this language
    locale = QLocale.Language.Russian if _current == "ru" else QLocale.Language.English
    QLocale.setDefault(QLocale(locale))
    if _current == "en":  # removing the translators already sent LanguageChange
        return True
    found = True
    ours = QTranslator(app)
    if ours.load(f"dossier_{_current}", translations_dir()):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        found = False
        log.warning(
            "translation %s missing in %s (run make translations)", _current, translations_dir()
        )
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{_current}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    log.info("interface language: %s", _current)
    return found
