"""Work handed to a worker thread is let go on the GUI thread, never on the worker.

A background job's function or a queued write usually holds widgets (an editor saving
itself, a dialog's method). If the worker drops the last reference, the widget is freed
on the worker: Qt then stops its timers from the wrong thread ("QBasicTimer::stop:
Failed") and the app can crash, as the GUI suite once did after a failed save.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from desktop.services.registry import Services
from desktop.ui.background import (
    OutcomeRelay,
    TaggedJob,
    run_in_background,
    wait_for_background,
)
from desktop.ui.writes import write_queue


class Held:
    """Stands in for a widget a job holds; notes the thread it is freed on."""

    def __init__(self, freed_on: list[str]) -> None:
        self.freed_on = freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def holding(freed_on: list[str], value: object) -> Callable[[], object]:
    held = Held(freed_on)
    return lambda: (held, value)[1]


def test_a_background_jobs_function_is_freed_on_the_gui_thread(qtbot: QtBot) -> None:
    freed_on: list[str] = []
    results: list[object] = []
    for n in range(20):
        run_in_background(holding(freed_on, n), results.append, results.append)
    qtbot.waitUntil(lambda: len(results) == 20)
    assert wait_for_background()
    qtbot.waitUntil(lambda: len(freed_on) == 20)
    gc.collect()
    assert set(results) == set(range(20))
    assert freed_on == [threading.main_thread().name] * 20


def test_a_tagged_jobs_function_and_relay_are_freed_on_the_gui_thread(qtbot: QtBot) -> None:
    freed_on: list[str] = []
    results: list[object] = []
    pool = QThreadPool()
    for n in range(20):
        relay = OutcomeRelay()
        relay.finished.connect(lambda _tag, value: results.append(value))
        pool.start(TaggedJob(n, holding(freed_on, n), relay))
        del relay  # the owner let go: a dialog closed while its job ran
    qtbot.waitUntil(lambda: len(results) == 20)
    assert pool.waitForDone(30_000)
    qtbot.waitUntil(lambda: len(freed_on) == 20)
    gc.collect()
    assert set(results) == set(range(20))
    assert freed_on == [threading.main_thread().name] * 20


def test_a_queued_writes_function_is_freed_on_the_gui_thread(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    freed_on: list[str] = []
    results: list[object] = []
    queue = write_queue(services)
    event_id = services.timeline.event_ids(case_id)[0]

    def save(n: int) -> Callable[[], object]:
        held = Held(freed_on)

        def run() -> object:
            assert held.freed_on is freed_on  # held, as a save holds its editor
            services.timeline.update_event(event_id, title=f"Edit {n}")
            return n

        return run

    for n in range(20):
        queue.submit(save(n), lambda value, _changes: results.append(value))
    qtbot.waitUntil(lambda: len(results) == 20)
    assert queue.wait()
    gc.collect()
    assert results == list(range(20))
    assert freed_on == [threading.main_thread().name] * 20
    assert services.timeline.get_event(event_id).title.startswith("Edit 19")
