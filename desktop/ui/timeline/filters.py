"""The filter bar above the timeline: text, person, date range, fact status, tag, key facts.

It only builds an `EventFilter`; the query runs in SQL off the GUI thread (the panel's
job). Typing filters as it goes: the first key asks at once, then at most one query per
`TYPING_INTERVAL_MS` while keys keep coming, and one for the last text (waiting for a
pause instead showed a 100,000-event case's first rows 1.4 s after the first key). The
filters make one row where the window is wide enough and wrap onto two where it is not
(a 1280-pixel laptop, Russian labels), so the bar never forces the window wider than the
screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QDate, QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from desktop.core.enums import FactStatus
from desktop.services.timeline import EventFilter

Choice = str | tuple[str, ...]  # a record's id, or the ids of one name's records
TYPING_INTERVAL_MS = 150
NO_DATE = QDate(1000, 1, 1)  # the minimum date stands for "no bound" (shown as special text)


FIND_MIN_WIDTH = 200


class FilterBar(QWidget):
    filterChanged = Signal(object)  # EventFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self._quiet = False
        self._text_waiting = False  # typed since the last query: one more is due
        self.text = QLineEdit(self)
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(FIND_MIN_WIDTH)  # a surname must fit (it showed "tsov")
        self.person = QComboBox(self)
        self.person.setMinimumContentsLength(12)
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        self.status = QComboBox(self)
        self.tag = QComboBox(self)
        self.tag.setMinimumContentsLength(8)
        self.key_only = QCheckBox(self)
        self.clear_button = QPushButton(self)
        self._labels = [QLabel(self) for _ in range(6)]
        # Two halves: what is filtered by most (words, person, tag), then the rest. They sit
        # side by side when the bar is wide enough, else one above the other.
        self._halves = (QHBoxLayout(), QHBoxLayout())
        controls: list[QWidget] = [self.text, self.person, self.tag, self.date_from,
                                   self.date_to, self.status]  # fmt: skip
        for number, (label, control) in enumerate(zip(self._labels, controls, strict=True)):
            label.setBuddy(control)
            half = self._halves[number // 3]
            half.addWidget(label)
            half.addWidget(control, {self.text: 3, self.person: 1}.get(control, 0))
        self._halves[1].addWidget(self.key_only)
        self._halves[1].addWidget(self.clear_button)
        self._halves[1].addStretch(0)  # on its own row the second half keeps to the left
        self._rows = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.addLayout(self._halves[0], 3)
        self._rows.addLayout(self._halves[1], 0)
        order = [*controls, self.key_only, self.clear_button]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_INTERVAL_MS)
        self._typing.timeout.connect(self._typing_interval_over)
        self.text.textChanged.connect(self._typed)
        for combo in (self.person, self.status, self.tag):
            combo.currentIndexChanged.connect(self._emit)
            combo.installEventFilter(self)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._emit)
        self.key_only.toggled.connect(self._emit)
        self.clear_button.clicked.connect(self.clear_filters)
        self.set_choices([], [])
        self.retranslate()

    # ---- one row or two ---------------------------------------------------------------
    def minimumSizeHint(self) -> QSize:
        """As narrow as the wider half: the bar wraps rather than widen the window."""
        widths = [half.minimumSize().width() for half in self._halves]
        heights = [half.minimumSize().height() for half in self._halves]
        return QSize(max(widths), sum(heights) + self._rows.spacing())

    def in_one_row(self) -> bool:
        return self._rows.direction() == QBoxLayout.Direction.LeftToRight

    def _one_row_width(self) -> int:
        return sum(half.sizeHint().width() for half in self._halves) + self._rows.spacing()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= self._one_row_width()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._rows.direction() != direction:
            self._rows.setDirection(direction)
            self.updateGeometry()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(watched, QComboBox):
            watched.setToolTip(cut_choice(watched) or "")  # then Qt shows it, or nothing
        return super().eventFilter(watched, event)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(NO_DATE)
        return edit

    # ---- texts ------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = (self.tr("Fin&d:"), self.tr("Perso&n:"), self.tr("Ta&g:"), self.tr("Fro&m:"),
                 self.tr("T&o:"), self.tr("Stat&us:"))  # fmt: skip
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.text.setPlaceholderText(self.tr("Words in title, description or place"))
        self.text.setAccessibleName(self.tr("Find events"))
        self.person.setAccessibleName(self.tr("Person filter"))
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to.setAccessibleName(self.tr("To date"))
        self.status.setAccessibleName(self.tr("Fact status filter"))
        self.tag.setAccessibleName(self.tr("Tag filter"))
        for edit in (self.date_from, self.date_to):
            edit.setSpecialValueText(self.tr("any"))
        self.key_only.setText(self.tr("&Key facts only"))
        self.key_only.setAccessibleName(self.tr("Key facts only"))
        self.clear_button.setText(self.tr("C&lear filters"))
        self.clear_button.setAccessibleName(self.tr("Clear filters"))
        self._fill_statuses()
        for combo in (self.person, self.tag):
            if combo.count():
                combo.setItemText(0, self.tr("Anyone") if combo is self.person else self.tr("Any"))

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._fill_statuses()

    def _fill_statuses(self) -> None:
        current = self.status.currentData()
        self._quiet = True
        self.status.clear()
        self.status.addItem(self.tr("Any"), None)
        for status, label in FactStatus.choices(self.lang):
            self.status.addItem(label, status.value)
        self.status.setCurrentIndex(max(self.status.findData(current), 0))
        self._quiet = False

    def set_choices(
        self, people: Sequence[tuple[Choice, str]], tags: Sequence[tuple[Choice, str]]
    ) -> None:
        """Offer these (id, name) people and tags (in the timeline of every case, (ids,
        name): one name's records in every case); keeps the current picks that remain."""
        self._quiet = True
        for combo, items, anything in ((self.person, people, self.tr("Anyone")),
                                       (self.tag, tags, self.tr("Any"))):  # fmt: skip
            current = combo.currentData()
            combo.clear()
            combo.addItem(anything, None)
            for item_id, name in items:
                combo.addItem(name, item_id)
            combo.setCurrentIndex(max(combo.findData(current), 0))
        self._quiet = False

    # ---- the filter -------------------------------------------------------------------
    def current_filter(self) -> EventFilter:
        person, tag = self.person.currentData(), self.tag.currentData()
        return EventFilter(
            text=self.text.text().strip(),
            person_id=person if isinstance(person, str) else None,
            people=tuple(person) if isinstance(person, (tuple, list)) else (),
            date_from=_bound(self.date_from),
            date_to=_bound(self.date_to),
            fact_status=self.status.currentData(),
            tag_id=tag if isinstance(tag, str) else None,
            tags=tuple(tag) if isinstance(tag, (tuple, list)) else (),
            key_only=self.key_only.isChecked(),
        )

    def typing_pending(self) -> bool:
        """Whether text typed since the last query is still to be asked for."""
        return self._text_waiting

    def _typed(self) -> None:
        if self._typing.isActive():
            self._text_waiting = True  # asked for when the interval is over
        else:
            self._emit()
            self._typing.start()

    def _typing_interval_over(self) -> None:
        if self._text_waiting:
            self._emit()
            self._typing.start()

    def clear_filters(self) -> None:
        self._quiet = True
        self.text.clear()
        for combo in (self.person, self.status, self.tag):
            combo.setCurrentIndex(0)
        for edit in (self.date_from, self.date_to):
            edit.setDate(NO_DATE)
        self.key_only.setChecked(False)
        self._quiet = False
        self._emit()

    def _emit(self) -> None:
        if not self._quiet:
            self._text_waiting = False  # this query has the text as it is now
            self.filterChanged.emit(self.current_filter())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def cut_choice(combo: QComboBox) -> str | None:
    """The current choice when its box is too narrow to show all of it (a long name)."""
    text = combo.currentText()
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return text if combo.fontMetrics().horizontalAdvance(text) > room.width() else None


def _bound(edit: QDateEdit) -> dt.date | None:
    day = edit.date()
    if day == NO_DATE:
        return None
    return dt.date(day.year(), day.month(), day.day())
