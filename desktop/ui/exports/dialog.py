"""File → Export…: write a case for other tools (spreadsheets, calendars, TimelineJS,
Aleph, Uwazi, EDTF JSON) with the briefing pack's selection, redaction and leak gate.

The export is built, checked and written by `ExportService` on a worker thread; progress
comes back as a queued signal, and the result shows each file written with its SHA-256
and, for a redacted profile, the leak gate's line. A refusal writes nothing and says why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.briefing.exports.formats import (
    FORMATS,
    MAX_ALARM_DAYS,
    TITLE_LIMIT,
    ExportSettings,
)
from desktop.briefing.model import BriefingOptions
from desktop.errors import KnownError
from desktop.services.exports import Export, ExportService, WrittenFile
from desktop.services.registry import Services
from desktop.ui.background import OutcomeRelay, TaggedJob
from desktop.ui.i18n import current_language
from desktop.ui.messages import show_error
from desktop.ui.period import PeriodEdits
from desktop.ui.writes import write_queue


@dataclass(frozen=True)
class ExportResult:
    export: Export
    written: list[WrittenFile]


class _Progress:
    """Called on the worker thread; the relay's signal crosses to the GUI thread queued."""

    def __init__(self, tag: int, relay: OutcomeRelay) -> None:
        self._tag = tag
        self._relay = relay

    def __call__(self, fraction: float) -> None:
        self._relay.progressed.emit(self._tag, fraction)


class ExportDialog(QDialog):
    """Choose a format, the pack's selection and redaction, and where to write."""

    exported = Signal(object)  # ExportResult

    def __init__(self, services: Services, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self._service = ExportService(services.store, services.briefs)
        self._writes = write_queue(services)
        self._case_id = case_id
        self._tag = 0
        self._path_edited = False
        self.outcome: ExportResult | None = None
        self.setWindowTitle(self.tr("Export"))
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = OutcomeRelay()
        self._relay.progressed.connect(self._on_progress)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)

        names = {
            "xlsx": self.tr("Spreadsheet (XLSX): chronology, people, complaints, sources"),
            "csv": self.tr("Spreadsheet (CSV files, one per sheet)"),
            "ics": self.tr("Calendar (ICS): complaint deadlines"),
            "timelinejs": self.tr("TimelineJS (JSON) for a web timeline"),
            "ftm": self.tr("Aleph: Follow the Money entities (JSON lines)"),
            "uwazi-csv": self.tr("Uwazi: CSV files, one per template"),
            "edtf-json": self.tr("Chronology with EDTF dates (JSON)"),
        }
        self.format = QComboBox(self)
        for fmt in FORMATS:
            self.format.addItem(names[fmt], fmt)
        self.format.setAccessibleName(self.tr("Format"))

        self.redaction = QComboBox(self)
        self.redaction.addItem(self.tr("Public"), "public")
        self.redaction.addItem(self.tr("Counsel"), "counsel")
        self.redaction.addItem(self.tr("Internal"), "internal")
        self.redaction.setAccessibleName(self.tr("Redaction profile"))
        self.redaction.setToolTip(
            self.tr(
                "Public leaves out what is confidential and every protected person, under "
                "every form of their names; counsel leaves out what is confidential."
            )
        )

        self.limit_dates = QCheckBox(self.tr("Li&mit dates"), self)
        self.period = PeriodEdits(self, self.tr("From"), self.tr("To"))
        self.period.start_at(services.timeline.day_span(case_id))
        self.date_from, self.date_to = self.period.date_from, self.period.date_to
        self.limit_dates.toggled.connect(self.period.set_enabled)
        dates = QHBoxLayout()
        dates.addWidget(self.limit_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.date_to)
        self.marked_only = QCheckBox(self.tr("Only items mar&ked for the brief"), self)
        self.key_only = QCheckBox(self.tr("Only key fa&cts in the chronology"), self)

        self.language = QComboBox(self)
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Russian"), "ru")
        self.language.setCurrentIndex(1 if current_language() == "ru" else 0)
        self.language.setAccessibleName(self.tr("Label language"))

        self.alarm_days = QSpinBox(self)
        self.alarm_days.setRange(0, MAX_ALARM_DAYS)
        self.alarm_days.setValue(7)
        self.alarm_days.setSuffix(self.tr(" days before"))
        self.alarm_days.setAccessibleName(self.tr("Reminder"))
        self.key_facts = QCheckBox(self.tr("Also the dated ke&y facts"), self)

        self.title = QLineEdit(self)
        self.title.setMaxLength(TITLE_LIMIT)
        self.title.setPlaceholderText(self.tr("The case's title"))
        self.title.setAccessibleName(self.tr("Title"))

        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("Save to"))
        self.path.textEdited.connect(self._path_was_edited)
        self.browse = QPushButton(self.tr("C&hoose…"), self)
        self.browse.clicked.connect(self.choose_path)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)

        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("Re&daction:"), self.redaction)
        form.addRow(self.tr("Period:"), dates)
        form.addRow("", self.marked_only)
        form.addRow("", self.key_only)
        form.addRow(self.tr("Label lan&guage:"), self.language)
        form.addRow(self.tr("Rem&inder:"), self.alarm_days)
        form.addRow("", self.key_facts)
        form.addRow(self.tr("&Title:"), self.title)
        save_to = QLabel(self.tr("&Save to:"), self)
        save_to.setBuddy(self.path)  # a row of two widgets: the label names the field
        form.addRow(save_to, where)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.disconnect()
        self.export_button.clicked.connect(self.start_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        self.resize(640, self.sizeHint().height())

    # -- options ---------------------------------------------------------------------

    @property
    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def _format_changed(self) -> None:
        fmt = self.chosen_format
        calendar = fmt == "ics"
        self.alarm_days.setEnabled(calendar)
        self.key_facts.setEnabled(calendar)
        if not self._path_edited:
            self.path.setText(str(self.default_path()))
        notes = {
            "xlsx": self.tr("The columns of spreadsheet import: the file imports back."),
            "csv": self.tr("A folder of CSV files (UTF-8), or one .zip if the name ends in .zip."),
            "ics": self.tr("Each response deadline as an all-day event with a reminder; "
                           "importing a newer file updates the same events."),
            "timelinejs": self.tr("Open with TimelineJS (timeline.knightlab.com) as JSON; "
                                  "uncertain dates are shown as written."),
            "ftm": self.tr("Load into Aleph with alephclient write-entities, or ftm tools."),
            "uwazi-csv": self.tr("Import each file in Uwazi under Settings > Import CSV; "
                                 "templates.md lists the properties to create first."),
            "edtf-json": self.tr("The chronology for scripts and web pages, dates in EDTF."),
        }  # fmt: skip
        self.note.setText(notes[fmt])

    def _path_was_edited(self) -> None:
        self._path_edited = True

    def default_path(self) -> Path:
        """Documents/<the format's usual name>: never the case title, which may name someone."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder or Path.home()) / FORMATS[self.chosen_format]

    def choose_path(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path.text() or str(self.default_path())
        )
        if chosen:
            self.path.setText(chosen)
            self._path_edited = True

    def options(self) -> BriefingOptions:
        limited = self.limit_dates.isChecked()
        first, last = self.period.days()
        return BriefingOptions(
            generated_on=dt.date.today(),
            date_from=first if limited else None,
            date_to=last if limited else None,
            marked_only=self.marked_only.isChecked(),
            key_only=self.key_only.isChecked(),
            lang=str(self.language.currentData()),
            redaction=str(self.redaction.currentData()),
        )

    def settings(self) -> ExportSettings:
        return ExportSettings(
            alarm_days=self.alarm_days.value(),
            with_key_facts=self.key_facts.isChecked(),
            title=self.title.text().strip(),
        )

    # -- exporting -------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """True from `start_export` until its outcome is shown."""
        return not self.export_button.isEnabled()

    def start_export(self) -> None:
        """Build, check and write the export off the GUI thread."""
        text = self.path.text().strip()
        fmt = self.chosen_format
        try:
            if not text:
                raise KnownError(self.tr("Choose where to save the export."))
            out = Path(text).expanduser()
            options, settings = self.options(), self.settings()
            ExportService.check_target(fmt, out)
        except KnownError as exc:
            self._show_failure(exc)
            return
        if self._writes.busy:  # a change still on its way into the vault belongs in it
            self.status.setText(self.tr("Exporting once the last change is saved…"))
            self.export_button.setEnabled(False)  # one export, whatever is clicked meanwhile
            self._writes.idle.connect(self.start_export, Qt.ConnectionType.SingleShotConnection)
            return
        self._tag += 1
        service, case_id, progress = self._service, self._case_id, _Progress(self._tag, self._relay)

        def work() -> ExportResult:
            export = service.build(case_id, fmt, options, settings, progress)
            return ExportResult(export, service.write(export, out))

        self.outcome = None
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Exporting…"))
        self.export_button.setEnabled(False)
        self._pool.start(TaggedJob(self._tag, work, self._relay))

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    @Slot(int, float)
    def _on_progress(self, tag: int, fraction: float) -> None:
        if tag == self._tag:
            self.progress.setValue(int(fraction * 100))

    @Slot(int, object)
    def _on_finished(self, tag: int, result: object) -> None:
        if tag != self._tag:
            return
        assert isinstance(result, ExportResult)
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.outcome = result
        lines = [
            self.tr("Saved %1 file(s).").replace("%1", str(len(result.written))),
        ]
        for file in result.written:
            lines.append(f"{file.path}\nSHA-256 {file.sha256}")
        check = result.export.check
        if check is not None:
            lines.append(
                self.tr("Redaction check: %1 forms of %2 protected people, none found.")
                .replace("%1", str(check.forms))
                .replace("%2", str(check.people))
            )
        self.status.setStyleSheet("")
        self.status.setText("\n".join(lines))
        self.exported.emit(result)

    @Slot(int, object)
    def _on_failed(self, tag: int, exc: object) -> None:
        if tag != self._tag:
            return
        assert isinstance(exc, BaseException)
        self.progress.hide()
        self.export_button.setEnabled(True)
        if isinstance(exc, KnownError):
            self._show_failure(exc)
        else:
            self.status.setText("")
            show_error(self, exc)

    def _show_failure(self, exc: KnownError) -> None:
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(self.tr("Nothing was written: %1").replace("%1", str(exc)))

    def done(self, result: int) -> None:
        self._tag += 1  # an export still running is written, but no longer reported here
        super().done(result)


def open_export_dialog(parent: QWidget, services: Services, case_id: str) -> ExportDialog:
    """Open the export dialog for `case_id` (window-modal; deletes itself on close)."""
    dialog = ExportDialog(services, case_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
