"""The unit of work over an unlocked vault: read sessions and write transactions.

`Store.writing()` yields a `ChangeWriter` inside one transaction; the device's write
counter and clock are loaded at its start and saved with its commit, so a crash loses the
whole transaction or nothing.

A page that fails SQLCipher's authentication (or any corruption SQLite reports) ends a
read or a write with `VaultDamaged`, a plain sentence pointing to `vault verify` and
`vault salvage`, rather than a bug report: the transaction is rolled back as usual.
"""

from __future__ import annotations

import platform
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from desktop.errors import KnownError
from desktop.store.changes import ChangeWriter, live_record
from desktop.store.engine import WRITES
from desktop.store.journal import WriteJournal
from desktop.store.models import DeviceState, Synced
from desktop.store.records import view
from desktop.store.stamping import Stamper
from desktop.store.vault import Vault, VaultDamaged

R = TypeVar("R")

DAMAGED = (
    "The vault is damaged: part of its database cannot be read. Nothing was changed. "
    "Run `dossier vault verify` on it to see what is affected, then `dossier vault salvage` "
    "to copy what can be read into a new vault."
)
_CORRUPT = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB (what a page failing its HMAC reports)
_FULL = 13  # SQLITE_FULL: "database or disk is full"
DISK_FULL = (
    "The disk that holds the vault is full; free some space, then try again. Nothing was saved."
)


class DiskFull(KnownError):
    """The vault's disk refused a write; the transaction was rolled back."""


def is_disk_full(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    return code == _FULL or "database or disk is full" in str(orig)


def is_damage(exc: BaseException) -> bool:
    """Whether a database error means a damaged file rather than a bug."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    text = str(orig.args[0]) if getattr(orig, "args", None) else ""
    return code in _CORRUPT or text in (
        "database disk image is malformed",
        "file is not a database",
    )


UNDECODABLE = (
    "A record in this vault holds text that is not valid Unicode (written by another tool, "
    "or damaged). Run `dossier vault verify` on it to find the record, then "
    "`dossier vault salvage` to copy everything else into a new vault."
)


@contextmanager
def _damage_is_known() -> Iterator[None]:
    try:
        yield
    except DatabaseError as exc:
        if is_damage(exc):
            raise VaultDamaged(DAMAGED) from None
        if is_disk_full(exc):
            raise DiskFull(DISK_FULL) from None
        if str(getattr(exc, "orig", exc)).startswith("Could not decode to UTF-8"):
            raise VaultDamaged(UNDECODABLE) from None  # the driver's message quotes the text
        raise


def read_state(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.execute(select(DeviceState)).scalars()}


def write_state(session: Session, values: dict[str, str]) -> None:
    for key, value in values.items():
        session.merge(DeviceState(key=key, value=value))


class Store:
    def __init__(
        self, vault: Vault, actor: str = "", now_ns: Callable[[], int] = time.time_ns
    ) -> None:
        self.vault = vault
        self.actor = actor
        self.now_ns = now_ns  # the wall clock behind HLC stamps (tests skew it)
        self.journal = WriteJournal()  # what this thread's committed writes left (for undo)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        session = self.vault.read_session()
        try:
            with _damage_is_known():
                yield session
        finally:
            session.close()

    @contextmanager
    def writing(self) -> Iterator[ChangeWriter]:
        session = self.vault.session()
        try:
            with _damage_is_known(), session.begin():
                session.connection(execution_options={WRITES: True})  # BEGIN IMMEDIATE
                state = self.ensure_device(session)
                stamper = Stamper(
                    state["device_id"], int(state["counter"]), state["hlc"], now_ns=self.now_ns
                )
                writer = ChangeWriter(session, stamper, self.actor)
                yield writer
                write_state(session, {"counter": str(stamper.counter), "hlc": stamper.last_hlc})
            self.journal.record(writer.written)  # only once committed
        finally:
            session.close()

    @staticmethod
    def ensure_device(session: Session) -> dict[str, str]:
        state = read_state(session)
        if "device_id" not in state:
            state = {
                "device_id": str(uuid.uuid4()),
                "device_name": platform.node() or "this computer",
                "counter": "0",
                "hlc": "",
            }
            write_state(session, state)
            session.flush()
        return state

    def device(self) -> dict[str, str]:
        session = self.vault.session()  # may create the device's identity: a write
        try:
            with session.begin():
                return dict(self.ensure_device(session))
        finally:
            session.close()

    # One-record changes, each in its own transaction (the services' edit/delete/undo).
    def update(
        self, model: type[Synced], record_id: str, values: dict[str, object]
    ) -> dict[str, Any]:
        with self.writing() as w:
            return w.update(model, record_id, **values)

    def delete(self, model: type[Synced], record_id: str) -> None:
        with self.writing() as w:
            w.delete(model, record_id)

    def restore(self, model: type[Synced], record_id: str) -> None:
        with self.writing() as w:
            w.restore(model, record_id)

    def fetch(self, model: type[Synced], record_type: type[R], record_id: str) -> R:
        """The live record `record_id` as plain data; RecordMissing when gone."""
        with self.reading() as session:
            return view(record_type, live_record(session, model, record_id))
