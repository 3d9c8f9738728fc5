"""Run slow work (unlock, PDF rendering, large reads) off the GUI thread.

`run_in_background(fn, on_done, on_error)` runs `fn` on Qt's global thread pool and calls
exactly one of the callbacks back on the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Hub(QObject):
    """Lives on the GUI thread for the whole run; every job's outcome comes back through it.

    The hub, not the job, holds each job's function and callbacks until the outcome is
    delivered. They often hold widgets (a dialog's methods), and the last reference to a
    Qt object must be dropped on the GUI thread: freed on a worker, its timers are stopped
    from the wrong thread and the app can crash.
    """

    done = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self.waiting: dict[int, tuple[Callable[[], Any], Callable[[Any], None],
                                      Callable[[BaseException], None]]] = {}  # fmt: skip
        self.tickets = itertools.count()
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    @Slot(int, object)
    def _deliver_done(self, ticket: int, value: object) -> None:
        _fn, on_done, _on_error = self.waiting.pop(ticket)
        on_done(value)

    @Slot(int, object)
    def _deliver_error(self, ticket: int, exc: object) -> None:
        _fn, _on_done, on_error = self.waiting.pop(ticket)
        assert isinstance(exc, BaseException)
        on_error(exc)


_hub: _Hub | None = None


class _Job(QRunnable):
    def __init__(self, ticket: int, fn: Callable[[], Any], hub: _Hub) -> None:
        super().__init__()
        self._ticket = ticket
        self._fn: Callable[[], Any] | None = fn
        self._hub = hub

    def run(self) -> None:
        fn, self._fn = self._fn, None  # the hub holds it too: never the last reference here
        assert fn is not None
        try:
            value = fn()
        except Exception as exc:  # handed to on_error on the GUI thread
            del fn
            self._hub.failed.emit(self._ticket, exc)
        else:
            del fn
            self._hub.done.emit(self._ticket, value)


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Run `fn()` on a worker thread; its result or exception comes back on the GUI thread."""
    global _hub
    if _hub is None:
        _hub = _Hub()
    ticket = next(_hub.tickets)
    _hub.waiting[ticket] = (fn, on_done, on_error)
    QThreadPool.globalInstance().start(_Job(ticket, fn, _hub))


def wait_for_background(timeout_ms: int = 30_000) -> bool:
    """Wait for running jobs (at shutdown and in tests); True when all finished."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


class OutcomeRelay(QObject):
    """Lives on the GUI thread; a tagged job's outcome and progress travel back through it.

    Owners that run one job at a time (newest wins) tag each job and ignore stale tags.
    """

    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, float)


class TaggedJob(QRunnable):
    """Runs `fn` and reports its outcome under `tag`; `silent` exceptions report nothing."""

    def __init__(
        self,
        tag: int,
        fn: Callable[[], Any],
        relay: OutcomeRelay,
        silent: tuple[type[BaseException], ...] = (),
    ) -> None:
        super().__init__()
        self.tag = tag
        self._fn = fn
        self._relay = relay  # held so the relay outlives its owner while the job runs
        self._silent = silent

    def run(self) -> None:
        try:
            result = self._fn()
        except self._silent:
            return
        except Exception as exc:  # handed to the owner on the GUI thread
            self._relay.failed.emit(self.tag, exc)
        else:
            self._relay.finished.emit(self.tag, result)
