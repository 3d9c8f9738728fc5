"""SQLAlchemy models, one module per aggregate; importing this registers them all."""

from collections.abc import Set
from typing import Any

from desktop.store.models.base import Base, Synced
from desktop.store.models.case import Case
from desktop.store.models.complaints import (
    Complaint,
    ComplaintEvent,
    ComplaintResponse,
    ComplaintTarget,
)
from desktop.store.models.events import Event, EventParticipant
from desktop.store.models.local import AuditChain, AuditEntry, DeviceState, SearchDoc
from desktop.store.models.people import Organisation, Person, Posting
from desktop.store.models.sources import Attachment, Blob, Citation, Source
from desktop.store.models.sync import BlobReceipt, ConflictSibling, Peer, SeenBundle
from desktop.store.models.tags import Tag, TagLink

TRANSLATION_COLUMNS: dict[str, tuple[str, ...]] = {
    "cases": ("text_lang", "title_alt", "summary_alt"),
    "events": ("text_lang", "title_alt", "description_alt"),
    "complaints": ("text_lang", "subject_alt"),
    "sources": ("text_lang", "title_alt"),
}
"""Columns of migration 0010 (`core.bilingual`); all text, empty by default."""

LATE_COLUMNS: dict[str, dict[str, object]] = {
    table: {name: "" for name in names} for table, names in TRANSLATION_COLUMNS.items()
}
LATE_COLUMNS["events"]["date_note"] = ""
"""Columns added after bundles and exports were first written, by table, each with the
value a row written before it existed stands for. A sync bundle or an export from an
older version lacks them; its rows are read with these values (and only these columns
may be missing)."""


def with_late_columns(table: str, row: dict[str, Any], expected: Set[str]) -> dict[str, Any]:
    """`row` with the late columns it lacks filled in, when only late columns are missing
    from the `expected` ones; otherwise `row` unchanged (and the caller refuses it)."""
    missing = expected - row.keys()
    late = LATE_COLUMNS.get(table, {})
    if not missing or not missing <= late.keys() or not row.keys() <= expected:
        return row
    return {**row, **{name: late[name] for name in missing}}


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Case,
    Organisation,
    Person,
    Posting,
    Source,
    Event,
    EventParticipant,
    Complaint,
    ComplaintTarget,
    ComplaintEvent,
    Attachment,
    ComplaintResponse,
    Citation,
    Tag,
    TagLink,
)

__all__ = [
    "LATE_COLUMNS",
    "SYNCED_MODELS",
    "TRANSLATION_COLUMNS",
    "Attachment",
    "AuditChain",
    "AuditEntry",
    "Base",
    "Blob",
    "BlobReceipt",
    "Case",
    "Citation",
    "Complaint",
    "ComplaintEvent",
    "ComplaintResponse",
    "ComplaintTarget",
    "ConflictSibling",
    "DeviceState",
    "Event",
    "EventParticipant",
    "Organisation",
    "Peer",
    "Person",
    "Posting",
    "SearchDoc",
    "SeenBundle",
    "Source",
    "Synced",
    "Tag",
    "TagLink",
    "with_late_columns",
]
