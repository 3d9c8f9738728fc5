"""The spreadsheet layout shared by spreadsheet import and the xlsx/csv exports.

One sheet (XLSX) or one file (CSV) per kind of record, with these exact header names, so a
file exported from one case imports into another unchanged. List cells hold several values
separated by `LIST_SEPARATOR`; a source reference is `label` or `label:pin` (`S1:¶2`).
Every sheet may also carry an `id` column: a stable key that makes re-import idempotent.
"""

from __future__ import annotations

from typing import Final, Literal

SheetName = Literal["sources", "people", "events", "complaints"]

# In import order: a sheet's references point only at sheets before it.
SHEETS: Final[dict[SheetName, tuple[str, ...]]] = {
    "sources": ("label", "title", "author", "date", "url", "kind"),
    "people": ("name", "original", "aliases", "kind", "description"),
    "events": (
        "date",
        "title",
        "description",
        "status",
        "place",
        "people",
        "sources",
        "key",
        "tags",
    ),
    "complaints": (
        "filed",
        "by",
        "body",
        "against",
        "subject",
        "reference",
        "registration",
        "due",
        "status",
    ),
}

ID_COLUMN: Final = "id"
LIST_SEPARATOR: Final = ";"
PIN_SEPARATOR: Final = ":"
YES: Final = "yes"
