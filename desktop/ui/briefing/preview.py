"""The page preview: thumbnails on the left, one large page with navigation and zoom.

Thumbnails are rendered a few at a time from the event loop, so a long pack never
freezes the dialog; the large page is rendered when it is shown. The page opens fitted
to the width of the view (and follows its resizes) until the user picks a zoom step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.printing.pages import PdfPages, pdfium_busy

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
SCREEN_DPI = 96.0
THUMBNAIL_WIDTH = 110
THUMBNAILS_PER_TICK = 4
BUSY_RETRY_MS = 50  # a print job is rendering: PDFium is taken, try again shortly
FIT_MARGIN = 24  # pixels kept free beside a page fitted to the width (scroll bar, frame)


class PagePreview(QWidget):
    """Shows the pages of a `PdfPages`; `page_changed(index)` when another page is shown."""

    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: PdfPages | None = None
        self._index = -1
        self._zoom = ZOOMS.index(1.0)
        self._fit_width = True
        self._image = QImage()
        self._refit_timer = QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(80)
        self._refit_timer.timeout.connect(self._render_current)
        self._next_thumbnail = 0
        self._thumbnail_timer = QTimer(self)
        self._thumbnail_timer.setInterval(0)
        self._thumbnail_timer.timeout.connect(self._render_some_thumbnails)

        self.thumbnails = QListWidget(self)
        self.thumbnails.setAccessibleName(self.tr("Page thumbnails"))
        self.thumbnails.setIconSize(QSize(THUMBNAIL_WIDTH, int(THUMBNAIL_WIDTH * 1.42)))
        self.thumbnails.setMinimumWidth(THUMBNAIL_WIDTH + 40)
        self.thumbnails.setMaximumWidth(THUMBNAIL_WIDTH + 70)  # the page gets the rest
        self.thumbnails.currentRowChanged.connect(self._on_row)

        self.view = QLabel(self)
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setAccessibleName(self.tr("Page"))
        self.view.setWordWrap(True)
        self.page_scroll = QScrollArea(self)
        self.page_scroll.setWidget(self.view)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.previous_button = self._tool(
            self.tr("Previous page"), "‹", QKeySequence(Qt.Key.Key_PageUp), self.previous_page
        )
        self.next_button = self._tool(
            self.tr("Next page"), "›", QKeySequence(Qt.Key.Key_PageDown), self.next_page
        )
        self.zoom_out_button = self._tool(
            self.tr("Zoom out"), "−", QKeySequence(QKeySequence.StandardKey.ZoomOut), self.zoom_out
        )
        self.zoom_in_button = self._tool(
            self.tr("Zoom in"), "+", QKeySequence(QKeySequence.StandardKey.ZoomIn), self.zoom_in
        )
        self.fit_button = QToolButton(self)
        self.fit_button.setText(self.tr("Fit width"))
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.fit_button.setAccessibleName(self.tr("Fit the page to the width"))
        self.fit_button.setToolTip(self.tr("Fit the page to the width of the view"))
        self.fit_button.toggled.connect(self.set_fit_width)
        self.position = QLabel(self)
        self.zoom_label = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.position)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)

        page_side = QWidget(self)
        page_column = QVBoxLayout(page_side)
        page_column.setContentsMargins(0, 0, 0, 0)
        page_column.addLayout(bar)
        page_column.addWidget(self.page_scroll, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.thumbnails)
        splitter.addWidget(page_side)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([THUMBNAIL_WIDTH + 50, 10_000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.clear(self.tr("Press Preview to build the pack."))

    # -- what is shown -------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return len(self._pages) if self._pages is not None else 0

    @property
    def current_index(self) -> int:
        """The page shown (from 0), or -1 when there is none."""
        return self._index

    def current_image(self) -> QImage:
        """The large page as rendered (a null image when no page is shown)."""
        return self._image

    def thumbnails_done(self) -> bool:
        return self._pages is not None and self._next_thumbnail >= self.page_count

    def show_pages(self, pages: PdfPages) -> None:
        """Show `pages` (the preview takes them over and closes them when done)."""
        self._release()
        self._pages = pages
        for number in range(1, len(pages) + 1):
            item = QListWidgetItem(str(number))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.thumbnails.addItem(item)
        self._next_thumbnail = 0
        self._thumbnail_timer.start()
        self.go_to(0)

    def clear(self, message: str) -> None:
        """Forget the pages and show `message` in their place."""
        self._release()
        self.view.setPixmap(QPixmap())
        self.view.setText(message)
        self._update_controls()

    def go_to(self, index: int) -> None:
        if self._pages is None or not 0 <= index < len(self._pages):
            return
        changed = index != self._index
        self._index = index
        if self.thumbnails.currentRow() != index:
            self.thumbnails.setCurrentRow(index)
        self._render_current()
        if changed:
            self.page_changed.emit(index)

    def next_page(self) -> None:
        self.go_to(self._index + 1)

    def previous_page(self) -> None:
        self.go_to(self._index - 1)

    def zoom_in(self) -> None:
        self._set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self._set_zoom(self._zoom - 1)

    @property
    def zoom(self) -> float:
        """Screen pixels per CSS pixel of the page: 1.0 is the page at its printed size."""
        if self._fit_width and self._pages is not None and self._index >= 0:
            width_pt = self._pages.page_size(self._index).width() or 1.0
            available = max(self.page_scroll.viewport().width() - FIT_MARGIN, 100)
            return available / (width_pt * SCREEN_DPI / 72.0)
        return ZOOMS[self._zoom]

    @property
    def fits_width(self) -> bool:
        return self._fit_width

    def set_fit_width(self, fit: bool) -> None:
        """Fit the page to the view's width (True) or show it at the current zoom step."""
        if fit == self._fit_width:
            return
        if not fit:  # continue from the zoom step nearest to what was shown
            shown = self.zoom
            self._zoom = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - shown))
        self._fit_width = fit
        self.fit_button.setChecked(fit)
        self._render_current()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_width and self._pages is not None:
            self._refit_timer.start()

    # -- internals -----------------------------------------------------------------------

    def _set_zoom(self, step: int) -> None:
        if self._fit_width:  # step from the fitted size, not from the last chosen step
            shown = self.zoom
            nearest = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - shown))
            delta = step - self._zoom
            self._zoom = nearest
            step = nearest + delta
            self._fit_width = False
            self.fit_button.setChecked(False)
        step = max(0, min(step, len(ZOOMS) - 1))
        self._zoom = step
        self._render_current()

    def _render_current(self) -> None:
        if self._pages is None or self._index < 0:
            return
        ratio = self.devicePixelRatioF()
        self._image = self._pages.render(self._index, self.zoom * SCREEN_DPI / 72.0 * ratio)
        pixmap = QPixmap.fromImage(self._image)
        pixmap.setDevicePixelRatio(ratio)
        self.view.setPixmap(pixmap)
        self._update_controls()

    def _render_some_thumbnails(self) -> None:
        if self._pages is None or self._next_thumbnail >= len(self._pages):
            self._thumbnail_timer.stop()
            return
        if pdfium_busy():
            self._thumbnail_timer.setInterval(BUSY_RETRY_MS)
            return
        self._thumbnail_timer.setInterval(0)
        end = min(self._next_thumbnail + THUMBNAILS_PER_TICK, len(self._pages))
        for index in range(self._next_thumbnail, end):
            width = self._pages.page_size(index).width() or 1.0
            image = self._pages.render(index, THUMBNAIL_WIDTH / width)
            item = self.thumbnails.item(index)
            if item is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
        self._next_thumbnail = end

    def _on_row(self, row: int) -> None:
        if row >= 0:
            self.go_to(row)

    def _release(self) -> None:
        self._thumbnail_timer.stop()
        if self._pages is not None:
            self._pages.close()
        self._pages = None
        self._index = -1
        self._image = QImage()
        self.thumbnails.clear()

    def _update_controls(self) -> None:
        has_pages = self._pages is not None
        self.previous_button.setEnabled(has_pages and self._index > 0)
        self.next_button.setEnabled(has_pages and self._index < self.page_count - 1)
        self.zoom_in_button.setEnabled(
            has_pages and (self._fit_width or self._zoom < len(ZOOMS) - 1)
        )
        self.zoom_out_button.setEnabled(has_pages and (self._fit_width or self._zoom > 0))
        self.fit_button.setEnabled(has_pages)
        self.position.setText(
            self.tr("Page %1 of %2")
            .replace("%1", str(self._index + 1))
            .replace("%2", str(self.page_count))
            if has_pages
            else ""
        )
        self.zoom_label.setText(f"{round(self.zoom * 100)} %" if has_pages else "")

    def _tool(
        self, name: str, glyph: str, key: QKeySequence, slot: Callable[[], None]
    ) -> QToolButton:
        button = QToolButton(self)
        button.setText(glyph)
        button.setShortcut(key)
        button.setToolTip(f"{name} ({key.toString(QKeySequence.SequenceFormat.NativeText)})")
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button
