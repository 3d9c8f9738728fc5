"""Key derivation: Argon2id for passphrases, HKDF for high-entropy secrets.

Argon2id costs are stored in each key slot, so a vault made on a slow laptop still opens
on a fast one. Creation calibrates the iteration count to about one second at 256 MiB.

Test-only: `DOSSIER_INSECURE_TEST_KDF=1` lowers the cost of *new* slots to 8 MiB and one
pass so the test suite runs quickly. It works only inside the test suite (pytest sets
`PYTEST_CURRENT_TEST`; the suite's conftest sets `DOSSIER_TEST_SUITE=1` for the scripts it
starts); anywhere else Dossier refuses to make a slot rather than make a weak one. Slots
made that way are marked weak, and unlocking with one prints a warning.

Parameters read from a key file are bounded before use, so a damaged or hostile file
cannot make an unlock hang, exhaust memory or crash.
"""

from __future__ import annotations

import base64
import os
import time
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.errors import KnownError

KEY_BYTES = 32
MIN_MEMORY_KIB = 256 * 1024
TEST_MEMORY_KIB = 8 * 1024
TARGET_SECONDS = 1.0
TEST_ENV = "DOSSIER_INSECURE_TEST_KDF"
SUITE_ENV = "DOSSIER_TEST_SUITE"
# What a key file may ask for: generous for a future stronger default, never a hang.
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_ITERATIONS = 64
MAX_LANES = 16
SALT_BYTES = (16, 64)


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    def derive(self, secret: bytes) -> bytes:
        return Argon2id(
            salt=self.salt,
            length=KEY_BYTES,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        ).derive(secret)


def argon2_from_params(params: dict[str, Any]) -> Argon2Params:
    """Parameters from a key file; ValueError (or KeyError, TypeError) when out of bounds."""
    values = [params["memory_kib"], params["iterations"], params["lanes"]]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise TypeError("argon2 parameters must be integers")
    memory_kib, iterations, lanes = values
    salt = params["salt"]
    if not isinstance(salt, str):
        raise TypeError("salt")
    raw_salt = base64.b64decode(salt.encode("ascii"), validate=True)
    if not (
        1 <= lanes <= MAX_LANES
        and max(8 * lanes, TEST_MEMORY_KIB) <= memory_kib <= MAX_MEMORY_KIB
        and 1 <= iterations <= MAX_ITERATIONS
        and SALT_BYTES[0] <= len(raw_salt) <= SALT_BYTES[1]
    ):
        raise ValueError("argon2 parameters out of bounds")
    return Argon2Params(memory_kib, iterations, lanes, raw_salt)


def weak_params(params: dict[str, Any]) -> bool:
    """A passphrase slot made with the test suite's cheap KDF."""
    memory = params.get("memory_kib")
    return params.get("kdf") == "argon2id" and isinstance(memory, int) and memory < MIN_MEMORY_KIB


def insecure_test_mode() -> bool:
    """The cheap test KDF, only where the test suite asked for it.

    Raises KnownError when the switch is set outside the test suite: Dossier will not
    quietly make a weak key for a real vault.
    """
    if os.environ.get(TEST_ENV) != "1":
        return False
    if os.environ.get("PYTEST_CURRENT_TEST") or os.environ.get(SUITE_ENV) == "1":
        return True
    raise KnownError(
        "{test_env} is set: it is for Dossier's test suite only and would make "
        "a weak key. Unset it and try again.",
        test_env=TEST_ENV,
    )


def calibrate(target_seconds: float = TARGET_SECONDS) -> Argon2Params:
    """Fresh parameters with a new salt, costing about `target_seconds` on this machine."""
    salt = os.urandom(16)
    if insecure_test_mode():
        return Argon2Params(TEST_MEMORY_KIB, 1, 1, salt)
    lanes = 4
    probe = Argon2Params(MIN_MEMORY_KIB, 1, lanes, salt)
    started = time.perf_counter()
    probe.derive(b"calibration")
    one_pass = max(time.perf_counter() - started, 1e-3)
    iterations = max(2, round(target_seconds / one_pass))
    return Argon2Params(MIN_MEMORY_KIB, min(iterations, 64), lanes, salt)


def hkdf(secret: bytes, info: bytes, salt: bytes) -> bytes:
    """A wrapping key from a secret that is already random (recovery key, keyring secret)."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(secret)
