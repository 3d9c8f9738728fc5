"""Finding a record from what a person types: an id, any prefix of it a list printed, a label.

Lists print the first 8 characters of an id; any prefix of at least 4 characters names a
record when exactly one record of the wanted kinds starts with it. Two or more is an
error naming how many, never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, null, select

from desktop.errors import KnownError
from desktop.store.models import (
    Attachment,
    Case,
    Citation,
    Complaint,
    ComplaintResponse,
    Event,
    Organisation,
    Person,
    Posting,
    Source,
    Synced,
    Tag,
)
from desktop.store.store import Store

MIN_PREFIX = 4

KINDS: dict[str, type[Synced]] = {
    "case": Case,
    "event": Event,
    "person": Person,
    "organisation": Organisation,
    "posting": Posting,
    "complaint": Complaint,
    "response": ComplaintResponse,
    "source": Source,
    "citation": Citation,
    "attachment": Attachment,
    "tag": Tag,
}


@dataclass(frozen=True)
class Found:
    kind: str
    id: str
    case_id: str | None


class RecordLookup:
    def __init__(self, store: Store) -> None:
        self.store = store

    def by_prefix(
        self,
        text: str,
        kinds: Iterable[str],
        *,
        case_id: str | None = None,
        deleted: bool | None = False,
    ) -> Found | None:
        """The one record of `kinds` whose id starts with `text`; None when none does.

        `deleted`: False for live records only, True for deleted ones only, None for both.
        """
        prefix = text.strip().lower()
        if len(prefix) < MIN_PREFIX or any(c not in "0123456789abcdef-" for c in prefix):
            return None
        found: list[Found] = []
        with self.store.reading() as s:
            for kind in kinds:
                model = KINDS[kind]
                case_column = getattr(model, "case_id", None)
                q = select(model.id, null() if case_column is None else case_column).where(
                    model.id >= prefix,
                    model.id < prefix + "~",  # a range: the key's index
                )
                if deleted is not None:
                    q = q.where(model.deleted.is_(deleted))
                if case_id is not None and case_column is not None:
                    q = q.where(case_column == case_id)
                for record_id, record_case in s.execute(q.limit(2)):
                    found.append(Found(kind, str(record_id), record_case))
        if len(found) > 1:
            raise KnownError(
                "The id {id!r} is ambiguous: {count} records start with it; give more characters.",
                id=text.strip(),
                count=len(found),
            )
        return found[0] if found else None

    def require(
        self,
        text: str,
        kinds: Iterable[str],
        *,
        case_id: str | None = None,
        deleted: bool | None = False,
    ) -> Found:
        kinds = tuple(kinds)
        found = self.by_prefix(text, kinds, case_id=case_id, deleted=deleted)
        if found is None:
            what = " or ".join(kinds)
            raise KnownError(
                "No {what} has an id starting with {id!r}.", what=what, id=text.strip()
            )
        return found

    def source_by_label(self, case_id: str, label: str) -> str | None:
        """The live source labelled `label` (case-insensitive) in the case."""
        with self.store.reading() as s:
            rows = s.execute(
                select(Source.id).where(
                    Source.case_id == case_id,
                    Source.deleted.is_(False),
                    func.lower(Source.label) == label.strip().lower(),
                )
            ).all()
        if len(rows) > 1:
            raise KnownError(
                "Several sources are labelled {label!r}; use the id.", label=label.strip()
            )
        return str(rows[0][0]) if rows else None
