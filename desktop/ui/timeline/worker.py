"""Queries that run off the GUI thread, newest wins.

A filter box fires queries as the user types; an older query may still be running when
a newer one is asked for. `LatestQuery` runs one job at a time on its own thread pool,
keeps only the newest waiting job, and delivers a result only if no newer job was
submitted meanwhile, so a slow stale query never overwrites a fresh answer. A job
submitted with `submit_stoppable` is also told when it has gone stale, so it can stop
early (the timeline's query interrupts SQLite) and let the newest job start. A job
submitted with `submit_reporting` may also hand over a first part of its answer
(`partial`), so a long answer shows its beginning at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop.ui.background import OutcomeRelay, TaggedJob

log = logging.getLogger(__name__)


class _PartRelay(QObject):
    """Carries a job's first part to the GUI thread (made there, without a parent: the
    job's closure keeps it alive while the job may still report)."""

    arrived = Signal(int, object)


class LatestQuery(QObject):
    """Run `fn` off the GUI thread; emit `done(result)` only for the newest submission
    (and `partial(first part)` before it, for jobs that report one)."""

    done = Signal(object)
    error = Signal(object)
    partial = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = OutcomeRelay()
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._generation = 0
        self._running = False
        self._waiting: Callable[[], Any] | None = None

    @property
    def busy(self) -> bool:
        return self._running or self._waiting is not None

    def submit(self, fn: Callable[[], Any]) -> None:
        self._generation += 1
        self._queue(fn)

    def submit_stoppable(self, fn: Callable[[Callable[[], bool]], Any]) -> None:
        """Like `submit`; `fn` gets a test that turns true once a newer job is submitted
        or the query is cancelled (read from the worker thread: one int comparison)."""
        self.submit_reporting(lambda stale, _report: fn(stale))

    def submit_reporting(
        self, fn: Callable[[Callable[[], bool], Callable[[object], None]], Any]
    ) -> None:
        """Like `submit_stoppable`; `fn` also gets `report(part)`, which delivers `part`
        through `partial` on the GUI thread while the job is still the newest."""
        self._generation += 1
        generation = self._generation
        relay = _PartRelay()
        relay.arrived.connect(self._on_part)
        self._queue(
            lambda: fn(
                lambda: self._generation != generation,
                lambda part: relay.arrived.emit(generation, part),
            )
        )

    def _on_part(self, generation: int, part: object) -> None:
        if generation == self._generation:
            self.partial.emit(part)

    def _queue(self, fn: Callable[[], Any]) -> None:
        if self._running:
            self._waiting = fn
        else:
            self._start(fn)

    def cancel(self) -> None:
        """Forget waiting work and drop the result of the running job."""
        self._generation += 1
        self._waiting = None

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (closing a vault, tests)."""
        self._waiting = None
        return self._pool.waitForDone(msecs)

    def _start(self, fn: Callable[[], Any]) -> None:
        self._running = True
        self._pool.start(TaggedJob(self._generation, fn, self._relay))

    def _next(self) -> bool:
        self._running = False
        if self._waiting is not None:
            fn, self._waiting = self._waiting, None
            self._start(fn)
            return True
        return False

    def _on_finished(self, generation: int, result: object) -> None:
        if not self._next() and generation == self._generation:
            self.done.emit(result)

    def _on_failed(self, generation: int, exc: object) -> None:
        if not self._next() and generation == self._generation:
            self.error.emit(exc)
