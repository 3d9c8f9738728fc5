"""The timeline band: events on a time axis above the table, with zoom and pan.

Zoomed in, each event is drawn where it may have happened: a day as a diamond, a month,
year or range as a bar, "circa" with a dashed outline and pale fill, "before"/"after" as
a bar fading out on its open side; a key fact carries a gold star above it (also when
zoomed out); complaints are triangles on their own strip. Zoomed
out, when events would overlap, the band draws how many events start in each pixel
column instead (a histogram from binary searches, so 100,000 events cost nothing).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeyEvent,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from desktop.ui.timeline.axis import Viewport, ticks
from desktop.ui.timeline.spans import (
    BandLayout,
    ComplaintMark,
    EventSpan,
    SpanTable,
    band_layout,
)

AXIS_HEIGHT = 20
MARK_HEIGHT = 16
LANE_HEIGHT = 12
POINT_SIZE = 8.0
FADE_PX = 36.0
DENSE_PX_PER_EVENT = 3.0  # fewer pixels per visible event than this: draw a histogram
ZOOM_STEP = 0.8
PAN_STEP = 0.1
EVENT_COLOUR = QColor(52, 101, 164)
COMPLAINT_COLOUR = QColor(230, 140, 20)
OVERDUE_COLOUR = QColor(200, 30, 30)
KEY_COLOUR = QColor(214, 160, 0)
KEY_SIZE = 5.0


class TimelineBand(QWidget):
    eventClicked = Signal(str)
    eventActivated = Signal(str)
    deleteRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = Viewport()
        self.lang = "en"
        self.describe: Callable[[str], str] | None = None  # tooltip text for an event
        self._spans: Sequence[EventSpan] = []
        self._firsts: Sequence[int] = []
        self._longest = 0
        self._position: dict[str, int] | None = None
        self._marks: list[ComplaintMark] = []
        self._selected: str | None = None
        self._hits: list[tuple[QRectF, str]] = []
        self._mark_hits: list[tuple[QRectF, ComplaintMark]] = []
        self._keys: list[EventSpan] = []
        self._key_firsts: list[int] = []
        self.key_marks: list[str] = []  # the key facts the last paint marked (tests read it)
        self._dense = False
        self.paint_count = 0  # lets tests wait for a paint
        self._drag_from: QPointF | None = None
        self._drag_start = 0.0
        self._dragged = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(90)
        self.setMouseTracking(False)
        self.setAutoFillBackground(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Timeline band"))
        self.setAccessibleDescription(
            self.tr("Ctrl+wheel or plus and minus zoom; drag or arrow keys move; Home shows all.")
        )

    def sizeHint(self) -> QSize:
        return QSize(640, 140)

    # ---- content ----------------------------------------------------------------------
    def set_data(
        self, spans: Sequence[EventSpan] | BandLayout, marks: list[ComplaintMark], fit: bool
    ) -> None:
        """Show `spans` (sorted by first day; laid out off the GUI thread for a large
        timeline) and complaint `marks`."""
        layout = spans if isinstance(spans, BandLayout) else band_layout(spans)
        self._spans = layout.spans
        self._firsts = layout.firsts
        self._longest = layout.longest
        self._position = None
        self._marks = sorted(marks, key=lambda m: m.day)
        self._keys = layout.keys
        self._key_firsts = layout.key_firsts
        if fit:
            self.fit_all()
        self.update()

    def clear(self) -> None:
        self._selected = None
        self.set_data([], [], fit=False)

    def spans(self) -> Sequence[EventSpan]:
        return self._spans

    def key_spans(self) -> list[EventSpan]:
        """The spans of key facts (marked with a star)."""
        return self._keys

    @property
    def dense(self) -> bool:
        """Whether the last paint drew a histogram rather than single events."""
        return self._dense

    def fit_all(self) -> None:
        days = [*self._firsts[:1], *self._firsts[-1:], *(m.day for m in self._marks)]
        lasts = [s.last for s in self._spans[-1:]] + [m.day for m in self._marks[-1:]]
        if days:  # the firsts are sorted: the first and last of them bound them all
            self.view.fit(min(days), max([*lasts, max(days)]))
        self.update()

    def selected(self) -> str | None:
        return self._selected

    def set_selected(self, event_id: str | None, reveal: bool = True) -> None:
        self._selected = event_id
        if event_id is not None and reveal:
            span = self.span_of(event_id)
            if span is not None and not (self.view.start <= span.first <= self.view.end):
                self.view.centre_on((span.first + span.last) / 2)
        self.update()

    def span_of(self, event_id: str) -> EventSpan | None:
        if isinstance(self._spans, SpanTable):  # a scan in C, no dict of a million
            i = self._spans.position(event_id)
            return None if i is None else self._spans[i]
        if self._position is None:
            self._position = {s.event_id: i for i, s in enumerate(self._spans)}
        j = self._position.get(event_id)
        return None if j is None else self._spans[j]

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.update()

    # ---- geometry ---------------------------------------------------------------------
    def _event_area(self) -> QRectF:
        return QRectF(0, 4, self.width(), max(self.height() - AXIS_HEIGHT - MARK_HEIGHT - 6, 8))

    def _visible_range(self) -> tuple[int, int]:
        lo = bisect_left(self._firsts, int(self.view.start) - self._longest - 1)
        hi = bisect_right(self._firsts, int(self.view.end) + 1)
        return lo, hi

    def event_at(self, pos: QPointF) -> str | None:
        """The event drawn at `pos`, or in histogram mode the first one starting there."""
        for rect, event_id in reversed(self._hits):
            if rect.adjusted(-2, -2, 2, 2).contains(pos):
                return event_id
        if self._dense and self._event_area().contains(pos):
            width = float(self.width())
            lo = bisect_left(self._firsts, self.view.day_at(pos.x() - 2, width))
            if lo < len(self._spans) and self.view.x_of(self._firsts[lo], width) <= pos.x() + 2:
                return self._spans[lo].event_id
        return None

    # ---- painting ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        self.paint_count += 1
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), self.palette().base())
            self._hits = []
            self.key_marks = []
            lo, hi = self._visible_range()
            width = float(self.width())
            self._dense = (hi - lo) * DENSE_PX_PER_EVENT > width
            if self._dense:
                self._paint_density(painter)
            else:
                self._paint_events(painter, lo, hi)
            self._paint_marks(painter)
            self._paint_axis(painter)
            if self.hasFocus():
                painter.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DotLine))
                painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        finally:
            painter.end()

    def _paint_density(self, painter: QPainter) -> None:
        area, width = self._event_area(), float(self.width())
        columns = max(int(width), 1)
        edges = [bisect_left(self._firsts, self.view.day_at(c, width)) for c in range(columns + 1)]
        counts = [edges[c + 1] - edges[c] for c in range(columns)]
        peak = max(counts, default=0)
        if peak:
            painter.setPen(QPen(EVENT_COLOUR, 1))
            for c, n in enumerate(counts):
                if n:
                    h = max(2.0, area.height() * (n / peak) ** 0.5)
                    painter.drawLine(
                        QPointF(c + 0.5, area.bottom()), QPointF(c + 0.5, area.bottom() - h)
                    )
        # Key facts stand out of the histogram as stars on top: one star per star's width,
        # found by binary search (drawn one by one, 50,000 key facts took 1.3 s to paint).
        step = int(KEY_SIZE)
        for c in range(0, columns, step):
            i = bisect_left(self._key_firsts, self.view.day_at(c, width))
            if i < len(self._keys) and self._key_firsts[i] < self.view.day_at(c + step, width):
                x = self.view.x_of(self._key_firsts[i], width)
                self._draw_key(painter, QPointF(x, area.top() + KEY_SIZE), self._keys[i].event_id)
        span = self.span_of(self._selected) if self._selected else None
        if span is not None:
            x = self.view.x_of(span.first, width)
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))

    def _paint_events(self, painter: QPainter, lo: int, hi: int) -> None:
        area, width = self._event_area(), float(self.width())
        lanes = max(int(area.height() // LANE_HEIGHT), 1)
        lane_end = [float("-inf")] * lanes
        for span in self._spans[lo:hi]:
            x0 = self.view.x_of(span.first, width)
            x1 = self.view.x_of(span.last + 1, width)
            point = x1 - x0 < POINT_SIZE and not (span.open_start or span.open_end)
            if point:
                x0, x1 = (x0 + x1) / 2 - POINT_SIZE / 2, (x0 + x1) / 2 + POINT_SIZE / 2
            left = x0 - FADE_PX if span.open_start else x0
            right = x1 + FADE_PX if span.open_end else x1
            if right < 0 or left > width:
                continue
            lane = next((i for i in range(lanes) if lane_end[i] + 2 <= left), None)
            if lane is None:
                lane = min(range(lanes), key=lane_end.__getitem__)
            lane_end[lane] = right
            rect = QRectF(left, area.top() + lane * LANE_HEIGHT + 1, right - left, LANE_HEIGHT - 3)
            self._draw_span(painter, span, rect, point)
            if span.key:
                centre = QPointF(max(rect.left(), 0.0) + KEY_SIZE, rect.center().y())
                self._draw_key(painter, centre, span.event_id)
            self._hits.append((rect, span.event_id))

    def _draw_key(self, painter: QPainter, centre: QPointF, event_id: str) -> None:
        """A small gold five-pointed star: this is a key fact."""
        points = []
        for i in range(10):
            radius = KEY_SIZE if i % 2 == 0 else KEY_SIZE * 0.45
            angle = math.pi / 2 + i * math.pi / 5
            points.append(
                QPointF(
                    centre.x() + radius * math.cos(angle), centre.y() - radius * math.sin(angle)
                )
            )
        painter.setPen(QPen(KEY_COLOUR.darker(150), 1))
        painter.setBrush(KEY_COLOUR)
        painter.drawPolygon(QPolygonF(points))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        self.key_marks.append(event_id)

    def _draw_span(self, painter: QPainter, span: EventSpan, rect: QRectF, point: bool) -> None:
        selected = span.event_id == self._selected
        colour = self.palette().highlight().color() if selected else EVENT_COLOUR
        fill = QColor(colour)
        if span.circa:
            fill.setAlpha(90)
        pen = QPen(colour.darker(130), 2 if selected else 1)
        if span.circa:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        if span.open_start or span.open_end:
            gradient = QLinearGradient(rect.topLeft(), rect.topRight())
            faded = QColor(fill)
            faded.setAlpha(0)
            gradient.setColorAt(0.0, faded if span.open_start else fill)
            gradient.setColorAt(1.0, faded if span.open_end else fill)
            painter.setPen(Qt.PenStyle.NoPen if not selected else pen)
            painter.setBrush(gradient)
            painter.drawRect(rect)
        elif point:
            c = rect.center()
            r = rect.height() / 2
            diamond = QPolygonF([QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y()),
                                 QPointF(c.x(), c.y() + r), QPointF(c.x() - r, c.y())])  # fmt: skip
            painter.setBrush(fill)
            painter.drawPolygon(diamond)
        else:
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 2, 2)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_marks(self, painter: QPainter) -> None:
        width = float(self.width())
        top = self.height() - AXIS_HEIGHT - MARK_HEIGHT
        self._mark_hits = []
        for mark in self._marks:
            x = self.view.x_of(mark.day + 0.5, width)
            if not -10 <= x <= width + 10:
                continue
            colour = OVERDUE_COLOUR if mark.overdue else COMPLAINT_COLOUR
            painter.setPen(QPen(colour.darker(140), 1))
            painter.setBrush(colour)
            triangle = QPolygonF([QPointF(x, top + 2), QPointF(x + 6, top + MARK_HEIGHT - 2),
                                  QPointF(x - 6, top + MARK_HEIGHT - 2)])  # fmt: skip
            painter.drawPolygon(triangle)
            self._mark_hits.append((triangle.boundingRect(), mark))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_axis(self, painter: QPainter) -> None:
        width = float(self.width())
        y = self.height() - AXIS_HEIGHT
        text = self.palette().text().color()
        painter.setPen(QPen(text, 1))
        painter.drawLine(QPointF(0, y), QPointF(width, y))
        for x, label in ticks(self.view, width, self.lang):
            painter.drawLine(QPointF(x, y), QPointF(x, y + 4))
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            painter.drawText(QRectF(x + 2, y + 2, 120, AXIS_HEIGHT - 2), flags, label)

    # ---- interaction ------------------------------------------------------------------
    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        x = self.width() / 2 if anchor_x is None else anchor_x
        self.view.zoom(factor, self.view.day_at(x, float(self.width())))
        self.update()

    def pan(self, fraction: float) -> None:
        self.view.pan(fraction)
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if delta.y():
                self.zoom(ZOOM_STEP if delta.y() > 0 else 1 / ZOOM_STEP, event.position().x())
        else:
            step = delta.x() or delta.y()
            if step:
                self.pan(-PAN_STEP * step / 120)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Left:
            self.pan(-PAN_STEP)
        elif key == Qt.Key.Key_Right:
            self.pan(PAN_STEP)
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key == Qt.Key.Key_Delete and self._selected:
            self.deleteRequested.emit(self._selected)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected:
            self.eventActivated.emit(self._selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.position()
            self._drag_start = self.view.start
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            dx = event.position().x() - self._drag_from.x()
            if abs(dx) > 3:
                self._dragged = True
            if self._dragged:
                self.view.start = self._drag_start - dx / max(self.width(), 1) * self.view.days
                self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drag_from is not None:
            if not self._dragged:
                event_id = self.event_at(event.position())
                if event_id is not None:
                    self.set_selected(event_id, reveal=False)
                    self.eventClicked.emit(event_id)
            self._drag_from = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event_id = self.event_at(event.position())
        if event_id is not None:
            self.eventActivated.emit(event_id)
        super().mouseDoubleClickEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            QToolTip.showText(event.globalPos(), self._tooltip(event.pos()), self)
            return True
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().event(event)

    def _tooltip(self, pos: QPoint) -> str:
        point = QPointF(pos)
        for rect, mark in self._mark_hits:
            if rect.adjusted(-2, -2, 2, 2).contains(point):
                return self.tr("Complaint: %1").replace("%1", mark.label)
        event_id = self.event_at(point)
        if event_id is not None and self.describe is not None:
            return self.describe(event_id)
        return ""
