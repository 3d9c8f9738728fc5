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


# ---- cells a spreadsheet would run as formulas (CSV injection) -----------------------------
# Excel and LibreOffice treat a CSV cell starting with one of these as a formula (OWASP's
# list). The CSV exports put an apostrophe before such a cell, which spreadsheets read as
# "this is text"; a cell already starting with apostrophes before one of them gets one more,
# so spreadsheet import can take exactly the added one off again.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(text: str) -> bool:
    return text.lstrip("'").startswith(FORMULA_STARTS)


def formula_safe(text: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula ("=1+2" becomes "'=1+2")."""
    return "'" + text if _needs_quote(text) else text


def from_formula_safe(text: str) -> str:
    """The cell `formula_safe` was given: the apostrophe it added taken off, nothing else."""
    return text[1:] if text.startswith("'") and _needs_quote(text) else text
