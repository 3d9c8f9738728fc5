"""FuzzyDate.display: English and Russian, long and short."""

import pytest

from desktop.core.fuzzydate import FuzzyDate, Qualifier

F = FuzzyDate
CIRCA, BEFORE, AFTER = Qualifier.CIRCA, Qualifier.BEFORE, Qualifier.AFTER

# date, en long, en short, ru long, ru short
DISPLAY_TABLE: list[tuple[FuzzyDate, str, str, str, str]] = [
    (F.day(2008, 11, 24), "24 November 2008", "24 Nov 2008", "24 ноября 2008", "24 нояб. 2008"),
    (F.day(2007, 6, 4), "4 June 2007", "4 Jun 2007", "4 июня 2007", "4 июня 2007"),
    (F.month(2007, 12), "December 2007", "Dec 2007", "декабрь 2007", "дек. 2007"),
    (F.month(2008, 3), "March 2008", "Mar 2008", "март 2008", "март 2008"),
    (F.month(2001, 9), "September 2001", "Sep 2001", "сентябрь 2001", "сент. 2001"),
    (F.year(2008), "2008", "2008", "2008", "2008"),
    (F.decade(2000), "2000s", "2000s", "2000-е", "2000-е"),
    (
        F.month(2008, 3, qualifier=CIRCA),
        "circa March 2008",
        "c. Mar 2008",
        "около марта 2008",
        "ок. марта 2008",
    ),
    (F.year(2008, qualifier=CIRCA), "circa 2008", "c. 2008", "около 2008", "ок. 2008"),
    (F.decade(2000, qualifier=CIRCA), "circa 2000s", "c. 2000s", "около 2000-х", "ок. 2000-х"),
    (
        F.day(2010, 8, 5, qualifier=BEFORE),
        "before 5 August 2010",
        "before 5 Aug 2010",
        "до 5 августа 2010",
        "до 5 авг. 2010",
    ),
    (
        F.month(2010, 2, qualifier=BEFORE),
        "before February 2010",
        "before Feb 2010",
        "до февраля 2010",
        "до февр. 2010",
    ),
    (F.year(2009, qualifier=AFTER), "after 2009", "after 2009", "после 2009", "после 2009"),
    (
        F.between(F.day(2007, 12, 3), F.day(2007, 12, 11)),
        "3–11 December 2007",
        "3–11 Dec 2007",
        "3–11 декабря 2007",
        "3–11 дек. 2007",
    ),
    (
        F.between(F.day(2007, 11, 30), F.day(2007, 12, 3)),
        "30 November – 3 December 2007",
        "30 Nov – 3 Dec 2007",
        "30 ноября – 3 декабря 2007",
        "30 нояб. – 3 дек. 2007",
    ),
    (
        F.between(F.day(2007, 12, 30), F.day(2008, 1, 2)),
        "30 December 2007 – 2 January 2008",
        "30 Dec 2007 – 2 Jan 2008",
        "30 декабря 2007 – 2 января 2008",
        "30 дек. 2007 – 2 янв. 2008",
    ),
    (
        F.between(F.month(2008, 3), F.month(2008, 5)),
        "March–May 2008",
        "Mar–May 2008",
        "март–май 2008",
        "март–май 2008",
    ),
    (
        F.between(F.month(2007, 12), F.year(2008)),
        "December 2007 – 2008",
        "Dec 2007 – 2008",
        "декабрь 2007 – 2008",
        "дек. 2007 – 2008",
    ),
    (F.between(F.year(2007), F.year(2009)), "2007–2009", "2007–2009", "2007–2009", "2007–2009"),
    (
        F.between(F.decade(1990), F.decade(2000)),
        "1990s–2000s",
        "1990s–2000s",
        "1990-е – 2000-е",
        "1990-е – 2000-е",
    ),
    (F.undated(), "undated", "n.d.", "без даты", "б. д."),
]


@pytest.mark.parametrize(
    ("date", "en_long", "en_short", "ru_long", "ru_short"),
    DISPLAY_TABLE,
    ids=[row[1] for row in DISPLAY_TABLE],
)
def test_display_table(
    date: FuzzyDate, en_long: str, en_short: str, ru_long: str, ru_short: str
) -> None:
    assert date.display() == en_long
    assert date.display("en", "long") == en_long
    assert date.display("en", "short") == en_short
    assert date.display("ru") == ru_long
    assert date.display("ru", "short") == ru_short


def test_order_does_not_show() -> None:
    assert F.day(2009, 11, 16).with_order(3).display() == "16 November 2009"
