"""The pair of day fields that limit a pack or an export to a period.

Both start at the case's first and last dated day (`TimelineService.day_span`), so ticking
"Limit dates" keeps the whole case until a day is moved, and read as the interface
language writes days (24.11.2008, 24 Nov 2008), not in ISO form.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

from desktop.ui.i18n import current_language


class PeriodEdits:
    """ "From" and "To" day fields, disabled until the period is limited."""

    def __init__(self, parent: QWidget, from_name: str, to_name: str) -> None:
        today = dt.date.today()
        self.date_from = QDateEdit(as_qdate(dt.date(today.year, 1, 1)), parent)
        self.date_to = QDateEdit(as_qdate(today), parent)
        shown = "dd.MM.yyyy" if current_language() == "ru" else "d MMM yyyy"
        for edit, name in ((self.date_from, from_name), (self.date_to, to_name)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(shown)
            edit.setEnabled(False)
            edit.setAccessibleName(name)

    def set_enabled(self, enabled: bool) -> None:
        self.date_from.setEnabled(enabled)
        self.date_to.setEnabled(enabled)

    def start_at(self, span: tuple[dt.date, dt.date] | None) -> None:
        """Show the case's span (None: a case with no dated event keeps this year)."""
        if span is not None:
            self.date_from.setDate(as_qdate(span[0]))
            self.date_to.setDate(as_qdate(span[1]))

    def days(self) -> tuple[dt.date, dt.date]:
        return as_day(self.date_from.date()), as_day(self.date_to.date())


def as_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def as_day(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
