"""Building a briefing pack off the GUI thread, with progress and cancellation.

`PackBuilder.start(work)` runs `work(progress)` on a private one-thread pool. Progress
reports travel to the GUI thread as queued signals; `cancel()` makes the next progress
report raise inside the worker, so the renderer stops early, and the result of a
cancelled or superseded build is never delivered.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.services.briefs import Pack

Progress = Callable[[float], None]
PackWork = Callable[[Progress], Pack]


class BuildCancelled(Exception):
    """Raised inside the worker when the user cancelled the build."""


class _Relay(QObject):
    """Created on the GUI thread; signals emitted from the worker are queued to it."""

    progressed = Signal(int, float)
    finished = Signal(int, object)
    failed = Signal(int, object)


class _BuildRun(QRunnable):
    def __init__(
        self, token: int, work: PackWork, relay: _Relay, cancelled: threading.Event
    ) -> None:
        super().__init__()
        self._token = token
        self._work = work
        self._relay = relay  # held so the relay outlives its builder while we run
        self._cancelled = cancelled
        self._last_percent = -1

    def _progress(self, fraction: float) -> None:
        if self._cancelled.is_set():
            raise BuildCancelled
        percent = int(fraction * 100)
        if percent != self._last_percent:  # the renderer reports per flowable: thin it out
            self._last_percent = percent
            self._relay.progressed.emit(self._token, fraction)

    def run(self) -> None:
        try:
            if self._cancelled.is_set():
                return
            pack = self._work(self._progress)
        except BuildCancelled:
            return
        except Exception as exc:  # delivered to the GUI thread, shown there
            self._relay.failed.emit(self._token, exc)
        else:
            self._relay.finished.emit(self._token, pack)


class PackBuilder(QObject):
    """One build at a time; only the newest build's outcome is reported."""

    progressed = Signal(float)
    built = Signal(object)  # Pack
    failed = Signal(object)  # BaseException

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
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
        self._cancelled = threading.Event()
        self._pool.start(_BuildRun(self._token, work, self._relay, self._cancelled))

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
