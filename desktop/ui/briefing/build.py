"""Building a briefing pack off the GUI thread, with progress and cancellation.

`PackBuilder.start(work)` runs `work(progress)` on a private one-thread pool. Progress
reports travel to the GUI thread as queued signals; `cancel()` makes the next progress
report raise inside the worker, so the renderer stops early, and the result of a
cancelled or superseded build is never delivered.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop.services.briefs import Pack
from desktop.ui.background import OutcomeRelay, TaggedJob

Progress = Callable[[float], None]
PackWork = Callable[[Progress], Pack]


class BuildCancelled(Exception):
    """Raised inside the worker when the user cancelled the build."""


class _ProgressReport:
    """The progress callback handed to the renderer; it raises once the build is cancelled."""

    def __init__(self, token: int, relay: OutcomeRelay, cancelled: threading.Event) -> None:
        self._token = token
        self._relay = relay
        self._cancelled = cancelled
        self._last_percent = -1

    def __call__(self, fraction: float) -> None:
        if self._cancelled.is_set():
            raise BuildCancelled
        percent = int(fraction * 100)
        if percent != self._last_percent:  # the renderer reports per flowable: thin it out
            self._last_percent = percent
            self._relay.progressed.emit(self._token, fraction)


class PackBuilder(QObject):
    """One build at a time; only the newest build's outcome is reported."""

    progressed = Signal(float)
    built = Signal(object)  # Pack
    failed = Signal(object)  # BaseException

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = OutcomeRelay()
        self._relay.progressed.connect(self._on_progress)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._token = 0
        self._cancelled: threading.Event | None = None

    @property
    def running(self) -> bool:
        """True from `start` until its outcome is delivered or it is cancelled."""
        return self._cancelled is not None

    def start(self, work: PackWork) -> None:
        self.cancel()
        self._token += 1
        cancelled = self._cancelled = threading.Event()
        progress = _ProgressReport(self._token, self._relay, cancelled)

        def build() -> Pack:
            if cancelled.is_set():
                raise BuildCancelled
            return work(progress)

        self._pool.start(TaggedJob(self._token, build, self._relay, silent=(BuildCancelled,)))

    def cancel(self) -> None:
        """Stop the running build, if any; its result will be ignored."""
        if self._cancelled is not None:
            self._cancelled.set()
            self._cancelled = None
        self._token += 1

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (closing, tests); True when it is."""
        return self._pool.waitForDone(msecs)

    @Slot(int, float)
    def _on_progress(self, token: int, fraction: float) -> None:
        if token == self._token:
            self.progressed.emit(fraction)

    @Slot(int, object)
    def _on_finished(self, token: int, pack: object) -> None:
        if token == self._token:
            self._cancelled = None
            self.built.emit(pack)

    @Slot(int, object)
    def _on_failed(self, token: int, exc: object) -> None:
        if token == self._token:
            self._cancelled = None
            self.failed.emit(exc)
