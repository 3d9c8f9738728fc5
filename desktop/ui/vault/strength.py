"""A rough passphrase strength estimate for the create-vault dialog.

It errs on the side of caution: it counts length and variety and punishes repetition
and very common choices. The vault itself enforces only the minimum length.
"""

from __future__ import annotations

import math
import string

COMMON = frozenset(
    {"password", "passphrase", "12345678", "123456789", "qwertyuiop", "iloveyou", "dossier",
     "admin123", "letmein1", "password1", "пароль", "йцукенгш"}
)  # fmt: skip


def entropy_bits(passphrase: str) -> float:
    """An upper-bound guess of the passphrase's entropy, in bits."""
    if not passphrase:
        return 0.0
    pool = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        pool += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        pool += 26
    if any(c.isdigit() for c in passphrase):
        pool += 10
    if any(c.isalpha() and not c.isascii() for c in passphrase):
        pool += 33
    if any(not c.isalnum() for c in passphrase):
        pool += 33
    distinct = len(set(passphrase))
    effective = min(len(passphrase), distinct * 2)  # "aaaaaaaaaa" is not ten characters
    return effective * math.log2(max(pool, 2))


def strength_score(passphrase: str) -> int:
    """0 (unacceptable) to 4 (strong)."""
    if len(passphrase) < 8 or passphrase.casefold() in COMMON:
        return 0
    bits = entropy_bits(passphrase)
    if bits < 45:
        return 1
    if bits < 65:
        return 2
    if bits < 90:
        return 3
    return 4
