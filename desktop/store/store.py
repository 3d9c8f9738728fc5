"""The unit of work over an unlocked vault: read sessions and write transactions.

`Store.writing()` yields a `ChangeWriter` inside one transaction; the device's write
counter and clock are loaded at its start and saved with its commit, so a crash loses the
whole transaction or nothing.
"""

from __future__ import annotations

import platform
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.changes import ChangeWriter, live_record
from desktop.store.engine import WRITES
from desktop.store.journal import WriteJournal
from desktop.store.models import DeviceState, Synced
from desktop.store.records import view
from desktop.store.stamping import Stamper
from desktop.store.vault import Vault

R = TypeVar("R")


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
            yield session
        finally:
            session.close()

    @contextmanager
    def writing(self) -> Iterator[ChangeWriter]:
        session = self.vault.session()
        try:
            with session.begin():
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
