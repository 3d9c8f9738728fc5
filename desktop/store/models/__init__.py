"""SQLAlchemy models, one module per aggregate; importing this registers them all."""

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
    "SYNCED_MODELS",
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
]
