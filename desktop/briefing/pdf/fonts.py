"""The embedded TrueType fonts of every Dossier PDF (DejaVu: Latin, Cyrillic, the rouble sign).

Fonts are registered with reportlab on first use, never at import. Only these names are
used anywhere in our PDFs, so no base-14 font (which a viewer substitutes, often without
Cyrillic) can appear.
"""

from __future__ import annotations

import threading
from typing import Final

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from desktop import paths
from desktop.errors import KnownError

SERIF: Final = "DossierSerif"
SERIF_BOLD: Final = "DossierSerif-Bold"
SERIF_ITALIC: Final = "DossierSerif-Italic"
SERIF_BOLD_ITALIC: Final = "DossierSerif-BoldItalic"
SANS: Final = "DossierSans"
SANS_BOLD: Final = "DossierSans-Bold"
MONO: Final = "DossierMono"
MONO_BOLD: Final = "DossierMono-Bold"

FONT_FILES: Final[dict[str, str]] = {
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "DejaVuSerif-BoldItalic.ttf",
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    MONO: "DejaVuSansMono.ttf",
    MONO_BOLD: "DejaVuSansMono-Bold.ttf",
}

_lock = threading.Lock()


def register_fonts() -> None:
    """Register the DejaVu fonts and their bold/italic families with reportlab (idempotent)."""
    with _lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        if set(FONT_FILES) <= registered:
            return
        folder = paths.resources_dir() / "fonts"
        for name, file_name in FONT_FILES.items():
            if name in registered:
                continue
            path = folder / file_name
            if not path.is_file():
                raise KnownError(
                    "The font file {file_name} is missing; reinstall Dossier.", file_name=file_name
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))
        # Paragraph markup (<b>, <i>) resolves through these mappings.
        for family, regular, bold, italic, bold_italic in (
            (SERIF, SERIF, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD_ITALIC),
            (SANS, SANS, SANS_BOLD, SANS, SANS_BOLD),
            (MONO, MONO, MONO_BOLD, MONO, MONO_BOLD),
        ):
            addMapping(family, 0, 0, regular)
            addMapping(family, 1, 0, bold)
            addMapping(family, 0, 1, italic)
            addMapping(family, 1, 1, bold_italic)


def fit_line(value: str, font: str, size: float, width: float) -> str:
    """Cut `value` with an ellipsis so it fits on one line of `width` points."""
    if stringWidth(value, font, size) <= width:
        return value
    low, high = 0, len(value)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(value[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return value[:low] + "…"
