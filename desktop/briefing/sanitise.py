"""Exhibit files made fit for a redacted pack: only what the pages show goes along.

Copying a PDF's pages into a pack also copies whatever hangs off them. For `counsel` and
`public` packs a PDF exhibit keeps its pages' visible content and nothing else: its
annotations (sticky notes, links, form widgets, attached files), page actions, per-page
and per-image metadata and thumbnails are dropped, and nothing of its document catalog
(form fields, embedded files, JavaScript, open actions, XMP, document information) is
carried over at all, because only pages are copied. A JPEG loses its EXIF, XMP, IPTC and
comment segments (camera owner, GPS position, captions). The pages' own text is still
what the author wrote: `leakgate` checks it, and refuses an exhibit that names a protected
person rather than painting over it.
"""

from __future__ import annotations

import io
from typing import Final

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, PdfObject, StreamObject

# Page entries that carry content beyond the page's drawing.
PAGE_KEYS_DROPPED: Final = (
    "/Annots",  # notes, links, widgets, file attachments, pop-ups
    "/AA",  # actions run when the page opens or closes
    "/Metadata",  # per-page XMP
    "/PieceInfo",  # private application data (the editing program's own copy)
    "/Thumb",  # a thumbnail image, possibly of an unredacted page
    "/B",  # article beads, which point into the source's catalog
)
# Entries of image and form XObjects that carry metadata, not pixels or drawing.
XOBJECT_KEYS_DROPPED: Final = ("/Metadata", "/PieceInfo", "/OPI")

JPEG_START: Final = b"\xff\xd8"
JPEG_SCAN: Final = 0xDA
JPEG_KEPT_APP: Final = frozenset({0xE0, 0xEE})  # JFIF header, Adobe colour transform
ICC_PROFILE: Final = b"ICC_PROFILE\x00"


def clean_pdf(data: bytes) -> bytes:
    """The pages of `data` alone, without annotations, actions, metadata or attachments.

    Raises pypdf's errors (and ValueError and friends) on a PDF it cannot read; the caller
    already treats such an exhibit as unreadable.
    """
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")
    writer = PdfWriter()
    for page in reader.pages:
        # Cut the baggage off the source page first: add_page copies every object a page
        # refers to, and an object dropped only afterwards would stay in the file unseen.
        for key in PAGE_KEYS_DROPPED:
            if key in page:
                del page[NameObject(key)]
        _clean_resources(page.get("/Resources"), set())
        writer.add_page(page)
    writer.compress_identical_objects()  # and drops what nothing refers to
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _clean_resources(resources: PdfObject | None, seen: set[int]) -> None:
    """Drop metadata from the XObjects a page (or a form XObject inside it) draws."""
    resources = resources.get_object() if resources is not None else None
    if not isinstance(resources, DictionaryObject):
        return
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else None
    if not isinstance(xobjects, DictionaryObject):
        return
    for ref in xobjects.values():
        xobject = ref.get_object()
        if not isinstance(xobject, StreamObject) or id(xobject) in seen:
            continue
        seen.add(id(xobject))
        for key in XOBJECT_KEYS_DROPPED:
            if key in xobject:
                del xobject[NameObject(key)]
        if xobject.get("/Subtype") == "/Form":
            _clean_resources(xobject.get("/Resources"), seen)


def clean_jpeg(data: bytes) -> bytes:
    """A JPEG without its metadata segments (EXIF, XMP, IPTC, comments, extra pictures).

    The picture itself is not re-encoded. Data that is not a well-formed JPEG header is
    returned unchanged, for the image decoder to accept or refuse.
    """
    if not data.startswith(JPEG_START):
        return data
    out = bytearray(JPEG_START)
    i = len(JPEG_START)
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return data
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte before a marker
            i += 1
            continue
        if marker == JPEG_SCAN:
            out += data[i:]
            return bytes(out)
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        if length < 2 or i + 2 + length > len(data):
            return data
        segment = data[i : i + 2 + length]
        if _keep_segment(marker, segment[4:]):
            out += segment
        i += 2 + length
    return data


def _keep_segment(marker: int, body: bytes) -> bool:
    if marker == 0xFE:  # comment
        return False
    if marker == 0xE2:  # APP2: keep a colour profile, drop FlashPix and multi-picture data
        return body.startswith(ICC_PROFILE)
    if 0xE0 <= marker <= 0xEF:
        return marker in JPEG_KEPT_APP
    return True
