"""The dates lawyers write, in English and Russian: what each is stored as, how it prints.

Each row: the text as typed, the EDTF stored, the note kept beside it, and how it prints
(English short style, as the timeline table shows it). Plus nonsense that must be refused.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.fuzzydate import DatePoint, FuzzyDate, FuzzyDateError, Precision, Qualifier

# text, EDTF, note, English (short)
PHRASES: list[tuple[str, str, str, str]] = [
    # nights spanning two dates
    ("night of 25 to 26 August 2008", "2008-08-25/2008-08-26", "night", "night of 25–26 Aug 2008"),
    ("night of 25–26 August 2008", "2008-08-25/2008-08-26", "night", "night of 25–26 Aug 2008"),
    ("night of 25-26 Aug 2008", "2008-08-25/2008-08-26", "night", "night of 25–26 Aug 2008"),
    ("the night of 25/26 August 2008", "2008-08-25/2008-08-26", "night", "night of 25–26 Aug 2008"),
    ("on the night of 31 August to 1 September 2008", "2008-08-31/2008-09-01", "night",
     "night of 31 Aug – 1 Sep 2008"),
    ("night of 25 August 2008", "2008-08-25/2008-08-26", "night", "night of 25–26 Aug 2008"),
    ("Night of 31 December 2008 to 1 January 2009", "2008-12-31/2009-01-01", "night",
     "night of 31 Dec 2008 – 1 Jan 2009"),
    ("в ночь на 26 августа 2008 г.", "2008-08-25/2008-08-26", "night", "night of 25–26 Aug 2008"),
    ("в ночь на 26 августа 2008 года", "2008-08-25/2008-08-26", "night", "night of 25–26 Aug 2008"),
    ("в ночь с 25 на 26 августа 2008 года", "2008-08-25/2008-08-26", "night",
     "night of 25–26 Aug 2008"),
    ("В ночь с 25 на 26 августа 2008 г.", "2008-08-25/2008-08-26", "night",
     "night of 25–26 Aug 2008"),
    ("в ночь с 31 на 1 сентября 2008", "2008-08-31/2008-09-01", "night",
     "night of 31 Aug – 1 Sep 2008"),
    ("в ночь на 1 января 2009 г.", "2008-12-31/2009-01-01", "night",
     "night of 31 Dec 2008 – 1 Jan 2009"),
    # parts of a day
    ("morning of 3 May 2009", "2009-05-03", "morning", "morning of 3 May 2009"),
    ("in the morning of 3 May 2009", "2009-05-03", "morning", "morning of 3 May 2009"),
    ("afternoon of 3 May 2009", "2009-05-03", "afternoon", "afternoon of 3 May 2009"),
    ("evening of 3 May 2009", "2009-05-03", "evening", "evening of 3 May 2009"),
    ("on the evening of 03.05.2009", "2009-05-03", "evening", "evening of 3 May 2009"),
    ("утром 3 мая 2009 г.", "2009-05-03", "morning", "morning of 3 May 2009"),
    ("днём 3 мая 2009", "2009-05-03", "afternoon", "afternoon of 3 May 2009"),
    ("вечером 3 мая 2009 года", "2009-05-03", "evening", "evening of 3 May 2009"),
    ("вечером 03.05.2009", "2009-05-03", "evening", "evening of 3 May 2009"),
    # early, mid, late: of a year, of a month
    ("early 2010", "2010-01/2010-04", "early", "early 2010"),
    ("mid-2010", "2010-05/2010-08", "mid", "mid-2010"),
    ("mid 2010", "2010-05/2010-08", "mid", "mid-2010"),
    ("late 2010", "2010-09/2010-12", "late", "late 2010"),
    ("in late 2010", "2010-09/2010-12", "late", "late 2010"),
    ("early March 2008", "2008-03-01/2008-03-10", "early", "early Mar 2008"),
    ("mid-March 2008", "2008-03-11/2008-03-20", "mid", "mid-Mar 2008"),
    ("the middle of March 2008", "2008-03-11/2008-03-20", "mid", "mid-Mar 2008"),
    ("late November 2009", "2009-11-21/2009-11-30", "late", "late Nov 2009"),
    ("late February 2008", "2008-02-21/2008-02-29", "late", "late Feb 2008"),
    ("в начале 2010 года", "2010-01/2010-04", "early", "early 2010"),
    ("в середине 2010 г.", "2010-05/2010-08", "mid", "mid-2010"),
    ("в конце 2008 года", "2008-09/2008-12", "late", "late 2008"),
    ("в начале марта 2009", "2009-03-01/2009-03-10", "early", "early Mar 2009"),
    ("в середине марта 2009 г.", "2009-03-11/2009-03-20", "mid", "mid-Mar 2009"),
    ("в конце ноября 2009 года", "2009-11-21/2009-11-30", "late", "late Nov 2009"),
    ("начало 2010 года", "2010-01/2010-04", "early", "early 2010"),  # a table cell's wording
    ("конец 2008 г.", "2008-09/2008-12", "late", "late 2008"),
    ("середина марта 2009", "2009-03-11/2009-03-20", "mid", "mid-Mar 2009"),
    # seasons, northern hemisphere
    ("spring 2009", "2009-03/2009-05", "spring", "spring 2009"),
    ("summer 2009", "2009-06/2009-08", "summer", "summer 2009"),
    ("autumn 2009", "2009-09/2009-11", "autumn", "autumn 2009"),
    ("fall 2009", "2009-09/2009-11", "autumn", "autumn 2009"),
    ("in the spring of 2009", "2009-03/2009-05", "spring", "spring 2009"),
    ("winter 2008/09", "2008-12/2009-02", "winter", "winter 2008/09"),
    ("winter 2008/2009", "2008-12/2009-02", "winter", "winter 2008/09"),
    ("winter 2009", "2008-12/2009-02", "winter", "winter 2008/09"),
    ("весной 2009", "2009-03/2009-05", "spring", "spring 2009"),
    ("летом 2009 г.", "2009-06/2009-08", "summer", "summer 2009"),
    ("осенью 2009 года", "2009-09/2009-11", "autumn", "autumn 2009"),
    ("зимой 2008/09", "2008-12/2009-02", "winter", "winter 2008/09"),
    ("зимой 2008/2009 гг.", "2008-12/2009-02", "winter", "winter 2008/09"),
    ("весна 2009", "2009-03/2009-05", "spring", "spring 2009"),
    # quarters and halves of a year: their months, with no note
    ("Q1 2010", "2010-01/2010-03", "", "Jan–Mar 2010"),
    ("the third quarter of 2011", "2011-07/2011-09", "", "Jul–Sep 2011"),
    ("4th quarter 2009", "2009-10/2009-12", "", "Oct–Dec 2009"),
    ("I квартал 2010 г.", "2010-01/2010-03", "", "Jan–Mar 2010"),
    ("в 1-м квартале 2010 года", "2010-01/2010-03", "", "Jan–Mar 2010"),
    ("во втором квартале 2010 г.", "2010-04/2010-06", "", "Apr–Jun 2010"),
    ("IV квартал 2009 года", "2009-10/2009-12", "", "Oct–Dec 2009"),
    ("1 кв. 2010 г.", "2010-01/2010-03", "", "Jan–Mar 2010"),
    ("III кв. 2011", "2011-07/2011-09", "", "Jul–Sep 2011"),
    ("четвёртый квартал 2009", "2009-10/2009-12", "", "Oct–Dec 2009"),
    ("the second half of 2009", "2009-07/2009-12", "", "Jul–Dec 2009"),
    ("H1 2009", "2009-01/2009-06", "", "Jan–Jun 2009"),
    ("во второй половине 2009 года", "2009-07/2009-12", "", "Jul–Dec 2009"),
    ("первое полугодие 2009", "2009-01/2009-06", "", "Jan–Jun 2009"),
    ("в первом полугодии 2009 г.", "2009-01/2009-06", "", "Jan–Jun 2009"),
    # on or about; several days before
    ("on or about 3 May 2009", "2009-05-03~", "", "c. 3 May 2009"),
    ("On or about May 2009", "2009-05~", "", "c. May 2009"),
    ("около 3 мая 2009 г.", "2009-05-03~", "", "c. 3 May 2009"),
    ("приблизительно 3 мая 2009", "2009-05-03~", "", "c. 3 May 2009"),
    ("several days before 3 May 2009", "../2009-05-03", "several days",
     "several days before 3 May 2009"),
    ("a few days before 3 May 2009", "../2009-05-03", "several days",
     "several days before 3 May 2009"),
    ("за несколько дней до 3 мая 2009 г.", "../2009-05-03", "several days",
     "several days before 3 May 2009"),
    ("за несколько дней до 03.05.2009", "../2009-05-03", "several days",
     "several days before 3 May 2009"),
    # EDTF qualifiers and unspecified digits
    ("2008?", "2008?", "", "2008 (uncertain)"),
    ("2008~", "2008~", "", "c. 2008"),
    ("2008%", "2008%", "", "c. 2008 (uncertain)"),
    ("2008-11?", "2008-11?", "", "Nov 2008 (uncertain)"),
    ("2008-11-24%", "2008-11-24%", "", "c. 24 Nov 2008 (uncertain)"),
    ("2004-06-XX", "2004-06-XX", "", "Jun 2004"),
    ("2004-XX", "2004-XX", "", "2004"),
    ("19XX", "19XX", "", "20th century"),
    ("200X", "200X", "", "2000s"),
    ("2008 (uncertain)", "2008?", "", "2008 (uncertain)"),
    ("2008 (под вопросом)", "2008?", "", "2008 (uncertain)"),
    ("20th century", "19XX", "", "20th century"),
    ("XX век", "19XX", "", "20th century"),
    ("в XIX веке", "18XX", "", "19th century"),
    ("около XX века", "19XX~", "", "c. 20th century"),
    ("ХХ век", "19XX", "", "20th century"),  # Cyrillic Х, as often typed
    ("до XX века", "../19XX", "", "before 20th century"),
    ("c. 20th century", "19XX~", "", "c. 20th century"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "edtf", "note", "shown"), PHRASES, ids=[p[0] for p in PHRASES])
def test_phrase_is_stored_and_printed_as_written(
    text: str, edtf: str, note: str, shown: str
) -> None:
    date = FuzzyDate.parse(text)
    assert (date.to_edtf(), date.part, date.display("en", "short")) == (edtf, note, shown)


def test_there_are_at_least_sixty_phrases_in_both_languages() -> None:
    russian = [p for p in PHRASES if any("а" <= c <= "я" for c in p[0].lower())]
    assert len(PHRASES) >= 60 and len(russian) >= 20


@pytest.mark.parametrize(("text", "edtf", "note", "shown"), PHRASES, ids=[p[0] for p in PHRASES])
def test_phrase_round_trips_through_storage_and_what_it_prints(
    text: str, edtf: str, note: str, shown: str
) -> None:
    """EDTF plus the note give the same date back; what it prints reads back as the same."""
    date = FuzzyDate.parse(text)
    stored = FuzzyDate.from_edtf(date.to_edtf()).with_part(date.part)
    assert stored == date
    for lang in ("en", "ru"):
        for style in ("long", "short"):
            again = FuzzyDate.parse(date.display(lang, style))
            assert (again.earliest(), again.latest(), again.part, again.qualifier) == (
                date.earliest(),
                date.latest(),
                date.part,
                date.qualifier,
            ), (lang, style, date.display(lang, style))


RUSSIAN_PRINTS = [
    ("night of 25 to 26 August 2008", "в ночь с 25 на 26 августа 2008"),
    ("вечером 3 мая 2009", "вечером 3 мая 2009"),
    ("late November 2009", "в конце ноября 2009"),
    ("early 2010", "в начале 2010"),
    ("spring 2009", "весной 2009"),
    ("winter 2008/09", "зимой 2008/09"),
    ("several days before 3 May 2009", "за несколько дней до 3 мая 2009"),
    ("2008?", "2008 (под вопросом)"),
    ("19XX", "XX век"),
]


@pytest.mark.parametrize(("text", "russian"), RUSSIAN_PRINTS)
def test_printed_in_russian(text: str, russian: str) -> None:
    assert FuzzyDate.parse(text).display("ru") == russian


def test_night_of_prints_long_and_short() -> None:
    date = FuzzyDate.parse("в ночь на 26 августа 2008 г.")
    assert date.display() == "night of 25–26 August 2008"
    assert date.display(style="short") == "night of 25–26 Aug 2008"


def test_seasons_and_parts_cover_the_days_they_name() -> None:
    import datetime as dt

    winter = FuzzyDate.parse("зимой 2008/09")
    assert (winter.earliest(), winter.latest()) == (dt.date(2008, 12, 1), dt.date(2009, 2, 28))
    late = FuzzyDate.parse("late February 2008")
    assert late.latest() == dt.date(2008, 2, 29)
    before = FuzzyDate.parse("several days before 3 May 2009")
    assert (before.earliest(), before.latest()) == (None, dt.date(2009, 5, 3))
    century = FuzzyDate.parse("19XX")
    assert (century.earliest(), century.latest()) == (dt.date(1900, 1, 1), dt.date(1999, 12, 31))
    june = FuzzyDate.parse("2004-06-XX")
    assert (june.earliest(), june.latest()) == (dt.date(2004, 6, 1), dt.date(2004, 6, 30))


REFUSED = [
    "night of 25 to 27 August 2008",  # a night is one day into the next
    "в ночь с 25 на 27 августа 2008",
    "night of August 2008",
    "morning of March 2009",  # a part of a day needs the day
    "утром 2009",
    "вечером марта 2009",
    "early 2000s",  # early/mid/late of a month or a year only
    "в начале XX века",
    "spring 2009/10",  # only a winter spans two years
    "winter 2008/11",
    "зимой 2008/2010",
    "summer",
    "several days before",
    "за несколько дней до",
    "on or about",
    "on or about Smarch",
    "night of 30 to 31 February 2009",
    "late Smarch 2009",
    "весной",
    "2008??",
    "2008?~",
    "20XX-05",
    "2004-XX-15",
    "1X",
    "00XX",
    "I век",
    "2008 (uncertain) (uncertain)",
    "(uncertain)",
    "mid-",
    "Q5 2010",  # no such quarter or half
    "5 квартал 2010",
    "третье полугодие 2010",
    "H3 2010",
    "first quarter",
    "в период",
]


@pytest.mark.parametrize("text", REFUSED)
def test_nonsense_is_refused(text: str) -> None:
    with pytest.raises(FuzzyDateError):
        FuzzyDate.parse(text)


def test_a_note_outside_the_vocabulary_is_refused() -> None:
    with pytest.raises(FuzzyDateError):
        FuzzyDate.year(2008).with_part("teatime")


def test_timeline_key_puts_the_shorter_span_first_on_the_same_first_day() -> None:
    texts = ["2009", "September 2009", "1 September 2009", "September–November 2009",
             "after 1 September 2009", "10 September 2009", "before 1 September 2009"]  # fmt: skip
    ordered = sorted((FuzzyDate.parse(t) for t in texts), key=FuzzyDate.timeline_key)
    assert [d.display(style="short") for d in ordered] == [
        "2009",
        "1 Sep 2009",
        "before 1 Sep 2009",
        "Sep 2009",
        "Sep–Nov 2009",
        "after 1 Sep 2009",
        "10 Sep 2009",
    ]


def test_an_unknown_stored_note_reads_as_none() -> None:
    from desktop.core.fuzzydate import known_part

    assert [known_part(x) for x in ("night", "teatime", None, 3, "")] == ["night", "", "", "", ""]


@st.composite
def marked_dates(draw: st.DrawFn) -> FuzzyDate:
    """Single dates with EDTF's marks: uncertain, approximate, unspecified digits, centuries."""
    kind = draw(st.sampled_from(["month-xx", "year-xx", "century", "day", "month", "year"]))
    year = draw(st.integers(100, 9999))  # years of 1-2 digits are not read as typed text
    month = draw(st.integers(1, 12))
    if kind == "month-xx":
        point = DatePoint(year, month, None, Precision.MONTH, unspecified=True)
    elif kind == "year-xx":
        point = DatePoint(year, None, None, Precision.YEAR, unspecified=True)
    elif kind == "century":
        point = DatePoint.of_century(draw(st.integers(1, 99)) * 100)
    elif kind == "day":
        point = DatePoint.of_day(year, month, draw(st.integers(1, 28)))
    elif kind == "month":
        point = DatePoint.of_month(year, month)
    else:
        point = DatePoint.of_year(year)
    qualifier = draw(st.sampled_from([Qualifier.EXACT, Qualifier.CIRCA]))
    return FuzzyDate(point, None, qualifier, uncertain=draw(st.booleans()))


@given(marked_dates())
def test_edtf_marks_round_trip_losslessly(date: FuzzyDate) -> None:
    assert FuzzyDate.from_edtf(date.to_edtf()) == date
    assert FuzzyDate.parse(date.to_edtf()) == date


@given(marked_dates(), st.sampled_from(["en", "ru"]), st.sampled_from(["long", "short"]))
def test_what_a_marked_date_prints_reads_back_as_the_same_days(
    date: FuzzyDate, lang: str, style: str
) -> None:
    again = FuzzyDate.parse(date.display(lang, style))
    assert (again.earliest(), again.latest(), again.qualifier, again.uncertain) == (
        date.earliest(),
        date.latest(),
        date.qualifier,
        date.uncertain,
    )


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_last_century_prints_as_it_reads_back(lang: str) -> None:
    """Hypothesis found it: 99XX printed as "100th century" / "C век", and neither read back
    ("C" alone is "circa")."""
    date = FuzzyDate.parse("99XX")
    assert FuzzyDate.parse(date.display(lang)).to_edtf() == "99XX"


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("в период с 24 ноября 2008 года по 16 ноября 2009 года", "2008-11-24/2009-11-16"),
        ("за период с 1 по 15 марта 2010 г.", "2010-03-01/2010-03-15"),
        ("в период времени с 2008 по 2009 год", "2008/2009"),
        ("in the period from 3 to 11 December 2007", "2007-12-03/2007-12-11"),
    ],
)
def test_a_range_written_as_a_period_reads_as_the_range(text: str, edtf: str) -> None:
    assert FuzzyDate.parse(text).to_edtf() == edtf


@pytest.mark.parametrize(
    "text",
    [
        "16 ноября 2009 года в 21 час 50 минут",
        "16 ноября 2009 года, 21 ч. 50 мин.",
        "16 ноября 2009 в 21.50",
        "16.11.2009 21:50",
        "2009-11-16T21:50",
        "16 November 2009 at 21:50",
        "at 9 pm on 16 November 2009",
    ],
)
def test_a_date_with_a_time_of_day_is_refused_saying_the_time_is_not_kept(text: str) -> None:
    """The day alone would read, but dropping the time unseen would lose what was typed."""
    with pytest.raises(FuzzyDateError) as english:
        FuzzyDate.parse(text, "en")
    with pytest.raises(FuzzyDateError) as russian:
        FuzzyDate.parse(text, "ru")
    assert english.value.code == russian.value.code == "time"
    assert "not the time of day" in str(english.value)
    assert "не время суток" in str(russian.value)


def test_unreadable_text_without_a_time_keeps_the_general_message() -> None:
    with pytest.raises(FuzzyDateError) as refused:
        FuzzyDate.parse("Smarch 2009")
    assert refused.value.code == "unreadable"
