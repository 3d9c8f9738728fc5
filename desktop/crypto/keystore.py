"""The vault's key slots: the data key, wrapped once per way of unlocking.

A key file holds a vault id, a revision counter and a list of slots. Each slot is the
32-byte data key encrypted with AES-256-GCM under a key-encryption key derived from a
passphrase (Argon2id), a recovery key (X25519, so a new data key can be wrapped for it
without the recovery key at hand) or an OS-keyring secret (HKDF). The slot's metadata, the
vault id and the public id of the data key it wraps are bound as associated data, so a
slot cannot be moved between vaults or have its cost parameters lowered without failing.

Every slot and the whole file carry a SHA-256 checksum over their public fields. It is
not a MAC (the AEAD is): it tells accidental damage ("damaged key file") apart from a
wrong passphrase before any decryption is tried. Version 1 files (no checksums, slots
bound without a key id) are still read; the vault rewrites them as version 2 on unlock.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.core import jsontext
from desktop.crypto.kdf import KEY_BYTES, argon2_from_params, calibrate, hkdf, weak_params
from desktop.errors import KnownError

FORMAT = "dossier-keystore"
VERSION = 2
LEGACY_VERSION = 1
PASSPHRASE, RECOVERY, KEYRING = "passphrase", "recovery", "keyring"
KINDS = (PASSPHRASE, RECOVERY, KEYRING)
MAX_KEYSTORE_BYTES = 1 << 20
MAX_SLOTS = 32
X25519_KDF = "x25519-hkdf-sha256"
HKDF_KDF = "hkdf-sha256"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def checksum(value: Any) -> str:
    return hashlib.sha256(_canonical(value)).hexdigest()


def data_key_id(data_key: bytes) -> str:
    """A public name for a data key (HKDF of it: learning it tells nothing of the key)."""
    return hkdf(data_key, b"dossier data key id", b"")[:12].hex()


class KeystoreDamaged(KnownError):
    pass


class KeystoreTooNew(KnownError):
    """Not damage: a newer Dossier's format, which this one must leave alone."""


def _check_params(kind: str, params: dict[str, Any]) -> None:
    """Refuse parameters no Dossier wrote: a wild cost must never hang or crash the unlock."""
    kdf_name = params.get("kdf")
    if kind == PASSPHRASE and kdf_name == "argon2id":
        argon2_from_params(params)  # raises ValueError out of bounds
        return
    if kdf_name in (HKDF_KDF, X25519_KDF) and kind in (RECOVERY, KEYRING):
        if len(_unb64(params.get("salt"))) != 16:
            raise ValueError("salt")
        if kdf_name == X25519_KDF:
            for name in ("public_key", "ephemeral"):
                if len(_unb64(params.get(name))) != 32:
                    raise ValueError(name)
        return
    raise ValueError("unknown kdf")


@dataclass
class Slot:
    kind: str
    slot_id: str
    params: dict[str, Any]
    nonce: bytes = b""
    wrapped: bytes = b""
    key_id: str = ""
    binding: int = 2  # 1: a version 1 slot, its associated data names no key id

    def associated_data(self, vault_id: str) -> bytes:
        bound: dict[str, Any] = {
            "vault": vault_id,
            "kind": self.kind,
            "slot": self.slot_id,
            "params": self.params,
        }
        if self.binding >= 2:
            bound["key"] = self.key_id
        return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode()

    def public_fields(self, vault_id: str) -> dict[str, Any]:
        return {
            "vault_id": vault_id,
            "kind": self.kind,
            "id": self.slot_id,
            "params": self.params,
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped),
            "key_id": self.key_id,
            "binding": self.binding,
        }

    def to_json(self, vault_id: str) -> dict[str, Any]:
        doc = self.public_fields(vault_id)
        del doc["vault_id"]
        doc["checksum"] = checksum(self.public_fields(vault_id))
        return doc

    @property
    def weak(self) -> bool:
        return self.kind == PASSPHRASE and weak_params(self.params)

    @classmethod
    def from_json(cls, raw: Any, vault_id: str, *, legacy: bool) -> Slot:
        """A slot, or KeystoreDamaged when its structure or checksum is wrong."""
        if not isinstance(raw, dict):
            raise KeystoreDamaged("The vault's key file is damaged (a key slot is malformed).")
        try:
            slot = cls(
                kind=str(raw["kind"]),
                slot_id=str(raw["id"]),
                params=dict(raw["params"]),
                nonce=_unb64(raw["nonce"]),
                wrapped=_unb64(raw["wrapped_key"]),
                key_id="" if legacy else str(raw["key_id"]),
                binding=1 if legacy else int(raw["binding"]),
            )
            if slot.kind not in KINDS or slot.binding not in (1, 2):
                raise ValueError("kind")
            if len(slot.nonce) != 12 or len(slot.wrapped) != KEY_BYTES + 16:
                raise ValueError("sizes")
            _check_params(slot.kind, slot.params)
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            raise KeystoreDamaged(
                "The vault's key file is damaged (a key slot is malformed)."
            ) from exc
        if not legacy and raw.get("checksum") != checksum(slot.public_fields(vault_id)):
            raise KeystoreDamaged(
                "The vault's key file is damaged (a key slot fails its checksum)."
            )
        return slot


# ---- key-encryption keys ---------------------------------------------------------------------
def passphrase_kek(passphrase: str, params: dict[str, Any]) -> bytes:
    try:
        argon = argon2_from_params(params)
    except (KeyError, TypeError, ValueError) as exc:
        raise KeystoreDamaged("The vault's key file is damaged (bad KDF parameters).") from exc
    return argon.derive(passphrase.encode("utf-8"))


def _recovery_private(secret: bytes, salt: bytes) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(hkdf(secret, b"dossier recovery x25519", salt))


def _exchange_kek(shared: bytes, ephemeral: bytes, public: bytes, salt: bytes) -> bytes:
    return hkdf(shared, b"dossier key slot x25519" + ephemeral + public, salt)


def secret_kek(secret: bytes, params: dict[str, Any]) -> bytes:
    """The wrapping key of a recovery or keyring slot from its secret.

    For an X25519 recovery slot a wrong secret gives a key that simply fails the AEAD.
    """
    try:
        salt = _unb64(params["salt"])
        if params.get("kdf") == X25519_KDF:
            private = _recovery_private(secret, salt)
            ephemeral = _unb64(params["ephemeral"])
            shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
            return _exchange_kek(shared, ephemeral, _unb64(params["public_key"]), salt)
        return hkdf(secret, b"dossier key slot", salt)
    except (KeyError, TypeError, ValueError) as exc:  # e.g. a low-order ephemeral key
        raise KeystoreDamaged(
            "The vault's key file is damaged (a recovery slot is malformed)."
        ) from exc


@dataclass
class Keystore:
    vault_id: str
    slots: list[Slot] = field(default_factory=list)
    revision: int = 0
    key_id: str = ""  # the data key the database is encrypted with, as far as this file knows
    rotating_to: str = ""  # set while a rotation to that key is under way
    version: int = VERSION

    # ---- building slots ---------------------------------------------------------------
    def _seal(self, slot: Slot, kek: bytes, data_key: bytes) -> Slot:
        slot.key_id = data_key_id(data_key)
        slot.binding = 2
        slot.nonce = os.urandom(12)
        slot.wrapped = AESGCM(kek).encrypt(
            slot.nonce, data_key, slot.associated_data(self.vault_id)
        )
        return slot

    def passphrase_slot(self, data_key: bytes, passphrase: str) -> Slot:
        kdf = calibrate()
        params: dict[str, Any] = {
            "kdf": "argon2id",
            "memory_kib": kdf.memory_kib,
            "iterations": kdf.iterations,
            "lanes": kdf.lanes,
            "salt": _b64(kdf.salt),
        }
        if weak_params(params):
            params["weak"] = True
        slot = Slot(PASSPHRASE, str(uuid.uuid4()), params)
        return self._seal(slot, kdf.derive(passphrase.encode("utf-8")), data_key)

    def secret_slot(self, kind: str, data_key: bytes, secret: bytes) -> Slot:
        """A keyring slot (HKDF), or a recovery slot (X25519 from the secret)."""
        salt = os.urandom(16)
        if kind == RECOVERY:
            public = _recovery_private(secret, salt).public_key().public_bytes_raw()
            return self.recovery_slot_for(public, salt, data_key)
        params: dict[str, Any] = {"kdf": HKDF_KDF, "salt": _b64(salt)}
        slot = Slot(kind, str(uuid.uuid4()), params)
        return self._seal(slot, secret_kek(secret, params), data_key)

    def recovery_slot_for(self, public: bytes, salt: bytes, data_key: bytes) -> Slot:
        """Wrap `data_key` for a recovery key known only by its public half."""
        ephemeral_key = X25519PrivateKey.generate()
        ephemeral = ephemeral_key.public_key().public_bytes_raw()
        shared = ephemeral_key.exchange(X25519PublicKey.from_public_bytes(public))
        params: dict[str, Any] = {
            "kdf": X25519_KDF,
            "salt": _b64(salt),
            "public_key": _b64(public),
            "ephemeral": _b64(ephemeral),
        }
        slot = Slot(RECOVERY, str(uuid.uuid4()), params)
        return self._seal(slot, _exchange_kek(shared, ephemeral, public, salt), data_key)

    def rewrap_recovery(self, slot: Slot, data_key: bytes) -> Slot:
        """The same recovery key, now for `data_key` (needs an X25519 recovery slot)."""
        return self.recovery_slot_for(
            _unb64(slot.params["public_key"]), _unb64(slot.params["salt"]), data_key
        )

    def replace(self, kind: str, slot: Slot) -> None:
        """Put `slot` in place of every slot of the same kind."""
        self.slots = [s for s in self.slots if s.kind != kind] + [slot]

    def remove(self, kind: str) -> None:
        self.slots = [s for s in self.slots if s.kind != kind]

    def has(self, kind: str) -> bool:
        return any(s.kind == kind for s in self.slots)

    def slots_of(self, kind: str) -> list[Slot]:
        return [s for s in self.slots if s.kind == kind]

    def for_key(self, key_id: str) -> Keystore:
        """This file narrowed to the slots of one data key (the end of a rotation)."""
        return replace(
            self,
            slots=[s for s in self.slots if s.key_id == key_id],
            key_id=key_id,
            rotating_to="",
        )

    # ---- opening ----------------------------------------------------------------------
    def open_slot(self, slot: Slot, kek: bytes) -> bytes | None:
        try:
            key = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, slot.associated_data(self.vault_id))
        except InvalidTag:
            return None
        return key if len(key) == KEY_BYTES else None

    def open_with(self, kind: str, kek_for: Callable[[Slot], bytes]) -> bytes | None:
        """The data key if any slot of `kind` opens with the derived key, else None."""
        for slot in self.slots_of(kind):
            key = self.open_slot(slot, kek_for(slot))
            if key is not None:
                return key
        return None

    # ---- files ------------------------------------------------------------------------
    def document(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "revision": self.revision,
            "key_id": self.key_id,
            "rotating_to": self.rotating_to,
            "slots": [s.to_json(self.vault_id) for s in self.slots],
        }

    def to_bytes(self) -> bytes:
        doc = self.document()
        doc["checksum"] = checksum(doc)
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode()

    @classmethod
    def from_bytes(cls, raw: bytes, name: str = "keystore.json") -> Keystore:
        """A key file; KeystoreDamaged when any part of it is malformed or fails a checksum."""
        if len(raw) > MAX_KEYSTORE_BYTES:
            raise KeystoreDamaged(
                "The vault's key file ({name}) is too large to be genuine.", name=name
            )
        try:
            doc = jsontext.loads(raw)
        except ValueError as exc:  # not UTF-8, not JSON, too deep
            raise KeystoreDamaged(
                "The vault's key file ({name}) cannot be read.", name=name
            ) from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise KeystoreDamaged("{name} is not a Dossier key file.", name=name)
        version = doc.get("version")
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise KeystoreTooNew(
                "The vault's key file ({name}) was written by a newer Dossier; update Dossier.",
                name=name,
            )
        if version not in (LEGACY_VERSION, VERSION):
            raise KeystoreDamaged("The vault's key file is damaged ({name}).", name=name)
        legacy = version == LEGACY_VERSION
        slots, vault_id = doc.get("slots"), doc.get("vault_id")
        if not isinstance(slots, list) or not isinstance(vault_id, str) or len(slots) > MAX_SLOTS:
            raise KeystoreDamaged("The vault's key file is damaged ({name}).", name=name)
        if not legacy:
            body = {k: v for k, v in doc.items() if k != "checksum"}
            if doc.get("checksum") != checksum(body):
                raise KeystoreDamaged(
                    "The vault's key file is damaged ({name} fails its checksum).", name=name
                )
            revision, key_id, rotating = (
                doc.get("revision"),
                doc.get("key_id"),
                doc.get("rotating_to"),
            )
            if not (
                isinstance(revision, int)
                and not isinstance(revision, bool)
                and 0 <= revision < 1 << 53
                and isinstance(key_id, str)
                and isinstance(rotating, str)
            ):
                raise KeystoreDamaged("The vault's key file is damaged ({name}).", name=name)
        else:
            revision, key_id, rotating = 0, "", ""
        return cls(
            vault_id=vault_id,
            slots=[Slot.from_json(s, vault_id, legacy=legacy) for s in slots],
            revision=revision,
            key_id=key_id,
            rotating_to=rotating,
            version=version,
        )

    @classmethod
    def load(cls, path: Path) -> Keystore:
        try:
            if path.stat().st_size > MAX_KEYSTORE_BYTES:
                raise KeystoreDamaged(
                    "The vault's key file ({name}) is too large to be genuine.", name=path.name
                )
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise KeystoreMissing(path.name) from exc
        except OSError as exc:
            raise KeystoreDamaged(
                "The vault's key file ({name}) cannot be read.", name=path.name
            ) from exc
        return cls.from_bytes(raw, path.name)

    @staticmethod
    def salvage_slots(raw: bytes) -> tuple[str, list[Slot]]:
        """The slots of a damaged version 2 file whose own checksums still hold.

        Returns (vault id, slots); an unreadable file gives ("", []).
        """
        try:
            doc = jsontext.loads(raw[:MAX_KEYSTORE_BYTES])
        except ValueError:
            return "", []
        if not isinstance(doc, dict) or doc.get("version") != VERSION:
            return "", []
        slots, vault_id = doc.get("slots"), doc.get("vault_id")
        if not isinstance(slots, list) or not isinstance(vault_id, str):
            return "", []
        good: list[Slot] = []
        for raw_slot in slots[:MAX_SLOTS]:
            try:
                good.append(Slot.from_json(raw_slot, vault_id, legacy=False))
            except KeystoreDamaged:
                continue
        return vault_id, good


class KeystoreMissing(KnownError):
    """A key file that is not there (its name is the message until the vault words it)."""
