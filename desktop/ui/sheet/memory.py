"""The column choices of the spreadsheet wizard, remembered by each header's exact text.

Kept in the user's settings file beside the language and auto-lock (headers are a
file's layout, not case content), so the next file written the same way maps itself.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from desktop.core.sheetcolumns import ID_COLUMN, SHEETS
from desktop.services.sheetfiles import IGNORE

KEY = "sheet_import/columns"
MAX_REMEMBERED = 500
_COLUMNS = {IGNORE, ID_COLUMN} | {c for columns in SHEETS.values() for c in columns}


class ColumnMemory:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._q = settings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Dossier", "Dossier"
        )

    def load(self) -> dict[str, str]:
        try:
            value = json.loads(str(self._q.value(KEY, "{}") or "{}"))
        except ValueError:
            return {}
        if not isinstance(value, dict):
            return {}
        return {
            str(k): v for k, v in value.items() if isinstance(v, str) and v in _COLUMNS
        }  # a hand-edited file cannot smuggle in another column

    def remember(self, mapping: dict[str, str]) -> None:
        if not mapping:
            return
        known = self.load()
        known.update(mapping)
        kept = dict(list(known.items())[-MAX_REMEMBERED:])
        self._q.setValue(KEY, json.dumps(kept, ensure_ascii=False))
