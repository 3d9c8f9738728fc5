"""Recovery keys: 160 random bits a person can copy by hand from a printed emergency kit.

Shown as 8 groups of 4 characters of Crockford base32 (no I, L, O, U), so a smudged
print is still readable; input is forgiving about case, spaces, dashes and look-alikes.
"""

from __future__ import annotations

import os

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_BITS = 160
LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})


def new_recovery_key() -> bytes:
    return os.urandom(RECOVERY_BITS // 8)


def format_recovery_key(raw: bytes) -> str:
    number = int.from_bytes(raw, "big")
    chars = []
    for _ in range(RECOVERY_BITS // 5):
        chars.append(ALPHABET[number & 31])
        number >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes | None:
    """The raw key, or None when the text cannot be a recovery key."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(LOOKALIKES)
    if len(cleaned) != RECOVERY_BITS // 5 or any(ch not in ALPHABET for ch in cleaned):
        return None
    number = 0
    for ch in cleaned:
        number = (number << 5) | ALPHABET.index(ch)
    return number.to_bytes(RECOVERY_BITS // 8, "big")
