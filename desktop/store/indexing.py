"""What each kind of record contributes to full-text search.

Documents are built from plain rows (mappings of column name to value), so bulk paths
(sync import, rebuild) index straight from query results without building ORM objects;
`document_for` adapts one ORM record for the single-record edit path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.store import search
from desktop.store.models import (
    Complaint,
    DeviceState,
    Event,
    Organisation,
    Person,
    Source,
    Synced,
)
from desktop.store.models.people import name_entries
from desktop.store.open_progress import OpenStage, report
from desktop.store.search import SEARCH_INDEX_VERSION, SearchDocument

log = logging.getLogger(__name__)
# Where the vault records which `SEARCH_INDEX_VERSION` its index was built with.
INDEX_VERSION_KEY = "search_index_version"

REBUILD_BATCH = 20_000
Row = Mapping[Any, Any]  # column name -> value (a dict, or a query's RowMapping)


def _joined(row: Row, *columns: str) -> str:
    return "\n".join([row[c] for c in columns if row[c]])


def _event(row: Row) -> SearchDocument:
    body = _joined(row, "description", "place", "title_alt", "description_alt")
    return SearchDocument("event", row["id"], row["case_id"], row["title"], body)


def _person(row: Row) -> SearchDocument:
    names = " ".join(str(n["text"]) for n in name_entries(row["names"]))
    return SearchDocument(
        "person", row["id"], row["case_id"], row["display_name"], row["description"], names
    )


def _organisation(row: Row) -> SearchDocument:
    return SearchDocument("organisation", row["id"], row["case_id"], row["name"], row["name_ru"])


def _complaint(row: Row) -> SearchDocument:
    title = row["subject"] or row["body_detail"] or row["filed_by"]
    body = _joined(row, "filed_by", "body_detail", "our_reference", "registration_number",
                   "legal_basis", "outcome", "subject_alt")  # fmt: skip
    return SearchDocument("complaint", row["id"], row["case_id"], title, body)


def _source(row: Row) -> SearchDocument:
    body = _joined(row, "label", "author", "publisher", "url", "title_alt")
    return SearchDocument("source", row["id"], row["case_id"], row["title"], body)


# Table name -> model and document builder, for every kind that is searched.
INDEXED: dict[str, tuple[type[Synced], Callable[[Row], SearchDocument]]] = {
    Event.__tablename__: (Event, _event),
    Person.__tablename__: (Person, _person),
    Organisation.__tablename__: (Organisation, _organisation),
    Complaint.__tablename__: (Complaint, _complaint),
    Source.__tablename__: (Source, _source),
}


def document_of(table: str, row: Row) -> SearchDocument | None:
    """The search document of a live row of `table`, or None for kinds that are not searched."""
    indexed = INDEXED.get(table)
    return None if indexed is None else indexed[1](row)


class _Attributes(Mapping[str, Any]):
    """An ORM record read as a row."""

    def __init__(self, record: Synced) -> None:
        self._record = record

    def __getitem__(self, key: str) -> Any:
        return getattr(self._record, key)

    def __iter__(self) -> Any:
        return iter(c.key for c in self._record.__table__.columns)

    def __len__(self) -> int:
        return len(self._record.__table__.columns)


def document_for(record: Synced) -> SearchDocument | None:
    """The search document of a live ORM record, or None for kinds that are not searched."""
    return document_of(record.__tablename__, _Attributes(record))


def rebuild(session: Session) -> int:
    """Drop and rebuild the whole search index from the live records (and record that it
    is built the current way)."""
    search.clear(session)
    count = 0
    total = sum(
        session.execute(
            select(func.count()).select_from(model.__table__).where(model.deleted.is_(False))
        ).scalar_one()
        for model, _build in INDEXED.values()
    )
    report(OpenStage.INDEX, 0, total)
    for model, build in INDEXED.values():
        table = model.__table__
        live = session.execute(select(table).where(table.c.deleted.is_(False))).mappings()
        # In batches: a million events held as documents at once took over a gigabyte.
        while rows := live.fetchmany(REBUILD_BATCH):
            search.put_many(session, [build(row) for row in rows])
            count += len(rows)
            report(OpenStage.INDEX, count, total)
    session.merge(DeviceState(key=INDEX_VERSION_KEY, value=str(SEARCH_INDEX_VERSION)))
    return count


def index_version(session: Session) -> str | None:
    row = session.get(DeviceState, INDEX_VERSION_KEY)
    return row.value if row is not None else None


def ensure_current(session: Session) -> int | None:
    """Re-index the vault if its index was built another way (an older Dossier); returns
    the number of records re-indexed, or None when the index was current."""
    if index_version(session) == str(SEARCH_INDEX_VERSION):
        return None
    count = rebuild(session)
    log.info("search index rebuilt to version %s: %d records", SEARCH_INDEX_VERSION, count)
    return count
