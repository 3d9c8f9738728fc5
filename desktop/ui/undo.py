"""Undo and redo of record changes: each command carries what to do and how to take it back.

The change has already been made (and validated) by the time the command is pushed, so
the first `redo` that `QUndoStack.push` calls is skipped.

Each case has its own history (`CaseUndoStack`), and every step is guarded by the
services' `EditHistory`: a step whose records were changed since by someone else (a sync
brought a colleague's edit, or a conflict is waiting for review) is refused with a message
and dropped from the history, never applied over their work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QWidget

from desktop.errors import KnownError
from desktop.services.history import EditHistory, RecordKey
from desktop.ui.messages import confirm, show_error

log = logging.getLogger(__name__)


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
    ) -> None:
        super().__init__(text)
        self._undo = undo
        self._redo = redo
        self._skip_redo = done
        self._on_error = on_error
        self._history: EditHistory | None = None
        self._touched: frozenset[RecordKey] = frozenset()

    def guard(self, history: EditHistory, on_error: Callable[[BaseException], object]) -> None:
        """From now on, apply a step only to records still as this history left them."""
        self._history = history
        if self._on_error is None:
            self._on_error = on_error
        if self._skip_redo:  # already done: the writes just made are this step's
            self._touched = history.settle()

    def undo(self) -> None:
        self._run(self._undo)

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(self._redo)

    def _run(self, step: Callable[[], object]) -> None:
        # Exceptions cannot cross back into Qt's C++ caller: report them here.
        try:
            if self._history is not None:
                self._history.check(self._touched)
            step()
            if self._history is not None:
                self._touched |= self._history.settle()
        except KnownError as exc:
            self.setObsolete(True)  # refused or impossible now: drop it from the history
            log.info("undo/redo step refused: %s", type(exc).__name__)
            if self._on_error is not None:
                self._on_error(exc)
        except Exception as exc:
            self.setObsolete(True)
            log.exception("undo/redo step failed")
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
    """Ask, delete, and push the undo command; False when declined or refused."""
    if ask and not confirm(parent, question):
        return False
    try:
        delete()
    except KnownError as exc:
        show_error(parent, exc)
        return False
    undo_stack.push(RecordChange(label, restore, delete))
    return True


class CaseUndoStack(QUndoStack):
    """The window's undo stack: pushes go to the current case's own history.

    Editors and tabs hold this one object; behind it a `QUndoGroup` keeps one stack per
    case, so Ctrl+Z in one case never reaches into another. Its signals and the undo/redo
    actions follow the active case's stack.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self._stacks: dict[str, QUndoStack] = {}
        self.history: EditHistory | None = None
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
        self.active().undo()

    def redo(self) -> None:
        self.active().redo()

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
        return self.group.createUndoAction(parent, prefix)

    def createRedoAction(self, parent: QObject, prefix: str = "") -> QAction:
        return self.group.createRedoAction(parent, prefix)
