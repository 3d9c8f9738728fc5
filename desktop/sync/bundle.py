"""Bundles: the signed, encrypted files that carry changes between devices on a stick.

A bundle is an age file encrypted to its recipients and to its sender. Inside is a ustar
archive with exactly these members, in this order:

    manifest.json     canonical JSON: who sent it to whom, sequence, clock, hashes
    manifest.sig      Ed25519 signature of SIGNATURE_CONTEXT + the manifest bytes
    payload.jsonl     one record version per line (JSON objects)
    blobs/<sha256>    attachments, content-addressed (an optional `blobs/` folder entry)

Both directions stream. Writing pulls the archive from a generator through
`pyrage.encrypt_io`, so attachments are read in chunks and never held whole; only the
payload (record versions, text) is held in memory, because its hash and size belong in the
manifest that precedes it. Reading is `bundle_read` (a streaming parser: nothing is held
whole there either); finding the bundles for this device in a folder is `discovery`.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import importlib
import io
import os
import re
import tarfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO, TypeGuard

import pyrage

import desktop
from desktop.core import jsontext
from desktop.core.clock import HlcStamp
from desktop.core.vectors import VersionVector
from desktop.durable import PARTIAL_SUFFIX, fsync_folder
from desktop.errors import KnownError

from .identity import (
    DeviceIdentity,
    DevicePublic,
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

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
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
    sender_name: str = ""  # the name the sender's owner chose; older bundles have none

    def to_bytes(self) -> bytes:
        """The canonical bytes that are signed and stored as `manifest.json`."""
        named = {"sender_name": self.sender_name} if self.sender_name else {}
        return canonical_json(
            {
                **named,
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
        )

    @property
    def file_name(self) -> str:
        """`<sender>-<sequence>-<bundle_id>.dossier`."""
        return f"{self.sender}-{self.sequence}-{self.bundle_id}{BUNDLE_SUFFIX}"


def _reject(reason: Reason, message: str) -> BundleRejected:
    return BundleRejected(reason, message)


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
            f"This bundle holds data schema {schema}, newer than the {supported_schema} this "
            "version of Dossier reads; update Dossier to import it.",
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
    ]
    if not all(checks):
        raise bad
    sender_name = doc.get("sender_name", "")
    try:
        sender_name = check_device_name(sender_name) if "sender_name" in doc else ""
    except (IdentityError, TypeError, AttributeError):
        raise bad from None
    try:
        hlc = HlcStamp.parse(doc["hlc"])
        knowledge = VersionVector(doc["knowledge"])
    except ValueError:
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
        sender_name=sender_name,
    )


# --- writing -------------------------------------------------------------------------

BlobSource = tuple[str, bytes | BinaryIO]
"""An attachment to send: its SHA-256 (hex) and its bytes or a seekable binary reader."""


def _ustar_header(name: str, size: int) -> bytes:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o644
    info.mtime = 0
    info.type = tarfile.REGTYPE
    return info.tobuf(format=tarfile.USTAR_FORMAT, encoding="utf-8", errors="strict")


def _padding(size: int) -> bytes:
    return b"\0" * (-size % _BLOCK)


@dataclass
class _PreparedBlob:
    sha256: str
    size: int
    source: bytes | BinaryIO


def _prepare_blob(sha256: str, source: bytes | BinaryIO) -> _PreparedBlob:
    if not _HEX64.fullmatch(sha256):
        raise ValueError("blob ids are lowercase SHA-256 hex digests")
    if isinstance(source, bytes | bytearray | memoryview):
        return _PreparedBlob(sha256, len(source), bytes(source))
    start = source.tell()
    size = source.seek(0, io.SEEK_END) - start
    source.seek(start)
    return _PreparedBlob(sha256, size, source)


def _blob_chunks(blob: _PreparedBlob) -> Iterator[bytes]:
    digest = hashlib.sha256()
    sent = 0
    if isinstance(blob.source, bytes):
        chunks: Iterable[bytes] = (
            blob.source[i : i + CHUNK_BYTES] for i in range(0, blob.size, CHUNK_BYTES)
        )
    else:
        reader = blob.source
        chunks = iter(lambda: reader.read(min(CHUNK_BYTES, blob.size - sent)) or b"", b"")
    for chunk in chunks:
        if sent >= blob.size:
            break
        digest.update(chunk)
        sent += len(chunk)
        yield chunk
    if sent != blob.size or digest.hexdigest() != blob.sha256:
        raise BundleWriteError(
            "An attachment changed or does not match its checksum while the bundle was written."
        )


def _archive(
    manifest_bytes: bytes, signature: bytes, payload: bytes, blobs: Sequence[_PreparedBlob]
) -> Iterator[bytes]:
    """The ustar archive of a bundle, in chunks."""
    for name, data in (
        (MANIFEST_NAME, manifest_bytes),
        (SIGNATURE_NAME, signature),
        (PAYLOAD_NAME, payload),
    ):
        yield _ustar_header(name, len(data))
        yield data
        yield _padding(len(data))
    for blob in blobs:
        yield _ustar_header(f"{BLOB_FOLDER}/{blob.sha256}", blob.size)
        yield from _blob_chunks(blob)
        yield _padding(blob.size)
    yield b"\0" * (2 * _BLOCK)


class _ChunkReader(io.RawIOBase):
    """A readable stream over a chunk generator; keeps the first error it hit.

    pyrage reports errors raised by a reader only as text, so the original is kept here
    and re-raised by the caller.
    """

    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self._chunks = chunks
        self._pending = memoryview(b"")
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            while not self._pending:
                chunk = next(self._chunks, None)
                if chunk is None:
                    return 0
                self._pending = memoryview(chunk)
        except BaseException as error:
            self.error = error
            raise
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count


class _ErrorKeepingWriter:
    """Passes writes to a file and keeps the first error (pyrage flattens it to text)."""

    def __init__(self, target: IO[bytes]) -> None:
        self._target = target
        self.error: BaseException | None = None

    def write(self, data: bytes) -> int:
        try:
            view = memoryview(data)
            while view:
                written = self._target.write(view)
                view = view[written if written is not None else len(view) :]
        except BaseException as error:
            self.error = error
            raise
        return len(data)

    def flush(self) -> None:
        self._target.flush()


def _open_partial(path: Path) -> IO[bytes]:
    return open(path, "xb")


def write_bundle(
    folder: Path,
    *,
    sender: DeviceIdentity,
    recipients: Sequence[DevicePublic],
    sequence: int,
    hlc: HlcStamp,
    knowledge: VersionVector,
    schema_version: int,
    payload_lines: Iterable[bytes],
    blobs: Iterable[BlobSource] = (),
    app_version: str = desktop.__version__,
    bundle_id: str | None = None,
    open_partial: Callable[[Path], IO[bytes]] = _open_partial,
) -> Path:
    """Write, encrypt, sign and verify one bundle in `folder`; returns its path.

    `payload_lines` are JSON objects, one per item (a trailing newline is optional).
    The file is written as `<name>.partial`, fsynced, renamed, the folder fsynced, and then
    read back and checked. On failure the partial file is removed where the drive still
    allows it; readers ignore any `.partial` left behind. `open_partial` opens the
    temporary file (tests pass one that fails part-way, like a stick pulled out).
    """
    folder = Path(folder)
    recipient_ids = [r.device_id for r in recipients]
    if not recipient_ids or len(set(recipient_ids)) != len(recipient_ids):
        raise ValueError("a bundle needs distinct recipients")
    if sender.device_id in recipient_ids:
        raise ValueError("the sender is always a recipient and must not be listed")

    payload = bytearray()
    count = 0
    for line in payload_lines:
        line = line.removesuffix(b"\n")
        if b"\n" in line or not line:
            raise ValueError("each payload line must be one non-empty JSON text")
        payload += line + b"\n"
        count += 1
    prepared = [_prepare_blob(sha, source) for sha, source in blobs]
    sizes = {b.sha256: b.size for b in prepared}
    if len(sizes) != len(prepared):
        raise ValueError("each attachment goes into a bundle once")

    manifest = Manifest(
        schema_version=schema_version,
        app_version=app_version,
        bundle_id=bundle_id or str(uuid.uuid4()),
        sender=sender.device_id,
        sender_name=sender.name,
        recipients=tuple(recipient_ids),
        sequence=sequence,
        hlc=hlc,
        knowledge=knowledge,
        record_count=count,
        payload_sha256=hashlib.sha256(payload).hexdigest(),
        blobs=sizes,
    )
    manifest_bytes = manifest.to_bytes()
    signature = sender.sign(SIGNATURE_CONTEXT + manifest_bytes)
    age_recipients = [r.recipient() for r in recipients] + [sender.public().recipient()]

    target = folder / manifest.file_name
    partial = folder / (manifest.file_name + PARTIAL_SUFFIX)
    reader = _ChunkReader(_archive(manifest_bytes, signature, bytes(payload), prepared))
    try:
        with open_partial(partial) as handle:
            writer = _ErrorKeepingWriter(handle)
            try:
                pyrage.encrypt_io(reader, writer, age_recipients)
            except pyrage.EncryptError as error:
                raise (reader.error or writer.error or error) from None
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        if isinstance(error, OSError | pyrage.EncryptError):
            raise BundleWriteError(
                "The bundle could not be written; the drive may be full or was removed."
            ) from None
        raise
    fsync_folder(folder)
    try:
        _read_bundle(
            target,
            identity=sender,
            accept_sender=lambda m: sender.public(),
            supported_schema=schema_version,
            max_bytes=None,
            blob_sink=None,
            require_recipient=False,
        )
    except (BundleRejected, OSError):
        with contextlib.suppress(OSError):
            target.unlink()
        raise BundleWriteError(
            "The bundle reads back differently from what was written; try another drive."
        ) from None
    return target


def _read_bundle(path: Path, **options: Any) -> Any:
    """Read back a bundle just written: `bundle_read._read_bundle`, keeping no records.

    Imported on call: `bundle_read` imports this module's format definitions.
    """
    from . import bundle_read

    return bundle_read._read_bundle(path, record_sink=bundle_read.NoRecords(), **options)


# Reading and finding bundles live in their own modules; these names stay importable from
# here for callers written before the split (resolved on first use, as the modules import
# this one).
_MOVED = {
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
