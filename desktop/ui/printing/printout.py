"""Printing a PDF the user asked to print, without ever holding up the window.

`PdfPrintout.ask()` opens the print dialog; `print_to(printer)` then takes one of three
routes, each off the GUI thread:

- "Print to file": the chosen pages of the PDF itself are written to that file;
- a system print service (CUPS `lp`/`lpr`, the Windows shell's print verb): the PDF
  itself is handed over, vector text and all, with the printer, copies and page ranges;
- otherwise (or when Windows has no program that prints PDFs): page images rendered at
  the printer's resolution, with a progress dialog and Cancel.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from desktop.durable import write_atomically
from desktop.errors import KnownError
from desktop.ui.background import run_in_background
from desktop.ui.printing.pages import chosen_pages
from desktop.ui.printing.raster import RasterPrintJob
from desktop.ui.printing.spool import (
    NoPrintService,
    PrintRequest,
    send_to_print_service,
    system_route,
)

log = logging.getLogger(__name__)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def pages_of(pdf: bytes, indexes: list[int]) -> bytes:
    """A PDF holding only pages `indexes` (from 0) of `pdf`; `pdf` itself when all are kept."""
    reader = PdfReader(io.BytesIO(pdf))
    if indexes == list(range(len(reader.pages))):
        return pdf
    writer = PdfWriter()
    for index in indexes:
        writer.add_page(reader.pages[index])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class PdfPrintout(QObject):
    """Prints one PDF at a time for `parent`; reports through `done` or `failed`."""

    done = Signal(str)  # a sentence for the status line
    failed = Signal(object)  # BaseException, for show_error

    def __init__(self, parent: QWidget, route: Callable[[], str | None] = system_route) -> None:
        super().__init__(parent)
        self._parent = parent
        self._route = route
        self._pdf = b""
        self._printer: QPrinter | None = None
        self._dialog: QPrintDialog | None = None
        self.progress: QProgressDialog | None = None
        self.raster = RasterPrintJob(self)
        self.raster.progressed.connect(self._on_raster_progress)
        self.raster.finished.connect(lambda sent: self._finish(self._sent_text(sent)))
        self.raster.cancelled.connect(lambda: self._finish(self.tr("Printing stopped.")))
        self.raster.failed.connect(self._fail)
        self._busy = False

    @property
    def busy(self) -> bool:
        """True from `print_to` until `done` or `failed`."""
        return self._busy

    def ask(
        self,
        pdf: bytes,
        doc_name: str,
        paper: QPageSize.PageSizeId = QPageSize.PageSizeId.A4,
        current: int = -1,
        on_accept: Callable[[QPrinter], None] | None = None,
    ) -> QPrintDialog:
        """Open the print dialog (window-modal); when the user accepts, print `pdf` (or call
        `on_accept` with the chosen printer, for an owner that shows its own state)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(doc_name)
        printer.setFullPage(True)  # the PDF pages carry their own margins
        printer.setPageSize(QPageSize(paper))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        dialog = QPrintDialog(printer, self._parent)
        dialog.setMinMax(1, max(1, page_count(pdf)))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, current >= 0)
        if on_accept is None:
            dialog.accepted.connect(lambda: self.print_to(printer, pdf, current))
        else:
            dialog.accepted.connect(lambda: on_accept(printer))
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        QDialog.open(dialog)  # QPrintDialog.open() is typed as the (receiver, slot) overload
        return dialog

    def print_to(self, printer: QPrinter, pdf: bytes, current: int = -1) -> None:
        """Print the pages chosen on `printer`; returns at once, the work runs on a worker."""
        if self._busy:
            return
        count = page_count(pdf)
        indexes = chosen_pages(printer, count, current)
        if not indexes:
            self.done.emit(self.tr("No pages were chosen."))
            return
        self._busy = True
        self._pdf, self._printer = pdf, printer
        target = printer.outputFileName()
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target:
            self._show_progress(self.tr("Saving the pages…"), 0, cancellable=False)

            def save() -> int:
                write_atomically(Path(target), pages_of(pdf, indexes))
                return len(indexes)

            run_in_background(
                save,
                lambda sent: self._finish(
                    self.tr("Saved %1 pages to %2.").replace("%1", str(sent)).replace("%2", target)
                ),
                self._fail_saving,
            )
            return
        route = self._route()
        if route is None:
            self._busy = False
            self.print_images(printer, pdf, indexes)
            return
        request = PrintRequest(
            printer=printer.printerName(),
            copies=printer.copyCount(),
            pages=tuple(i + 1 for i in indexes),
            page_count=count,
            two_sided=printer.duplex() != QPrinter.DuplexMode.DuplexNone,
            title=printer.docName() or "Dossier",
        )
        self._show_progress(self.tr("Sending the pages to the printer…"), 0, cancellable=False)

        def spooled(_none: object) -> None:
            self._finish(self._sent_text(len(indexes)))

        def refused(exc: BaseException) -> None:
            if isinstance(exc, NoPrintService):
                self._busy = False
                self.print_images(printer, pdf, indexes)
            else:
                self._fail(exc)

        run_in_background(lambda: send_to_print_service(pdf, request, route), spooled, refused)

    def print_images(self, printer: QPrinter, pdf: bytes, indexes: list[int]) -> None:
        """Print pages `indexes` (from 0) as images rendered on a worker, with a progress
        dialog whose Cancel stops before the next page. For systems with no print service."""
        if self._busy:
            return
        self._busy = True
        self._pdf, self._printer = pdf, printer
        log.info("no print service takes PDFs here: printing page images")
        self._show_progress(self.tr("Printing…"), len(indexes), cancellable=True)
        self.raster.start(pdf, printer, indexes)

    def cancel(self) -> None:
        """Stop a page-image job before its next page (a spooled PDF cannot be recalled)."""
        self.raster.cancel()

    def wait(self, msecs: int = 30_000) -> bool:
        return self.raster.wait(msecs)

    # -- internals -----------------------------------------------------------------------

    def _show_progress(self, label: str, steps: int, cancellable: bool) -> None:
        self._close_progress()
        progress = QProgressDialog(label, self.tr("Cancel"), 0, steps, self._parent)
        progress.setObjectName("printProgress")
        progress.setWindowTitle(self.tr("Printing"))
        progress.setAccessibleName(self.tr("Printing progress"))
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        if cancellable:
            progress.canceled.connect(self.cancel)
        else:
            progress.setCancelButton(None)
        progress.setValue(0)
        progress.open()  # window-modal: the window repaints, its controls wait
        self.progress = progress

    def _on_raster_progress(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is not None:  # setValue of a modal progress dialog runs the event loop
            progress.setLabelText(
                self.tr("Printing page %1 of %2…")
                .replace("%1", str(min(done + 1, total)))
                .replace("%2", str(total))
            )
            progress.setValue(done)

    def _sent_text(self, sent: int) -> str:
        return self.tr("Sent %1 pages to the printer.").replace("%1", str(sent))

    def _finish(self, message: str) -> None:
        self._close_progress()
        self._busy = False
        self._printer = None
        self._pdf = b""
        self.done.emit(message)

    def _fail_saving(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            log.warning("printing to a file failed: %s", exc.strerror)
            exc = KnownError(self.tr("The pages could not be saved to that file."))
        self._fail(exc)

    def _fail(self, exc: BaseException) -> None:
        self._close_progress()
        self._busy = False
        self._printer = None
        self._pdf = b""
        self.failed.emit(exc)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
