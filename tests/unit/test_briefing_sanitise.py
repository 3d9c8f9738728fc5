"""Exhibit files cleaned for redacted packs: JPEG metadata segments, PDF page baggage."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Text
from pypdf.generic import DictionaryObject, NameObject, StreamObject
from reportlab.pdfgen.canvas import Canvas

from desktop.briefing.sanitise import clean_jpeg, clean_pdf

SECRET = "Elena Petrova, +7 916 000 00 00"


def jpeg_with_metadata() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x013B] = SECRET  # Artist
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=SECRET.encode())
    data = out.getvalue()
    # an XMP packet in APP1, as cameras and editors write it
    xmp = b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>" + SECRET.encode() + b"</x:xmpmeta>"
    segment = b"\xff\xe1" + (len(xmp) + 2).to_bytes(2, "big") + xmp
    return data[:2] + segment + data[2:]


def test_jpeg_loses_exif_xmp_and_comments_but_keeps_its_pixels() -> None:
    data = jpeg_with_metadata()
    assert SECRET.encode() in data
    cleaned = clean_jpeg(data)
    assert SECRET.encode() not in cleaned
    assert b"Exif" not in cleaned and b"xmpmeta" not in cleaned
    before, after = Image.open(io.BytesIO(data)), Image.open(io.BytesIO(cleaned))
    assert after.size == before.size
    assert after.tobytes() == before.tobytes()  # the picture is not re-encoded


def test_not_a_jpeg_is_left_alone() -> None:
    assert clean_jpeg(b"GIF89a...") == b"GIF89a..."
    assert clean_jpeg(b"\xff\xd8\xff\xe1\x00") == b"\xff\xd8\xff\xe1\x00"  # truncated


def noted_pdf() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.drawString(72, 720, "Protocol of the search")
    canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    writer.add_annotation(0, Text(rect=(50, 550, 200, 650), text=SECRET))
    writer.add_metadata({"/Author": SECRET})
    writer.add_attachment("secret.txt", SECRET.encode())
    page = writer.pages[0]
    xmp = StreamObject()
    xmp.set_data(SECRET.encode())
    page[NameObject("/Metadata")] = writer._add_object(xmp)
    page[NameObject("/PieceInfo")] = DictionaryObject(
        {NameObject("/Editor"): xmp.indirect_reference}
    )
    noted = io.BytesIO()
    writer.write(noted)
    return noted.getvalue()


def test_pdf_keeps_its_page_text_and_nothing_else() -> None:
    data = noted_pdf()
    assert SECRET.encode() in data
    cleaned = clean_pdf(data)
    assert SECRET.encode() not in cleaned
    reader = PdfReader(io.BytesIO(cleaned))
    assert reader.pages[0].extract_text().strip() == "Protocol of the search"
    page = reader.pages[0]
    assert "/Annots" not in page and "/Metadata" not in page and "/PieceInfo" not in page
    assert "/Names" not in reader.trailer["/Root"]
    assert clean_pdf(data) == cleaned  # same input, same bytes
