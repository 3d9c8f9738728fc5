"""What the user was typing survives a lock, and promised shortcuts work from text fields."""

from __future__ import annotations

from flows import unlock, writes_landed
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.editors.event import EventEditor
from desktop.ui.main_window import MainWindow
from desktop.ui.timeline.filters import FIND_MIN_WIDTH


def open_event_editor(window: MainWindow) -> EventEditor:
    window.commands.new_event.trigger()
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, EventEditor) and w.isVisible())  # fmt: skip


def test_auto_lock_keeps_the_open_editor_and_gives_it_back_after_unlock(
    qtbot: QtBot, window: MainWindow, case_id: str
) -> None:
    editor = open_event_editor(window)
    qtbot.keyClicks(editor.date.line, "night of 25 August 2008")
    qtbot.keyClicks(editor.title_edit, "Search of the office of Firestone Duncan")
    window.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: not window.is_unlocked, timeout=5_000)
    assert not editor.isVisible()  # nothing of the case on screen while locked
    assert window.workspace is None

    unlock(qtbot, window)

    assert editor.isVisible()
    assert editor.title_edit.text() == "Search of the office of Firestone Duncan"
    editor.date.line.setText("2008-08-25")
    editor.try_save()
    qtbot.waitUntil(lambda: not editor.saving)  # the save runs on the write queue
    assert window.services is not None and editor.saved_id is not None
    assert window.services.timeline.get_event(editor.saved_id).title.startswith("Search of")
    assert window.workspace is not None and window.workspace.case_id == case_id


def test_ctrl_l_locks_from_inside_an_editor(qtbot: QtBot, window: MainWindow) -> None:
    editor = open_event_editor(window)
    editor.activateWindow()
    editor.title_edit.setFocus()
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked
    assert not editor.isVisible()
    assert editor.title_edit.text() == ""  # Ctrl+L was not typed into the field


class ClaimsCtrlE(QObject):
    """What Qt's text fields do on X11: claim Ctrl+E (end of line) before shortcuts run."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+E")
        ):
            event.accept()
        return False


def test_ctrl_e_opens_a_new_event_while_the_find_box_has_focus(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.workspace is not None
    find = window.workspace.timeline.filters.text
    claims = ClaimsCtrlE()
    find.installEventFilter(claims)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    find.setFocus()
    qtbot.keyClick(find, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    editors = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, EventEditor) and w.isVisible()]  # fmt: skip
    assert len(editors) == 1


def test_the_find_box_fits_a_surname_at_1280_by_800(qtbot: QtBot, window: MainWindow) -> None:
    assert window.workspace is not None
    find = window.workspace.timeline.filters.text
    window.workspace.tabs.setCurrentIndex(0)
    qtbot.waitUntil(find.isVisible)
    assert find.width() >= FIND_MIN_WIDTH
    assert find.fontMetrics().horizontalAdvance("Kuznetsov, Artem") < find.width()


def test_undo_right_after_deleting_a_case_brings_it_back(
    qtbot: QtBot, window: MainWindow, case_id: str
) -> None:
    assert window.services is not None and window.workspace is not None
    other = window.services.cases.create_case("Another case")
    window.workspace.cases.reload(select=case_id)
    window.delete_case(ask=False)
    writes_landed(qtbot, window.services)  # the delete runs on the write queue
    assert window.workspace.case_id == other  # the remaining case is shown
    assert case_id not in {c.id for c in window.services.cases.list_cases()}
    assert window.undo_stack.canUndo()
    window.undo_stack.undo()
    writes_landed(qtbot, window.services)  # undo runs on the write queue
    assert case_id in {c.id for c in window.services.cases.list_cases()}
