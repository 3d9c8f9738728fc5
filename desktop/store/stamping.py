"""Per-write sync metadata: this device's counter, version vectors, hybrid-logical-clock stamps.

Every write takes the next counter of this device (its "dot"), merges the previous
version vector with that dot, and takes a clock stamp. Stamps and vectors are the core's
`HlcStamp` and `VersionVector`, so the store and sync share one text form:
`HlcStamp.format()` (`<unix ms, 13 digits>-<logical, 5 digits>-<device>`, sorts as text)
and `VersionVector.to_json()` (canonical JSON).

It also guards the device id. A vault copied to another folder or machine, or restored
from a backup, would otherwise reuse this device's counters: two different versions with
one dot. `claim_installation` compares the database file's identity (its inode) with the
one recorded inside the database; when they differ the vault is a copy and takes a fresh
device id before its first write. See `claim_installation` for the limits of that check.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.core.clock import HlcStamp, HybridClock
from desktop.core.vectors import VersionVector
from desktop.store.models import DeviceState

INSTALL_MARKER = "install_marker"
IDENTITY_KEY = "sync_identity"
PREVIOUS_IDS = "previous_device_ids"
KNOWLEDGE_KEY = "sync_knowledge"


def vv_text(vector: Mapping[str, int]) -> str:
    """The canonical text of a version vector."""
    return VersionVector(vector).to_json()


def vv_parse(text: str) -> dict[str, int]:
    """A version vector's text as a plain dict (`{}` for empty text); `ValueError` if bad."""
    return dict(VersionVector.from_json(text)) if text else {}


def utc_now_text() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class WriteStamp:
    device: str
    counter: int
    hlc: str
    at: str


class Stamper:
    """Hands out stamps for local writes; the caller persists `counter` and `last_hlc`."""

    def __init__(
        self,
        device: str,
        counter: int,
        last_hlc: str,
        now_ns: Callable[[], int] = time.time_ns,
    ) -> None:
        self.device = device
        self.counter = counter
        self._now_ns = now_ns
        self._clock = self._clock_for(device, last_hlc)

    def _clock_for(self, device: str, last_hlc: str) -> HybridClock:
        last = HlcStamp.parse(last_hlc) if last_hlc else None
        if last is not None and last.device != device:
            last = HlcStamp(last.wall_ms, last.counter, device)
        return HybridClock(device, self._now_ns, last=last)

    @property
    def last_hlc(self) -> str:
        last = self._clock.last
        return last.format() if last.wall_ms else ""

    def next(self) -> WriteStamp:
        self.counter += 1
        return WriteStamp(self.device, self.counter, self._clock.tick().format(), utc_now_text())

    def observe(self, remote_hlc: str) -> None:
        """Move the clock past a stamp seen in an imported bundle.

        Raises `ClockSkewError` (a `ValueError`) when the stamp is too far in the future.
        """
        self._clock.observe(HlcStamp.parse(remote_hlc))

    def become(self, device: str) -> None:
        """Continue as a new device id: counters restart, the clock keeps its time."""
        self._clock = self._clock_for(device, self.last_hlc)
        self.device = device
        self.counter = 0


def file_marker(db_path: Path) -> str:
    """What identifies this database file on this machine: its inode ("" when unknown)."""
    try:
        inode = os.stat(db_path).st_ino
    except OSError:
        return ""
    return str(inode) if inode else ""


def claim_installation(session: Session, db_path: Path, stamper: Stamper) -> bool:
    """Give a copied or restored vault a new device id before it writes; True if it did.

    The database records the inode of its own file. A copy (another folder, another
    machine) or a backup restored as a new file has another inode, so it takes a fresh
    device id, and the sync identity (keys) is dropped so that the sync layer makes a new
    one: the copy is a new device and must be paired. Renaming or moving the folder within
    one file system keeps the inode and the id. Limits: a backup copied *over* the existing
    file in place keeps the inode and is not detected; on file systems without stable
    inodes (st_ino 0) the check is skipped.
    """
    marker = file_marker(db_path)
    if not marker:
        return False
    state = {
        row.key: row.value
        for row in session.execute(
            select(DeviceState).where(DeviceState.key.in_([INSTALL_MARKER, PREVIOUS_IDS]))
        ).scalars()
    }
    recorded = state.get(INSTALL_MARKER)
    if recorded == marker:
        return False
    session.merge(DeviceState(key=INSTALL_MARKER, value=marker))
    if recorded is None:
        return False
    previous = [p for p in state.get(PREVIOUS_IDS, "").split(",") if p]
    new_id = str(uuid.uuid4())
    session.merge(DeviceState(key=PREVIOUS_IDS, value=",".join([*previous, stamper.device])))
    # The copy still holds every change the old id made: keep that in what it knows.
    known = session.get(DeviceState, KNOWLEDGE_KEY)
    vector = VersionVector.from_json(known.value) if known else VersionVector()
    vector = vector.merge(VersionVector({stamper.device: stamper.counter}))
    session.merge(DeviceState(key=KNOWLEDGE_KEY, value=vector.to_json()))
    session.merge(DeviceState(key="device_id", value=new_id))
    session.execute(delete(DeviceState).where(DeviceState.key == IDENTITY_KEY))
    stamper.become(new_id)
    session.flush()
    return True
