"""The band's time axis: which days are visible, where they land, and where ticks go."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.core.fuzzydate import FuzzyDate

MIN_DAYS = 14.0
MAX_DAYS = 366.0 * 400
# Tick steps in months, from fine to coarse; the first that leaves room for labels wins.
STEPS_IN_MONTHS = (1, 3, 6, 12, 24, 60, 120, 240, 600, 1200)


@dataclass
class Viewport:
    """The visible stretch of time: `start` (ordinal day, fractional) and `days` shown."""

    start: float = float(dt.date(2000, 1, 1).toordinal())
    days: float = 3660.0

    @property
    def end(self) -> float:
        return self.start + self.days

    def x_of(self, day: float, width: float) -> float:
        return (day - self.start) / self.days * width

    def day_at(self, x: float, width: float) -> float:
        return self.start + x / max(width, 1.0) * self.days

    def zoom(self, factor: float, anchor_day: float) -> None:
        """Scale the visible span by `factor` (<1 zooms in), keeping `anchor_day` in place."""
        days = min(max(self.days * factor, MIN_DAYS), MAX_DAYS)
        share = (anchor_day - self.start) / self.days
        self.start = anchor_day - share * days
        self.days = days

    def pan(self, fraction: float) -> None:
        self.start += fraction * self.days

    def fit(self, first: int, last: int) -> None:
        days = max(float(last - first + 1), MIN_DAYS)
        margin = days * 0.04 + 1
        self.start = first - margin
        self.days = min(days + 2 * margin, MAX_DAYS)

    def centre_on(self, day: float) -> None:
        self.start = day - self.days / 2


def _month_start(index: int) -> dt.date:
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, 1)


def ticks(
    view: Viewport, width: float, lang: str, min_gap: float = 70.0
) -> list[tuple[float, str]]:
    """(x, label) of axis ticks: months or years, spaced at least `min_gap` pixels."""
    if width <= 0:
        return []
    px_per_month = width / view.days * 30.44
    step = next((s for s in STEPS_IN_MONTHS if s * px_per_month >= min_gap), STEPS_IN_MONTHS[-1])
    first = dt.date.fromordinal(max(1, int(view.start)))
    index = first.year * 12 + first.month - 1
    index -= index % step
    result = []
    while True:
        try:
            day = _month_start(index)
        except ValueError:
            break
        x = view.x_of(day.toordinal(), width)
        if x > width:
            break
        if x >= 0:
            if step % 12 == 0:
                label = str(day.year)
            else:
                label = FuzzyDate.month(day.year, day.month).display(lang, "short")
            result.append((x, label))
        index += step
    return result
