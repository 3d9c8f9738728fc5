"""USB sync of a vault: device identity, pairing, bundle export and import.

`SyncService` is what the CLI and the Sync dialog call. Export writes one bundle with every
record version and attachment the recipients have not acknowledged; import checks a bundle
(size, decryption, pinned signature, recipient, hashes), then merges it in one transaction
together with its bookkeeping (bundle id, the sender's acknowledged knowledge, the clock,
an audit entry, the search index). Anything that fails rolls the whole import back and
surfaces as one plain sentence.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core.clock import ClockSkewError, HlcStamp
from desktop.core.vectors import DivergentVersionError, VersionVector
from desktop.errors import KnownError
from desktop.store import audit, search
from desktop.store.indexing import INDEXED
from desktop.store.migrate import head_revision
from desktop.store.models import Blob
from desktop.store.models.sync import ConflictSibling, Peer
from desktop.store.stamping import utc_now_text
from desktop.store.store import Store
from desktop.sync import device
from desktop.sync.bundle import DEFAULT_MAX_BUNDLE_BYTES, write_bundle
from desktop.sync.bundle_read import open_bundle
from desktop.sync.device import PeerInfo
from desktop.sync.discovery import find_bundles, probe
from desktop.sync.identity import DevicePublic, fingerprint
from desktop.sync.incoming import IncomingVersions
from desktop.sync.merge import MergeSummary, merge_versions
from desktop.sync.outbox import (
    blob_sources,
    blobs_held_by,
    common_knowledge,
    pending_count,
    pending_lines,
    receipt,
)
from desktop.sync.pairing import read_pairing_file, write_pairing_file

Progress = Callable[[str], None]


class SyncRefused(KnownError):
    """A sync step that cannot go ahead; the vault is unchanged."""


def schema_version() -> int:
    """The data schema bundles carry: the number of the newest migration."""
    return int(head_revision())


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    name: str
    fingerprint: str


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    versions: int
    blobs: int
    recipients: tuple[str, ...]


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

    def __init__(self, session: Session) -> None:
        self._session = session
        self._sha = ""
        self._parts: list[bytes] = []

    def begin(self, sha256: str, size: int) -> None:
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


def _open_exclusive(path: Path) -> IO[bytes]:
    return open(path, "xb")


class SyncService:
    """Sync over one vault's store.

    `open_partial` opens the temporary bundle file while writing (tests pass one that fails
    after some bytes, like a stick pulled out); by default a plain exclusive open.
    """

    def __init__(
        self,
        store: Store,
        *,
        max_bundle_bytes: int = DEFAULT_MAX_BUNDLE_BYTES,
        open_partial: Callable[[Path], IO[bytes]] | None = None,
    ) -> None:
        self.store = store
        self.max_bundle_bytes = max_bundle_bytes
        self._open_partial = open_partial

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
            raise SyncRefused(f"Cannot write the pairing file: {exc.strerror}.") from None

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

    # ---- export ---------------------------------------------------------------------------
    def export(
        self, folder: Path, *, peer: str | None = None, full: bool = False,
        progress: Progress = lambda _step: None,
    ) -> ExportResult:  # fmt: skip
        """Write one bundle for `peer` (default: every paired device) into `folder`."""
        folder = Path(folder)
        if not folder.is_dir():
            raise SyncRefused("That folder does not exist or is not a folder.")
        with self.store.writing() as w:
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
            known = VersionVector() if full else common_knowledge(
                [VersionVector.from_json(p.acknowledged) for p in chosen]
            )  # fmt: skip
            progress("collect")
            lines, referenced = pending_lines(s, known)
            stamp = w.next_stamp()
            if not full:
                acknowledged = [
                    (p.device_id, VersionVector.from_json(p.acknowledged)) for p in chosen
                ]
                referenced -= blobs_held_by(s, acknowledged, me.device_id)
            wanted = referenced
            bundle_id = str(uuid.uuid4())
            progress("write")
            path = write_bundle(
                folder,
                sender=me,
                recipients=publics,
                sequence=device.next_sequence(s),
                hlc=HlcStamp.parse(stamp.hlc),
                knowledge=device.knowledge(s, me.device_id, w.stamper.counter),
                schema_version=schema_version(),
                payload_lines=lines,
                blobs=blob_sources(s, wanted),
                bundle_id=bundle_id,
                open_partial=self._open_partial or _open_exclusive,
            )
            for p in chosen:
                p.last_export_at = utc_now_text()
                receipt(s, p.device_id, wanted, stamp.counter)
            audit.append(s, at=stamp.at, device=stamp.device, actor=w.actor,
                         action="sync-export", entity="bundle", record_id=bundle_id,
                         fields=[])  # fmt: skip
            progress("done")
        return ExportResult(path, bundle_id, len(lines), len(wanted), tuple(p.name for p in chosen))

    # ---- import ---------------------------------------------------------------------------
    def import_bundle(self, path: Path, progress: Progress = lambda _step: None) -> ImportResult:
        """Check and merge one bundle; re-importing it changes nothing."""
        path = Path(path)
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
                    blob_sink=_VaultBlobSink(s), record_sink=incoming,
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
                receipt(s, m.sender, incoming.blobs_referred, 0)
                stamp = w.next_stamp()
                audit.append(s, at=stamp.at, device=stamp.device, actor=w.actor,
                             action="sync-import", entity="bundle", record_id=m.bundle_id,
                             fields=[])  # fmt: skip
                progress("commit")
        except IntegrityError:
            raise SyncRefused(
                "This bundle refers to records or attachments it does not carry; "
                "nothing was imported."
            ) from None
        except (ClockSkewError, DivergentVersionError) as exc:
            raise SyncRefused(str(exc)) from None
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
        else:
            paths = [path]
        for item in paths:
            try:
                result.imported.append(self.import_bundle(item, progress))
            except KnownError as exc:
                result.refused.append((item, str(exc)))
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
