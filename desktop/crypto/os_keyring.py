"""The OS keyring behind a tiny interface, so tests can pass an in-memory one.

Only real system backends count (Windows Credential Locker, macOS Keychain, Secret
Service, KWallet): a plaintext-file or "null" keyring would defeat the purpose, so the
slot is refused there.
"""

from __future__ import annotations

import contextlib
from typing import Protocol

SERVICE = "Dossier vault"
REAL_BACKEND_MODULES = (
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.SecretService",
    "keyring.backends.kwallet",
    "keyring.backends.libsecret",
)


class SecretStore(Protocol):
    def available(self) -> bool: ...
    def get(self, account: str) -> str | None: ...
    def set(self, account: str, secret: str) -> None: ...
    def delete(self, account: str) -> None: ...


class SystemKeyring:
    """The platform keyring via the `keyring` package; imported lazily, never at import time."""

    def available(self) -> bool:
        try:
            import keyring
            from keyring.backends import chainer

            backend = keyring.get_keyring()
            backends = (
                backend.backends if isinstance(backend, chainer.ChainerBackend) else [backend]
            )
            return any(
                type(b).__module__.startswith(REAL_BACKEND_MODULES) and b.priority > 0
                for b in backends
            )
        except Exception:
            return False

    def get(self, account: str) -> str | None:
        import keyring

        return keyring.get_password(SERVICE, account)

    def set(self, account: str, secret: str) -> None:
        import keyring

        keyring.set_password(SERVICE, account, secret)

    def delete(self, account: str) -> None:
        import keyring
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):
            keyring.delete_password(SERVICE, account)


class MemoryKeyring:
    """An in-memory keyring for tests and for machines that have none."""

    def __init__(self, available: bool = True) -> None:
        self._secrets: dict[str, str] = {}
        self._available = available

    def available(self) -> bool:
        return self._available

    def get(self, account: str) -> str | None:
        return self._secrets.get(account)

    def set(self, account: str, secret: str) -> None:
        self._secrets[account] = secret

    def delete(self, account: str) -> None:
        self._secrets.pop(account, None)
