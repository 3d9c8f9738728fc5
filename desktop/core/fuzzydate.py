"""Dates as advocates know them: a day, a month, a year, "circa", "before", a range.

A `FuzzyDate` is stored as EDTF text (ISO 8601-2, level 1) plus an ordering number, and
indexed through `sort_number`, `start_number` and `end_number`. Reading what people type
is `FuzzyDate.parse`; writing it for people is `display`.

Construct with the class methods, and qualify with `with_qualifier` or the `qualifier`
keyword::

    FuzzyDate.day(2008, 11, 24)                          # 2008-11-24
    FuzzyDate.month(2008, 3, qualifier=Qualifier.CIRCA)  # 2008-03~
    FuzzyDate.day(2010, 8, 5).with_qualifier(Qualifier.BEFORE)  # ../2010-08-05
    FuzzyDate.between(FuzzyDate.month(2007, 12), FuzzyDate.year(2008))  # 2007-12/2008

Bounds: "before X" may be as late as X itself, "after X" as early as X itself (a report
dated X is the usual evidence). "Circa" does not widen the bounds.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from desktop.core.enums import UnknownLanguageError

MIN_YEAR = 1
MAX_YEAR = 9999
UNDATED_NUMBER = 99_999_999
"""`sort_number` and `start_number` of an undated date: after every real date."""
OPEN_END_NUMBER = 99_991_231
"""`end_number` of a date with no latest bound ("after X")."""
OPEN_START_NUMBER = 0
"""`start_number` of a date with no earliest bound ("before X")."""


class FuzzyDateError(ValueError):
    """A date that cannot be read or does not exist; the message is one plain sentence.

    `code` names the kind of failure so a user interface can word it itself:
    "unreadable", "calendar", "year", "range", "qualifier", "order", "time" (a time of day
    given with the date, which is not kept).
    """

    def __init__(self, message: str, code: str = "unreadable") -> None:
        super().__init__(message)
        self.code = code


class Precision(StrEnum):
    """How much of a date point is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class Qualifier(StrEnum):
    """What is said about the date: it is exact, approximate, a bound, or a range."""

    EXACT = "exact"
    CIRCA = "circa"
    BEFORE = "before"
    AFTER = "after"
    BETWEEN = "between"


# Coarser first: "2008" opens the year, then the months and days within it.
_PRECISION_RANK = {
    Precision.CENTURY: -1,
    Precision.DECADE: 0,
    Precision.YEAR: 1,
    Precision.MONTH: 2,
    Precision.DAY: 3,
}
PARTS = frozenset(
    {
        "",
        "morning",
        "afternoon",
        "evening",
        "night",
        "early",
        "mid",
        "late",
        "spring",
        "summer",
        "autumn",
        "winter",
        "several days",
    }
)
"""Notes on how a date was written that EDTF cannot say ("night of 25–26 August 2008",
"early 2010", "spring 2009", "several days before 3 May 2009"); the date itself holds
the days they cover. See `desktop.core.datephrases` for what each covers."""


def known_part(note: object) -> str:
    """A stored note if it is one Dossier knows, else "": a note from another device or a
    damaged row then prints as the plain days instead of failing the whole timeline."""
    return note if isinstance(note, str) and note in PARTS else ""


_QUALIFIER_RANK = {
    Qualifier.BEFORE: 0,
    Qualifier.CIRCA: 1,
    Qualifier.EXACT: 2,
    Qualifier.BETWEEN: 3,
    Qualifier.AFTER: 4,
}
_SINGLE_QUALIFIERS = frozenset(
    {Qualifier.EXACT, Qualifier.CIRCA, Qualifier.BEFORE, Qualifier.AFTER}
)


@dataclass(frozen=True, slots=True)
class DatePoint:
    """One calendar point known to a precision: a day, a month, a year or a decade.

    A decade is given by its first year (2000 for the 2000s), a century likewise (1900
    for 19XX). `unspecified` writes the parts below the precision as X in EDTF: a month
    point with it is "2004-06-XX" (a day of June 2004), a year point "2004-XX".
    """

    year: int
    month: int | None = None
    day: int | None = None
    precision: Precision = Precision.YEAR
    unspecified: bool = False

    def __post_init__(self) -> None:
        for value in (self.year, self.month, self.day):
            if value is not None and (type(value) is not int):
                raise FuzzyDateError("Date parts must be whole numbers.", "calendar")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise FuzzyDateError("The year must be between 1 and 9999.", "year")
        wants_month = self.precision in (Precision.DAY, Precision.MONTH)
        wants_day = self.precision is Precision.DAY
        if (self.month is not None) != wants_month or (self.day is not None) != wants_day:
            raise FuzzyDateError("The date parts do not match its precision.", "calendar")
        if self.precision is Precision.DECADE and self.year % 10:
            raise FuzzyDateError("A decade must start at a year ending in 0.", "year")
        if self.precision is Precision.CENTURY and self.year % 100:
            raise FuzzyDateError("A century must start at a year ending in 00.", "year")
        if self.unspecified and self.precision not in (Precision.MONTH, Precision.YEAR):
            raise FuzzyDateError("Only a month or a year can leave its parts out.", "calendar")
        if self.month is not None and not 1 <= self.month <= 12:
            raise FuzzyDateError("The month must be between 1 and 12.", "calendar")
        if (
            self.day is not None
            and self.month is not None
            and not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]
        ):
            raise FuzzyDateError("That day does not exist in the calendar.", "calendar")

    @classmethod
    def of_day(cls, year: int, month: int, day: int) -> DatePoint:
        return cls(year, month, day, Precision.DAY)

    @classmethod
    def of_month(cls, year: int, month: int) -> DatePoint:
        return cls(year, month, None, Precision.MONTH)

    @classmethod
    def of_year(cls, year: int) -> DatePoint:
        return cls(year, None, None, Precision.YEAR)

    @classmethod
    def of_decade(cls, first_year: int) -> DatePoint:
        return cls(first_year, None, None, Precision.DECADE)

    @classmethod
    def of_century(cls, first_year: int) -> DatePoint:
        return cls(first_year, None, None, Precision.CENTURY)

    def earliest(self) -> datetime.date:
        """The first day the point covers."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> datetime.date:
        """The last day the point covers."""
        if self.precision is Precision.DECADE:
            return datetime.date(self.year + 9, 12, 31)
        if self.precision is Precision.CENTURY:
            return datetime.date(self.year + 99, 12, 31)
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return datetime.date(self.year, month, day)

    def to_edtf(self) -> str:
        """The point in EDTF: 2008-11-24, 2008-11, 2008, or 200X for a decade."""
        if self.precision is Precision.DECADE:
            return f"{self.year // 10:03d}X"
        if self.precision is Precision.CENTURY:
            return f"{self.year // 100:02d}XX"
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.unspecified:
            text += "-XX"
        return text


def _number(day: datetime.date) -> int:
    return day.year * 10_000 + day.month * 100 + day.day


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date as known: a point or a range, a qualifier, and an order within its day.

    `start` is the date itself, or the bound of "before"/"after", or the first end of a
    range; `end` is set only for `Qualifier.BETWEEN`. An undated date has neither.
    `order` places events of the same date among themselves and is not part of EDTF.
    `uncertain` is EDTF's "?" (with circa, "%"): the source itself is in doubt.
    `part` is a note on how the date was written that EDTF cannot hold (see `PARTS`); it
    is stored beside the EDTF text and does not change the days the date covers.
    """

    start: DatePoint | None = None
    end: DatePoint | None = None
    qualifier: Qualifier = Qualifier.EXACT
    order: int = 0
    uncertain: bool = False
    part: str = ""

    def __post_init__(self) -> None:
        if type(self.order) is not int or self.order < 0:
            raise FuzzyDateError("The order within a day must be zero or more.", "order")
        if self.part not in PARTS:
            raise FuzzyDateError("That is not a part of a day, month, year or season.", "part")
        if self.uncertain and self.qualifier not in (Qualifier.EXACT, Qualifier.CIRCA):
            raise FuzzyDateError("Only a single date can be marked uncertain.", "qualifier")
        if self.start is None:
            if self.end is not None or self.qualifier is not Qualifier.EXACT:
                raise FuzzyDateError("An undated date takes no qualifier.", "qualifier")
            return
        if (self.qualifier is Qualifier.BETWEEN) != (self.end is not None):
            raise FuzzyDateError("Only a range has an end date.", "qualifier")
        if self.end is not None and (
            self.start.earliest() > self.end.earliest() or self.start.latest() > self.end.latest()
        ):
            raise FuzzyDateError("A date range must not end before it starts.", "range")

    # -- construction ------------------------------------------------------------------

    @classmethod
    def undated(cls, *, order: int = 0) -> FuzzyDate:
        return cls(order=order)

    @classmethod
    def day(
        cls, year: int, month: int, day: int, *, qualifier: Qualifier = Qualifier.EXACT
    ) -> FuzzyDate:
        return cls._single(DatePoint.of_day(year, month, day), qualifier)

    @classmethod
    def month(cls, year: int, month: int, *, qualifier: Qualifier = Qualifier.EXACT) -> FuzzyDate:
        return cls._single(DatePoint.of_month(year, month), qualifier)

    @classmethod
    def year(cls, year: int, *, qualifier: Qualifier = Qualifier.EXACT) -> FuzzyDate:
        return cls._single(DatePoint.of_year(year), qualifier)

    @classmethod
    def decade(cls, first_year: int, *, qualifier: Qualifier = Qualifier.EXACT) -> FuzzyDate:
        """The decade starting at `first_year` (2000 for the 2000s)."""
        return cls._single(DatePoint.of_decade(first_year), qualifier)

    @classmethod
    def between(cls, first: FuzzyDate | DatePoint, last: FuzzyDate | DatePoint) -> FuzzyDate:
        """A range from `first` to `last`, each an exact point of any precision."""
        return cls(_exact_point(first), _exact_point(last), Qualifier.BETWEEN)

    @classmethod
    def _single(cls, point: DatePoint, qualifier: Qualifier) -> FuzzyDate:
        if qualifier not in _SINGLE_QUALIFIERS:
            raise FuzzyDateError("A range needs two dates.", "qualifier")
        return cls(point, None, qualifier)

    def with_qualifier(self, qualifier: Qualifier) -> FuzzyDate:
        """The same point as exact, circa, before or after."""
        if self.start is None or self.end is not None:
            raise FuzzyDateError("Only a single date can be qualified.", "qualifier")
        if qualifier not in _SINGLE_QUALIFIERS:
            raise FuzzyDateError("A range needs two dates.", "qualifier")
        return replace(self, qualifier=qualifier)

    def with_order(self, order: int) -> FuzzyDate:
        return replace(self, order=order)

    def with_part(self, part: str) -> FuzzyDate:
        """The same days, with a note on how they were written ("night", "early", "spring")."""
        return replace(self, part=part)

    # -- facts -------------------------------------------------------------------------

    @property
    def is_undated(self) -> bool:
        return self.start is None

    @property
    def precision(self) -> Precision | None:
        """The precision of the start point; None when undated."""
        return None if self.start is None else self.start.precision

    def earliest(self) -> datetime.date | None:
        """The first day the date may be; None if unbounded or undated."""
        if self.start is None or self.qualifier is Qualifier.BEFORE:
            return None
        return self.start.earliest()

    def latest(self) -> datetime.date | None:
        """The last day the date may be; None if unbounded or undated."""
        if self.start is None or self.qualifier is Qualifier.AFTER:
            return None
        return (self.end or self.start).latest()

    def contains(self, day: datetime.date) -> bool:
        """Whether the date may be `day`. An undated date contains no day."""
        return self.overlaps(day, day)

    def overlaps(self, first: datetime.date | None, last: datetime.date | None) -> bool:
        """Whether the date may fall within first..last (None: open on that side)."""
        if first is not None and last is not None and first > last:
            raise FuzzyDateError("A date range must not end before it starts.", "range")
        if self.start is None:
            return False
        earliest, latest = self.earliest(), self.latest()
        if last is not None and earliest is not None and earliest > last:
            return False
        return not (first is not None and latest is not None and latest < first)

    # -- ordering and indexing ---------------------------------------------------------

    def sort_key(self) -> tuple[int, ...]:
        """A total order: by the start's first day, coarser precision first, then order.

        "Before X" sorts at X; undated dates come last. Qualifier and range end only
        break the remaining ties, so that distinct dates never compare equal.
        """
        if self.start is None:
            return (1, 0, 0, self.order, 0, 0, 0)
        end_number = 0 if self.end is None else _number(self.end.latest())
        end_rank = -1 if self.end is None else _PRECISION_RANK[self.end.precision]
        return (
            0,
            _number(self.start.earliest()),
            _PRECISION_RANK[self.start.precision],
            self.order,
            _QUALIFIER_RANK[self.qualifier],
            end_number,
            end_rank,
        )

    def timeline_key(self) -> tuple[int, int, int]:
        """Where a fact with this date stands in a timeline, as the table and the pack sort.

        By the first day it may have happened ("before X" at X; undated last); on the same
        first day the shorter span first (a day before its month, a month before its year,
        "after X" last); then `order`, the manual order among facts of the same date.
        """
        return (self.sort_number(), self.end_number(), self.order)

    def sort_number(self) -> int:
        """yyyymmdd of the start's first day, for an index column; undated: 99999999."""
        return UNDATED_NUMBER if self.start is None else _number(self.start.earliest())

    def start_number(self) -> int:
        """yyyymmdd of `earliest()`: 0 when open ("before"), 99999999 when undated.

        With `end_number`, a date may fall in [a, b] exactly when
        ``start_number <= b and end_number >= a``; undated dates never match.
        """
        if self.start is None:
            return UNDATED_NUMBER
        earliest = self.earliest()
        return OPEN_START_NUMBER if earliest is None else _number(earliest)

    def end_number(self) -> int:
        """yyyymmdd of `latest()`: 99991231 when open ("after"), 0 when undated."""
        if self.start is None:
            return 0
        latest = self.latest()
        return OPEN_END_NUMBER if latest is None else _number(latest)

    # -- EDTF --------------------------------------------------------------------------

    def to_edtf(self) -> str:
        """The date as EDTF level 1 text; `order` is not part of it."""
        if self.start is None:
            return "XXXX"
        point = self.start.to_edtf()
        if self.uncertain:
            return point + ("%" if self.qualifier is Qualifier.CIRCA else "?")
        if self.qualifier is Qualifier.CIRCA:
            return point + "~"
        if self.qualifier is Qualifier.BEFORE:
            return "../" + point
        if self.qualifier is Qualifier.AFTER:
            return point + "/.."
        if self.end is not None:
            return point + "/" + self.end.to_edtf()
        return point

    @classmethod
    def from_edtf(cls, text: str, *, order: int = 0) -> FuzzyDate:
        """Read the EDTF that `to_edtf` writes, strictly."""
        if len(text) > 40:
            raise FuzzyDateError("This is not a date in EDTF form.")
        if text == "XXXX":
            return cls(order=order)
        if text.count("/") == 1:
            left, right = text.split("/")
            if left == ".." and right != "..":
                return cls(_edtf_point(right), None, Qualifier.BEFORE, order)
            if right == ".." and left != "..":
                return cls(_edtf_point(left), None, Qualifier.AFTER, order)
            return cls(_edtf_point(left), _edtf_point(right), Qualifier.BETWEEN, order)
        if text.endswith("~"):
            return cls(_edtf_point(text[:-1]), None, Qualifier.CIRCA, order)
        if text.endswith("?"):
            return cls(_edtf_point(text[:-1]), None, Qualifier.EXACT, order, uncertain=True)
        if text.endswith("%"):
            return cls(_edtf_point(text[:-1]), None, Qualifier.CIRCA, order, uncertain=True)
        return cls(_edtf_point(text), None, Qualifier.EXACT, order)

    # -- reading what people type ------------------------------------------------------

    @classmethod
    def parse(cls, text: str, lang: str | None = None) -> FuzzyDate:
        """Read a date as typed, in English or Russian, or as EDTF.

        `lang` ("en", "ru" or None) only chooses the language of the error message;
        both languages are always understood. `desktop.core.dateparse` lists the forms.
        """
        # The reader and the writer live in their own modules, which build on this one.
        from desktop.core.dateparse import parse_fuzzy_date

        if lang not in (None, "en", "ru"):
            raise UnknownLanguageError("Dates are read only in English and Russian.")
        return parse_fuzzy_date(text, lang or "en")

    # -- writing for people ------------------------------------------------------------

    def display(self, lang: str = "en", style: str = "long") -> str:
        """The date for people: "24 November 2008", "около марта 2008", "3–11 Dec 2007"."""
        from desktop.core.datedisplay import display_fuzzy_date

        return display_fuzzy_date(self, lang, style)


def _exact_point(value: FuzzyDate | DatePoint) -> DatePoint:
    if isinstance(value, DatePoint):
        return value
    if value.start is None or value.qualifier is not Qualifier.EXACT:
        raise FuzzyDateError("Each end of a range must be a plain date.", "qualifier")
    return value.start


_EDTF_POINT = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}|XX))?|-(XX))?|(\d{3})X|(\d{2})XX", re.ASCII)


def _edtf_point(text: str) -> DatePoint:
    match = _EDTF_POINT.fullmatch(text)
    if match is None:
        raise FuzzyDateError("This is not a date in EDTF form.")
    year, month, day, no_month, decade, century = match.groups()
    if decade is not None:
        return DatePoint.of_decade(int(decade) * 10)
    if century is not None:
        return DatePoint.of_century(int(century) * 100)
    if no_month is not None:
        return DatePoint(int(year), None, None, Precision.YEAR, unspecified=True)
    if day == "XX":
        return DatePoint(int(year), int(month), None, Precision.MONTH, unspecified=True)
    if day is not None:
        return DatePoint.of_day(int(year), int(month), int(day))
    if month is not None:
        return DatePoint.of_month(int(year), int(month))
    return DatePoint.of_year(int(year))
