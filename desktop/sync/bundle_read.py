"""Reading bundles: decrypt, check and take apart a bundle as it streams off the drive.

`pyrage.decrypt_io` pushes decrypted chunks into `_ArchiveParser`, a small ustar parser
that checks each member as it arrives: the manifest and its signature first, then the
payload, read line by line (`_PayloadLines`), then attachments handed to a `BlobSink` in
chunks. Nothing is held whole: the payload parser keeps at most one unfinished line
(bounded by `MAX_RECORD_BYTES`) and hands each record to a `RecordSink` as soon as its line
is complete, so a payload of millions of tiny hostile records is refused at the first bad
one instead of after all of them are in memory. age authenticates every 64 KiB chunk
before releasing it; a cut or altered file fails at the damaged chunk, and `open_bundle`
returns only once the whole file has decrypted and every check has passed. Sinks must
therefore treat what they received as provisional until then (an import writes inside the
transaction it rolls back).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tarfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import pyrage

from desktop.core import jsontext
from desktop.durable import PARTIAL_SUFFIX

from .bundle import (
    BLOB_FOLDER,
    DEFAULT_MAX_BUNDLE_BYTES,
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    PAYLOAD_NAME,
    SIGNATURE_BYTES,
    SIGNATURE_CONTEXT,
    SIGNATURE_NAME,
    BundleRejected,
    Manifest,
    Reason,
    parse_manifest,
)
from .identity import DeviceIdentity, DevicePublic

MAX_RECORD_BYTES = 64 * 1024 * 1024
"""The longest payload line read: far above any valid record (every text column is capped
at a million characters), and the bound on what the payload parser ever buffers."""

_BLOCK = tarfile.BLOCKSIZE
_reject = BundleRejected
_HEX64 = re.compile(r"[0-9a-f]{64}")


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


class RecordSink(Protocol):
    """Receives the payload's records (one JSON object each) while a bundle is read.

    `record` is called once per line as soon as the line is complete; `end` once after the
    last one, with the payload's hash and count checked and before any attachment is read.
    Raising refuses the bundle there and then. Everything is provisional until
    `open_bundle` returns.
    """

    def record(self, line: dict[str, Any]) -> None: ...

    def end(self, manifest: Manifest) -> None: ...


@dataclass
class RecordList:
    """Keeps every record: for tests, small bundles and callers that want them all."""

    records: list[dict[str, Any]] = field(default_factory=list)

    def record(self, line: dict[str, Any]) -> None:
        self.records.append(line)

    def end(self, manifest: Manifest) -> None:
        pass


class NoRecords:
    """Parses and counts the records but keeps none (reading a bundle back after writing)."""

    def record(self, line: dict[str, Any]) -> None:
        pass

    def end(self, manifest: Manifest) -> None:
        pass


@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle that passed every check.

    `records()` gives the payload's records when `open_bundle` kept them (no `RecordSink`
    was passed); with a sink they went there and `records()` is empty.
    """

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


_UNREADABLE = "This bundle's records are not readable."
_COUNT = "This bundle's record count does not match its manifest."
_DECODER = json.JSONDecoder()


class _PayloadLines:
    """Splits the payload into lines as it arrives; each line must be one JSON object.

    Only the unfinished last line is buffered. A line that is not readable, or one record
    more than the manifest announced, stops the parsing; the refusal is kept in `error`
    and raised by `finish`, after the payload's hash was checked (a payload that does not
    match its signed hash is refused as that, whatever it holds).
    """

    def __init__(self, sink: RecordSink, expected: int) -> None:
        self._sink = sink
        self._expected = expected
        self._tail = bytearray()
        self.count = 0
        self.error: BundleRejected | None = None

    def feed(self, chunk: bytes) -> None:
        if self.error is not None:
            return
        cut = chunk.rfind(b"\n") + 1
        if not cut:
            self._tail += chunk
            if len(self._tail) > MAX_RECORD_BYTES:
                self.error = _reject(
                    Reason.BAD_PAYLOAD, "A record in this bundle is larger than allowed."
                )
                self._tail = bytearray()
            return
        if self._tail:
            block = bytes(self._tail) + chunk[:cut]
            self._tail = bytearray(chunk[cut:])
        else:
            block = chunk[:cut]
            self._tail += chunk[cut:]
        self._parse(block)

    def _parse(self, block: bytes) -> None:
        # Whole lines, read in place from one decoded text: a third faster than one
        # json.loads per line, which also skips the whitespace the writer never puts.
        decoder, deliver = _DECODER, self._sink.record
        try:
            text = block.decode("utf-8")
            position, end = 0, len(text)
            while position < end:
                record, stop = jsontext.loads_prefix(decoder, text, position)
                if stop >= end or text[stop] != "\n" or type(record) is not dict:
                    raise ValueError("not one object per line")
                if self.count == self._expected:
                    self.error = _reject(Reason.BAD_PAYLOAD, _COUNT)
                    return
                self.count += 1
                deliver(record)
                position = stop + 1
        except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            self.error = _reject(Reason.BAD_PAYLOAD, _UNREADABLE)

    def finish(self) -> None:
        """Refuse what `feed` found wrong, a last line without its newline, a short count."""
        if self.error is None and self._tail:
            self.error = _reject(Reason.BAD_PAYLOAD, _UNREADABLE)
        if self.error is None and self.count != self._expected:
            self.error = _reject(Reason.BAD_PAYLOAD, _COUNT)
        if self.error is not None:
            raise self.error


def _parse_records(payload: bytes, expected: int) -> tuple[dict[str, Any], ...]:
    """The records of a whole payload (what the streaming parser makes of it at once)."""
    kept = RecordList()
    lines = _PayloadLines(kept, expected)
    lines.feed(payload)
    lines.finish()
    return tuple(kept.records)


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
        record_sink: RecordSink,
    ) -> None:
        self._supported_schema = supported_schema
        self._accept_sender = accept_sender
        self._me = me
        self._sink = blob_sink
        self._records = record_sink
        self._lines: _PayloadLines | None = None
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
        if name == PAYLOAD_NAME:
            assert self.manifest is not None
            self._lines = _PayloadLines(self._records, self.manifest.record_count)
        if size == 0:
            self._close_member()

    def _feed(self, chunk: memoryview) -> None:
        assert self._member is not None
        self._digest.update(chunk)
        if self._member.startswith(BLOB_FOLDER + "/"):
            if self._sink is not None:
                self._sink.write(bytes(chunk))
        elif self._lines is not None:
            self._lines.feed(bytes(chunk))
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
            assert self._lines is not None
            self._lines.finish()
            self._lines = None
            self._records.end(self.manifest)
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

    def finish(self) -> Manifest:
        """Check the archive was complete; returns the manifest."""
        fixed_seen = len([n for n in self._seen if n != BLOB_FOLDER])
        if self.manifest is None or fixed_seen < 3 or self._member is not None:
            raise _reject(Reason.DAMAGED, "This bundle is incomplete: a required part is missing.")
        if not self._ended or self._buffer or self._padding:
            raise _reject(Reason.DAMAGED, "This bundle is incomplete: its archive is cut short.")
        if fixed_seen - 3 != len(self.manifest.blobs):
            raise _reject(Reason.HASH_MISMATCH, "This bundle is missing an attachment.")
        return self.manifest


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


def _read_bundle(
    path: Path,
    *,
    identity: DeviceIdentity,
    accept_sender: Callable[[Manifest], DevicePublic],
    supported_schema: int,
    max_bytes: int | None,
    blob_sink: BlobSink | None,
    require_recipient: bool,
    record_sink: RecordSink | None = None,
) -> VerifiedBundle:
    """Decrypt and check the bundle at `path`; records go to `record_sink`, else are kept."""
    kept = RecordList() if record_sink is None else None
    parser = _ArchiveParser(
        supported_schema,
        accept_sender,
        identity.device_id if require_recipient else None,
        blob_sink,
        kept if kept is not None else record_sink or NoRecords(),
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
    manifest = parser.finish()
    return VerifiedBundle(Path(path), manifest, tuple(kept.records) if kept is not None else ())


def open_bundle(
    path: Path,
    *,
    me: DeviceIdentity,
    known_senders: Mapping[str, DevicePublic],
    revoked: Iterable[str] = (),
    supported_schema: int,
    max_bytes: int = DEFAULT_MAX_BUNDLE_BYTES,
    blob_sink: BlobSink | None = None,
    record_sink: RecordSink | None = None,
) -> VerifiedBundle:
    """Open and check a bundle for this device; `BundleRejected` says why it is refused.

    Checks, in order: unfinished name and size cap (before reading), decryption, archive
    layout and safety, manifest and versions, the sender (not this device, not revoked,
    paired) and its signature against the pinned key, this device among the recipients,
    each record's line as it arrives, the payload hash and record count, each attachment's
    size and hash. Records go to `record_sink` as they are read (and may be refused there);
    without one they are kept in the result.
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
        record_sink=record_sink,
    )
