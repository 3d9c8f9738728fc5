"""Key derivation: Argon2id for passphrases, HKDF for high-entropy secrets.

Argon2id costs are stored in each key slot, so a vault made on a slow laptop still opens
on a fast one. Creation calibrates the iteration count to about one second at 256 MiB.

Test-only: `DOSSIER_INSECURE_TEST_KDF=1` in the environment lowers the cost of *new* slots
to 8 MiB and one pass so the test suite runs quickly. Never set it for real vaults.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
MIN_MEMORY_KIB = 256 * 1024
TEST_MEMORY_KIB = 8 * 1024
TARGET_SECONDS = 1.0
TEST_ENV = "DOSSIER_INSECURE_TEST_KDF"


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


def insecure_test_mode() -> bool:
    return os.environ.get(TEST_ENV) == "1"


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
