"""Undo and redo of record changes: each command carries what to do and how to take it back.

The change has already been made (and validated) by the time the command is pushed, so
the first `redo` that `QUndoStack.push` calls is skipped.

Each case has its own history (`CaseUndoStack`), and every step is guarded by the
services' `EditHistory`: a step whose records were changed since by someone else (a sync
brought a colleague's edit, or a conflict is waiting for review) is refused with a message
and dropped from the history, never applied over their work.

With the window's write queue (`CaseUndoStack.writes`) a step runs on the queue's worker,
in order with the user's other writes, and is booked on the stack once it has landed: the
window never waits for the vault's write lock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QWidget

from desktop.errors import KnownError
from desktop.services.history import EditHistory, RecordKey
from desktop.ui.messages import confirm, show_error
from desktop.ui.writes import Changes, WriteQueue

log = logging.getLogger(__name__)
T = TypeVar("T")


class RecordChange(QUndoCommand):
    """One user-visible change to the vault (an edit, a new record, a delete)."""

    def __init__(
        self,
        text: str,
        undo: Callable[[], object],
        redo: Callable[[], object],
        *,
        done: bool = True,
        on_error: Callable[[BaseException], object] | None = None,
        changes: Changes | None = None,
        after: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(text)
        self._after = after  # on this thread, after each step that was applied
        self._undo = undo
        self._redo = redo
        self._skip_redo = done
        self._on_error = on_error
        self._history: EditHistory | None = None
        # The records the done change wrote, when it ran on the write queue (whose worker
        # settled them already); otherwise `guard` takes them from this thread's journal.
        self._touched: frozenset[RecordKey] = changes.records if changes else frozenset()
        self._landed: tuple[frozenset[RecordKey], BaseException | None] | None = None

    def guard(self, history: EditHistory, on_error: Callable[[BaseException], object]) -> None:
        """From now on, apply a step only to records still as this history left them."""
        self._history = history
        if self._on_error is None:
            self._on_error = on_error
        if self._skip_redo:  # already done: the writes just made are this step's
            self._touched |= history.settle()

    def queued_step(self, undoing: bool) -> Callable[[], None]:
        """The write queue's op for this step: the guard's check, then the write."""
        step = self._undo if undoing else self._redo
        history, touched = self._history, self._touched

        def op() -> None:
            if history is not None:
                history.check(touched)
            step()

        return op

    def landed(self, changes: Changes, error: BaseException | None) -> None:
        """The queued step has run: the stack's next undo() or redo() call only books it."""
        self._landed = (changes.records, error)

    def undo(self) -> None:
        if not self._book_landed():
            self._run(self._undo)

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        if not self._book_landed():
            self._run(self._redo)

    def _book_landed(self) -> bool:
        if self._landed is None:
            return False
        touched, error = self._landed
        self._landed = None
        self._touched |= touched
        if error is not None:
            self._failed(error)
        elif self._after is not None:
            self._after()
        return True

    def _run(self, step: Callable[[], object]) -> None:
        # Exceptions cannot cross back into Qt's C++ caller: report them here.
        try:
            if self._history is not None:
                self._history.check(self._touched)
            step()
            if self._history is not None:
                self._touched |= self._history.settle()
        except Exception as exc:
            self._failed(exc)
            return
        if self._after is not None:
            self._after()

    def _failed(self, exc: BaseException) -> None:
        self.setObsolete(True)  # refused or impossible now: drop it from the history
        if isinstance(exc, KnownError):
            log.info("undo/redo step refused: %s", type(exc).__name__)
        else:
            log.error("undo/redo step failed", exc_info=(type(exc), exc, exc.__traceback__))
        if self._on_error is not None:
            self._on_error(exc)


def changed_fields(old: Mapping[str, object], new: Mapping[str, object]) -> dict[str, object]:
    """The entries of `new` whose value differs from `old`."""
    return {k: v for k, v in new.items() if old.get(k) != v}


def delete_with_undo(
    parent: QWidget,
    undo_stack: QUndoStack,
    question: str,
    label: str,
    *,
    delete: Callable[[], object],
    restore: Callable[[], object],
    ask: bool = True,
) -> bool:
    """Ask, delete, and push the undo command; False when declined or refused.

    With the window's write queue the delete is queued (True: asked for) and the step is
    pushed once it has landed; a refusal then shows in a message box.
    """
    if ask and not confirm(parent, question):
        return False
    writes = undo_stack.writes if isinstance(undo_stack, CaseUndoStack) else None
    if writes is not None:
        writes.submit(
            delete,
            lambda _value, changes: undo_stack.push(
                RecordChange(label, restore, delete, changes=changes)
            ),
            lambda exc: show_error(parent, exc),
        )
        return True
    try:
        delete()
    except KnownError as exc:
        show_error(parent, exc)
        return False
    undo_stack.push(RecordChange(label, restore, delete))
    return True


def change_with_undo(
    parent: QWidget,
    undo_stack: QUndoStack | None,
    change: Callable[[], T],
    step: Callable[[T, Changes], RecordChange | None],
    then: Callable[[T], object] | None = None,
    refused: Callable[[BaseException], object] | None = None,
) -> None:
    """Make `change`, push the undo step `step(value, changes)` gives, then `then(value)`.

    On the window's write queue when `undo_stack` has one (the step is pushed once the
    change has landed), otherwise here; a refusal goes to `refused`, or a message box.
    """
    writes = undo_stack.writes if isinstance(undo_stack, CaseUndoStack) else None
    if refused is None:
        refused = lambda exc: show_error(parent, exc)  # noqa: E731

    def landed(value: T, changes: Changes) -> None:
        command = step(value, changes)
        if command is not None and undo_stack is not None:
            undo_stack.push(command)
        if then is not None:
            then(value)

    if writes is not None:
        writes.submit(change, landed, refused)
        return
    try:
        value = change()
    except Exception as exc:
        refused(exc)
        return
    landed(value, Changes())


class CaseUndoStack(QUndoStack):
    """The window's undo stack: pushes go to the current case's own history.

    Editors and tabs hold this one object; behind it a `QUndoGroup` keeps one stack per
    case, so Ctrl+Z in one case never reaches into another. Its signals and the undo/redo
    actions follow the active case's stack. With `writes` set, a step runs on that queue
    and the stack moves once it has landed; undo and redo wait while the queue is busy.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self._stacks: dict[str, QUndoStack] = {}
        self.history: EditHistory | None = None
        self.writes: WriteQueue | None = None
        self._actions: list[tuple[QAction, bool]] = []
        self.group.canUndoChanged.connect(self._enable_actions)
        self.group.canRedoChanged.connect(self._enable_actions)
        self.report: Callable[[BaseException], object] = lambda exc: None
        self.group.indexChanged.connect(self.indexChanged.emit)
        self.group.canUndoChanged.connect(self.canUndoChanged.emit)
        self.group.canRedoChanged.connect(self.canRedoChanged.emit)
        self.set_case("")

    def set_case(self, case_id: str | None) -> None:
        stack = self._stacks.get(case_id or "")
        if stack is None:
            stack = self._stacks[case_id or ""] = QUndoStack(self.group)
            self.group.addStack(stack)
        self.group.setActiveStack(stack)

    def active(self) -> QUndoStack:
        stack = self.group.activeStack()
        assert stack is not None  # set_case always leaves one active
        return stack

    def push(self, cmd: QUndoCommand) -> None:
        if isinstance(cmd, RecordChange) and self.history is not None:
            cmd.guard(self.history, self.report)
        self.active().push(cmd)

    def undo(self) -> None:
        self._step(undoing=True)

    def redo(self) -> None:
        self._step(undoing=False)

    @property
    def stepping(self) -> bool:
        """Whether writes are queued (an undo or redo now would wait its turn: refused)."""
        return self.writes is not None and self.writes.busy

    def _step(self, undoing: bool) -> None:
        stack = self.active()
        if self.stepping or not (stack.canUndo() if undoing else stack.canRedo()):
            return
        position = stack.index() - 1 if undoing else stack.index()
        cmd = stack.command(position)
        if self.writes is None or not isinstance(cmd, RecordChange):
            stack.undo() if undoing else stack.redo()
            return
        expected = stack.index()

        def finish(changes: Changes, error: BaseException | None) -> None:
            cmd.landed(changes, error)
            if stack.index() == expected and stack.command(position) is cmd:
                stack.undo() if undoing else stack.redo()
            else:  # the stack moved meanwhile (a write made outside the queue)
                log.warning("an undo/redo step landed after its stack moved")
                cmd.setObsolete(True)
            self._enable_actions()

        self.writes.submit(
            cmd.queued_step(undoing),
            lambda _value, changes: finish(changes, None),
            lambda exc: finish(Changes(), exc),
        )

    def count(self) -> int:
        return self.active().count()

    def index(self) -> int:
        return self.active().index()

    def canUndo(self) -> bool:
        return self.active().canUndo()

    def canRedo(self) -> bool:
        return self.active().canRedo()

    def clear(self) -> None:
        """Forget every case's history (locking: the steps hold case content)."""
        for stack in self._stacks.values():
            stack.clear()

    def createUndoAction(self, parent: QObject, prefix: str = "") -> QAction:
        return self._own(self.group.createUndoAction(parent, prefix), undoing=True)

    def createRedoAction(self, parent: QObject, prefix: str = "") -> QAction:
        return self._own(self.group.createRedoAction(parent, prefix), undoing=False)

    def _own(self, action: QAction, undoing: bool) -> QAction:
        # The group's action keeps its text ("Undo Edit event") in step with the active
        # stack; its trigger goes through this stack, so a step runs on the write queue.
        action.triggered.disconnect()
        action.triggered.connect(self.undo if undoing else self.redo)
        self._actions.append((action, undoing))
        return action

    def use_writes(self, writes: WriteQueue | None) -> None:
        """Run steps on `writes` (the unlocked vault's queue; None: on this thread)."""
        if self.writes is not None:
            self.writes.busyChanged.disconnect(self._enable_actions)
        self.writes = writes
        if writes is not None:
            writes.busyChanged.connect(self._enable_actions)
        self._enable_actions()

    def _enable_actions(self, *_: object) -> None:
        for action, undoing in self._actions:
            able = self.canUndo() if undoing else self.canRedo()
            action.setEnabled(able and not self.stepping)
