"""The one-page emergency kit printed when a vault is created: the recovery key and what
to do with it. Same fonts, same determinism as the briefing pack; the key is printed exactly as
given and never goes into the PDF's metadata."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from desktop.briefing.labels import label
from desktop.briefing.pdf import fonts
from desktop.briefing.pdf.canvas import DeferredCanvas
from desktop.briefing.pdf.geometry import paper_size
from desktop.briefing.pdf.styles import MARKING, build_styles

KEY_FONT_SIZE: Final = 16.0


def render_emergency_kit(
    vault_name: str, recovery_key: str, created_on: dt.date, lang: str, paper: str = "a4"
) -> bytes:
    """A one-page PDF with the vault's name, creation date and recovery key."""
    fonts.register_fonts()
    styles = build_styles(11)
    key_style = ParagraphStyle(
        "recovery_key",
        fontName=fonts.MONO_BOLD,
        fontSize=KEY_FONT_SIZE,
        leading=KEY_FONT_SIZE * 1.5,
        borderColor=MARKING,
        borderWidth=1.2,
        borderPadding=10,
        spaceBefore=16,
        spaceAfter=18,
    )
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=paper_size(paper),
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=25 * mm,
        bottomMargin=25 * mm,
        title=label(lang, "kit.title"),
        author="",
        subject="",
        creator="Dossier",
        producer="Dossier",
        keywords="",
        invariant=1,
        lang=lang,
        initialFontName=fonts.SERIF,
    )
    story = [
        Paragraph(escape(label(lang, "kit.title")), styles.cover_title),
        Paragraph(f"<b>{escape(label(lang, 'kit.vault'))}:</b> {escape(vault_name)}", styles.body),
        Paragraph(
            f"<b>{escape(label(lang, 'kit.created_on'))}:</b> {created_on.isoformat()}",
            styles.body,
        ),
        Spacer(1, 10 * mm),
        Paragraph(escape(label(lang, "kit.recovery_key")), styles.subheading),
        Paragraph(escape(recovery_key), key_style),
        Paragraph(escape(label(lang, "kit.instructions")), styles.body),
    ]
    ymd = (created_on.year, created_on.month, created_on.day)

    def canvas_maker(*args: Any, **kwargs: Any) -> DeferredCanvas:
        return DeferredCanvas(*args, creation_date=ymd, **kwargs)

    doc.build(story, canvasmaker=canvas_maker)
    return out.getvalue()
