"""Cells of an imported spreadsheet turned into record fields, as the editors would take them.

Each kind of row becomes the fields the services' own cleaners check (`event_values`,
the source, person and complaint rules): the same limits, the same one date parser,
the same vocabularies. A cell may give a vocabulary value as stored (`disputed`) or as
its English or Russian label ("Disputed by the authorities", "Оспаривается властями").
A refusal is one `RowRefused` naming the column and, for what a person typed wrong (a
date, a vocabulary word), the cell as written, so they can find it in their file.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from enum import StrEnum

from desktop.core.enums import ComplaintStatus, FactStatus, LabelledEnum, PersonKind, SourceKind
from desktop.core.fuzzydate import FuzzyDate
from desktop.core.rules import row_problems
from desktop.core.sheetcolumns import ID_COLUMN, LIST_SEPARATOR, PIN_SEPARATOR, SHEETS, YES
from desktop.errors import KnownError, Reason, ValidationError
from desktop.services.complaints import COMPLAINT_RULES
from desktop.services.people import PERSON_RULES, NameVariant
from desktop.services.sources import _source_values
from desktop.services.timeline import event_values
from desktop.services.validation import clean_fields

NAMESPACE = uuid.UUID("6f1d2c1e-4b7a-5e0c-9d35-2f5a0c8b7e41")
YES_WORDS = frozenset({YES, "y", "да", "д", "true", "1", "x", "✓", "+", "ключевое"})
NO_WORDS = frozenset({"", "no", "n", "нет", "н", "false", "0", "-"})
DATE_COLUMNS = frozenset({"date", "filed", "due"})


class RowRefused(KnownError):
    """One row that breaks a rule; the message names the column (and the cell as written)."""


def record_id(case_id: str, kind: str, key: str) -> str:
    """The id a row's record gets in this case: the same file gives the same ids on every
    laptop, so a re-import after a sync finds the records the first import made."""
    return str(uuid.uuid5(NAMESPACE, f"{case_id}\x1f{kind}\x1f{key}"))


def row_key(sheet: str, cells: Mapping[str, str]) -> str:
    """The row's stable key: its `id` cell, else a hash of its cells with spacing normalised."""
    given = cells.get(ID_COLUMN, "")
    if given:
        return "id:" + given
    joined = "\x1f".join(" ".join(cells.get(c, "").split()) for c in SHEETS[sheet])  # type: ignore[index]
    return "cells:" + hashlib.sha256(joined.encode()).hexdigest()


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]


def split_source(item: str) -> tuple[str, str]:
    """`S1:¶2` -> ("S1", "¶2"); `S1` -> ("S1", "")."""
    label, _, pin = item.partition(PIN_SEPARATOR)
    return label.strip(), pin.strip()


# Words a Russian sheet uses for a value besides its label: the feminine of a role
# ("Потерпевшая" for "Потерпевший"), and the near-synonyms a paralegal types for a status.
SYNONYMS: dict[type[StrEnum], dict[str, str]] = {
    FactStatus: {
        "бесспорно": "undisputed", "не оспорено": "undisputed", "установлено": "undisputed",
        "оспорено": "disputed", "спорно": "disputed", "оспаривается": "disputed",
        "не проверено": "unverified", "непроверено": "unverified",
        "не подтвержден": "unverified", "не подтверждено": "unverified",
        "неподтверждено": "unverified", "не установлено": "unverified",
    },
    PersonKind: {
        "потерпевшая": "victim", "жертва": "victim", "свидетельница": "witness",
        "защитник": "lawyer", "сотрудник": "official", "сотрудница": "official",
        "чиновник": "official",
    },
}  # fmt: skip


def _word(text: str) -> str:
    return " ".join(text.split()).casefold().replace("ё", "е")


def vocabulary(cell: str, enum: type[StrEnum], column: str) -> str | None:
    """The stored value a cell names (value, label or a `SYNONYMS` word, any case); None
    for an empty cell."""
    if not cell:
        return None
    wanted = _word(cell)
    for member in enum:
        names = {member.value, member.value.replace("_", " ")}
        if isinstance(member, LabelledEnum):
            names |= {_word(member.label("en")), _word(member.label("ru"))}
        if wanted in names:
            return member.value
    if wanted in SYNONYMS.get(enum, {}):
        return SYNONYMS[enum][wanted]
    allowed = ", ".join(m.value for m in enum)
    raise RowRefused('{column} "{cell}" is not one of: {allowed}', column=column, cell=cell,
                     allowed=allowed)  # fmt: skip


def flag_cell(cell: str, column: str) -> bool:
    word = cell.strip().casefold()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise RowRefused('{column} "{cell}" should be "{yes}" or empty', column=column, cell=cell,
                     yes=YES)  # fmt: skip


_FIELD_COLUMNS = {
    "date": "date", "title": "title", "description": "description", "place": "place",
    "fact_status": "status", "key_event": "key", "label": "label", "author": "author",
    "url": "url", "kind": "kind", "display_name": "name", "names": "aliases",
    "filed_on": "filed", "filed_by": "by", "body_detail": "body", "subject": "subject",
    "our_reference": "reference", "registration_number": "registration",
    "response_due": "due", "status": "status", "name": "name",
}  # fmt: skip


def _refusal(exc: ValidationError, cells: Mapping[str, str]) -> RowRefused:
    column = _FIELD_COLUMNS.get(exc.field or "", exc.field or "?")
    if column in DATE_COLUMNS:
        return RowRefused('{column} "{cell}" not understood ({reason})', column=column,
                          cell=cells.get(column, ""), reason=Reason(exc))  # fmt: skip
    return RowRefused("{column}: {reason}", column=column, reason=Reason(exc))


def _checked(table: str, values: dict[str, object]) -> dict[str, object]:
    """The stored-row rules of `core.rules` (the ones import-json and sync apply) too."""
    problems = row_problems(table, values, partial=True)
    if problems:
        first = problems[0]
        column = _FIELD_COLUMNS.get(first.field, first.field)
        raise RowRefused("{column}: {rule}", column=column, rule=first.rule)
    return values


def source_fields(cells: Mapping[str, str]) -> dict[str, object]:
    fields: dict[str, object] = {
        "label": cells.get("label", ""),
        "title": cells.get("title", ""),
        "author": cells.get("author", ""),
        "date": cells.get("date", ""),
        "url": cells.get("url", ""),
    }
    kind = vocabulary(cells.get("kind", ""), SourceKind, "kind")
    if kind is not None:
        fields["kind"] = kind
    try:
        values = _source_values(fields)
    except ValidationError as exc:
        raise _refusal(exc, cells) from None
    return _checked("sources", values)


def person_fields(
    name: str, kind: str, original: str = "", aliases: tuple[str, ...] = (), description: str = ""
) -> dict[str, object]:
    names = [NameVariant(name, kind="primary")]
    if original:
        names.append(NameVariant(original, kind="original"))
    names += [NameVariant(a) for a in aliases]
    try:
        values = clean_fields(
            {"kind": kind, "display_name": name, "names": names, "description": description},
            PERSON_RULES,
            "person",
        )
    except ValidationError as exc:
        raise _refusal(exc, {"name": name}) from None
    return _checked("persons", values)


def people_row_fields(cells: Mapping[str, str]) -> dict[str, object]:
    if not cells.get("name"):
        raise RowRefused("name is empty (every person needs one)")
    kind = vocabulary(cells.get("kind", ""), PersonKind, "kind") or PersonKind.OTHER.value
    return person_fields(
        cells["name"],
        kind,
        cells.get("original", ""),
        tuple(split_list(cells.get("aliases", ""))),
        cells.get("description", ""),
    )


def event_fields(cells: Mapping[str, str]) -> dict[str, object]:
    fields: dict[str, object] = {
        "date": cells.get("date", ""),
        "title": cells.get("title", ""),
        "description": cells.get("description", ""),
        "place": cells.get("place", ""),
        "key_event": flag_cell(cells.get("key", ""), "key"),
    }
    status = vocabulary(cells.get("status", ""), FactStatus, "status")
    if status is not None:
        fields["fact_status"] = status
    try:
        values = event_values(fields)
    except ValidationError as exc:
        raise _refusal(exc, cells) from None
    return _checked("events", values)


def complaint_fields(cells: Mapping[str, str]) -> dict[str, object]:
    fields: dict[str, object] = {
        "filed_on": cells.get("filed", ""),
        "filed_by": cells.get("by", ""),
        "subject": cells.get("subject", ""),
        "our_reference": cells.get("reference", ""),
        "registration_number": cells.get("registration", ""),
        "response_due": cells.get("due", ""),
    }
    status = vocabulary(cells.get("status", ""), ComplaintStatus, "status")
    if status is not None:
        fields["status"] = status
    try:
        values = clean_fields(fields, COMPLAINT_RULES, "complaint")
    except ValidationError as exc:
        raise _refusal(exc, cells) from None
    filed = values.pop("filed_on")
    if isinstance(filed, FuzzyDate):
        values.update(filed_edtf=filed.to_edtf(), filed_sort=filed.sort_number())
    return _checked("complaints", values)
