"""The spreadsheet template: the four sheets with their headers and an example row each,
and a notes sheet that explains every column in English and Russian.

As an .xlsx workbook, or as a folder of CSV files (UTF-8 with a BOM, which Excel opens
with Cyrillic intact) with the notes in a text file beside them.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from desktop.core.sheetcolumns import ID_COLUMN, LIST_SEPARATOR, SHEETS, YES, SheetName
from desktop.durable import write_atomically
from desktop.errors import KnownError, SystemReason

EXAMPLES: dict[SheetName, tuple[str, ...]] = {
    "sources": ("S1", "Report on the detention of A. Petrov", "Memorial", "March 2009",
                "https://example.org/report", "advocacy_publication"),
    "people": ("Andrei Kuznetsov", "Андрей Кузнецов", "A. Kuznetsov; Kouznetsov", "official",
               "Investigator"),
    "events": ("night of 25 to 26 August 2008", "Search of the Petrov flat",
               "Officers searched the flat without a warrant.", "disputed", "Moscow",
               f"Andrei Kuznetsov{LIST_SEPARATOR} Elena Petrova", "S1:¶2", YES, "search"),
    "complaints": ("2008-09-01", "Elena Petrova", "Prosecutor's office", "Andrei Kuznetsov",
                   "Unlawful search", "OUR-1", "123/08", "1 October 2008", "filed"),
}  # fmt: skip

NOTES: dict[SheetName, dict[str, tuple[str, str]]] = {
    "sources": {
        "label": ("Short label events cite, e.g. S1", "Краткая метка для ссылок, напр. S1"),
        "title": ("Title of the document (required)", "Название документа (обязательно)"),
        "author": ("Author or organisation", "Автор или организация"),
        "date": ("Date, written any way the date field accepts",
                 "Дата в любом виде, который понимает поле даты"),
        "url": ("Web address (never opened by Dossier)",
                "Адрес в интернете (Dossier его не открывает)"),
        "kind": ("official_report, court_decision, press, witness_statement, other…",
                 "Вид: official_report, court_decision, press, witness_statement, other…"),
    },
    "people": {
        "name": ("Name as used in the case (required)", "Имя, как в деле (обязательно)"),
        "original": ("Name in the original script", "Имя в оригинальном написании"),
        "aliases": ("Other spellings, ;-separated", "Другие написания через ;"),
        "kind": ("victim, official, lawyer, witness, other",
                 "victim, official, lawyer, witness, other"),
        "description": ("Who they are", "Кто это"),
    },
    "events": {
        "date": ("\"25 Aug 2008\", \"night of 25 to 26 August 2008\", \"early 2010\", "
                 "\"в ночь на 26 августа 2008 г.\"…",
                 "«25.08.2008», «в ночь на 26 августа 2008 г.», «в конце 2008 года»…"),
        "title": ("What happened, one line (required)",
                  "Что произошло, одной строкой (обязательно)"),
        "description": ("Details", "Подробности"),
        "status": ("undisputed, disputed, unverified", "undisputed, disputed, unverified"),
        "place": ("Where", "Где"),
        "people": ("Names, ;-separated; matched to the case's people in any script or case "
                   "form, else added",
                   "Имена через ;; сопоставляются с людьми дела в любом написании и падеже, "
                   "иначе добавляются"),
        "sources": ("Source labels with an optional pinpoint, ;-separated: S1:¶2; S3:p. 14",
                    "Метки источников с необязательным указанием места через ;: S1:¶2; S3:p. 14"),
        "key": (f"\"{YES}\" for a key fact, else empty",
                f"«{YES}» для ключевого факта, иначе пусто"),
        "tags": ("Tags, ;-separated", "Теги через ;"),
    },
    "complaints": {
        "filed": ("Date filed", "Дата подачи"),
        "by": ("Who filed it", "Кто подал"),
        "body": ("The body it went to (an organisation of the case, or any text)",
                 "Куда подана (организация дела или любой текст)"),
        "against": ("Officials it is against, ;-separated", "Против кого, через ;"),
        "subject": ("What it is about", "Предмет жалобы"),
        "reference": ("Our reference", "Наш номер"),
        "registration": ("The body's registration number", "Регистрационный номер органа"),
        "due": ("Response due: one day", "Срок ответа: один день"),
        "status": ("draft, filed, acknowledged, forwarded, answered, rejected, appealed, closed",
                   "draft, filed, acknowledged, forwarded, answered, rejected, appealed, closed"),
    },
}  # fmt: skip

GENERAL = (
    (
        "One sheet per kind of record. Keep the header names. Rows imported before are "
        "recognised and not added twice (by the optional id column, else by the row's cells).",
        "Один лист на вид записей. Не меняйте названия столбцов. Уже импортированные строки "
        "узнаются и не добавляются повторно (по необязательному столбцу id или по содержимому).",
    ),
    (
        "Delete the example rows before importing.",
        "Удалите строки-примеры перед импортом.",
    ),
)


def notes_rows() -> list[tuple[str, str, str, str]]:
    rows = [("sheet / лист", "column / столбец", "English", "Русский")]
    rows += [("", "", en, ru) for en, ru in GENERAL]
    for sheet, columns in NOTES.items():
        for column, (en, ru) in columns.items():
            rows.append((sheet, column, en, ru))
        rows.append((sheet, ID_COLUMN, "Optional stable key of the row",
                     "Необязательный постоянный ключ строки"))  # fmt: skip
    return rows


def template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    for sheet, columns in SHEETS.items():
        ws = book.create_sheet(sheet)
        ws.append(list(columns))
        ws.append(list(EXAMPLES[sheet]))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for n, column in enumerate(columns):
            ws.column_dimensions[chr(ord("A") + n)].width = max(12, len(column) + 4)
    notes = book.create_sheet("notes")
    for row in notes_rows():
        notes.append(list(row))
    for letter, width in zip("ABCD", (12, 14, 70, 70), strict=True):
        notes.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template_csv(sheet: SheetName) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(SHEETS[sheet])
    writer.writerow(EXAMPLES[sheet])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def notes_text() -> bytes:
    lines = [" | ".join(row) for row in notes_rows()]
    return ("\n".join(lines) + "\n").encode("utf-8")


def save_template(target: Path) -> list[Path]:
    """Write the template to an .xlsx file, or as CSV files into an existing folder."""
    try:
        if target.is_dir():
            written = []
            for sheet in SHEETS:
                path = target / f"{sheet}.csv"
                write_atomically(path, template_csv(sheet), private=False)
                written.append(path)
            notes = target / "columns-notes.txt"
            write_atomically(notes, notes_text(), private=False)
            return [*written, notes]
        if target.suffix.casefold() != ".xlsx":
            raise KnownError("Give the template a file name ending in .xlsx, or a folder.")
        write_atomically(target, template_xlsx(), private=False)
        return [target]
    except OSError as exc:
        raise KnownError(
            "Cannot write {name}: {reason}.", name=target.name, reason=SystemReason.of(exc)
        ) from None
