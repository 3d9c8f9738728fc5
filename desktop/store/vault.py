"""A vault: a folder with `dossier.db` (SQLCipher 4) and `keystore.json` (key slots).

Create, unlock (passphrase, recovery key or OS keyring), lock, change the passphrase
(one slot rewritten, database bytes untouched), rotate the data key (`PRAGMA rekey`),
and verify. Everything a user can get wrong ends in a `KnownError` and leaves the
folder as it was.
"""

from __future__ import annotations

import base64
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from desktop.crypto.kdf import KEY_BYTES
from desktop.crypto.keystore import (
    KEYRING,
    PASSPHRASE,
    RECOVERY,
    Keystore,
    Slot,
    passphrase_kek,
    secret_kek,
)
from desktop.crypto.os_keyring import SecretStore
from desktop.crypto.recovery import format_recovery_key, new_recovery_key, parse_recovery_key
from desktop.errors import KnownError, ValidationError, WrongPassphrase
from desktop.paths import KEYSTORE, VAULT_DB
from desktop.store import keying
from desktop.store.engine import open_engine, read_only
from desktop.store.filelock import VaultLock
from desktop.store.indexing import ensure_current
from desktop.store.migrate import upgrade_to_head

NEXT_KEYSTORE = "keystore.next.json"
MIN_PASSPHRASE = 8


class VaultDamaged(KnownError):
    pass


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            f"Choose a passphrase of at least {MIN_PASSPHRASE} characters.", field="passphrase"
        )


@dataclass(frozen=True)
class VerifyReport:
    cipher_ok: bool
    integrity_ok: bool
    audit_ok: bool
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.cipher_ok and self.integrity_ok and self.audit_ok


class Vault:
    """An unlocked vault. Build it with `create` or one of the `unlock_*` constructors."""

    def __init__(self, folder: Path, keystore: Keystore, data_key: bytes, lock: VaultLock):
        self.folder = folder
        self.keystore = keystore
        self._key = bytearray(data_key)
        self._lock = lock
        self.engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._read_sessions: sessionmaker[Session] | None = None

    # ---- paths ------------------------------------------------------------------------
    @staticmethod
    def db_path_of(folder: Path) -> Path:
        return Path(folder) / VAULT_DB

    @property
    def db_path(self) -> Path:
        return self.db_path_of(self.folder)

    @property
    def vault_id(self) -> str:
        return self.keystore.vault_id

    @staticmethod
    def exists(folder: Path) -> bool:
        return (Path(folder) / KEYSTORE).exists() and (Path(folder) / VAULT_DB).exists()

    # ---- create -----------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        folder: Path,
        passphrase: str,
        *,
        keyring: SecretStore | None = None,
        progress: Callable[[str], None] = lambda _step: None,
        check_strength: bool = True,
    ) -> tuple[Vault, str]:
        """A new vault; returns it unlocked and the recovery key text (show it once).

        `check_strength=False` is for the public demo vault only, whose passphrase is "demo".
        """
        folder = Path(folder)
        if check_strength:
            check_new_passphrase(passphrase)
        if (folder / KEYSTORE).exists() or (folder / VAULT_DB).exists():
            raise KnownError("A vault already exists in this folder.")
        folder.mkdir(parents=True, exist_ok=True)
        data_key = os.urandom(KEY_BYTES)
        recovery = new_recovery_key()
        keystore = Keystore(vault_id=str(uuid.uuid4()))
        progress("passphrase")
        keystore.replace(PASSPHRASE, keystore.passphrase_slot(data_key, passphrase))
        keystore.replace(RECOVERY, keystore.secret_slot(RECOVERY, data_key, recovery))
        lock = VaultLock(folder)
        lock.acquire()
        vault = cls(folder, keystore, data_key, lock)
        try:
            progress("database")
            vault._open()
            keystore.save(folder / KEYSTORE)
        except BaseException:
            vault.lock()
            for name in (VAULT_DB, f"{VAULT_DB}-wal", f"{VAULT_DB}-shm"):
                (folder / name).unlink(missing_ok=True)
            raise
        if keyring is not None:
            vault.enable_keyring(keyring)
        return vault, format_recovery_key(recovery)

    # ---- unlock -----------------------------------------------------------------------
    @classmethod
    def _unlock(cls, folder: Path, kind: str, kek_for: Callable[[Slot], bytes]) -> Vault:
        folder = Path(folder)
        if not (folder / VAULT_DB).exists():
            raise KnownError("This folder has no dossier.db: it is not a Dossier vault.")
        candidates = [Keystore.load(folder / KEYSTORE)]
        if (folder / NEXT_KEYSTORE).exists():  # a key rotation was interrupted
            candidates.append(Keystore.load(folder / NEXT_KEYSTORE))
        lock = VaultLock(folder)
        lock.acquire()
        try:
            opened_any = False
            for keystore in candidates:
                data_key = keystore.open_with(kind, kek_for)
                if data_key is None:
                    continue
                opened_any = True
                vault = cls(folder, keystore, data_key, lock)
                if vault._try_open():
                    vault._finish_interrupted_rotation()
                    return vault
            if opened_any:
                raise VaultDamaged(
                    "The vault database is damaged or does not belong to this key file."
                )
            if kind == PASSPHRASE:
                raise WrongPassphrase("Wrong passphrase.")
            if kind == RECOVERY:
                raise WrongPassphrase("That recovery key does not open this vault.")
            raise WrongPassphrase("The key saved on this computer does not open this vault.")
        except BaseException:
            lock.release()
            raise

    @classmethod
    def unlock_with_passphrase(cls, folder: Path, passphrase: str) -> Vault:
        return cls._unlock(folder, PASSPHRASE, lambda slot: passphrase_kek(passphrase, slot.params))

    @classmethod
    def unlock_with_recovery_key(cls, folder: Path, recovery_text: str) -> Vault:
        raw = parse_recovery_key(recovery_text)
        if raw is None:
            raise WrongPassphrase(
                "That is not a recovery key: it has 32 letters and digits in groups of four."
            )
        return cls._unlock(folder, RECOVERY, lambda slot: secret_kek(raw, slot.params))

    @classmethod
    def unlock_with_keyring(cls, folder: Path, keyring: SecretStore) -> Vault:
        keystore = Keystore.load(Path(folder) / KEYSTORE)
        if not keystore.has(KEYRING):
            raise KnownError("This vault is not remembered on this computer.")
        stored = keyring.get(keystore.vault_id)
        if stored is None:
            raise WrongPassphrase("This computer's keyring no longer holds the key for this vault.")
        secret = base64.b64decode(stored)
        return cls._unlock(folder, KEYRING, lambda slot: secret_kek(secret, slot.params))

    @staticmethod
    def remembered(folder: Path) -> bool:
        try:
            return Keystore.load(Path(folder) / KEYSTORE).has(KEYRING)
        except KnownError:
            return False

    # ---- engine -----------------------------------------------------------------------
    def _open(self) -> None:
        self.engine = open_engine(self.db_path, self._key)
        upgrade_to_head(self.engine, self.db_path)
        self.refresh_connections()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        with self._sessions.begin() as session:
            ensure_current(session)  # a vault indexed by an older Dossier
        self._read_sessions = sessionmaker(read_only(self.engine), expire_on_commit=False)

    def _try_open(self) -> bool:
        try:
            self._open()
        except DatabaseError:  # the key does not open this file
            self._close_engine()
            keying.wipe(self._key)
            return False
        except BaseException:  # e.g. a failed upgrade: not a key problem, say what it is
            self._close_engine()
            keying.wipe(self._key)
            raise
        return True

    def _close_engine(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None

    def read_session(self) -> Session:
        """A session for reading only (no explicit transaction: see engine.read_only)."""
        if self._read_sessions is None:
            raise KnownError("The vault is locked.")
        return self._read_sessions()

    def session(self) -> Session:
        if self._sessions is None:
            raise KnownError("The vault is locked.")
        return self._sessions()

    @property
    def is_unlocked(self) -> bool:
        return self.engine is not None

    def lock(self) -> None:
        """Close the database and drop the key from this object."""
        if self.engine is not None:
            self.engine.dispose()
        self.engine = None
        self._sessions = None
        self._read_sessions = None
        keying.wipe(self._key)
        self._lock.release()

    def refresh_connections(self) -> None:
        """Replace the pooled connections with fresh ones at their next use.

        Used after migrations, so no connection keeps a statement prepared against the
        old schema. Connections checked out elsewhere are closed when they come back.
        """
        if self.engine is not None:
            self.engine.dispose()

    def require_engine(self) -> Engine:
        if self.engine is None:
            raise KnownError("The vault is locked.")
        return self.engine

    # ---- slots ------------------------------------------------------------------------
    def _data_key(self) -> bytes:
        if self.engine is None:
            raise KnownError("The vault is locked.")
        return bytes(self._key)

    def verify_passphrase(self, passphrase: str) -> None:
        if self.keystore.open_with(PASSPHRASE, lambda s: passphrase_kek(passphrase, s.params)) != (
            self._data_key()
        ):
            raise WrongPassphrase("Wrong passphrase.")

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap the data key under `new`: only keystore.json changes, atomically."""
        self.verify_passphrase(old)
        check_new_passphrase(new)
        self.keystore.replace(PASSPHRASE, self.keystore.passphrase_slot(self._data_key(), new))
        self.keystore.save(self.folder / KEYSTORE)

    def enable_keyring(self, keyring: SecretStore) -> None:
        if not keyring.available():
            raise KnownError(
                "This computer has no secure system keyring; the passphrase is still needed."
            )
        secret = os.urandom(KEY_BYTES)
        keyring.set(self.vault_id, base64.b64encode(secret).decode("ascii"))
        self.keystore.replace(KEYRING, self.keystore.secret_slot(KEYRING, self._data_key(), secret))
        self.keystore.save(self.folder / KEYSTORE)

    def disable_keyring(self, keyring: SecretStore) -> None:
        self.keystore.remove(KEYRING)
        self.keystore.save(self.folder / KEYSTORE)
        keyring.delete(self.vault_id)

    def rotate_key(self, passphrase: str, keyring: SecretStore | None = None) -> str:
        """Re-encrypt the database under a new data key; returns the new recovery key text.

        The old recovery key and any remembered key stop working. The new key store is
        written first under a side name, so a crash mid-rotation still unlocks.
        """
        self.verify_passphrase(passphrase)
        engine = self.require_engine()
        new_key = os.urandom(KEY_BYTES)
        recovery = new_recovery_key()
        rotated = Keystore(vault_id=self.vault_id)
        rotated.replace(PASSPHRASE, rotated.passphrase_slot(new_key, passphrase))
        rotated.replace(RECOVERY, rotated.secret_slot(RECOVERY, new_key, recovery))
        rotated.save(self.folder / NEXT_KEYSTORE)
        engine.dispose()
        fresh = bytearray(new_key)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            driver = conn.connection.dbapi_connection
            keying.rekey_connection(driver, str(self.db_path), fresh)
        engine.dispose()
        self.keystore = rotated
        keying.wipe(self._key)
        self._key = fresh
        self._open()
        os.replace(self.folder / NEXT_KEYSTORE, self.folder / KEYSTORE)
        if keyring is not None and keyring.available():
            keyring.delete(self.vault_id)
        return format_recovery_key(recovery)

    def _finish_interrupted_rotation(self) -> None:
        side = self.folder / NEXT_KEYSTORE
        if side.exists():
            self.keystore.save(self.folder / KEYSTORE)
            side.unlink()

    # ---- verify -----------------------------------------------------------------------
    def check_storage(self) -> tuple[bool, bool, list[str]]:
        """SQLCipher page HMACs and SQLite structure: (cipher ok, integrity ok, problems)."""
        problems: list[str] = []
        with self.require_engine().connect() as conn:
            cipher = [r[0] for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
            integrity = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            conn.execute(text("SELECT 1"))
        problems += [f"cipher: {line}" for line in cipher]
        integrity_ok = integrity == ["ok"]
        if not integrity_ok:
            problems += [f"integrity: {line}" for line in integrity]
        return not cipher, integrity_ok, problems
