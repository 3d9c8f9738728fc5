"""The "Briefing pack" dialog: options, a preview built off the GUI thread, save and print.

The pack is built by `services.briefs.build` on a worker thread; the preview renders the
resulting bytes with PDFium straight from memory. Saving writes exactly the previewed
bytes; printing hands the same bytes to the system print service (desktop.ui.printing),
off the GUI thread. Any change of an
option drops the preview, so what is saved or printed is always what the options say.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QPageSize, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.briefing.model import BriefingOptions
from desktop.durable import write_atomically
from desktop.errors import KnownError, SystemReason, ValidationError
from desktop.services.briefs import Pack
from desktop.services.registry import Services
from desktop.ui.briefing.build import PackBuilder, Progress
from desktop.ui.briefing.clearance import ExhibitClearance
from desktop.ui.briefing.options import BriefingOptionsForm
from desktop.ui.briefing.preview import PagePreview
from desktop.ui.i18n import current_language
from desktop.ui.messages import show_error
from desktop.ui.printing.pages import PdfPages
from desktop.ui.printing.printout import PdfPrintout
from desktop.ui.writes import write_queue

log = logging.getLogger(__name__)

PROGRESS_STEPS = 1000
PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def pack_file_name(case_title: str, generated_on: dt.date) -> str:
    """A file name from the case title and the date: "The-death-of-…-2024-05-01.pdf"."""
    words = re.findall(r"\w+", case_title)
    stem = "-".join(words)[:60].strip("-") or "briefing-pack"
    return f"{stem}-{generated_on.isoformat()}.pdf"


class BriefingDialog(QDialog):
    """Choose the options of a case's briefing pack, preview it, save it or print it."""

    def __init__(self, services: Services, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingDialog")
        self._services = services
        self._case_id = case_id
        self._case_title = services.cases.get_case(case_id).title
        self._pack: Pack | None = None
        self._waiting_for_writes = False  # a build waits for queued changes to land
        self._pack_options: BriefingOptions | None = None
        self._print_dialog: QPrintDialog | None = None
        self.printout = PdfPrintout(self)
        self.printout.done.connect(self._on_printed)
        self.printout.failed.connect(self._on_print_failed)
        self.setWindowTitle(self.tr("Briefing pack — %1").replace("%1", self._case_title))

        self.builder = PackBuilder(self)
        self.builder.progressed.connect(self._on_progress)
        self.builder.built.connect(self._on_built)
        self.builder.failed.connect(self._on_failed)

        self.form = BriefingOptionsForm(current_language(), self)
        self.form.period.start_at(services.timeline.day_span(case_id))
        self.form.changed.connect(self._on_options_changed)
        self.clearance = ExhibitClearance(services, case_id, self)
        self.clearance.changed.connect(self._on_options_changed)
        self.form.redaction.currentIndexChanged.connect(
            lambda: self.clearance.set_profile(str(self.form.redaction.currentData()))
        )
        clearance_box = QGroupBox(self.tr("Exhibits cleared for this pr&ofile"), self)
        clearance_layout = QVBoxLayout(clearance_box)
        clearance_layout.addWidget(self.clearance)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.form)
        left_column.addWidget(clearance_box)
        form_scroll = QScrollArea(self)
        form_scroll.setWidget(left)
        form_scroll.setWidgetResizable(True)
        form_scroll.setMinimumWidth(360)
        # The pane wraps and narrows its rows rather than hide fields behind a scroll bar.
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll = form_scroll

        self.preview = PagePreview(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setAccessibleName(self.tr("Building the pack"))
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Pack status"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.preview_button = QPushButton(self.tr("&Preview"), self)
        self.preview_button.setAccessibleName(self.tr("Preview"))
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.build_preview)
        self.stop_button = QPushButton(self.tr("S&top"), self)
        self.stop_button.setAccessibleName(self.tr("Stop building"))
        self.stop_button.clicked.connect(self.stop_build)
        self.save_button = QPushButton(self.tr("&Save as…"), self)
        self.save_button.setAccessibleName(self.tr("Save as"))
        self.save_button.setToolTip(self.tr("Save the pack as a PDF file (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_as)
        self.print_button = QPushButton(self.tr("P&rint…"), self)
        self.print_button.setAccessibleName(self.tr("Print"))
        self.print_button.setToolTip(self.tr("Print the pack (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_pack)
        close_button = QPushButton(self.tr("Close"), self)
        close_button.setAccessibleName(self.tr("Close"))
        close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_as)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_pack)

        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close_button)
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.preview, 1)
        right_column.addWidget(self.progress)
        right_column.addWidget(self.status)
        splitter = QSplitter(self)
        splitter.addWidget(form_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([430, 850])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1100, 760)
        self._update_buttons()

    # -- state -----------------------------------------------------------------------

    @property
    def pack(self) -> Pack | None:
        """The previewed pack, or None when there is none (not built, or options changed)."""
        return self._pack

    @property
    def pack_options(self) -> BriefingOptions | None:
        """The options the previewed pack was built with."""
        return self._pack_options

    def options(self) -> BriefingOptions:
        """The options as entered, dated today; raises ValidationError."""
        return self.form.options(dt.date.today())

    def _printed_title(self) -> str:
        """The case title as the pack prints it: a redacted pack's file and print-job names
        must not carry a protected name the case title holds."""
        return self._pack.briefing.title if self._pack is not None else self._case_title

    def default_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        on = self._pack_options.generated_on if self._pack_options else dt.date.today()
        return Path(folder or Path.home()) / pack_file_name(self._printed_title(), on)

    # -- building --------------------------------------------------------------------

    def build_preview(self) -> None:
        """Build the pack with the current options off the GUI thread, then preview it."""
        options = self.form.checked_options(dt.date.today())
        if options is None:
            return
        services, case_id = self._services, self._case_id
        writes = write_queue(services)
        if writes.busy:  # a change still on its way into the vault belongs in the pack
            if not self._waiting_for_writes:  # asked twice: one build all the same
                self._waiting_for_writes = True
                once = Qt.ConnectionType.SingleShotConnection
                writes.idle.connect(self._build_after_writes, once)
            self.status.setText(self.tr("Building once the last change is saved…"))
            return
        self._drop_pack(self.tr("Building the pack…"))

        def work(progress: Progress) -> Pack:
            return services.briefs.build(case_id, options, progress)

        self._pack_options = options
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Building the pack…"))
        self.builder.start(work)
        self._update_buttons()

    def _build_after_writes(self) -> None:
        self._waiting_for_writes = False
        self.build_preview()

    def stop_build(self) -> None:
        """Stop a running build; whatever it produces is ignored."""
        if not self.builder.running:
            return
        self.builder.cancel()
        self._pack_options = None
        self.progress.hide()
        self.preview.clear(self.tr("Stopped. Press Preview to build the pack."))
        self.status.setText(self.tr("Stopped."))
        self._update_buttons()

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(round(max(0.0, min(fraction, 1.0)) * PROGRESS_STEPS))

    def _on_built(self, pack: object) -> None:
        assert isinstance(pack, Pack)
        self.progress.hide()
        self._pack = pack
        self.preview.show_pages(PdfPages(pack.pdf))
        status = (
            self.tr("%1 pages · SHA-256 %2")
            .replace("%1", str(pack.pages))
            .replace("%2", pack.sha256)
        )
        if pack.redaction_check is not None:
            status += "\n" + (
                self.tr("Redaction check: %1 forms of %2 protected people, none found.")
                .replace("%1", str(pack.redaction_check.forms))
                .replace("%2", str(pack.redaction_check.people))
            )
        if pack.uncleared:
            status += "\n" + self.tr(
                "%1 attachment(s) left out: not cleared for this profile."
            ).replace("%1", str(pack.uncleared))
        self.status.setText(status)
        self._update_buttons()

    def _on_failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self.progress.hide()
        self._pack_options = None
        self.preview.clear(self.tr("The pack could not be built."))
        self.status.setText("")
        self._update_buttons()
        if isinstance(exc, ValidationError):
            self.form.show_error(exc)
        else:
            show_error(self, exc)

    def _on_options_changed(self) -> None:
        self.form.checked_options(dt.date.today())  # shows or clears errors as you type
        if self.builder.running or self._pack is not None:
            self.builder.cancel()
            self.progress.hide()
            self._drop_pack(self.tr("The options changed. Press Preview to rebuild the pack."))
            self.status.setText("")
        self._update_buttons()

    def _drop_pack(self, message: str) -> None:
        self._pack = None
        self._pack_options = None
        self.preview.clear(message)

    def _update_buttons(self) -> None:
        has_pack = self._pack is not None
        self.save_button.setEnabled(has_pack)
        self.print_button.setEnabled(has_pack and not self.printout.busy)
        self.stop_button.setEnabled(self.builder.running)
        self.preview_button.setEnabled(not self.form.visible_errors())

    # -- saving ----------------------------------------------------------------------

    def save_as(self) -> None:
        """Ask where to save the previewed pack, then write it."""
        if self._pack is None:
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the briefing pack"),
            str(self.default_path()),
            self.tr("PDF documents (*.pdf)"),
        )
        if chosen:
            self.save_to(Path(chosen))

    def save_to(self, path: Path) -> bool:
        """Write the previewed bytes to `path` atomically; False (after a message) on failure."""
        if self._pack is None:
            return False
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_atomically(path, self._pack.pdf)  # 0600: only this account reads it
        except OSError as exc:
            log.warning("saving a briefing pack failed: %s", exc.strerror)
            show_error(
                self,
                KnownError(
                    "The pack could not be saved there: {reason}.", reason=SystemReason.of(exc)
                ),
            )
            return False
        self.status.setText(self.tr("Saved to %1.").replace("%1", str(path)))
        return True

    # -- printing --------------------------------------------------------------------

    def print_pack(self) -> None:
        """Open the print dialog for the previewed pack; print when the user accepts."""
        if self._pack is None or self._pack_options is None or self.printout.busy:
            return
        self._print_dialog = self.printout.ask(
            self._pack.pdf,
            pack_file_name(self._printed_title(), self._pack_options.generated_on),
            PAGE_SIZES[self._pack_options.paper],
            self.preview.current_index,
            on_accept=self.print_to,
        )

    def print_to(self, printer: QPrinter) -> None:
        """Print the pages chosen on `printer` off the GUI thread; `printout.done` follows."""
        if self._pack is None:
            return
        self.printout.print_to(printer, self._pack.pdf, self.preview.current_index)
        self._update_buttons()

    def _on_printed(self, message: str) -> None:
        self.status.setText(message)
        self._update_buttons()

    def _on_print_failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self.status.setText("")
        self._update_buttons()
        show_error(self, exc)

    # -- closing ---------------------------------------------------------------------

    def done(self, result: int) -> None:
        self.builder.cancel()
        self.printout.cancel()
        self.preview.clear("")
        super().done(result)


def open_briefing_dialog(parent: QWidget, services: Services, case_id: str) -> BriefingDialog:
    """Open the briefing-pack dialog for `case_id` (window-modal; deletes itself on close)."""
    dialog = BriefingDialog(services, case_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
