"""The complaints register's column widths: every column holds its longest word."""

from __future__ import annotations

import pytest

from desktop.briefing.pdf.register import fit_words


def test_a_short_column_takes_room_from_those_with_spare() -> None:
    got = fit_words([50.0, 100.0, 50.0], [80.0, 40.0, 50.0])
    assert got[0] == 80.0 and got[2] == 50.0
    assert sum(got) == pytest.approx(200.0)


def test_nothing_changes_when_every_word_fits_or_no_room_is_left() -> None:
    assert fit_words([50.0, 50.0], [40.0, 40.0]) == [50.0, 50.0]
    assert fit_words([50.0, 50.0], [90.0, 45.0]) == [50.0, 50.0]
