"""Writing bundles onto a stick: archive, encrypt, sign, make durable, read back.

The steps, in order, each a place a power cut or a pulled stick may interrupt:

    <name>.dossier.partial    written (streamed through age), flushed, fsynced
    rename to <name>.dossier  then the folder is fsynced so the rename survives
    read back                 decrypted and checked like an import would

A crash before the rename leaves only a `.partial`, which no import reads and the next
export into that folder removes (`remove_leftovers`). A crash after the rename leaves a
complete bundle: that is safe only because the exporter commits the bundle's claims (its
counter, sequence and knowledge) before calling `write_bundle` (see `desktop.services.sync`).

Faults of the drive become `StickFault`, one plain sentence per cause (full, quota,
read-only, no permission, removed, failing). `estimated_size` is an upper bound of the
file a bundle becomes, so an export can split or refuse before writing anything.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import tarfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO

import pyrage

import desktop
from desktop.core.clock import HlcStamp
from desktop.core.vectors import VersionVector
from desktop.crashpoints import crash_point
from desktop.durable import PARTIAL_SUFFIX, fsync_folder
from desktop.errors import SystemReason

from .bundle import (
    _BUNDLE_NAME,
    _HEX64,
    BLOB_FOLDER,
    BUNDLE_SUFFIX,
    CHUNK_BYTES,
    MANIFEST_NAME,
    PAYLOAD_NAME,
    SIGNATURE_CONTEXT,
    SIGNATURE_NAME,
    BundleRejected,
    BundleWriteError,
    Manifest,
)
from .bundle_read import NoRecords, _read_bundle
from .identity import DeviceIdentity, DevicePublic

_BLOCK = tarfile.BLOCKSIZE
_AGE_CHUNK = 64 * 1024
_AGE_TAG = 16
_AGE_HEADER_BASE = 1024  # version line, MAC, nonce, with room to spare
_AGE_STANZA = 256  # one X25519 recipient stanza is about 130 bytes

BlobSource = tuple[str, bytes | BinaryIO]
"""An attachment to send: its SHA-256 (hex) and its bytes or a seekable binary reader."""

Step = Callable[[str], None]
"""Called at each step boundary with the step's name (the fault-injection hook)."""


class StickFault(BundleWriteError):
    """The drive refused a write: `errno` says why (ENOSPC, EROFS, EACCES, ENOENT, EIO...)."""

    def __init__(self, message: str, code: int | None, **params: object) -> None:
        super().__init__(message, **params)
        self.errno = code


_STICK_FAULTS = {
    errno.ENOSPC: "The drive is full; free some space on it or use another drive, then "
    "export again.",
    errno.EDQUOT: "Your disk quota on that drive is used up; free some space or use another "
    "drive, then export again.",
    errno.EROFS: "The drive is read-only (a lock switch may be on); make it writable or use "
    "another drive, then export again.",
    errno.EACCES: "Dossier may not write into that folder; choose a folder you can write to, "
    "then export again.",
    errno.EPERM: "Dossier may not write into that folder; choose a folder you can write to, "
    "then export again.",
    errno.ENOENT: "The folder is gone: the drive may have been removed; plug it in again, "
    "then export again.",
    errno.ENODEV: "The drive was removed while writing; plug it in again, then export again.",
    errno.ENXIO: "The drive was removed while writing; plug it in again, then export again.",
    errno.ENOTDIR: "That path is not a folder; choose a folder, then export again.",
    errno.EIO: "The drive failed while writing (it may have been pulled out or be faulty); "
    "plug it in again or use another drive, then export again.",
}


def stick_fault(error: OSError) -> StickFault:
    """One plain sentence for a failed write to a drive, by its cause."""
    known = _STICK_FAULTS.get(error.errno or 0)
    if known is not None:
        return StickFault(known, error.errno)
    return StickFault(
        "The bundle could not be written ({reason}); nothing was sent, export again.",
        error.errno,
        reason=SystemReason.of(error),
    )


def _ustar_header(name: str, size: int) -> bytes:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o644
    info.mtime = 0
    info.type = tarfile.REGTYPE
    return info.tobuf(format=tarfile.USTAR_FORMAT, encoding="utf-8", errors="strict")


def _padding(size: int) -> bytes:
    return b"\0" * (-size % _BLOCK)


def _member_bytes(size: int) -> int:
    return _BLOCK + size + (-size % _BLOCK)


def estimated_size(
    manifest_bytes: int, payload_bytes: int, blob_sizes: Iterable[int], recipients: int
) -> int:
    """An upper bound of a bundle file's size: ustar archive plus age framing."""
    archive = sum(map(_member_bytes, (manifest_bytes, 64, payload_bytes, *blob_sizes)))
    archive += 2 * _BLOCK
    chunks = archive // _AGE_CHUNK + 1
    return _AGE_HEADER_BASE + _AGE_STANZA * (recipients + 1) + archive + chunks * _AGE_TAG


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
    """Passes writes to a file and keeps the first error (pyrage flattens it to text).

    After the first chunk reached the file, `step("partial-write")` runs: the point where
    a crash leaves a half-written `.partial`.
    """

    def __init__(self, target: IO[bytes], step: Step) -> None:
        self._target = target
        self._step = step
        self._stepped = False
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
        if not self._stepped:
            self._stepped = True
            self._target.flush()
            self._step("partial-write")
        return len(data)

    def flush(self) -> None:
        self._target.flush()


class _ReadBackStep:
    """A blob sink for the read-back that only marks the step at the first attachment."""

    def __init__(self, step: Step) -> None:
        self._step = step
        self.fired = False

    def begin(self, sha256: str, size: int) -> None:
        if not self.fired:
            self.fired = True
            self._step("read-back")

    def write(self, chunk: bytes) -> None:
        pass

    def end(self) -> None:
        pass


def _open_partial(path: Path) -> IO[bytes]:
    return open(path, "xb")


def _no_step(_name: str) -> None:
    pass


def export_step(name: str) -> None:
    """The default step hook of an export: a crash point named `export:<step>`."""
    crash_point(f"export:{name}")


def find_leftovers(folder: Path) -> list[Path]:
    """`.dossier.partial` files that crashed exports left in `folder`, by name."""
    try:
        entries = sorted(Path(folder).iterdir())
    except OSError:
        return []
    return [
        entry
        for entry in entries
        if entry.name.endswith(PARTIAL_SUFFIX)
        and _BUNDLE_NAME.fullmatch(entry.name.removesuffix(PARTIAL_SUFFIX))
    ]


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete the leftovers of crashed exports in `folder`; no import ever reads them.

    Returns the ones that could not be removed (a read-only drive), for the caller to list.
    """
    kept: list[Path] = []
    for entry in find_leftovers(folder):
        try:
            entry.unlink()
        except OSError:
            kept.append(entry)
    return kept


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
    step: Step = _no_step,
    series: tuple[str, ...] = (),
    series_knowledge: VersionVector | None = None,
    audit_head: str = "",
) -> Path:
    """Write, encrypt, sign and verify one bundle in `folder`; returns its path.

    `payload_lines` are JSON objects, one per item (a trailing newline is optional).
    The file is written as `<name>.partial`, fsynced, renamed, the folder fsynced, and then
    read back and checked. On failure the partial file is removed where the drive still
    allows it; readers ignore any `.partial` left behind. `open_partial` opens the
    temporary file (tests pass one that fails part-way, like a stick pulled out); `step`
    is called at each step boundary (the fault-injection hook). `series` lists every part's
    bundle id when an export was split, `series_knowledge` what the whole series carries.
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
        recipients=tuple(recipient_ids),
        sequence=sequence,
        hlc=hlc,
        knowledge=knowledge,
        record_count=count,
        payload_sha256=hashlib.sha256(payload).hexdigest(),
        blobs=sizes,
        series=series,
        series_knowledge=series_knowledge or VersionVector(),
        audit_head=audit_head,
        sender_name=sender.name,
    )
    manifest_bytes = manifest.to_bytes()
    signature = sender.sign(SIGNATURE_CONTEXT + manifest_bytes)
    age_recipients = [r.recipient() for r in recipients] + [sender.public().recipient()]

    target = folder / manifest.file_name
    partial = folder / (manifest.file_name + PARTIAL_SUFFIX)
    reader = _ChunkReader(_archive(manifest_bytes, signature, bytes(payload), prepared))
    step("before-write")
    try:
        with open_partial(partial) as handle:
            writer = _ErrorKeepingWriter(handle, step)
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
        if isinstance(error, OSError):
            raise stick_fault(error) from None
        if isinstance(error, pyrage.EncryptError):
            raise BundleWriteError(
                "The bundle could not be written; the drive may be full or was removed."
            ) from None
        raise
    step("after-rename")
    fsync_folder(folder)
    step("after-fsync")
    marker = _ReadBackStep(step)
    try:
        _read_bundle(  # the whole bundle, checked as an import would, keeping no records
            target,
            record_sink=NoRecords(),
            identity=sender,
            accept_sender=lambda m: sender.public(),
            supported_schema=schema_version,
            max_bytes=None,
            blob_sink=marker,
            require_recipient=False,
        )
    except (BundleRejected, OSError):
        try:
            target.unlink()
        except OSError:
            raise BundleWriteError(
                "The bundle {name} reads back differently from what was written and "
                "could not be removed; delete it from the drive, then export again to "
                "another drive.",
                name=target.name,
            ) from None
        raise BundleWriteError(
            "The bundle reads back differently from what was written; try another drive."
        ) from None
    if not marker.fired:
        step("read-back")
    return target


__all__ = [
    "BUNDLE_SUFFIX",
    "BlobSource",
    "StickFault",
    "estimated_size",
    "export_step",
    "find_leftovers",
    "remove_leftovers",
    "stick_fault",
    "write_bundle",
]
