"""A table cell cut short by its column shows its whole text as a tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from desktop.ui.elided import ElidedTextTips, elided_text
from desktop.ui.main_window import MainWindow
from desktop.ui.sources.tab import SourcesTab


def test_every_workspace_table_gets_the_tips(window: MainWindow) -> None:
    workspace = window.workspace
    assert workspace is not None
    assert isinstance(workspace.timeline.table.itemDelegate(), ElidedTextTips)
    assert isinstance(workspace.complaints.table.itemDelegate(), ElidedTextTips)
    assert isinstance(workspace.sources.table.itemDelegate(), ElidedTextTips)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform
def test_a_cut_short_cell_shows_its_whole_text(qtbot: QtBot, window: MainWindow) -> None:
    workspace = window.workspace
    assert workspace is not None
    window.resize(1280, 800)
    workspace.tabs.setCurrentWidget(workspace.sources)
    sources: SourcesTab = workspace.sources
    table = sources.table
    qtbot.waitUntil(lambda: table.rowCount() > 0)
    title_column = next(c for c in range(table.columnCount())
                        if table.horizontalHeaderItem(c).text() == "Title")  # fmt: skip
    row = max(range(table.rowCount()), key=lambda r: len(table.item(r, title_column).text()))
    full = table.item(row, title_column).text()
    assert len(full) > 20
    header = table.horizontalHeader()
    header.setSectionResizeMode(title_column, header.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    table.setColumnWidth(title_column, 60)
    index = table.model().index(row, title_column)
    assert elided_text(table, index) == full
    table.setColumnWidth(title_column, table.fontMetrics().horizontalAdvance(full) + 80)
    assert elided_text(table, index) is None
    table.setColumnWidth(title_column, 60)
    table.scrollTo(index)
    centre = table.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, table.viewport().mapToGlobal(centre))
    QApplication.sendEvent(table.viewport(), event)
    assert QToolTip.text() == full
    QToolTip.hideText()


def test_text_that_fits_gets_no_tooltip(qtbot: QtBot, window: MainWindow) -> None:
    workspace = window.workspace
    assert workspace is not None
    table = workspace.complaints.table
    workspace.tabs.setCurrentWidget(workspace.complaints)
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    index = table.model().index(0, 0)
    table.setColumnWidth(0, 600)
    assert elided_text(table, index) is None
