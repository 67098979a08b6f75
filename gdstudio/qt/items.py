"""Light pyqtgraph items for things that change every frame of a run: points drawn as
pre-rendered symbols (``Dots``), a straight line (``Segment``), a line through a
few points (``Polyline``) and a long line drawn as segments (``Curve``, the loss curve).

pyqtgraph's ScatterPlotItem and PlotDataItem do much bookkeeping on each ``setData`` and each
paint (records per point, bounds for the axes, display data); these keep the arrays and draw
the same pictures with a few painter calls. Used by the rifle's target and close-up, the
guess number line and the shared plots.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import renderSymbol
from pyqtgraph.Qt import compat
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem


def padded(item: pg.GraphicsObject, rect: QRectF, pixels: float) -> QRectF:
    """``rect`` (in ``item``'s coordinates) grown by ``pixels`` on every side, as seen on
    screen (nothing added when the view's scale cannot be worked out)."""
    px, py = item.pixelVectors()
    try:
        px = 0.0 if px is None else px.length() * pixels
        py = 0.0 if py is None else py.length() * pixels
    except OverflowError:
        px = py = 0.0
    return rect.adjusted(-px, -py, px, py)


def _pen_key(pen: QPen) -> tuple:
    # plain numbers: a key of enum members is slow to hash (each paint looks one up)
    return (
        pen.style().value,
        pen.color().rgba(),
        pen.widthF(),
        pen.isCosmetic(),
        pen.capStyle().value,
        pen.joinStyle().value,
    )


class Dots(pg.GraphicsObject):
    """Points drawn as a pre-rendered symbol each, sized in pixels: what a ``ScatterPlotItem``
    draws (the same symbol pictures, placed the same way), but cheap to change. A scatter's
    ``setData`` builds a record per point and looks up every point's picture, which cost
    milliseconds per frame for the target's old holes; here it only keeps the arrays.

    ``setData(x, y, symbol=, size=, pen=, brush=)`` keeps the style it is not given; ``brush``
    may be a list (one per point). Points are drawn in order, later ones on top.
    """

    _pictures: dict = {}  # (symbol, size, pen, brush, device pixel ratio) -> QPixmap
    _PAD = 0.7072  # half a symbol's diagonal, per pixel of its size (as the scatter pads)

    def __init__(self, symbol="o", size=7.0, pen=None, brush=None):
        super().__init__()
        self._x = self._y = np.zeros(0)
        self._symbol, self._size = symbol, float(size)
        self._pen, self._brushes = pg.mkPen(pen), [pg.mkBrush(brush)]
        self._runs: list[tuple[int, int, tuple]] = []  # (start, stop, style) of equal looks
        self._shown_x = self._shown_y = np.zeros(0)
        self._reach = 0.0
        self._bounds: QRectF | None = None
        # the fragments to draw (10 numbers each) and, wrapped once, their memory for Qt
        self._frag_array = np.zeros((0, 10))
        self._frag_pointer = None

    def setData(self, x, y, symbol=None, size=None, pen=None, brush=None) -> None:
        self._x = np.asarray(x, dtype=float).ravel()
        self._y = np.asarray(y, dtype=float).ravel()
        if symbol is not None:
            self._symbol = symbol
        if size is not None:
            self._size = float(size)
        if pen is not None:
            self._pen = pg.mkPen(pen)
        if brush is not None:
            many = isinstance(brush, (list, tuple)) and not isinstance(brush[0], (int, float))
            self._brushes = [pg.mkBrush(b) for b in brush] if many else [pg.mkBrush(brush)]
        self._find_runs()
        self.prepareGeometryChange()
        self._bounds = None
        self.update()

    def getData(self):
        return self._x, self._y

    def _find_runs(self) -> None:
        """The points drawn (the finite ones, within +-1e30) and the runs of equal looks."""
        x, y = self._x, self._y
        ok = np.isfinite(x) & np.isfinite(y)
        every = bool(ok.all())
        x, y = (x, y) if every else (x[ok], y[ok])
        self._shown_x = np.clip(x, -1e30, 1e30)  # far off the picture: no overflow in paint
        self._shown_y = np.clip(y, -1e30, 1e30)
        n = len(x)
        reach = np.abs(self._shown_x).max() + np.abs(self._shown_y).max() if n else 0.0
        self._reach = float(reach)  # no point is farther out in x or y
        pen = (self._pen, _pen_key(self._pen))
        looks = [(b, (b.style().value, b.color().rgba())) for b in self._brushes]
        if n == 0:
            self._runs = []
            return
        if len(looks) != len(ok) or n == 1:
            self._runs = [(0, n, (self._symbol, self._size, pen, looks[0]))]
            return
        if not every:
            looks = [look for look, keep in zip(looks, ok) if keep]
        runs, start = [], 0
        for i in range(1, n + 1):
            if i == n or looks[i][1] != looks[start][1]:
                runs.append((start, i, (self._symbol, self._size, pen, looks[start])))
                start = i
        self._runs = runs

    def _picture(self, style, dpr: float) -> QPixmap:
        symbol, size, (pen, pen_key), (brush, brush_key) = style
        key = (symbol, size, pen_key, brush_key, dpr)
        pix = self._pictures.get(key)
        if pix is None:
            if len(self._pictures) > 500:
                self._pictures.clear()
            image = renderSymbol(symbol, size, pen, brush, dpr=dpr)
            image.setDevicePixelRatio(1.0)  # the fragments scale it by 1 / dpr, as the atlas
            pix = self._pictures[key] = QPixmap.fromImage(image)
        return pix

    # --- geometry ---------------------------------------------------------------------------
    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        d = self._x if ax == 0 else self._y
        d = d[np.isfinite(d)]
        return [None, None] if len(d) == 0 else [float(d.min()), float(d.max())]

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            x, y = self._shown_x, self._shown_y
            if not len(x):
                self._bounds = QRectF()
            else:
                pad = self._PAD * (self._size + max(math.ceil(self._pen.widthF()), 1))
                x0, x1, y0, y1 = x.min(), x.max(), y.min(), y.max()
                self._bounds = padded(self, QRectF(x0, y0, x1 - x0, y1 - y0), pad)
        return self._bounds

    def viewTransformChanged(self) -> None:
        super().viewTransformChanged()  # (forgets the cached viewRect)
        self.prepareGeometryChange()
        self._bounds = None

    def _device_points(self, t: QTransform) -> tuple[np.ndarray, np.ndarray]:
        """The points drawn, in device pixels (``t``: the painter's transform)."""
        x, y = self._shown_x, self._shown_y
        m11, m12, m21, m22, dx, dy = t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy()
        with np.errstate(invalid="ignore", over="ignore"):  # (see below)
            px = m11 * x + m21 * y + dx
            py = m12 * x + m22 * y + dy
        far = self._reach * max(abs(m11) + abs(m21), abs(m12) + abs(m22))
        edge = 2.0**30
        # as the scatter: huge values crash Qt, and so do NaNs (a view range of subnormal
        # width scales by infinity: 0 * inf); both are put far off the picture
        if not far + max(abs(dx), abs(dy)) < edge:
            for a in (px, py):
                np.nan_to_num(a, copy=False, nan=edge, posinf=edge, neginf=-edge)
                np.clip(a, -edge, edge, out=a)
        return px, py

    def _blit(self, p: QPainter, px, py, style, dpr: float) -> None:
        """The symbol of ``style`` centred at each device point (an untransformed painter).
        The fragments' memory is wrapped for Qt once per size (wrapping it each time cost
        more than drawing a handful of points)."""
        n = len(px)
        if not n:
            return
        pix = self._picture(style, dpr)
        if n > len(self._frag_array):
            self._frag_array = np.zeros((max(n, 2 * len(self._frag_array), 8), 10))
            self._frag_pointer = compat.wrapinstance(
                self._frag_array.ctypes.data, QPainter.PixmapFragment
            )
        a = self._frag_array[:n]
        a[:, 0] = px
        a[:, 1] = py
        a[:, 2:6] = (0.0, 0.0, pix.width(), pix.height())
        a[:, 6:10] = (1 / dpr, 1 / dpr, 0.0, 1.0)
        p.drawPixmapFragments(self._frag_pointer, n, pix)

    def paint(self, p, option, widget) -> None:
        if not self._runs:
            return
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        px, py = self._device_points(p.transform())  # the symbols are drawn unscaled there
        p.resetTransform()
        for start, stop, style in self._runs:
            self._blit(p, px[start:stop], py[start:stop], style, dpr)


class _Stroke(pg.GraphicsObject):
    """What ``Segment`` and ``Polyline`` share: the pen, the data as given, and bounds padded by
    the pen's half width in pixels (worked out when asked, again after the view changed)."""

    def __init__(self, pen):
        super().__init__()
        self._pen = pg.mkPen(pen)
        self._x = self._y = np.zeros(0)
        self._bounds: QRectF | None = None

    def _keep(self, x, y) -> None:
        self._x = np.asarray(x, dtype=float).ravel()
        self._y = np.asarray(y, dtype=float).ravel()

    def _changed(self) -> None:
        self.prepareGeometryChange()
        self._bounds = None
        self.update()

    def getData(self):
        return self._x, self._y

    def _drawn_rect(self) -> QRectF | None:
        """The rectangle the line covers, in data coordinates (None: nothing drawn)."""
        raise NotImplementedError

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            rect = self._drawn_rect()
            if rect is None:
                self._bounds = QRectF()
            else:
                pad = 0.5 * max(self._pen.widthF(), 1.0) + 1.0  # pixels
                self._bounds = padded(self, rect, pad)
        return self._bounds

    def viewTransformChanged(self) -> None:
        super().viewTransformChanged()  # (forgets the cached viewRect)
        self.prepareGeometryChange()
        self._bounds = None


class Segment(_Stroke):
    """A straight line from (x[0], y[0]) to (x[1], y[1]) (or nothing): what a two-point
    ``PlotDataItem`` draws (the same pen and the same drawing call) without the bookkeeping a
    data item's ``setData`` does for its axes and its display data each time it is set."""

    def __init__(self, pen):
        super().__init__(pen)
        self._line: QLineF | None = None
        p = self._pen
        aa = bool(pg.getConfigOption("antialias"))
        self._antialias = aa
        # as PlotCurveItem: solid opaque pens wider than a pixel draw line segments
        self._segments = (
            p.widthF() > 1.0
            and p.style() == Qt.PenStyle.SolidLine
            and p.isSolid()
            and p.color().alphaF() == 1.0
            and not aa
        )

    def setData(self, x, y) -> None:
        self._keep(x, y)
        ok = len(self._x) == 2 and len(self._y) == 2
        ok = ok and bool(np.all(np.isfinite(self._x)) and np.all(np.isfinite(self._y)))
        if ok:
            self._line = QLineF(self._x[0], self._y[0], self._x[1], self._y[1])
        else:
            self._line = None
        self._changed()

    def _drawn_rect(self) -> QRectF | None:
        line = self._line
        return None if line is None else QRectF(line.p1(), line.p2()).normalized()

    def paint(self, p, option, widget) -> None:
        if self._line is None:
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, self._antialias)
        p.setPen(self._pen)
        if self._segments:
            p.drawLine(self._line)
        else:
            path = QPainterPath(self._line.p1())
            path.lineTo(self._line.p2())
            p.drawPath(path)


class Polyline(_Stroke):
    """A line through the points (x[i], y[i]) in order, non-finite points left out: what a
    ``PlotDataItem`` of a few points draws with a dashed or dotted pen (one path, so the dash
    pattern runs on across the corners), without a data item's bookkeeping on each
    ``setData``."""

    def __init__(self, pen):
        super().__init__(pen)
        self._path: QPainterPath | None = None

    def setData(self, x, y) -> None:
        self._keep(x, y)
        ok = np.isfinite(self._x) & np.isfinite(self._y)
        xs, ys = self._x[ok], self._y[ok]
        self._path = None
        if len(xs) >= 2:
            path = QPainterPath(QPointF(xs[0], ys[0]))
            for x, y in zip(xs[1:].tolist(), ys[1:].tolist()):
                path.lineTo(x, y)
            self._path = path
        self._changed()

    def _drawn_rect(self) -> QRectF | None:
        return None if self._path is None else self._path.boundingRect()

    def paint(self, p, option, widget) -> None:
        if self._path is None:
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, bool(pg.getConfigOption("antialias")))
        p.setPen(self._pen)
        p.drawPath(self._path)


class Curve(pg.GraphicsObject):
    """A long line redrawn every frame of a run (the loss curve): what a ``PlotDataItem`` with a
    solid pen draws (line segments between consecutive finite points, no antialiasing), with
    less work per frame. A data item's ``setData`` works out display data and bounds and its
    bounds change with every new point, so Qt re-indexes it and pyqtgraph asks for the view's
    bounds again; here the bounds are the visible area (they change only with the view) and
    ``setData`` keeps the arrays.

    ``setData(x, y, shown_y=None)``: ``shown_y`` is what is drawn (log10 of ``y`` on a log
    scale: the caller maps it; this item has no log mode); ``getData()`` gives ``x`` and ``y``
    as given. ``opts`` holds what a legend's sample reads (pen, antialias, fill, symbol).
    """

    RANGE_LIMIT = 1e6  # (view widths and heights: see paint)

    def __init__(self, pen):
        super().__init__()
        self.opts = {
            "pen": pg.mkPen(pen),
            "antialias": False,
            "fillLevel": None,
            "fillBrush": None,
            "symbol": None,
        }
        self.xData: np.ndarray | None = None
        self.yData: np.ndarray | None = None
        self._shown_y: np.ndarray | None = None
        self._rect = QRectF()
        self._segments = PrimitiveArray(QLineF, 4)
        # (the paint is told which part of the plot it redraws: option.exposedRect)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def setData(self, x, y, shown_y=None) -> None:
        old_x, old_y = self.xData, self._shown_y
        self.xData = np.asarray(x, dtype=float).ravel()
        self.yData = np.asarray(y, dtype=float).ravel()
        self._shown_y = self.yData if shown_y is None else np.asarray(shown_y, dtype=float)
        changed = self._changed_rect(old_x, old_y)
        if changed is None:
            self.update()
        elif not changed.isEmpty():
            self.update(changed)

    def _changed_rect(self, old_x, old_y) -> QRectF | None:
        """Where the line changed, in sight: around the segments, old and new, from the first
        point that differs (a run's loss curve keeps its points and changes only at its end,
        so a frame repaints the end, not the whole plot). An empty rectangle: nothing in
        sight changed; None: repaint it all (no old line, a non-finite point)."""
        x, y = self.xData, self._shown_y
        view = self._rect
        if old_x is None or old_y is None or len(y) != len(x) or not view.isValid():
            return None
        n = min(len(x), len(old_x))
        same = (x[:n] == old_x[:n]) & (y[:n] == old_y[:n])
        first = n if same.all() else int(np.argmin(same))
        if first == len(x) == len(old_x):
            return QRectF()
        a = max(first - 1, 0)  # the segment into the first changed point changed too
        xs = np.concatenate([x[a:], old_x[a:]])
        ys = np.concatenate([y[a:], old_y[a:]])
        if not (np.isfinite(xs).all() and np.isfinite(ys).all()):
            return None
        x0, x1, y0, y1 = float(xs.min()), float(xs.max()), float(ys.min()), float(ys.max())
        # in sight only (a far value would make a rectangle too large to map)
        x0, x1 = max(x0, view.left()), min(x1, view.right())
        y0, y1 = max(y0, view.top()), min(y1, view.bottom())
        if x0 > x1 or y0 > y1:
            return QRectF()
        pad = 0.5 * max(self.opts["pen"].widthF(), 1.0) + 2.0  # pixels (square caps and all)
        return padded(self, QRectF(x0, y0, x1 - x0, y1 - y0), pad)

    def getData(self):
        return self.xData, self.yData

    def setPen(self, pen) -> None:
        self.opts["pen"] = pg.mkPen(pen)
        self.update()  # (all of it)

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        d = self.xData if ax == 0 else self._shown_y
        if d is None:
            return [None, None]
        d = d[np.isfinite(d)]
        return [None, None] if len(d) == 0 else [float(d.min()), float(d.max())]

    def viewTransformChanged(self) -> None:
        super().viewTransformChanged()  # (forgets the cached viewRect)
        self.prepareGeometryChange()
        rect = self.viewRect()
        self._rect = QRectF(rect) if rect is not None else QRectF()

    def boundingRect(self) -> QRectF:
        return self._rect  # the visible area: the line is clipped to it

    def segment_ends(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, ...]:
        """The segments drawn for the points (x, y): x0, y0, x1, y1 arrays, each segment
        between two consecutive finite points (connect="finite"). Subclasses may draw others."""
        ok = np.isfinite(x) & np.isfinite(y)
        join = ok[:-1] & ok[1:]
        if join.all():
            return x[:-1], y[:-1], x[1:], y[1:]
        return x[:-1][join], y[:-1][join], x[1:][join], y[1:][join]

    def _near(self, ends, rect: QRectF) -> np.ndarray | None:
        """Which of the segments ``ends`` (x0, y0, x1, y1 arrays) may draw in ``rect``, the
        part of the plot being repainted (in data coordinates, with room for the pen); None:
        all of them. A run's frame repaints only where the line changed (``_changed_rect``):
        stroking the hundreds of wide segments elsewhere, for Qt to clip away whole, was most
        of that paint."""
        if len(ends[0]) < 64 or not rect.isValid() or rect.contains(self._rect):
            return None
        px, py = self.pixelVectors()
        if px is None or py is None:
            return None
        pad = 0.5 * max(self.opts["pen"].widthF(), 1.0) + 2.0  # pixels
        dx, dy = px.length() * pad, py.length() * pad
        x0, y0, x1, y1 = ends
        return (
            (np.maximum(x0, x1) >= rect.left() - dx)
            & (np.minimum(x0, x1) <= rect.right() + dx)
            & (np.maximum(y0, y1) >= rect.top() - dy)
            & (np.minimum(y0, y1) <= rect.bottom() + dy)
        )

    def paint(self, p, option, widget) -> None:
        x, y = self.xData, self._shown_y
        if x is None or len(x) < 2 or len(y) != len(x):
            return
        ends = self.segment_ends(x, y)
        near = self._near(ends, option.exposedRect)
        if near is not None:
            ends = tuple(values[near] for values in ends)
        n = len(ends[0])
        if n == 0:
            return
        # drawn in data coordinates with the painter's transform, as PlotCurveItem draws
        # (mapped to pixels here, a 3-pixel line fell on other pixels); values far outside
        # the view are kept within a million view heights of it, as PlotDataItem's
        # dynamicRangeLimit does (huge values crash Qt)
        out = self._segments
        out.resize(n)
        lines = out.ndarray()
        r = self._rect
        w, h = r.width() * self.RANGE_LIMIT, r.height() * self.RANGE_LIMIT
        for k, values in enumerate(ends):
            if not r.isValid():
                lines[:, k] = values
            elif k % 2 == 0:
                np.clip(values, r.left() - w, r.right() + w, out=lines[:, k])
            else:
                np.clip(values, r.top() - h, r.bottom() + h, out=lines[:, k])
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(self.opts["pen"])
        p.drawLines(*out.drawargs())
