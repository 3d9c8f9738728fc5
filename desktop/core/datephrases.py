"""Date phrases lawyers write that name part of a day, a month, a year or a season.

Each becomes the days it covers, with a note (`FuzzyDate.part`) so it prints as written:

- nights spanning two dates: "night of 25 to 26 August 2008", "night of 25–26 Aug 2008",
  "в ночь с 25 на 26 августа 2008 года", "в ночь на 26 августа 2008 г." (the night
  *before* the 26th): the two days, noted "night";
- parts of a day: "morning/afternoon/evening of 3 May 2009", "утром/днём/вечером 3 мая
  2009": that day;
- early, mid, late: "early 2010", "mid-March 2008", "late November 2009", "в начале марта
  2009", "в середине 2009", "в конце 2008 года". Of a month: days 1–10, 11–20, 21–end;
  of a year: January–April, May–August, September–December;
- seasons, northern hemisphere: spring March–May, summer June–August, autumn (fall)
  September–November, winter December–February. "winter 2008/09" and "зимой 2008/09" are
  December 2008–February 2009; "winter 2009" alone is the winter 2009 begins in
  (December 2008–February 2009);
- "several days before X", "a few days before X", "за несколько дней до X": before X,
  noted as approximate;
- quarters and halves of a year, as judgments and reports date things: "Q1 2010", "the
  first quarter of 2010", "I квартал 2010 г.", "в 1-м квартале 2010 года", "the second
  half of 2009", "во второй половине 2009 года", "первое полугодие 2009": the months they
  cover, with no note, so they print as those months ("Jan–Mar 2010"). A note would be
  new to Dossier versions that sync with this one, and they would refuse the record.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from desktop.core.fuzzydate import DatePoint, FuzzyDate, FuzzyDateError, Precision, Qualifier

PointReader = Callable[[str], DatePoint | None]
SpanReader = Callable[[str], FuzzyDate]

_NIGHT_EN = re.compile(r"(?:on\s+)?(?:the\s+)?night\s+of\s+(?P<rest>.+)")
_NIGHT_RU_FROM = re.compile(r"в\s+ночь\s+с[о]?\s+(?P<first>\d{1,2})\s+на\s+(?P<last>.+)")
_NIGHT_RU_ON = re.compile(r"в\s+ночь\s+на\s+(?P<last>.+)")
_NIGHT_JOIN = re.compile(r"(?<=\d)\s*(?:/|\band\b|\binto\b)\s*(?=\d)")
_DAY_PART_EN = re.compile(
    r"(?:(?:on|in)\s+)?(?:the\s+)?(?P<part>morning|afternoon|evening)\s+of\s+(?P<rest>.+)"
)
_DAY_PART_RU = re.compile(r"(?P<part>утром|днем|вечером)\s+(?P<rest>.+)")
_DAY_PARTS = {
    "morning": "morning",
    "afternoon": "afternoon",
    "evening": "evening",
    "утром": "morning",
    "днем": "afternoon",
    "вечером": "evening",
}
_THIRD_EN = re.compile(
    r"(?:in\s+)?(?:the\s+)?(?P<part>early|mid|middle\s+of|late)[\s-]+(?P<rest>.+)"
)
_THIRD_RU = re.compile(
    r"(?:в\s+)?(?P<part>начале|середине|конце|начало|середина|конец)\s+(?P<rest>.+)"
)
_THIRDS = {
    "early": "early",
    "mid": "mid",
    "middle of": "mid",
    "late": "late",
    "начале": "early",
    "середине": "mid",
    "конце": "late",
    "начало": "early",  # "начало 2010 года", as a heading or a table cell writes it
    "середина": "mid",
    "конец": "late",
}
# "2009 г.", "2008/09 гг.", "2010 года" after a year a phrase ends with.
_YEAR_WORDS = r"(?:\s*(?:гг\.?|г\.|года|год|г))?"
_SEASON = re.compile(
    r"(?:in\s+)?(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter|весной|летом|осенью|зимой"
    r"|весна|лето|осень|зима)\s+(?:of\s+)?(?P<year>\d{4})(?:\s*/\s*(?P<next>\d{2}|\d{4}))?"
    + _YEAR_WORDS
)
_SEASONS = {
    "spring": "spring",
    "весной": "spring",
    "весна": "spring",
    "summer": "summer",
    "летом": "summer",
    "лето": "summer",
    "autumn": "autumn",
    "fall": "autumn",
    "осенью": "autumn",
    "осень": "autumn",
    "winter": "winter",
    "зимой": "winter",
    "зима": "winter",
}
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)}
_SEVERAL_DAYS = re.compile(
    r"(?:several|a\s+few|some)\s+days\s+(?:before|prior\s+to)\s+(?P<rest>.+)"
    r"|за\s+(?:несколько|пару|считанные)\s+дней\s+до\s+(?P<rest_ru>.+)"
)
_QUARTER_EN = re.compile(
    r"(?:in\s+|during\s+)?(?:the\s+)?(?:q(?P<q>[1-4])|(?P<nth>first|second|third|fourth|1st|2nd"
    r"|3rd|4th)\s+quarter(?:\s+of)?)\s+(?P<year>\d{4})"
)
_QUARTER_RU = re.compile(
    r"(?:в\s+|во\s+)?(?P<nth>[1-4]|iv|i{1,3}|перв\w*|втор\w*|трет\w*|четв[её]рт\w*)"
    r"(?:-?(?:й|м|го|ом|е))?\s+(?:квартал\w*|кв\.?)\s*(?P<year>\d{4})" + _YEAR_WORDS
)
_HALF_EN = re.compile(
    r"(?:in\s+|during\s+)?(?:the\s+)?(?:h(?P<h>[12])|(?P<nth>first|second|1st|2nd)\s+half"
    r"(?:\s+of)?)\s+(?P<year>\d{4})"
)
_HALF_RU = re.compile(
    r"(?:в\s+|во\s+)?(?P<nth>[12]|i{1,2}|перв\w*|втор\w*)(?:-?(?:й|м|го|ом|е))?\s+"
    r"(?:полугоди\w*|половин\w*)\s+(?P<year>\d{4})" + _YEAR_WORDS
)
_ORDINALS = {"1": 1, "2": 2, "3": 3, "4": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4, "1st": 1,
             "2nd": 2, "3rd": 3, "4th": 4, "first": 1, "second": 2, "third": 3, "fourth": 4,
             "перв": 1, "втор": 2, "трет": 3, "четв": 4}  # fmt: skip
_ON_OR_ABOUT = re.compile(r"(?:on\s+or\s+about|on\s+about|in\s+or\s+about)\s+(?P<rest>.+)")


def read_phrase(text: str, point: PointReader, span: SpanReader) -> FuzzyDate | None:
    """The date `text` (normalised: lower case, single spaces) names, or None if no phrase.

    `point` reads one date point, `span` a range ("25 to 26 August 2008"); both raise or
    return None as the main parser does.
    """
    if match := _NIGHT_EN.fullmatch(text):
        return _night_en(match["rest"], point, span)
    for reader in (
        _night_ru, _day_part, _season, _several_days, _on_or_about, _third, _quarter_or_half
    ):  # fmt: skip
        found = reader(text, point)
        if found is not None:
            return found
    return None


def _day(text: str, point: PointReader) -> DatePoint:
    found = point(text)
    if found is None or found.precision is not Precision.DAY:
        raise FuzzyDateError("Name the day, such as 26 August 2008.", "unreadable")
    return found


def _next_day(day: DatePoint, step: int) -> DatePoint:
    moved = day.earliest() + dt.timedelta(days=step)
    return DatePoint.of_day(moved.year, moved.month, moved.day)


def _night_of(first: DatePoint, last: DatePoint) -> FuzzyDate:
    if _next_day(first, 1) != last:
        raise FuzzyDateError("A night runs from one day into the next.", "range")
    return FuzzyDate.between(first, last).with_part("night")


def _night_ru(text: str, point: PointReader) -> FuzzyDate | None:
    if match := _NIGHT_RU_FROM.fullmatch(text):
        last = _day(match["last"], point)
        assert last.month is not None
        first_day = int(match["first"])
        if first_day > (last.day or 0):  # "с 31 на 1 сентября": the month before
            first = _next_day(last, -1)
        else:
            first = DatePoint.of_day(last.year, last.month, first_day)
        return _night_of(first, last)
    if match := _NIGHT_RU_ON.fullmatch(text):
        last = _day(match["last"], point)
        return _night_of(_next_day(last, -1), last)
    return None


def _night_en(rest: str, point: PointReader, span: SpanReader) -> FuzzyDate:
    """ "25 to 26 August 2008", "25/26 Aug 2008", "31 August to 1 September", or one day."""
    single = point(rest)
    if single is not None:  # "night of 25 August": that evening into the next day
        first = _day(rest, point)
        return _night_of(first, _next_day(first, 1))
    try:
        both = span(_NIGHT_JOIN.sub("–", rest))
    except FuzzyDateError:
        raise FuzzyDateError("Name the night's two days, such as 25 to 26 August 2008.") from None
    if both.start is None or both.end is None or both.start.precision is not Precision.DAY:
        raise FuzzyDateError("Name the night's two days, such as 25 to 26 August 2008.")
    return _night_of(both.start, both.end)


def _day_part(text: str, point: PointReader) -> FuzzyDate | None:
    match = _DAY_PART_EN.fullmatch(text) or _DAY_PART_RU.fullmatch(text)
    if match is None:
        return None
    day = _day(match["rest"], point)
    return FuzzyDate(day, part=_DAY_PARTS[match["part"]])


def _third(text: str, point: PointReader) -> FuzzyDate | None:
    match = _THIRD_EN.fullmatch(text) or _THIRD_RU.fullmatch(text)
    if match is None:
        return None
    whole = point(match["rest"])
    if whole is None:
        return None
    part = _THIRDS[" ".join(match["part"].split())]
    index = ("early", "mid", "late").index(part)
    if whole.precision is Precision.MONTH:
        assert whole.month is not None
        last_day = calendar.monthrange(whole.year, whole.month)[1]
        days = ((1, 10), (11, 20), (21, last_day))[index]
        return FuzzyDate.between(
            DatePoint.of_day(whole.year, whole.month, days[0]),
            DatePoint.of_day(whole.year, whole.month, days[1]),
        ).with_part(part)
    if whole.precision is Precision.YEAR:
        months = ((1, 4), (5, 8), (9, 12))[index]
        return FuzzyDate.between(
            DatePoint.of_month(whole.year, months[0]), DatePoint.of_month(whole.year, months[1])
        ).with_part(part)
    raise FuzzyDateError("Early, mid and late apply to a month or a year.", "unreadable")


def _season(text: str, point: PointReader) -> FuzzyDate | None:
    match = _SEASON.fullmatch(text)
    if match is None:
        return None
    season, year = _SEASONS[match["season"]], int(match["year"])
    following = match["next"]
    if following is not None:
        next_year = int(following) if len(following) == 4 else (year // 100) * 100 + int(following)
        if season != "winter" or next_year != year + 1:
            raise FuzzyDateError("Only a winter spans two years, such as 2008/09.", "range")
        year = next_year
    if season == "winter":  # the winter that `year` begins in: December before to February
        return FuzzyDate.between(
            DatePoint.of_month(year - 1, 12), DatePoint.of_month(year, 2)
        ).with_part("winter")
    first, last = _SEASON_MONTHS[season]
    return FuzzyDate.between(
        DatePoint.of_month(year, first), DatePoint.of_month(year, last)
    ).with_part(season)


def _several_days(text: str, point: PointReader) -> FuzzyDate | None:
    match = _SEVERAL_DAYS.fullmatch(text)
    if match is None:
        return None
    found = point(match["rest"] or match["rest_ru"])
    if found is None:
        raise FuzzyDateError("Name the date they were before.", "unreadable")
    return FuzzyDate(found, None, Qualifier.BEFORE, part="several days")


def _on_or_about(text: str, point: PointReader) -> FuzzyDate | None:
    match = _ON_OR_ABOUT.fullmatch(text)
    if match is None:
        return None
    found = point(match["rest"])
    if found is None:
        raise FuzzyDateError("Name the date, such as 3 May 2009.", "unreadable")
    return FuzzyDate(found, None, Qualifier.CIRCA)


def _quarter_or_half(text: str, _point: PointReader) -> FuzzyDate | None:
    """ "Q1 2010", "I квартал 2010 г.", "the second half of 2009": the months they cover."""
    for pattern, months in ((_QUARTER_EN, 3), (_QUARTER_RU, 3), (_HALF_EN, 6), (_HALF_RU, 6)):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        found = match.groupdict()
        nth = found.get("q") or found.get("h") or match["nth"]
        number = _ORDINALS.get(nth) or _ORDINALS[nth[:4]]
        year, last = int(match["year"]), number * months
        return FuzzyDate.between(
            DatePoint.of_month(year, last - months + 1), DatePoint.of_month(year, last)
        )
    return None
