"""Device identity: who a device is, and the keys it signs and receives bundles with.

Each installation has one identity, kept inside its encrypted vault: a device id, a name
people recognise, an Ed25519 key that signs its bundles and an X25519 (age) key that
bundles are encrypted to. Other devices know only the public half, pinned at pairing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import unicodedata
import uuid
from dataclasses import dataclass
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyrage import x25519

from desktop.core import jsontext
from desktop.errors import KnownError

PRIVATE_FORMAT = "dossier-device-identity"
PRIVATE_FORMAT_VERSION = 1
MAX_NAME_LENGTH = 100
FINGERPRINT_GROUPS = 6
FINGERPRINT_GROUP_DIGITS = 4


class IdentityError(KnownError):
    """Stored or received identity data that cannot be used."""


def canonical_json(data: Any) -> bytes:
    """The one byte form of `data` that is hashed and signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def check_device_name(name: str) -> str:
    """A device name people can read: trimmed, 1-100 characters, no control characters."""
    name = unicodedata.normalize("NFC", name).strip()
    if not name or len(name) > MAX_NAME_LENGTH:
        raise IdentityError(
            "A device name must have 1 to {count} characters.", count=MAX_NAME_LENGTH
        )
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise IdentityError("A device name cannot contain control characters.")
    return name


def check_device_id(device_id: str) -> str:
    """A device id is the canonical text of a UUID."""
    try:
        parsed = uuid.UUID(device_id)
    except (ValueError, TypeError, AttributeError):
        raise IdentityError("A device id is not a valid identifier.") from None
    if str(parsed) != device_id:
        raise IdentityError("A device id is not a valid identifier.")
    return device_id


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, length: int) -> bytes:
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError, AttributeError):
        raise IdentityError("A device key is not valid.") from None
    if len(raw) != length:
        raise IdentityError("A device key is not valid.")
    return raw


@dataclass(frozen=True, slots=True)
class DevicePublic:
    """What a paired device knows about another: id, name and the two public keys."""

    device_id: str
    name: str
    signing_public_key: bytes
    age_recipient: str

    def to_dict(self) -> dict[str, str]:
        """JSON-ready fields (the signing key in base64)."""
        return {
            "device_id": self.device_id,
            "name": self.name,
            "signing_public_key": _b64(self.signing_public_key),
            "age_recipient": self.age_recipient,
        }

    @classmethod
    def from_dict(cls, data: Any) -> DevicePublic:
        """Validate and build from `to_dict` output; `IdentityError` on anything wrong."""
        if not isinstance(data, dict):
            raise IdentityError("Device information is not in the expected form.")
        fields = {"device_id", "name", "signing_public_key", "age_recipient"}
        if not fields <= data.keys() or not all(isinstance(data[f], str) for f in fields):
            raise IdentityError("Device information is incomplete.")
        key = _unb64(data["signing_public_key"], 32)
        try:
            Ed25519PublicKey.from_public_bytes(key)
            x25519.Recipient.from_str(data["age_recipient"])
        except (ValueError, pyrage.RecipientError):
            raise IdentityError("A device key is not valid.") from None
        return cls(
            device_id=check_device_id(data["device_id"]),
            name=check_device_name(data["name"]),
            signing_public_key=key,
            age_recipient=data["age_recipient"],
        )

    def recipient(self) -> x25519.Recipient:
        """The age recipient bundles for this device are encrypted to."""
        return x25519.Recipient.from_str(self.age_recipient)

    def verify(self, signature: bytes, message: bytes) -> bool:
        """True when `signature` is this device's Ed25519 signature of `message`."""
        try:
            Ed25519PublicKey.from_public_bytes(self.signing_public_key).verify(signature, message)
        except InvalidSignature:
            return False
        return True


def fingerprint(public: DevicePublic) -> str:
    """A short code people read aloud to compare: six groups of four digits.

    It is derived from SHA-256 over the canonical public information, name included, so a
    pairing file altered in any way shows a different code.
    """
    digest = hashlib.sha256(b"dossier-device-fingerprint-v1\n" + canonical_json(public.to_dict()))
    width = FINGERPRINT_GROUPS * FINGERPRINT_GROUP_DIGITS
    # 128 bits reduced to 24 digits: the modulo bias is far below anything observable.
    digits = f"{int.from_bytes(digest.digest()[:16], 'big') % 10**width:0{width}d}"
    step = FINGERPRINT_GROUP_DIGITS
    return " ".join(digits[i : i + step] for i in range(0, width, step))


class DeviceIdentity:
    """This device's identity with its private keys; only ever stored inside the vault."""

    def __init__(
        self,
        device_id: str,
        name: str,
        signing_key: Ed25519PrivateKey,
        age_identity: x25519.Identity,
    ) -> None:
        self.device_id = check_device_id(device_id)
        self.name = check_device_name(name)
        self._signing_key = signing_key
        self._age_identity = age_identity

    def __repr__(self) -> str:  # never show key material
        return f"DeviceIdentity(device_id={self.device_id!r}, name={self.name!r})"

    @classmethod
    def generate(cls, name: str) -> DeviceIdentity:
        """A new identity with a fresh id and fresh keys."""
        return cls(
            str(uuid.uuid4()), name, Ed25519PrivateKey.generate(), x25519.Identity.generate()
        )

    def renamed(self, name: str) -> DeviceIdentity:
        """The same device (id and keys) under another name."""
        return DeviceIdentity(self.device_id, name, self._signing_key, self._age_identity)

    def public(self) -> DevicePublic:
        """The half other devices pin at pairing."""
        return DevicePublic(
            device_id=self.device_id,
            name=self.name,
            signing_public_key=self._signing_key.public_key().public_bytes(
                serialization.Encoding.Raw, serialization.PublicFormat.Raw
            ),
            age_recipient=str(self._age_identity.to_public()),
        )

    def sign(self, message: bytes) -> bytes:
        """The Ed25519 signature of `message`."""
        return self._signing_key.sign(message)

    @property
    def age_identity(self) -> x25519.Identity:
        """The age identity that decrypts bundles addressed to this device."""
        return self._age_identity

    def to_private_json(self) -> str:
        """Everything needed to restore this identity, private keys included (vault only)."""
        raw = self._signing_key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return canonical_json(
            {
                "format": PRIVATE_FORMAT,
                "format_version": PRIVATE_FORMAT_VERSION,
                "device_id": self.device_id,
                "name": self.name,
                "signing_key": _b64(raw),
                "age_identity": str(self._age_identity),
            }
        ).decode()

    @classmethod
    def from_private_json(cls, text: str) -> DeviceIdentity:
        """Restore an identity written by `to_private_json`."""
        try:
            data = jsontext.loads(text)
        except ValueError:
            raise IdentityError("The stored device identity is damaged.") from None
        if not isinstance(data, dict) or data.get("format") != PRIVATE_FORMAT:
            raise IdentityError("The stored device identity is damaged.")
        if data.get("format_version") != PRIVATE_FORMAT_VERSION:
            raise IdentityError("The stored device identity was made by another Dossier version.")
        try:
            signing_key = Ed25519PrivateKey.from_private_bytes(_unb64(data["signing_key"], 32))
            age_identity = x25519.Identity.from_str(data["age_identity"])
            return cls(data["device_id"], data["name"], signing_key, age_identity)
        except (KeyError, TypeError, ValueError, pyrage.IdentityError):
            raise IdentityError("The stored device identity is damaged.") from None
