"""Run slow work (unlock, PDF rendering, large reads) off the GUI thread.

`run_in_background(fn, on_done, on_error)` runs `fn` on Qt's global thread pool and calls
exactly one of the callbacks back on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

_pending: set[_Relay] = set()  # keep relays alive until their result is delivered


class _Relay(QObject):
    """Carries a result from the worker thread to the GUI thread (queued signal)."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_done(self, value: object) -> None:
        _pending.discard(self)
        self._on_done(value)

    @Slot(object)
    def _deliver_error(self, exc: object) -> None:
        _pending.discard(self)
        assert isinstance(exc, BaseException)
        self._on_error(exc)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            value = self._fn()
        except Exception as exc:  # handed to on_error on the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(value)


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Run `fn()` on a worker thread; its result or exception comes back on the GUI thread."""
    relay = _Relay(on_done, on_error)
    _pending.add(relay)
    QThreadPool.globalInstance().start(_Job(fn, relay))


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
