"""Black box, part one: find the input that makes the box answer 4.

The picture: a drawn box with its input and output above a plot of output against input. The
plot holds the wanted output (a dashed line), the current point, the signed loss as a bar from
the target to the output, the tangent at the point (the slope backpropagation carries back),
the step it implies as an arrow along the x axis, the earlier tries, and the box's hidden curve
behind a Reveal toggle.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPaintEngine, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGraphicsItem,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.qt.common import (
    BLUE,
    GREEN,
    GREY,
    INK,
    ORANGE,
    PURPLE,
    VERMILION,
    YELLOW,
    fmt,
    font,
    signed,
)
from gdstudio.qt.items import Curve, Dots, Polyline, Segment
from gdstudio.qt.plots import style_plot
from gdstudio.qt.tabs.base import InitField, ScenarioView
from gdstudio.scenarios.black_box import BlackBox

#: the part of the input axis always shown (the box's two probes, 1 and 2, and the answer)
X_SHOWN = (0.0, 2.5)
#: the tangent's length on screen, in pixels (short: it marks a slope, it must not cover things)
TANGENT_PIXELS = 130
#: a label's background: white, a little see-through, so lines behind it do not cut its text
LABEL_FILL = (255, 255, 255, 215)


def plot_widget(name: str, parent) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent)
    plot.setObjectName(name)
    style_plot(plot, 11, grid=0.2)  # (axes and title as pixmaps: they change less than a frame)
    return plot


def axis_label(plot: pg.PlotWidget, side: str, text: str) -> None:
    plot.getPlotItem().setLabel(side, text, color="#202020", **{"font-size": "12pt"})


def finite_xy(x, y) -> tuple[np.ndarray, np.ndarray]:
    """The points of (x, y) that can be drawn: pairs with an inf or NaN are left out."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ok = np.isfinite(x) & np.isfinite(y)
    return (x, y) if ok.all() else (x[ok], y[ok])


def set_view(plot: pg.PlotWidget, x_range, y_range, padding: float = 0.0) -> bool:
    """Show x_range by y_range; False (the view stays) if a bound is not a finite number or a
    range is empty, as when a diverging run's numbers overflow. Ranges narrower than 1e-6 are
    widened to that (pyqtgraph cannot draw a range of 1e-300)."""
    bounds = (*x_range, *y_range)
    if (
        not all(math.isfinite(v) for v in bounds)
        or x_range[1] < x_range[0]
        or y_range[1] < y_range[0]
    ):
        return False
    ranges = []
    for lo, hi in (x_range, y_range):
        if hi - lo < 1e-6:
            mid = (lo + hi) / 2
            lo, hi = mid - 5e-7, mid + 5e-7
        ranges.append((float(lo), float(hi)))
    plot.setRange(xRange=ranges[0], yRange=ranges[1], padding=padding)
    return True


def set_view_once(plot: pg.PlotWidget, x_range, y_range, padding: float = 0.0) -> bool:
    """``set_view``, skipped when the ranges are those it set last: a new range redraws the
    axes (their cached pixmaps), and most frames of a run keep the view as it is."""
    key = (tuple(map(float, x_range)), tuple(map(float, y_range)), padding)
    if getattr(plot, "_view_set", None) == key:
        return True
    done = set_view(plot, x_range, y_range, padding)
    plot._view_set = key if done else None
    return done


def cache_items(*items) -> None:
    """Keep each item's drawing as a device pixmap, drawn again only when the item changes.

    For items that stay still or only move (setPos) between frames: labels, marks, fixed
    curves. Of a text item, its words are kept (a child item of their own). Exports draw
    without caches (gdstudio.qt.plots.uncached).
    """
    cache = QGraphicsItem.CacheMode.DeviceCoordinateCache
    for item in items:
        if isinstance(item, pg.PlotDataItem):
            item = item.curve  # the line is drawn by this child (the item itself draws nothing)
        text = getattr(item, "textItem", None)
        if text is not None:
            # a pg.TextItem lays out and draws its words in a child, which is kept; its own
            # paint (the backing card) sets the painter's transform and is drawn directly
            text.setCacheMode(cache)
        else:
            item.setCacheMode(cache)


def set_line(item, x, y) -> None:
    """``item.setData(x, y)``, skipped when the item already shows exactly these points (a
    ``PlotDataItem`` or one of the light items: ``Curve``, ``Pairs``, ``Segment``, ``Polyline``)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if isinstance(item, pg.PlotDataItem):
        old_x, old_y = item.xData, item.yData  # the data given (getData maps it for display)
    else:
        old_x, old_y = item.getData()
    if old_x is None or old_y is None:
        old_x = old_y = np.zeros(0)
    if np.array_equal(old_x, x) and np.array_equal(old_y, y):
        return
    item.setData(x, y)


def set_points(item, x, y) -> None:
    """``item.setData(x, y)``, skipped when the points (a ``Dots`` or a ``ScatterPlotItem``)
    already are exactly these."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    old_x, old_y = item.getData()
    if np.array_equal(old_x, x) and np.array_equal(old_y, y):
        return
    item.setData(x, y)


def dot(symbol="o", size=7.0, pen=None, brush=None, at_origin=False) -> Dots:
    """A ``Dots`` of one look (``at_origin``: one point at 0, 0, moved by ``place_dot``)."""
    item = Dots(symbol=symbol, size=size, pen=pen, brush=brush)
    if at_origin:
        item.setData([0.0], [0.0])
    return item


class Pairs(Curve):
    """Separate line segments, from (x[0], y[0]) to (x[1], y[1]), (x[2], y[2]) to (x[3],
    y[3]) and so on: what a ``PlotDataItem`` with ``connect="pairs"`` and a solid pen wider
    than a pixel draws (the same ``drawLines`` call), as a ``Curve``: its bounds are the
    visible area, so a new set of segments each frame costs no re-indexing. A pair with an
    inf or NaN is left out."""

    def segment_ends(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, ...]:
        n = len(x) // 2
        x, y = x[: 2 * n].reshape(n, 2), y[: 2 * n].reshape(n, 2)
        ok = np.all(np.isfinite(x) & np.isfinite(y), axis=1)
        if not ok.all():
            x, y = x[ok], y[ok]
        return x[:, 0], y[:, 0], x[:, 1], y[:, 1]


def without_repeats(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The points without those equal to the one before. A run that has settled adds only such
    points, so what is drawn stays the same (and is not redrawn) until the thinning picks other
    rows. A line looks the same without them (a piece of length 0 draws nothing); so do the
    tries' dots, as a settled run's repeats lie under the current point (the same dot drawn
    again only blends its see-through rim once more)."""
    if len(x) < 2:
        return x, y
    keep = np.empty(len(x), dtype=bool)
    keep[0] = True
    np.not_equal(x[1:], x[:-1], out=keep[1:])
    keep[1:] |= y[1:] != y[:-1]
    return (x, y) if keep.all() else (x[keep], y[keep])


def set_text(item: pg.TextItem, text: str, words_due: bool) -> None:
    """Rewrite a label's words when they are due (a few times a second in a fast run), or
    when the label is not shown yet (it must never appear with an empty or stale text)."""
    if words_due or not item.isVisible() or not item.toPlainText():
        item.setText(text)


def place_dot(item, x: float, y: float) -> None:
    """Show a one-point ``Dots`` (or scatter), built with its point at 0, 0, at (x, y) by
    moving it: cheaper than setData (and a cached picture stays valid). Hidden if not
    finite."""
    ok = math.isfinite(x) and math.isfinite(y)
    if ok:
        item.setPos(x, y)
    item.setVisible(ok)


class RunningBounds:
    """The finite minimum and maximum of some history columns, kept up to date by reading
    only the rows added since the last call (a whole column of a million rows is slow).

    Everything is read again for another history, a shorter one (Back, Reset), or when the
    last row read is no longer the same (a cut history that grew again in between).
    """

    def __init__(self, *names: str):
        self.names = names
        self._history = None
        self._rows = 0
        self._last: list[float] = []
        self._lo = [math.inf] * len(names)
        self._hi = [-math.inf] * len(names)

    def __call__(self, history) -> list[tuple[float, float]]:
        """(lowest, highest) finite value per column; (inf, -inf) if there is none."""
        n = len(history)
        cols = [history.column(name) for name in self.names]
        start = self._rows
        same = (
            history is self._history
            and start <= n
            and all(
                _same_number(float(col[start - 1]), last) for col, last in zip(cols, self._last)
            )
        )
        if not same:
            start = 0
            self._lo = [math.inf] * len(cols)
            self._hi = [-math.inf] * len(cols)
        for j, col in enumerate(cols):
            new = col[start:n]
            if len(new):
                new = new[np.isfinite(new)]
            if len(new):
                self._lo[j] = min(self._lo[j], float(new.min()))
                self._hi[j] = max(self._hi[j], float(new.max()))
        self._history, self._rows = history, n
        self._last = [float(col[n - 1]) for col in cols] if n else []
        return list(zip(self._lo, self._hi))


def set_anchor(item: pg.TextItem, anchor) -> None:
    """``item.setAnchor(anchor)``, skipped when it is already the anchor (it moves the words)."""
    if tuple(item.anchor) != tuple(map(float, anchor)):
        item.setAnchor(anchor)


def _same_number(a: float, b: float) -> bool:
    return a == b or (a != a and b != b)  # NaN is the same as NaN here


def arrow_angle(dx: float, dy: float) -> float:
    """pyqtgraph's ArrowItem angle for an arrow pointing along (dx, dy) on screen."""
    return 180.0 - math.degrees(math.atan2(dy, dx))


class BoxDrawing(QWidget):
    """input → [black box] → output, drawn with a painter: big, plain and projector-readable.

    Each side is a block: a caption, the value in large type, and an optional note under it
    (the output's loss). The whole drawing shrinks to fit a narrow picture.
    """

    GAP = 40  # room for each arrow

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("boxDrawing")
        self.setMinimumHeight(96)
        self.captions = ("input", "black box", "output")
        self.input_text = ""
        self.output_text = "?"
        self.inside_text = "?"  # the box's content: a question mark, or its formula when revealed
        self.note_text = ""  # under the output: the loss
        self.note_colour = QColor(PURPLE).darker(135)
        self._picture: QPixmap | None = None  # the last drawing, kept until a text or size changes
        self._picture_key = None

    def sizeHint(self) -> QSize:
        return QSize(520, 100)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, 96)

    def set_texts(self, captions, input_text, output_text, inside_text, note_text="") -> None:
        texts = (tuple(captions), input_text, output_text, inside_text, note_text)
        if texts == self._texts():
            return  # nothing to redraw
        self.captions = texts[0]
        self.input_text, self.output_text = input_text, output_text
        self.inside_text, self.note_text = inside_text, note_text
        self.setAccessibleDescription(self.text())
        self.update()

    def _texts(self) -> tuple:
        return (self.captions, self.input_text, self.output_text, self.inside_text, self.note_text)

    def text(self) -> str:
        """What the drawing says, as one plain line (screen readers and tests read it)."""
        c_in, c_box, c_out = self.captions
        return (
            f"{c_in} {self.input_text} → {c_box} ({self.inside_text}) → {c_out} "
            f"{self.output_text} {self.note_text}".strip()
        )

    def _fonts(self):
        small = font(11)
        inside = font(14, bold=True) if len(self.inside_text) <= 3 else font(11, bold=True)
        return small, font(17, bold=True), font(14, bold=True), inside

    def paintEvent(self, event) -> None:
        """On screen, draw from the kept picture, drawn again only when a text, the size or the
        pixel ratio changed (a fast run repaints the view often). Anything else (an SVG export)
        is drawn directly, so text stays text."""
        p = QPainter(self)
        engine = p.paintEngine()
        if engine is None or engine.type() != QPaintEngine.Type.Raster:
            self._draw(p)
            p.end()
            return
        ratio = engine.paintDevice().devicePixelRatioF()  # 2 in a 2x PNG export
        key = (self._texts(), self.width(), self.height(), ratio)
        if self._picture is None or self._picture_key != key:
            picture = QPixmap(
                max(1, math.ceil(self.width() * ratio)), max(1, math.ceil(self.height() * ratio))
            )
            picture.setDevicePixelRatio(ratio)
            picture.fill(QColor("white"))
            painter = QPainter(picture)
            self._draw(painter)
            painter.end()
            self._picture, self._picture_key = picture, key
        p.drawPixmap(0, 0, self._picture)
        p.end()

    def _draw(self, p: QPainter) -> None:
        small, big, box_font, inside_font = self._fonts()
        sm, bm = QFontMetrics(small), QFontMetrics(big)
        c_in, c_box, c_out = self.captions
        left_w = max(sm.horizontalAdvance(c_in), bm.horizontalAdvance(self.input_text)) + 6
        right_w = 6 + max(
            sm.horizontalAdvance(c_out),
            bm.horizontalAdvance(self.output_text),
            sm.horizontalAdvance(self.note_text),
        )
        box_w = max(
            QFontMetrics(box_font).horizontalAdvance(c_box),
            QFontMetrics(inside_font).horizontalAdvance(self.inside_text),
        )
        box_w = min(max(box_w + 28, 130), 280)
        total = left_w + 2 * self.GAP + box_w + right_w
        w, h = self.width(), self.height()
        scale = min(1.0, (w - 8) / total) if total > 0 else 1.0
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        # a light card in every theme, like the plots: the colours were chosen against white
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("white"))
        p.drawRect(self.rect())
        p.translate(w / 2, h / 2)
        p.scale(scale, scale)
        x0, mid = -total / 2, 0.0
        box_h = 76.0
        box = QRectF(x0 + left_w + self.GAP, mid - box_h / 2, box_w, box_h)
        p.setPen(QPen(INK, 2))
        p.setBrush(QColor("#202020"))
        p.drawRoundedRect(box, 8, 8)
        p.setPen(QColor("white"))
        p.setFont(box_font)
        top = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        p.drawText(box.adjusted(0, 6, 0, -box_h / 2), top, c_box)
        p.setPen(QColor(YELLOW) if len(self.inside_text) > 3 else QColor("white"))
        p.setFont(inside_font)
        p.drawText(
            box.adjusted(4, box_h / 2, -4, -4), Qt.AlignmentFlag.AlignCenter, self.inside_text
        )
        self._arrow(p, x0 + left_w + 4, box.left() - 4, mid)
        self._arrow(p, box.right() + 4, box.right() + self.GAP - 4, mid)
        self._block(p, x0, left_w, c_in, self.input_text, QColor(BLUE), "")
        out_colour = QColor(ORANGE).darker(150)
        self._block(
            p, box.right() + self.GAP, right_w, c_out, self.output_text, out_colour, self.note_text
        )
        p.restore()

    def _arrow(self, p: QPainter, xa: float, xb: float, y: float) -> None:
        p.setPen(QPen(INK, 3))
        p.drawLine(QPointF(xa, y), QPointF(xb - 10, y))
        p.setBrush(INK)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawPolygon(QPolygonF([QPointF(xb, y), QPointF(xb - 14, y - 7), QPointF(xb - 14, y + 7)]))

    def _block(self, p: QPainter, left: float, width: float, caption, value, colour, note) -> None:
        small, big, _, _ = self._fonts()
        cap_h = QFontMetrics(small).height()
        big_h = QFontMetrics(big).height()
        top = -big_h / 2 - cap_h
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        p.setPen(INK)
        p.setFont(small)
        p.drawText(QRectF(left, top, width, cap_h), align, caption)
        p.setPen(colour)
        p.setFont(big)
        p.drawText(QRectF(left, top + cap_h, width, big_h), align, value)
        if note:
            p.setPen(self.note_colour)
            p.setFont(font(11, bold=True))
            p.drawText(QRectF(left, top + cap_h + big_h, width, cap_h), align, note)


TRAIL_POINTS = 400  # earlier tries drawn as grey dots, at most


class BlackBoxView(ScenarioView):
    scenario_key = "blackbox"

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.box_drawing = BoxDrawing(self)
        layout.addWidget(self.box_drawing)
        self.plot = plot_widget("boxPlot", self)
        layout.addWidget(self.plot, 1)
        p = self.plot
        self.curve = p.plot(pen=pg.mkPen(GREY, width=3))
        self.curve_label = pg.TextItem(color=GREY, anchor=(0, 0), fill=LABEL_FILL)
        self.curve_label.setFont(font(11, bold=True))
        p.addItem(self.curve_label)
        self.target_line = pg.InfiniteLine(
            angle=0,
            pen=pg.mkPen(VERMILION, width=3, style=Qt.PenStyle.DashLine),
            label="",
            labelOpts={
                "position": 0.98,
                "color": VERMILION,
                "anchors": [(1, 0), (1, 0)],
                "fill": pg.mkBrush(255, 255, 255, 200),
            },
        )
        self.target_line.label.setFont(font(12, bold=True))
        p.addItem(self.target_line)
        # what changes every frame of a run: light items (gdstudio.qt.items), not data items
        # (a PlotDataItem's or a scatter's setData and bounds cost more than their drawing)
        self.drop_line = Polyline(pg.mkPen(GREY, width=1, style=Qt.PenStyle.DotLine))
        p.addItem(self.drop_line)
        self.trail = dot(size=9, brush=GREY, pen="w")
        p.addItem(self.trail)
        # the newest try on its own, on top of the others: the trail's other dots then stay the
        # same for many steps, and are drawn again only when they change
        self.trail_last = dot(size=9, brush=GREY, pen="w", at_origin=True)
        self.trail_last.setVisible(False)
        p.addItem(self.trail_last)
        self.error_bar = Segment(pg.mkPen(PURPLE, width=6))
        p.addItem(self.error_bar)
        self.error_caps = Pairs(pg.mkPen(PURPLE, width=3))
        p.addItem(self.error_caps)
        self.error_text = pg.TextItem(color=PURPLE.darker(135), anchor=(1.0, 0.5), fill=LABEL_FILL)
        self.error_text.setFont(font(13, bold=True))
        p.addItem(self.error_text)
        self.tangent = Segment(pg.mkPen(GREEN, width=4))
        p.addItem(self.tangent)
        self.tangent_text = pg.TextItem(color=GREEN, anchor=(0, 1), fill=LABEL_FILL)
        self.tangent_text.setFont(font(13, bold=True))
        p.addItem(self.tangent_text)
        # one dot each, at 0, 0, moved to its place (place_dot)
        self.point = dot(size=18, brush=ORANGE, pen=pg.mkPen(INK, width=2), at_origin=True)
        self.point.setZValue(10)
        p.addItem(self.point)
        self.input_mark = dot(
            symbol="t1", size=18, brush=BLUE, pen=pg.mkPen(INK, width=1), at_origin=True
        )
        self.input_mark.setZValue(10)
        p.addItem(self.input_mark)
        self.step_shaft = Segment(pg.mkPen(BLUE, width=5))
        p.addItem(self.step_shaft)
        self.step_head = pg.ArrowItem(
            pen=pg.mkPen(BLUE), brush=pg.mkBrush(BLUE), headLen=20, tipAngle=40
        )
        self.step_head.setZValue(11)
        p.addItem(self.step_head)
        self.step_text = pg.TextItem(color=BLUE.darker(115), anchor=(0.5, 1.0), fill=LABEL_FILL)
        self.step_text.setFont(font(12, bold=True))
        p.addItem(self.step_text)
        # items that stay the same, or only move, from one frame of a run to the next
        cache_items(
            self.curve,
            self.curve_label,
            self.target_line,
            self.target_line.label,
            self.trail,
            self.error_text,
            self.tangent_text,
            self.step_head,
            self.step_text,
        )
        self._bounds = RunningBounds("x", "output")
        self._curve_key = None  # what the revealed curve was drawn for
        self._head_angle = None
        # what is drawn, for tests: the tangent's slope and point, the step (from, to)
        self.tangent_slope = 0.0
        self.tangent_at = 0.0
        self.step_arrow = (0.0, 0.0)
        self._x_view = X_SHOWN

        self.settings = QGroupBox()
        self.settings.setObjectName("blackboxSettings")
        form = QFormLayout(self.settings)
        self.target_spin = QDoubleSpinBox()
        self.target_spin.setObjectName("targetSpin")
        self.target_spin.setRange(-5.0, 20.0)
        self.target_spin.setDecimals(3)
        self.target_spin.setValue(4.0)
        self.target_spin.setKeyboardTracking(False)
        self.target_spin.valueChanged.connect(self.settingsChanged)
        self.target_label = QLabel()
        form.addRow(self.target_label, self.target_spin)
        self.reveal_check = QCheckBox()
        self.reveal_check.setObjectName("revealCheck")
        self.reveal_check.toggled.connect(self._on_reveal)
        form.addRow(self.reveal_check)
        self._trainer: Trainer | None = None
        self.retranslate()

    # --- texts --------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Find the input")

    def purpose(self) -> str:
        return self.tr("Purpose: find the input that makes the black box answer {target}.").format(
            target=fmt(self.target_spin.value())
        )

    def retranslate(self) -> None:
        self.settings.setTitle(self.tr("The box"))
        self.target_label.setText(self.tr("Wanted output"))
        self.target_spin.setAccessibleName(self.tr("Wanted output"))
        self.reveal_check.setText(self.tr("Reveal the box (teacher)"))
        self.reveal_check.setAccessibleName(self.tr("Reveal the curve inside the box"))
        self.box_drawing.setAccessibleName(self.tr("The black box"))
        self.plot.setAccessibleName(self.tr("Output against input"))
        axis_label(self.plot, "bottom", self.tr("input x"))
        axis_label(self.plot, "left", self.tr("output"))
        self.curve_label.setText(self.tr("what the box computes"))
        if self._trainer is not None:
            self.refresh(self._trainer)

    def init_fields(self) -> list[InitField]:
        return [InitField("x", self.tr("First input x"), -10.0, 10.0, 1.0, decimals=3, step=0.1)]

    def settings_widget(self):
        return self.settings

    def create_model(self, init: dict[str, float]) -> BlackBox:
        return BlackBox(x0=init.get("x", 1.0), target=self.target_spin.value())

    def ui_state(self) -> dict:
        return {"target": self.target_spin.value(), "reveal": self.reveal_check.isChecked()}

    def set_ui_state(self, state: dict) -> None:
        reveal = state.get("reveal")
        if isinstance(reveal, bool):
            self.reveal_check.setChecked(reveal)
        target = state.get("target")
        if isinstance(target, (int, float)) and not isinstance(target, bool):
            if (
                math.isfinite(target)
                and self.target_spin.minimum() <= target <= self.target_spin.maximum()
            ):
                self.target_spin.setValue(float(target))  # a new value rebuilds the model

    def lesson(self, phase: Phase, trainer: Trainer) -> str:
        m: BlackBox = trainer.model
        r = trainer.record
        if phase is Phase.INIT or r is None:
            return self.tr(
                "We cannot look inside the box, so we just try an input: <b>x = {x}</b> (the "
                "blue triangle). This first try is the <i>initialization</i>."
            ).format(x=fmt(trainer.params[0]))
        f = r.forward
        if phase is Phase.FORWARD:
            return self.tr(
                "The input {x} goes into the box and <b>{out}</b> comes out (the orange dot). "
                "What happens inside is the <i>forward</i> calculation — hidden from us."
            ).format(x=fmt(f.x), out=fmt(f.output))
        if phase is Phase.LOSS:
            words = self.tr("too high") if f.error > 0 else self.tr("too low")
            return self.tr(
                "We wanted {target}. Loss = output − target = {out} − {target} = <b>{err}</b> "
                "(the purple bar): {words}. The sign gives the direction, the size how far. "
                "(Descent makes half its square small: {loss}.)"
            ).format(
                target=fmt(m.target),
                out=fmt(f.output),
                err=signed(f.error),
                words=words,
                loss=fmt(r.loss),
            )
        if phase is Phase.BACKWARD:
            return self.tr(
                "Backpropagation carries the error back through the box. Near x = {x} the output "
                "rises by about {slope} for each unit of input (the green tangent), so the "
                "gradient is error × slope = {err} × {slope} = <b>{grad}</b>."
            ).format(
                x=fmt(f.x), slope=fmt(f.slope), err=signed(f.error), grad=signed(r.gradient[0])
            )
        if r.new_params is None:
            return ""
        return self.tr(
            "Gradient descent: new input = {x} − {lr} × {grad} = <b>{new}</b> (the blue arrow "
            "along the input axis)."
        ).format(
            x=fmt(f.x), lr=fmt(trainer.lr), grad=signed(r.gradient[0]), new=fmt(r.new_params[0])
        )

    def stop_text(self, reason: StopReason, trainer: Trainer) -> str | None:
        """A wanted output the box never gives: the search ends at the turning point, where
        the slope and so the gradient are 0, and the frame's general plateau sentence (about
        the model imitating the data) would not fit."""
        m: BlackBox = trainer.model
        turn = m.turning_point()
        if reason not in (StopReason.PLATEAU, StopReason.STEP_LIMIT) or m.reachable():
            return None
        if turn is None:
            return self.tr("the box never answers {target}: its output does not change").format(
                target=fmt(m.target)
            )
        x, out = turn
        if m.a > 0:
            return self.tr(
                "the box never answers {target}: its lowest answer is {out}, at x = {x}. The "
                "search stops there, where the slope is 0. Want {out} or more"
            ).format(target=fmt(m.target), out=fmt(out), x=fmt(x))
        return self.tr(
            "the box never answers {target}: its highest answer is {out}, at x = {x}. The "
            "search stops there, where the slope is 0. Want {out} or less"
        ).format(target=fmt(m.target), out=fmt(out), x=fmt(x))

    # --- picture ------------------------------------------------------------------------
    def _on_reveal(self, _on: bool) -> None:
        if self._trainer is not None:
            self.refresh(self._trainer)

    def _ranges(self, m: BlackBox, x: float, out: float, shown: bool, trainer: Trainer):
        """Stable view ranges: the probes, the target and every try so far (never per step)."""
        (xs_lo, xs_hi), (outs_lo, outs_hi) = self._bounds(trainer.history)
        x_lo = min(X_SHOWN[0], x, xs_lo if xs_lo <= xs_hi else x)
        x_hi = max(X_SHOWN[1], x, xs_hi if xs_lo <= xs_hi else x)
        pad = 0.08 * (x_hi - x_lo)
        ys = [0.0, m.target, float(m.output(x))] + ([out] if shown else [])
        if outs_lo <= outs_hi:
            ys += [outs_lo, outs_hi]
        y_lo, y_hi = min(ys), max(ys)
        span = max(y_hi - y_lo, 1.0)
        return (x_lo - pad, x_hi + pad), (y_lo - 0.2 * span, y_hi + 0.3 * span)

    def refresh(self, trainer: Trainer) -> None:
        self._trainer = trainer
        m: BlackBox = trainer.model
        if self.target_spin.value() != m.target:  # a trainer handed in (a saved session, say)
            self.target_spin.blockSignals(True)
            self.target_spin.setValue(m.target)
            self.target_spin.blockSignals(False)
        r = trainer.record
        at_init = r is None or trainer.phase is Phase.INIT
        x = float(trainer.params[0]) if at_init else float(r.params[0])
        out = float(m.output(x))
        shown = not at_init  # the output exists once the forward pass ran
        (x_lo, x_hi), (y_lo, y_hi) = self._ranges(m, x, out, shown, trainer)
        set_view_once(self.plot, (x_lo, x_hi), (y_lo, y_hi))
        self._x_view = (x_lo, x_hi)
        y_axis = y_lo + 0.045 * (y_hi - y_lo)  # the x axis' own strip, for the input and step

        revealed = self.reveal_check.isChecked()
        curve_key = (m.a, m.b, x_lo, x_hi, y_lo, y_hi) if revealed else None
        if curve_key != self._curve_key:  # the curve only changes with the view
            self._curve_key = curve_key
            if revealed:
                grid = np.linspace(x_lo, x_hi, 300)
                ys = m.output(grid)
                self.curve.setData(grid, ys)
                # label the curve low on its rising part, on its empty lower-right side
                inside = np.flatnonzero(ys >= y_lo + 0.45 * (y_hi - y_lo))
                i = int(inside[0]) if len(inside) else len(grid) // 2
                self.curve_label.setPos(grid[i] + 0.02 * (x_hi - x_lo), ys[i])
            else:
                self.curve.setData([], [])
        self.curve_label.setVisible(revealed)
        if self.target_line.value() != m.target:
            self.target_line.setPos(m.target)
        wanted = self.tr("wanted output {t}").format(t=fmt(m.target))
        if self.target_line.label.format != wanted:
            self.target_line.label.setFormat(wanted)
        self._draw_trail(trainer)
        place_dot(self.input_mark, x, y_axis)
        if shown:
            place_dot(self.point, x, out)
            set_line(self.drop_line, [x, x], [y_axis, out])
        else:
            self.point.setVisible(False)
            set_line(self.drop_line, [], [])
        self._draw_error(m, x, out, shown and trainer.phase >= Phase.LOSS, x_hi - x_lo)
        self._draw_tangent(
            m, x, out, shown and trainer.phase >= Phase.BACKWARD, x_lo, x_hi, y_lo, y_hi
        )
        self._draw_step(
            trainer, x, shown and r is not None and r.gradient is not None, y_axis, y_hi - y_lo
        )
        self._draw_box(m, x, out, shown, trainer, revealed)

    def _draw_trail(self, trainer: Trainer) -> None:
        """The tries so far, thinned to a few hundred dots: a scatter of every one of 100k
        tries cost 200 ms a frame (the loss plot shows them all anyway). The newest is a dot
        of its own, so the others are rebuilt only when the thinning picks other rows."""
        _, xs_hist = trainer.history.decimated("x", TRAIL_POINTS)
        _, outs_hist = trainer.history.decimated("output", TRAIL_POINTS)
        ok = np.isfinite(xs_hist) & np.isfinite(outs_hist)
        n = len(xs_hist)
        body_x, body_y = xs_hist[: n - 1][ok[: n - 1]], outs_hist[: n - 1][ok[: n - 1]]
        body_x, body_y = without_repeats(body_x, body_y)
        old_x, old_y = self.trail.getData()
        if not (np.array_equal(old_x, body_x) and np.array_equal(old_y, body_y)):
            self.trail.setData(body_x, body_y)
        if n:
            place_dot(self.trail_last, float(xs_hist[-1]), float(outs_hist[-1]))
        else:
            self.trail_last.setVisible(False)

    def _draw_error(self, m: BlackBox, x: float, out: float, on: bool, x_span: float) -> None:
        if not on:
            set_line(self.error_bar, [], [])
            set_line(self.error_caps, [], [])
            self.error_text.setVisible(False)
            return
        err = out - m.target
        set_line(self.error_bar, [x, x], [m.target, out])
        cap = 0.025 * x_span
        set_line(
            self.error_caps, [x - cap, x + cap, x - cap, x + cap], [m.target, m.target, out, out]
        )
        set_text(self.error_text, self.tr("loss {e}").format(e=signed(err)), self.words_due())
        left_edge = x < self._x_view[0] + 0.35 * x_span  # no room on the left: label the right
        set_anchor(self.error_text, (0.0, 0.5) if left_edge else (1.0, 0.5))
        self.error_text.setPos(x + 1.6 * cap if left_edge else x - 1.6 * cap, (m.target + out) / 2)
        self.error_text.setVisible(True)

    def _draw_tangent(self, m, x, out, on, x_lo, x_hi, y_lo, y_hi) -> None:
        slope = float(m.slope(x))
        self.tangent_slope, self.tangent_at = slope, x
        if not on:
            set_line(self.tangent, [], [])
            self.tangent_text.setVisible(False)
            return
        vb = self.plot.getViewBox()
        px_x = max(vb.width(), 1.0) / (x_hi - x_lo)  # pixels per unit
        px_y = max(vb.height(), 1.0) / (y_hi - y_lo)
        half = 0.5 * TANGENT_PIXELS / math.hypot(px_x, slope * px_y)
        xa, xb = x - half, x + half
        set_line(self.tangent, [xa, xb], [out - half * slope, out + half * slope])
        set_text(self.tangent_text, self.tr("slope {s}").format(s=fmt(slope)), self.words_due())
        # label the upper end on its outer side; near the top, the lower end instead
        room = out + half * abs(slope) + 26.0 / px_y < y_hi
        if slope >= 0:
            set_anchor(self.tangent_text, (0, 1) if room else (1, 0))
            self.tangent_text.setPos(
                *((xb, out + half * slope) if room else (xa, out - half * slope))
            )
        else:
            set_anchor(self.tangent_text, (1, 1) if room else (0, 0))
            self.tangent_text.setPos(
                *((xa, out - half * slope) if room else (xb, out + half * slope))
            )
        self.tangent_text.setVisible(True)

    def _draw_step(
        self, trainer: Trainer, x: float, on: bool, y_axis: float, y_span: float
    ) -> None:
        if not on:
            set_line(self.step_shaft, [], [])
            self.step_head.setVisible(False)
            self.step_text.setVisible(False)
            self.step_arrow = (x, x)
            return
        step = -trainer.lr * float(trainer.record.gradient[0])
        new_x = x + step
        self.step_arrow = (x, new_x)
        y = y_axis + 0.06 * y_span  # just above the input's triangle
        set_line(self.step_shaft, [x, new_x], [y, y])
        # a step shorter than the arrow head: the head still starts at the input, pointing the way
        vb = self.plot.getViewBox()
        lo, hi = self._x_view
        px = max(vb.width(), 1.0) / (hi - lo)
        reach = max(abs(step), 22.0 / px)
        self.step_head.setPos(x + math.copysign(reach, step), y)
        angle = arrow_angle(step, 0.0)
        if angle != self._head_angle:  # a new head shape (and its cached picture) only then
            self.step_head.setStyle(angle=angle)
            self._head_angle = angle
        self.step_head.setVisible(step != 0.0)
        set_text(self.step_text, self.tr("step {s}").format(s=signed(step)), self.words_due())
        mid = (x + new_x) / 2
        where = (mid - lo) / (hi - lo)
        set_anchor(
            self.step_text, (0.0, 1.0) if where < 0.2 else (1.0, 1.0) if where > 0.8 else (0.5, 1.0)
        )
        self.step_text.setPos(mid, y + 0.025 * y_span)
        self.step_text.setVisible(True)

    def _draw_box(self, m: BlackBox, x: float, out: float, shown: bool, trainer, revealed) -> None:
        if not self.words_due() and self.box_drawing.input_text:
            return  # all words: rewritten a few times a second in a fast run
        note = ""
        if shown and trainer.phase >= Phase.LOSS:
            note = self.tr("loss {e}").format(e=signed(out - m.target))
        inside = self.tr("{a}·x² + {b}·x").format(a=fmt(m.a), b=fmt(m.b)) if revealed else "?"
        self.box_drawing.set_texts(
            (
                self.tr("input x"),
                self.tr("black box"),
                self.tr("output (wanted {t})").format(t=fmt(m.target)),
            ),
            fmt(x),
            fmt(out) if shown else "?",
            inside,
            note,
        )
