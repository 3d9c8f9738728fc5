"""Undo that respects other people's work: a step applies only to records still as it left them.

The UI's undo steps write old field values back. After a sync import brought a colleague's
newer version of a record, doing so would silently revert their edit, and the next sync
would spread the revert. `EditHistory` remembers, for every record this device's user
changed, the version their last write left (`settle`), and `check` refuses a step when a
record it touches has since been changed by anyone else, or holds a conflict kept for review.

The user's writes run on the GUI's one write queue (`ui/writes.py`), which settles on its
worker thread after each write; writes made elsewhere on purpose for the user (a
spreadsheet import) are settled on the GUI thread. A lock keeps the two apart.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from sqlalchemy import select

from desktop.errors import KnownError
from desktop.store.journal import Written, overwritten
from desktop.store.models.sync import Peer
from desktop.store.store import Store

RecordKey = tuple[str, str]  # (table, record id)


class ChangedElsewhere(KnownError):
    """The records an undo or redo step would write have changed since; nothing was written."""


class EditHistory:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._latest: dict[RecordKey, Written] = {}
        self._lock = threading.Lock()

    def settle(self) -> frozenset[RecordKey]:
        """Take in this thread's writes since the last call; the records they touched."""
        drained = self.store.journal.drain()
        with self._lock:
            for item in drained:
                self._latest[(item.table, item.record_id)] = item
        return frozenset((item.table, item.record_id) for item in drained)

    def check(self, keys: Iterable[RecordKey]) -> None:
        """Raise `ChangedElsewhere` if any of `keys` is no longer as this user left it."""
        self.settle()  # our own writes since (outside the undo stack) are ours to build on
        with self._lock:
            written = [self._latest[key] for key in keys if key in self._latest]
        if not written:
            return
        with self.store.reading() as session:
            changed = overwritten(session, written)
            if not changed:
                return
            names = {p.device_id: p.name for p in session.execute(select(Peer)).scalars()}
        state = self.store.device()
        names[state["device_id"]] = state.get("device_name") or "this computer"
        devices = ", ".join(sorted({names.get(c.device, c.device[:8]) for c in changed}))
        raise ChangedElsewhere(
            "Not undone: the record was changed on {devices} after this step "
            "(by a sync or a conflict kept for review). Undoing would overwrite that change; "
            "edit the record instead.",
            devices=devices,
        )
