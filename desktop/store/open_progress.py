"""What a long unlock is doing, for whoever waits on it.

Unlocking a vault made by an older Dossier first copies the file aside, then upgrades its
schema, then may rebuild the search index: at a million events that is minutes, not a
second. The code doing that work reports through `report`; a caller that wants to show it
(the unlock dialog, a terminal) wraps the unlock in `reported_to`. The report goes to the
thread that runs the unlock (a context variable), so two unlocks never mix their reports.
Reports carry counts only, never case content.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar


class OpenStage(enum.Enum):
    COPY = "copy"  # the copy kept before an upgrade; counts are bytes
    SCHEMA = "schema"  # the schema upgrade itself; no counts
    INDEX = "index"  # rebuilding the search index; counts are records


Listener = Callable[[OpenStage, int, int], None]
_listener: ContextVar[Listener | None] = ContextVar("open_progress", default=None)


@contextmanager
def reported_to(listener: Listener) -> Iterator[None]:
    """Send the reports of unlocks run inside this block (on this thread) to `listener`."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)


def report(stage: OpenStage, done: int = 0, total: int = 0) -> None:
    listener = _listener.get()
    if listener is not None:
        listener(stage, done, total)
