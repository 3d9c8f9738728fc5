"""Printing a PDF: handed whole to the system print service, or page images on a worker.

The print service is CUPS's `lp`, faked by a shell script on PATH (the test machine has
no printer): a real subprocess that receives the real file. It waits for a file the
GUI thread creates from a timer, so the job can only finish if the event loop keeps
running while it prints.
"""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

import pytest
from print_service import install_fake_lp
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.ui.printing.printout import PdfPrintout
from desktop.ui.printing.spool import PrintRequest, page_ranges, spool_command, system_route

TIMEOUT_MS = 30_000

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the fake lp is a shell script")


def sample_pdf(pages: int) -> bytes:
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 40)
        canvas.drawString(100, 700, f"Page {number} of the pack")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture
def fake_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return install_fake_lp(tmp_path, monkeypatch, wait=True)


def test_the_pdf_goes_to_lp_unchanged_while_the_window_stays_responsive(
    qtbot: QtBot, fake_lp: Path
) -> None:
    assert system_route() == "lp"
    window = QWidget()
    qtbot.addWidget(window)
    printout = PdfPrintout(window)
    pdf = sample_pdf(3)
    printer = QPrinter()  # no CUPS printer here: the service's default printer
    printer.setCopyCount(2)
    printer.setDocName("The-case-2026-12-04.pdf")
    printer.setOutputFileName("")
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)

    with qtbot.waitSignal(printout.done, timeout=TIMEOUT_MS) as done:
        printout.print_to(printer, pdf)
        assert printout.busy
        # The fake lp blocks until this runs on the GUI thread: the loop must keep turning.
        assert not (fake_lp / "received.pdf").exists()
        QTimer.singleShot(0, (fake_lp / "go").touch)
    assert "3" in str(done.args[0])
    assert (fake_lp / "received.pdf").read_bytes() == pdf
    args = (fake_lp / "args").read_text().splitlines()
    assert args[args.index("-t") + 1] == "The-case-2026-12-04.pdf"
    assert args[args.index("-n") + 1] == "2"
    assert not any(a.startswith("page-ranges") for a in args)  # every page: no range
    assert (fake_lp / "mode").read_text().strip() == "600"  # private while it existed
    spooled = Path((fake_lp / "path").read_text().strip())
    assert not spooled.exists() and not spooled.parent.exists()  # removed after printing
    assert not printout.busy


def test_a_page_range_goes_to_lp_as_an_option(qtbot: QtBot, fake_lp: Path) -> None:
    (fake_lp / "go").touch()
    window = QWidget()
    qtbot.addWidget(window)
    printout = PdfPrintout(window)
    pdf = sample_pdf(5)
    printer = QPrinter()
    printer.setOutputFileName("")
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setPageRanges(QPageRanges.fromString("2-3,5"))
    with qtbot.waitSignal(printout.done, timeout=TIMEOUT_MS):
        printout.print_to(printer, pdf)
    assert (fake_lp / "received.pdf").read_bytes() == pdf
    assert "page-ranges=2-3,5" in (fake_lp / "args").read_text().splitlines()


def test_a_refused_job_is_reported_in_a_sentence(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "lp").write_text("#!/bin/sh\necho 'lp: no such printer' >&2\nexit 1\n")
    (bin_dir / "lp").chmod(0o700)
    monkeypatch.setenv("PATH", str(bin_dir))
    window = QWidget()
    qtbot.addWidget(window)
    printout = PdfPrintout(window)
    printer = QPrinter()
    printer.setOutputFileName("")
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    with qtbot.waitSignal(printout.failed, timeout=TIMEOUT_MS) as failed:
        printout.print_to(printer, sample_pdf(1))
    assert "refused" in str(failed.args[0])
    assert not printout.busy


def test_without_a_print_service_pages_are_printed_as_images_with_progress(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    printout = PdfPrintout(window, route=lambda: None)
    # Qt's own PDF engine stands in for the printer device the images are painted on.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    target = tmp_path / "images.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    reported: list[tuple[int, int]] = []
    printout.raster.progressed.connect(lambda done, total: reported.append((done, total)))
    with qtbot.waitSignal(printout.done, timeout=TIMEOUT_MS) as done:
        printout.print_images(printer, sample_pdf(3), [0, 1, 2])
        assert printout.busy
        assert printout.progress is not None and printout.progress.isVisible()
    assert "3" in str(done.args[0])
    assert reported[-1] == (3, 3) and [d for d, _t in reported] == sorted(d for d, _t in reported)
    assert len(PdfReader(target).pages) == 3
    assert PdfReader(target).pages[0].extract_text() == ""  # images, not text


def test_the_page_image_job_can_be_cancelled(qtbot: QtBot, tmp_path: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    printout = PdfPrintout(window, route=lambda: None)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "images.pdf"))
    pages: list[int] = []
    printout.raster.progressed.connect(lambda done, _total: pages.append(done))
    with qtbot.waitSignal(printout.done, timeout=TIMEOUT_MS) as done:
        printout.print_images(printer, sample_pdf(40), list(range(40)))
        assert printout.progress is not None
        cancel = printout.progress.findChild(QPushButton)
        assert cancel is not None and cancel.isVisible()
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert str(done.args[0]) == "Printing stopped."
    assert not pages or max(pages) < 40
    assert not printout.busy


def test_page_ranges_and_lpr_command_lines() -> None:
    assert page_ranges([1, 2, 3, 5, 7, 8]) == "1-3,5,7-8"
    assert page_ranges([4]) == "4"
    request = PrintRequest(printer="Hall", copies=3, pages=(2,), page_count=4, two_sided=True)
    command = spool_command("lp", request, Path("/x/pack.pdf"))
    assert command[1:7] == ["-n", "3", "-t", "Dossier", "-d", "Hall"]
    assert command[-2:] == ["--", "/x/pack.pdf"]
    command = spool_command("lpr", request, Path("/x/pack.pdf"))
    assert command[1:] == [
        "-#", "3", "-T", "Dossier", "-P", "Hall",
        "-o", "page-ranges=2", "-o", "sides=two-sided-long-edge", "/x/pack.pdf",
    ]  # fmt: skip
