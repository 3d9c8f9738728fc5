"""Pairing files: how one device's public identity reaches another.

The file carries only public information. What makes pairing safe is the fingerprint:
the importing side must type the code shown on the other device, so a file swapped or
altered on the way is refused.
"""

from __future__ import annotations

import hmac
from pathlib import Path

from desktop.core import jsontext
from desktop.durable import write_atomically
from desktop.errors import KnownError

from .identity import DeviceIdentity, DevicePublic, IdentityError, canonical_json, fingerprint

PAIRING_FORMAT = "dossier-pairing"
PAIRING_FORMAT_VERSION = 1
MAX_PAIRING_FILE_BYTES = 64 * 1024


class PairingError(KnownError):
    """A pairing file that cannot be used, or a fingerprint that does not match."""


def pairing_document(identity: DeviceIdentity) -> bytes:
    """The canonical bytes of this device's pairing file."""
    return canonical_json(
        {
            "format": PAIRING_FORMAT,
            "format_version": PAIRING_FORMAT_VERSION,
            **identity.public().to_dict(),
        }
    )


def write_pairing_file(path: Path, identity: DeviceIdentity) -> str:
    """Write this device's pairing file; returns the fingerprint to show next to it."""
    write_atomically(Path(path), pairing_document(identity) + b"\n", verify=True)
    return fingerprint(identity.public())


def normalise_fingerprint(code: str) -> str:
    """The digits of a fingerprint as typed: spaces, dashes and case do not matter."""
    return "".join(c for c in code.lower() if c not in " -\t\n")


def read_pairing_file(path: Path, expected_fingerprint: str) -> DevicePublic:
    """Read another device's pairing file and check it against the code the user typed."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_PAIRING_FILE_BYTES + 1)
    except OSError:
        raise PairingError("The pairing file cannot be read.") from None
    if len(data) > MAX_PAIRING_FILE_BYTES:
        raise PairingError("The file is too large to be a pairing file.")
    try:
        document = jsontext.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise PairingError("The file is not a Dossier pairing file.") from None
    if not isinstance(document, dict) or document.get("format") != PAIRING_FORMAT:
        raise PairingError("The file is not a Dossier pairing file.")
    if document.get("format_version") != PAIRING_FORMAT_VERSION:
        raise PairingError("The pairing file was made by a newer version of Dossier.")
    try:
        public = DevicePublic.from_dict(document)
    except IdentityError:
        raise PairingError("The pairing file is damaged or incomplete.") from None
    actual = normalise_fingerprint(fingerprint(public))
    typed = normalise_fingerprint(expected_fingerprint)
    if not hmac.compare_digest(actual.encode(), typed.encode()):
        raise PairingError(
            "The fingerprint does not match this pairing file; do not pair these devices."
        )
    return public
