"""TimelineBand: fuzzy dates as spans, zoom and pan by keys and wheel, histogram when dense."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QPointF, Qt
from pytestqt.qtbot import QtBot

from desktop.core.fuzzydate import FuzzyDate, FuzzyDateError
from desktop.ui.timeline.band import TimelineBand
from desktop.ui.timeline.spans import ComplaintMark, EventSpan, span_of, spans_from_edtf


def day(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


def test_fuzzy_dates_become_spans() -> None:
    assert span_of("a", FuzzyDate.from_edtf("XXXX")) is None
    month = span_of("b", FuzzyDate.from_edtf("2007-12"))
    assert month == EventSpan("b", day("2007-12-01"), day("2007-12-31"))
    circa = span_of("c", FuzzyDate.from_edtf("2008~"))
    assert circa is not None and circa.circa and circa.last - circa.first == 365
    before = span_of("d", FuzzyDate.from_edtf("../2010-08-05"))
    assert before == EventSpan("d", day("2010-08-05"), day("2010-08-05"), open_start=True)
    after = span_of("e", FuzzyDate.from_edtf("2008-03/.."))
    assert after == EventSpan("e", day("2008-03-31"), day("2008-03-31"), open_end=True)
    ordered = spans_from_edtf([("x", "2009"), ("y", "XXXX"), ("z", "2001-05-02")])
    assert [s.event_id for s in ordered] == ["z", "x"]


def test_plain_days_read_without_the_parser_give_the_parsers_spans() -> None:
    """Plain "yyyy-mm-dd" days take a shortcut past the EDTF parser; anything that only
    looks like one (unspecified digits, an impossible day, other digits) must come out as
    the parser has it."""
    samples = ("2009-11-16", "2008-02-29", "2009-02-29", "2009-02-30", "0001-01-01",
               "9999-12-31", "2009-1X-XX", "2009-11-1X", "2009-11-16~", "2009-13-01",
               "２００９-11-16", "2009/11/16", "2009-11-16?")  # fmt: skip
    for edtf in samples:
        try:
            parsed = span_of("e", FuzzyDate.from_edtf(edtf))
        except FuzzyDateError:
            parsed = None
        assert spans_from_edtf([("e", edtf)]) == ([] if parsed is None else [parsed]), edtf
    assert spans_from_edtf([("e", "2009-11-16")])[0].first == dt.date(2009, 11, 16).toordinal()


def repainted(qtbot: QtBot, band: TimelineBand) -> None:
    before = band.paint_count
    band.update()
    qtbot.waitUntil(lambda: band.paint_count > before)


def band_with(qtbot: QtBot, spans: list[EventSpan], marks: list[ComplaintMark]) -> TimelineBand:
    band = TimelineBand()
    qtbot.addWidget(band)
    band.resize(800, 160)
    band.show()
    qtbot.waitExposed(band)
    band.set_data(spans, marks, fit=True)
    repainted(qtbot, band)
    return band


def test_keys_and_drag_zoom_and_pan(qtbot: QtBot) -> None:
    spans = spans_from_edtf([(f"e{i}", f"{2000 + i}-06-15") for i in range(10)])
    band = band_with(qtbot, spans, [])
    days, start = band.view.days, band.view.start
    band.setFocus()
    qtbot.keyClick(band, Qt.Key.Key_Plus)
    assert band.view.days < days
    qtbot.keyClick(band, Qt.Key.Key_Right)
    assert band.view.start > start
    qtbot.keyClick(band, Qt.Key.Key_Home)
    assert (band.view.days, band.view.start) == (days, start)
    qtbot.keyClick(band, Qt.Key.Key_Minus)
    assert band.view.days > days
    wide, left = band.view.days, band.view.start
    qtbot.mousePress(band, Qt.MouseButton.LeftButton, pos=QPoint(400, 40))
    qtbot.mouseMove(band, QPoint(300, 40))
    qtbot.mouseRelease(band, Qt.MouseButton.LeftButton, pos=QPoint(300, 40))
    assert band.view.start > left  # dragged left: later dates come into view
    assert band.view.days == wide
    assert band.selected() is None  # a drag is not a click


def test_click_selects_and_complaint_marks_are_drawn(qtbot: QtBot) -> None:
    spans = spans_from_edtf([("a", "2008-11-24"), ("b", "2009~"), ("c", "../2010-08-05")])
    marks = [ComplaintMark("k", day("2009-08-09"), "Medical care", overdue=True)]
    band = band_with(qtbot, spans, marks)
    clicked: list[str] = []
    band.eventClicked.connect(clicked.append)
    assert not band.dense
    assert {event_id for _rect, event_id in band._hits} == {"a", "b", "c"}
    assert len(band._mark_hits) == 1
    rect = next(r for r, event_id in band._hits if event_id == "b")
    qtbot.mouseClick(band, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert clicked == ["b"] and band.selected() == "b"
    assert band._tooltip(band._mark_hits[0][0].center().toPoint()) == "Complaint: Medical care"


def test_many_events_draw_as_a_histogram_and_stay_clickable(qtbot: QtBot) -> None:
    spans = [EventSpan(f"e{i}", day("1990-01-01") + i // 2, day("1990-01-01") + i // 2)
             for i in range(20_000)]  # fmt: skip
    band = band_with(qtbot, spans, [])
    assert band.dense
    picked = band.event_at(QPointF(400, 30))
    assert picked is not None and picked.startswith("e")
    band.set_selected("e19999")
    band.zoom(0.001)  # zoom far in around the centre: few events left, drawn one by one
    repainted(qtbot, band)
    assert not band.dense
