"""The real main window over a vault holding rows that break the rules (written with raw SQL
into the real SQLCipher file): the timeline, people and complaints tabs show them as
"(unreadable record)" instead of failing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desktop.crypto.os_keyring import MemoryKeyring
from desktop.services.registry import Services
from desktop.store.vault import Vault
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.timeline.model import Column

UNREADABLE = "(unreadable record)"


@pytest.fixture
def spoiled(demo_vault: tuple[Vault, str]) -> tuple[Vault, dict[str, str]]:
    vault, _case_id = demo_vault
    ids: dict[str, str] = {}
    with vault.require_engine().begin() as conn:
        for table, change in (
            ("events", "date_edtf = '0000-00-00', fact_status = 'alleged'"),
            ("persons", "kind = 'zzz', names = 'not json'"),
            ("complaints", "status = 'lost', filed_edtf = '99999-01-01'"),
            ("postings", "start_edtf = '10 September 2009'"),
        ):
            ids[table] = conn.execute(text(f"SELECT id FROM {table} LIMIT 1")).scalar_one()
            conn.execute(text(f"UPDATE {table} SET {change} WHERE id = :i"), {"i": ids[table]})
        conn.execute(
            text(
                "UPDATE events SET title = :t "
                "WHERE id = (SELECT max(id) FROM events WHERE id != :i)"
            ),
            {"t": "x" * 999_999, "i": ids["events"]},
        )
    return vault, ids


@pytest.fixture
def window(
    qtbot: QtBot, spoiled: tuple[Vault, dict[str, str]], keyring: MemoryKeyring
) -> Iterator[MainWindow]:
    main = MainWindow(spoiled[0], Services.over, keyring, AppSettings())
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()


def test_timeline_people_and_complaints_show_the_rows(
    qtbot: QtBot, window: MainWindow, spoiled: tuple[Vault, dict[str, str]]
) -> None:
    _vault, ids = spoiled
    workspace = window.workspace
    assert workspace is not None
    panel = workspace.timeline
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and panel.is_idle())
    qtbot.waitUntil(lambda: len(panel.band.spans()) > 0)
    titles = [panel.model.index(r, Column.TITLE).data() for r in range(panel.model.rowCount())]
    assert sum(UNREADABLE in str(t) for t in titles) == 2
    assert all(len(str(t)) < 1000 for t in titles)

    people = workspace.people
    assert people.select_person(ids["persons"])
    assert UNREADABLE in people.page.header.text()

    complaints = workspace.complaints
    row = complaints.model.row_of(ids["complaints"])
    assert row is not None
    assert complaints.model.rows[row].complaint.subject.startswith(UNREADABLE)


def test_the_russian_interface_marks_them_in_russian(
    qtbot: QtBot, spoiled: tuple[Vault, dict[str, str]], keyring: MemoryKeyring
) -> None:
    from desktop.ui.i18n import install_language

    vault, ids = spoiled
    assert install_language("ru")
    try:
        main = MainWindow(vault, Services.over, keyring, AppSettings())
        qtbot.addWidget(main)
        main.show()
        workspace = main.workspace
        assert workspace is not None
        panel = workspace.timeline
        qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and panel.is_idle())
        titles = [
            str(panel.model.index(r, Column.TITLE).data()) for r in range(panel.model.rowCount())
        ]
        assert sum("(нечитаемая запись)" in t for t in titles) == 2
        assert not any(UNREADABLE in t for t in titles)
        assert workspace.people.select_person(ids["persons"])
        assert "(нечитаемая запись)" in workspace.people.page.header.text()
        install_language("en")  # records read from now on are marked in English again
        person = Services.over(vault).people.get_person(ids["persons"])
        assert person.display_name.startswith(UNREADABLE)
        main.close()
    finally:
        install_language("en")
