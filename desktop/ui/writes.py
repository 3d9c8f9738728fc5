"""One writer per vault: the user's writes run in order on one worker thread, never the GUI's.

While a sync import or a large attachment holds the vault's write lock, a save waits for it
(`BEGIN IMMEDIATE`, 30 s busy timeout); on the GUI thread that wait froze the window. Here a
write is an *op*, a plain function run on the queue's worker thread, strictly in the order
submitted. After each op the queue takes in the versions it wrote (`settle`, the user's edit
history; the worker thread's write journal holds only the user's writes, so a background
import is never taken for one) and hands the op's value and what it changed (`Changes`:
tables and record ids) back on the GUI thread, where the views refresh only those.

`write_queue(services)` gives the one queue of an unlocked vault's services.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop.services.history import RecordKey
from desktop.services.registry import Services

log = logging.getLogger(__name__)

Done = Callable[[Any, "Changes"], object]
Failed = Callable[[BaseException], object]


@dataclass(frozen=True)
class Changes:
    """What one op wrote: (table, record id) for every record version it stamped."""

    records: frozenset[RecordKey] = frozenset()

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(table for table, _ in self.records)

    def touches(self, kinds: Iterable[str]) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def ids(self, *kinds: str) -> frozenset[str]:
        return frozenset(record_id for table, record_id in self.records if table in kinds)


@dataclass
class _Op:
    run: Callable[[], Any]
    on_done: Done | None
    on_error: Failed | None
    value: Any = None
    error: BaseException | None = None
    changes: Changes = field(default_factory=Changes)


class WriteQueue(QObject):
    """Runs ops one after another on a worker thread; outcomes come back on the GUI thread.

    `changed(Changes)` comes before the callback of each op that wrote something (views
    refresh first; an editor's callback then selects what it saved);
    `busyChanged(bool)` tells when the first op is submitted and when the last is delivered
    (then `idle()` too).
    """

    changed = Signal(object)
    busyChanged = Signal(bool)
    idle = Signal()
    _finished = Signal()  # worker -> GUI thread (queued: emitted from the worker)

    def __init__(
        self, settle: Callable[[], frozenset[RecordKey]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._settle = settle
        self._lock = threading.Lock()
        self._waiting: deque[_Op] = deque()
        self._ran: deque[_Op] = deque()  # run, waiting to be delivered on the GUI thread
        self._worker: threading.Thread | None = None
        self._outstanding = 0  # submitted and not yet delivered (GUI thread only)
        self.delivering = False  # inside an op's callbacks (views refresh from `changed`)
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        """Whether any submitted op has not yet been delivered back."""
        return self._outstanding > 0

    def submit(
        self, run: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        """Queue `run`; `on_done(value, changes)` or `on_error(exc)` follows on this thread."""
        self._outstanding += 1
        if self._outstanding == 1:
            self.busyChanged.emit(True)
        with self._lock:
            self._waiting.append(_Op(run, on_done, on_error))
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="vault-writer", daemon=True)
                self._worker.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                if not self._waiting:
                    self._worker = None
                    return
                op = self._waiting.popleft()
            try:
                op.value = op.run()
            except Exception as exc:  # handed to on_error on the GUI thread
                op.error = exc
            try:
                op.changes = Changes(self._settle())
            except Exception:  # the history is bookkeeping: never lose the outcome over it
                log.exception("settling a write failed")
            with self._lock:
                self._ran.append(op)
            # An op's functions often hold widgets (an editor saving itself). The GUI thread
            # must drop the last reference to them: a Qt object freed on this thread stops
            # its timers from the wrong thread and can crash the app.
            del op
            self._finished.emit()

    @Slot()
    def _deliver(self) -> None:
        with self._lock:
            op = self._ran.popleft()  # one op per signal, in the order they ran
        self._outstanding -= 1
        self.delivering = True
        try:
            if op.changes.records:
                self.changed.emit(op.changes)
            if op.error is None:
                if op.on_done is not None:
                    op.on_done(op.value, op.changes)
            elif op.on_error is not None:
                op.on_error(op.error)
            else:
                log.error(
                    "a queued write failed",
                    exc_info=(type(op.error), op.error, op.error.__traceback__),
                )
        finally:  # even when a callback failed (a bug): a lock or quit waiting goes on
            self.delivering = False
            if not self._outstanding:
                self.busyChanged.emit(False)
                self.idle.emit()

    def wait(self, timeout_s: float = 60.0) -> bool:
        """Block until the worker has run every queued op (at quit); True when it has.

        Outcomes are still delivered later, through the event loop.
        """
        with self._lock:
            worker = self._worker
        if worker is None:
            return True
        worker.join(timeout_s)
        return not worker.is_alive()


_queues: weakref.WeakKeyDictionary[Services, WriteQueue] = weakref.WeakKeyDictionary()


def wait_for_writes(timeout_s: float = 60.0) -> bool:
    """Block until every queue's worker is done (tests' teardown); True when all are."""
    return all(queue.wait(timeout_s) for queue in list(_queues.values()))


def write_queue(services: Services) -> WriteQueue:
    """The one write queue of these services (one unlocked vault), made on first use."""
    queue = _queues.get(services)
    if queue is None:
        queue = _queues[services] = WriteQueue(services.history.settle)
    return queue
