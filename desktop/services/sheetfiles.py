"""Reading spreadsheets for import: XLSX workbooks and CSV files, as plain rows of text.

The layout is `core.sheetcolumns`: one worksheet (XLSX) or one file (CSV) per kind of
record. A CSV is recognised by its file name (`events.csv`) or, failing that, by its
headers. CSVs come from Excel in many dialects: UTF-8 with or without a BOM, UTF-16
("Unicode text"), the Windows Cyrillic code page cp1251, and `;` rather than `,` between
cells where the decimal comma is the local default (Russian Excel); all are sniffed.

Files are hostile until read: a size cap, a row cap, headers that must be known (or
mapped by the user), rows no wider than their header. Every refusal is one sentence
that names the file and the row, never a cell's content.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core.sheetcolumns import ID_COLUMN, SHEETS, YES, SheetName, from_formula_safe
from desktop.errors import KnownError, SystemReason

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 200
IGNORE = ""  # a mapping target: leave the file's column out of the import

# Headers a Russian paralegal (or another tool) may write, per sheet, as well as the template's.
HEADER_ALIASES: dict[SheetName, dict[str, str]] = {
    "sources": {
        "метка": "label", "шифр": "label", "название": "title", "заголовок": "title",
        "источник": "title", "автор": "author", "дата": "date", "ссылка": "url",
        "адрес": "url", "вид": "kind", "тип": "kind",
    },
    "people": {
        "имя": "name", "фио": "name", "ф.и.о.": "name", "ф. и. о.": "name",
        "фамилия имя отчество": "name", "оригинал": "original", "в оригинале": "original",
        "другие имена": "aliases", "псевдонимы": "aliases", "другие написания": "aliases",
        "вид": "kind", "роль": "kind", "категория": "kind", "описание": "description",
        "примечание": "description", "кто это": "description",
    },
    "events": {
        "дата": "date", "когда": "date", "название": "title", "событие": "title",
        "заголовок": "title", "описание": "description", "подробности": "description",
        "статус": "status", "место": "place", "где": "place", "люди": "people",
        "лица": "people", "участники": "people", "источники": "sources",
        "источник": "sources", "ключевое": "key", "ключевой": "key",
        "ключевое событие": "key", "ключевой факт": "key", "теги": "tags", "метки": "tags",
        "ярлыки": "tags",
    },
    "complaints": {
        "подана": "filed", "дата подачи": "filed", "дата": "filed", "кем": "by",
        "заявитель": "by", "кем подана": "by",
        "орган": "body", "адресат": "body", "против": "against", "предмет": "subject",
        "наш номер": "reference", "исх. номер": "reference", "рег. номер": "registration",
        "регистрационный номер": "registration", "вх. номер": "registration",
        "срок": "due", "срок ответа": "due", "ответ до": "due",
        "статус": "status",
    },
}  # fmt: skip


SHEET_ALIASES: dict[str, SheetName] = {
    "источники": "sources", "люди": "people", "лица": "people", "события": "events",
    "хронология": "events", "жалобы": "complaints",
}  # fmt: skip


def sheet_named(name: str) -> SheetName | None:
    """The sheet a worksheet or CSV file name says ("events", "События"), if any."""
    key = name.strip().casefold()
    if key in SHEETS:
        return key
    return SHEET_ALIASES.get(key)


class SheetFileError(KnownError):
    """A file that cannot be imported at all (nothing of it is)."""


@dataclass(frozen=True)
class RawSheet:
    """One worksheet or CSV file as read: its headers and rows of text, nothing checked."""

    name: SheetName | None  # None: neither its name nor its headers say which sheet it is
    where: str  # for messages: "events.csv", "cases.xlsx, sheet events"
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number as the file shows it, cells)


@dataclass(frozen=True)
class SheetRow:
    number: int  # as a spreadsheet program shows it: the header is row 1
    cells: Mapping[str, str]  # template column (and `id`) -> text, stripped


@dataclass(frozen=True)
class Sheet:
    name: SheetName
    where: str
    rows: tuple[SheetRow, ...]


def header_key(text: str) -> str:
    """A header as compared: case, spacing and a trailing colon or asterisk do not count."""
    return " ".join(text.replace("\ufeff", "").split()).strip(":* ").casefold()


def auto_column(sheet: SheetName, header: str) -> str | None:
    """The template column a file's header names, when it is the template's or an alias."""
    key = header_key(header)
    if key in SHEETS[sheet] or key == ID_COLUMN:
        return key
    return HEADER_ALIASES[sheet].get(key)


def guess_sheet(headers: Sequence[str]) -> SheetName | None:
    """The sheet whose columns a file's headers name most (None when no header is known)."""
    best: tuple[int, SheetName | None] = (0, None)
    for sheet in SHEETS:
        known = sum(1 for h in headers if auto_column(sheet, h) not in (None, ID_COLUMN))
        if known > best[0]:
            best = (known, sheet)
    return best[1]


def _shown(header: str) -> str:
    text = " ".join(header.split())
    return text if len(text) <= 40 else text[:39] + "…"


# ---- CSV ----------------------------------------------------------------------------------
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_text(raw: bytes, where: str) -> str:
    """CSV bytes as text: UTF-16 or UTF-8 by their BOM, UTF-8, else cp1251 (Windows Cyrillic)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp1251")
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text):
            return text
    raise SheetFileError(
        "{where} is not a text CSV file in UTF-8, UTF-16 or Windows Cyrillic "
        "(cp1251); save it from the spreadsheet as CSV UTF-8.",
        where=where,
    )


def sniff_delimiter(text: str) -> str:
    """`,`, `;` or tab: whichever the header line holds most of (outside quotes)."""
    first = text.split("\n", 1)[0]
    unquoted = re.sub(r'"[^"]*"', "", first)
    counts = {d: unquoted.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path) -> RawSheet:
    where = path.name
    raw = _read_bytes(path)
    text = decode_text(raw, where)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text), strict=True)
    records: list[tuple[int, tuple[str, ...]]] = []
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_ROWS + 1:
                raise SheetFileError(
                    "{where} has more than {limit:,} rows; split it.", where=where, limit=MAX_ROWS
                )
            # The apostrophe an export put before "=…" or "-…" (see `formula_safe`) goes.
            records.append((number, tuple(from_formula_safe(c) for c in cells)))
    except csv.Error:
        raise SheetFileError(
            "{where} is not a well-formed CSV file (near row {row}): a quote is "
            "not closed or a cell is too large.",
            where=where,
            row=len(records) + 1,
        ) from None
    return _raw_sheet(sheet_named(path.stem), where, records)


# ---- XLSX ---------------------------------------------------------------------------------
def cell_text(value: object) -> str:
    """A cell as the text a person typed: dates as YYYY-MM-DD, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: Path) -> list[RawSheet]:
    from openpyxl import load_workbook  # heavy: only when a workbook is read

    _read_bytes(path)  # the size check, and a clear error for an unreadable file
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError):
        raise SheetFileError(
            "{name} is not a readable Excel workbook (.xlsx).", name=path.name
        ) from None
    except Exception as exc:  # openpyxl's own errors for a zip that is not a workbook
        if type(exc).__module__.startswith("openpyxl"):
            raise SheetFileError(
                "{name} is not a readable Excel workbook (.xlsx).", name=path.name
            ) from None
        raise
    try:
        found: list[RawSheet] = []
        worksheets = list(book.worksheets)
        for ws in worksheets:
            title = sheet_named(ws.title)
            if title is None and len(worksheets) > 1:
                continue  # the template's notes, a user's scratch sheet
            where = f"{path.name}, sheet {_shown(ws.title)}"
            records: list[tuple[int, tuple[str, ...]]] = []
            rows = ws.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)
            for number, values in enumerate(rows, start=1):
                if number > MAX_ROWS + 1:
                    raise SheetFileError(
                        "{where} has more than {limit:,} rows; split it.",
                        where=where,
                        limit=MAX_ROWS,
                    )
                records.append((number, tuple(cell_text(v) for v in values)))
            found.append(_raw_sheet(title, where, records))
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError):
        raise SheetFileError(
            "{name} is damaged: a worksheet cannot be read.", name=path.name
        ) from None
    finally:
        book.close()
    if not found:
        raise SheetFileError(
            "{name} has no sheet called {listed}; name the worksheets so.",
            name=path.name,
            listed=", ".join(SHEETS),
        )
    return found


# ---- both ---------------------------------------------------------------------------------
def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SheetFileError(
                "{name} is too large to import (the limit is {limit} MiB).",
                name=path.name,
                limit=MAX_FILE_BYTES >> 20,
            )
        return path.read_bytes()
    except OSError as exc:
        raise SheetFileError(
            "Cannot read {name}: {reason}.", name=path.name, reason=SystemReason.of(exc)
        ) from None


def _raw_sheet(
    name: SheetName | None, where: str, records: list[tuple[int, tuple[str, ...]]]
) -> RawSheet:
    while records and not any(c.strip() for c in records[0][1]):
        records.pop(0)  # blank lines above the header
    if not records:
        raise SheetFileError("{where} is empty: it has no header row.", where=where)
    header_number, header_cells = records[0]
    headers = list(header_cells)
    while headers and not headers[-1].strip():
        headers.pop()
    if len(headers) > MAX_COLUMNS:
        raise SheetFileError(
            "{where} has more than {limit} columns.", where=where, limit=MAX_COLUMNS
        )
    rows = []
    for number, cells in records[1:]:
        if not any(c.strip() for c in cells):
            continue
        extra = cells[len(headers) :]
        if any(c.strip() for c in extra):
            raise SheetFileError(
                "{where} row {row} has {cells} cells but the header has {headers}; "
                "check the separators and quotes.",
                where=where,
                row=number - header_number + 1,
                cells=len(cells),
                headers=len(headers),
            )
        rows.append((number - header_number + 1, tuple(cells[: len(headers)])))
    sheet = name or guess_sheet(headers)
    return RawSheet(sheet, where, tuple(headers), tuple(rows))


def read_raw(paths: Iterable[Path]) -> list[RawSheet]:
    """Every sheet of the files, in the order given (XLSX: each sheet named as the layout)."""
    found: list[RawSheet] = []
    for path in paths:
        suffix = path.suffix.casefold()
        if suffix in (".xlsx", ".xlsm"):
            found += read_xlsx(path)
        elif suffix in (".csv", ".txt", ".tsv"):
            found.append(read_csv(path))
        else:
            raise SheetFileError("{name}: give an .xlsx workbook or .csv files.", name=path.name)
    return found


def column_mapping(raw: RawSheet, mapping: Mapping[str, str] | None = None) -> dict[int, str]:
    """Header position -> template column, from the user's mapping (exact header text ->
    column, or `IGNORE`) and else the template's names and their aliases."""
    assert raw.name is not None
    chosen = mapping or {}
    allowed = (*SHEETS[raw.name], ID_COLUMN)
    columns: dict[int, str] = {}
    for position, header in enumerate(raw.headers):
        if header in chosen:
            target = chosen[header]
            if target == IGNORE:
                continue
            if target not in allowed:
                raise SheetFileError(
                    "{where}: {shown!r} is not a column of {name}.",
                    where=raw.where,
                    shown=_shown(target),
                    name=raw.name,
                )
        else:
            found = auto_column(raw.name, header)
            if found is None:
                shown = _shown(header) or f"number {position + 1} (no header)"
                raise SheetFileError(
                    "{where}: the column {shown!r} is not one Dossier knows (expected "
                    "{listed}); rename or map it.",
                    where=raw.where,
                    shown=shown,
                    listed=", ".join(SHEETS[raw.name]),
                )
            target = found
        if target in columns.values():
            raise SheetFileError(
                "{where}: two columns are both {target!r}.", where=raw.where, target=target
            )
        columns[position] = target
    return columns


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def to_sheet(raw: RawSheet, mapping: Mapping[str, str] | None = None) -> Sheet:
    if raw.name is None:
        raise SheetFileError(
            "{where}: cannot tell which sheet this is; name the file {listed} or "
            "use the template's headers.",
            where=raw.where,
            listed=", ".join(f"{s}.csv" for s in SHEETS),
        )
    columns = column_mapping(raw, mapping)
    rows = tuple(
        SheetRow(number, {columns[i]: _clean(c) for i, c in enumerate(cells) if i in columns})
        for number, cells in raw.rows
    )
    return Sheet(raw.name, raw.where, rows)


def read_sheets(
    paths: Iterable[Path], mapping: Mapping[str, str] | None = None
) -> dict[SheetName, Sheet]:
    """The sheets of the files, by name; a sheet given twice is refused."""
    sheets: dict[SheetName, Sheet] = {}
    for raw in read_raw(paths):
        sheet = to_sheet(raw, mapping)
        if sheet.name in sheets:
            raise SheetFileError(
                "Two of the files hold {name} ({first}, {second}).",
                name=sheet.name,
                first=sheets[sheet.name].where,
                second=sheet.where,
            )
        sheets[sheet.name] = sheet
    return sheets
