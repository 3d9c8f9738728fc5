"""Handing a PDF to the system print service, as the PDF itself (never page images).

CUPS (Linux, macOS) takes the file through `lp` (or `lpr`) with the printer, the copies,
the page ranges and the sides the user chose; Windows hands it to the program registered
for PDFs through the shell's "print" verb. The PDF holds case content, so the copy the
print service reads lives in a private folder (0700, file 0600) that is removed as soon
as the service has its own copy. Nothing here imports Qt: it runs on a worker thread.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.errors import KnownError

log = logging.getLogger(__name__)

LP_TIMEOUT_S = 120
# The shell verb returns at once while the PDF program opens the file later: keep it a while.
SHELL_KEEP_S = 300


@dataclass(frozen=True)
class PrintRequest:
    """What the user chose in the print dialog, in the print service's terms."""

    printer: str = ""  # empty: the system's default printer
    copies: int = 1
    pages: tuple[int, ...] = ()  # from 1; empty: every page
    page_count: int = 0
    two_sided: bool = False
    title: str = "Dossier"


def page_ranges(pages: Sequence[int]) -> str:
    """ "1-3,5,7-8" for [1, 2, 3, 5, 7, 8] (the CUPS page-ranges syntax)."""
    parts: list[str] = []
    ordered = sorted(set(pages))
    start = previous = ordered[0] if ordered else 0
    for number in [*ordered[1:], 0]:  # 0 closes the last run
        if number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        start = previous = number
    return ",".join(parts) if ordered else ""


def system_route() -> str | None:
    """ "lp", "lpr" or "shell" where the system can print a PDF file; None otherwise."""
    if sys.platform == "win32":
        return "shell"
    for command in ("lp", "lpr"):
        if shutil.which(command):
            return command
    return None


def spool_command(route: str, request: PrintRequest, path: Path) -> list[str]:
    """The `lp` / `lpr` command line that prints `path` as `request` says."""
    program = shutil.which(route) or route
    options: list[str] = []
    every_page = not request.pages or len(set(request.pages)) == request.page_count
    if not every_page:
        options += ["-o", f"page-ranges={page_ranges(request.pages)}"]
    if request.two_sided:
        options += ["-o", "sides=two-sided-long-edge"]
    copies = str(max(1, request.copies))
    if route == "lp":
        head = [program, "-n", copies, "-t", request.title]
        if request.printer:
            head += ["-d", request.printer]
        return [*head, *options, "--", str(path)]
    head = [program, "-#", copies, "-T", request.title]
    if request.printer:
        head += ["-P", request.printer]
    return [*head, *options, str(path)]


@contextlib.contextmanager
def private_copy(pdf: bytes, keep_s: float = 0.0) -> Iterator[Path]:
    """`pdf` written to a fresh 0600 file in a fresh 0700 folder, removed afterwards
    (at once, or `keep_s` seconds later for a reader that opens it after we return)."""
    folder = Path(tempfile.mkdtemp(prefix="dossier-print-"))  # 0700, this account only
    path = folder / "pack.pdf"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pdf)
        yield path
    finally:
        if keep_s > 0:
            timer = threading.Timer(keep_s, shutil.rmtree, (folder,), {"ignore_errors": True})
            timer.daemon = True
            timer.start()
        else:
            shutil.rmtree(folder, ignore_errors=True)


def send_to_print_service(pdf: bytes, request: PrintRequest, route: str) -> None:
    """Give `pdf` to the print service; returns once the service has taken it.

    Raises KnownError when the service refuses it (no such printer, service stopped).
    """
    if route == "shell":
        _print_with_shell(pdf)
        return
    with private_copy(pdf) as path:
        command = spool_command(route, request, path)
        try:
            done = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=LP_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise KnownError("The print service did not answer.") from exc
        except OSError as exc:
            raise KnownError("The print service could not be started.") from exc
    if done.returncode != 0:
        # stderr may echo the job title; log only the status.
        log.warning("%s refused the print job (exit status %s)", route, done.returncode)
        raise KnownError("The print service refused the job. Check the printer and try again.")
    log.info("print job handed to %s", route)


def _print_with_shell(pdf: bytes) -> None:
    """Windows: the program registered for PDFs prints to the default printer."""
    with private_copy(pdf, keep_s=SHELL_KEEP_S) as path:
        try:
            os.startfile(path, "print")  # type: ignore[attr-defined]  # Windows only
        except OSError as exc:
            raise NoPrintService from exc


class NoPrintService(KnownError):
    """No program takes a PDF to print (the caller then prints page images itself)."""

    def __init__(self) -> None:
        super().__init__("No program on this computer prints PDF files.")
