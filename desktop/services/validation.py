"""Field rules shared by the services: one plain message per broken rule, naming the field.

The limits, the year range and what counts as valid text come from `core.rules`, the
rules `import-json`, sync and `vault verify` apply to stored rows: an editor cannot save
what an import would refuse.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from enum import StrEnum

from desktop.core import rules
from desktop.core.bilingual import TEXT_LANGS
from desktop.core.fuzzydate import FuzzyDate, FuzzyDateError, Qualifier
from desktop.errors import ValidationError

MAX_TITLE = rules.SHORT_TEXT
MAX_TEXT = rules.LONG_TEXT


def required_text(value: object, field: str, limit: int = MAX_TITLE) -> str:
    text = optional_text(value, field, limit)
    if not text:
        raise ValidationError("{field} is required.", field=field)
    return text


def optional_text(value: object, field: str, limit: int = MAX_TEXT) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError("{field} must be text.", field=field)
    text = value.strip()
    if len(text) > limit:
        raise ValidationError(
            "{field} is too long (at most {limit:,} characters).", field=field, limit=limit
        )
    if rules.text_problem(text, limit) is not None:
        raise ValidationError("{field} holds characters that are not text.", field=field)
    return text


def choice(value: object, enum: type[StrEnum], field: str) -> str:
    try:
        return enum(str(value)).value
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise ValidationError(
            "{field} must be one of: {allowed}.", field=field, allowed=allowed
        ) from None


def _reason_in(text: str, lang: str) -> str:
    """Why the date parser refuses `text`, in its own words in `lang`."""
    try:
        FuzzyDate.parse(text, lang)
    except FuzzyDateError as exc:
        return str(exc)
    return ""  # not reached: the same text was just refused


def fuzzy_date(value: object, field: str) -> FuzzyDate:
    """A FuzzyDate from a FuzzyDate, EDTF or what a person types ("circa March 2008")."""
    if isinstance(value, FuzzyDate):
        date = value
    elif value is None or value == "":
        return FuzzyDate.undated()
    elif not isinstance(value, str) or len(value) > 100:
        raise ValidationError("That is not a date Dossier understands.", field=field)
    else:
        try:
            date = FuzzyDate.parse(value)
        except FuzzyDateError as exc:
            refused = ValidationError(str(exc), field=field)
            refused.worded = {"ru": _reason_in(value, "ru")}
            raise refused from None
    if rules.year_problem(date) is not None:
        raise ValidationError(
            "The year must be between {low} and {high}.",
            field=field,
            low=rules.MIN_YEAR,
            high=rules.MAX_YEAR,
        )
    return date


def iso_day(value: object, field: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        day = None
    if day is None or rules.iso_day_problem(day.isoformat()) is not None:
        raise ValidationError("Give the date as YYYY-MM-DD (for example 2009-08-25).", field=field)
    return day.isoformat()


def due_day(value: object, field: str) -> str | None:
    """A deadline: one day, written any way a date field accepts ("5 Feb 2010", "05.02.2010").

    Stored as YYYY-MM-DD. A date that is not one day ("March 2010") is refused with how it
    was understood, since a deadline the register cannot count down to helps nobody.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    date = fuzzy_date(value, field)
    if date.is_undated:
        return None
    first, last = date.earliest(), date.latest()
    if first is None or first != last or date.qualifier is not Qualifier.EXACT or date.uncertain:
        raise ValidationError(
            "A response is due on one day; this reads as {date}.",
            field=field,
            date=date.display(),
        )
    return first.isoformat()


Cleaner = Callable[[object, str], object]


def flag(value: object, field: str) -> bool:
    if isinstance(value, bool):
        return value
    raise ValidationError("{field} must be yes or no.", field=field)


def one_of(enum: type[StrEnum]) -> Cleaner:
    return lambda value, field: choice(value, enum, field)


def short_text(value: object, field: str) -> str:
    return optional_text(value, field, MAX_TITLE)


def text_lang(value: object, field: str) -> str:
    """The language of a record's main text: "en", "ru", or "" (tell by the script)."""
    if value is None:
        return ""
    if value not in TEXT_LANGS:
        raise ValidationError("The language of the text must be en or ru.", field=field)
    return str(value)


def integer(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not -1_000_000 < value < 1_000_000:
        raise ValidationError("{field} must be a number.", field=field)
    return value


def reference(value: object, field: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > 64:
        raise ValidationError("That reference is not a record id.", field=field)
    return value


def clean_fields(
    values: Mapping[str, object], rules: Mapping[str, Cleaner], kind: str
) -> dict[str, object]:
    """Validate `values` field by field; unknown fields are refused, not ignored."""
    clean: dict[str, object] = {}
    for key, value in values.items():
        rule = rules.get(key)
        if rule is None:
            raise ValidationError(
                "A {kind} has no field called {name!r}.", field=key, kind=kind, name=key
            )
        clean[key] = rule(value, key)
    return clean
