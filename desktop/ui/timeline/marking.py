"""Key facts and tags on the selected events of the timeline, each change one undo step.

Each change runs on the vault's write queue (`ui/writes.py`), never on the GUI thread.

The timeline table allows several rows to be selected (Ctrl/Shift+click); its context
menu and the Tags button under it hold these actions: mark or unmark key facts, put a tag
on all of them (a new name makes a new tag), take one off, or delete a tag everywhere.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QToolButton

from desktop.errors import KnownError
from desktop.services.entry import Part, reinstate, withdraw
from desktop.services.validation import required_text
from desktop.store.store import Store
from desktop.ui.undo import RecordChange
from desktop.ui.writes import Changes, write_queue

if TYPE_CHECKING:
    from desktop.ui.timeline.panel import TimelinePanel

log = logging.getLogger(__name__)
T = TypeVar("T")
PartsStep = Callable[[Store, Sequence[Part]], None]  # `withdraw` or `reinstate`


class EventMarking(QObject):
    """The actions, and what they do, over `panel`'s selected events."""

    def __init__(self, panel: TimelinePanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.services = panel.services
        self.add_tag_action = QAction(panel)
        self.remove_tag_action = QAction(panel)
        self.delete_tag_action = QAction(panel)
        self.mark_key_action = QAction(panel)
        self.unmark_key_action = QAction(panel)
        self.add_tag_action.triggered.connect(self.ask_tag_selected)
        self.remove_tag_action.triggered.connect(self.ask_untag_selected)
        self.delete_tag_action.triggered.connect(self.ask_delete_tag)
        self.mark_key_action.triggered.connect(lambda: self.mark_selected_key(True))
        self.unmark_key_action.triggered.connect(lambda: self.mark_selected_key(False))
        self.table_actions = [self.mark_key_action, self.unmark_key_action,
                              self.add_tag_action, self.remove_tag_action]  # fmt: skip
        self.button = QToolButton(panel)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        menu.setToolTipsVisible(True)  # a switched-off action says why
        menu.addActions([self.mark_key_action, self.unmark_key_action])
        menu.addSeparator()
        menu.addActions([self.add_tag_action, self.remove_tag_action])
        menu.addSeparator()
        menu.addAction(self.delete_tag_action)
        self.button.setMenu(menu)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_tag_action.setText(self.tr("Add &tag to selected events…"))
        self.remove_tag_action.setText(self.tr("&Remove tag from selected events…"))
        self.delete_tag_action.setText(self.tr("&Delete a tag…"))
        self.mark_key_action.setText(self.tr("Mark as &key fact"))
        self.unmark_key_action.setText(self.tr("&Not a key fact"))
        self.button.setText(self.tr("Key facts && ta&gs"))
        self.button.setAccessibleName(self.tr("Key facts and tags of the selected events"))

    def set_every_case(self, every_case: bool) -> None:
        """In the timeline of every case a new tag or deleting one has no case to belong
        to: those two actions are off and say why; key facts and removing tags work."""
        why = self.tr("Tags belong to one case: add or delete them in the case's own timeline.")
        for action in (self.add_tag_action, self.delete_tag_action):
            action.setEnabled(not every_case)
            action.setToolTip(why if every_case else action.text().replace("&", ""))
            action.setStatusTip(why if every_case else "")

    def tag_selected(self, name: str) -> None:
        """Put tag `name` on every selected event, on the write queue, as one undo step."""
        ids = self.panel.selected_event_ids()
        case_id = self.panel.case_id
        if case_id is None or not ids:
            return
        required_text(name, "tag", 100)  # a blank name is refused here, at once
        tags = self.services.tags

        def landed(made: list[Part], changes: Changes) -> None:
            links = sum(1 for model, _ in made if model.__tablename__ == "tag_links")
            text = self.tr("Tag %n event(s)", "", links)
            self._push_parts(text, made, changes, undo=withdraw, redo=reinstate)

        self._write(lambda: tags.tag_many(case_id, "event", ids, name), landed)

    def untag_selected(self, tag_id: str) -> None:
        """Take a tag off every selected event, on the write queue, as one undo step."""
        ids = self.panel.selected_event_ids()
        if not ids:
            return
        tags = self.services.tags

        def landed(removed: list[Part], changes: Changes) -> None:
            text = self.tr("Untag %n event(s)", "", len(removed))
            self._push_parts(text, removed, changes, undo=reinstate, redo=withdraw)

        self._write(lambda: tags.untag_many(ids, tag_id), landed)

    def delete_tag(self, tag_id: str) -> None:
        """Delete a tag of the case and take it off every record, as one undo step."""
        tags = self.services.tags

        def landed(removed: list[Part], changes: Changes) -> None:
            self._push_parts(self.tr("Delete tag"), removed, changes, undo=reinstate, redo=withdraw)

        self._write(lambda: tags.delete_tag(tag_id), landed)

    def mark_selected_key(self, key: bool) -> None:
        """Mark the selected events as key facts (or not), as one undo step."""
        ids = self.panel.selected_event_ids()
        timeline = self.services.timeline

        def landed(changed: list[str], changes: Changes) -> None:
            self.panel.refresh()
            if not changed or self.panel.undo_stack is None:
                return
            text = (self.tr("Mark %n key fact(s)", "", len(changed)) if key
                    else self.tr("Unmark %n key fact(s)", "", len(changed)))  # fmt: skip
            self.panel.undo_stack.push(RecordChange(
                text, lambda: timeline.set_key_events(changed, not key),
                lambda: timeline.set_key_events(changed, key),
                changes=changes, after=self.panel.refresh,
            ))  # fmt: skip

        self._write(lambda: timeline.set_key_events(ids, key), landed)

    def _write(self, op: Callable[[], T], landed: Callable[[T, Changes], None]) -> None:
        """Run `op` on the vault's write queue; a refusal is said in the status line."""

        def refused(exc: BaseException) -> None:
            if isinstance(exc, KnownError):
                self.panel.status.setText(str(exc))
            else:
                log.error("marking events failed", exc_info=(type(exc), exc, exc.__traceback__))
                self.panel.status.setText(self.tr("The change could not be saved."))

        write_queue(self.services).submit(op, landed, refused)

    def _push_parts(
        self, text: str, parts: list[Part], changes: Changes, *, undo: PartsStep, redo: PartsStep
    ) -> None:
        self.panel.refresh()
        if not parts or self.panel.undo_stack is None:
            return
        store = self.services.store
        self.panel.undo_stack.push(RecordChange(
            text, lambda: undo(store, parts), lambda: redo(store, parts),
            changes=changes, after=self.panel.refresh,
        ))  # fmt: skip

    def ask_delete_tag(self) -> None:
        if self.panel.case_id is None:
            return
        tags = {t.name: t.id for t in self.services.tags.tags(self.panel.case_id)}
        if not tags:
            self.panel.status.setText(self.tr("This case has no tags yet."))
            return
        name, ok = QInputDialog.getItem(
            self.panel,
            self.tr("Delete tag"),
            self.tr(
                "Tag to delete (it comes off every event and complaint; Ctrl+Z brings it back):"
            ),
            list(tags),
            0,
            False,
        )
        if ok and name in tags:
            try:
                self.delete_tag(tags[name])
            except KnownError as exc:
                self.panel.status.setText(str(exc))

    def ask_tag_selected(self) -> None:
        if self.panel.case_id is None or not self.panel.selected_event_ids():
            return
        names = [t.name for t in self.services.tags.tags(self.panel.case_id)]
        name, ok = QInputDialog.getItem(
            self.panel,
            self.tr("Add tag"),
            self.tr("Tag for the %n selected event(s) (a new name makes a new tag):", "",
                    len(self.panel.selected_event_ids())),
            names,
            0,
            True,
        )  # fmt: skip
        if ok and name.strip():
            try:
                self.tag_selected(name)
            except KnownError as exc:
                self.panel.status.setText(str(exc))

    def ask_untag_selected(self) -> None:
        ids = self.panel.selected_event_ids()
        if not ids:
            return
        on_them = self.services.tags.tags_of_many(ids)
        present = {t.id: t.name for tags in on_them.values() for t in tags}
        if not present:
            self.panel.status.setText(self.tr("The selected events have no tags."))
            return
        by_name = {name: tag_id for tag_id, name in sorted(present.items(), key=lambda p: p[1])}
        name, ok = QInputDialog.getItem(
            self.panel,
            self.tr("Remove tag"),
            self.tr("Tag to take off the %n selected event(s):", "", len(ids)),
            list(by_name),
            0,
            False,
        )
        if ok and name in by_name:
            try:
                self.untag_selected(by_name[name])
            except KnownError as exc:
                self.panel.status.setText(str(exc))
