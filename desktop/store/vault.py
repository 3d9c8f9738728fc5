"""A vault: a folder with `dossier.db` (SQLCipher 4) and its key slots in two copies
(`keystore.json`, `keystore.copy.json`).

Create, unlock (passphrase, recovery key or OS keyring), lock, change the passphrase
(one slot rewritten, database bytes untouched), rotate the data key (`PRAGMA rekey`,
every slot carried over), make a new recovery key, rebuild lost key files from the
emergency kit, and verify. Everything a user can get wrong ends in a `KnownError` and leaves the
folder as it was.
"""

from __future__ import annotations

import base64
import contextlib
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DatabaseError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desktop.crypto.kdf import KEY_BYTES
from desktop.crypto.keyfiles import NAMES as KEY_FILE_NAMES
from desktop.crypto.keyfiles import KeyFiles, crash_point, read_key_files, write_key_files
from desktop.crypto.keystore import (
    KEYRING,
    PASSPHRASE,
    RECOVERY,
    X25519_KDF,
    Keystore,
    KeystoreDamaged,
    Slot,
    data_key_id,
    passphrase_kek,
    secret_kek,
)
from desktop.crypto.kit_text import decode_slot, kit_text_of
from desktop.crypto.os_keyring import SecretStore
from desktop.crypto.recovery import format_recovery_key, new_recovery_key, parse_recovery_key
from desktop.errors import KnownError, ValidationError, WrongPassphrase
from desktop.paths import VAULT_DB
from desktop.store import keying
from desktop.store.engine import open_engine, read_only
from desktop.store.filelock import VaultLock
from desktop.store.indexing import ensure_current
from desktop.store.migrate import upgrade_to_head
from desktop.store.permissions import private_folder
from desktop.store.vault_keys import (
    MISSING,
    NEW_KIT,
    NO_SLOT,
    KeyFilesMissing,
    damaged_message,
    settle,
)

MIN_PASSPHRASE = 8


def _open_failed(exc: DBAPIError) -> Exception:
    """What a failure after the key check (upgrade, re-index) means, in one sentence; the
    error itself when it is neither a full disk nor damage (a bug, reported as one)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "full" in text:
        return KnownError(
            "The disk that holds the vault is full, so its search index could not be "
            "rebuilt for this version; free some space and unlock again (nothing was lost)."
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return VaultDamaged(
            "The vault database is damaged: run `dossier vault verify` on it, and "
            "`dossier vault salvage` to copy what still reads."
        )
    return exc


T = TypeVar("T")


class VaultDamaged(KnownError):
    pass


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            "Choose a passphrase of at least {count} characters.",
            field="passphrase",
            count=MIN_PASSPHRASE,
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
        self.notices: list[str] = []  # what the user must read after unlocking

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
        """A vault is there, perhaps with lost key files (unlocking then says how to restore)."""
        return (Path(folder) / VAULT_DB).exists()

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
        if (folder / VAULT_DB).exists() or any((folder / n).exists() for n in KEY_FILE_NAMES):
            raise KnownError("A vault already exists in this folder.")
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        private_folder(folder)
        data_key = os.urandom(KEY_BYTES)
        recovery = new_recovery_key()
        keystore = Keystore(vault_id=str(uuid.uuid4()), key_id=data_key_id(data_key))
        progress("passphrase")
        keystore.replace(PASSPHRASE, keystore.passphrase_slot(data_key, passphrase))
        keystore.replace(RECOVERY, keystore.secret_slot(RECOVERY, data_key, recovery))
        lock = VaultLock(folder)
        lock.acquire()
        vault = cls(folder, keystore, data_key, lock)
        try:
            progress("database")
            vault._open()
            write_key_files(folder, keystore, "create", 1)
            vault.tighten_permissions()
        except BaseException:
            vault.lock()
            for name in (VAULT_DB, f"{VAULT_DB}-wal", f"{VAULT_DB}-shm", *KEY_FILE_NAMES):
                (folder / name).unlink(missing_ok=True)
            raise
        if keyring is not None:
            vault.enable_keyring(keyring)
        return vault, format_recovery_key(recovery)

    # ---- unlock -----------------------------------------------------------------------
    @staticmethod
    def read_keys(folder: Path) -> KeyFiles:
        """Both key files of the vault in `folder`, or a plain refusal naming what is lost."""
        if not (folder / VAULT_DB).exists():
            if any((folder / name).exists() for name in KEY_FILE_NAMES):
                raise KnownError(
                    "This folder has key files but no dossier.db: the database itself is missing."
                )
            raise KnownError("This folder has no dossier.db: it is not a Dossier vault.")
        files = read_key_files(folder)
        if not files.copies and not files.salvaged:
            if len(files.missing) == len(KEY_FILE_NAMES):
                raise KeyFilesMissing(MISSING)
            raise KeystoreDamaged(NO_SLOT)
        return files

    @classmethod
    def _unlock(cls, folder: Path, kind: str, kek_for: Callable[[Slot], bytes]) -> Vault:
        folder = Path(folder)
        files = cls.read_keys(folder)
        candidates = files.candidates(kind)
        if not candidates:
            if files.damaged or kind == PASSPHRASE:  # a passphrase slot is only lost to damage
                raise KeystoreDamaged(damaged_message(kind))
            if kind == RECOVERY:
                raise KnownError(
                    "This vault has no recovery key; make one with the passphrase "
                    "(dossier vault recovery-key new PATH)."
                )
            raise KnownError("This vault is not remembered on this computer.")
        lock = VaultLock(folder)
        lock.acquire()
        try:
            tried: set[str] = set()
            for keystore, slot in candidates:
                data_key = keystore.open_slot(slot, kek_for(slot))
                if data_key is None or data_key_id(data_key) in tried:
                    continue
                key_id = data_key_id(data_key)
                tried.add(key_id)
                vault = cls(folder, keystore, data_key, lock)
                if vault._try_open():
                    vault._settle(files, slot, key_id)
                    return vault
            if tried:
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

    def _settle(self, files: KeyFiles, opened: Slot, key_id: str) -> None:
        """Keep the key file that matches the open database; repair, finish, tell."""
        try:
            settled = settle(files, opened, key_id)
            if settled.must_write:
                write_key_files(self.folder, settled.keystore, "settle", files.revision + 1)
            self.keystore = settled.keystore
            self.notices = settled.notices
            self.tighten_permissions()
        except BaseException:
            self.lock()
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
        vault = cls._unlock(folder, RECOVERY, lambda slot: secret_kek(raw, slot.params))
        try:
            vault._upgrade_recovery_slot(raw)
        except BaseException:
            vault.lock()
            raise
        return vault

    def _upgrade_recovery_slot(self, raw: bytes) -> None:
        """A version 1 recovery slot becomes an X25519 one, so rotations can carry it over."""
        legacy = [s for s in self.keystore.slots_of(RECOVERY) if s.params.get("kdf") != X25519_KDF]
        if not legacy:
            return
        fresh = self.keystore.secret_slot(RECOVERY, self._data_key(), raw)
        self.keystore.replace(RECOVERY, fresh)
        self._save_keys("upgrade-recovery")

    @classmethod
    def unlock_with_keyring(cls, folder: Path, keyring: SecretStore) -> Vault:
        files = cls.read_keys(Path(folder))
        if not files.candidates(KEYRING):
            raise KnownError("This vault is not remembered on this computer.")
        stored = keyring.get(files.vault_id)
        if stored is None:
            raise WrongPassphrase("This computer's keyring no longer holds the key for this vault.")
        secret = base64.b64decode(stored)
        return cls._unlock(folder, KEYRING, lambda slot: secret_kek(secret, slot.params))

    @staticmethod
    def remembered(folder: Path) -> bool:
        try:
            return bool(read_key_files(Path(folder)).candidates(KEYRING))
        except KnownError:
            return False

    @classmethod
    def restore_keys(
        cls, folder: Path, kit_text: str | None, recovery_text: str, new_passphrase: str
    ) -> Vault:
        """New key files from a recovery slot, the recovery key and a new passphrase.

        The slot comes from the emergency kit's text, or (`kit_text` None) from whatever
        the damaged key files still hold: the way to set a new passphrase when the
        passphrase slot is lost or the passphrase forgotten.
        """
        folder = Path(folder)
        if not (folder / VAULT_DB).exists():
            raise KnownError("This folder has no dossier.db: there is nothing to restore keys for.")
        check_new_passphrase(new_passphrase)
        raw = parse_recovery_key(recovery_text)
        if raw is None:
            raise WrongPassphrase(
                "That is not a recovery key: it has 32 letters and digits in groups of four."
            )
        if kit_text is not None:
            vault_id, kit_slot = decode_slot(kit_text)
            found = [(vault_id, kit_slot)]
        else:
            files = cls.read_keys(folder)
            found = [(ks.vault_id, slot) for ks, slot in files.candidates(RECOVERY)]
            if not found:
                raise KeystoreDamaged(damaged_message(RECOVERY))
        opened: list[tuple[Keystore, bytes]] = []
        for vault_id, slot in found:
            keystore = Keystore(vault_id=vault_id, slots=[slot], key_id=slot.key_id)
            data_key = keystore.open_slot(slot, secret_kek(raw, slot.params))
            if data_key is not None:
                opened.append((keystore, data_key))
        if not opened:
            raise WrongPassphrase("That recovery key does not open this vault's recovery slot.")
        lock = VaultLock(folder)
        lock.acquire()
        for keystore, data_key in opened:
            vault = cls(folder, keystore, data_key, lock)
            if vault._try_open():
                break
        else:
            lock.release()
            raise VaultDamaged(
                "This recovery slot does not open the database: the kit was printed before a "
                "key rotation, or belongs to another vault. Nothing was changed."
            )
        try:
            keystore.key_id = data_key_id(data_key)
            keystore.replace(PASSPHRASE, keystore.passphrase_slot(data_key, new_passphrase))
            try:
                revision = read_key_files(folder).revision
            except KnownError:
                revision = 0
            write_key_files(folder, keystore, "restore", revision + 1)
            vault.notices = ["New key files were written; the recovery key still works."]
            vault.tighten_permissions()
        except BaseException:
            vault.lock()
            raise
        return vault

    # ---- engine -----------------------------------------------------------------------
    def _open(self, checked: Engine | None = None) -> None:
        """Open the file (over `checked`, the engine `_try_open` found the key to read it
        with, else a new one): upgrade, re-index."""
        if checked is None:
            private_folder(self.folder)
            checked = open_engine(self.db_path, self._key)
        self.engine = checked
        upgrade_to_head(self.engine, self.db_path)
        private_folder(self.folder)  # the new -wal/-shm, a migration backup
        self.refresh_connections()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            with self._sessions.begin() as session:
                ensure_current(session)  # a vault indexed by an older Dossier
        except DBAPIError as exc:  # bulk writes raise the driver's error as DBAPIError
            raise _open_failed(exc) from None
        self._read_sessions = sessionmaker(read_only(self.engine), expire_on_commit=False)

    def _try_open(self) -> bool:
        """Whether this key opens the file (False: it does not); then open it. Only the
        key check means "not this key": a later failure (a full disk while re-indexing,
        a failed upgrade) says what it is."""
        private_folder(self.folder)
        self.engine = open_engine(self.db_path, self._key)
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        except DatabaseError:  # the key does not open this file
            self._close_engine()
            keying.wipe(self._key)
            return False
        try:
            self._open(self.engine)
        except BaseException as exc:
            self._close_engine()
            keying.wipe(self._key)
            if isinstance(exc, DBAPIError):  # a damaged page met while upgrading, say
                raise _open_failed(exc) from None
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

    def with_data_key(self, use: Callable[[bytes], T]) -> T:
        """`use(data key)`: for reading the database file page by page while the vault
        is open (a damage report); the copy handed over is not kept here."""
        return use(self._data_key())

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

    def _save_keys(self, step: str) -> None:
        write_key_files(self.folder, self.keystore, step, self.keystore.revision + 1)

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap the data key under `new`: only the key files change, one copy at a time."""
        self.verify_passphrase(old)
        check_new_passphrase(new)
        self.keystore.replace(PASSPHRASE, self.keystore.passphrase_slot(self._data_key(), new))
        self._save_keys("passwd")

    def enable_keyring(self, keyring: SecretStore) -> None:
        if not keyring.available():
            raise KnownError(
                "This computer has no secure system keyring; the passphrase is still needed."
            )
        secret = os.urandom(KEY_BYTES)
        keyring.set(self.vault_id, base64.b64encode(secret).decode("ascii"))
        self.keystore.replace(KEYRING, self.keystore.secret_slot(KEYRING, self._data_key(), secret))
        self._save_keys("keyring")

    def disable_keyring(self, keyring: SecretStore) -> None:
        self.keystore.remove(KEYRING)
        self._save_keys("keyring")
        keyring.delete(self.vault_id)

    def new_recovery_key(self, passphrase: str, show: Callable[[str], None]) -> None:
        """Replace the recovery key: the new one is added and shown before the old is removed,
        so a crash at any point leaves a recovery key the user has seen."""
        self.verify_passphrase(passphrase)
        raw = new_recovery_key()
        fresh = self.keystore.secret_slot(RECOVERY, self._data_key(), raw)
        self.keystore.slots.append(fresh)
        self._save_keys("recovery-add")
        show(format_recovery_key(raw))
        self.keystore.slots = [
            s for s in self.keystore.slots if s.kind != RECOVERY or s.slot_id == fresh.slot_id
        ]
        self._save_keys("recovery-drop")

    def kit_text(self) -> str:
        """The recovery slot as the emergency kit prints it."""
        return kit_text_of(self.keystore)

    def rotate_key(self, passphrase: str, keyring: SecretStore | None = None) -> list[str]:
        """Re-encrypt the database under a new data key; returns what the user must know.

        Every slot but the remembered (keyring) one is carried over: the passphrase slot
        is made again, the recovery slot is wrapped for the recovery key's public half.
        Both key files first gain the new slots next to the old (`rotating_to`), then the
        database is re-keyed, then the old slots go: a crash anywhere leaves a vault that
        opens with the same passphrase and recovery key.
        """
        self.verify_passphrase(passphrase)
        legacy = [s for s in self.keystore.slots_of(RECOVERY) if s.params.get("kdf") != X25519_KDF]
        if legacy:
            raise KnownError(
                "This vault's recovery key was made by an older Dossier and cannot be carried "
                "over by a key rotation. Make a new recovery key first "
                "(dossier vault recovery-key new PATH), or unlock once with the recovery key."
            )
        engine = self.require_engine()
        new_key = os.urandom(KEY_BYTES)
        new_id = data_key_id(new_key)
        staged = Keystore(
            vault_id=self.vault_id,
            slots=list(self.keystore.slots),
            revision=self.keystore.revision,
            key_id=self.keystore.key_id,
            rotating_to=new_id,
        )
        carried = [staged.passphrase_slot(new_key, passphrase)]
        carried += [staged.rewrap_recovery(s, new_key) for s in self.keystore.slots_of(RECOVERY)]
        staged.slots += carried
        write_key_files(self.folder, staged, "rotate-staged", staged.revision + 1)
        engine.dispose()
        fresh = bytearray(new_key)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            driver = conn.connection.dbapi_connection
            keying.rekey_connection(driver, str(self.db_path), fresh)
        engine.dispose()
        crash_point("rotate:rekeyed")
        had_keyring = self.keystore.has(KEYRING)
        self.keystore = staged.for_key(new_id)
        keying.wipe(self._key)
        self._key = fresh
        self._open()
        self._save_keys("rotate-final")
        notes = [
            "The database is now encrypted under a new key. "
            "Your passphrase and recovery key still work.",
            NEW_KIT,
        ]
        if had_keyring or keyring is not None:
            if keyring is not None and keyring.available():
                keyring.delete(self.vault_id)
            if had_keyring:
                notes.append("This computer no longer remembers the vault; turn it on again.")
        return notes

    def tighten_permissions(self) -> None:
        """Folder 0700, files 0600: other accounts on the machine see nothing, not even sizes."""
        private_folder(self.folder)

    # ---- verify -----------------------------------------------------------------------
    def check_storage(
        self, *, pages_checked: bool = False, connection: Connection | None = None
    ) -> tuple[bool, bool, list[str]]:
        """SQLCipher page HMACs and SQLite structure: (cipher ok, integrity ok, problems).

        `pages_checked`: the caller has just authenticated every page of the file itself
        (`cipherpages.check_pages`, verify's first pass), which is all SQLCipher's
        `cipher_integrity_check` does (the main file's pages, not the log's), so it is not
        done twice. `connection`: run on it (another thread may interrupt it)."""
        problems: list[str] = []
        with contextlib.ExitStack() as stack:
            conn = connection or stack.enter_context(self.require_engine().connect())
            cipher = []
            if not pages_checked:
                cipher = [r[0] for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
            integrity = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            conn.execute(text("SELECT 1"))
        problems += [f"cipher: {line}" for line in cipher]
        integrity_ok = integrity == ["ok"]
        if not integrity_ok:
            problems += [f"integrity: {line}" for line in integrity]
        return not cipher, integrity_ok, problems
