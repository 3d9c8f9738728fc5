"""Bundles: the signed, encrypted files that carry changes between devices on a stick.

A bundle is an age file encrypted to its recipients and to its sender. Inside is a ustar
archive with exactly these members, in this order:

    manifest.json     canonical JSON: who sent it to whom, sequence, clock, hashes
    manifest.sig      Ed25519 signature of SIGNATURE_CONTEXT + the manifest bytes
    payload.jsonl     one record version per line (JSON objects)
    blobs/<sha256>    attachments, content-addressed (an optional `blobs/` folder entry)

Writing lives in `bundle_write.py` (`write_bundle` is still importable from here).
Both directions stream. Writing pulls the archive from a generator through
`pyrage.encrypt_io`, so attachments are read in chunks and never held whole; only the
payload (record versions, text) is held in memory, because its hash and size belong in the
manifest that precedes it. Reading pushes decrypted chunks from `pyrage.decrypt_io` into a
small ustar parser that checks each member as it arrives and hands attachments to a
`BlobSink` in chunks. age authenticates every 64 KiB chunk before releasing it; a cut or
altered file fails at the damaged chunk, and `open_bundle` returns only once the whole
file has decrypted and every check has passed. A sink must therefore treat what it received
as provisional until then (an import writes blobs inside the transaction it rolls back).
"""

from __future__ import annotations

import enum
import importlib
import re
import tarfile
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from desktop.core import jsontext
from desktop.core.clock import HlcStamp
from desktop.core.vectors import VersionVector
from desktop.errors import KnownError

from .identity import (
    IdentityError,
    canonical_json,
    check_device_name,
)

FORMAT = "dossier-bundle"
FORMAT_VERSION = 1
BUNDLE_SUFFIX = ".dossier"
SIGNATURE_CONTEXT = b"dossier-bundle-manifest-v1\n"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
PAYLOAD_NAME = "payload.jsonl"
BLOB_FOLDER = "blobs"
SIGNATURE_BYTES = 64
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
DEFAULT_MAX_BUNDLE_BYTES = 4 * 1024**3
CHUNK_BYTES = 1024 * 1024
_BLOCK = tarfile.BLOCKSIZE
_HEX64 = re.compile(r"[0-9a-f]{64}")
_AUDIT_HEAD = re.compile(r"[0-9]{1,12}:[0-9a-f]{64}")
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_BUNDLE_NAME = re.compile(rf"({_UUID})-([1-9][0-9]{{0,18}})-({_UUID})\.dossier")


class Reason(enum.Enum):
    """Why a bundle was refused, for callers that treat some refusals differently."""

    TOO_LARGE = "too_large"
    UNFINISHED = "unfinished"
    UNREADABLE = "unreadable"
    NOT_FOR_THIS_DEVICE = "not_for_this_device"
    DAMAGED = "damaged"
    UNSAFE_ARCHIVE = "unsafe_archive"
    BAD_MANIFEST = "bad_manifest"
    NEWER_VERSION = "newer_version"
    OWN_BUNDLE = "own_bundle"
    UNKNOWN_SENDER = "unknown_sender"
    REVOKED_SENDER = "revoked_sender"
    BAD_SIGNATURE = "bad_signature"
    HASH_MISMATCH = "hash_mismatch"
    BAD_PAYLOAD = "bad_payload"
    UNREFERENCED_BLOB = "unreferenced_blob"


class BundleRejected(KnownError):
    """A bundle that must not be imported; `str()` is one plain sentence, `reason` the kind."""

    def __init__(self, reason: Reason, message: str, **params: object) -> None:
        super().__init__(message, **params)
        self.reason = reason


class BundleWriteError(KnownError):
    """A bundle could not be written completely; nothing importable was left behind."""


@dataclass(frozen=True, slots=True)
class Manifest:
    """The signed description of a bundle's content."""

    schema_version: int
    app_version: str
    bundle_id: str
    sender: str
    recipients: tuple[str, ...]
    sequence: int
    hlc: HlcStamp
    knowledge: VersionVector
    record_count: int
    payload_sha256: str
    blobs: Mapping[str, int]
    format_version: int = FORMAT_VERSION
    # The sender's audit log head ("count:hash", see store.audit), signed with the rest so
    # the receiver holds a witness of the sender's history; absent from older bundles.
    audit_head: str = ""
    series: tuple[str, ...] = ()  # every part's bundle id, when an export was split
    series_knowledge: VersionVector = field(default_factory=VersionVector)
    sender_name: str = ""  # the name the sender's owner chose; older bundles have none

    def to_bytes(self) -> bytes:
        """The canonical bytes that are signed and stored as `manifest.json`."""
        extra: dict[str, Any] = {"sender_name": self.sender_name} if self.sender_name else {}
        if self.series:  # absent from unsplit bundles, which stay as they always were
            extra["series"] = {
                "parts": list(self.series),
                "knowledge": dict(self.series_knowledge),
            }
        return canonical_json(
            {
                **extra,
                "format": FORMAT,
                "format_version": self.format_version,
                "schema_version": self.schema_version,
                "app_version": self.app_version,
                "bundle_id": self.bundle_id,
                "sender": self.sender,
                "recipients": list(self.recipients),
                "sequence": self.sequence,
                "hlc": self.hlc.format(),
                "knowledge": dict(self.knowledge),
                "record_count": self.record_count,
                "payload_sha256": self.payload_sha256,
                "blobs": dict(sorted(self.blobs.items())),
            }
            | ({"audit_head": self.audit_head} if self.audit_head else {})
        )

    @property
    def file_name(self) -> str:
        """`<sender>-<sequence>-<bundle_id>.dossier`."""
        return f"{self.sender}-{self.sequence}-{self.bundle_id}{BUNDLE_SUFFIX}"


def _reject(reason: Reason, message: str, **params: object) -> BundleRejected:
    return BundleRejected(reason, message, **params)


def _is_uuid(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _is_count(value: Any, minimum: int = 0) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def parse_manifest(data: bytes, supported_schema: int) -> Manifest:
    """Check a manifest's shape and versions; `BundleRejected` when anything is off."""
    bad = _reject(Reason.BAD_MANIFEST, "This bundle's manifest is not valid.")
    try:
        doc = jsontext.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise bad from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _reject(Reason.BAD_MANIFEST, "This file is not a Dossier bundle.")
    if not _is_count(doc.get("format_version"), 1):
        raise bad
    if doc["format_version"] > FORMAT_VERSION:
        raise _reject(
            Reason.NEWER_VERSION,
            "This bundle was made by a newer version of Dossier; update Dossier to import it.",
        )
    schema = doc.get("schema_version")
    if not _is_count(schema, 1):
        raise bad
    if schema > supported_schema:
        raise _reject(
            Reason.NEWER_VERSION,
            "This bundle holds data schema {schema}, newer than the {supported} this "
            "version of Dossier reads; update Dossier to import it.",
            schema=schema,
            supported=supported_schema,
        )
    recipients = doc.get("recipients")
    blobs = doc.get("blobs")
    checks = [
        isinstance(doc.get("app_version"), str) and len(doc["app_version"]) <= 64,
        _is_uuid(doc.get("bundle_id")),
        _is_uuid(doc.get("sender")),
        isinstance(recipients, list) and bool(recipients) and all(map(_is_uuid, recipients)),
        isinstance(recipients, list) and len(set(recipients)) == len(recipients),
        _is_count(doc.get("sequence"), 1),
        isinstance(doc.get("hlc"), str),
        isinstance(doc.get("knowledge"), dict),
        _is_count(doc.get("record_count")),
        isinstance(doc.get("payload_sha256"), str) and _HEX64.fullmatch(doc["payload_sha256"]),
        isinstance(blobs, dict)
        and all(_HEX64.fullmatch(k) and _is_count(v) for k, v in blobs.items()),
        "audit_head" not in doc
        or (isinstance(doc["audit_head"], str) and _AUDIT_HEAD.fullmatch(doc["audit_head"])),
    ]
    if not all(checks):
        raise bad
    try:
        hlc = HlcStamp.parse(doc["hlc"])
        knowledge = VersionVector(doc["knowledge"])
        series, series_knowledge = _parse_series(doc.get("series"), doc["bundle_id"])
    except ValueError:
        raise bad from None
    sender_name = doc.get("sender_name", "")
    try:
        sender_name = check_device_name(sender_name) if "sender_name" in doc else ""
    except (IdentityError, TypeError, AttributeError):
        raise bad from None
    return Manifest(
        format_version=doc["format_version"],
        schema_version=schema,
        app_version=doc["app_version"],
        bundle_id=doc["bundle_id"],
        sender=doc["sender"],
        recipients=tuple(doc["recipients"]),
        sequence=doc["sequence"],
        hlc=hlc,
        knowledge=knowledge,
        record_count=doc["record_count"],
        payload_sha256=doc["payload_sha256"],
        blobs=dict(doc["blobs"]),
        audit_head=doc.get("audit_head", ""),
        series=series,
        series_knowledge=series_knowledge,
        sender_name=sender_name,
    )


MAX_SERIES_PARTS = 10_000


def _parse_series(value: Any, bundle_id: str) -> tuple[tuple[str, ...], VersionVector]:
    """A split export's part list (including this bundle) and whole knowledge, if any."""
    if value is None:
        return (), VersionVector()
    if not isinstance(value, dict) or set(value) != {"parts", "knowledge"}:
        raise ValueError("series")
    parts, knowledge = value["parts"], value["knowledge"]
    if (
        not isinstance(parts, list)
        or not 2 <= len(parts) <= MAX_SERIES_PARTS
        or not all(map(_is_uuid, parts))
        or len(set(parts)) != len(parts)
        or bundle_id not in parts
        or not isinstance(knowledge, dict)
    ):
        raise ValueError("series")
    return tuple(parts), VersionVector(knowledge)


# --- writing lives in bundle_write.py; `write_bundle` stays importable from here ---


# Writing, reading and finding bundles live in their own modules; these names stay
# importable from here for callers written before the split (resolved on first use, as
# those modules import this one).
_MOVED = {
    "write_bundle": "bundle_write",
    "BlobSource": "bundle_write",
    "BlobSink": "bundle_read",
    "MemoryBlobSink": "bundle_read",
    "RecordList": "bundle_read",
    "RecordSink": "bundle_read",
    "VerifiedBundle": "bundle_read",
    "open_bundle": "bundle_read",
    "BundleName": "discovery",
    "parse_bundle_name": "discovery",
    "is_addressed_to": "discovery",
    "list_bundles": "discovery",
}


def __getattr__(name: str) -> Any:
    module = _MOVED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__package__}.{module}"), name)
