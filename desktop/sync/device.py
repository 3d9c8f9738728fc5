"""This device's sync identity and what it knows about its peers, kept inside the vault.

The identity (private keys) lives in `DeviceState` under `IDENTITY_KEY`, made on first use
with the device id the store already writes with. When the store gave the vault a new
device id (a copy or a restored backup, see `desktop.store.stamping.claim_installation`)
the stored identity no longer matches and a new one is made: a copy is a new device.
"""

from __future__ import annotations

import json
import platform
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyrage import x25519
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.vectors import VersionVector
from desktop.errors import KnownError
from desktop.store.models import DeviceState
from desktop.store.models.sync import Peer, SeenBundle
from desktop.store.stamping import IDENTITY_KEY, KNOWLEDGE_KEY, utc_now_text

from .identity import (
    MAX_NAME_LENGTH,
    DeviceIdentity,
    DevicePublic,
    IdentityError,
    check_device_name,
    fingerprint,
)

SEQUENCE_KEY = "sync_bundle_sequence"


class PeerError(KnownError):
    """A device reference that names no paired device, or names several."""


def _state(session: Session, key: str) -> str | None:
    row = session.get(DeviceState, key)
    return row.value if row is not None else None


def _set_state(session: Session, key: str, value: str) -> None:
    session.merge(DeviceState(key=key, value=value))


NAME_STATE = "device_name"  # this device's name, as `DeviceIdentity.name` (conflicts show it)
NAME_SUFFIX = 4  # hex digits of the device id after the host name: "vm-3f2a"


def default_name(device_id: str) -> str:
    """The host name and the start of the device id: two laptops both called "vm" differ."""
    host = unicodedata.normalize("NFC", platform.node()).strip() or "Dossier"
    host = "".join(c for c in host if not unicodedata.category(c).startswith("C"))
    return f"{host[: MAX_NAME_LENGTH - NAME_SUFFIX - 1]}-{device_id[:NAME_SUFFIX]}"


def load_identity(session: Session) -> DeviceIdentity:
    """This device's identity; made (and stored) when missing or made for another id."""
    device_id = _state(session, "device_id")
    if device_id is None:
        raise KnownError("This vault has no device id yet; make a change first.")
    stored = _state(session, IDENTITY_KEY)
    if stored is not None:
        try:
            identity = DeviceIdentity.from_private_json(stored)
        except IdentityError:
            identity = None
        if identity is not None and identity.device_id == device_id:
            return identity
    try:
        name = check_device_name(default_name(device_id))
    except IdentityError:
        name = f"Dossier-{device_id[:NAME_SUFFIX]}"
    identity = DeviceIdentity(
        device_id, name, Ed25519PrivateKey.generate(), x25519.Identity.generate()
    )
    _store_identity(session, identity)
    return identity


def _store_identity(session: Session, identity: DeviceIdentity) -> None:
    _set_state(session, IDENTITY_KEY, identity.to_private_json())
    _set_state(session, NAME_STATE, identity.name)
    session.flush()


def rename(session: Session, name: str) -> DeviceIdentity:
    """Give this device another name; peers learn it from its next bundle (signed)."""
    identity = load_identity(session).renamed(check_device_name(name))
    _store_identity(session, identity)
    return identity


def knowledge(session: Session, device_id: str, counter: int) -> VersionVector:
    """Everything this vault holds: what bundles brought plus this device's own writes."""
    stored = _state(session, KNOWLEDGE_KEY)
    known = VersionVector.from_json(stored) if stored else VersionVector()
    return known.merge(VersionVector({device_id: counter}))


def learn(session: Session, received: VersionVector) -> None:
    """Add a merged bundle's knowledge to what this vault knows."""
    stored = _state(session, KNOWLEDGE_KEY)
    known = VersionVector.from_json(stored) if stored else VersionVector()
    _set_state(session, KNOWLEDGE_KEY, known.merge(received).to_json())


def next_sequence(session: Session) -> int:
    """The next per-sender bundle number (1, 2, ...), saved with the transaction."""
    number = int(_state(session, SEQUENCE_KEY) or "0") + 1
    _set_state(session, SEQUENCE_KEY, str(number))
    return number


# ---- peers ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class PeerInfo:
    """A paired device as shown in `pair list` and the Sync dialog."""

    device_id: str
    name: str
    fingerprint: str
    paired_at: str
    revoked: bool
    acknowledged: VersionVector
    last_import_at: str
    last_export_at: str


def _info(peer: Peer) -> PeerInfo:
    public = DevicePublic.from_dict(json.loads(peer.public_json))
    return PeerInfo(
        device_id=peer.device_id,
        name=peer.name,
        fingerprint=fingerprint(public),
        paired_at=peer.paired_at,
        revoked=peer.revoked,
        acknowledged=VersionVector.from_json(peer.acknowledged),
        last_import_at=peer.last_import_at,
        last_export_at=peer.last_export_at,
    )


def pair(session: Session, me: DeviceIdentity, public: DevicePublic) -> PeerInfo:
    """Pin `public` as a paired device (pairing again replaces its keys and un-revokes it)."""
    if public.device_id == me.device_id:
        raise PeerError("That pairing file is this device's own.")
    peer = session.get(Peer, public.device_id)
    text = json.dumps(public.to_dict(), sort_keys=True, separators=(",", ":"))
    if peer is None:
        peer = Peer(device_id=public.device_id, acknowledged="{}", last_sequence=0)
        peer.last_import_at = peer.last_export_at = peer.revoked_at = ""
        session.add(peer)
    peer.name = public.name
    peer.public_json = text
    peer.paired_at = utc_now_text()
    peer.revoked = False
    peer.revoked_at = ""
    session.flush()
    return _info(peer)


def list_peers(session: Session) -> list[PeerInfo]:
    peers = session.execute(select(Peer).order_by(Peer.name, Peer.device_id)).scalars()
    return [_info(p) for p in peers]


def find_peer(session: Session, ref: str) -> Peer:
    """A peer by id, id prefix (at least 4 characters) or exact name."""
    ref = ref.strip()
    peers = list(session.execute(select(Peer)).scalars())
    exact = [p for p in peers if p.device_id == ref]
    by_name = [p for p in peers if p.name.casefold() == ref.casefold()]
    by_prefix = [p for p in peers if len(ref) >= 4 and p.device_id.startswith(ref.lower())]
    matches = exact or by_name or by_prefix
    if not matches:
        raise PeerError("No paired device matches that name or id (see `pair list`).")
    if len(matches) > 1:
        listed = ", ".join(f"{p.name} ({p.device_id[:8]})" for p in matches)
        raise PeerError(
            "Several paired devices match: {listed}; give more of the device id.", listed=listed
        )
    return matches[0]


def rename_peer(session: Session, device_id: str, name: str) -> None:
    """Show a peer under the name its own signed bundle gives (its owner chose it).

    The pinned public information takes the name too, so the fingerprint shown for the
    peer stays the one its owner sees on their device.
    """
    peer = session.get(Peer, device_id)
    if peer is None or peer.name == name:
        return
    public = json.loads(peer.public_json)
    public["name"] = name
    peer.public_json = json.dumps(public, sort_keys=True, separators=(",", ":"))
    peer.name = name
    session.flush()


def revoke(session: Session, ref: str) -> PeerInfo:
    """Unpair a device: its later bundles are refused, nothing is sent to it."""
    peer = find_peer(session, ref)
    peer.revoked = True
    peer.revoked_at = utc_now_text()
    session.flush()
    return _info(peer)


def senders(session: Session) -> tuple[dict[str, DevicePublic], set[str]]:
    """Pinned keys of active peers, and the ids of revoked ones."""
    known: dict[str, DevicePublic] = {}
    revoked: set[str] = set()
    for peer in session.execute(select(Peer)).scalars():
        if peer.revoked:
            revoked.add(peer.device_id)
        else:
            known[peer.device_id] = DevicePublic.from_dict(json.loads(peer.public_json))
    return known, revoked


def acknowledge(session: Session, sender: str, sequence: int, received: VersionVector) -> None:
    """Record what a peer's signed bundle says it holds."""
    peer = session.get(Peer, sender)
    if peer is None:
        return
    peer.acknowledged = VersionVector.from_json(peer.acknowledged).merge(received).to_json()
    peer.last_sequence = max(peer.last_sequence, sequence)
    peer.last_import_at = utc_now_text()


def seen(session: Session, bundle_id: str) -> bool:
    return session.get(SeenBundle, bundle_id) is not None


def mark_seen(session: Session, bundle_id: str, sender: str, sequence: int, count: int) -> None:
    session.add(
        SeenBundle(
            bundle_id=bundle_id,
            sender=sender,
            sequence=sequence,
            imported_at=utc_now_text(),
            record_count=count,
        )
    )
