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
    """Lives on the GUI thread for the whole run and keeps what every job holds.

    A job's function and callbacks often hold widgets (a dialog's methods), and the last
    reference to a Qt object must be dropped on the GUI thread: freed on a worker, its
    timers are stopped from the wrong thread and the app can crash. So the hub holds them
    from the job's start until the worker, having dropped its own references, says it
    let go (`released`, always after the job's outcome).
    """

    done = Signal(int, object)
    failed = Signal(int, object)
    released = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[int, tuple[Any, ...]] = {}
        self.tickets = itertools.count()
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)
        self.released.connect(self._release)

    def keep(self, *held: object) -> int:
        ticket = next(self.tickets)
        self.kept[ticket] = held
        return ticket

    @Slot(int, object)
    def _deliver_done(self, ticket: int, value: object) -> None:
        _fn, on_done, _on_error = self.kept[ticket]
        on_done(value)

    @Slot(int, object)
    def _deliver_error(self, ticket: int, exc: object) -> None:
        _fn, _on_done, on_error = self.kept[ticket]
        assert isinstance(exc, BaseException)
        on_error(exc)

    @Slot(int)
    def _release(self, ticket: int) -> None:
        del self.kept[ticket]


_hub: _Hub | None = None


def _the_hub() -> _Hub:
    global _hub
    if _hub is None:
        _hub = _Hub()
    return _hub


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], hub: _Hub, ticket: int) -> None:
        super().__init__()
        self._fn: Callable[[], Any] | None = fn
        self._hub = hub
        self._ticket = ticket

    def run(self) -> None:
        fn, self._fn = self._fn, None  # the hub holds it too, until `released`
        assert fn is not None
        try:
            value = fn()
        except Exception as exc:  # handed to on_error on the GUI thread
            self._hub.failed.emit(self._ticket, exc)
        else:
            self._hub.done.emit(self._ticket, value)
        finally:
            del fn
            self._hub.released.emit(self._ticket)


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Run `fn()` on a worker thread; its result or exception comes back on the GUI thread."""
    hub = _the_hub()
    QThreadPool.globalInstance().start(_Job(fn, hub, hub.keep(fn, on_done, on_error)))


def wait_for_background(timeout_ms: int = 30_000) -> bool:
    """Wait for running jobs (at shutdown and in tests); True when all finished."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


class StageReports(QObject):
    """Carries a job's progress (stage, done, total) from its worker thread to a dialog,
    queued. Made without a parent: the job's closure keeps it while it runs."""

    reported = Signal(str, int, int)


class OutcomeRelay(QObject):
    """Lives on the GUI thread; a tagged job's outcome and progress travel back through it.

    Owners that run one job at a time (newest wins) tag each job and ignore stale tags.
    """

    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, float)


class TaggedJob(QRunnable):
    """Runs `fn` and reports its outcome under `tag`; `silent` exceptions report nothing.

    Made on the GUI thread. The hub keeps `fn` and the relay (so the relay outlives its
    owner while the job runs) until the worker has let go of them.
    """

    def __init__(
        self,
        tag: int,
        fn: Callable[[], Any],
        relay: OutcomeRelay,
        silent: tuple[type[BaseException], ...] = (),
    ) -> None:
        super().__init__()
        self.tag = tag
        self._fn: Callable[[], Any] | None = fn
        self._relay: OutcomeRelay | None = relay
        self._silent = silent
        self._hub = _the_hub()
        self._ticket = self._hub.keep(fn, relay)

    def run(self) -> None:
        fn, relay = self._fn, self._relay
        self._fn = self._relay = None
        assert fn is not None and relay is not None
        try:
            result = fn()
        except self._silent:
            pass
        except Exception as exc:  # handed to the owner on the GUI thread
            relay.failed.emit(self.tag, exc)
        else:
            relay.finished.emit(self.tag, result)
        finally:
            del fn, relay
            self._hub.released.emit(self._ticket)
