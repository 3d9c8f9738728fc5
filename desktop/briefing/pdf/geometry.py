"""Paper sizes shared by the pack, its exhibit pages and the emergency kit."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, LETTER

from desktop.errors import BugError

_PAPERS = {"a4": A4, "letter": LETTER}


def paper_size(paper: str) -> tuple[float, float]:
    """(width, height) in points of a portrait page."""
    try:
        width, height = _PAPERS[paper]
    except KeyError:
        raise BugError(f"unknown paper {paper!r}") from None
    return float(width), float(height)
