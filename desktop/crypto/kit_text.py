"""The recovery slot as text a person can type from a printed emergency kit (or scan).

With the recovery key, this slot alone opens the database when both key files are lost.
It packs the vault id, the slot id, the X25519 salt and keys, the nonce, the wrapped data
key and its key id into 185 bytes plus a 4-byte checksum, written in Crockford base32 in
numbered lines of eight groups of five, each line ending in a two-character check so a
typing mistake is reported by line.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
import uuid

from desktop.crypto.keystore import RECOVERY, X25519_KDF, Keystore, Slot
from desktop.crypto.recovery import ALPHABET, LOOKALIKES
from desktop.errors import KnownError

HEADER = "DOSSIER RECOVERY SLOT 1"
FORMAT_BYTE = 1
GROUP, GROUPS_PER_LINE = 5, 8
FIELDS = (("vault", 16), ("slot", 16), ("salt", 16), ("public", 32), ("ephemeral", 32))
TAIL = (("nonce", 12), ("wrapped", 48), ("key_id", 12))
PAYLOAD_BYTES = 1 + sum(n for _, n in FIELDS + TAIL)
CHECK_BYTES = 4
LINE = re.compile(r"^\s*(\d{1,2})[\s:.\-)]+(.+?)\s*$")


class KitTextInvalid(KnownError):
    pass


def _b32(data: bytes) -> str:
    number, chars = int.from_bytes(data, "big"), []
    for _ in range(math.ceil(len(data) * 8 / 5)):
        chars.append(ALPHABET[number & 31])
        number >>= 5
    return "".join(reversed(chars))


def _unb32(text: str, size: int) -> bytes:
    number = 0
    for ch in text:
        number = (number << 5) | ALPHABET.index(ch)
    if number >> (size * 8):
        raise ValueError("too long")
    return number.to_bytes(size, "big")


def _line_check(index: int, chars: str) -> str:
    return _b32(hashlib.sha256(f"{index}:{chars}".encode()).digest()[:2])[-2:]  # low 10 bits


def encode_slot(vault_id: str, slot: Slot) -> str:
    """The kit text for an X25519 recovery slot."""
    if slot.kind != RECOVERY or slot.params.get("kdf") != X25519_KDF:
        raise KnownError(
            "This vault's recovery key was made by an older Dossier; make a new one first "
            "(dossier vault recovery-key new PATH)."
        )
    params = slot.params
    payload = (
        bytes([FORMAT_BYTE])
        + uuid.UUID(vault_id).bytes
        + uuid.UUID(slot.slot_id).bytes
        + base64.b64decode(params["salt"])
        + base64.b64decode(params["public_key"])
        + base64.b64decode(params["ephemeral"])
        + slot.nonce
        + slot.wrapped
        + bytes.fromhex(slot.key_id)
    )
    assert len(payload) == PAYLOAD_BYTES
    body = _b32(payload + hashlib.sha256(payload).digest()[:CHECK_BYTES])
    per_line = GROUP * GROUPS_PER_LINE
    lines = [HEADER]
    for number, start in enumerate(range(0, len(body), per_line), start=1):
        chars = body[start : start + per_line]
        groups = " ".join(chars[i : i + GROUP] for i in range(0, len(chars), GROUP))
        lines.append(f"{number:02d} {groups} {_line_check(number, chars)}")
    return "\n".join(lines) + "\n"


def _clean(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum()).translate(LOOKALIKES)


def decode_slot(text: str) -> tuple[str, Slot]:
    """(vault id, recovery slot) from kit text; KitTextInvalid names the first bad line."""
    chunks: dict[int, str] = {}
    lines = text.splitlines()[:400]
    headers = [i for i, line in enumerate(lines) if line.strip().upper() == HEADER]
    if headers:  # text copied from the whole kit: the slot starts after its header
        lines = lines[headers[0] + 1 : headers[0] + 1 + 12]
    for raw_line in lines:
        match = LINE.match(raw_line)
        if not match:
            continue
        number, rest = int(match.group(1)), _clean(match.group(2))
        if len(rest) < 3:
            raise KitTextInvalid("Line {number:02d} of the kit text is too short.", number=number)
        chars, check = rest[:-2], rest[-2:]
        if any(ch not in ALPHABET for ch in rest) or _line_check(number, chars) != check:
            raise KitTextInvalid(
                "Line {number:02d} of the kit text has a typing mistake; compare it with the kit.",
                number=number,
            )
        chunks[number] = chars
    total = PAYLOAD_BYTES + CHECK_BYTES
    expected_lines = math.ceil(math.ceil(total * 8 / 5) / (GROUP * GROUPS_PER_LINE))
    missing = [n for n in range(1, expected_lines + 1) if n not in chunks]
    if not chunks:
        raise KitTextInvalid("That file holds no recovery slot from an emergency kit.")
    if missing:
        raise KitTextInvalid("Line {number:02d} of the kit text is missing.", number=missing[0])
    body = "".join(chunks[n] for n in range(1, expected_lines + 1))
    try:
        data = _unb32(body, total)
    except ValueError as exc:
        raise KitTextInvalid("The kit text is not a recovery slot.") from exc
    payload, trailer = data[:PAYLOAD_BYTES], data[PAYLOAD_BYTES:]
    if hashlib.sha256(payload).digest()[:CHECK_BYTES] != trailer or payload[0] != FORMAT_BYTE:
        raise KitTextInvalid("The kit text does not check out; compare it with the kit again.")
    parts: dict[str, bytes] = {}
    offset = 1
    for name, size in FIELDS + TAIL:
        parts[name] = payload[offset : offset + size]
        offset += size
    slot = Slot(
        RECOVERY,
        str(uuid.UUID(bytes=parts["slot"])),
        {
            "kdf": X25519_KDF,
            "salt": base64.b64encode(parts["salt"]).decode("ascii"),
            "public_key": base64.b64encode(parts["public"]).decode("ascii"),
            "ephemeral": base64.b64encode(parts["ephemeral"]).decode("ascii"),
        },
        nonce=parts["nonce"],
        wrapped=parts["wrapped"],
        key_id=parts["key_id"].hex(),
        binding=2,
    )
    return str(uuid.UUID(bytes=parts["vault"])), slot


def kit_text_of(keystore: Keystore) -> str:
    """The kit text of the vault's current recovery slot."""
    slots = keystore.slots_of(RECOVERY)
    if not slots:
        raise KnownError("This vault has no recovery key; make one with `vault recovery-key new`.")
    return encode_slot(keystore.vault_id, slots[-1])
