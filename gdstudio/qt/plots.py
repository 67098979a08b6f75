"""The shared plots: the loss curve and the gradient arrows (items created once, setData after).

Both read the trainer's history; long histories are decimated before drawing, so a redraw costs
the same at a million steps as at a thousand.
"""

from __future__ import annotations

import math
from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from gdstudio.engine import Trainer
from gdstudio.qt.common import BLUE, GREY, INK, ORANGE, VERMILION, font, translate
from gdstudio.qt.items import Curve, Dots, padded

MAX_POINTS = 2000  # points drawn for the loss curve, whatever the history length
MIN_POINTS = 400
POINTS_PER_PIXEL = 2  # about two points per pixel column of the plot: more add nothing visible
ARROWS = 10  # gradient arrows shown: the latest and nine fading ones
LOG_FLOOR = 1e-16  # a loss of exactly 0 drawn at this height on the log scale


TITLE_PT, LABEL_PT, TICK_PT = 13.0, 11.0, 10.0
PRESENTATION_TEXT = 1.4  # text inside the plots in presentation mode, against normal


class _Plot(pg.PlotWidget):
    """What both shared plots do alike: their words, at a size that presentation mode scales."""

    def __init__(self, parent=None):
        super().__init__(parent)
        repaint_as_one(self)
        self.text_scale = 1.0
        self._words = ("", "", "")  # title, left label, bottom label

    def set_words(self, title: str, left: str, bottom: str) -> None:
        self._words = (title, left, bottom)
        k = self.text_scale
        item = self.getPlotItem()
        item.setTitle(f"<span style='font-size:{TITLE_PT * k:g}pt; color:#202020'>{title}</span>")
        for side, text in (("left", left), ("bottom", bottom)):
            item.getAxis(side).setLabel(
                text, color="#202020", **{"font-size": f"{LABEL_PT * k:g}pt"}
            )

    def set_presentation(self, on: bool) -> None:
        """Thicker lines and larger words, readable from the back of a classroom."""
        self.text_scale = PRESENTATION_TEXT if on else 1.0
        tick = font(TICK_PT * self.text_scale)
        for side in ("left", "bottom"):
            self.getPlotItem().getAxis(side).setStyle(tickFont=tick)
        self.set_words(*self._words)
        self.set_thick(on)

    def set_thick(self, on: bool) -> None:
        raise NotImplementedError


def repaint_as_one(view: QGraphicsView) -> None:
    """A frame repaints one rectangle, around all that changed, not each changed area on its
    own. The items that move every frame of a run lie close together (the loss curve's end
    and its marker; the arrows; the target's holes, marks and arrows), and painting them
    through a clip of a dozen rectangles cost more than painting the area that holds them
    all: 0.4 ms of the rifle target's 1.1 ms paint, 0.1 to 0.2 ms of each shared plot's."""
    view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)


def cache_static(plot: pg.PlotWidget | pg.PlotItem) -> None:
    """Keep the axes (with their grid lines and tick labels) and the title as pixmaps.

    While a run draws a new curve every frame, the axes stay the same for most frames, and
    replaying their tick and grid drawing was a third of each plot's repaint. The cached
    pixmap is drawn again whenever an axis changes (a new range, new labels, a resize).
    """
    item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
    cache = QGraphicsItem.CacheMode.DeviceCoordinateCache
    for axis in item.axes.values():
        axis["item"].setCacheMode(cache)
    item.titleLabel.setCacheMode(cache)


@contextmanager
def uncached(widget: QWidget):
    """Draw every plot item under ``widget`` directly while the block runs (exports): a vector
    drawing keeps its axis text as text, and a scaled picture is sharp instead of a stretched
    pixmap. The cache modes are restored afterwards."""
    changed = []
    for view in widget.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if item.cacheMode() != QGraphicsItem.CacheMode.NoCache:
                changed.append((item, item.cacheMode()))
                item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        yield
    finally:
        for item, mode in changed:
            item.setCacheMode(mode)


def style_plot(plot: pg.PlotWidget, tick_pt: float, grid: float | None = None) -> None:
    """The look every plot of the window shares: white and still (no mouse, menu or buttons),
    dark axes with ``tick_pt``-point tick labels and no SI prefixes, a grid of opacity ``grid``
    if given, and the axes and title kept as pixmaps (cache_static)."""
    plot.setBackground("w")
    item = plot.getPlotItem()
    item.hideButtons()
    item.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setPen(pg.mkPen("#404040"))
        axis.setTextPen(pg.mkPen(INK))
        axis.setStyle(tickFont=font(tick_pt))
        axis.enableAutoSIPrefix(False)
    if grid is not None:
        item.showGrid(x=True, y=True, alpha=grid)
    cache_static(plot)


def _setup(plot: _Plot, title: str, left: str, bottom: str) -> None:
    plot.set_words(title, left, bottom)
    style_plot(plot, TICK_PT, grid=0.25)
    for side in ("left", "bottom"):
        # grid lines at the labelled ticks and one finer level; the third, faintest level
        # cost most of each repaint (hundreds of translucent lines) and was barely visible
        plot.getPlotItem().getAxis(side).setStyle(maxTickLevel=1)


class LossPlot(_Plot):
    """Loss against step, growing live, with the tolerance line and an optional log scale."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lossPlot")
        self.setAccessibleName(translate("LossPlot", "Loss curve"))
        _setup(
            self,
            translate("LossPlot", "Loss"),
            translate("LossPlot", "loss"),
            translate("LossPlot", "step"),
        )
        self.ghost = self.plot(pen=pg.mkPen(GREY, width=2, style=Qt.PenStyle.DashLine))
        # the curve as an items.Curve: a PlotDataItem given a new curve every frame cost the
        # scene new bounds and an index update each time (about a millisecond a frame)
        self.curve = Curve(pg.mkPen(BLUE, width=3))
        self.addItem(self.curve)
        # the latest loss: one dot at the origin, moved with setPos (placed in view coordinates:
        # log10 of the loss on the log scale). A Dots, not a ScatterPlotItem: the scatter's
        # paint cost 0.2 ms a frame for one point
        self.marker = Dots(size=11, brush=pg.mkBrush(BLUE), pen=pg.mkPen("w"))
        self.marker.setData([0.0], [0.0])
        self.marker.setVisible(False)
        self.addItem(self.marker)
        self.tolerance_line = pg.InfiniteLine(
            angle=0,
            pen=pg.mkPen(VERMILION, width=2, style=Qt.PenStyle.DotLine),
            label=translate("LossPlot", "tolerance"),
            labelOpts={"position": 0.97, "color": VERMILION, "anchors": [(1, 1), (1, 1)]},
        )
        self.addItem(self.tolerance_line)
        self.tolerance_line.label.setFont(font(LABEL_PT))
        self.tolerance_line.label.textItem.setCacheMode(
            QGraphicsItem.CacheMode.DeviceCoordinateCache
        )
        self.log_scale = False
        self._tolerance = 0.001
        self._ghost_data: tuple[np.ndarray, np.ndarray] | None = None
        self._ghost_version = 0  # counts set_ghost calls
        self._ghost_shown: tuple | None = None  # (which ghost, log scale?) as last drawn
        self._ghost_drawn: tuple | None = None  # its x and y as drawn (log10 on a log scale)
        # the range follows the data by _fit_view, not by pyqtgraph's auto-range
        self._view = self.getPlotItem().getViewBox()
        self._view.disableAutoRange()
        self._refit = True

    def retranslate(self) -> None:
        self.setAccessibleName(translate("LossPlot", "Loss curve"))
        self.set_words(
            translate("LossPlot", "Loss"),
            translate("LossPlot", "loss"),
            translate("LossPlot", "step"),
        )
        self.tolerance_line.label.setFormat(translate("LossPlot", "tolerance"))

    def set_thick(self, on: bool) -> None:
        """Thicker lines for presentation mode (and the tolerance label at the text scale)."""
        self.tolerance_line.label.setFont(font(LABEL_PT * self.text_scale))
        self.curve.setPen(pg.mkPen(BLUE, width=6 if on else 3))
        self.marker.setData([0.0], [0.0], size=16 if on else 11)

    def set_log_scale(self, on: bool) -> None:
        self.log_scale = bool(on)
        self.getPlotItem().setLogMode(y=self.log_scale)
        self._view.disableAutoRange()  # setLogMode turns pyqtgraph's auto-range back on
        self._refit = True
        self._place_tolerance()

    def set_tolerance(self, tolerance: float) -> None:
        self._tolerance = tolerance
        self._place_tolerance()

    def _place_tolerance(self) -> None:
        t = self._tolerance
        self.tolerance_line.setPos(math.log10(t) if self.log_scale else t)

    def _y(self, y: np.ndarray) -> np.ndarray:
        return np.maximum(y, LOG_FLOOR) if self.log_scale else y

    def points(self) -> int:
        """How many points of the history to draw: about two per pixel of the plot's width.

        Stroking the 3-pixel-wide curve costs in proportion to its points (2.5 to 3.4 ms of
        CPU for 2000 points, 1.2 to 1.6 ms for 600, in a 420-pixel plot), so a narrow plot draws
        fewer; a wide one (presentation mode) draws more, up to MAX_POINTS.
        """
        wanted = POINTS_PER_PIXEL * self.viewport().width()
        return max(MIN_POINTS, min(MAX_POINTS, wanted))

    def update_from(self, trainer: Trainer) -> None:
        x, y = trainer.history.decimated("loss", self.points())
        y = self._y(y)
        shown = np.log10(y) if self.log_scale else y  # (the curve has no log mode of its own)
        self.curve.setData(x, y, shown_y=shown)
        if len(x):
            self.marker.setPos(float(x[-1]), float(shown[-1]))
            self.marker.setVisible(True)
        else:
            self.marker.setVisible(False)
        ghost = (self._ghost_version, self.log_scale)
        if ghost != self._ghost_shown:  # (set again only when it changed: it is not per frame)
            self._ghost_shown = ghost
            self._ghost_drawn = None
            if self._ghost_data is not None:
                gx, gy = self._ghost_data
                gx, gy = np.asarray(gx, dtype=float), self._y(np.asarray(gy, dtype=float))
                self.ghost.setData(gx, gy)
                with np.errstate(divide="ignore", invalid="ignore"):
                    self._ghost_drawn = (gx, np.log10(gy) if self.log_scale else gy)
            else:
                self.ghost.setData([], [])
        parts = [(x, shown)]
        if self._ghost_drawn is not None:
            parts.append(self._ghost_drawn)
        self._fit_view(parts)

    def _data_bounds(self, parts) -> list[tuple[float, float] | None]:
        """The (low, high) of the drawn data per axis, in view coordinates (``parts``: x and
        y as drawn, log10 of the loss on the log scale), from the arrays themselves: asking the
        view for its children's bounds made every item work them out again on every frame."""
        xs, ys = [], []
        for x, y in parts:
            x = np.asarray(x, dtype=float)
            y = np.asarray(y, dtype=float)
            ok = np.isfinite(x) & np.isfinite(y)
            if ok.all():  # (the usual case: no copies)
                xs.append(x)
                ys.append(y)
                continue
            xs.append(x[ok])
            ys.append(y[ok])
        out = []
        for values in (np.concatenate(xs), np.concatenate(ys)):
            out.append((float(values.min()), float(values.max())) if values.size else None)
        return out

    def _fit_view(self, parts) -> None:
        """Show all the data, changing the range only when the data leaves it or fills less
        than half of it: the axes stay still for most frames of a run (re-laying them out
        cost more than drawing the curve) and the steps axis keeps some room to grow into."""
        vb = self._view
        bounds = self._data_bounds(parts)
        ranges = vb.viewRange()
        wanted = []
        for axis, (lo_hi, (a, b)) in enumerate(zip(bounds, ranges)):
            if lo_hi is None or not all(map(math.isfinite, lo_hi)):
                wanted.append(None)
                continue
            lo, hi = float(lo_hi[0]), float(lo_hi[1])
            span = hi - lo
            if (not self._refit) and a <= lo and hi <= b and span >= 0.5 * (b - a):
                wanted.append(None)
                continue
            if span <= 0:
                half = 0.1 * abs(lo) or 0.5
                lo, hi, span = lo - half, hi + half, 2 * half
            margin = 0.04 * span
            ahead = 0.12 * span if axis == 0 else 0.0
            wanted.append((lo - margin, hi + margin + ahead))
        self._refit = False
        if wanted[0] is not None or wanted[1] is not None:
            vb.setRange(xRange=wanted[0] or ranges[0], yRange=wanted[1] or ranges[1], padding=0)

    def set_ghost(self, data: tuple[np.ndarray, np.ndarray] | None) -> None:
        """A dashed copy of an earlier run's loss curve, for comparison (None hides it)."""
        self._ghost_data = data
        self._ghost_version += 1


class ArrowSet(pg.GraphicsObject):
    """The gradient arrows as one item: each a shaft with a head, drawn in a single paint.

    Ten PlotCurveItems and ten ArrowItems, all given new places every frame of a run, cost 2
    to 4 ms a frame (pyqtgraph works out bounds and pixel sizes for each item, and Qt re-indexes
    each one); this item keeps the segments in data coordinates and draws shafts and heads in
    pixels, so a frame costs a fraction of that. Arrow ``i`` is drawn over arrow ``i + 1``.
    """

    TIP_HALF_WIDTH = math.tan(math.radians(12.5))  # pyqtgraph's ArrowItem: a 25-degree tip

    def __init__(self, colours: list[QColor], widths: list[float], heads: list[float]):
        super().__init__()
        self._colours = colours
        self._heads = heads  # head lengths in pixels
        self._outline = [QPen(c, 1) for c in colours]
        for pen in self._outline:
            pen.setCosmetic(True)
        self._brushes = [QBrush(c) for c in colours]
        self._segments: list[tuple[float, float, float, float] | None] = []
        self._rect: QRectF | None = None
        self.set_widths(widths)

    def set_widths(self, widths: list[float]) -> None:
        self._pens = []
        for colour, width in zip(self._colours, widths):
            pen = QPen(colour, width)  # (square caps, as pyqtgraph's curves had)
            pen.setCosmetic(True)
            self._pens.append(pen)
        self._changed()

    def set_segments(self, segments: list[tuple[float, float, float, float] | None]) -> None:
        """(x0, y0, x1, y1) from tail to tip for each arrow, newest first (None: not drawn)."""
        self._segments = list(segments)
        self._changed()

    def _changed(self) -> None:
        self.prepareGeometryChange()
        self._rect = None
        self.update()

    def getData(self) -> tuple[np.ndarray, np.ndarray]:  # noqa: N802 (pyqtgraph's name)
        """Every drawn arrow's tail and tip, as x and y arrays (tests and checks read them)."""
        drawn = [s for s in self._segments if s is not None]
        xs = np.array([v for s in drawn for v in (s[0], s[2])], dtype=float)
        ys = np.array([v for s in drawn for v in (s[1], s[3])], dtype=float)
        return xs, ys

    def viewTransformChanged(self) -> None:  # noqa: N802 (pyqtgraph's name)
        super().viewTransformChanged()  # (forgets the cached viewRect)
        self.prepareGeometryChange()
        self._rect = None

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        """The arrows' own area (within the visible one), with room for the heads and pens:
        a new set of small arrows repaints only around them, not the whole plot (the
        converged arrows of a run are small; repainting the whole plot for them cost half a
        millisecond a frame)."""
        if self._rect is None:
            view = self.viewRect()
            xs, ys = self.getData()
            ok = np.isfinite(xs) & np.isfinite(ys)
            if view is None or not ok.any():
                self._rect = QRectF()
            else:
                xs, ys = xs[ok], ys[ok]
                # within the view (a rectangle of no height, one horizontal arrow, included)
                x0, x1 = max(xs.min(), view.left()), min(xs.max(), view.right())
                y0, y1 = max(ys.min(), view.top()), min(ys.max(), view.bottom())
                if x0 > x1 or y0 > y1:
                    self._rect = QRectF()
                else:
                    pad = max(self._heads, default=0.0) + max(
                        (pen.widthF() for pen in self._pens), default=1.0
                    )
                    self._rect = padded(self, QRectF(x0, y0, x1 - x0, y1 - y0), pad)
        return self._rect

    def paint(self, p: QPainter, *args) -> None:
        t = p.transform()
        p.save()
        p.resetTransform()
        for i in range(len(self._segments) - 1, -1, -1):  # oldest first: the newest on top
            seg = self._segments[i]
            if seg is None or not all(map(math.isfinite, seg)):
                continue
            x0, y0, x1, y1 = seg
            a, b = t.map(QPointF(x0, y0)), t.map(QPointF(x1, y1))
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # as the curves were
            p.setPen(self._pens[i])
            p.drawLine(a, b)
            dx, dy = x1 - x0, y1 - y0
            if dx == 0 and dy == 0:
                continue
            # the direction on screen (the linear part of the transform: right even when the
            # arrow is shorter than a pixel)
            ux, uy = t.m11() * dx + t.m21() * dy, t.m12() * dx + t.m22() * dy
            norm = math.hypot(ux, uy)
            if norm == 0 or not math.isfinite(norm):
                continue
            ux, uy = ux / norm, uy / norm
            length = self._heads[i]
            half = length * self.TIP_HALF_WIDTH
            bx, by = b.x() - ux * length, b.y() - uy * length
            head = QPolygonF(
                [
                    b,
                    QPointF(bx - uy * half, by + ux * half),
                    QPointF(bx + uy * half, by - ux * half),
                ]
            )
            p.setRenderHint(QPainter.RenderHint.Antialiasing)  # as ArrowItem drew its heads
            p.setPen(self._outline[i])
            p.setBrush(self._brushes[i])
            p.drawPolygon(head)
        p.restore()


class GradientPlot(_Plot):
    """The gradient as arrows: the latest highlighted, earlier ones fading.

    One parameter: horizontal arrows along the parameter's axis, newest at the top. Two
    parameters: 2-D arrows from the origin. Arrow length and direction are the gradient.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("gradientPlot")
        self.setAccessibleName(translate("GradientPlot", "Gradient arrows"))
        _setup(self, translate("GradientPlot", "Gradient"), "", "")
        colours = []
        for i in range(ARROWS):
            colour = QColor(ORANGE if i == 0 else BLUE)
            colour.setAlphaF(1.0 if i == 0 else max(0.12, 0.7 * (1 - i / ARROWS)))
            colours.append(colour)
        self.arrows = ArrowSet(colours, self._widths(False), [18.0] + [12.0] * (ARROWS - 1))
        self.arrows.setZValue(1)  # over the origin's dot
        self.addItem(self.arrows)
        # the origin's dot (it never moves), drawn as a ScatterPlotItem would (whose paint
        # cost 0.3 ms a frame, the arrows' paint less than half that)
        self.origin = Dots(
            size=8, brush=pg.mkBrush("#202020"), pen=pg.mkPen(pg.getConfigOption("foreground"))
        )
        self.origin.setData([0.0], [0.0])
        self.addItem(self.origin)
        self.vectors = np.zeros((0, 2))  # what is drawn, newest first (tests read it)
        self.param_names: tuple[str, ...] = ()
        self._extent = 0.0  # the largest gradient component seen in this run
        self._seen = 0  # history rows already folded into _extent
        self._range: tuple | None = None  # the range as last set (set again only on change)

    @staticmethod
    def _widths(thick: bool) -> list[float]:
        return [8.0 if thick else 5.0] + [5.0 if thick else 3.0] * (ARROWS - 1)

    def set_thick(self, on: bool) -> None:
        """Thicker arrows for presentation mode."""
        self.arrows.set_widths(self._widths(on))

    def retranslate(self) -> None:
        self.setAccessibleName(translate("GradientPlot", "Gradient arrows"))
        self.set_words(translate("GradientPlot", "Gradient"), *self._words[1:])
        if self.param_names:
            self.configure(self.param_names)

    def configure(self, param_names: tuple[str, ...]) -> None:
        self.param_names = tuple(param_names)
        self._range = None
        title = self._words[0]
        if len(param_names) == 1:
            bottom = translate("GradientPlot", "gradient of the loss along {name}").format(
                name=param_names[0]
            )
            self.set_words(title, translate("GradientPlot", "steps ago"), bottom)
            self.setAspectLocked(False)
        else:
            self.set_words(
                title,
                translate("GradientPlot", "∂loss/∂{name}").format(name=param_names[1]),
                translate("GradientPlot", "∂loss/∂{name}").format(name=param_names[0]),
            )
            self.setAspectLocked(True)

    def update_from(self, trainer: Trainer) -> None:
        h = trainer.history
        n = len(h)
        k = min(ARROWS, n)
        names = self.param_names
        grads = np.zeros((k, 2))
        for j, name in enumerate(names[:2]):
            column = h.column(f"grad_{name}")
            grads[:, j] = column[n - k :][::-1]
        self.vectors = grads
        one_d = len(names) == 1
        segments = []
        for i in range(k):
            gx, gy = grads[i]
            if one_d:
                segments.append((0.0, -float(i), float(gx), -float(i)))
            else:
                segments.append((0.0, 0.0, float(gx), float(gy)))
        self.arrows.set_segments(segments)
        self._fit_view(h, one_d)

    def _fit_view(self, h, one_d: bool) -> None:
        """Scale to the largest gradient of the run so far: shrinking arrows look smaller."""
        n = len(h)
        if n < self._seen:  # the history was cut (back, reset): measure again
            self._extent, self._seen = 0.0, 0
        if n > self._seen:
            for name in self.param_names[:2]:
                fresh = np.abs(h.column(f"grad_{name}")[self._seen : n])
                self._extent = max(self._extent, float(np.max(fresh)))
            self._seen = n
        extent = self._extent if self._extent > 0 and math.isfinite(self._extent) else 1.0
        pad = 1.15 * extent
        wanted = ((-pad, pad), (-(ARROWS - 0.5), 0.5) if one_d else (-pad, pad))
        if wanted != self._range:
            self.setRange(xRange=wanted[0], yRange=wanted[1], padding=0)
            self._range = wanted
