"""The user's preferences, kept in QSettings (an INI file in the user's config folder).

Tests point QSettings at a temporary folder with `QSettings.setPath`, so they never touch
the real configuration.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

LANGUAGE_KEY = "ui/language"
AUTOLOCK_KEY = "security/autolock_minutes"
GEOMETRY_KEY = "ui/geometry"
LANGUAGES = ("en", "ru")
DEFAULT_AUTOLOCK_MINUTES = 10
MAX_AUTOLOCK_MINUTES = 24 * 60


def system_language() -> str:
    """Russian when the system speaks it, English otherwise."""
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


class AppSettings:
    """Typed access to the few settings Dossier keeps outside the vault."""

    def __init__(self) -> None:
        self._q = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Dossier", "Dossier"
        )

    @property
    def file_name(self) -> str:
        return self._q.fileName()

    @property
    def language(self) -> str:
        value = str(self._q.value(LANGUAGE_KEY, "") or "")
        return value if value in LANGUAGES else system_language()

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue(LANGUAGE_KEY, value if value in LANGUAGES else "en")

    @property
    def autolock_minutes(self) -> int:
        """Minutes of inactivity before the vault locks itself; 0 turns it off."""
        try:
            value = int(str(self._q.value(AUTOLOCK_KEY, DEFAULT_AUTOLOCK_MINUTES)))
        except ValueError:
            return DEFAULT_AUTOLOCK_MINUTES
        return max(0, min(value, MAX_AUTOLOCK_MINUTES))

    @autolock_minutes.setter
    def autolock_minutes(self, value: int) -> None:
        self._q.setValue(AUTOLOCK_KEY, max(0, min(int(value), MAX_AUTOLOCK_MINUTES)))

    def geometry(self) -> bytes:
        value = self._q.value(GEOMETRY_KEY, b"")
        return bytes(value) if isinstance(value, bytes | bytearray) else b""

    def set_geometry(self, value: bytes) -> None:
        self._q.setValue(GEOMETRY_KEY, value)

    def sync(self) -> None:
        self._q.sync()
