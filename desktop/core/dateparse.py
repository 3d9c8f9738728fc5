"""Reading dates as advocates type them, in English or Russian.

Understood, case-insensitively, after trying strict EDTF first:

- days: "24.11.2008", "24/11/2008", "24-11-2008" (day first), "2008-11-24",
  "24 November 2008", "24 Nov. 2008", "November 24, 2008", "24 ноября 2008 г.";
- months: "11.2008", "2008-11", "Dec 2007", "December 2007", "декабрь 2007", "в декабре 2007";
- years and decades: "2008", "2008 год", "2000s", "the 2000s", "2000-е", "200X";
- qualifiers: "c. 2008", "circa March 2008", "~2008", "около марта 2008";
  "before 2010-08-05", "до 5 августа 2010", "не позднее 2010"; "after 2009", "после 2009";
- ranges: "2007-12-03 to 2007-12-11", "3-11 Dec 2007", "3–11 декабря 2007",
  "March–May 2008", "30 Nov – 3 Dec 2007", "between 2007 and 2009", "с 3 по 11 декабря 2007";
- ranges as judgments write them: "в период с 24 ноября 2008 года по 16 ноября 2009
  года", "in the period from 3 to 11 December 2007";
- no date: "", "undated", "n.d.", "без даты", "б. д.";
- EDTF's own "2008?" (uncertain), "2008%" (uncertain and approximate), "2004-06-XX",
  "19XX" (unspecified digits);
- parts of days, months, years, seasons, quarters, "on or about", "several days before":
  `desktop.core.datephrases`.

A date with a time of day ("16.11.2009 21:50") is refused with a message that says so:
the time is not kept, and dropping it unseen would lose what was typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace

from desktop.core.datephrases import read_phrase
from desktop.core.fuzzydate import DatePoint, FuzzyDate, FuzzyDateError, Qualifier
from desktop.core.months import month_number

MAX_INPUT_LENGTH = 200

_MESSAGES = {
    "en": {
        "unreadable": "Enter a date such as 24.11.2008, Dec 2007, c. 2008 or 3–11 Dec 2007.",
        "too_long": "That is too long to be a date.",
        "time": (
            "Dossier keeps the day, not the time of day: enter the date alone and put the "
            "time in the title or description."
        ),
    },
    "ru": {
        "unreadable": (
            "Введите дату, например 24.11.2008, дек. 2007, около 2008 или 3–11 дек. 2007."
        ),
        "too_long": "Это слишком длинно для даты.",
        "time": (
            "Dossier хранит день, а не время суток: введите дату без времени, а время "
            "укажите в названии или описании."
        ),
        "calendar": "Такого дня нет в календаре.",
        "year": "Год должен быть от 1 до 9999.",
        "range": "Диапазон дат не может заканчиваться раньше, чем начинается.",
    },
}

_UNDATED_WORDS = frozenset(
    {
        "",
        "undated",
        "no date",
        "n.d.",
        "n. d.",
        "nd",
        "date unknown",
        "unknown",
        "xxxx",
        "без даты",
        "б. д.",
        "б.д.",
        "дата неизвестна",
        "неизвестно",
    }
)


def _longest_first(*words: str) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


_QUALIFIER_WORDS: tuple[tuple[Qualifier, tuple[str, ...]], ...] = (
    (
        Qualifier.CIRCA,
        _longest_first(
            "circa",
            "approximately",
            "approx.",
            "approx",
            "about",
            "around",
            "ca.",
            "ca",
            "c.",
            "c",
            "~",
            "около",
            "ок.",
            "ок",
            "примерно",
            "приблизительно",
        ),
    ),
    (Qualifier.BEFORE, _longest_first("before", "bef.", "prior to", "до", "не позднее")),
    (Qualifier.AFTER, _longest_first("after", "aft.", "после", "не ранее")),
)

_RANGE_WITH_WORDS = re.compile(
    r"(?:between|from|между|с|со)\s+(?P<first>.+?)\s+"
    r"(?:and|to|until|till|through|и|по|до)\s+(?P<last>.+)"
)
# Tried in this order; a bare hyphen last, since ISO dates are full of them.
_RANGE_SEPARATORS = (
    re.compile(r"\s+(?:to|until|till|through|по)\s+"),
    re.compile(r"\s*[–—]\s*"),
    re.compile(r"\s+-\s+"),
    re.compile(r"-"),
)

_LEADING_FILLER = re.compile(r"^(?:(?:in|on|of|the|в|во)\s+)+")
# "2008 г.", "2008г", "2000-е годы": the word for year(s) after a year or a decade.
_YEAR_WORD = re.compile(
    r"(?:(?<=\d)\s*|(?<=[еeхs])\s+)(?:г\.|гг\.|г|года|году|год|годов|годах|годы)$"
)
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_MONTH_FIRST = re.compile(r"(\d{1,2})[-/.](\d{4})")
_YEAR = re.compile(r"\d{3,4}")
_DECADE = re.compile(r"(\d{3})(?:0(?:s|'s|’s|-?[еeх])|[xх])")
_ORDINAL_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")


@dataclass(frozen=True, slots=True)
class _Parts:
    """What a piece of text says about a point; parts may be missing on a range's left."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    decade: bool = False
    century: bool = False

    def point(self) -> DatePoint | None:
        """The point, if the year is known; raises FuzzyDateError if it does not exist."""
        if self.year is None:
            return None
        if self.century:
            return DatePoint.of_century(self.year)
        if self.decade:
            return DatePoint.of_decade(self.year)
        if self.month is None:
            return None if self.day is not None else DatePoint.of_year(self.year)
        if self.day is None:
            return DatePoint.of_month(self.year, self.month)
        return DatePoint.of_day(self.year, self.month, self.day)


def parse_fuzzy_date(text: str, lang: str = "en") -> FuzzyDate:
    """Read a date as typed; see the module docstring for what is understood."""
    messages = _MESSAGES["ru" if lang == "ru" else "en"]
    if len(text) > MAX_INPUT_LENGTH:
        raise FuzzyDateError(messages["too_long"], "too_long")
    try:
        return _parse(text)
    except FuzzyDateError as error:
        if error.code == "unreadable" and _TIME_OF_DAY.search(_normalise(text)):
            raise FuzzyDateError(messages["time"], "time") from None
        if lang == "ru" or error.code == "unreadable":
            raise FuzzyDateError(messages.get(error.code, str(error)), error.code) from None
        raise


# A time of day beside a date ("16.11.2009 21:50", "2009-11-16T21:50", "в 21 час 50 минут",
# "at 9 pm"): looked for only in text that did not read as a date, to say why.
_TIME_OF_DAY = re.compile(
    r"\d{1,2}:\d{2}|\d{1,2}\s*(?:час|ч\.|ч\b)|\d(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)"
    r"|(?:^|\s)(?:в|at)\s+\d{1,2}[.:h]\d{2}(?:\s|$)|\d{1,2}h\d{2}"
)


def _parse(text: str) -> FuzzyDate:
    stripped = text.strip()
    try:
        return FuzzyDate.from_edtf(stripped)
    except FuzzyDateError:
        pass
    normal = _normalise(stripped)
    if normal in _UNDATED_WORDS:
        return FuzzyDate.undated()
    normal = normal.removesuffix(".")
    doubt = _DOUBT.fullmatch(normal)
    if doubt is not None:  # "2008 (uncertain)", as `display` writes EDTF's "2008?"
        date = _parse(doubt["rest"])
        if date.is_undated or date.uncertain:
            raise _unreadable()
        return replace(date, uncertain=True)
    phrase = read_phrase(normal, _full_point, _range)
    if phrase is not None:
        return phrase
    qualifier, rest = _split_qualifier(normal)
    if qualifier is not None:
        point = _full_point(rest)
        if point is None:
            raise _unreadable()
        return FuzzyDate(point, None, qualifier)
    point = _full_point(normal)
    if point is not None:
        return FuzzyDate(point)
    return _range(normal)


_DOUBT = re.compile(r"(?P<rest>.+?)\s*\((?:uncertain|под вопросом)\)")
_CENTURY_EN = re.compile(r"(?:the\s+)?(\d{1,3})(?:st|nd|rd|th)\s+century")
_CENTURY_RU = re.compile(r"([ivxlcхіс]+|\d{1,3})\s*(?:век|века|веке|в\.)")
# Russian writers often type Roman numerals with the Cyrillic letters that look the same.
_LOOKALIKES = str.maketrans("хіс", "xic")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _century(text: str) -> DatePoint | None:
    """ "20th century", "XX век", "в XX веке": the hundred years 1900–1999."""
    match = _CENTURY_EN.fullmatch(text) or _CENTURY_RU.fullmatch(_LEADING_FILLER.sub("", text))
    if match is None:
        return None
    token = match[1]
    if token.isdigit():
        number = int(token)
    else:
        values = [_ROMAN[c] for c in token.translate(_LOOKALIKES)]
        number = sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))
    if number < 2:
        raise FuzzyDateError("The year must be between 1 and 9999.", "year")
    return DatePoint.of_century((number - 1) * 100)


def _unreadable() -> FuzzyDateError:
    return FuzzyDateError("The text is not a date.", "unreadable")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("ё", "е")
    return " ".join(text.split())


def _split_qualifier(text: str) -> tuple[Qualifier | None, str]:
    if text.endswith("~"):
        return Qualifier.CIRCA, text[:-1].strip()
    for qualifier, words in _QUALIFIER_WORDS:
        for word in words:
            if not text.startswith(word):
                continue
            rest = text[len(word) :]
            if word[-1] in ".~" or rest[:1].isspace():
                return qualifier, rest.strip()
    return None, text


# "в период с 24 ноября 2008 года по 16 ноября 2009 года", as judgments write a range.
_PERIOD = re.compile(
    r"(?:(?:в|за)\s+период(?:\s+времени)?|(?:in|during|over)\s+the\s+period(?:\s+of)?)\s+"
)


def _range(text: str) -> FuzzyDate:
    """A range, or FuzzyDateError; a split whose ends exist but clash reports that."""
    if period := _PERIOD.match(text):
        text = text[period.end() :]
    clash: FuzzyDateError | None = None
    for first_text, last_text in _range_splits(text):
        try:
            last = _full_point(last_text)
            first = _partial(first_text)
            if last is None or first is None:
                continue
            first_point = _complete(first, last)
            if first_point is not None:
                return FuzzyDate.between(first_point, last)
        except FuzzyDateError as error:
            clash = clash or error
    raise clash or _unreadable()


def _range_splits(text: str) -> Iterator[tuple[str, str]]:
    words = _RANGE_WITH_WORDS.fullmatch(text)
    if words is not None:
        yield words["first"], words["last"]
    for separator in _RANGE_SEPARATORS:
        for match in separator.finditer(text):
            yield text[: match.start()].strip(), text[match.end() :].strip()


def _complete(first: _Parts, last: DatePoint) -> DatePoint | None:
    """The range's first end, taking the month and year it leaves out from the last."""
    if first.year is not None:
        return first.point()
    if first.decade or first.century:
        return None
    month = first.month
    if month is None and first.day is not None:
        month = last.month
    if month is None:
        return None
    return _Parts(last.year, month, first.day).point()


def _full_point(text: str) -> DatePoint | None:
    parts = _partial(text)
    return None if parts is None else parts.point()


def _partial(text: str) -> _Parts | None:
    """What `text` says about one point, or None when it is not a point at all."""
    text = _LEADING_FILLER.sub("", _YEAR_WORD.sub("", text.strip())).strip()
    if match := _ISO.fullmatch(text):
        year, month, day = match.groups()
        return _Parts(int(year), int(month), None if day is None else int(day))
    if match := _DAY_FIRST.fullmatch(text):
        day, month, year = match.groups()
        return _Parts(int(year), int(month), int(day))
    if match := _MONTH_FIRST.fullmatch(text):
        month, year = match.groups()
        return _Parts(int(year), int(month))
    if match := _DECADE.fullmatch(text):
        return _Parts(int(match[1]) * 10, decade=True)
    if (century := _century(text)) is not None:
        return _Parts(century.year, century=True)
    return _words(text)


def _words(text: str) -> _Parts | None:
    """Day, month name and year in any order English or Russian writers use."""
    year = month = day = None
    for token in re.split(r"[\s,]+", text):
        if not token:
            continue
        if _YEAR.fullmatch(token) and year is None:
            year = int(token)
        elif (ordinal := _ORDINAL_DAY.fullmatch(token)) and day is None and year is None:
            day = int(ordinal[1])
        elif (number := month_number(token)) is not None and month is None and year is None:
            month = number
        else:
            return None
    if year is month is day is None or (month is None and None not in (year, day)):
        return None  # nothing at all, or a day and a year with no month between them
    return _Parts(year, month, day)
