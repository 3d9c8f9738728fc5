"""People and officials, organisations, and postings (role and rank over a period)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desktop.core.enums import OrganisationKind, PersonKind
from desktop.core.fuzzydate import FuzzyDate
from desktop.core.names import detect_script
from desktop.errors import ValidationError
from desktop.services.validation import (
    Cleaner,
    clean_fields,
    flag,
    fuzzy_date,
    one_of,
    optional_text,
    reference,
    required_text,
    short_text,
)
from desktop.store.models import Blob, Organisation, Person, Posting
from desktop.store.models.people import name_entries
from desktop.store.records import (
    OrganisationRecord,
    PersonRecord,
    PostingRecord,
    posting_held_on,
    view,
)
from desktop.store.store import Store

NAME_KINDS = ("primary", "original", "alias")
MAX_NAMES = 50


@dataclass(frozen=True)
class NameVariant:
    text: str
    script: str = ""  # cyrl, latn, mixed; detected when empty
    kind: str = "alias"  # primary, original (as written in the person's language), alias


def parse_names(names_json: str) -> list[NameVariant]:
    """The stored name variants; a damaged value reads as none rather than failing."""
    return [
        NameVariant(str(n["text"]), str(n.get("script", "")), str(n.get("kind", "alias")))
        for n in name_entries(names_json)
    ]


def _names_json(value: object, field: str) -> str:
    if not isinstance(value, list | tuple) or len(value) > MAX_NAMES:
        raise ValidationError("Names must be a list of name variants.", field=field)
    items = []
    for item in value:
        if isinstance(item, str):
            item = NameVariant(item)
        if not isinstance(item, NameVariant):
            raise ValidationError("Names must be a list of name variants.", field=field)
        text = required_text(item.text, "name")
        if item.kind not in NAME_KINDS:
            raise ValidationError(
                "A name's kind must be one of {kinds}.", field, kinds=", ".join(NAME_KINDS)
            )
        items.append(
            {"text": text, "script": item.script or detect_script(text), "kind": item.kind}
        )
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


PERSON_RULES: dict[str, Cleaner] = {
    "kind": one_of(PersonKind),
    "display_name": required_text,
    "names": _names_json,
    "description": optional_text,
    "allegations": optional_text,
    "protected": flag,
    "confidential": flag,
    "photo_sha256": reference,
}
ORGANISATION_RULES: dict[str, Cleaner] = {
    "name": required_text,
    "name_ru": short_text,
    "kind": one_of(OrganisationKind),
    "parent_id": reference,
}
POSTING_RULES: dict[str, Cleaner] = {
    "organisation_id": required_text,
    "role": short_text,
    "rank": short_text,
    "start": fuzzy_date,
    "end": fuzzy_date,
}


def _posting_values(fields: dict[str, object]) -> dict[str, object]:
    values = clean_fields(fields, POSTING_RULES, "posting")
    start, end = values.pop("start", None), values.pop("end", None)
    if isinstance(start, FuzzyDate):
        values.update(start_edtf=start.to_edtf(), start_sort=start.sort_number())
    if isinstance(end, FuzzyDate):
        values.update(end_edtf=end.to_edtf(), end_sort=end.end_number())
    if (
        isinstance(start, FuzzyDate)
        and isinstance(end, FuzzyDate)
        and not start.is_undated
        and not end.is_undated
        and start.sort_number() > end.end_number()
    ):
        raise ValidationError("A posting cannot end before it starts.", field="end")
    return values


MAX_PHOTO_BYTES = 20 * 1024 * 1024
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")


class PeopleService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # ---- people -----------------------------------------------------------------------
    def persons(self, case_id: str, kind: str | None = None) -> list[PersonRecord]:
        with self.store.reading() as s:
            q = select(Person).where(Person.case_id == case_id, Person.deleted.is_(False))
            if kind:
                q = q.where(Person.kind == kind)
            return [
                view(PersonRecord, p) for p in s.execute(q.order_by(Person.display_name)).scalars()
            ]

    def get_person(self, person_id: str) -> PersonRecord:
        return self.store.fetch(Person, PersonRecord, person_id)

    def add_person(self, case_id: str, kind: str, display_name: str, **fields: object) -> str:
        fields.setdefault("names", [NameVariant(display_name, kind="primary")])
        values = clean_fields(
            {"kind": kind, "display_name": display_name, **fields}, PERSON_RULES, "person"
        )
        with self.store.writing() as w:
            return w.insert(Person, case_id=case_id, **values)

    def store_photo(self, path: Path) -> str:
        """Keep a portrait (PNG, JPEG or GIF) inside the vault; returns its SHA-256.

        Set it on a person with `update_person(person_id, photo_sha256=...)`, which undo
        and sync treat like any other field. The file is checked before it is read whole.
        """
        try:
            size = path.stat().st_size
            if size > MAX_PHOTO_BYTES:
                raise ValidationError(
                    "That picture is too large (the limit is {mib} MiB).",
                    field="photo_sha256",
                    mib=MAX_PHOTO_BYTES >> 20,
                )
            data = path.read_bytes()
        except OSError:
            raise ValidationError("That picture cannot be read.", field="photo_sha256") from None
        if not data.startswith(IMAGE_SIGNATURES):
            raise ValidationError(
                "Choose a PNG, JPEG or GIF picture for the photo.", field="photo_sha256"
            )
        digest = hashlib.sha256(data).hexdigest()
        with self.store.writing() as w:
            if w.session.get(Blob, digest) is None:
                w.session.add(Blob(sha256=digest, size=len(data), data=data))
        return digest

    def update_person(self, person_id: str, **changes: object) -> dict[str, object]:
        values = clean_fields(changes, PERSON_RULES, "person")
        return self.store.update(Person, person_id, values)

    def delete_person(self, person_id: str) -> None:
        self.store.delete(Person, person_id)

    def restore_person(self, person_id: str) -> None:
        self.store.restore(Person, person_id)

    # ---- organisations ----------------------------------------------------------------
    def organisations(self, case_id: str) -> list[OrganisationRecord]:
        with self.store.reading() as s:
            q = select(Organisation).where(
                Organisation.case_id == case_id, Organisation.deleted.is_(False)
            )
            return [
                view(OrganisationRecord, o)
                for o in s.execute(q.order_by(Organisation.name)).scalars()
            ]

    def get_organisation(self, organisation_id: str) -> OrganisationRecord:
        return self.store.fetch(Organisation, OrganisationRecord, organisation_id)

    def add_organisation(self, case_id: str, name: str, **fields: object) -> str:
        values = clean_fields({"name": name, **fields}, ORGANISATION_RULES, "organisation")
        with self.store.writing() as w:
            if values.get("parent_id"):
                w.get_live(Organisation, str(values["parent_id"]))
            return w.insert(Organisation, case_id=case_id, **values)

    def update_organisation(self, organisation_id: str, **changes: object) -> dict[str, object]:
        values = clean_fields(changes, ORGANISATION_RULES, "organisation")
        if values.get("parent_id") == organisation_id:
            raise ValidationError("An organisation cannot be its own parent.", field="parent_id")
        return self.store.update(Organisation, organisation_id, values)

    def delete_organisation(self, organisation_id: str) -> None:
        self.store.delete(Organisation, organisation_id)

    def restore_organisation(self, organisation_id: str) -> None:
        self.store.restore(Organisation, organisation_id)

    # ---- postings ---------------------------------------------------------------------
    def postings(self, person_id: str) -> list[PostingRecord]:
        with self.store.reading() as s:
            q = select(Posting).where(Posting.person_id == person_id, Posting.deleted.is_(False))
            return [
                view(PostingRecord, p) for p in s.execute(q.order_by(Posting.start_sort)).scalars()
            ]

    def add_posting(self, person_id: str, organisation_id: str, **fields: object) -> str:
        values = _posting_values({"organisation_id": organisation_id, **fields})
        with self.store.writing() as w:
            person = w.get_live(Person, person_id)
            w.get_live(Organisation, organisation_id)
            return w.insert(Posting, case_id=person.case_id, person_id=person_id, **values)

    def update_posting(self, posting_id: str, **changes: object) -> dict[str, object]:
        values = _posting_values(dict(changes))
        return self.store.update(Posting, posting_id, values)

    def delete_posting(self, posting_id: str) -> None:
        self.store.delete(Posting, posting_id)

    def posting_on(self, person_id: str, on: FuzzyDate) -> PostingRecord | None:
        """The posting a person held on a date (the rank on the date of an event), if known."""
        return posting_held_on(self.postings(person_id), on)
