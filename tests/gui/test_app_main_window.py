"""End-to-end flows through the real main window on a real vault on disk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from flows import PASSPHRASE, unlock, writes_landed
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.crypto.os_keyring import MemoryKeyring
from desktop.paths import KEYSTORE, VAULT_DB
from desktop.services.registry import Services
from desktop.store.vault import Vault
from desktop.ui.briefing import BriefingDialog
from desktop.ui.complaints.model import OVERDUE_TEXT
from desktop.ui.editors.event import EventEditor
from desktop.ui.i18n import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.sync.dialog import SyncDialog
from desktop.ui.vault.create import CreateVaultDialog
from desktop.ui.workspace import COMPLAINTS, PEOPLE


def test_create_add_fuzzy_event_lock_unlock(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring, english: None
) -> None:
    create = CreateVaultDialog(vault_folder, keyring)
    qtbot.addWidget(create)
    create.show()
    create.passphrase.line.setText(PASSPHRASE)
    create.repeat.line.setText(PASSPHRASE)
    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: create.pages.currentIndex() == 1, timeout=10_000)
    create.stored.click()
    qtbot.mouseClick(create.finish_button, Qt.MouseButton.LeftButton)
    assert create.vault is not None
    main = MainWindow(create.vault, Services.over, keyring, AppSettings())
    qtbot.addWidget(main)
    main.show()
    case_editor = main.new_case()
    assert case_editor is not None
    case_editor.title_edit.setText("Detention of A. B.")
    case_editor.try_save()
    qtbot.waitUntil(lambda: not case_editor.saving)  # the save runs on the write queue
    assert main.workspace is not None and main.workspace.case_id == case_editor.saved_id
    main.commands.new_event.trigger()
    editor = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, EventEditor) and w.isVisible())  # fmt: skip
    qtbot.keyClicks(editor.date.line, "circa March 2008")
    assert "circa March 2008" in editor.date.echo.text()
    qtbot.keyClicks(editor.title_edit, "Search of the apartment")
    editor.try_save()
    qtbot.waitUntil(lambda: not editor.saving)  # the save runs on the write queue
    assert "1 events" in main.status.counts_label.text()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not main.is_unlocked
    assert main.workspace is None
    assert main.centralWidget().objectName() == "lockedPlaceholder"
    assert main.status.state_label.text() == "Locked"
    unlock(qtbot, main)
    assert main.is_unlocked and main.services is not None and main.workspace is not None
    case_id = main.workspace.case_id
    assert case_id is not None
    rows = main.services.timeline.rows(main.services.timeline.event_ids(case_id))
    assert [(r.event.title, r.date.display("en")) for r in rows] == [
        ("Search of the apartment", "circa March 2008")
    ]


def test_complaint_with_past_due_date_shows_overdue(
    qtbot: QtBot, window: MainWindow, case_id: str
) -> None:
    window.commands.show_complaints.trigger()
    assert window.workspace is not None
    tab = window.workspace.complaints
    assert window.workspace.tabs.currentIndex() == COMPLAINTS
    editor = tab.new_complaint()
    assert editor is not None
    editor.against_text.setText("the head of the detention centre")
    editor.our_reference.setText("LATE-7")
    editor.response_due.setText((dt.date.today() - dt.timedelta(days=3)).isoformat())
    editor.try_save()
    qtbot.waitUntil(lambda: not editor.saving)  # the save runs on the write queue
    assert tab.current_complaint() == editor.saved_id
    row = tab.model.row_of(editor.saved_id or "")
    assert tab.model.rows[row].overdue
    brush = tab.model.data(tab.model.index(row, 0), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color() == OVERDUE_TEXT
    days_left = tab.model.COLUMNS.index("days_left")
    assert tab.model.data(tab.model.index(row, days_left)) == "3 day(s) overdue"
    assert "overdue" in tab.detail.summary.text()


def test_an_escalated_complaint_says_where_it_went(
    qtbot: QtBot, window: MainWindow, case_id: str
) -> None:
    """Escalating marks the complaint appealed in the vault; the register says where it went."""
    window.commands.show_complaints.trigger()
    assert window.workspace is not None and window.services is not None
    tab = window.workspace.complaints
    editor = tab.new_complaint()
    assert editor is not None
    editor.against_text.setText("the head of the detention centre")
    editor.body_detail.setText("District prosecutor")
    editor.subject.setPlainText("Beating in the detention centre")
    editor.try_save()
    qtbot.waitUntil(lambda: not editor.saving)  # the save runs on the write queue
    first = editor.saved_id or ""
    assert tab.current_complaint() == first
    escalation = tab.escalate()
    assert escalation is not None
    escalation.body_detail.setText("Regional prosecutor's office")
    escalation.try_save()
    qtbot.waitUntil(lambda: not escalation.saving)
    second = escalation.saved_id or ""
    assert window.services.complaints.get_complaint(first).status == "appealed"
    status = tab.model.COLUMNS.index("status")
    row = tab.model.row_of(first)
    shown = tab.model.data(tab.model.index(row, status))
    assert shown == "Escalated to Regional prosecutor's office"
    assert tab.model.data(tab.model.index(tab.model.row_of(second), status)) == "Draft"
    tab.select_complaint(first)
    summary = tab.detail.summary.text()
    assert "Appealed" not in summary and "Escalated to" in summary
    assert summary.count("Beating in the detention centre") == 2  # the heading, the escalation


def test_search_kuznetsov_opens_the_person(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.query, "Kuznetsov")
    dialog.run_search()
    top = [dialog.results.topLevelItem(i) for i in range(dialog.results.topLevelItemCount())]
    groups = [item.text(0) for item in top if item is not None]
    assert groups[0].startswith("People")
    assert top[0] is not None
    person = top[0].child(0)
    assert person is not None
    assert "<b style=" in person.data(0, Qt.ItemDataRole.UserRole + 1)  # the name is marked
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert window.workspace is not None
    assert window.workspace.tabs.currentIndex() == PEOPLE
    page = window.workspace.people.page
    assert page.person is not None
    assert "Кузнецов" in page.header.text()
    assert page.postings.rowCount() >= 1
    assert page.complaints.count() >= 1


def test_edit_then_undo_restores(qtbot: QtBot, window: MainWindow, case_id: str) -> None:
    assert window.workspace is not None and window.services is not None
    people = window.workspace.people
    window.commands.show_people.trigger()
    people.list.setCurrentRow(0)
    person_id = people.current_person()
    assert person_id is not None
    original = window.services.people.get_person(person_id).display_name
    editor = people.edit_person()
    assert editor is not None
    editor.display_name.setText("Changed Name")
    editor.try_save()
    qtbot.waitUntil(lambda: not editor.saving)  # the save runs on the write queue
    assert window.services.people.get_person(person_id).display_name == "Changed Name"
    assert "Changed Name" in people.list.currentItem().text()
    window.activateWindow()  # the editor closed once its save landed: back to the window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    writes_landed(qtbot, window.services)  # undo runs on the write queue too
    assert window.services.people.get_person(person_id).display_name == original
    assert any(original in people.list.item(i).text() for i in range(people.list.count()))
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    writes_landed(qtbot, window.services)
    assert window.services.people.get_person(person_id).display_name == "Changed Name"


def test_delete_asks_and_undo_brings_back(qtbot: QtBot, window: MainWindow, case_id: str) -> None:
    assert window.workspace is not None and window.services is not None
    tab = window.workspace.complaints
    tab.table.selectRow(0)
    complaint_id = tab.current_complaint()
    assert complaint_id is not None
    count = len(window.services.complaints.register(case_id))
    tab.delete_complaint(ask=False)
    writes_landed(qtbot, window.services)  # the delete runs on the write queue
    assert len(window.services.complaints.register(case_id)) == count - 1
    window.undo_stack.undo()
    writes_landed(qtbot, window.services)
    assert len(window.services.complaints.register(case_id)) == count
    assert tab.model.row_of(complaint_id) >= 0


def test_switch_to_russian_relabels_menus(qtbot: QtBot, window: MainWindow) -> None:
    assert window.menus.file.title() == "&File"
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    try:
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)  # fmt: skip
        assert AppSettings().language == "ru"
        qtbot.waitUntil(lambda: window.menus.file.title() == "&Файл")
        assert window.commands.lock.text() == "&Заблокировать"
        assert window.workspace is not None
        assert window.workspace.tabs.tabText(COMPLAINTS) == "&Жалобы"
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: window.menus.file.title() == "&File")


def test_wrong_passphrase_after_lock_keeps_vault_unchanged(
    qtbot: QtBot, window: MainWindow, vault_folder: Path
) -> None:
    window.lock_vault()
    before = {n: (vault_folder / n).read_bytes() for n in (VAULT_DB, KEYSTORE)}
    unlock(qtbot, window, "wrong wrong wrong")
    assert not window.is_unlocked
    assert window.unlock_dialog is not None
    assert window.unlock_dialog.message.text() == "Wrong passphrase."
    assert {n: (vault_folder / n).read_bytes() for n in (VAULT_DB, KEYSTORE)} == before
    unlock(qtbot, window)
    assert window.is_unlocked


def test_idle_time_locks(qtbot: QtBot, window: MainWindow) -> None:
    window.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: not window.is_unlocked, timeout=5_000)
    assert window.unlock_dialog is not None and window.unlock_dialog.isVisible()


def test_status_bar_shows_vault_and_counts(window: MainWindow, vault_folder: Path) -> None:
    assert str(vault_folder) in window.status.path_label.text()
    assert window.status.state_label.text() == "Unlocked"
    assert "events" in window.status.counts_label.text()


def test_every_action_has_a_shortcut_or_mnemonic(window: MainWindow) -> None:
    for action in window.commands.all():
        assert not action.shortcut().isEmpty() or "&" in action.text(), action.objectName()


def test_briefing_action_opens_the_pack_dialog_and_lock_closes_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.workspace is not None and window.workspace.case_id
    window.commands.briefing.trigger()
    dialogs = [d for d in window.findChildren(BriefingDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert window.commands.briefing.shortcut().toString() == "Ctrl+P"
    window.lock_vault()
    assert not dialogs[0].isVisible()
    unlock(qtbot, window)


def test_sample_case_is_marked_on_screen(window: MainWindow) -> None:
    workspace = window.workspace
    assert workspace is not None and workspace.case_id
    assert workspace.banner.isVisible()
    assert "Sample data" in workspace.banner.text()
    assert window.services is not None
    own_case = window.services.cases.create_case("Our own case")
    workspace.set_case(own_case)
    assert not workspace.banner.isVisible()


def test_sync_action_opens_the_dialog_and_a_double_clicked_bundle_is_imported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.commands.sync.trigger()
    dialogs = [d for d in window.findChildren(SyncDialog) if d.isVisible()]
    assert len(dialogs) == 1 and window.commands.sync.shortcut().toString() == "Ctrl+Shift+Y"
    dialogs[0].close()
    forged = tmp_path / "from-a-stranger.dossier"
    forged.write_bytes(b"age-encryption.org/v1\n-> X25519 not really\n" + bytes(200))
    dialog = window.open_sync(forged)
    assert dialog is not None
    qtbot.waitUntil(lambda: "from-a-stranger.dossier" in dialog.summary.text(), timeout=10_000)
    assert "Refused" in dialog.summary.text()


def test_double_clicked_bundle_goes_to_the_app() -> None:
    from main import wants_gui

    assert wants_gui(["--import-bundle", "changes.dossier"])
    assert not wants_gui(["sync", "import", "changes.dossier"])


def test_the_window_remembers_its_size(
    qtbot: QtBot, demo_vault: tuple[Vault, str], keyring: MemoryKeyring
) -> None:
    settings = AppSettings()
    first = MainWindow(demo_vault[0], Services.over, keyring, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # offscreen (800 px screen) only the height survives clamping
    height = first.height()
    first.close()
    assert settings.geometry()
    vault = Vault.unlock_with_passphrase(demo_vault[0].folder, PASSPHRASE)
    second = MainWindow(vault, Services.over, keyring, settings)
    qtbot.addWidget(second)
    assert second.height() == height != 800
    second.close()


def test_startup_objects_are_exempted_from_later_full_collections(window: MainWindow) -> None:
    import gc

    from desktop.ui.garbage import freeze_startup_objects

    try:
        frozen = freeze_startup_objects()
        assert frozen == gc.get_freeze_count() > 10_000  # modules, classes, the window
        assert len(gc.get_objects()) < frozen // 10  # what a full pass still walks
        assert window.isVisible() or window.workspace is not None  # the window still works
    finally:
        gc.unfreeze()  # other tests get an ordinary collector back
