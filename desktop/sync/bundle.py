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
import hashlib
import io
import json
import re
import tarfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol, TypeGuard

import pyrage

from desktop.core import jsontext
from desktop.core.clock import HlcStamp
from desktop.core.vectors import VersionVector
from desktop.durable import PARTIAL_SUFFIX
from desktop.errors import KnownError

from .identity import DeviceIdentity, DevicePublic, canonical_json

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
    # The sender's audit log head ("count:hash", see store.audit), signed with the rest so
    # the receiver holds a witness of the sender's history; absent from older bundles.
    audit_head: str = ""
    series: tuple[str, ...] = ()  # every part's bundle id, when an export was split
    series_knowledge: VersionVector = field(default_factory=VersionVector)

    def to_bytes(self) -> bytes:
        """The canonical bytes that are signed and stored as `manifest.json`."""
        extra: dict[str, Any] = {}
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


def __getattr__(name: str) -> Any:
    if name in ("write_bundle", "BlobSource"):
        from . import bundle_write

        return getattr(bundle_write, name)
    raise AttributeError(name)


# --- reading -------------------------------------------------------------------------


class BlobSink(Protocol):
    """Receives attachments while a bundle is read.

    Calls come as `begin`, any number of `write`, then `end` once the hash matched.
    Everything received is provisional until `open_bundle` returns.
    """

    def begin(self, sha256: str, size: int) -> None: ...

    def write(self, chunk: bytes) -> None: ...

    def end(self) -> None: ...


@dataclass
class MemoryBlobSink:
    """Keeps attachments in memory: for tests and small bundles."""

    blobs: dict[str, bytes] = field(default_factory=dict)
    _current: str = ""
    _parts: list[bytes] = field(default_factory=list)

    def begin(self, sha256: str, size: int) -> None:
        self._current, self._parts = sha256, []

    def write(self, chunk: bytes) -> None:
        self._parts.append(bytes(chunk))

    def end(self) -> None:
        self.blobs[self._current] = b"".join(self._parts)


@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle that passed every check; its records are ready to merge."""

    path: Path
    manifest: Manifest
    _records: tuple[dict[str, Any], ...]

    def records(self) -> Iterator[dict[str, Any]]:
        """The payload's record versions, in the order they were written."""
        return iter(self._records)

    @property
    def blob_sizes(self) -> Mapping[str, int]:
        """Attachments carried, SHA-256 -> size; contents went to the `BlobSink`."""
        return self.manifest.blobs


_UNSAFE_PATH = "This bundle contains a file path that leaves its folder."
_UNEXPECTED = "This bundle contains an unexpected file."
_MISMATCH_BLOB = "An attachment in this bundle does not match its checksum."


class _ArchiveParser:
    """A push-mode ustar parser that enforces the bundle layout as data arrives."""

    def __init__(
        self,
        supported_schema: int,
        accept_sender: Callable[[Manifest], DevicePublic],
        me: str | None,
        blob_sink: BlobSink | None,
    ) -> None:
        self._supported_schema = supported_schema
        self._accept_sender = accept_sender
        self._me = me
        self._sink = blob_sink
        self._buffer = bytearray()
        self._member: str | None = None
        self._remaining = 0
        self._padding = 0
        self._ended = False
        self._seen: list[str] = []
        self._content = bytearray()
        self._digest = hashlib.sha256()
        self.manifest: Manifest | None = None
        self._manifest_bytes = b""
        self.payload = b""

    # pyrage calls write() with decrypted chunks
    def write(self, data: bytes) -> int:
        view = memoryview(data)
        while view:
            if self._member is not None and self._remaining:
                take = min(self._remaining, len(view))
                self._feed(view[:take])
                self._remaining -= take
                view = view[take:]
                if not self._remaining:
                    self._close_member()
                continue
            if self._padding:
                take = min(self._padding, len(view))
                self._padding -= take
                view = view[take:]
                continue
            take = min(_BLOCK - len(self._buffer), len(view))
            self._buffer += view[:take]
            view = view[take:]
            if len(self._buffer) == _BLOCK:
                block = bytes(self._buffer)
                self._buffer.clear()
                self._header(block)
        return len(data)

    def flush(self) -> None:
        pass

    def _header(self, block: bytes) -> None:
        if self._ended:
            if any(block):
                raise _reject(Reason.UNSAFE_ARCHIVE, "This bundle has data after its end.")
            return
        if not any(block):
            self._ended = True
            return
        if block[257:263] != b"ustar\0":
            raise _reject(Reason.UNSAFE_ARCHIVE, "This bundle's archive is not in ustar form.")
        try:
            info = tarfile.TarInfo.frombuf(block, "utf-8", "strict")
        except (tarfile.HeaderError, UnicodeDecodeError):
            raise _reject(Reason.UNSAFE_ARCHIVE, "This bundle's archive is damaged.") from None
        name = info.name
        if name.startswith("/") or ".." in name.split("/") or "\\" in name:
            raise _reject(Reason.UNSAFE_ARCHIVE, _UNSAFE_PATH)
        if info.issym() or info.islnk():
            raise _reject(Reason.UNSAFE_ARCHIVE, "This bundle contains a link, which is refused.")
        if info.isdir():
            if name != BLOB_FOLDER or name in self._seen or len(self._seen) < 3:
                raise _reject(Reason.UNSAFE_ARCHIVE, _UNEXPECTED)
            self._seen.append(name)
            return
        if not info.isreg() or info.type not in (tarfile.REGTYPE, tarfile.AREGTYPE):
            raise _reject(
                Reason.UNSAFE_ARCHIVE, "This bundle contains a special file, which is refused."
            )
        if name in self._seen:
            raise _reject(Reason.UNSAFE_ARCHIVE, "This bundle contains the same file twice.")
        self._start_member(name, info.size)

    def _start_member(self, name: str, size: int) -> None:
        position = len([n for n in self._seen if n != BLOB_FOLDER])
        fixed = (MANIFEST_NAME, SIGNATURE_NAME, PAYLOAD_NAME)
        if position < len(fixed):
            if name != fixed[position]:
                raise _reject(Reason.UNSAFE_ARCHIVE, _UNEXPECTED)
            if name == MANIFEST_NAME and size > MAX_MANIFEST_BYTES:
                raise _reject(Reason.BAD_MANIFEST, "This bundle's manifest is not valid.")
            if name == SIGNATURE_NAME and size != SIGNATURE_BYTES:
                raise _reject(Reason.BAD_SIGNATURE, "This bundle's signature is not valid.")
        else:
            folder, _, sha = name.partition("/")
            if folder != BLOB_FOLDER or not _HEX64.fullmatch(sha):
                raise _reject(Reason.UNSAFE_ARCHIVE, _UNEXPECTED)
            assert self.manifest is not None
            if sha not in self.manifest.blobs:
                raise _reject(Reason.UNSAFE_ARCHIVE, _UNEXPECTED)
            if self.manifest.blobs[sha] != size:
                raise _reject(Reason.HASH_MISMATCH, _MISMATCH_BLOB)
            if self._sink is not None:
                self._sink.begin(sha, size)
        self._seen.append(name)
        self._member = name
        self._remaining = size
        self._padding = -size % _BLOCK
        self._content.clear()
        self._digest = hashlib.sha256()
        if size == 0:
            self._close_member()

    def _feed(self, chunk: memoryview) -> None:
        assert self._member is not None
        self._digest.update(chunk)
        if self._member.startswith(BLOB_FOLDER + "/"):
            if self._sink is not None:
                self._sink.write(bytes(chunk))
        else:
            self._content += chunk

    def _close_member(self) -> None:
        name, self._member = self._member, None
        if name == MANIFEST_NAME:
            self._manifest_bytes = bytes(self._content)
            self.manifest = parse_manifest(self._manifest_bytes, self._supported_schema)
        elif name == SIGNATURE_NAME:
            assert self.manifest is not None
            self._check_signature(self.manifest, bytes(self._content))
        elif name == PAYLOAD_NAME:
            assert self.manifest is not None
            if self._digest.hexdigest() != self.manifest.payload_sha256:
                raise _reject(
                    Reason.HASH_MISMATCH, "This bundle's records do not match its manifest."
                )
            self.payload = bytes(self._content)
        else:
            assert name is not None
            if self._digest.hexdigest() != name.partition("/")[2]:
                raise _reject(Reason.HASH_MISMATCH, _MISMATCH_BLOB)
            if self._sink is not None:
                self._sink.end()
        self._content = bytearray()

    def _check_signature(self, manifest: Manifest, signature: bytes) -> None:
        public = self._accept_sender(manifest)
        if public.device_id != manifest.sender or not public.verify(
            signature, SIGNATURE_CONTEXT + self._manifest_bytes
        ):
            raise _reject(
                Reason.BAD_SIGNATURE,
                "This bundle's signature does not match its sender; it may be forged.",
            )
        if self._me is not None and self._me not in manifest.recipients:
            raise _reject(
                Reason.NOT_FOR_THIS_DEVICE, "This bundle is not addressed to this device."
            )

    def finish(self) -> tuple[Manifest, bytes]:
        """Check the archive was complete; returns the manifest and payload bytes."""
        fixed_seen = len([n for n in self._seen if n != BLOB_FOLDER])
        if self.manifest is None or fixed_seen < 3 or self._member is not None:
            raise _reject(Reason.DAMAGED, "This bundle is incomplete: a required part is missing.")
        if not self._ended or self._buffer or self._padding:
            raise _reject(Reason.DAMAGED, "This bundle is incomplete: its archive is cut short.")
        if fixed_seen - 3 != len(self.manifest.blobs):
            raise _reject(Reason.HASH_MISMATCH, "This bundle is missing an attachment.")
        return self.manifest, self.payload


class _CappedReader(io.RawIOBase):
    """Reads a file but never more than `limit` bytes, however much it grows meanwhile."""

    def __init__(self, handle: BinaryIO, limit: int | None) -> None:
        super().__init__()
        self._handle = handle
        self._left = limit
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            if self._left is not None and self._left <= 0:
                if self._handle.read(1):
                    raise _reject(Reason.TOO_LARGE, "This bundle is larger than allowed.")
                return 0
            want = len(buffer) if self._left is None else min(len(buffer), self._left)
            data = self._handle.read(want)
        except BaseException as error:
            self.error = error
            raise
        buffer[: len(data)] = data
        if self._left is not None:
            self._left -= len(data)
        return len(data)


_DECODER = json.JSONDecoder()


def _parse_records(payload: bytes, expected: int) -> tuple[dict[str, Any], ...]:
    if payload and not payload.endswith(b"\n"):
        raise _reject(Reason.BAD_PAYLOAD, "This bundle's records are not readable.")
    unreadable = _reject(Reason.BAD_PAYLOAD, "This bundle's records are not readable.")
    records = []
    # One JSON object per line, exactly, read in place from the whole text (a third faster
    # than one json.loads per line, which also skips the whitespace the writer never puts).
    decoder = _DECODER
    try:
        text = payload.decode("utf-8")
        position, end = 0, len(text)
        while position < end:
            record, stop = jsontext.loads_prefix(decoder, text, position)
            if stop >= end or text[stop] != "\n" or not isinstance(record, dict):
                raise unreadable
            records.append(record)
            position = stop + 1
    except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise unreadable from None
    if len(records) != expected:
        raise _reject(Reason.BAD_PAYLOAD, "This bundle's record count does not match its manifest.")
    return tuple(records)


def _read_bundle(
    path: Path,
    *,
    identity: DeviceIdentity,
    accept_sender: Callable[[Manifest], DevicePublic],
    supported_schema: int,
    max_bytes: int | None,
    blob_sink: BlobSink | None,
    require_recipient: bool,
) -> VerifiedBundle:
    parser = _ArchiveParser(
        supported_schema,
        accept_sender,
        identity.device_id if require_recipient else None,
        blob_sink,
    )
    try:
        with open(path, "rb") as handle:
            reader = _CappedReader(handle, max_bytes)
            try:
                pyrage.decrypt_io(reader, parser, [identity.age_identity])
            except pyrage.DecryptError as error:
                if reader.error is not None:
                    raise reader.error from None
                if "no matching keys" in str(error).lower():
                    raise _reject(
                        Reason.NOT_FOR_THIS_DEVICE,
                        "This bundle is not addressed to this device, or its header is damaged.",
                    ) from None
                raise _reject(
                    Reason.DAMAGED, "This bundle is damaged or was altered; it cannot be decrypted."
                ) from None
            except OSError:
                if reader.error is not None:
                    raise reader.error from None
                raise _reject(
                    Reason.DAMAGED, "This bundle is damaged or was altered; it cannot be decrypted."
                ) from None
    except OSError:
        raise _reject(Reason.UNREADABLE, "This bundle cannot be read from the drive.") from None
    manifest, payload = parser.finish()
    return VerifiedBundle(Path(path), manifest, _parse_records(payload, manifest.record_count))


def open_bundle(
    path: Path,
    *,
    me: DeviceIdentity,
    known_senders: Mapping[str, DevicePublic],
    revoked: Iterable[str] = (),
    supported_schema: int,
    max_bytes: int = DEFAULT_MAX_BUNDLE_BYTES,
    blob_sink: BlobSink | None = None,
) -> VerifiedBundle:
    """Open and check a bundle for this device; `BundleRejected` says why it is refused.

    Checks, in order: unfinished name and size cap (before reading), decryption, archive
    layout and safety, manifest and versions, the sender (not this device, not revoked,
    paired) and its signature against the pinned key, this device among the recipients,
    the payload hash, each attachment's size and hash, and the record count.
    """
    path = Path(path)
    if path.name.endswith(PARTIAL_SUFFIX):
        raise _reject(Reason.UNFINISHED, "This bundle was never finished and cannot be imported.")
    try:
        size = path.stat().st_size
    except OSError:
        raise _reject(Reason.UNREADABLE, "This bundle cannot be read from the drive.") from None
    if size > max_bytes:
        raise _reject(Reason.TOO_LARGE, "This bundle is larger than allowed.")
    revoked_ids = frozenset(revoked)

    def accept_sender(manifest: Manifest) -> DevicePublic:
        if manifest.sender == me.device_id:
            raise _reject(Reason.OWN_BUNDLE, "This bundle was written by this device.")
        if manifest.sender in revoked_ids:
            raise _reject(
                Reason.REVOKED_SENDER, "This bundle comes from an unpaired device; it is refused."
            )
        public = known_senders.get(manifest.sender)
        if public is None:
            raise _reject(
                Reason.UNKNOWN_SENDER, "This bundle comes from a device that is not paired."
            )
        return public

    return _read_bundle(
        path,
        identity=me,
        accept_sender=accept_sender,
        supported_schema=supported_schema,
        max_bytes=max_bytes,
        blob_sink=blob_sink,
        require_recipient=True,
    )


# --- finding bundles -----------------------------------------------------------------


@dataclass(frozen=True, order=True, slots=True)
class BundleName:
    """What a bundle's file name says: sender, sequence and bundle id (unverified)."""

    sender: str
    sequence: int
    bundle_id: str


def parse_bundle_name(name: str) -> BundleName | None:
    """The parts of `<sender>-<sequence>-<bundle_id>.dossier`, or None for other names."""
    match = _BUNDLE_NAME.fullmatch(name)
    if match is None:
        return None
    return BundleName(match[1], int(match[2]), match[3])


class _Discard:
    def write(self, data: bytes) -> int:
        return len(data)

    def flush(self) -> None:
        pass


PROBE_BYTES = 64 * 1024


def is_addressed_to(path: Path, me: DeviceIdentity) -> bool:
    """Whether the bundle's age header opens with this device's key.

    Only the header is tried (the first 64 KiB are read, less than one age chunk, so no
    content is decrypted). A damaged header counts as addressed, so that importing it
    reports the damage instead of skipping it quietly.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(PROBE_BYTES)
    except OSError:
        return True
    try:
        pyrage.decrypt_io(io.BytesIO(head), _Discard(), [me.age_identity])
    except pyrage.DecryptError as error:
        return "no matching keys" not in str(error).lower()
    except OSError:
        return True
    return True


def list_bundles(folder: Path, me: DeviceIdentity) -> list[Path]:
    """Bundles in `folder` addressed to this device, oldest first per sender.

    Only finished files named like bundles count: `.partial` leftovers and other files are
    ignored, and so are this device's own bundles.
    """
    found: list[tuple[BundleName, Path]] = []
    for entry in Path(folder).iterdir():
        name = parse_bundle_name(entry.name)
        if name is None or name.sender == me.device_id or not entry.is_file():
            continue
        if is_addressed_to(entry, me):
            found.append((name, entry))
    return [path for _, path in sorted(found)]
