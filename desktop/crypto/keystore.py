"""The vault's key slots: the data key, wrapped once per way of unlocking.

`keystore.json` holds a vault id and a list of slots. Each slot is the 32-byte data key
encrypted with AES-256-GCM under a key-encryption key derived from a passphrase
(Argon2id), a recovery key (HKDF) or an OS-keyring secret (HKDF). The slot's own metadata
and the vault id are bound as associated data, so a slot cannot be moved between vaults
or have its cost parameters lowered without failing to open.
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.core import jsontext
from desktop.crypto.kdf import KEY_BYTES, Argon2Params, calibrate, hkdf
from desktop.durable import write_atomically
from desktop.errors import KnownError

FORMAT = "dossier-keystore"
VERSION = 1
PASSPHRASE, RECOVERY, KEYRING = "passphrase", "recovery", "keyring"
MAX_KEYSTORE_BYTES = 1 << 20


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


class KeystoreDamaged(KnownError):
    pass


@dataclass
class Slot:
    kind: str
    slot_id: str
    params: dict[str, Any]
    nonce: bytes = b""
    wrapped: bytes = b""

    def associated_data(self, vault_id: str) -> bytes:
        bound = {"vault": vault_id, "kind": self.kind, "slot": self.slot_id, "params": self.params}
        return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.slot_id,
            "params": self.params,
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped),
        }

    @classmethod
    def from_json(cls, raw: Any) -> Slot:
        if not isinstance(raw, dict):
            raise KeystoreDamaged("The vault's key file is damaged (a key slot is malformed).")
        try:
            return cls(
                kind=str(raw["kind"]),
                slot_id=str(raw["id"]),
                params=dict(raw["params"]),
                nonce=_unb64(raw["nonce"]),
                wrapped=_unb64(raw["wrapped_key"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise KeystoreDamaged(
                "The vault's key file is damaged (a key slot is malformed)."
            ) from exc


def argon2_from_params(params: dict[str, Any]) -> Argon2Params:
    try:
        return Argon2Params(
            memory_kib=int(params["memory_kib"]),
            iterations=int(params["iterations"]),
            lanes=int(params["lanes"]),
            salt=_unb64(params["salt"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise KeystoreDamaged("The vault's key file is damaged (bad KDF parameters).") from exc


def passphrase_kek(passphrase: str, params: dict[str, Any]) -> bytes:
    return argon2_from_params(params).derive(passphrase.encode("utf-8"))


def secret_kek(secret: bytes, params: dict[str, Any]) -> bytes:
    return hkdf(secret, b"dossier key slot", _unb64(params["salt"]))


@dataclass
class Keystore:
    vault_id: str
    slots: list[Slot] = field(default_factory=list)

    # ---- building slots ---------------------------------------------------------------
    def _seal(self, slot: Slot, kek: bytes, data_key: bytes) -> Slot:
        slot.nonce = os.urandom(12)
        slot.wrapped = AESGCM(kek).encrypt(
            slot.nonce, data_key, slot.associated_data(self.vault_id)
        )
        return slot

    def passphrase_slot(self, data_key: bytes, passphrase: str) -> Slot:
        kdf = calibrate()
        params = {
            "kdf": "argon2id",
            "memory_kib": kdf.memory_kib,
            "iterations": kdf.iterations,
            "lanes": kdf.lanes,
            "salt": _b64(kdf.salt),
        }
        slot = Slot(PASSPHRASE, str(uuid.uuid4()), params)
        return self._seal(slot, kdf.derive(passphrase.encode("utf-8")), data_key)

    def secret_slot(self, kind: str, data_key: bytes, secret: bytes) -> Slot:
        params: dict[str, Any] = {"kdf": "hkdf-sha256", "salt": _b64(os.urandom(16))}
        slot = Slot(kind, str(uuid.uuid4()), params)
        return self._seal(slot, secret_kek(secret, params), data_key)

    def replace(self, kind: str, slot: Slot) -> None:
        """Put `slot` in place of every slot of the same kind."""
        self.slots = [s for s in self.slots if s.kind != kind] + [slot]

    def remove(self, kind: str) -> None:
        self.slots = [s for s in self.slots if s.kind != kind]

    def has(self, kind: str) -> bool:
        return any(s.kind == kind for s in self.slots)

    # ---- opening ----------------------------------------------------------------------
    def open_with(self, kind: str, kek_for: Callable[[Slot], bytes]) -> bytes | None:
        """The data key if any slot of `kind` opens with the derived key, else None."""
        for slot in self.slots:
            if slot.kind != kind:
                continue
            try:
                key = AESGCM(kek_for(slot)).decrypt(
                    slot.nonce, slot.wrapped, slot.associated_data(self.vault_id)
                )
            except InvalidTag:
                continue
            if len(key) == KEY_BYTES:
                return key
        return None

    # ---- files ------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "slots": [s.to_json() for s in self.slots],
        }
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode()

    def save(self, path: Path) -> None:
        write_atomically(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> Keystore:
        try:
            if path.stat().st_size > MAX_KEYSTORE_BYTES:
                raise KeystoreDamaged("The vault's key file is too large to be genuine.")
            doc = jsontext.loads(path.read_bytes())
        except FileNotFoundError as exc:
            raise KnownError(
                "This folder has no keystore.json: it is not a Dossier vault."
            ) from exc
        except (OSError, ValueError) as exc:  # unreadable, not UTF-8, not JSON, too deep
            raise KeystoreDamaged("The vault's key file (keystore.json) cannot be read.") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise KeystoreDamaged("keystore.json is not a Dossier key file.")
        if doc.get("version") != VERSION:
            raise KeystoreDamaged("keystore.json was written by a newer Dossier; update the app.")
        slots = doc.get("slots")
        if not isinstance(slots, list) or not isinstance(doc.get("vault_id"), str):
            raise KeystoreDamaged("The vault's key file is damaged.")
        return cls(vault_id=doc["vault_id"], slots=[Slot.from_json(s) for s in slots])
