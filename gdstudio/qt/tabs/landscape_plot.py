"""The crack-the-box loss landscape: the loss over the weights, with the run's path on it.

One weight: the loss against w, a bowl, with its lowest point and (when the family cannot copy
the samples) its floor. Two weights: a shaded map with iso-loss lines. On both: the path of the
weights so far, the current point, and the step the latest gradient implies as a black arrow;
in one-sample-at-a-time mode also that sample's own loss (one weight) or the line where it fits
exactly (two weights), which shows why the path zig-zags. The landscape is computed once per
model (pure numpy, in gdstudio.scenarios.black_box); each frame only moves the path and arrow.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from gdstudio.engine import Phase, Trainer
from gdstudio.qt.common import BLUE, INK, ORANGE, PURPLE, fmt, font
from gdstudio.qt.items import Curve, Polyline, Segment
from gdstudio.qt.plots import style_plot
from gdstudio.qt.tabs.black_box import (
    LABEL_FILL,
    arrow_angle,
    cache_items,
    dot,
    finite_xy,
    place_dot,
    set_anchor,
    set_line,
    set_points,
    set_text,
    set_view_once,
    without_repeats,
)
from gdstudio.scenarios.black_box import (
    CrackBox,
    Landscape,
    best_fit,
    contour_levels,
    descent_path,
    landscape_bounds,
    loss_landscape,
    sample_fit_line,
    sample_loss,
)

PATH_POINTS = 2000  # the most path points drawn, whatever the history length
DOTS = 40  # the latest path points drawn as dots (the line shows the rest)
ISO_LINES = 9
#: the landscape's shading, low loss light to high loss dark (blues: safe for colour-blind eyes)
SHADES = pg.ColorMap([0.0, 0.35, 1.0], [QColor("#ffffff"), QColor("#b9dcf2"), QColor("#3a8fc7")])


def fmt_loss(value: float) -> str:
    """A loss for people: rounding noise of an exact fit (1e-31) shows as 0."""
    return fmt(value if abs(value) > 1e-12 else 0.0)


def current_sample(trainer: Trainer) -> int | None:
    """The sample this one-sample-at-a-time step uses (None: full batch, or no step yet)."""
    r = trainer.record
    if r is None or trainer.phase is Phase.INIT or trainer.model.batch_mode != "1":
        return None
    return int(r.batch[0])


class PathLine(Curve):
    """The path's line: a ``Curve`` (what a ``PlotDataItem`` with the same solid pen draws)
    that draws each of its pieces once. One sample at a time, a run goes round the same few
    points again and again, and a long path is mostly pieces drawn many times over; the pen is
    opaque and not antialiased, so a piece drawn again changes no pixel, and the order does
    not matter either (each pixel is the pen's colour if any piece covers it).

    Like every Curve it asks for a redraw of only where it changed (for a path that grew,
    where its new pieces are: redrawing all of the plot, the shaded map and its iso-lines,
    each frame cost more than the path), and its paint strokes only the pieces that reach
    the area redrawn."""

    def __init__(self, pen):
        super().__init__(pen)
        self._pieces: np.ndarray | None = None  # (x0, y0, x1, y1) each, worked out at a paint

    def setData(self, x, y, shown_y=None) -> None:
        self._pieces = None
        super().setData(x, y, shown_y)  # (a repaint of only where the path changed)

    def _unique_pieces(self) -> np.ndarray:
        x, y = self.xData, self._shown_y
        if x is None or len(x) < 2 or len(y) != len(x):
            return np.zeros((0, 4))
        r = self._rect
        if r.isValid():  # as Curve: values far outside the view are brought within reach
            w, h = r.width() * self.RANGE_LIMIT, r.height() * self.RANGE_LIMIT
            x = np.clip(x, r.left() - w, r.right() + w)
            y = np.clip(y, r.top() - h, r.bottom() + h)
        ok = np.isfinite(x) & np.isfinite(y)
        join = ok[:-1] & ok[1:]
        pieces = np.column_stack([x[:-1], y[:-1], x[1:], y[1:]])[join]
        if len(pieces) < 2 or 2 * len(np.unique(pieces[:, 0])) > len(pieces):
            return pieces  # (mostly new places: looking for repeats costs more than it saves)
        rows = np.ascontiguousarray(pieces).view(np.dtype((np.void, 32))).ravel()
        _, first = np.unique(rows, return_index=True)
        return pieces if len(first) == len(pieces) else pieces[np.sort(first)]

    def viewTransformChanged(self) -> None:
        super().viewTransformChanged()
        self._pieces = None  # (clipped to the view)

    def paint(self, p, option, widget) -> None:
        if self._pieces is None:
            self._pieces = self._unique_pieces()
        pieces = self._pieces
        near = self._near(pieces.T, option.exposedRect)  # (the pieces that reach the area)
        if near is not None:
            pieces = pieces[near]
        n = len(pieces)
        if n == 0:
            return
        out = self._segments
        out.resize(n)
        out.ndarray()[:] = pieces
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(self.opts["pen"])
        p.drawLines(*out.drawargs())


def _text(colour, anchor=(0, 1), size=12) -> pg.TextItem:
    item = pg.TextItem(color=colour, anchor=anchor, fill=LABEL_FILL)
    item.setFont(font(size, bold=True))
    return item


class LandscapePlot(pg.PlotWidget):
    """The loss over the weights, computed once per model; the path and arrow follow the run."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("landscapePlot")
        style_plot(self, 11)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setZValue(-10)
        self.addItem(self.image)
        self.isos = []
        for _ in range(ISO_LINES):
            iso = pg.IsocurveItem(
                pen=pg.mkPen(QColor(32, 32, 32, 110), width=1), axisOrder="col-major"
            )
            iso.setParentItem(self.image)
            self.isos.append(iso)
        self.curve = self.plot(pen=pg.mkPen(BLUE, width=4))  # one weight: loss against w
        self.sample_curve = Polyline(pg.mkPen(PURPLE, width=2, style=Qt.PenStyle.DashLine))
        self.addItem(self.sample_curve)  # (one sample at a time: a new sample every frame)
        self.floor_line = pg.InfiniteLine(
            angle=0, pen=pg.mkPen(INK, width=2, style=Qt.PenStyle.DotLine)
        )  # one weight: the lowest loss the family can reach, when it is not 0
        self.addItem(self.floor_line)
        # the path: every point but the newest (it changes only when the thinning picks other
        # rows, so its cached picture lasts many frames), and the newest piece on its own
        # (light items, gdstudio.qt.items: a data item's or a scatter's setData and bounds cost
        # more than their drawing; the path's line is a Curve, its bounds the visible area)
        self.path_line = PathLine(pg.mkPen(ORANGE, width=3))
        self.addItem(self.path_line)
        self.path_tail = Segment(pg.mkPen(ORANGE, width=3))
        self.addItem(self.path_tail)
        self.path_dots = dot(size=7, brush=ORANGE, pen=pg.mkPen(INK, width=1))
        self.addItem(self.path_dots)
        self.path_last = dot(size=7, brush=ORANGE, pen=pg.mkPen(INK, width=1), at_origin=True)
        self.path_last.setVisible(False)
        self.addItem(self.path_last)
        self.best_mark = dot(symbol="star", size=20, brush="w", pen=pg.mkPen(INK, width=2))
        self.best_mark.setZValue(5)
        self.addItem(self.best_mark)
        self.best_text = _text(INK, anchor=(0, 0), size=11)
        self.addItem(self.best_text)
        self.point = dot(size=18, brush=ORANGE, pen=pg.mkPen(INK, width=2), at_origin=True)
        # (moved to its place: place_dot)
        self.point.setZValue(8)
        self.addItem(self.point)
        self.shaft = Segment(pg.mkPen(INK, width=4))
        self.addItem(self.shaft)
        self.shaft.setZValue(9)
        self.head = pg.ArrowItem(pen=pg.mkPen(INK), brush=pg.mkBrush(INK), headLen=18, tipAngle=40)
        self.head.setZValue(9)
        self.addItem(self.head)
        self.sample_text = _text(PURPLE.darker(135), anchor=(0, 1), size=11)
        self.addItem(self.sample_text)
        # what stays the same, or only moves, from one frame of a run to the next
        cache_items(
            self.image,
            *self.isos,
            self.curve,
            self.sample_curve,
            self.floor_line,
            self.best_mark,
            self.best_text,
            self.head,
            self.sample_text,
        )
        self._head_angle = None
        self.landscape: Landscape | None = None
        self._model = None
        self._top = 0.0
        self._frame = np.zeros((0, 1))
        self._best = np.zeros(1)
        # what is drawn, for tests: the path (k, p), the latest gradient, the arrow (start, end)
        self.path = np.zeros((0, 1))  # the whole path drawn: path_line, then path_tail's end
        self.gradient = np.zeros(1)
        self.arrow = (np.zeros(1), np.zeros(1))

    # --- the landscape itself (once per model) --------------------------------------------
    def _ensure(self, m: CrackBox, path: np.ndarray, start: np.ndarray) -> None:
        """Compute the landscape for a new model; again only if the path leaves it."""
        land = self.landscape
        fresh = self._model is not m
        finite = path[np.all(np.isfinite(path), axis=1)]
        if not fresh and (len(finite) == 0 or land.contains(finite)):
            return
        if fresh:
            best, _floor = best_fit(m.family, m.samples)
            # frame the start, the lowest point and the valley a descent would follow
            self._frame = np.vstack([start, best, descent_path(m, start)])
            self._best = best
        points = np.vstack([self._frame, finite]) if len(finite) else self._frame
        lo, hi = landscape_bounds(points, margin=0.35 if fresh else 0.6, centre=self._best)
        if not fresh and np.allclose(lo, land.lo) and np.allclose(hi, land.hi):
            return  # as large as it gets (a diverging run): keep it
        one = len(self._best) == 1
        self.landscape = land = loss_landscape(m, lo, hi, 161 if one else 121)
        self._model = m
        if fresh:
            self._top = 0.0
        if one:
            self.image.clear()
            self.image.setVisible(False)
            for iso in self.isos:
                iso.setData(None)
            self.curve.setData(*finite_xy(land.axes[0], land.values))
        else:
            self.curve.setData([], [])
            values = land.values
            finite = np.isfinite(values)
            if not finite.any():
                self.image.clear()
                self.image.setVisible(False)
                for iso in self.isos:
                    iso.setData(None)
                return
            top = float(values[finite].max())
            floor = land.floor if math.isfinite(land.floor) else float(values[finite].min())
            values = np.where(finite, values, top)
            logs = np.log10(np.maximum(values - floor, 0.0) + 1e-3 * (top - floor + 1e-12))
            low, high = float(logs.min()), float(logs.max())
            self.image.setImage(logs, autoLevels=False, levels=(low, max(high, low + 1e-9)))
            self.image.setLookupTable(SHADES.getLookupTable(nPts=256))
            ws, vs = land.axes
            dw, dv = ws[1] - ws[0], vs[1] - vs[0]
            self.image.setRect(QRectF(ws[0] - dw / 2, vs[0] - dv / 2, dw * len(ws), dv * len(vs)))
            self.image.setVisible(True)
            levels = contour_levels(land, ISO_LINES)
            for k, iso in enumerate(self.isos):
                iso.setData(
                    land.values if k < len(levels) else None,
                    float(levels[k]) if k < len(levels) else 0.0,
                )

    # --- every frame ------------------------------------------------------------------------
    def update_from(self, trainer: Trainer) -> None:
        with np.errstate(all="ignore"):  # a diverging run's numbers may overflow: drawn or left out
            self._update(trainer)

    def _update(self, trainer: Trainer) -> None:
        m: CrackBox = trainer.model
        h = trainer.history
        r = trainer.record
        p = len(m.param_names)
        current = np.asarray(
            trainer.params if r is None or trainer.phase is Phase.INIT else r.params, float
        )
        if len(h):
            _steps, first = h.decimated(m.param_names[0], PATH_POINTS)
            cols = [first] + [h.decimated(n, PATH_POINTS)[1] for n in m.param_names[1:]]
            path = np.column_stack(cols)
            losses = h.decimated("loss", PATH_POINTS)[1]
            self.gradient = np.array([h.column(f"grad_{n}")[-1] for n in m.param_names])
        else:
            path, losses, self.gradient = np.zeros((0, p)), np.zeros(0), np.zeros(p)
        self.path = path
        start = np.asarray(m.initial_params(), float)
        self._ensure(m, path, start)
        if p == 1:
            self._draw_1d(m, trainer, path, losses, current)
        else:
            self._draw_2d(m, trainer, path, current)
        if len(path):
            a = path[-1]
            step = -trainer.lr * self.gradient
            self.arrow = (a, a + step)
        else:
            self.arrow = (current, current)
        self._draw_arrow(m, len(path) > 0)

    def _draw_1d(self, m, trainer, path, losses, current) -> None:
        land = self.landscape
        cur_loss = m.full_loss(current)
        self._draw_path(path[:, 0], losses)
        place_dot(self.point, float(current[0]), float(cur_loss))
        set_points(self.best_mark, *finite_xy([land.best[0]], [land.floor]))
        if self.floor_line.value() != land.floor:
            self.floor_line.setPos(land.floor)
        shown = trainer.tolerance < land.floor < math.inf
        self.floor_line.setVisible(shown)
        if shown:
            self.best_text.setText(
                self.tr("lowest possible\nloss {loss}").format(loss=fmt_loss(land.floor))
            )
            set_anchor(self.best_text, (0.5, -0.15))
            self.best_text.setPos(land.best[0], land.floor)
            self.best_text.setVisible(True)
        else:
            self.best_text.setVisible(False)
        finite = losses[np.isfinite(losses)]
        start_loss = m.full_loss(np.asarray(m.initial_params(), float))
        self._top = max(
            self._top, start_loss, float(finite.max()) if len(finite) else 0.0, cur_loss
        )
        top = self._top if math.isfinite(self._top) and self._top > 0 else 1.0
        top = max(top, 2.5 * land.floor if math.isfinite(land.floor) else 0.0, 1e-6)
        lo, hi = land.lo[0], land.hi[0]
        set_view_once(self, (lo, hi), (-0.06 * top, 1.15 * top))
        i = current_sample(trainer)
        if i is not None:
            ws = land.axes[0]
            set_line(self.sample_curve, *finite_xy(ws, sample_loss(m, i, ws[:, None])))
            j = int(np.argmin(np.abs(ws - (lo + 0.8 * (hi - lo)))))
            y = min(float(sample_loss(m, i, ws[j : j + 1, None])[0]), 1.05 * top)
            set_text(
                self.sample_text,
                self.tr("loss of sample {i} alone").format(i=i + 1),
                self._words_due(),
            )
            set_anchor(self.sample_text, (1, 1))
            self.sample_text.setPos(ws[j], y)
            self.sample_text.setVisible(True)
        else:
            set_line(self.sample_curve, [], [])
            self.sample_text.setVisible(False)

    def _draw_2d(self, m, trainer, path, current) -> None:
        land = self.landscape
        self.floor_line.setVisible(False)
        self._draw_path(path[:, 0], path[:, 1])
        place_dot(self.point, float(current[0]), float(current[1]))
        set_points(self.best_mark, *finite_xy([land.best[0]], [land.best[1]]))
        self.best_text.setText(
            self.tr("lowest point\nloss {loss}").format(loss=fmt_loss(land.floor))
        )
        set_anchor(self.best_text, (0.5, -0.25))
        self.best_text.setPos(land.best[0], land.best[1])
        self.best_text.setVisible(True)
        lo, hi = land.lo, land.hi
        set_view_once(self, (lo[0], hi[0]), (lo[1], hi[1]))
        i = current_sample(trainer)
        line = None if i is None else sample_fit_line(m, i, lo, hi)
        if line is not None:
            set_line(self.sample_curve, line[:, 0], line[:, 1])
            end = line[np.argmax(line[:, 1])]
            set_text(
                self.sample_text, self.tr("fits sample {i}").format(i=i + 1), self._words_due()
            )
            right_half = end[0] > (lo[0] + hi[0]) / 2
            set_anchor(self.sample_text, (1, 0) if right_half else (0, 0))
            self.sample_text.setPos(*end)
            self.sample_text.setVisible(True)
        else:
            set_line(self.sample_curve, [], [])
            self.sample_text.setVisible(False)

    def _draw_path(self, xs: np.ndarray, ys: np.ndarray) -> None:
        """The path as its older points (redrawn only when they change) and its newest piece:
        from the last older point to the newest, which moves every step. Points with an inf
        or NaN are left out, as one line would leave them out."""
        n = len(xs)
        body_x, body_y = finite_xy(xs[: n - 1], ys[: n - 1])
        set_line(self.path_line, *without_repeats(body_x, body_y))
        dots_x, dots_y = finite_xy(xs[max(n - DOTS, 0) : n - 1], ys[max(n - DOTS, 0) : n - 1])
        set_points(self.path_dots, dots_x, dots_y)
        last = (float(xs[-1]), float(ys[-1])) if n else (math.nan, math.nan)
        place_dot(self.path_last, *last)
        if n and len(body_x) and all(map(math.isfinite, last)):
            set_line(self.path_tail, [body_x[-1], last[0]], [body_y[-1], last[1]])
        else:
            set_line(self.path_tail, [], [])

    def _words_due(self) -> bool:
        view = self.parent()
        while view is not None and not hasattr(view, "words_due"):
            view = view.parent()
        return True if view is None else view.words_due()

    def _draw_arrow(self, m: CrackBox, on: bool) -> None:
        a, b = self.arrow
        if len(a) == 1:
            y = m.full_loss(a)
            xa, ya, xb, yb = a[0], y, b[0], y
        else:
            xa, ya, xb, yb = a[0], a[1], b[0], b[1]
        if not on or not all(map(math.isfinite, (xa, ya, xb, yb))):
            set_line(self.shaft, [], [])
            self.head.setVisible(False)
            return
        set_line(self.shaft, [xa, xb], [ya, yb])
        vb = self.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        sx = max(vb.width(), 1.0) / max(x1 - x0, 1e-12)
        sy = max(vb.height(), 1.0) / max(y1 - y0, 1e-12)
        dx, dy = (xb - xa) * sx, (yb - ya) * sy
        self.head.setPos(xb, yb)
        angle = arrow_angle(dx, dy)
        if angle != self._head_angle:  # a new head shape (and its cached picture) only then
            self.head.setStyle(angle=angle)
            self._head_angle = angle
        self.head.setVisible(math.hypot(dx, dy) > 0.5)
