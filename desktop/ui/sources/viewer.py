"""Shows an attachment inside the app: an image, or a PDF page by page, from memory."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.ui.background import run_in_background
from desktop.ui.messages import error_text
from desktop.ui.sources.rendering import RenderedPage, is_pdf, render_image, render_pdf_page

PAGE_WIDTH = 900


class AttachmentViewer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = b""
        self.media_type = ""
        self.page = 0
        self.page_count = 0
        self.rendered: RenderedPage | None = None
        self.canvas = QLabel(self)
        self.canvas.setObjectName("attachmentCanvas")
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.canvas)
        self.scroller.setWidgetResizable(True)
        self.scroller.setStyleSheet("QScrollArea { background: #e9e9ec; }")
        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.page_label = QLabel(self)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.page_label)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroller, 1)
        layout.addLayout(nav)
        self.previous_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("◀ Pre&vious page"))
        self.next_button.setText(self.tr("Ne&xt page ▶"))
        self.canvas.setAccessibleName(self.tr("Attachment preview"))
        self._update_nav()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def clear(self) -> None:
        self.data = b""
        self.rendered = None
        self.page_count = 0
        self.canvas.clear()
        self.canvas.setText(self.tr("Choose an attached file to view it here."))
        self._update_nav()

    def show_bytes(self, data: bytes, media_type: str) -> None:
        self.data = data
        self.media_type = media_type
        self.page = 0
        self.page_count = 0
        self.show_page(0)

    def show_page(self, page: int) -> None:
        if not self.data:
            return
        data, pdf = self.data, is_pdf(self.data, self.media_type)
        if pdf and self.page_count:
            page = max(0, min(page, self.page_count - 1))
        width = max(300, min(PAGE_WIDTH, self.scroller.viewport().width() - 24))
        self.canvas.setText(self.tr("Rendering…"))
        run_in_background(
            (lambda: render_pdf_page(data, page, width)) if pdf else (lambda: render_image(data)),
            lambda result: self._rendered(data, result),
            self._failed,
        )

    def _rendered(self, data: bytes, result: object) -> None:
        if data is not self.data or not isinstance(result, RenderedPage):
            return  # another file was chosen meanwhile
        self.rendered = result
        self.page, self.page_count = result.page, result.page_count
        self.canvas.setPixmap(QPixmap.fromImage(result.image))
        self._update_nav()

    def _failed(self, exc: BaseException) -> None:
        self.rendered = None
        self.canvas.setText(
            error_text(exc) if isinstance(exc, KnownError) else self.tr("Cannot show.")
        )
        self._update_nav()

    def _update_nav(self) -> None:
        multi = self.page_count > 1
        for widget in (self.previous_button, self.next_button, self.page_label):
            widget.setVisible(multi)
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page + 1 < self.page_count)
        self.page_label.setText(
            self.tr("Page %1 of %2")
            .replace("%1", str(self.page + 1))
            .replace("%2", str(self.page_count))
        )
