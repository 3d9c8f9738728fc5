"""Undo never reverts a colleague's edit that a sync brought in, and each case has its own history.

Real vaults paired through a temporary "stick"; the window's real `CaseUndoStack` with the
services' `EditHistory` behind it, each step run on this thread or, as in the app, on the
vault's write queue (then the test waits for the step to land).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sync_devices import Device, make_device, pair, send

from desktop.services.history import ChangedElsewhere
from desktop.ui.undo import CaseUndoStack, RecordChange
from desktop.ui.writes import write_queue


@pytest.fixture(params=["here", "queued"])
def queued(request: pytest.FixtureRequest) -> bool:
    return bool(request.param == "queued")


class Stepped(CaseUndoStack):
    """The window's stack; with the write queue, undo() and redo() return once landed."""

    qtbot: QtBot

    def undo(self) -> None:
        super().undo()
        self._landed()

    def redo(self) -> None:
        super().redo()
        self._landed()

    def _landed(self) -> None:
        writes = self.writes
        if writes is not None:
            self.qtbot.waitUntil(lambda: not writes.busy, timeout=30_000)


@pytest.fixture
def devices(tmp_path: Path) -> tuple[Device, Device, Path]:
    a = make_device(tmp_path / "a", "office")
    b = make_device(tmp_path / "b", "field")
    pair(a, b, tmp_path / "pairing")
    return a, b, tmp_path / "stick"


def edit_title(device: Device, stack: CaseUndoStack, event_id: str, title: str) -> None:
    """What the event editor does: change, then push a step that can take it back."""
    timeline = device.services.timeline
    previous = timeline.update_event(event_id, title=title)
    stack.push(
        RecordChange(
            "Edit event",
            lambda: timeline.update_event(event_id, **previous),
            lambda: timeline.update_event(event_id, title=title),
        )
    )


def stack_for(
    qtbot: QtBot, device: Device, case_id: str, errors: list[BaseException], queued: bool
) -> CaseUndoStack:
    stack = Stepped()
    stack.qtbot = qtbot
    stack.history = device.services.history
    if queued:
        stack.use_writes(write_queue(device.services))
    stack.report = errors.append
    stack.set_case(case_id)
    return stack


def test_undo_after_sync_refuses_to_revert_the_colleagues_edit(
    qtbot: QtBot, devices: tuple[Device, Device, Path], queued: bool
) -> None:
    a, b, stick = devices
    case_id = a.services.cases.create_case("Case")
    event_id = a.services.timeline.add_event(case_id, "2009-11-16", "Original title")
    send(a, b, stick)
    errors: list[BaseException] = []
    stack = stack_for(qtbot, a, case_id, errors, queued)
    edit_title(a, stack, event_id, "Office draft")
    send(a, b, stick)
    b.services.timeline.update_event(event_id, title="Field correction")
    send(b, a, stick)
    assert a.services.timeline.get_event(event_id).title == "Field correction"

    stack.undo()

    assert a.services.timeline.get_event(event_id).title == "Field correction"
    assert len(errors) == 1 and isinstance(errors[0], ChangedElsewhere)
    assert "field" in str(errors[0])  # names the device that changed it
    assert stack.count() == 0  # the refused step is gone: redo cannot re-apply it either


def test_undo_without_a_sync_in_between_still_works_step_by_step(
    qtbot: QtBot, devices: tuple[Device, Device, Path], queued: bool
) -> None:
    a, b, stick = devices
    case_id = a.services.cases.create_case("Case")
    event_id = a.services.timeline.add_event(case_id, "2009-11-16", "One")
    errors: list[BaseException] = []
    stack = stack_for(qtbot, a, case_id, errors, queued)
    edit_title(a, stack, event_id, "Two")
    edit_title(a, stack, event_id, "Three")
    send(b, a, stick)  # a sync that brings nothing of this record changes nothing

    stack.undo()
    assert a.services.timeline.get_event(event_id).title == "Two"
    stack.undo()
    assert a.services.timeline.get_event(event_id).title == "One"
    stack.redo()
    stack.redo()
    assert a.services.timeline.get_event(event_id).title == "Three"
    assert errors == []


def test_undo_refuses_while_a_conflict_waits_for_review(
    qtbot: QtBot, devices: tuple[Device, Device, Path], queued: bool
) -> None:
    a, b, stick = devices
    case_id = a.services.cases.create_case("Case")
    event_id = a.services.timeline.add_event(case_id, "2009-11-16", "Original")
    send(a, b, stick)
    errors: list[BaseException] = []
    stack = stack_for(qtbot, a, case_id, errors, queued)
    edit_title(a, stack, event_id, "Office version")
    b.services.timeline.update_event(event_id, title="Field version")  # concurrent
    send(b, a, stick)
    assert a.conflicts.list_conflicts(), "the two concurrent edits must be kept as a conflict"
    shown = a.services.timeline.get_event(event_id).title

    stack.undo()

    assert a.services.timeline.get_event(event_id).title == shown
    assert a.conflicts.list_conflicts()  # still there for a person to settle
    assert len(errors) == 1 and isinstance(errors[0], ChangedElsewhere)


def test_each_case_has_its_own_history(
    qtbot: QtBot, devices: tuple[Device, Device, Path], queued: bool
) -> None:
    a, _b, _stick = devices
    first = a.services.cases.create_case("First")
    second = a.services.cases.create_case("Second")
    one = a.services.timeline.add_event(first, "2009", "In the first case")
    errors: list[BaseException] = []
    stack = stack_for(qtbot, a, first, errors, queued)
    edit_title(a, stack, one, "Edited in the first case")
    stack.set_case(second)
    assert not stack.canUndo()
    stack.undo()  # nothing of the first case is touched from the second
    assert a.services.timeline.get_event(one).title == "Edited in the first case"
    stack.set_case(first)
    assert stack.canUndo()
    stack.undo()
    assert a.services.timeline.get_event(one).title == "In the first case"
