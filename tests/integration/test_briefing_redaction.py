"""Redacted packs over a real vault: a protected witness never reaches a public pack.

The witness «Елена Петрова / Elena Petrova» is named in events under every form a
Russian case file uses; her statement is attached as `petrova_statement.pdf`. Each pack
is read back with pypdf: page text, the raw (decoded) content streams, the outline, the
document information and XMP. Exhibits are real PDFs made with reportlab and given an
annotation with pypdf.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText, Text
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from reportlab.pdfgen.canvas import Canvas

from desktop.briefing.leakgate import ExhibitRefused, RedactionRefused, pack_texts
from desktop.briefing.model import BriefingOptions
from desktop.briefing.pdf import fonts
from desktop.briefing.redaction import ProtectedNames
from desktop.briefing.selection import protected_names
from desktop.core.namematch import person_forms
from desktop.services.people import NameVariant
from desktop.services.registry import Services

WITNESS_FORMS_IN_EVENTS = ("Петровой", "Петрову", "Е. Петрова", "E. Petrova", "Petrova's")
# What must never be found in a public pack, whatever the casing.
NEVER = ("Петров", "Petrov", "Елена", "Elena", "petrova_statement")


def exhibit_pdf(*lines: str, note: str = "") -> bytes:
    """A one-page PDF with `lines` of text, and a sticky note saying `note` if given."""
    fonts.register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, initialFontName=fonts.SANS)
    canvas.setTitle("Statement")
    canvas.setAuthor("Investigator's office")
    canvas.setFont(fonts.SANS, 12)
    for n, line in enumerate(lines):
        canvas.drawString(72, 720 - 16 * n, line)
    canvas.showPage()
    canvas.save()
    if not note:
        return out.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    writer.add_annotation(0, Text(rect=(50, 550, 200, 650), text=note))
    writer.add_annotation(0, FreeText(text=note, rect=(50, 400, 300, 450)))
    writer.add_metadata({"/Keywords": note})
    writer.add_attachment("notes.txt", note.encode())
    root = writer._root_object
    root[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject(f"app.alert('{note}');"),
        }
    )
    field = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/T"): TextStringObject("caller"),
            NameObject("/V"): TextStringObject(note),
            NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (50, 300, 300, 320)]),
        }
    )
    field_ref = writer._add_object(field)
    writer.pages[0][NameObject("/Annots")].append(field_ref)
    root[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([field_ref])}
    )
    noted = io.BytesIO()
    writer.write(noted)
    return noted.getvalue()


CALL_NOTE = "Call Elena Petrova: +7 916 000 00 00"


class Case:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.case_id = services.cases.create_case("Задержание на Тверской")
        people = services.people
        self.witness = people.add_person(
            self.case_id,
            "witness",
            "Елена Петрова",
            names=[NameVariant("Елена Петрова", kind="primary"), NameVariant("Elena Petrova")],
            protected=True,
        )
        self.officer = people.add_person(
            self.case_id,
            "official",
            "Артём Кузнецов",
            names=[NameVariant("Артём Кузнецов", kind="primary"), NameVariant("Artem Kuznetsov")],
        )
        timeline = services.timeline
        texts = [
            ("Допрос свидетеля", "Следователь Кузнецов допросил Петровой соседку."),
            ("Вызов на допрос", "Кузнецов вызвал Петрову повесткой."),
            ("Показания", "Е. Петрова подтвердила, что видела задержание."),
            ("Statement", "E. Petrova confirmed the arrest; Petrova's statement was filed."),
        ]
        for n, (title, description) in enumerate(texts, start=1):
            event = timeline.add_event(
                self.case_id, f"2021-03-{n:02d}", title, description=description
            )
            timeline.add_participant(event, self.witness, "свидетель")
            timeline.add_participant(event, self.officer, "следователь")
        sources = services.sources
        self.source = sources.add_source(self.case_id, "Witness statement, March 2021")
        self.statement = sources.add_attachment(
            self.case_id,
            "petrova_statement.pdf",
            exhibit_pdf("Statement of Elena Petrova", "Показания Петровой Е."),
            source_id=self.source,
            exhibit_label="EXH-1",
        )
        self.clean_scan = sources.add_attachment(
            self.case_id,
            "petrova_protocol_scan.pdf",
            exhibit_pdf("Protocol of the search, 2 March 2021", note=CALL_NOTE),
            source_id=self.source,
            exhibit_label="EXH-2",
            description="Search protocol (redacted copy)",
        )

    def options(self, redaction: str = "public", **changes: object) -> BriefingOptions:
        values: dict[str, object] = {
            "generated_on": dt.date(2024, 5, 1),
            "redaction": redaction,
            "lang": "ru",
        }
        values.update(changes)
        return BriefingOptions(**values)  # type: ignore[arg-type]


@pytest.fixture
def case(services: Services) -> Iterator[Case]:
    yield Case(services)


def everything(pdf: bytes) -> str:
    """All text of a PDF: pages, raw content streams, outline, metadata, annotations..."""
    return "\n".join(text for _page, _where, text in pack_texts(pdf))


def independent_reading(pdf: bytes) -> str:
    """The same, read with plain pypdf calls (not the gate's own reader)."""
    reader = PdfReader(io.BytesIO(pdf))
    parts = [page.extract_text() for page in reader.pages]
    for page in reader.pages:
        contents = page.get_contents()
        if contents is not None:
            parts.append(contents.get_data().decode("latin-1"))
    parts += [str(v) for v in (reader.metadata or {}).values()]
    xmp = reader.trailer["/Root"].get("/Metadata")
    if xmp is not None:
        parts.append(xmp.get_object().get_data().decode("utf-8", "ignore"))

    def titles(items: list[object]) -> Iterator[str]:
        for item in items:
            if isinstance(item, list):
                yield from titles(item)
            else:
                yield str(getattr(item, "title", ""))

    parts += titles(list(reader.outline))
    return "\n".join(parts)


def test_internal_pack_shows_the_witness(case: Case) -> None:
    pack = case.services.briefs.build(case.case_id, case.options("internal"))
    text = independent_reading(pack.pdf)
    assert "Петровой" in text and "Elena Petrova" in text
    assert pack.redaction_check is None


def test_no_form_of_the_witness_in_a_public_pack(case: Case) -> None:
    services = case.services
    services.sources.set_cleared(case.clean_scan, "public")
    pack = services.briefs.build(case.case_id, case.options())
    for text in (independent_reading(pack.pdf), everything(pack.pdf)):
        folded = text.casefold().replace("ё", "е")
        for word in NEVER:
            assert word.casefold() not in folded, word
    assert "Кузнецов" in independent_reading(pack.pdf)  # the official stays
    assert "[скрыто]" in independent_reading(pack.pdf)
    assert pack.redaction_check is not None
    assert pack.redaction_check.people == 1
    assert pack.redaction_check.forms == len(person_forms(["Елена Петрова", "Elena Petrova"]))
    assert pack.redaction_check.summary() == (
        f"redaction check: {pack.redaction_check.forms} forms of 1 protected people, 0 found"
    )
    # the statement (not cleared) is left out; the cleared scan is in, under its description
    assert pack.uncleared == 1
    assert "Search protocol (redacted copy)" in independent_reading(pack.pdf)
    assert "EXH-1" not in independent_reading(pack.pdf)


def test_a_counsel_pack_keeps_a_protected_witness_but_not_uncleared_exhibits(case: Case) -> None:
    pack = case.services.briefs.build(case.case_id, case.options("counsel"))
    text = independent_reading(pack.pdf)
    assert "Петровой" in text  # counsel may know the witness
    assert "petrova_statement" not in text  # but no file name, and nothing uncleared
    assert pack.uncleared == 2
    assert pack.redaction_check is not None and pack.redaction_check.people == 0


def test_an_exhibit_naming_the_witness_is_refused_with_its_page(case: Case) -> None:
    case.services.sources.set_cleared(case.statement, "public")
    with pytest.raises(ExhibitRefused) as refused:
        case.services.briefs.build(case.case_id, case.options())
    message = str(refused.value)
    assert "EXH-1" in message and "on page 1 of the exhibit" in message
    assert "Redact the source document first" in message
    assert "petrova_statement" not in message


def test_a_cleared_exhibit_loses_its_annotations_and_baggage(case: Case) -> None:
    services = case.services
    internal = services.briefs.build(case.case_id, case.options("internal"))
    assert CALL_NOTE in everything(internal.pdf)  # internal keeps the sticky note
    services.sources.set_cleared(case.clean_scan, "public")
    pack = services.briefs.build(case.case_id, case.options())
    reader = PdfReader(io.BytesIO(pack.pdf))
    exhibit_page = reader.pages[-1]
    assert "Protocol of the search" in exhibit_page.extract_text()
    assert "/Annots" not in exhibit_page
    root = reader.trailer["/Root"]
    assert "/AcroForm" not in root and "/OpenAction" not in root
    assert "/EmbeddedFiles" not in root.get("/Names", {})
    assert "/JavaScript" not in root.get("/Names", {})
    assert "+7 916" not in everything(pack.pdf)
    assert "Investigator" not in everything(pack.pdf)  # the exhibit's own metadata


def test_the_gate_refuses_when_redaction_drops_one_form(case: Case) -> None:
    """A deliberately weakened redaction: "Петрову" is no longer removed. The gate,
    which searches for every form, refuses the pack and says which form and where."""
    services = case.services
    options = case.options()
    snapshot = services.briefs.snapshot(case.case_id)
    full = protected_names(snapshot, options)
    weakened = ProtectedNames.from_forms(1, [full.forms - {"петрову"}])
    assert len(weakened.forms) == len(full.forms) - 1
    with pytest.raises(RedactionRefused) as refused:
        services.briefs.build(case.case_id, options, redact_with=weakened)
    assert refused.value.exit_code == 3
    leaks = refused.value.check.leaks
    assert {leak.form for leak in leaks} == {"Петрову"}
    assert all(leak.page >= 1 for leak in leaks)
    assert "«Петрову» (page" in str(refused.value)


def test_the_gate_catches_a_name_typed_for_the_cover(case: Case) -> None:
    """Redaction never sees what the user types for the cover; the gate reads it anyway."""
    with pytest.raises(RedactionRefused) as refused:
        case.services.briefs.build(case.case_id, case.options(prepared_for="Адвокату Петровой Е."))
    leaks = refused.value.check.leaks
    assert ("Петровой Е.", 1, "page text") in {(x.form, x.page, x.where) for x in leaks}


def test_public_pack_is_deterministic(case: Case) -> None:
    case.services.sources.set_cleared(case.clean_scan, "public")
    first = case.services.briefs.build(case.case_id, case.options())
    second = case.services.briefs.build(case.case_id, case.options())
    assert first.pdf == second.pdf


def test_marking_defaults_to_the_profile_and_is_on_every_page(case: Case) -> None:
    case.services.sources.set_cleared(case.clean_scan, "public")
    pack = case.services.briefs.build(case.case_id, case.options(lang="en"))
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(pack.pdf)).pages]
    assert all("For public distribution" in t for t in texts)  # cover and exhibit pages too
    custom = case.services.briefs.build(
        case.case_id, case.options("counsel", confidentiality="SUBJECT TO PROTECTIVE ORDER")
    )
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(custom.pdf)).pages]
    assert all("SUBJECT TO PROTECTIVE ORDER" in t for t in texts)
    assert not any("PRIVILEGED" in t for t in texts)


def test_the_gate_reads_annotations_outline_and_metadata() -> None:
    """The gate on its own, over a PDF that hides a name in every corner but the page."""
    names = ProtectedNames.from_forms(1, [person_forms(["Елена Петрова", "Elena Petrova"])])
    clean = exhibit_pdf("Nothing to see here")
    assert not [leak for leak in _leaks(clean, names)]
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(clean)))
    writer.add_annotation(0, Text(rect=(50, 550, 200, 650), text="ask Petrova"))
    writer.add_outline_item(title="Елены Петровой показания", page_number=0)
    writer.add_metadata({"/Subject": "E. Petrova"})
    writer.add_attachment("elena_petrova.txt", b"x")
    writer._root_object[NameObject("/Lang")] = TextStringObject("Петрову")
    out = io.BytesIO()
    writer.write(out)
    found = {(leak.where, leak.form) for leak in _leaks(out.getvalue(), names)}
    assert ("annotation", "Petrova") in found
    assert ("outline", "Елены Петровой") in found
    assert ("document information", "E. Petrova") in found
    assert ("embedded files and scripts", "elena_petrova") in found
    assert ("elsewhere in the file", "Петрову") in found


def test_the_gate_reads_objects_nothing_refers_to() -> None:
    names = ProtectedNames.from_forms(1, [person_forms(["Елена Петрова"])])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(exhibit_pdf("Nothing to see"))))
    orphan = writer._add_object(TextStringObject("звонить Петровой"))
    out = io.BytesIO()
    writer.write(out)
    assert PdfReader(io.BytesIO(out.getvalue())).get_object(orphan.idnum) == "звонить Петровой"
    found = {(leak.where, leak.form) for leak in _leaks(out.getvalue(), names)}
    assert found == {("elsewhere in the file", "Петровой")}


def _leaks(pdf: bytes, names: ProtectedNames) -> list[object]:
    from desktop.briefing.leakgate import find_leaks

    return list(find_leaks(pdf, names.finder))


def test_a_photo_exhibit_loses_its_camera_metadata(case: Case) -> None:
    from PIL import Image

    exif = Image.Exif()
    exif[0x013B] = "Elena Petrova"  # the photographer, as the camera recorded her
    out = io.BytesIO()
    Image.new("RGB", (80, 60), (20, 90, 160)).save(out, "JPEG", exif=exif.tobytes())
    photo = case.services.sources.add_attachment(
        case.case_id, "IMG_0042.jpg", out.getvalue(), description="Street, 2 March 2021"
    )
    case.services.sources.set_cleared(photo, "public")
    pack = case.services.briefs.build(case.case_id, case.options())
    assert b"Elena Petrova" not in pack.pdf and b"Exif" not in pack.pdf
    assert "Street, 2 March 2021" in independent_reading(pack.pdf)
    internal = case.services.briefs.build(case.case_id, case.options("internal"))
    assert b"Elena Petrova" in internal.pdf  # the internal copy keeps the file as it is
