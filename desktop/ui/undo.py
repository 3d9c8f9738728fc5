"""Undo and redo of record changes: each command carries what to do and how to take it back.

The change has already been made (and validated) by the time the command is pushed, so
the first `redo` that `QUndoStack.push` calls is skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from desktop.errors import KnownError
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
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(text)
        self._undo = undo
        self._redo = redo
        self._skip_redo = done
        self._on_error = on_error

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
            step()
        except KnownError as exc:
            log.info("undo/redo step refused: %s", type(exc).__name__)
            if self._on_error is not None:
                self._on_error(exc)
        except Exception as exc:
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
