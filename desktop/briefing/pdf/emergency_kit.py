"""The one-page emergency kit printed when a vault is created: the recovery key and what
to do with it, and the vault's recovery slot (as text and as a QR code) so the key can
open the database even when both key files are lost. Same fonts, same determinism as
the briefing pack; the key is printed exactly as given and never goes into the PDF's
metadata. A kit reprinted later has an empty box where the user writes the key by hand."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Preformatted, SimpleDocTemplate, Spacer, Table

from desktop.briefing.labels import label
from desktop.briefing.pdf import fonts
from desktop.briefing.pdf.canvas import DeferredCanvas
from desktop.briefing.pdf.geometry import paper_size
from desktop.briefing.pdf.styles import MARKING, build_styles

KEY_FONT_SIZE: Final = 16.0
SLOT_FONT_SIZE: Final = 8.5
QR_SIZE: Final = 46 * mm
# Strings of the kit's second half (the labels module holds the first half's).
KIT_TEXT: Final = {
    "slot": ("Recovery slot", "Слот восстановления"),
    "slot.help": (
        "If both key files of the vault (keystore.json and keystore.copy.json) are lost, "
        "type these lines (or scan the code) into a text file and run: dossier vault "
        "restore-keys VAULT --kit-text FILE. With the recovery key above, this opens the "
        "database and sets a new passphrase. After a key rotation, print a new kit.",
        "Если оба файла ключей хранилища (keystore.json и keystore.copy.json) утрачены, "
        "перепечатайте эти строки (или отсканируйте код) в текстовый файл и выполните: "
        "dossier vault restore-keys ХРАНИЛИЩЕ --kit-text ФАЙЛ. Вместе с ключом "
        "восстановления это откроет базу и задаст новый пароль. После смены ключа "
        "шифрования распечатайте новый комплект.",
    ),
    "write.key": (
        "Write the recovery key here by hand",
        "Впишите сюда ключ восстановления от руки",
    ),
}


def kit_label(lang: str, key: str) -> str:
    english, russian = KIT_TEXT[key]
    return russian if lang == "ru" else english


def qr_code(text: str) -> Flowable:
    widget = QrCodeWidget(text, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0]
    )
    drawing.add(widget)
    return drawing


def render_emergency_kit(
    vault_name: str,
    recovery_key: str,
    created_on: dt.date,
    lang: str,
    paper: str = "a4",
    *,
    kit_text: str = "",
) -> bytes:
    """A one-page PDF with the vault's name, creation date, recovery key (or a box to
    write it in, when `recovery_key` is empty) and the recovery slot `kit_text`."""
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
        Paragraph(escape(recovery_key or kit_label(lang, "write.key")), key_style),
        Paragraph(escape(label(lang, "kit.instructions")), styles.body),
    ]
    if kit_text:
        slot_style = ParagraphStyle(
            "recovery_slot", fontName=fonts.MONO, fontSize=SLOT_FONT_SIZE, leading=11
        )
        story += [
            Spacer(1, 5 * mm),
            Paragraph(escape(kit_label(lang, "slot")), styles.subheading),
            Table(
                [[Preformatted(kit_text.rstrip("\n"), slot_style), qr_code(kit_text)]],
                colWidths=[None, QR_SIZE + 4 * mm],
                style=[("VALIGN", (0, 0), (-1, -1), "TOP")],
            ),
            Paragraph(escape(kit_label(lang, "slot.help")), styles.body),
        ]
    ymd = (created_on.year, created_on.month, created_on.day)

    def canvas_maker(*args: Any, **kwargs: Any) -> DeferredCanvas:
        return DeferredCanvas(*args, creation_date=ymd, **kwargs)

    doc.build(story, canvasmaker=canvas_maker)
    return out.getvalue()
