"""The command line's progress line: drawn on a terminal only, once per whole percent."""

from __future__ import annotations

import io

from desktop.cli.progress import ProgressLine


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_one_redrawn_line_per_percent() -> None:
    out = Terminal()
    bar = ProgressLine(out)
    for done in range(0, 1001):
        bar.update("pages", done, 1000)
    bar.stage("structure and audit log")
    bar.done()
    text = out.getvalue()
    assert text.count("\r") == 101 + 1 + 1  # 0..100 %, the stage, the clearing
    assert "pages [##############################] 100%" in text
    assert "structure and audit log…" in text
    assert text.endswith("\r\x1b[K")


def test_nothing_is_drawn_when_not_at_a_terminal() -> None:
    out = io.StringIO()
    bar = ProgressLine(out)
    bar.update("records", 5, 10)
    bar.stage("opening")
    bar.done()
    assert out.getvalue() == ""


def test_a_long_stage_shows_its_seconds_once_each() -> None:
    out = Terminal()
    bar = ProgressLine(out)
    for seconds in (0, 0, 1, 1, 1, 2):
        bar.stage("database structure", seconds)
    text = out.getvalue()
    assert text.count("\r") == 3
    assert text.endswith("database structure… 2 s")
