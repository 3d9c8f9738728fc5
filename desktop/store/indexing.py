"""What each kind of record contributes to full-text search."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from desktop.store import search
from desktop.store.models import Complaint, Event, Organisation, Person, Source, Synced
from desktop.store.search import SearchDocument

INDEXED_KINDS = {
    Event: "event",
    Person: "person",
    Organisation: "organisation",
    Complaint: "complaint",
    Source: "source",
}


def person_names(names_json: str) -> list[str]:
    try:
        names = json.loads(names_json or "[]")
    except ValueError:
        return []
    return [str(n.get("text", "")) for n in names if isinstance(n, dict)]


def document_for(record: Synced) -> SearchDocument | None:
    """The search document of a live record, or None for kinds that are not searched."""
    if isinstance(record, Event):
        body = "\n".join(p for p in (record.description, record.place) if p)
        return SearchDocument("event", record.id, record.case_id, record.title, body)
    if isinstance(record, Person):
        names = person_names(record.names)
        return SearchDocument(
            "person",
            record.id,
            record.case_id,
            record.display_name,
            record.description,
            names=" ".join(names),
        )
    if isinstance(record, Organisation):
        return SearchDocument(
            "organisation", record.id, record.case_id, record.name, record.name_ru
        )
    if isinstance(record, Complaint):
        parts = (
            record.filed_by,
            record.body_detail,
            record.our_reference,
            record.registration_number,
            record.legal_basis,
            record.outcome,
        )
        title = record.subject or record.body_detail or record.filed_by
        return SearchDocument(
            "complaint", record.id, record.case_id, title, "\n".join(p for p in parts if p)
        )
    if isinstance(record, Source):
        details = (record.label, record.author, record.publisher, record.url)
        return SearchDocument(
            "source", record.id, record.case_id, record.title, "\n".join(p for p in details if p)
        )
    return None


def rebuild(session: Session) -> int:
    """Drop and rebuild the whole search index from the live records."""
    from sqlalchemy import select

    search.clear(session)
    docs = []
    for model in INDEXED_KINDS:
        for record in session.execute(select(model).where(model.deleted.is_(False))).scalars():
            doc = document_for(record)
            if doc is not None:
                docs.append(doc)
    search.put_many(session, docs)
    return len(docs)
