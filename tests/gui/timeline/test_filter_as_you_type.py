"""The timeline filters while the user types, and a stale query gives way to the newest.

The first key asks at once; keys typed within the interval after it are asked for
together, once, with the text as it then is. A query whose answer a newer one has made
stale is interrupted inside SQLite (a real vault on disk), and its answer never shows.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.services.registry import Services
from desktop.services.timeline import EventFilter
from desktop.store.stopping import QueryStopped
from desktop.ui.timeline.filters import TYPING_INTERVAL_MS, FilterBar
from desktop.ui.timeline.spans import TimelineData, load_ids
from desktop.ui.timeline.worker import LatestQuery
from tests.gui.timeline.generated import add_generated_events


def test_the_first_key_filters_at_once_and_quick_keys_after_it_once(qtbot: QtBot) -> None:
    bar = FilterBar()
    qtbot.addWidget(bar)
    asked: list[str] = []
    bar.filterChanged.connect(lambda f: asked.append(f.text))
    QTest.keyClicks(bar.text, "K")
    assert asked == ["K"]  # no pause in typing waited for
    QTest.keyClicks(bar.text, "uz")
    assert asked == ["K"] and bar.typing_pending()
    qtbot.waitUntil(lambda: not bar.typing_pending())
    assert asked == ["K", "Kuz"]
    qtbot.wait(3 * TYPING_INTERVAL_MS)
    assert asked == ["K", "Kuz"]  # nothing asked twice
    QTest.keyClicks(bar.text, "n")  # after a pause: at once again
    assert asked == ["K", "Kuz", "Kuzn"]


def test_a_stopped_query_raises_and_leaves_the_connection_as_it_was(
    services: Services, demo_case: str
) -> None:
    add_generated_events(services, demo_case, 3_000)
    with pytest.raises(QueryStopped):
        services.timeline.date_spans(demo_case, EventFilter(), stop=lambda: True)
    # Every pooled connection still answers in full: no handler was left behind.
    for _ in range(4):
        rows = services.timeline.date_spans(demo_case, EventFilter(text="generated"))
        assert len(rows) == 3_000
    assert len(services.timeline.date_spans(demo_case, stop=lambda: False)) > 3_000


def test_a_newer_filter_interrupts_the_running_query(
    qtbot: QtBot, services: Services, demo_case: str
) -> None:
    add_generated_events(services, demo_case, 3_000)
    queries = LatestQuery()
    answers: list[TimelineData] = []
    queries.done.connect(answers.append)
    started, stopped = threading.Event(), threading.Event()

    def slow_then_stale(stale: Callable[[], bool]) -> TimelineData:
        started.set()

        def stop() -> bool:
            if stale():
                stopped.set()
                return True
            time.sleep(0.01)  # a slow query (seconds): it ends early only if stopped
            return False

        return load_ids(services, demo_case, EventFilter(), stop)

    queries.submit_stoppable(slow_then_stale)
    assert started.wait(10)
    queries.submit_stoppable(
        lambda stale: load_ids(services, demo_case, EventFilter(text="Kuznetsov"), stale)
    )
    qtbot.waitUntil(lambda: not queries.busy, timeout=20_000)
    assert stopped.is_set()  # the first query was interrupted, not run to its end
    assert len(answers) == 1  # and only the newest answer was delivered
    assert answers[0].ids and len(answers[0].ids) < 50
    assert len(answers[0].dates) == len(answers[0].keys) == len(answers[0].ids)
