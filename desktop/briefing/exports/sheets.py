"""The `xlsx` and `csv` exports: the spreadsheet-import layout of `core.sheetcolumns`.

One sheet (XLSX) or one file (CSV) per kind of record, in import order, with exactly the
header names spreadsheet import reads, plus the `id` column holding the record's id, so
a file exported here imports into another case (or back) unchanged. List cells join
values with `;`, source references read `S1` or `S1:¶2`, key facts say `yes`. Dates are
written as the date field reads them back to the same value: EDTF ("2008-03~",
"../2010-08-05"), or the written form where EDTF cannot say how a date was written
("night of 25–26 August 2008"), in the export's language when that reads back the same.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable

from desktop.briefing.exports.content import ExportContent, SourceRef
from desktop.briefing.exports.packaging import normalised_zip
from desktop.core.fuzzydate import FuzzyDate, FuzzyDateError
from desktop.core.sheetcolumns import (
    ID_COLUMN,
    LIST_SEPARATOR,
    SHEETS,
    YES,
    SheetName,
    formula_safe,
)

Row = tuple[str, ...]
CORE_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:creator>Dossier</dc:creator>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
    "</cp:coreProperties>"
)


def sheet_date(date: FuzzyDate, lang: str, *, undated: str = "") -> str:
    """The text a date field reads back as exactly `date` (its manual order aside)."""
    if date.is_undated:
        return undated
    plain = FuzzyDate.from_edtf(date.to_edtf())
    if not date.part:
        return plain.to_edtf()
    wanted = plain.with_part(date.part)
    for language in dict.fromkeys((lang, "en")):
        written = wanted.display(language)
        try:
            if FuzzyDate.parse(written) == wanted:
                return written
        except FuzzyDateError:
            continue
    return plain.to_edtf()


def _joined(values: Iterable[str]) -> str:
    # A value holding the separator would split into two on import: it keeps a comma instead.
    return LIST_SEPARATOR.join(v.replace(LIST_SEPARATOR, ",") for v in values if v)


def _refs(refs: Iterable[SourceRef]) -> str:
    return _joined(dict.fromkeys(r.text() for r in refs))


def sheet_rows(content: ExportContent) -> dict[SheetName, list[Row]]:
    """Each sheet's rows, header first, in import order."""
    lang = content.lang
    rows: dict[SheetName, list[Row]] = {
        "sources": [
            (s.label, s.title, s.author, sheet_date(s.date, lang), s.url, s.kind, s.id)
            for s in content.sources
        ],
        "people": [
            (p.name, p.original, _joined(p.aliases), p.kind, p.description, p.id)
            for p in content.people
        ],
        "events": [
            (
                sheet_date(e.date, lang, undated="XXXX"),
                e.title,
                e.description,
                e.status,
                e.place,
                _joined(dict.fromkeys(p.name for p in e.people)),
                _refs(e.sources),
                YES if e.key else "",
                _joined(e.tags),
                e.id,
            )
            for e in content.events
        ],
        "complaints": [
            (
                sheet_date(c.filed, lang),
                c.filed_by,
                c.body,
                _joined(a.text for a in c.against if not a.hidden),
                c.subject,
                c.reference,
                c.registration,
                c.due.isoformat() if c.due else "",
                c.status,
                c.id,
            )
            for c in content.complaints
        ],
    }
    return {name: [(*SHEETS[name], ID_COLUMN), *rows[name]] for name in SHEETS}


def csv_files(content: ExportContent) -> list[tuple[str, bytes]]:
    """One UTF-8 file with a byte-order mark (so Excel reads it as UTF-8) per sheet; a cell
    a spreadsheet would run as a formula ("=…", "-…") starts with an apostrophe."""
    files = []
    for name, rows in sheet_rows(content).items():
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n").writerows(
            [tuple(formula_safe(cell) for cell in row) for row in rows]
        )
        files.append((f"{name}.csv", b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")))
    return files


def xlsx_file(content: ExportContent, file_name: str = "case.xlsx") -> list[tuple[str, bytes]]:
    """One workbook: a sheet per kind, bold frozen header row, every cell plain text."""
    # Imported here: openpyxl costs start-up time every other command avoids.
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    stamp = dt.datetime.combine(content.generated_on, dt.time())
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = "Dossier"
    book.properties.lastModifiedBy = None
    bold = Font(bold=True)
    for name, rows in sheet_rows(content).items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c)
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.data_type = "s"  # "=…" stays text, never a formula
                if r == 1:
                    cell.font = bold
        sheet.freeze_panes = "A2"
        for c, header in enumerate(rows[0], start=1):
            widest = max(len(row[c - 1]) for row in rows[:200])
            letter = sheet.cell(row=1, column=c).column_letter
            sheet.column_dimensions[letter].width = min(60, max(len(header), widest) + 2)
    out = io.BytesIO()
    book.save(out)
    # openpyxl stamps "modified" with the clock as it saves: the export's date replaces it.
    properties = CORE_PROPERTIES.format(stamp=f"{stamp.isoformat()}Z").encode()
    return [(file_name, normalised_zip(out.getvalue(), {"docProps/core.xml": properties}))]
