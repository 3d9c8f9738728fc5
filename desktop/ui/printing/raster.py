"""Printing page images on a worker thread, for systems with no print service for PDFs.

Each page is rendered with PDFium at the printer's resolution (capped, see
`MAX_PRINT_DPI`) and painted onto the QPrinter, off the GUI thread (Qt allows painting on
a QPrinter from a worker). Progress travels back as queued signals; `cancel()` stops the
job before its next page and aborts the print run.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot
from PySide6.QtPrintSupport import QPrinter

from desktop.ui.background import OutcomeRelay, TaggedJob
from desktop.ui.printing.pages import PdfPages, print_pages


class PrintCancelled(Exception):
    """Raised inside the worker when the user cancelled the print job."""


class RasterPrintJob(QObject):
    """One page-image print job at a time; `progressed(done, total)`, then one outcome."""

    progressed = Signal(int, int)
    finished = Signal(int)  # pages sent
    cancelled = Signal()
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
        self._total = 0
        self._stop: threading.Event | None = None
        self._printer: QPrinter | None = None

    @property
    def running(self) -> bool:
        return self._stop is not None

    def start(self, pdf: bytes, printer: QPrinter, indexes: list[int]) -> None:
        """Print pages `indexes` (from 0) of `pdf` on `printer`; `printer` must outlive it."""
        self.cancel()
        self._token += 1
        token, relay = self._token, self._relay
        stop = self._stop = threading.Event()
        self._printer = printer
        self._total = len(indexes)

        def before_page(n: int) -> None:
            if stop.is_set():
                printer.abort()
                raise PrintCancelled
            relay.progressed.emit(token, float(n))

        def run() -> int:
            pages = PdfPages(pdf)
            try:
                sent = print_pages(pages, printer, indexes, before_page)
            finally:
                pages.close()
            relay.progressed.emit(token, float(sent))
            return sent

        self._pool.start(TaggedJob(token, run, relay))

    def cancel(self) -> None:
        """Stop before the next page; `cancelled` follows once the worker has stopped."""
        if self._stop is not None:
            self._stop.set()

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    @Slot(int, float)
    def _on_progress(self, token: int, done: float) -> None:
        if token == self._token:
            self.progressed.emit(int(done), self._total)

    @Slot(int, object)
    def _on_finished(self, token: int, sent: object) -> None:
        if token == self._token:
            self._stop = None
            self._printer = None
            assert isinstance(sent, int)
            self.finished.emit(sent)

    @Slot(int, object)
    def _on_failed(self, token: int, exc: object) -> None:
        if token == self._token:
            self._stop = None
            self._printer = None
            if isinstance(exc, PrintCancelled):
                self.cancelled.emit()
            else:
                self.failed.emit(exc)
