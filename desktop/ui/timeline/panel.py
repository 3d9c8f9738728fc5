"""The Timeline tab: filter bar, visual band and lazily filled table of one case.

Every filter change runs the id query off the GUI thread (newest wins); the table then
knows its row count and fetches visible rows in blocks. The band gets its spans from the
same answer when the service offers them, otherwise from a second background job.
Selecting in the band selects the table row and the other way round. Several rows can
be selected (Ctrl/Shift+click); `marking.EventMarking` marks them as key facts or tags
them, each change one undo step (the table's context menu and the button under it).

`show_every_case` turns the panel into the timeline of every case in the vault: a Case
column, people and tags of every case to filter by (one choice per name), no complaint
marks (each case has its own register); what needs one case (reordering a day's facts,
new or deleted tags) is switched off and says so.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.fact_order import FactOrder
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter
from desktop.ui.i18n import current_language
from desktop.ui.messages import error_text
from desktop.ui.timeline.band import TimelineBand
from desktop.ui.timeline.commands import MoveEventStep
from desktop.ui.timeline.filters import FilterBar
from desktop.ui.timeline.marking import EventMarking
from desktop.ui.timeline.model import Column, TimelineModel
from desktop.ui.timeline.spans import (
    BandLayout,
    ComplaintMark,
    TimelineData,
    band_layout,
    load_ids,
    span_table,
)
from desktop.ui.timeline.worker import LatestQuery
from desktop.ui.undo import RecordChange, change_with_undo

log = logging.getLogger(__name__)
SPANS_DELAY_MS = 50


def ui_language() -> str:
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"


class TimelinePanel(QWidget):
    eventActivated = Signal(str)
    eventSelected = Signal(str)

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.case_id: str | None = None
        self.every_case = False  # the timeline of every case (`show_every_case`)
        self._asked: EventFilter | None = None  # the filter of the last query
        self._pending_selection: str | None = None
        self._fit_band = True
        self._spans_scheduled = 0

        self.filters = FilterBar(self)
        self.band = TimelineBand(self)
        self.band.describe = self._describe
        timeline = services.timeline  # people named in the interface's language
        self.model = TimelineModel(lambda ids: timeline.rows(ids, current_language()), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setDragEnabled(True)  # drag a fact among those of its date to reorder
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.KEY, 28), (Column.DATE, 140), (Column.PEOPLE, 200),
                              (Column.TAGS, 120), (Column.SOURCES, 70),
                              (Column.STATUS, 170), (Column.CASE, 180)):  # fmt: skip
            self.table.setColumnWidth(column, width)
        header.moveSection(Column.CASE, Column.TITLE)  # after the date, when it shows
        self.table.setColumnHidden(Column.CASE, True)
        self.status = QLabel(self)
        self.marking = EventMarking(self)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(self.marking.table_actions)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.band)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.marking.button)
        layout.addLayout(bottom)
        QWidget.setTabOrder(self.filters.clear_button, self.band)
        QWidget.setTabOrder(self.band, self.table)

        self.ids_query = LatestQuery(self)
        self.ids_query.done.connect(self._on_ids)
        self.ids_query.partial.connect(self._on_first_ids)
        self._first_shown = False  # the running query's first rows are in the table
        self.ids_query.error.connect(self._on_error)
        self.spans_query = LatestQuery(self)
        self.spans_query.done.connect(self._on_spans)
        self.spans_query.error.connect(self._on_error)

        self.filters.filterChanged.connect(self._on_filter)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection)
        self.table.doubleClicked.connect(self._activate_index)
        self.table.installEventFilter(self)
        self.band.eventClicked.connect(self.select_event)
        self.band.eventActivated.connect(self.eventActivated)
        self.band.deleteRequested.connect(self.delete_event)
        self.model.moveRequested.connect(self.move_event)
        self.set_language(ui_language())
        self.retranslate()

    # ---- public interface -------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        """Show the timeline of `case_id` (None: nothing)."""
        if case_id is None:
            self.clear()
            return
        self._set_scope(case_id, every_case=False)

    def show_every_case(self) -> None:
        """Show the timeline of every case in the vault."""
        self._set_scope(None, every_case=True)

    def _set_scope(self, case_id: str | None, every_case: bool) -> None:
        self.case_id = case_id
        self.every_case = every_case
        self._asked = None
        self._pending_selection = None
        self._fit_band = True
        self.table.setColumnHidden(Column.CASE, not every_case)
        self.marking.set_every_case(every_case)
        self._offer_choices()
        self.filters.clear_filters()  # runs the query

    def shows_timeline(self) -> bool:
        """Whether a case's timeline, or every case's, is shown."""
        return self.case_id is not None or self.every_case

    def _offer_choices(self) -> None:
        if self.every_case:
            self.model.case_names = self.services.timeline.case_names(current_language())
            self.filters.set_choices(*self.services.timeline.vault_choices())
        elif self.case_id is not None:
            persons = self.services.people.persons(self.case_id)
            tags = self.services.tags.tags(self.case_id)
            self.filters.set_choices(
                [(p.id, p.display_name) for p in persons], [(t.id, t.name) for t in tags]
            )

    def refresh(self) -> None:
        """Run the query again (after an edit elsewhere), keeping the selection."""
        if not self.shows_timeline():
            return
        self._pending_selection = self.current_event_id() or self._pending_selection
        self.model.forget_rows()
        self._offer_choices()  # new tags, people, cases; the picks stay (quietly)
        self._query(self.filters.current_filter())

    def clear(self) -> None:
        """Drop everything shown (the vault is locking)."""
        self.case_id = None
        self.every_case = False
        self._asked = None
        self._pending_selection = None
        self.ids_query.cancel()
        self.spans_query.cancel()
        self.model.clear()
        self.band.clear()
        self.filters.set_choices([], [])
        self.status.clear()

    def select_event(self, event_id: str) -> None:
        row = self.model.row_of(event_id)
        if row is None:
            self._pending_selection = event_id if self.ids_query.busy else None
            return
        index = self.model.index(row, Column.TITLE)
        if self.table.currentIndex().row() != row:
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self.band.set_selected(event_id)

    def selected_event_ids(self) -> list[str]:
        """The events of the selected rows, in table order (the current one when none)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [i for i in (self.model.event_id(r) for r in rows) if i is not None]
        current = self.current_event_id()
        return ids or ([current] if current else [])

    def current_event_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.event_id(index.row()) if index.isValid() else None

    def is_idle(self) -> bool:
        """No query waiting or running, and no typing pause pending."""
        typing = self.filters.typing_pending()
        busy = self.ids_query.busy or self.spans_query.busy or self._spans_scheduled > 0
        return not (typing or busy)

    def wait_idle(self, msecs: int = 30_000) -> None:
        """Let running queries finish (locking the vault, tests)."""
        self.ids_query.wait(msecs)
        self.spans_query.wait(msecs)

    def set_language(self, lang: str) -> None:
        # Case titles in the new language, where they have one (not once the vault has
        # locked under a window that is still closing).
        if self.every_case and self.services.store.vault.is_unlocked:
            self.model.case_names = self.services.timeline.case_names(lang)
        self.model.set_language(lang)
        self.band.set_language(lang)
        self.filters.set_language(lang)

    # ---- queries ----------------------------------------------------------------------
    def _on_filter(self, f: EventFilter) -> None:
        if self.every_case and len(f.text.strip()) == 1:
            # One letter begins words in most of a vault's events (a third of a million
            # at 1M: 3 s for nothing useful): across all cases the text waits for a second.
            f = dataclasses.replace(f, text="")
            if f == self._asked:
                self.status.setText(self.tr("Type a second letter to find events in every case."))
                return
        self._pending_selection = self.current_event_id() or self._pending_selection
        self._query(f)

    def _query(self, f: EventFilter) -> None:
        case_id = self.case_id
        if not self.shows_timeline():
            return
        self.status.setText(self.tr("Loading…"))
        self._asked = f
        services, lang = self.services, self.model.lang
        self.ids_query.submit_reporting(
            lambda stale, report: load_ids(services, case_id, f, stale, report, lang)
        )

    def _on_first_ids(self, first: object) -> None:
        """The first rows of a long answer: shown at once, the rest follows below."""
        if not self.shows_timeline() or not isinstance(first, tuple):
            return
        ids, rows, rows_lang = first
        self.model.set_ids(ids, rows, rows_lang)
        self._first_shown = True
        self.status.setText(self.tr("Loading… the first %n event(s) shown", "", len(ids)))

    def _on_ids(self, data: TimelineData) -> None:
        if not self.shows_timeline():
            return
        self.model.set_conflicts(data.conflicts)
        if self._first_shown:
            self.model.extend_ids(data.ids)
        else:
            self.model.set_ids(data.ids, data.first_rows, data.rows_lang)
        self._first_shown = False
        self.status.setText(self.tr("%n event(s)", "", len(data.ids)))
        # Let the table paint first; the band fills in the background right after.
        self._spans_scheduled += 1
        QTimer.singleShot(SPANS_DELAY_MS, self, lambda: self._submit_spans(data))
        if self._pending_selection is not None:
            pending, self._pending_selection = self._pending_selection, None
            self.select_event(pending)

    def _submit_spans(self, data: TimelineData) -> None:
        self._spans_scheduled -= 1
        if self.shows_timeline():
            spans = lambda: band_layout(span_table(data.ids, data.dates, data.keys))  # noqa: E731
            self.spans_query.submit(lambda: (spans(), data.marks))

    def _on_spans(self, result: object) -> None:
        if self.shows_timeline() and isinstance(result, tuple):
            self._show_spans(*result)

    def _show_spans(self, spans: BandLayout, marks: list[ComplaintMark]) -> None:
        self.band.set_data(spans, marks, fit=self._fit_band)
        self._fit_band = False
        self.band.set_selected(self.current_event_id(), reveal=False)

    def _on_error(self, exc: object) -> None:
        self._first_shown = False
        if isinstance(exc, KnownError):
            self.status.setText(error_text(exc))
        else:
            log.error(
                "timeline query failed", exc_info=exc if isinstance(exc, BaseException) else None
            )
            self.status.setText(self.tr("The timeline could not be loaded."))

    # ---- selection, activation, deletion ----------------------------------------------
    def _on_table_selection(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        event_id = self.model.event_id(indexes[0].row())
        if event_id is not None:
            self.band.set_selected(event_id)
            self.eventSelected.emit(event_id)

    def _activate_index(self, index: object) -> None:
        event_id = self.current_event_id()
        if event_id is not None:
            self.eventActivated.emit(event_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            event_id = self.current_event_id()
            if event_id is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.eventActivated.emit(event_id)
                return True
            if event_id is not None and event.key() == Qt.Key.Key_Delete:
                self.delete_event(event_id)
                return True
        return super().eventFilter(watched, event)

    def move_event(self, event_id: str, anchor_id: str, before: bool) -> None:
        """Put a fact just before or after another of the same date (undoable)."""
        if self.every_case:
            self.status.setText(
                self.tr("Facts are reordered within their case: drag them in the case's own "
                        "timeline.")
            )  # fmt: skip
            return
        order = FactOrder(self.services.store)
        if not order.same_date(event_id, anchor_id):
            self.status.setText(
                self.tr("Only facts of the same date can be reordered; change the date instead.")
            )
            return
        self._pending_selection = event_id
        step = MoveEventStep(order, event_id, anchor_id, before)
        change_with_undo(
            self,
            self.undo_stack,
            step.move,
            lambda _value, changes: RecordChange(
                self.tr("Move event"), step.put_back, step.move, changes=changes, after=self.refresh
            ),
            lambda _value: self.refresh(),
        )

    def confirm_delete(self, title: str) -> bool:
        """Ask before deleting; tests replace this method on the instance."""
        answer = QMessageBox.question(
            self,
            self.tr("Delete event"),
            self.tr("Delete the event “%1”?").replace("%1", title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete_event(self, event_id: str) -> None:
        rows = self.services.timeline.rows([event_id])
        if not rows or not self.confirm_delete(rows[0].event.title):
            return
        row = self.model.row_of(event_id)
        if row is not None and row + 1 < self.model.rowCount():
            self._pending_selection = self.model.event_id(row + 1)
        timeline = self.services.timeline
        change_with_undo(
            self,
            self.undo_stack,
            lambda: timeline.delete_event(event_id),
            lambda _value, changes: RecordChange(
                self.tr("Delete event"),
                lambda: timeline.restore_event(event_id),
                lambda: timeline.delete_event(event_id),
                changes=changes,
                after=self.refresh,
            ),
            lambda _value: self.refresh(),
            lambda exc: self.status.setText(error_text(exc)),
        )

    def _describe(self, event_id: str) -> str:
        rows = self.services.timeline.rows([event_id])
        if not rows:
            return ""
        text = f"{rows[0].date.display(self.model.lang, 'long')}\n{rows[0].event.title}"
        return text + ("\n" + self.tr("Key fact") if rows[0].event.key_event else "")

    # ---- language ---------------------------------------------------------------------
    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Timeline events"))
        self.marking.retranslate()
        self.band.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.set_language(ui_language())
        super().changeEvent(event)
