"""The leak gate: a finished redacted pack is read back whole and searched for protected names.

Redaction (`data.py`) rewrites the case's text before any PDF exists; this gate reads the
PDF that would be handed over, so it also catches what redaction never saw: a page an
exhibit brought in, a marking or a "prepared for" the user typed, an outline title, the
document metadata. It reads everything a reader of the file can get at:

- each page's text as a PDF reader extracts it, and the page's raw content streams with
  their string operands decoded (text drawn in a font without a Unicode map, text drawn
  invisibly);
- annotations, outline titles, the document information dictionary, XMP metadata,
  embedded file names, form fields and scripts;
- then every other string, name and (non-picture, non-font) stream in the file, whether
  anything refers to it or not, so that no corner of the file is left unread.

Any hit of any protected form refuses the pack: `check_pack` raises `RedactionRefused`
(exit status 3 in the CLI) naming each form and where it was found, and nothing is written.
The gate is deliberately independent of how redaction was done: it takes any `Finder`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final, Protocol

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from desktop.briefing.exhibits import exhibit_pages
from desktop.briefing.model import Exhibit
from desktop.errors import KnownError

SHOWN_LEAKS: Final = 6  # in the refusal message; the rest are counted
# Streams that hold glyph outlines, not text.
FONT_FILE_KEYS: Final = ("/Length1", "/Length2", "/Length3")
FONT_FILE_SUBTYPES: Final = frozenset({"/Type1C", "/CIDFontType0C", "/OpenType"})
JPEG_SCAN: Final = b"\xff\xda"
_LITERAL = re.compile(rb"\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)", re.DOTALL)
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_TOKEN = re.compile(rb"\[|\]|" + _LITERAL.pattern + rb"|" + _HEX.pattern, re.DOTALL)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|\r\n|[\s\S])")
_ESCAPES: Final = {
    ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f",
    ord("("): b"(", ord(")"): b")", ord("\\"): b"\\",
}  # fmt: skip


class Hit(Protocol):
    """One match: where in the text, and which protected form it is."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def form(self) -> str: ...


class Finder(Protocol):
    """Anything that finds protected forms in a text (`namematch.NameFinder` is one)."""

    def find(self, text: str) -> Sequence[Hit]: ...


@dataclass(frozen=True, order=True)
class Leak:
    """A protected name found in the pack, as written there: on `page` (1-based; 0 when
    not on a page)."""

    page: int
    where: str
    form: str

    def describe(self) -> str:
        place = f"page {self.page}, {self.where}" if self.page else self.where
        return f"«{self.form}» ({place})"


@dataclass(frozen=True)
class RedactionCheck:
    """What the gate searched for and found: the line the CLI prints."""

    forms: int
    people: int
    leaks: tuple[Leak, ...] = ()

    def summary(self) -> str:
        return check_summary(self.forms, self.people, len(self.leaks))


def check_summary(forms: int, people: int, found: int) -> str:
    """The line the CLI prints after a pack or an export was read back."""
    return f"redaction check: {forms} forms of {people} protected people, {found} found"


def leaks_listed(described: list[str]) -> str:
    """The first leaks by where they are, then how many more: for a refusal."""
    shown = "; ".join(described[:SHOWN_LEAKS])
    more = len(described) - SHOWN_LEAKS
    return shown + (f"; and {more} more" if more > 0 else "")


class RedactionRefused(KnownError):
    """The pack still shows a protected name: it is not written, and this says where."""

    exit_code = 3

    def __init__(self, check: RedactionCheck) -> None:
        listed = leaks_listed([leak.describe() for leak in check.leaks])
        super().__init__(
            "The pack was not written: a protected name is still in it: {listed}.", listed=listed
        )
        self.check = check


def check_pack(pdf: bytes, finder: Finder, forms: int, people: int) -> RedactionCheck:
    """Search the whole pack; raise `RedactionRefused` if any protected form is in it."""
    if not forms:  # nobody to protect in this pack: nothing to look for
        return RedactionCheck(0, people)
    check = RedactionCheck(forms, people, tuple(find_leaks(pdf, finder)))
    if check.leaks:
        raise RedactionRefused(check)
    return check


def find_leaks(pdf: bytes, finder: Finder) -> list[Leak]:
    """Every (page, place, form) of `finder`'s forms in the PDF, in page order."""
    found: set[Leak] = set()
    generic: set[Leak] = set()
    for page, where, text in pack_texts(pdf):
        if not text.strip():
            continue
        target = generic if where == "elsewhere in the file" else found
        target.update(Leak(page, where, _as_written(text, hit)) for hit in finder.find(text))
    # The catch-all pass reports only what no named place explains.
    named_forms = {leak.form for leak in found}
    found.update(leak for leak in generic if leak.form not in named_forms)
    return sorted(found)


def _as_written(text: str, hit: Hit) -> str:
    written = " ".join(text[hit.start : hit.end].split())
    return written or hit.form


def pack_texts(pdf: bytes) -> Iterator[tuple[int, str, str]]:
    """(page, place, text) for every text a reader of the PDF can get at."""
    reader = PdfReader(io.BytesIO(pdf))
    read: set[int] = set()  # page content streams, read once as such
    for number, page in enumerate(reader.pages, start=1):
        yield number, "page text", page.extract_text()
        raw = page.get("/Contents")
        for ref in raw if isinstance(raw, ArrayObject) else [raw]:
            if isinstance(ref, IndirectObject):
                read.add(_ref_key(ref))
        contents = page.get_contents()
        if contents is not None:
            yield number, "page content stream", "\n".join(operand_strings(contents.get_data()))
        annotations = page.get("/Annots")
        if annotations is not None:
            yield number, "annotation", "\n".join(object_strings(annotations))
    yield from _outline_texts(reader, reader.outline)
    trailer = reader.trailer
    info = trailer.get("/Info")
    if info is not None:
        yield 0, "document information", "\n".join(object_strings(info))
    root = trailer["/Root"].get_object()
    if not isinstance(root, DictionaryObject):
        root = DictionaryObject()
    named = {
        "/Metadata": "XMP metadata",
        "/Names": "embedded files and scripts",
        "/AcroForm": "form fields",
        "/OpenAction": "open action",
        "/AA": "document actions",
    }
    for key, where in named.items():
        value = root.get(key)
        if value is not None:
            yield 0, where, "\n".join(object_strings(value))
    roots = ArrayObject([trailer, *_every_object(reader)])
    everything = object_strings(roots, into_pages=True, seen=read)
    yield 0, "elsewhere in the file", "\n".join(everything)


def _outline_texts(reader: PdfReader, items: Iterable[object]) -> Iterator[tuple[int, str, str]]:
    for item in items:
        if isinstance(item, list):
            yield from _outline_texts(reader, item)
            continue
        title = getattr(item, "title", None)
        if title:
            try:
                index = reader.get_destination_page_number(item)  # type: ignore[arg-type]
            except (PyPdfError, ValueError, KeyError, TypeError):
                index = None
            page = index + 1 if isinstance(index, int) and index >= 0 else 0
            yield page, "outline", str(title)


def _every_object(reader: PdfReader) -> Iterator[IndirectObject]:
    """Every object the file's cross-reference tables list, referred to or not: an object
    nothing points at is invisible to a viewer but readable by anyone with a text editor."""
    for generation, entries in sorted(reader.xref.items()):
        for idnum in sorted(entries):
            yield IndirectObject(idnum, generation, reader)
    for idnum in sorted(reader.xref_objStm):
        yield IndirectObject(idnum, 0, reader)


def _ref_key(ref: IndirectObject) -> int:
    return hash((ref.idnum, ref.generation, id(ref.pdf)))


def object_strings(
    value: PdfObject | None, into_pages: bool = False, seen: set[int] | None = None
) -> Iterator[str]:
    """Every string, name and stream text reachable from `value`, each object once.

    Unless `into_pages`, references to pages (a link's target, an annotation's page) are
    not followed, so that what is found is attributed to the place that holds it.
    """
    seen = set() if seen is None else set(seen)
    stack: list[PdfObject | None] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = _ref_key(item)
            if key in seen:
                continue
            seen.add(key)
            try:
                item = item.get_object()
            except (PyPdfError, ValueError, KeyError, TypeError, OSError):
                continue
        if isinstance(item, TextStringObject):
            yield str(item)
        elif isinstance(item, ByteStringObject):
            yield decode_pdf_bytes(bytes(item))
        elif isinstance(item, NameObject):
            yield _name_text(item)
        elif isinstance(item, StreamObject):
            yield stream_text(item)
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, DictionaryObject):
            if not into_pages and item.get("/Type") in ("/Page", "/Pages"):
                continue
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)


def stream_text(stream: PdfObject) -> str:
    """The readable text of a stream: a drawing's string operands, decoded; any other
    stream (XMP, scripts, embedded files) as text. Pictures contribute only their metadata
    headers; font programs nothing.
    """
    resolved = stream.get_object()
    if not isinstance(resolved, StreamObject):
        return ""
    stream = resolved
    if any(key in stream for key in FONT_FILE_KEYS) or stream.get("/Subtype") in (
        FONT_FILE_SUBTYPES
    ):
        return ""
    if stream.get("/Subtype") == "/Image":
        raw = bytes(stream._data or b"")
        filters = stream.get("/Filter")
        is_jpeg = filters == "/DCTDecode" or (
            isinstance(filters, ArrayObject) and "/DCTDecode" in filters
        )
        if not is_jpeg:
            return ""  # pixels only
        head = raw.split(JPEG_SCAN, 1)[0]  # EXIF, XMP and comments live before the scan
        return head.decode("utf-8", "ignore") + "\n" + head.decode("latin-1")
    try:
        data = stream.get_data()
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, NotImplementedError):
        data = bytes(stream._data or b"")
    if stream.get("/Subtype") == "/Form":  # a drawing, like a page's content
        return "\n".join(operand_strings(data))
    return decode_pdf_bytes(data)


def operand_strings(content: bytes) -> Iterator[str]:
    """The string operands of a content stream, decoded; a TJ array's pieces joined."""
    depth = 0
    pieces: list[str] = []
    for match in _TOKEN.finditer(content):
        token = match.group(0)
        if token == b"[":
            depth += 1
            continue
        if token == b"]":
            depth = max(0, depth - 1)
            if depth == 0 and pieces:
                yield "".join(pieces)
                pieces = []
            continue
        text = decode_pdf_bytes(_string_bytes(token))
        if depth:
            pieces.append(text)
        else:
            yield text
    if pieces:
        yield "".join(pieces)


def _string_bytes(token: bytes) -> bytes:
    """The bytes of one PDF string token: a literal "(...)" or a hex "<...>" string."""
    if token.startswith(b"<"):
        digits = re.sub(rb"\s", b"", token[1:-1])
        if len(digits) % 2:
            digits += b"0"
        return bytes.fromhex(digits.decode("ascii"))
    body = token[1:-1]
    if b"\\" not in body:
        return body
    return _ESCAPE.sub(_unescape, body)


def _unescape(match: re.Match[bytes]) -> bytes:
    escaped = match.group(1)
    if escaped[:1].isdigit():
        return bytes([int(escaped, 8) & 0xFF])
    if escaped in (b"\r\n", b"\r", b"\n"):  # a line continuation
        return b""
    return _ESCAPES.get(escaped[0], escaped)


def decode_pdf_bytes(data: bytes) -> str:
    """A PDF string's bytes as text: UTF-16 with a byte-order mark, else UTF-8, else Latin-1."""
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", "ignore")
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le", "ignore")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _name_text(name: NameObject) -> str:
    """A PDF name without its slash (pypdf has already undone its #xx escapes)."""
    return str(name)[1:]


_REDACT_FIRST = (
    ". Redact the source document first: take the name out of the file itself (covering it "
    "with a box is not enough), attach the redacted copy and clear that one instead. The "
    "pack was not written."
)
EXHIBIT_LEAK_ON_PAGE = (
    "Exhibit {label} names a protected person ({forms}) on page {pages} of the exhibit"
    + _REDACT_FIRST
)
EXHIBIT_LEAK_ON_PAGES = (
    "Exhibit {label} names a protected person ({forms}) on pages {pages} of the exhibit"
    + _REDACT_FIRST
)
EXHIBIT_LEAK_IN_DATA = (
    "Exhibit {label} names a protected person ({forms}) in its file data" + _REDACT_FIRST
)


class ExhibitRefused(KnownError):
    """A cleared exhibit's own pages name a protected person: the source must be redacted."""

    exit_code = 3

    def __init__(self, label: str, leaks: Sequence[Leak]) -> None:
        pages = sorted({leak.page for leak in leaks if leak.page})
        forms = ", ".join(sorted({f"«{leak.form}»" for leak in leaks})[:SHOWN_LEAKS])
        said = {"label": label, "forms": forms, "pages": ", ".join(map(str, pages))}
        if len(pages) == 1:
            super().__init__(EXHIBIT_LEAK_ON_PAGE, **said)
        elif pages:
            super().__init__(EXHIBIT_LEAK_ON_PAGES, **said)
        else:
            super().__init__(EXHIBIT_LEAK_IN_DATA, **said)
        self.label = label
        self.leaks = tuple(leaks)


def check_exhibits(exhibits: Iterable[Exhibit], finder: Finder, paper: str, lang: str) -> None:
    """Refuse the first exhibit whose cleaned pages still show a protected form."""
    for exhibit in exhibits:
        pages, _note = exhibit_pages(exhibit, paper, lang, clean=True)
        if pages is None:
            continue  # listed only: none of its content goes into the pack
        leaks = find_leaks(pages, finder)
        if leaks:
            raise ExhibitRefused(exhibit.label, leaks)
