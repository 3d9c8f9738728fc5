"""Every export format over a real vault holding the demo case and a protected witness.

Each file is read back by its own library (openpyxl, csv, icalendar, followthemoney, a
structural check of TimelineJS3 JSON written here, json); a public export holds no form
of the witness in any format; a weakened redaction is refused by the gate; exports are
byte-for-byte deterministic; the selection is the briefing pack's own.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from exports_case import (
    GENERATED_ON,
    NEVER,
    WitnessCase,
    add_witness,
    folded,
    readable_texts,
)

from desktop.briefing.data import assemble
from desktop.briefing.exports.formats import FORMATS, ExportSettings
from desktop.briefing.exports.gate import ExportRefused
from desktop.briefing.redaction import ProtectedNames
from desktop.briefing.selection import protected_names
from desktop.core.fuzzydate import FuzzyDate, Precision
from desktop.core.sheetcolumns import ID_COLUMN, SHEETS
from desktop.errors import KnownError, ValidationError
from desktop.services.exports import Export, ExportService
from desktop.services.registry import Services


@pytest.fixture
def case(demo_services: Services, demo_case_id: str) -> Iterator[WitnessCase]:
    yield add_witness(demo_services, demo_case_id)


@pytest.fixture
def exports(case: WitnessCase) -> ExportService:
    return ExportService(case.services.store, case.services.briefs)


def build(
    exports: ExportService, case: WitnessCase, fmt: str, redaction: str = "public", **kw: Any
) -> Export:
    settings = kw.pop("settings", None)
    return exports.build(case.case_id, fmt, case.options(redaction, **kw), settings)


def only(export: Export) -> bytes:
    (_name, data), *rest = export.files
    assert not rest
    return data


def files(export: Export) -> dict[str, bytes]:
    return dict(export.files)


# ---- redaction and the gate ---------------------------------------------------------------
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_form_of_the_witness_in_a_public_export(
    exports: ExportService, case: WitnessCase, fmt: str
) -> None:
    export = build(exports, case, fmt, settings=ExportSettings(with_key_facts=True))
    text = folded("\n".join(t for n, d in export.files for t in readable_texts(n, d)))
    for word in NEVER:
        assert word not in text, (fmt, word)
    assert "kuznetsov" in text  # the official stays
    # the witness (protected) and Сидоров (confidential) are both hidden and searched for
    assert export.check is not None and export.check.people == 2
    assert export.check.summary().endswith("forms of 2 protected people, 0 found")


@pytest.mark.parametrize("fmt", ["xlsx", "edtf-json", "ftm"])
def test_an_internal_export_keeps_the_witness(
    exports: ExportService, case: WitnessCase, fmt: str
) -> None:
    export = build(exports, case, fmt, "internal")
    text = folded("\n".join(t for n, d in export.files for t in readable_texts(n, d)))
    assert "петров" in text and "confidential meeting" in text
    assert export.check is None


def test_counsel_keeps_the_witness_but_not_the_confidential(
    exports: ExportService, case: WitnessCase
) -> None:
    export = build(exports, case, "edtf-json", "counsel")
    text = folded(only(export).decode())
    assert "петров" in text
    assert "сидоров" not in text and "confidential meeting" not in text


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_the_gate_refuses_when_redaction_misses_a_form(
    exports: ExportService, case: WitnessCase, fmt: str
) -> None:
    """Redaction deliberately weakened (it no longer knows "петровой"); the gate, which
    looks for every form, refuses the export and names the form and the file."""
    options = case.options()
    full = protected_names(case.services.briefs.snapshot(case.case_id), options)
    weakened = ProtectedNames.from_forms(full.people, [full.forms - {"петровой"}])
    settings = ExportSettings(with_key_facts=True)
    with pytest.raises(ExportRefused) as refused:
        exports.build(case.case_id, fmt, options, settings, redact_with=weakened)
    assert refused.value.exit_code == 3
    assert "Петровой" in str(refused.value)
    assert refused.value.check.leaks


# ---- the pack's selection -----------------------------------------------------------------
@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"marked_only": True},
        {"date_from": dt.date(2008, 1, 1), "date_to": dt.date(2009, 6, 30)},
    ],
)
@pytest.mark.parametrize("redaction", ["internal", "counsel", "public"])
def test_an_export_selects_what_the_pack_selects(
    exports: ExportService, case: WitnessCase, redaction: str, changes: dict[str, Any]
) -> None:
    options = case.options(redaction, **changes)
    snapshot = case.services.briefs.snapshot(case.case_id)
    pack = assemble(snapshot, options)
    content = exports.build(case.case_id, "edtf-json", options).content
    assert [e.title for e in content.events] == [r.title for r in pack.chronology]
    assert [e.date_text for e in content.events] == [r.date_text for r in pack.chronology]
    assert [c.filed_text for c in content.complaints] == [c.filed_text for c in pack.complaints]
    assert [p.name for p in content.people] == [p.name for p in pack.people]
    assert [s.number for s in content.sources] == [s.number for s in pack.sources]


# ---- determinism --------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_the_same_inputs_give_the_same_bytes(
    exports: ExportService, case: WitnessCase, fmt: str, tmp_path: Path
) -> None:
    first = build(exports, case, fmt)
    second = build(exports, case, fmt)
    assert first.files == second.files
    out = tmp_path / ("out.zip" if first.several else FORMATS[fmt])
    (written,) = exports.write(first, out)
    assert written.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert out.stat().st_mode & 0o777 == 0o600


# ---- spreadsheets -------------------------------------------------------------------------
def test_xlsx_has_the_import_layout(exports: ExportService, case: WitnessCase) -> None:
    from openpyxl import load_workbook

    export = build(exports, case, "xlsx", "internal")
    book = load_workbook(io.BytesIO(only(export)))
    assert book.sheetnames == list(SHEETS)
    for name, header in SHEETS.items():
        sheet = book[name]
        assert sheet.freeze_panes == "A2"
        rows = [tuple(v or "" for v in row) for row in sheet.iter_rows(values_only=True)]
        assert rows[0] == (*header, ID_COLUMN)
        assert all(cell.font.b for cell in sheet[1])
    events = [dict(zip(SHEETS["events"] + (ID_COLUMN,), row, strict=True)) for row in
              book["events"].iter_rows(min_row=2, values_only=True)]  # fmt: skip
    by_id = {e[ID_COLUMN]: e for e in events}
    statement = by_id[case.statement_event]
    assert statement["date"] == "2009-03~"
    assert statement["key"] == "yes"
    # an English export names people as the English pack does (Cyrillic-only names romanised)
    assert statement["people"].split(";") == ["Artem Kuznetsov", "Elena Petrova", "Ivan Sidorov"]
    assert statement["sources"] == "S50:p. 2 (Петрова)"
    assert statement["tags"] == "Петрова"
    # a date EDTF cannot say how it was written keeps its words, and reads back the same
    night = by_id[case.night_event]["date"]
    assert night == "night of 25–26 August 2009"
    assert FuzzyDate.parse(night).part == "night"
    for event in events:
        assert FuzzyDate.parse(event["date"]).to_edtf()  # every date reads back
    complaints = {r[-1]: r for r in book["complaints"].iter_rows(min_row=2, values_only=True)}
    mine = complaints[case.complaint]
    assert mine[SHEETS["complaints"].index("due")] == "2009-07-01"
    assert mine[SHEETS["complaints"].index("against")] == "Elena Petrova;Artem Kuznetsov"


def test_xlsx_carries_the_export_date_not_the_clock(
    exports: ExportService, case: WitnessCase
) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(only(build(exports, case, "xlsx"))))
    assert book.properties.created == book.properties.modified == dt.datetime(2024, 5, 1)
    assert book.properties.creator == "Dossier"


def test_xlsx_keeps_a_formula_like_text_as_text(exports: ExportService, case: WitnessCase) -> None:
    from openpyxl import load_workbook

    case.services.timeline.add_event(case.case_id, "2010-01-01", '=HYPERLINK("x")')
    book = load_workbook(io.BytesIO(only(build(exports, case, "xlsx", "internal"))))
    cells = [c for row in book["events"].iter_rows() for c in row if c.value == '=HYPERLINK("x")']
    assert cells and all(c.data_type == "s" for c in cells)


def test_csv_and_uwazi_cells_never_start_a_formula(
    exports: ExportService, case: WitnessCase
) -> None:
    """OWASP's CSV-injection advice: "=…", "+…", "-…", "@…" get a leading apostrophe."""
    timeline = case.services.timeline
    timeline.add_event(case.case_id, "2010-01-01", '=HYPERLINK("http://x.example","open")',
                       description="-5 days", place="@home")  # fmt: skip
    for fmt, decode in (("csv", "utf-8-sig"), ("uwazi-csv", "utf-8")):
        got = files(build(exports, case, fmt, "internal"))
        cells = [
            c for row in csv.reader(io.StringIO(got["events.csv"].decode(decode))) for c in row
        ]
        assert '\'=HYPERLINK("http://x.example","open")' in cells
        if fmt == "csv":
            assert {"'-5 days", "'@home"} <= set(cells)
        for name, data in got.items():
            if name.endswith(".csv"):
                rows = csv.reader(io.StringIO(data.decode(decode)))
                assert not [c for row in rows for c in row if c[:1] in ("=", "+", "-", "@")]


def test_csv_writes_one_file_per_sheet_with_a_bom(
    exports: ExportService, case: WitnessCase, tmp_path: Path
) -> None:
    export = build(exports, case, "csv", "internal")
    written = exports.write(export, tmp_path / "sheets")
    assert [w.path.name for w in written] == [f"{name}.csv" for name in SHEETS]
    for name, header in SHEETS.items():
        data = (tmp_path / "sheets" / f"{name}.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0] == [*header, ID_COLUMN]
        assert all(len(row) == len(header) + 1 for row in rows)
    events = list(csv.DictReader(io.StringIO(files(export)["events.csv"].decode("utf-8-sig"))))
    assert len(events) == len(export.content.events)


def test_csv_as_one_zip(exports: ExportService, case: WitnessCase, tmp_path: Path) -> None:
    import zipfile

    export = build(exports, case, "csv")
    (written,) = exports.write(export, tmp_path / "case.zip")
    with zipfile.ZipFile(written.path) as archive:
        assert archive.namelist() == [f"{name}.csv" for name in SHEETS]
        assert archive.read("events.csv") == files(export)["events.csv"]


# ---- calendar -----------------------------------------------------------------------------
def test_ics_deadlines_with_alarms_and_stable_uids(
    exports: ExportService, case: WitnessCase
) -> None:
    from icalendar import Calendar

    settings = ExportSettings(alarm_days=10, with_key_facts=True)
    first = build(exports, case, "ics", "internal", settings=settings)
    calendar = Calendar.from_ical(only(first))
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    deadline = events[f"{case.complaint}@dossier"]
    assert deadline.decoded("DTSTART") == dt.date(2009, 7, 1)
    assert deadline.decoded("DTEND") == dt.date(2009, 7, 2)
    assert "Prosecutor's office" in str(deadline["SUMMARY"])
    (alarm,) = deadline.walk("VALARM")
    assert alarm.decoded("TRIGGER") == dt.timedelta(days=-10)
    assert str(alarm["ACTION"]) == "DISPLAY"
    # every complaint with a due date is there, under its own id
    due = {c.id for c in first.content.complaints if c.due is not None}
    assert {f"{c}@dossier" for c in due} <= set(events)
    # key facts: the statement "circa March 2009" spans March, titled as written
    fact = events[f"{case.statement_event}@dossier"]
    assert fact.decoded("DTSTART") == dt.date(2009, 3, 1)
    assert fact.decoded("DTEND") == dt.date(2009, 4, 1)
    assert str(fact["SUMMARY"]).startswith("circa March 2009: ")
    # after an edit, a re-export updates the same events: same UIDs, new content
    case.services.complaints.update_complaint(case.complaint, response_due="2009-08-01")
    second = Calendar.from_ical(only(build(exports, case, "ics", "internal", settings=settings)))
    again = {str(e["UID"]): e for e in second.walk("VEVENT")}
    assert set(again) == set(events)
    assert again[f"{case.complaint}@dossier"].decoded("DTSTART") == dt.date(2009, 8, 1)


def test_ics_without_key_facts_has_only_deadlines(
    exports: ExportService, case: WitnessCase
) -> None:
    from icalendar import Calendar

    calendar = Calendar.from_ical(only(build(exports, case, "ics", "internal")))
    uids = {str(e["UID"]).removesuffix("@dossier") for e in calendar.walk("VEVENT")}
    complaints = {c.complaint.id for c in case.services.complaints.register(case.case_id)}
    assert uids and uids <= complaints
    answered = [e for e in calendar.walk("VEVENT") if str(e["STATUS"]) == "CANCELLED"]
    assert all(not e.walk("VALARM") for e in answered)


def test_ics_refuses_a_silly_reminder() -> None:
    with pytest.raises(ValidationError):
        ExportSettings(alarm_days=-1)


# ---- TimelineJS ---------------------------------------------------------------------------
def check_timelinejs(data: dict[str, Any]) -> None:
    """The TimelineJS3 JSON shape: a title slide and events with typed date parts."""
    assert set(data) == {"title", "events"}
    assert isinstance(data["title"]["text"]["headline"], str)
    ids = set()
    for slide in data["events"]:
        assert set(slide) <= {"start_date", "end_date", "display_date", "text", "unique_id"}
        for key in ("start_date", "end_date"):
            if key not in slide:
                assert key == "end_date"
                continue
            date = slide[key]
            assert set(date) <= {"year", "month", "day", "display_date"}
            assert isinstance(date["year"], int)
            assert 1 <= date.get("month", 1) <= 12 and 1 <= date.get("day", 1) <= 31
            assert "day" not in date or "month" in date
        assert isinstance(slide["text"]["headline"], str) and slide["text"]["headline"]
        assert isinstance(slide["text"]["text"], str)
        assert isinstance(slide["display_date"], str)
        ids.add(slide["unique_id"])
    assert len(ids) == len(data["events"])


def test_timelinejs_dates_are_no_more_precise_than_the_case(
    exports: ExportService, case: WitnessCase
) -> None:
    export = build(exports, case, "timelinejs", "internal")
    data = json.loads(only(export))
    check_timelinejs(data)
    slides = {s["unique_id"]: s for s in data["events"]}
    for event in export.content.events:
        if event.date.is_undated:
            assert event.id not in slides
            continue
        slide = slides[event.id]
        assert slide["display_date"] == event.date_text
        precision = event.date.precision
        assert ("day" in slide["start_date"]) == (precision is Precision.DAY)
        assert ("month" in slide["start_date"]) == (precision in (Precision.DAY, Precision.MONTH))
        spans = precision in (Precision.DECADE, Precision.CENTURY)
        single = event.date.qualifier in ("exact", "circa")
        assert ("end_date" in slide) == (event.date.end is not None or (spans and single))
    statement = slides[case.statement_event]
    assert statement["display_date"] == "circa March 2009"
    assert statement["start_date"] == {"year": 2009, "month": 3, "display_date": "circa March 2009"}
    night = slides[case.night_event]
    assert night["start_date"]["day"] == 25 and night["end_date"]["day"] == 26
    assert "&#x27;" in statement["text"]["text"]  # "Petrova's": HTML-escaped for the page


# ---- Follow the Money ---------------------------------------------------------------------
ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def test_ftm_entities_are_valid_follow_the_money(exports: ExportService, case: WitnessCase) -> None:
    from followthemoney import model

    lines = only(build(exports, case, "ftm", "internal")).decode().splitlines()
    entities = [json.loads(line) for line in lines]
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    schemas: dict[str, int] = {}
    for data in entities:
        proxy = model.get_proxy(data, cleaned=False)
        schema = proxy.schema
        assert not schema.abstract
        schemas[schema.name] = schemas.get(schema.name, 0) + 1
        for required in schema.required:
            assert data["properties"].get(required), (schema.name, required)
        for name, values in data["properties"].items():
            prop = schema.get(name)
            assert prop is not None, (schema.name, name)
            for value in values:
                assert prop.type.validate(value), (schema.name, name, value)
                if prop.type.name == "entity":
                    assert value in ids  # every link points at an entity in the file
                if prop.type.name == "date":
                    assert ISO_PREFIX.match(value), value
    for kind in ("Person", "PublicBody", "Employment", "Article", "Event", "Documentation"):
        assert schemas.get(kind), kind
    # ids are deterministic: the witness's id is the hash of namespace + record id
    witness = hashlib.sha1(f"dossier.person.{case.witness}".encode()).hexdigest()
    assert witness in ids


# ---- Uwazi and EDTF JSON ------------------------------------------------------------------
def test_uwazi_csv_files_per_template(exports: ExportService, case: WitnessCase) -> None:
    from desktop.briefing.exports.uwazi import TEMPLATES

    export = build(exports, case, "uwazi-csv", "internal")
    got = files(export)
    assert set(got) == {*TEMPLATES, "templates.md"}
    for name, (_template, properties) in TEMPLATES.items():
        assert not got[name].startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(got[name].decode())))
        assert list(rows[0]) == [p for p, _t in properties]
        assert all(row["title"] for row in rows)
        assert f"## {name}" in got["templates.md"].decode()
    events = {r["dossier_id"]: r for r in csv.DictReader(io.StringIO(got["events.csv"].decode()))}
    statement = events[case.statement_event]
    assert statement["date_range"] == "2009/03/01:2009/03/31"
    assert statement["date_as_written"] == "circa March 2009"
    assert statement["people"].split("|") == ["Artem Kuznetsov", "Elena Petrova", "Ivan Sidorov"]
    sources = {r["title"] for r in csv.DictReader(io.StringIO(got["sources.csv"].decode()))}
    assert statement["sources"] in sources  # a relationship names the source by its title
    before = [e for e in export.content.events if e.date.qualifier == "before"]
    for event in before:
        assert events[event.id]["date_range"].startswith(":")


def test_edtf_json_reads_back(exports: ExportService, case: WitnessCase) -> None:
    export = build(exports, case, "edtf-json", "internal")
    data = json.loads(only(export))
    assert data["format"] == "dossier-chronology" and data["generated_on"] == "2024-05-01"
    assert [e["id"] for e in data["events"]] == [e.id for e in export.content.events]
    for event, expected in zip(data["events"], export.content.events, strict=True):
        date = FuzzyDate.from_edtf(event["edtf"]).with_part(event["date_note"])
        assert date.display("en") == event["date_text"] == expected.date_text
    night = next(e for e in data["events"] if e["id"] == case.night_event)
    assert night["edtf"] == "2009-08-25/2009-08-26" and night["date_note"] == "night"


# ---- writing ------------------------------------------------------------------------------
def test_writing_into_a_missing_folder_is_refused(
    exports: ExportService, case: WitnessCase, tmp_path: Path
) -> None:
    export = build(exports, case, "ics")
    with pytest.raises(KnownError, match="does not exist"):
        exports.write(export, tmp_path / "nowhere" / "deadlines.ics")
    assert not (tmp_path / "nowhere").exists()


def test_a_case_generated_on_counts_overdue(exports: ExportService, case: WitnessCase) -> None:
    content = build(exports, case, "edtf-json").content
    mine = next(c for c in content.complaints if c.id == case.complaint)
    assert mine.overdue and mine.due is not None and mine.due < GENERATED_ON
