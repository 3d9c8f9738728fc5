"""The main window's actions, menus and toolbar, with shortcuts and translatable texts."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

translate = QCoreApplication.translate


@dataclass
class WindowActions:
    new_case: QAction
    edit_case: QAction
    delete_case: QAction
    lock: QAction
    briefing: QAction
    export: QAction
    sync: QAction
    import_sheet: QAction
    save_template: QAction
    settings: QAction
    check_vault: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    delete: QAction
    new_event: QAction
    new_person: QAction
    new_organisation: QAction
    new_complaint: QAction
    new_source: QAction
    show_timeline: QAction
    show_people: QAction
    show_complaints: QAction
    show_sources: QAction
    vault_timeline: QAction
    about: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, f.name) for f in fields(self)]


SHORTCUTS: dict[str, QKeySequence | str] = {
    "new_case": "Ctrl+Shift+N",
    "edit_case": "F2",
    "lock": "Ctrl+L",
    "briefing": QKeySequence.StandardKey.Print,  # type: ignore[dict-item]
    "sync": "Ctrl+Shift+Y",
    "settings": QKeySequence.StandardKey.Preferences,  # type: ignore[dict-item]
    "quit": "Ctrl+Q",
    "undo": "Ctrl+Z",
    "redo": "Ctrl+Shift+Z",
    "find": "Ctrl+F",
    "delete": "Del",
    "new_event": "Ctrl+E",
    "new_person": "Ctrl+Shift+P",
    "new_organisation": "Ctrl+Shift+O",
    "new_complaint": "Ctrl+Shift+C",
    "new_source": "Ctrl+Shift+S",
    "show_timeline": "Ctrl+1",
    "show_people": "Ctrl+2",
    "show_complaints": "Ctrl+3",
    "show_sources": "Ctrl+4",
    "vault_timeline": "Ctrl+Shift+T",
    "about": "F1",
}


def build_actions(window: QMainWindow, undo_stack: QUndoStack) -> WindowActions:
    made = {}
    for f in fields(WindowActions):
        if f.name == "undo":
            action = undo_stack.createUndoAction(window)
        elif f.name == "redo":
            action = undo_stack.createRedoAction(window)
        else:
            action = QAction(window)
        action.setObjectName(f"action_{f.name}")
        shortcut = SHORTCUTS.get(f.name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        made[f.name] = action
    if QKeySequence(QKeySequence.StandardKey.Preferences).isEmpty():
        made["settings"].setShortcut(QKeySequence("Ctrl+,"))
    return WindowActions(**made)


@dataclass
class WindowMenus:
    file: QMenu
    edit: QMenu
    records: QMenu
    view: QMenu
    help: QMenu
    toolbar: QToolBar


def build_menus(window: QMainWindow, a: WindowActions) -> WindowMenus:
    bar = window.menuBar()
    file = bar.addMenu("")
    file.addActions([a.new_case, a.edit_case, a.delete_case])
    file.addSeparator()
    file.addActions([a.briefing, a.export, a.sync])
    file.addSeparator()
    file.addActions([a.import_sheet, a.save_template])
    file.addSeparator()
    file.addActions([a.lock, a.settings, a.check_vault])
    file.addSeparator()
    file.addAction(a.quit)
    edit = bar.addMenu("")
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions([a.find, a.delete])
    records = bar.addMenu("")
    records.addActions([a.new_event, a.new_person, a.new_organisation, a.new_complaint,
                        a.new_source])  # fmt: skip
    view = bar.addMenu("")
    view.addActions([a.show_timeline, a.show_people, a.show_complaints, a.show_sources])
    view.addSeparator()
    view.addAction(a.vault_timeline)
    help_menu = bar.addMenu("")
    help_menu.addAction(a.about)
    toolbar = window.addToolBar("")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.addActions([a.new_event, a.new_person, a.new_complaint, a.new_source])
    toolbar.addSeparator()
    toolbar.addActions([a.find, a.briefing, a.sync, a.lock])
    return WindowMenus(file, edit, records, view, help_menu, toolbar)


def retranslate(a: WindowActions, m: WindowMenus) -> None:
    m.file.setTitle(translate("MainWindow", "&File"))
    m.edit.setTitle(translate("MainWindow", "&Edit"))
    m.records.setTitle(translate("MainWindow", "&Records"))
    m.view.setTitle(translate("MainWindow", "&View"))
    m.help.setTitle(translate("MainWindow", "&Help"))
    m.toolbar.setWindowTitle(translate("MainWindow", "Main toolbar"))
    texts = {
        "new_case": (
            translate("MainWindow", "&New case…"),
            translate("MainWindow", "Start a new case file"),
        ),
        "edit_case": (
            translate("MainWindow", "&Rename case…"),
            translate("MainWindow", "Change the case's title, summary or status"),
        ),
        "delete_case": (
            translate("MainWindow", "&Delete case…"),
            translate("MainWindow", "Delete the chosen case (can be undone)"),
        ),
        "lock": (
            translate("MainWindow", "&Lock"),
            translate("MainWindow", "Lock the vault now: the window is cleared"),
        ),
        "briefing": (
            translate("MainWindow", "&Briefing pack…"),
            translate("MainWindow", "Preview, save or print the case's briefing pack (PDF)"),
        ),
        "export": (
            translate("MainWindow", "E&xport…"),
            translate(
                "MainWindow",
                "Export the case for spreadsheets, calendars, TimelineJS, Aleph or Uwazi",
            ),
        ),
        "sync": (
            translate("MainWindow", "S&ync…"),
            translate("MainWindow", "Exchange changes with paired laptops on a USB stick"),
        ),
        "import_sheet": (
            translate("MainWindow", "&Import spreadsheet…"),
            translate("MainWindow", "Add sources, people, events and complaints from Excel or CSV"),
        ),
        "save_template": (
            translate("MainWindow", "Save spreadsheet &template…"),
            translate("MainWindow", "Save an Excel template for spreadsheet import"),
        ),
        "settings": (
            translate("MainWindow", "&Settings…"),
            translate("MainWindow", "Language, auto-lock and keyring"),
        ),
        "check_vault": (
            translate("MainWindow", "C&heck vault…"),
            translate("MainWindow", "Check the encryption, structure, audit log and every record"),
        ),
        "quit": (
            translate("MainWindow", "&Quit"),
            translate("MainWindow", "Lock the vault and quit"),
        ),
        "find": (translate("MainWindow", "&Search…"), translate("MainWindow", "Search the case")),
        "delete": (
            translate("MainWindow", "&Delete selected…"),
            translate("MainWindow", "Delete the selected record"),
        ),
        "new_event": (
            translate("MainWindow", "New &event…"),
            translate("MainWindow", "Add an event to the timeline"),
        ),
        "new_person": (
            translate("MainWindow", "New &person…"),
            translate("MainWindow", "Add a person or official"),
        ),
        "new_organisation": (
            translate("MainWindow", "New &organisation…"),
            translate("MainWindow", "Add an organisation"),
        ),
        "new_complaint": (
            translate("MainWindow", "New &complaint…"),
            translate("MainWindow", "Add a complaint to the register"),
        ),
        "new_source": (
            translate("MainWindow", "New &source…"),
            translate("MainWindow", "Add a source"),
        ),
        "show_timeline": (
            translate("MainWindow", "&Timeline"),
            translate("MainWindow", "Show the timeline"),
        ),
        "show_people": (
            translate("MainWindow", "&People && Officials"),
            translate("MainWindow", "Show people and officials"),
        ),
        "show_complaints": (
            translate("MainWindow", "&Complaints"),
            translate("MainWindow", "Show the complaints register"),
        ),
        "show_sources": (
            translate("MainWindow", "&Sources && Exhibits"),
            translate("MainWindow", "Show sources and exhibits"),
        ),
        "vault_timeline": (
            translate("MainWindow", "Timeline of &all cases"),
            translate("MainWindow", "Show the events of every case in one timeline"),
        ),
        "about": (
            translate("MainWindow", "&About Dossier"),
            translate("MainWindow", "About Dossier"),
        ),
    }
    for name, (text, tip) in texts.items():
        action: QAction = getattr(a, name)
        action.setText(text)
        action.setToolTip(tip)
        action.setStatusTip(tip)
