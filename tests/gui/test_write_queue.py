"""One writer per vault: the user's writes run in order off the GUI thread, and a save that
waits for another writer's lock leaves the window responsive.

Real vault files; "another writer" is a second connection holding `BEGIN IMMEDIATE`, as a
sync import or a large attachment does.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flows import PASSPHRASE, unlock, writes_landed
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop.services.registry import Services
from desktop.store.engine import WRITES
from desktop.store.vault import Vault
from desktop.ui.editors.event import EventEditor
from desktop.ui.main_window import MainWindow
from desktop.ui.sources.tab import SourcesTab
from desktop.ui.writes import Changes, write_queue


@contextmanager
def write_lock_held(services: Services) -> Iterator[Session]:
    """Another writer holds the vault's write lock until the block ends."""
    session = services.store.vault.session()
    try:
        with session.begin():
            session.connection(execution_options={WRITES: True})  # BEGIN IMMEDIATE
            yield session
            session.rollback()
    finally:
        session.close()


class Ticks:
    """A timer on the GUI thread: if the event loop is blocked, it does not fire."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1


def test_ops_run_in_submission_order_on_one_worker_thread(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    event_id = services.timeline.event_ids(case_id)[0]
    queue = write_queue(services)
    ran: list[int] = []
    threads: set[int] = set()
    delivered: list[tuple[int, Changes]] = []

    def op(i: int) -> int:
        threads.add(threading.get_ident())
        services.timeline.update_event(event_id, title=f"Title {i}")
        ran.append(i)
        return i

    for i in range(12):
        queue.submit(lambda i=i: op(i), lambda value, changes: delivered.append((value, changes)))
    writes_landed(qtbot, services)

    assert ran == list(range(12))
    assert [value for value, _ in delivered] == list(range(12))
    assert threading.get_ident() not in threads  # never the GUI thread
    assert all(("events", event_id) in changes.records for _, changes in delivered)
    assert services.timeline.get_event(event_id).title == "Title 11"  # the last one wins


def test_a_failed_op_reports_on_the_gui_thread_and_the_next_still_runs(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    event_id = services.timeline.event_ids(case_id)[0]
    queue = write_queue(services)
    errors: list[tuple[BaseException, int]] = []
    done: list[str] = []
    queue.submit(
        lambda: services.timeline.update_event("no-such-event", title="x"),
        lambda _v, _c: done.append("wrong"),
        lambda exc: errors.append((exc, threading.get_ident())),
    )
    queue.submit(
        lambda: services.timeline.update_event(event_id, title="After the failure"),
        lambda _v, _c: done.append("second"),
    )
    writes_landed(qtbot, services)
    assert len(errors) == 1 and errors[0][1] == threading.get_ident()
    assert done == ["second"]
    assert services.timeline.get_event(event_id).title == "After the failure"


def test_a_save_waiting_for_another_writer_keeps_the_window_responsive(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    event_id = services.timeline.event_ids(case_id)[0]
    original = services.timeline.get_event(event_id).title
    editor = EventEditor(services, case_id, None, event_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.title_edit.setText("Saved while a sync imports")
    with write_lock_held(services):
        ticks = Ticks()
        qtbot.mouseClick(
            editor.buttons.button(editor.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        # The click returned at once and the event loop goes on: the timer keeps firing.
        qtbot.waitUntil(lambda: ticks.count >= 5, timeout=10_000)
        assert editor.saving and editor.isVisible()
        ok = editor.buttons.button(editor.buttons.StandardButton.Ok)
        assert not ok.isEnabled()
        assert "Saving" in editor.general_error.text()
        editor.reject()  # Cancel or Esc while the write is on its way: the form stays
        assert editor.isVisible()
        assert services.timeline.get_event(event_id).title == original  # not yet written
    qtbot.waitUntil(lambda: not editor.saving, timeout=30_000)
    ticks.timer.stop()
    assert services.timeline.get_event(event_id).title == "Saved while a sync imports"
    assert editor.result() == editor.DialogCode.Accepted and not editor.isVisible()


def test_a_refused_save_keeps_the_editor_open_with_the_text_and_the_reason(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    event_id = services.timeline.event_ids(case_id)[0]
    editor = EventEditor(services, case_id, None, event_id)
    qtbot.addWidget(editor)
    editor.show()
    services.timeline.delete_event(event_id)  # meanwhile, elsewhere
    editor.title_edit.setText("My careful rewording")
    qtbot.mouseClick(
        editor.buttons.button(editor.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not editor.saving, timeout=30_000)
    assert editor.isVisible()
    assert editor.title_edit.text() == "My careful rewording"
    assert editor.general_error.isVisible() and editor.general_error.text()
    assert "Saving" not in editor.general_error.text()
    assert editor.buttons.button(editor.buttons.StandardButton.Ok).isEnabled()


def test_locking_waits_for_a_queued_save_and_loses_nothing(
    qtbot: QtBot, window: MainWindow, case_id: str
) -> None:
    assert window.workspace is not None and window.services is not None
    services = window.services
    editor = window.workspace.new_event()
    assert editor is not None
    editor.date.line.setText("2009-11-16")
    editor.title_edit.setText("Written before the lock")
    with write_lock_held(services):
        editor.try_save()
        assert editor.saving
        window.lock_vault()  # Ctrl+L or the idle timer while the save waits for the vault
        assert window.is_unlocked  # not yet: the save must land first
        assert "Locking" in window.status.currentMessage()
    qtbot.waitUntil(lambda: not window.is_unlocked, timeout=30_000)
    assert not editor.isVisible()  # saved and closed, not parked as a draft
    unlock(qtbot, window)
    assert window.services is not None
    titles = [
        r.event.title
        for r in window.services.timeline.rows(window.services.timeline.event_ids(case_id))
    ]
    assert "Written before the lock" in titles


def test_undo_waits_its_turn_and_refreshes_only_what_changed(
    qtbot: QtBot, window: MainWindow, case_id: str
) -> None:
    assert window.workspace is not None and window.services is not None
    services = window.services
    event_id = services.timeline.event_ids(case_id)[0]
    original = services.timeline.get_event(event_id).title
    editor = window.workspace.edit_event(event_id)
    assert editor is not None
    editor.title_edit.setText("Edited")
    editor.try_save()
    qtbot.waitUntil(lambda: not editor.saving, timeout=30_000)
    refreshed: list[str] = []
    sources = window.workspace.sources
    timeline = window.workspace.timeline
    sources.refresh = lambda: refreshed.append("sources")  # type: ignore[method-assign]
    timeline_refresh = timeline.refresh

    def timeline_refreshed() -> None:
        refreshed.append("timeline")
        timeline_refresh()

    timeline.refresh = timeline_refreshed  # type: ignore[method-assign]
    with write_lock_held(services):
        window.undo_stack.undo()
        assert window.undo_stack.stepping
        assert not window.commands.undo.isEnabled()  # one step at a time
        assert services.timeline.get_event(event_id).title == "Edited"
    writes_landed(qtbot, services)
    assert services.timeline.get_event(event_id).title == original
    assert window.undo_stack.canRedo() and not window.undo_stack.stepping
    assert "timeline" in refreshed and "sources" not in refreshed  # an event's title only


def test_attaching_files_while_editing_both_land(
    qtbot: QtBot, services: Services, case_id: str, tmp_path: Path
) -> None:
    """The window's version of the 2x150 MiB scenario (tests/integration/
    test_concurrent_writes.py), with files of a few MiB: both the edit and the files land."""
    files = []
    for n in (1, 2):
        path = tmp_path / f"exhibit-{n}.pdf"
        with open(path, "wb") as handle:
            handle.write(f"%PDF-1.4 exhibit {n}\n".encode())
            handle.truncate(4 * 1024 * 1024 + n)
        files.append(path)
    tab = SourcesTab(services, QUndoStack())
    qtbot.addWidget(tab)
    tab.set_case(case_id)
    source_id = services.sources.sources(case_id)[0].id
    assert tab.select_source(source_id)
    before = len(services.sources.attachments(case_id, source_id))
    event_id = services.timeline.event_ids(case_id)[0]
    editor = EventEditor(services, case_id, None, event_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.title_edit.setText("Edited while the files are stored")

    tab.attach_files(files)
    qtbot.mouseClick(
        editor.buttons.button(editor.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: tab.files.count() == before + 2, timeout=60_000)
    writes_landed(qtbot, services)

    assert services.timeline.get_event(event_id).title == "Edited while the files are stored"
    sizes = sorted(a.size for a in services.sources.attachments(case_id, source_id))[-2:]
    assert sizes == [4 * 1024 * 1024 + 1, 4 * 1024 * 1024 + 2]
    assert editor.result() == editor.DialogCode.Accepted


def test_a_failing_callback_is_reported_and_a_waiting_lock_still_goes_on(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    queue = write_queue(services)
    idle: list[bool] = []
    queue.idle.connect(lambda: idle.append(True))

    def broken(_value: object, _changes: Changes) -> None:
        raise RuntimeError("a bug in a callback")

    with qtbot.capture_exceptions() as caught:
        queue.submit(lambda: None, broken)
        qtbot.waitUntil(lambda: not queue.busy, timeout=30_000)
    assert idle == [True]
    assert [str(exc) for _type, exc, _tb in caught] == ["a bug in a callback"]


def test_quitting_waits_for_a_queued_save(
    qtbot: QtBot, window: MainWindow, case_id: str, vault_folder: Path
) -> None:
    assert window.workspace is not None and window.services is not None
    editor = window.workspace.new_event()
    assert editor is not None
    editor.date.line.setText("2009-11-16")
    editor.title_edit.setText("Written before quitting")
    with write_lock_held(window.services):
        editor.try_save()
        window.close()  # File > Quit while the save waits for the vault
        assert window.isVisible() and window.is_unlocked
        assert "Closing" in window.status.currentMessage()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert not window.is_unlocked
    reopened = Vault.unlock_with_passphrase(vault_folder, PASSPHRASE)
    try:
        timeline = Services.over(reopened).timeline
        titles = [r.event.title for r in timeline.rows(timeline.event_ids(case_id))]
    finally:
        reopened.lock()
    assert "Written before quitting" in titles
