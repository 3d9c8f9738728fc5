"""USB sync of a vault: device identity, pairing, bundle export and import.

`SyncService` is what the CLI and the Sync dialog call. Import checks a bundle (size,
decryption, pinned signature, recipient, hashes), then merges it in one transaction
together with its bookkeeping (bundle id, the sender's acknowledged knowledge, the clock,
an audit entry, the search index). Anything that fails rolls the whole import back and
surfaces as one plain sentence.

Export runs in three steps, and the order is what makes it crash-consistent:

1. reserve, in one committed transaction: this device's next counter (the dot the
   bundle's knowledge claims), one sequence number per bundle, the audit entries. The
   pending versions are collected in the same transaction, so they are exactly what
   that committed state holds;
2. write the bundle files (`.partial`, fsync, rename, fsync the folder, read back);
3. commit the receipts of the attachments sent, and the time of the export.

Invariant: a bundle on a stick never claims a dot the vault has not durably committed.
A crash after step 1 only skips a counter and a sequence number (a gap no version will
ever fill, so claiming it is true); a crash in step 2 leaves no file, a `.partial` that
the next export removes, or a complete bundle that is safe to import; a crash before
step 3 commits only means the next export carries those attachments again. A re-export
after any crash takes fresh numbers and supersedes nothing it must not: importing both
bundles, in either order, equals importing the newer one.

An export larger than the size limit is split into a series of bundles (see
`desktop.sync.series`); each claims only what it carries until every part is imported.
"""

from __future__ import annotations

import errno
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from desktop.core.clock import CLOCK_SKEW, ClockSkewError, HlcStamp
from desktop.core.vectors import DIVERGENT, DivergentVersionError, VersionVector
from desktop.crashpoints import crash_point
from desktop.errors import KnownError, SystemReason
from desktop.services.sources import MAX_ATTACHMENT_BYTES
from desktop.services.sync_advice import NextStep, next_step
from desktop.store import audit, bulk, search
from desktop.store.indexing import INDEXED
from desktop.store.migrate import data_schema
from desktop.store.models import Blob
from desktop.store.models.sync import ConflictSibling, Peer
from desktop.store.stamping import utc_now_text
from desktop.store.store import DiskFull, Store
from desktop.sync import device
from desktop.sync.bundle import (
    DEFAULT_MAX_BUNDLE_BYTES,
    BundleRejected,
    Reason,
)
from desktop.sync.bundle_read import open_bundle
from desktop.sync.bundle_write import StickFault, find_leftovers, remove_leftovers, write_bundle
from desktop.sync.device import PeerInfo
from desktop.sync.discovery import find_bundles, probe
from desktop.sync.identity import DevicePublic, fingerprint
from desktop.sync.incoming import IncomingVersions
from desktop.sync.merge import MergeSummary, merge_versions
from desktop.sync.outbox import (
    blob_sizes,
    blob_sources,
    blobs_held_by,
    common_knowledge,
    own_blobs,
    pending_count,
    pending_versions,
    receipt,
)
from desktop.sync.pairing import read_pairing_file, write_pairing_file
from desktop.sync.series import human_size, plan_parts
from desktop.sync.versions import synced_tables

Progress = Callable[[str], None]
DEFAULT_EXPORT_BYTES = 2 * 1024**3  # FAT32 sticks hold files under 4 GiB; leave room


class SyncRefused(KnownError):
    """A sync step that cannot go ahead; the vault is unchanged."""


class VaultFull(SyncRefused):
    """The vault's disk refused the import's writes; the transaction was rolled back."""


VAULT_FULL = (
    "The disk that holds the vault is full; free some space, then import again. "
    "Nothing was imported."
)


def vault_fault(error: OperationalError) -> SyncRefused:
    """One plain sentence for a failed write to the vault's own disk."""
    text = str(error.orig).lower()
    if "full" in text:
        return VaultFull(VAULT_FULL)
    if "i/o" in text or "readonly" in text or "read-only" in text:
        return SyncRefused(
            "The vault's disk refused the write (read-only or failing); nothing was imported."
        )
    raise error


def schema_version() -> int:
    """The data schema bundles carry: the newest migration that changes the records."""
    return data_schema()


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    name: str
    fingerprint: str


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: one bundle, or a series when it was split to fit the limit."""

    path: Path  # the first (or only) bundle
    bundle_id: str
    versions: int
    blobs: int
    recipients: tuple[str, ...]
    paths: tuple[Path, ...] = ()
    leftovers: tuple[Path, ...] = ()  # unfinished files of crashed exports still on the drive


@dataclass(frozen=True)
class ImportResult:
    """The summary shown after an import (counts are records, not versions)."""

    path: Path
    bundle_id: str
    sender: str
    sender_name: str
    already_imported: bool = False
    versions: int = 0
    new: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: int = 0


@dataclass
class FolderImport:
    imported: list[ImportResult] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)
    unfinished: list[Path] = field(default_factory=list)  # `.partial` of crashed exports
    advice: dict[Path, NextStep] = field(default_factory=dict)  # per refused bundle
    errors: dict[Path, KnownError] = field(default_factory=dict)  # to say it in the UI's language


@dataclass(frozen=True)
class PeerStatus:
    peer: PeerInfo
    pending: int  # versions this vault holds that the peer has not acknowledged


@dataclass(frozen=True)
class SyncStatus:
    device: DeviceInfo
    peers: tuple[PeerStatus, ...]
    conflicts: int
    knowledge: VersionVector


class _VaultBlobSink:
    """Writes received attachments into the import's transaction (rolled back on failure)."""

    def __init__(self, session: Session, max_bytes: int) -> None:
        self._session = session
        self._max_bytes = max_bytes
        self._sha = ""
        self._parts: list[bytes] = []

    def begin(self, sha256: str, size: int) -> None:
        if size > self._max_bytes:  # nothing this large can be attached (SQLite stops at 1e9)
            raise BundleRejected(
                Reason.TOO_LARGE,
                "This bundle carries an attachment of {size}, larger than the "
                "{limit} Dossier accepts; nothing was imported.",
                size=human_size(size),
                limit=human_size(self._max_bytes),
            )
        self._sha, self._parts = sha256, []

    def write(self, chunk: bytes) -> None:
        self._parts.append(chunk)

    def end(self) -> None:
        if self._session.get(Blob, self._sha) is None:
            data = b"".join(self._parts)
            self._session.execute(
                insert(Blob.__table__),  # type: ignore[arg-type]
                [{"sha256": self._sha, "size": len(data), "data": data}],
            )
        self._parts = []


def _reindex(session: Session, summary: MergeSummary) -> None:
    """Keep full-text search in step with the records whose shown version changed."""
    for name, (_model, build) in INDEXED.items():
        replaced = summary.replaced.get(name, [])
        search.remove_many(session, [row["id"] for row in replaced])
        rows = [*summary.fresh.get(name, []), *replaced]
        search.put_many(session, [build(row) for row in rows if not row["deleted"]])


def _audit_merge(session: Session, summary: MergeSummary, bundle: audit.Draft) -> None:
    """One entry for the bundle, then one per record whose stored row it changed."""
    batches = []
    for name, table in synced_tables().items():
        batches.append((table, summary.fresh.get(name, ()), _created))
        batches.append((table, summary.replaced.get(name, ()), _updated))
    audit.append_records(session, bundle, batches)


def _keep_audit_head(session: Session, sender: str, head: str) -> None:
    """Keep the sender's signed audit head: a witness its owner can verify against."""
    peer = session.get(Peer, sender)
    if peer is not None and head:
        peer.audit_head = head


def audit_heads(store: Store) -> dict[str, str]:
    """Each paired device's last audit head received ("count:hash"), by device id."""
    with store.reading() as s:
        return {p.device_id: p.audit_head for p in s.execute(select(Peer)).scalars()}


def _created(row: dict[str, Any]) -> str:
    return "sync-delete" if row["deleted"] else "sync-create"


def _updated(row: dict[str, Any]) -> str:
    return "sync-delete" if row["deleted"] else "sync-update"


def _open_exclusive(path: Path) -> IO[bytes]:
    return open(path, "xb")


class SyncService:
    """Sync over one vault's store.

    `open_partial` opens the temporary bundle file while writing (tests pass one that fails
    after some bytes, like a stick pulled out); by default a plain exclusive open. `step`
    is called at each step boundary of an export or import (`export:after-rename`...):
    by default a crash point that does nothing outside fault-injection tests.
    """

    def __init__(
        self,
        store: Store,
        *,
        max_bundle_bytes: int = DEFAULT_MAX_BUNDLE_BYTES,
        max_export_bytes: int = DEFAULT_EXPORT_BYTES,
        open_partial: Callable[[Path], IO[bytes]] | None = None,
        step: Callable[[str], None] = crash_point,
        max_attachment_bytes: int = MAX_ATTACHMENT_BYTES,
    ) -> None:
        self.store = store
        self.max_bundle_bytes = max_bundle_bytes
        self.max_export_bytes = max_export_bytes
        self._open_partial = open_partial
        self._step = step
        self.max_attachment_bytes = max_attachment_bytes

    # ---- this device ----------------------------------------------------------------------
    def device(self) -> DeviceInfo:
        with self.store.writing() as w:
            w.claim_installation()
            me = device.load_identity(w.session)
            return DeviceInfo(me.device_id, me.name, fingerprint(me.public()))

    def rename_device(self, name: str) -> DeviceInfo:
        """Name this device; paired devices see the new name after its next bundle."""
        with self.store.writing() as w:
            w.claim_installation()
            me = device.rename(w.session, name)
            stamp = w.next_stamp()
            audit.append(w.session, at=stamp.at, device=stamp.device, actor=w.actor,
                         action="rename", entity="device", record_id=me.device_id,
                         fields=["name"])  # fmt: skip
            return DeviceInfo(me.device_id, me.name, fingerprint(me.public()))

    # ---- pairing --------------------------------------------------------------------------
    def export_pairing(self, path: Path, name: str | None = None) -> str:
        """Write this device's pairing file (named `name`, if given, from now on).

        Returns the fingerprint to show next to it.
        """
        if name is not None:
            self.rename_device(name)
        with self.store.writing() as w:
            w.claim_installation()
            me = device.load_identity(w.session)
        try:
            return write_pairing_file(Path(path), me)
        except OSError as exc:
            raise SyncRefused(
                "Cannot write the pairing file: {reason}.", reason=SystemReason.of(exc)
            ) from None

    def import_pairing(self, path: Path, code: str) -> PeerInfo:
        """Pair with the device whose pairing file is `path`, if `code` is its fingerprint."""
        public: DevicePublic = read_pairing_file(Path(path), code)
        with self.store.writing() as w:
            w.claim_installation()
            me = device.load_identity(w.session)
            info = device.pair(w.session, me, public)
            stamp = w.next_stamp()
            audit.append(w.session, at=stamp.at, device=stamp.device, actor=w.actor,
                         action="pair", entity="device", record_id=public.device_id,
                         fields=[])  # fmt: skip
            return info

    def peers(self) -> list[PeerInfo]:
        with self.store.reading() as s:
            return device.list_peers(s)

    def revoke(self, ref: str) -> PeerInfo:
        with self.store.writing() as w:
            info = device.revoke(w.session, ref)
            stamp = w.next_stamp()
            audit.append(w.session, at=stamp.at, device=stamp.device, actor=w.actor,
                         action="unpair", entity="device", record_id=info.device_id,
                         fields=[])  # fmt: skip
            return info

    # ---- export ----------------------------------------------------------------------------
    def export(
        self, folder: Path, *, peer: str | None = None, full: bool = False,
        max_bytes: int | None = None, progress: Progress = lambda _step: None,
    ) -> ExportResult:  # fmt: skip
        """Write the bundles for `peer` (default: every paired device) into `folder`.

        Crash consistency: what the bundles claim (this device's counter, their sequence
        numbers, the knowledge they advertise) is committed in its own transaction before
        any file is written; the receipts of the attachments sent (those of this device's
        own versions, see `own_blobs`) are committed only once every file is durable and
        read back. See the module docstring.
        """
        folder = Path(folder)
        limit = self.max_export_bytes if max_bytes is None else max_bytes
        if limit > self.max_bundle_bytes:
            raise SyncRefused(
                "Bundles can be at most {limit}: a receiver refuses larger ones.",
                limit=human_size(self.max_bundle_bytes),
            )
        if not folder.is_dir():
            raise StickFault(
                "That folder does not exist or is not a folder; the drive may have been removed.",
                errno.ENOENT,
            )
        kept = remove_leftovers(folder)
        with self.store.writing() as w:  # 1: reserve and commit what the bundles will claim
            s = w.session
            w.claim_installation()
            me = device.load_identity(s)
            if peer is not None:
                chosen = [device.find_peer(s, peer)]
                if chosen[0].revoked:
                    raise SyncRefused("That device is unpaired; nothing is sent to it.")
            else:
                chosen = [p for p in s.execute(select(Peer)).scalars() if not p.revoked]
            if not chosen:
                raise SyncRefused("Pair a device first: there is nobody to send changes to.")
            publics = [DevicePublic.from_dict(json.loads(p.public_json)) for p in chosen]
            acknowledged = [(p.device_id, VersionVector.from_json(p.acknowledged)) for p in chosen]
            known = VersionVector() if full else common_knowledge([v for _, v in acknowledged])
            progress("collect")
            versions = pending_versions(s, known)
            wanted = set().union(*(v.blobs for v in versions))
            if not full:
                wanted -= blobs_held_by(s, acknowledged, me.device_id)
            stamp = w.next_stamp()
            knowledge = device.knowledge(s, me.device_id, w.stamper.counter)
            parts = plan_parts(
                versions, blob_sizes(s, wanted), knowledge,
                max_bytes=limit, recipients=len(publics),
            )  # fmt: skip
            bundle_ids = [str(uuid.uuid4()) for _ in parts]
            sequences = [device.next_sequence(s) for _ in parts]
            for bundle_id in bundle_ids:
                audit.append(s, at=stamp.at, device=stamp.device, actor=w.actor,
                             action="sync-export", entity="bundle", record_id=bundle_id,
                             fields=[])  # fmt: skip
            recipients = tuple(p.name for p in chosen)
            peer_ids = [p.device_id for p in chosen]
        progress("write")
        series = tuple(bundle_ids) if len(parts) > 1 else ()
        paths: list[Path] = []
        with self.store.reading() as s:  # 2: write the files (attachments read as they go)
            for part, bundle_id, sequence in zip(parts, bundle_ids, sequences, strict=True):
                path = write_bundle(
                    folder, sender=me, recipients=publics, sequence=sequence,
                    hlc=HlcStamp.parse(stamp.hlc), knowledge=part.knowledge,
                    schema_version=schema_version(), payload_lines=part.lines(),
                    blobs=blob_sources(s, set(part.blobs)), bundle_id=bundle_id,
                    open_partial=self._open_partial or _open_exclusive,
                    step=lambda name: self._step(f"export:{name}"),
                    series=series, series_knowledge=knowledge,
                    audit_head=audit.head(s).text(),
                )  # fmt: skip
                paths.append(path)
        self._step("export:before-commit")
        with self.store.writing() as w:  # 3: the files are durable: remember what was sent
            for peer_id in peer_ids:
                row = w.session.get(Peer, peer_id)
                if row is not None:
                    row.last_export_at = utc_now_text()
                for part in parts:
                    sent = own_blobs(part.versions, part.blobs, me.device_id)
                    receipt(w.session, peer_id, sent, stamp.counter)
        self._step("export:after-commit")
        progress("done")
        return ExportResult(
            paths[0], bundle_ids[0], len(versions), len(wanted), recipients,
            tuple(paths), tuple(kept),
        )  # fmt: skip

    # ---- import ---------------------------------------------------------------------------
    def import_bundle(self, path: Path, progress: Progress = lambda _step: None) -> ImportResult:
        """Check and merge one bundle; re-importing it changes nothing."""
        with bulk.collector_paused():
            return self._import_bundle(Path(path), progress)

    def _import_bundle(self, path: Path, progress: Progress) -> ImportResult:
        try:
            with self.store.writing() as w:
                s = w.session
                w.claim_installation()
                me = device.load_identity(s)
                # Whatever the file is called: its manifest's (unverified) id says whether
                # it was imported already, without decrypting the rest.
                found = probe(path, me)
                named = found.label if found is not None else None
                if named is not None and device.seen(s, named.bundle_id):
                    sender = self._name_of(s, named.sender)
                    return ImportResult(path, named.bundle_id, named.sender, sender, True)
                known, revoked = device.senders(s)
                progress("verify")
                incoming = IncomingVersions()
                verified = open_bundle(
                    path, me=me, known_senders=known, revoked=revoked,
                    supported_schema=schema_version(), max_bytes=self.max_bundle_bytes,
                    blob_sink=_VaultBlobSink(s, self.max_attachment_bytes), record_sink=incoming,
                )  # fmt: skip
                m = verified.manifest
                if device.seen(s, m.bundle_id):
                    sender_name = self._name_of(s, m.sender)
                    return ImportResult(path, m.bundle_id, m.sender, sender_name, True)
                incoming.verdict()
                if m.sender_name:  # signed: the name its owner gave it, maybe a new one
                    device.rename_peer(s, m.sender, m.sender_name)
                sender_name = self._name_of(s, m.sender)
                versions = incoming.versions
                w.stamper.observe(max(m.hlc.format(), incoming.newest_hlc))
                progress("merge")
                summary = merge_versions(s, versions)
                _reindex(s, summary)
                device.learn(s, m.knowledge)
                device.acknowledge(s, m.sender, m.sequence, m.knowledge)
                device.mark_seen(s, m.bundle_id, m.sender, m.sequence, m.record_count)
                _keep_audit_head(s, m.sender, m.audit_head)
                if m.series and all(device.seen(s, part) for part in m.series):
                    device.learn(s, m.series_knowledge)  # the last part of a split export
                receipt(s, m.sender, incoming.blobs_referred, 0)
                stamp = w.next_stamp()
                entry = audit.Draft(
                    stamp.at, stamp.device, w.actor, "sync-import", "bundle", m.bundle_id
                )
                _audit_merge(s, summary, entry)
                progress("commit")
                self._step("import:before-commit")
            self._step("import:after-commit")
        except IntegrityError:
            raise SyncRefused(
                "This bundle refers to records or attachments it does not carry; "
                "nothing was imported."
            ) from None
        except ClockSkewError:
            raise SyncRefused(CLOCK_SKEW) from None
        except DivergentVersionError:
            raise SyncRefused(DIVERGENT) from None
        except DiskFull:
            raise VaultFull(VAULT_FULL) from None
        except OperationalError as exc:
            raise vault_fault(exc) from None
        return ImportResult(
            path, m.bundle_id, m.sender, sender_name, False, summary.versions,
            summary.new, summary.updated, summary.deleted, summary.conflicts,
        )  # fmt: skip

    def import_path(self, path: Path, progress: Progress = lambda _step: None) -> FolderImport:
        """Import a bundle, or every finished bundle in a folder addressed to this device."""
        path = Path(path)
        result = FolderImport()
        if not path.exists():
            raise SyncRefused("There is no bundle or folder at that path.")
        if path.is_dir():
            with self.store.writing() as w:
                w.claim_installation()
                me = device.load_identity(w.session)
            paths = [found.path for found in find_bundles(path, me)]
            result.unfinished = find_leftovers(path)
        else:
            paths = [path]
        for item in paths:
            try:
                result.imported.append(self.import_bundle(item, progress))
            except KnownError as exc:
                result.refused.append((item, str(exc)))
                result.advice[item] = next_step(exc)
                result.errors[item] = exc
        return result

    # ---- status ---------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        me = self.device()
        with self.store.reading() as s:
            peers = device.list_peers(s)
            state = self.store.ensure_device(s)
            known = device.knowledge(s, state["device_id"], int(state["counter"]))
            conflicts = s.execute(
                select(func.count(func.distinct(ConflictSibling.record_id)))
            ).scalar_one()
            rows = tuple(PeerStatus(p, pending_count(s, p.acknowledged)) for p in peers)
        return SyncStatus(me, rows, conflicts, known)

    @staticmethod
    def _name_of(session: Session, device_id: str) -> str:
        peer = session.get(Peer, device_id)
        return peer.name if peer is not None else device_id[:8]
