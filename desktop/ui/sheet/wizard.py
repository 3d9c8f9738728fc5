"""File → Import spreadsheet…: choose files, map their columns, preview every row, import.

The pages follow what a paralegal does with a spreadsheet and a deadline: pick the
workbook (or CSV files); if a header is not the template's, say which column it is (the
choice is remembered by the header's exact text for next time); read the dry run, row by
row, with what would be created, matched or refused and why; then import, all rows or,
when asked, only the valid ones. Reading, the dry run and the import run off the GUI
thread; the import shows a progress bar, and becomes one step on the case's undo stack.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.core.sheetcolumns import ID_COLUMN, SHEETS, SheetName
from desktop.errors import KnownError
from desktop.services.registry import Services
from desktop.services.sheetfiles import IGNORE, RawSheet, Sheet, auto_column, read_raw, to_sheet
from desktop.services.sheetimport import SheetImport, SheetReport
from desktop.services.sheetplan import Outcome
from desktop.store.journal import Written
from desktop.ui.background import run_in_background
from desktop.ui.messages import error_text, show_error
from desktop.ui.sheet.memory import ColumnMemory
from desktop.ui.undo import RecordChange

translate = QCoreApplication.translate
FILES, COLUMNS, PREVIEW, RESULT = range(4)


def outcome_text(outcome: Outcome) -> str:
    return {
        Outcome.NEW: translate("SheetImportWizard", "new"),
        Outcome.MATCHED: translate("SheetImportWizard", "matched"),
        Outcome.UNCHANGED: translate("SheetImportWizard", "unchanged"),
        Outcome.REFUSED: translate("SheetImportWizard", "refused"),
    }[outcome]


def summary_text(report: SheetReport) -> str:
    matched = report.count(Outcome.MATCHED)
    return (
        translate("SheetImportWizard", "%1 new, %2 unchanged, %3 refused")
        .replace("%1", str(report.count(Outcome.NEW)))
        .replace("%2", str(report.count(Outcome.UNCHANGED) + matched))
        .replace("%3", str(report.count(Outcome.REFUSED)))
    )


class FilesPage(QWizardPage):
    def __init__(self, wizard: SheetImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Choose the spreadsheet"))
        self.setSubTitle(
            self.tr(
                "An Excel workbook with the sheets sources, people, events and complaints, "
                "or CSV files named after them. File → Save spreadsheet template… gives one."
            )
        )
        self.files = QListWidget(self)
        self.files.setAccessibleName(self.tr("Files to import"))
        choose = QPushButton(self.tr("&Choose files…"), self)
        choose.clicked.connect(self.choose)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName("sheetError")
        layout = QVBoxLayout(self)
        layout.addWidget(self.files)
        layout.addWidget(choose, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)

    def choose(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import spreadsheet"), "", self.tr("Spreadsheets (*.xlsx *.csv)")
        )
        if names:
            self.set_files([Path(n) for n in names])

    def set_files(self, paths: list[Path]) -> None:
        self.files.clear()
        self.files.addItems([str(p) for p in paths])
        self.error.clear()
        self.completeChanged.emit()

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def isComplete(self) -> bool:
        return self.files.count() > 0

    def validatePage(self) -> bool:
        try:
            self._wizard.raw = read_raw(self.paths())
        except KnownError as exc:
            self.error.setText(str(exc))
            return False
        return True

    def nextId(self) -> int:
        return PREVIEW if self._wizard.all_known() else COLUMNS


class ColumnsPage(QWizardPage):
    """One line per header the template does not name, and per file of unknown kind."""

    def __init__(self, wizard: SheetImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "Some headers are not the template's. Say which column each one is, or leave "
                "it out; Dossier remembers your choice for headers written the same way."
            )
        )
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Header in the file"), self.tr("Import as")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        self.kinds: dict[int, QComboBox] = {}  # raw sheet index -> its kind
        self.headers: list[tuple[int, str, QComboBox]] = []

    def initializePage(self) -> None:
        self.table.setRowCount(0)
        self.kinds.clear()
        self.headers.clear()
        self.error.clear()
        remembered = self._wizard.memory.load()
        for index, raw in enumerate(self._wizard.raw):
            if raw.name is None:
                combo = QComboBox(self.table)
                combo.addItem(self.tr("(choose)"), "")
                for sheet in SHEETS:
                    combo.addItem(sheet, sheet)
                combo.currentIndexChanged.connect(lambda _i, n=index: self._kind_changed(n))
                self._add_row(raw.where, self.tr("(which sheet is this file?)"), combo)
                self.kinds[index] = combo
                continue
            self._add_headers(index, raw, remembered)

    def _kind_changed(self, index: int) -> None:
        kind = self.kinds[index].currentData()
        raw = self._wizard.raw[index]
        self.headers = [h for h in self.headers if h[0] != index]
        if kind:
            self._wizard.raw[index] = dataclasses.replace(raw, name=kind)
            self._add_headers(index, self._wizard.raw[index], self._wizard.memory.load())

    def _add_headers(self, index: int, raw: RawSheet, remembered: dict[str, str]) -> None:
        assert raw.name is not None
        for header in raw.headers:
            if auto_column(raw.name, header) is not None:
                continue
            combo = QComboBox(self.table)
            combo.addItem(self.tr("(leave out)"), IGNORE)
            for column in (*SHEETS[raw.name], ID_COLUMN):
                combo.addItem(column, column)
            wanted = remembered.get(header)
            if wanted is not None and combo.findData(wanted) >= 0:
                combo.setCurrentIndex(combo.findData(wanted))
            self._add_row(raw.where, header, combo)
            self.headers.append((index, header, combo))

    def _add_row(self, where: str, header: str, combo: QComboBox) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(where))
        self.table.setItem(row, 1, QTableWidgetItem(header))
        self.table.setCellWidget(row, 2, combo)

    def mapping(self) -> dict[str, str]:
        return {header: str(combo.currentData()) for _i, header, combo in self.headers}

    def validatePage(self) -> bool:
        if any(not combo.currentData() for combo in self.kinds.values()):
            self.error.setText(self.tr("Choose which sheet each file holds."))
            return False
        mapping = self.mapping()
        try:
            self._wizard.sheets_from(mapping)
        except KnownError as exc:
            self.error.setText(str(exc))
            return False
        self._wizard.memory.remember(mapping)
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: SheetImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(self.tr("Nothing has been written yet. Every row, and what it would do:"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("previewTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Outcome"), self.tr("Record"),
             self.tr("Details")]
        )  # fmt: skip
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.valid_only = QCheckBox(
            self.tr("Import the &valid rows and leave the refused ones out")
        )
        self.valid_only.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        layout.addWidget(self.valid_only)
        self.report: SheetReport | None = None

    def initializePage(self) -> None:
        self.report = None
        self.table.setRowCount(0)
        self.valid_only.setChecked(False)
        self.valid_only.hide()
        self.summary.setText(self.tr("Reading the rows…"))
        self.completeChanged.emit()
        importer, case_id, sheets = self._wizard.importer, self._wizard.case_id, self._wizard.sheets
        run_in_background(lambda: importer.preview(case_id, sheets), self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(str(exc) if isinstance(exc, KnownError) else "")
        if not isinstance(exc, KnownError):
            show_error(self, exc)

    def _show(self, report: SheetReport) -> None:
        self.report = report
        self.table.setRowCount(len(report.rows))
        for n, row in enumerate(report.rows):
            detail = error_text(row.refusal) if row.refusal is not None else row.detail
            cells = [row.sheet, str(row.row), outcome_text(row.outcome), row.label, detail]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.outcome is Outcome.REFUSED:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(n, column, item)
        self.table.resizeColumnsToContents()
        text = self.tr("Would be: %1.").replace("%1", summary_text(report))
        if report.refused:
            text += " " + self.tr(
                "Refused rows are not imported. As it stands nothing is imported: correct "
                "the file and go back, or import only the valid rows."
            )
            self.valid_only.show()
        self.summary.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.report is None:
            return False
        if self.report.count(Outcome.NEW) == 0:
            return False
        return not self.report.refused or self.valid_only.isChecked()


class ResultPage(QWizardPage):
    def __init__(self, wizard: SheetImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Importing"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setObjectName("sheetResult")
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        self.report: SheetReport | None = None
        self.failed = False

    def initializePage(self) -> None:
        self.report = None
        self.progress.setRange(0, 0)
        self.result.setText(self.tr("Writing to the vault…"))
        self._wizard.start_import(self)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def finish(self, report: SheetReport | None, error: BaseException | None = None) -> None:
        self.report = report
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        if report is not None:
            self.setTitle(self.tr("Imported"))
            self.result.setText(
                self.tr("Imported: %1. Edit → Undo takes the whole import back.").replace(
                    "%1", summary_text(report)
                )
            )
        else:
            self.failed = True
            self.setTitle(self.tr("Not imported"))
            self.result.setText(str(error) if isinstance(error, KnownError) else "")
            if error is not None and not isinstance(error, KnownError):
                show_error(self, error)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.report is not None or self.failed


class SheetImportWizard(QWizard):
    imported = Signal()

    def __init__(
        self,
        services: Services,
        case_id: str,
        undo_stack: QUndoStack | None = None,
        memory: ColumnMemory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sheetImportWizard")
        self.setWindowTitle(self.tr("Import spreadsheet"))
        self.services = services
        self.importer = SheetImport(services.store)
        self.case_id = case_id
        self.undo_stack = undo_stack
        self.memory = memory or ColumnMemory()
        self.raw: list[RawSheet] = []
        self.sheets: dict[SheetName, Sheet] = {}
        self.files_page = FilesPage(self)
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page_id, page in enumerate(
            (self.files_page, self.columns_page, self.preview_page, self.result_page)
        ):
            self.setPage(page_id, page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(820, 560)

    def all_known(self) -> bool:
        """Whether every file's kind and header is the template's (or remembered): if so,
        the sheets are read now and the columns page is skipped."""
        remembered = self.memory.load()
        for raw in self.raw:
            if raw.name is None:
                return False
            for header in raw.headers:
                if auto_column(raw.name, header) is None and header not in remembered:
                    return False
        try:
            self.sheets_from(remembered)
        except KnownError:
            return False
        return True

    def sheets_from(self, mapping: dict[str, str]) -> None:
        sheets: dict[SheetName, Sheet] = {}
        for raw in self.raw:
            sheet = to_sheet(raw, mapping)
            if sheet.name in sheets:
                raise KnownError(
                    translate("SheetImportWizard", "Two of the files hold the sheet %1.").replace(
                        "%1", sheet.name
                    )
                )
            sheets[sheet.name] = sheet
        self.sheets = sheets

    def start_import(self, page: ResultPage) -> None:
        importer, case_id, sheets = self.importer, self.case_id, self.sheets
        valid_rows = self.preview_page.valid_only.isChecked()
        store = self.services.store
        relay = _Progress(self)
        relay.moved.connect(page.show_progress)

        def work() -> tuple[SheetReport, tuple[Written, ...]]:
            report = importer.run(case_id, sheets, valid_rows=valid_rows, progress=relay.report)
            return report, store.journal.drain()  # this thread's writes, for the undo step

        def done(result: Any) -> None:
            report, written = result
            store.journal.record(written)
            self._push_undo(report)
            page.finish(report)
            self.imported.emit()

        run_in_background(work, done, lambda exc: page.finish(None, exc))

    def _push_undo(self, report: SheetReport) -> None:
        if self.undo_stack is None or not report.created:
            return
        created = report.created
        self.undo_stack.push(
            RecordChange(
                self.tr("Import spreadsheet"),
                lambda: self.importer.take_back(created),
                lambda: self.importer.bring_back(created),
            )
        )


class _Progress(QObject):
    """Carries the import's progress from the worker thread to the bar (a queued signal)."""

    moved = Signal(int, int)

    def report(self, done: int, total: int) -> None:
        self.moved.emit(done, total)


def save_template_dialog(parent: QWidget) -> Path | None:
    """File → Save spreadsheet template…: ask where, write it, say where it went."""
    from desktop.services.sheettemplate import save_template

    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("SheetImportWizard", "Save spreadsheet template"),
        "dossier-template.xlsx",
        translate("SheetImportWizard", "Excel workbook (*.xlsx)"),
    )
    if not name:
        return None
    path = Path(name) if name.casefold().endswith(".xlsx") else Path(name + ".xlsx")
    try:
        save_template(path)
    except KnownError as exc:
        show_error(parent, exc)
        return None
    return path
