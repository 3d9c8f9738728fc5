"""Case files: create, list, rename, close, delete; and what each holds."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.core.enums import CaseStatus
from desktop.errors import KnownError
from desktop.services.validation import (
    Cleaner,
    clean_fields,
    flag,
    one_of,
    optional_text,
    required_text,
    short_text,
    text_lang,
)
from desktop.store.models import Case, Complaint, Event, Person, Source
from desktop.store.records import CaseRecord, view
from desktop.store.store import Store

CASE_RULES: dict[str, Cleaner] = {
    "title": required_text,
    "summary": optional_text,
    "text_lang": text_lang,
    "title_alt": short_text,
    "summary_alt": optional_text,
    "status": one_of(CaseStatus),
    "is_sample": flag,
    "notice": optional_text,
    "confidentiality": short_text,
}


class CaseService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def list_cases(self) -> list[CaseRecord]:
        with self.store.reading() as s:
            rows = s.execute(select(Case).where(Case.deleted.is_(False)).order_by(Case.title))
            return [view(CaseRecord, r) for r in rows.scalars()]

    def get_case(self, case_id: str) -> CaseRecord:
        with self.store.reading() as s:
            case = s.get(Case, case_id)
            if case is None or case.deleted:
                raise KnownError("That case no longer exists.")
            return view(CaseRecord, case)

    def find_case(self, ref: str) -> CaseRecord:
        """A case by id, or by a title (or title prefix) that matches exactly one case."""
        cases = self.list_cases()
        for case in cases:
            if case.id == ref:
                return case
        folded = ref.casefold()
        exact = [c for c in cases if c.title.casefold() == folded]
        matches = exact or [c for c in cases if c.title.casefold().startswith(folded)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise KnownError("No case matches that name or id (see `case list`).")
        raise KnownError("Several cases match that name; give more of the title or the id.")

    def create_case(self, title: str, **fields: object) -> str:
        values = clean_fields({"title": title, **fields}, CASE_RULES, "case")
        with self.store.writing() as w:
            return w.insert(Case, **values)

    def update_case(self, case_id: str, **changes: object) -> dict[str, object]:
        clean = clean_fields(changes, CASE_RULES, "case")
        return self.store.update(Case, case_id, clean)

    def delete_case(self, case_id: str) -> None:
        self.store.delete(Case, case_id)

    def restore_case(self, case_id: str) -> None:
        self.store.restore(Case, case_id)

    def counts(self, case_id: str) -> dict[str, int]:
        """Live records per kind, for the status bar and `case show`."""
        result = {}
        with self.store.reading() as s:
            for name, model in (
                ("events", Event),
                ("people", Person),
                ("complaints", Complaint),
                ("sources", Source),
            ):
                result[name] = s.execute(
                    select(func.count())
                    .select_from(model)
                    .where(model.case_id == case_id, model.deleted.is_(False))
                ).scalar_one()
        return result
