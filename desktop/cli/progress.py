"""A one-line progress bar on standard error, for long commands run at a terminal.

Nothing is drawn when standard error is not a terminal (scripts, pipes, tests): their
output stays the command's own lines. The bar shows a stage name and a percentage, and
is redrawn at most once per whole percent.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from desktop.store.open_progress import OpenStage, reported_to

WIDTH = 30


class ProgressLine:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.shown = self.stream.isatty()
        self._last: tuple[str, int] | None = None

    def stage(self, name: str, seconds: int | None = None) -> None:
        """A step without a count ("checking the audit log"), with the seconds it has
        taken so far when given (a long step shows it is still going)."""
        if seconds is None:
            self._draw(f"{name}…", name, -1)
        else:
            self._draw(f"{name}… {seconds} s", name, -2 - seconds)

    def update(self, name: str, done: int, total: int) -> None:
        percent = 100 if total <= 0 else min(100, done * 100 // total)
        filled = WIDTH * percent // 100
        self._draw(f"{name} [{'#' * filled}{'.' * (WIDTH - filled)}] {percent:3d}%", name, percent)

    def done(self) -> None:
        if self.shown and self._last is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
        self._last = None

    def _draw(self, text: str, name: str, percent: int) -> None:
        if not self.shown or self._last == (name, percent):
            return
        self._last = (name, percent)
        self.stream.write("\r\x1b[K" + text)
        self.stream.flush()


OPEN_STAGES = {
    OpenStage.COPY: "copying the vault before upgrading it",
    OpenStage.SCHEMA: "upgrading the vault",
    OpenStage.INDEX: "rebuilding the search index",
}


@contextmanager
def upgrades_shown() -> Iterator[None]:
    """Show on a terminal what an unlock inside this block upgrades (an older vault)."""
    bar = ProgressLine()

    def show(stage: OpenStage, done: int, total: int) -> None:
        if total > 0:
            bar.update(OPEN_STAGES[stage], done, total)
        else:
            bar.stage(OPEN_STAGES[stage])

    try:
        with reported_to(show):
            yield
    finally:
        bar.done()
