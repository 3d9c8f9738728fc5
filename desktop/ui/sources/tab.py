"""The Sources & Exhibits tab: sources on the left; the chosen source's files on the right.

Files come in by drag and drop or a file dialog and are stored inside the vault (their
SHA-256 is shown); they are viewed from memory and leave only through "Save a copy…".
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.enums import Reliability, SourceKind
from desktop.core.filenames import safe_file_name
from desktop.core.fuzzydate import FuzzyDate
from desktop.durable import write_atomically
from desktop.errors import KnownError
from desktop.services.registry import Services
from desktop.services.sources import FileToStore
from desktop.store.records import AttachmentRecord
from desktop.ui.background import run_in_background
from desktop.ui.editors.source import SourceEditor
from desktop.ui.i18n import current_language
from desktop.ui.messages import show_error
from desktop.ui.sources.clearance import AttachmentClearance
from desktop.ui.sources.viewer import AttachmentViewer
from desktop.ui.undo import delete_with_undo
from desktop.ui.writes import write_queue

log = logging.getLogger(__name__)
ID_ROLE = Qt.ItemDataRole.UserRole


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


class SourcesTab(QWidget):
    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.case_id: str | None = None
        self.setAcceptDrops(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("sourcesTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.new_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.files_label = QLabel(self)
        self.files_label.setStyleSheet("font-weight: bold;")
        self.files = QListWidget(self)
        self.files.setObjectName("attachments")
        self.files.setMaximumHeight(130)
        self.files_label.setBuddy(self.files)
        self.add_file_button = QPushButton(self)
        self.save_copy_button = QPushButton(self)
        self.hash_label = QLabel(self)
        self.hash_label.setObjectName("sha256")
        self.hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hash_label.setStyleSheet("font-family: 'DejaVu Sans Mono'; color: #444;")
        self.hash_label.setWordWrap(True)
        self.drop_hint = QLabel(self)
        self.drop_hint.setStyleSheet("color: #666;")
        self.viewer = AttachmentViewer(self)
        self.clearance = AttachmentClearance(services, undo_stack, self)
        self.clearance.edited.connect(self._attachment_edited)
        left = QWidget(self)
        left_buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            left_buttons.addWidget(button)
        left_buttons.addStretch(1)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addLayout(left_buttons)
        right = QWidget(self)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.add_file_button)
        file_buttons.addWidget(self.save_copy_button)
        file_buttons.addStretch(1)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.files_label)
        right_layout.addWidget(self.files)
        right_layout.addLayout(file_buttons)
        right_layout.addWidget(self.clearance)
        right_layout.addWidget(self.drop_hint)
        right_layout.addWidget(self.hash_label)
        right_layout.addWidget(self.viewer, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.table.currentCellChanged.connect(lambda *_: self._source_changed())
        self.table.cellDoubleClicked.connect(lambda *_: self.edit_source())
        self.files.currentItemChanged.connect(lambda *_: self._file_changed())
        self.new_button.clicked.connect(self.new_source)
        self.edit_button.clicked.connect(self.edit_source)
        self.delete_button.clicked.connect(self.delete_source)
        self.add_file_button.clicked.connect(self.choose_files)
        self.save_copy_button.clicked.connect(self.save_copy)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Label"), self.tr("Title"), self.tr("Kind"), self.tr("Date"),
             self.tr("Reliability")]
        )  # fmt: skip
        self.table.setAccessibleName(self.tr("Sources"))
        self.new_button.setText(self.tr("&New source…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.files_label.setText(self.tr("Attached &files"))
        self.files.setAccessibleName(self.tr("Attached files"))
        self.add_file_button.setText(self.tr("&Attach file…"))
        self.save_copy_button.setText(self.tr("&Save a copy…"))
        self.drop_hint.setText(self.tr("Drop files here to attach them to the chosen source."))
        self.clearance.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            try:
                self.refresh()
            except KnownError:  # the vault was locked under this (closing) widget
                self.clear()
        super().changeEvent(event)

    # ---- content ----------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        self.case_id = case_id
        self.refresh()

    def clear(self) -> None:
        self.case_id = None
        self.table.setRowCount(0)
        self.files.clear()
        self.viewer.clear()
        self.hash_label.clear()
        self.clearance.show_attachment(None)

    def refresh(self) -> None:
        keep = self.current_source()
        lang = current_language()
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for source in self.services.sources.sources(self.case_id) if self.case_id else []:
            date = FuzzyDate.from_edtf(source.date_edtf)
            cells = (source.label, source.title, SourceKind(source.kind).label(lang),
                     "" if date.is_undated else date.display(lang, "short"),
                     Reliability(source.reliability).label(lang))  # fmt: skip
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, source.id)
                if column == 1:
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        if keep:
            self.select_source(keep)
        self._source_changed()

    def current_source(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0)
        return str(item.data(ID_ROLE)) if item is not None else None

    def select_source(self, source_id: str) -> bool:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(ID_ROLE) == source_id:
                self.table.setCurrentCell(row, 0)
                return True
        return False

    def _source_changed(self) -> None:
        source_id = self.current_source()
        for button in (self.edit_button, self.delete_button, self.add_file_button):
            button.setEnabled(source_id is not None)
        self.files.clear()
        self.viewer.clear()
        self.hash_label.clear()
        self.clearance.show_attachment(None)
        if not (self.case_id and source_id):
            self.save_copy_button.setEnabled(False)
            return
        for attachment in self.services.sources.attachments(self.case_id, source_id):
            label = f"{attachment.exhibit_label} " if attachment.exhibit_label else ""
            item = QListWidgetItem(f"{label}{attachment.file_name} ({human_size(attachment.size)})")
            item.setData(ID_ROLE, attachment)
            self.files.addItem(item)
        self.save_copy_button.setEnabled(False)
        if self.files.count():
            self.files.setCurrentRow(0)

    def current_attachment(self) -> AttachmentRecord | None:
        item = self.files.currentItem()
        value = item.data(ID_ROLE) if item is not None else None
        return value if isinstance(value, AttachmentRecord) else None

    def _file_changed(self) -> None:
        attachment = self.current_attachment()
        self.save_copy_button.setEnabled(attachment is not None)
        self.clearance.show_attachment(attachment)
        if attachment is None:
            self.viewer.clear()
            self.hash_label.clear()
            return
        self.hash_label.setText(f"SHA-256: {attachment.blob_sha256}")
        try:
            data = self.services.sources.blob(attachment.blob_sha256)
        except KnownError as exc:
            self.viewer.clear()
            show_error(self, exc)
            return
        self.viewer.show_bytes(data, attachment.media_type)

    def _attachment_edited(self, attachment_id: str) -> None:
        """Keep the list's copy of an attachment current after its clearance changed."""
        for row in range(self.files.count()):
            item = self.files.item(row)
            value = item.data(ID_ROLE)
            if isinstance(value, AttachmentRecord) and value.id == attachment_id:
                item.setData(ID_ROLE, self.services.sources.get_attachment(attachment_id))

    # ---- sources ----------------------------------------------------------------------
    def new_source(self) -> SourceEditor | None:
        if not self.case_id:
            return None
        editor = SourceEditor(self.services, self.case_id, self.undo_stack, None, self)
        editor.accepted.connect(lambda: self._saved(editor.saved_id))
        editor.open()
        return editor

    def edit_source(self) -> SourceEditor | None:
        source_id = self.current_source()
        if not (self.case_id and source_id):
            return None
        editor = SourceEditor(self.services, self.case_id, self.undo_stack, source_id, self)
        editor.accepted.connect(lambda: self._saved(source_id))
        editor.open()
        return editor

    def _saved(self, source_id: str | None) -> None:
        self.refresh()
        if source_id:
            self.select_source(source_id)

    def delete_source(self, *, ask: bool = True) -> None:
        source_id = self.current_source()
        if not source_id:
            return
        sources = self.services.sources
        if not delete_with_undo(
            self,
            self.undo_stack,
            self.tr("Delete this source? You can undo this."),
            self.tr("Delete source"),
            delete=lambda: sources.delete_source(source_id),
            restore=lambda: sources.restore_source(source_id),
            ask=ask,
        ):
            return
        self.refresh()

    def delete_selected(self) -> None:
        self.delete_source()

    # ---- files ------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"), str(Path.home()))
        self.attach_files([Path(p) for p in paths])

    def attach_files(self, paths: list[Path]) -> None:
        """Store the files in the vault, off the GUI thread: all of them or none.

        The files are read and hashed in a background job; their one transaction then
        goes on the vault's write queue, in order with the user's other writes.
        """
        case_id, source_id = self.case_id, self.current_source()
        if not (case_id and source_id and paths):
            return
        sources = self.services.sources

        def store(files: list[FileToStore]) -> None:
            write_queue(self.services).submit(
                lambda: sources.store_files(case_id, files),
                lambda _ids, _changes: self._attached(source_id),
                self._attach_failed,
            )

        log.info("attaching %d file(s)", len(paths))
        run_in_background(
            lambda: sources.read_files(paths, source_id=source_id), store, self._attach_failed
        )

    def _attached(self, source_id: str) -> None:
        if self.current_source() == source_id:
            self._source_changed()
            self.files.setCurrentRow(self.files.count() - 1)

    def _attach_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self._source_changed()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.current_source():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.attach_files(paths)

    def save_copy(self) -> None:
        attachment = self.current_attachment()
        if attachment is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy"), str(self.suggested_copy_path(attachment))
        )
        if path:
            self.save_copy_to(attachment, Path(path))

    @staticmethod
    def suggested_copy_path(attachment: AttachmentRecord) -> Path:
        """The name offered: always one plain file in the home folder, whatever the name
        an older version or another device stored (no folders, controls, bidi marks)."""
        return Path.home() / safe_file_name(attachment.file_name)

    def save_copy_to(self, attachment: AttachmentRecord, path: Path) -> None:
        """Export the attachment's bytes to `path` (the user asked for a plain copy)."""
        try:
            write_atomically(path, self.services.sources.blob(attachment.blob_sha256))
        except KnownError as exc:
            show_error(self, exc)
        except OSError:
            show_error(self, KnownError(self.tr("The copy could not be saved there.")))
