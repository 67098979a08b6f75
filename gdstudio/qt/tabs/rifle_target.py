"""The rifle's target picture: rings, every bullet hole by burst (older ones fading), each burst's
mean impact and their trail, the -gradient arrow, the aim's update step, the draggable aim and
the wind.

``TargetPlot`` is a bare target (rings and their numbers; the close-up uses it too);
``RangeTarget`` is the whole target of the rifle view. Target coordinates are cm from the
bullseye, +x right, +y up. Texts keep the ``RifleView`` translation context.
"""

from __future__ import annotations

import math
import operator

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsTextItem,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from gdstudio.engine import Phase, Trainer
from gdstudio.qt.common import (
    BLUE,
    GREEN,
    INK,
    ORANGE,
    PURPLE,
    SKY,
    VERMILION,
    fmt,
    font,
    translate,
)
from gdstudio.qt.items import Dots, Polyline, Segment, _pen_key
from gdstudio.qt.plots import repaint_as_one
from gdstudio.scenarios.rifle import RING_WIDTH, RINGS, Rifle

BURSTS_SHOWN = 5  # the latest bursts drawn in colour; older holes are small and grey
# one colour and one shape per burst (by step number), so a burst keeps its look as it ages
BURST_COLOURS = (BLUE, VERMILION, GREEN, PURPLE, SKY)
BURST_SYMBOLS = ("o", "s", "t", "d", "h")
AGE_ALPHA = (1.0, 0.85, 0.7, 0.55, 0.45)
AIM_LIMIT = 50.0  # the first aim's spin boxes run from -50 to 50 cm
TARGET_EDGE = RINGS * RING_WIDTH + 4  # half the width of the target picture (cm)


def burst_look(step: int, age: int) -> tuple[QColor, str]:
    """Colour (faded by age) and symbol of the burst fired at ``step``."""
    colour = QColor(BURST_COLOURS[step % len(BURST_COLOURS)])
    colour.setAlphaF(AGE_ALPHA[min(age, len(AGE_ALPHA) - 1)])
    return colour, BURST_SYMBOLS[step % len(BURST_SYMBOLS)]


def burst_records(trainer: Trainer) -> list:
    """The recent records that fired a burst, oldest first, plus the burst in flight."""
    records = [r for r in trainer.recent if r.forward is not None]
    r = trainer.record
    if r is not None and trainer.phase is not Phase.INIT and r.forward is not None:
        if not records or records[-1] is not r:
            records.append(r)  # the burst in flight, before its history row exists
    return records


class OldHoles(Dots):
    """The grey holes of the older bursts: a ``Dots`` told its bursts (``set_bursts``: each
    burst has a serial number, consecutive, oldest first; a burst that is another record gets
    a new number), which it also keeps as pictures in device pixels, ``CHUNK`` bursts to a
    chunk. A run adds a burst and drops the oldest each frame; redrawing 1,500 holes was most
    of the target's paint. The chunks that are complete are drawn as two images (the older
    ones, with a picture for each chunk of all from it on, and the newer ones, one picture
    that grows); only the bursts of the two partial chunks at the ends are drawn as holes.
    The images blend the same holes in the same order (a colour value may differ by one).
    Drawn directly: a vector device, data given by ``setData``, and bursts that came more than
    a chunk at a time (a fast run adds a hundred or more a frame: building their pictures cost
    more than drawing every hole, 0.7 ms a frame)."""

    CHUNK = 16

    def __init__(self):
        super().__init__(size=7, brush=pg.mkBrush(127, 127, 127, 90), pen=None, symbol="o")
        self._ids: tuple[int, int] | None = None  # the first burst's number, the bursts
        self._starts = np.zeros(1, dtype=int)  # the first row of each burst, and the end
        self.direct = True  # the last set_bursts added more than a chunk: no pictures kept
        self._forget()

    def _forget(self) -> None:
        self._place = None  # the device transform, pixel ratio and size of the pictures
        self._front: dict[int, tuple[QImage, QRect]] = {}  # chunk c: chunks c .. middle - 1
        self._middle = 0
        self._back: tuple[QImage, QRect] | None = None  # chunks middle .. back_end - 1
        self._back_end = 0

    def setData(self, *args, **kwargs) -> None:
        self._ids = None
        super().setData(*args, **kwargs)

    def set_bursts(self, first: int, rows: np.ndarray, xy: np.ndarray) -> None:
        """The holes ``xy`` of bursts numbered ``first``, ``first + 1``, ... (``rows``: the
        holes of each)."""
        super().setData(xy[:, 0], xy[:, 1])
        end = None if self._ids is None else sum(self._ids)
        self.direct = end is None or not 0 <= first + len(rows) - end <= self.CHUNK
        if self.direct:
            self._forget()
        self._ids = (first, len(rows))
        self._starts = np.zeros(len(rows) + 1, dtype=int)
        np.cumsum(rows, out=self._starts[1:])

    def paint(self, p, option, widget) -> None:
        n = len(self._shown_x)
        if self._ids is None or self.direct or len(self._runs) != 1 or n != len(self._x):
            return super().paint(p, option, widget)
        engine = p.paintEngine()
        if engine is None or engine.type() != engine.Type.Raster:
            return super().paint(p, option, widget)
        lo, count = self._ids
        k = self.CHUNK
        first, end = -(-lo // k), (lo + count) // k  # the complete chunks: first .. end - 1
        if first >= end:
            return super().paint(p, option, widget)
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        t = p.transform()
        device = p.device()
        place = (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), dpr)
        place += (device.width(), device.height())
        if place != self._place:
            self._forget()
            self._place = place
        px, py = self._device_points(t)
        style = self._runs[0][2]
        starts = self._starts

        def row(burst: int) -> int:
            return int(starts[burst - lo])

        area = QRect(0, 0, device.width(), device.height())
        if first not in self._front or first >= self._middle:
            self._front, below = {}, None  # (again) from the dots, newest chunk first
            for c in range(end - 1, first - 1, -1):
                a, b = row(c * k), row((c + 1) * k)
                below = self._layer(below, px[a:b], py[a:b], style, dpr, area, under=True)
                self._front[c] = below
            self._middle = self._back_end = end
            self._back = None
        else:
            for c in [c for c in self._front if c < first]:
                del self._front[c]
            if self._back_end < end:
                a, b = row(self._back_end * k), row(end * k)
                self._back = self._layer(self._back, px[a:b], py[a:b], style, dpr, area)
                self._back_end = end
        p.resetTransform()
        a = row(first * k)
        self._blit(p, px[:a], py[:a], style, dpr)  # the oldest bursts, before a whole chunk
        for layer in (self._front[first], self._back):
            if layer is not None and not layer[0].isNull():
                p.drawImage(layer[1].topLeft(), layer[0])
        b = row(end * k)
        self._blit(p, px[b:], py[b:], style, dpr)  # the newest, in a chunk not yet complete

    def _layer(self, base, px, py, style, dpr, area: QRect, under: bool = False):
        """The picture ``base`` (image, place; or None) with these holes over it (``under``:
        beneath it, as older holes), in a new image grown to hold them (within ``area``)."""
        if not len(px):
            return base
        pix = self._picture(style, dpr)
        pad = 0.5 * max(pix.width(), pix.height()) / dpr + 1.0
        rect = QRectF(
            float(px.min()) - pad,
            float(py.min()) - pad,
            float(px.max() - px.min()) + 2 * pad,
            float(py.max() - py.min()) + 2 * pad,
        ).toAlignedRect()
        if base is not None:
            rect |= base[1]
        rect &= area
        image = QImage(rect.size() * dpr, QImage.Format.Format_RGBA64_Premultiplied)
        image.setDevicePixelRatio(dpr)
        image.fill(Qt.GlobalColor.transparent)
        if rect.isEmpty():
            return image, rect
        painter = QPainter(image)
        if base is not None and not base[0].isNull():
            painter.drawImage(base[1].topLeft() - rect.topLeft(), base[0])
        painter.translate(-rect.left(), -rect.top())
        if under:  # older holes beneath: the newest of them first, each under the rest
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationOver)
            px, py = px[::-1], py[::-1]
        self._blit(painter, px, py, style, dpr)
        painter.end()
        return image, rect


class Bursts(Dots):
    """The latest bursts in colour as one item: each burst drawn in its own symbol, size, pen
    and colour (``burst_look``), the oldest first, the latest on top — what one ``Dots`` per
    burst drew. In a run every burst ages each frame; five items set again meant five
    geometry changes, bounds and scene updates a frame, here there is one."""

    def __init__(self):
        super().__init__()
        self._pens = (pg.mkPen(INK, width=2), pg.mkPen("w", width=1))  # the latest, older
        self._styles: dict = {}  # (step % colours, age) -> the style of a run (see Dots)
        self._ages: list[tuple[int, int]] = []  # (start, stop) rows of each age, latest first

    def style(self, step: int, age: int) -> tuple:
        """The look of the burst fired at ``step``, ``age`` bursts ago (cached)."""
        key = (step % len(BURST_COLOURS), age)
        style = self._styles.get(key)
        if style is None:
            colour, symbol = burst_look(step, age)
            brush, pen = pg.mkBrush(colour), self._pens[min(age, 1)]
            looks = (brush, (brush.style().value, brush.color().rgba()))
            style = (symbol, 16.0 if age == 0 else 11.0, (pen, _pen_key(pen)), looks)
            self._styles[key] = style
        return style

    def set_bursts(self, records: list) -> None:
        """The bursts of ``records`` (oldest first; the last is the latest, age 0)."""
        n = len(records)
        parts, runs, ages, start = [], [], [], 0
        for j, r in enumerate(records):
            imp = r.forward.impacts
            ok = np.isfinite(imp).all(axis=1)
            xy = imp if ok.all() else imp[ok]
            stop = start + len(xy)
            ages.append((start, stop))
            if stop > start:
                parts.append(xy)
                runs.append((start, stop, self.style(r.step, n - 1 - j)))
            start = stop
        xy = np.vstack(parts) if parts else np.zeros((0, 2))
        self._x, self._y = xy[:, 0], xy[:, 1]
        self._shown_x = np.clip(self._x, -1e30, 1e30)
        self._shown_y = np.clip(self._y, -1e30, 1e30)
        n = len(self._x)
        self._reach = float(np.abs(self._shown_x).max() + np.abs(self._shown_y).max()) if n else 0.0
        self._runs = runs
        self._ages = ages[::-1]
        # the bounds are padded for the largest symbol and the widest pen
        self._size = max((run[2][1] for run in runs), default=self._size)
        self._pen = max((run[2][2][0] for run in runs), key=QPen.widthF, default=self._pen)
        self.prepareGeometryChange()
        self._bounds = None
        self.update()

    def burst(self, age: int) -> tuple[np.ndarray, np.ndarray]:
        """The x and y of the holes of the burst ``age`` bursts old (0: the latest) drawn."""
        if age >= len(self._ages):
            return np.zeros(0), np.zeros(0)
        a, b = self._ages[age]
        return self._x[a:b], self._y[a:b]


class Rings(pg.GraphicsObject):
    """The target's face as one item: the rings (filled discs, ring 1 outside to the bullseye),
    their numbers and the small cross at the centre. Painted as the separate ellipse, text and
    line items were (the same pens, brushes, fonts and places), in one pass: the big target
    caches it as one pixmap, and the zoomed close-up skips the discs and numbers out of sight.
    """

    def __init__(self, cached: bool):
        super().__init__()
        self._pen = pg.mkPen("#8a8170", width=1.5, cosmetic=True)
        self._discs = []  # (radius, brush), the outermost first
        self._labels = []  # (x, y, the words, their offset from the point in pixels)
        for k in range(1, RINGS + 1):
            radius = (RINGS - k + 1) * RING_WIDTH
            fill = QColor("#fde9a9") if k == RINGS else QColor("#f4f1e8" if k % 2 else "#e3dccb")
            self._discs.append((radius, pg.mkBrush(fill)))
        for k in range(RINGS, 0, -1):
            radius = (RINGS - k + 1) * RING_WIDTH
            # ring numbers left and right of the centre; the bullseye's just below it
            if k == RINGS:  # low in the bullseye, away from the centre's holes
                places = [(0.0, -0.75 * RING_WIDTH)]
            else:
                places = [(radius - RING_WIDTH / 2, 0.0), (-(radius - RING_WIDTH / 2), 0.0)]
            for x, y in places:
                words = QGraphicsTextItem(str(k))  # what a pg.TextItem draws, centred
                words.setDefaultTextColor(QColor("#5b5342"))
                words.setFont(font(10, bold=True))
                r = words.boundingRect()
                self._labels.append((x, y, words, QPointF(0.5 * r.width(), 0.5 * r.height())))
                # (a pg.TextItem anchored at (0.5, 0.5): the middle of the words' box)
        self._cross_pen = pg.mkPen(INK, width=1)
        self._cross = [QLineF(-2, 0, 2, 0), QLineF(0, -2, 0, 2)]
        self._reach = max(max(o.x(), o.y()) for _x, _y, _w, o in self._labels) + 2  # pixels
        self._bounds: QRectF | None = None
        self.setZValue(-10)
        # a target whose range moves (the close-up) keeps its face as an image of the part in
        # sight and around it, reused while the face only moves by whole pixels
        self._image: QImage | None = None
        self._image_key = None  # (scale, device pixel ratio): the image drawn at that scale
        self._image_rect = QRect()  # the image's place, in device pixels from the bullseye
        self._last_scale = None  # the scale of the last paint (an image from the second on)
        if cached:
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        """The discs, with room for the outer line and the numbers (sized in pixels)."""
        if self._bounds is None:
            px, _py = self.pixelVectors()
            try:
                pad = 0.0 if px is None else px.length() * self._reach
            except OverflowError:
                pad = 0.0
            edge = RINGS * RING_WIDTH + max(pad, 0.5 * RING_WIDTH)
            self._bounds = QRectF(-edge, -edge, 2 * edge, 2 * edge)
        return self._bounds

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()
        self._bounds = None

    def paint(self, p, option, widget=None) -> None:
        seen = p.clipBoundingRect() if p.hasClipping() else QRectF()
        if seen.isEmpty():
            seen = self.boundingRect()
        if self.cacheMode() == QGraphicsItem.CacheMode.NoCache and self._paint_image(
            p, seen, widget
        ):
            return
        self._paint_face(p, seen, widget)

    def _paint_image(self, p: QPainter, seen: QRectF, widget) -> bool:
        """The face from the image kept for this scale, when the bullseye sits on a whole
        device pixel (the close-up snaps its range so) and a raster device shows it; False:
        paint it directly (a vector drawing, another scale the first time, a fractional
        place). The image is (re)drawn from the second paint at one scale, for the part in
        sight and as much again around it."""
        t = p.transform()
        if t.type().value > QTransform.TransformationType.TxScale.value:
            return False
        dpr = p.device().devicePixelRatioF()
        ox, oy = round(t.dx()), round(t.dy())
        whole = abs(t.dx() - ox) < 1e-3 and abs(t.dy() - oy) < 1e-3
        if not whole or dpr != round(dpr):
            return False
        # nothing lies under the face but the view's background: an opaque one goes into
        # the image, which is then copied rather than blended
        view = widget.parentWidget() if widget is not None else None
        back = view.backgroundBrush() if isinstance(view, QGraphicsView) else None
        if back is None or back.style() != Qt.BrushStyle.SolidPattern or not back.isOpaque():
            back = None
        key = (t.m11(), t.m22(), dpr, None if back is None else back.color().rgba())
        last, self._last_scale = self._last_scale, key
        bounds = self.boundingRect()
        need = t.mapRect(seen & bounds).toAlignedRect().translated(-ox, -oy)
        if need.isEmpty():
            return True
        if key != self._image_key or not self._image_rect.contains(need):
            if key != last:
                return False  # a scale seen once: maybe one of many, not worth an image
            self._draw_image(t, bounds, need, dpr, p.renderHints(), key, back)
        # the image unscaled, at whole pixels: the same pixels as the face drawn there
        r = self._image_rect
        p.save()
        p.resetTransform()
        source = QRectF(need.translated(-r.left(), -r.top()))
        source = QRectF(source.topLeft() * dpr, source.size() * dpr)
        p.drawImage(QRectF(need.translated(ox, oy)), self._image, source)
        p.restore()
        return True

    def _draw_image(self, t, bounds: QRectF, need: QRect, dpr, hints, key, back) -> None:
        face = QTransform(t.m11(), t.m12(), t.m21(), t.m22(), 0.0, 0.0).mapRect(bounds)
        around = max(need.width(), need.height())
        rect = need.adjusted(-around, -around, around, around) & face.toAlignedRect()
        rect |= need
        if back is None:
            image = QImage(rect.size() * dpr, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
        else:
            image = QImage(rect.size() * dpr, QImage.Format.Format_RGB32)
            image.fill(back.color())
        image.setDevicePixelRatio(dpr)
        painter = QPainter(image)
        painter.setRenderHints(hints)
        to_image = QTransform(t.m11(), t.m12(), t.m21(), t.m22(), -rect.left(), -rect.top())
        painter.setTransform(to_image)
        seen = to_image.inverted()[0].mapRect(QRectF(0, 0, rect.width(), rect.height()))
        painter.setClipRect(seen)
        self._paint_face(painter, seen, None)
        painter.end()
        self._image, self._image_key, self._image_rect = image, key, rect

    def _paint_face(self, p: QPainter, seen: QRectF, widget) -> None:
        # a disc covering the whole visible rectangle hides every disc under it
        corners = max(
            math.hypot(x, y)
            for x in (seen.left(), seen.right())
            for y in (seen.top(), seen.bottom())
        )
        near = math.hypot(
            min(max(0.0, seen.left()), seen.right()), min(max(0.0, seen.top()), seen.bottom())
        )
        to_device = p.transform()
        pixel = 1.0 / max(math.hypot(to_device.m11(), to_device.m12()), 1e-12)  # in cm
        first = 0
        for i, (radius, _brush) in enumerate(self._discs):
            if radius >= corners:
                first = i
        p.setPen(self._pen)
        for radius, brush in self._discs[first:]:
            if radius + 2 * pixel < near:
                break  # this disc and the smaller ones lie outside the visible rectangle
            if radius >= corners + 2 * pixel:  # all of the rectangle is inside, its line not
                p.fillRect(seen, brush)  # the same pixels as the (zoomed-in, huge) disc
                continue
            p.setBrush(brush)
            p.drawEllipse(QRectF(-radius, -radius, 2 * radius, 2 * radius))
        device_seen = to_device.mapRect(seen)
        style = QStyleOptionGraphicsItem()
        for x, y, words, offset in self._labels:
            at = to_device.map(QPointF(x, y)) - offset
            if not device_seen.intersects(QRectF(at.x(), at.y(), 2 * offset.x(), 2 * offset.y())):
                continue
            p.setTransform(QTransform.fromTranslate(at.x(), at.y()))
            style.exposedRect = words.boundingRect()
            words.paint(p, style, widget)
        p.setTransform(to_device)
        p.setPen(self._cross_pen)
        p.drawLines(self._cross)


class TargetPlot(pg.PlotWidget):
    """A target: the rings (numbered 1 outside to 10 in the bullseye) and a small cross.

    ``cached``: keep the rings as a pixmap (for a target whose range stays put).
    """

    def __init__(self, name: str, parent: QWidget | None = None, cached: bool = True):
        super().__init__(parent)
        self.setObjectName(name)
        repaint_as_one(self)
        self.setBackground("w")
        self.setAspectLocked(True)
        self.setMouseEnabled(x=False, y=False)
        item = self.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        item.hideAxis("left")
        item.hideAxis("bottom")
        for axis in item.axes.values():  # hidden: no need to follow every change of range
            axis["item"].unlinkFromView()
        self.rings = Rings(cached)
        self.addItem(self.rings)

    def mean_and_arrow(self, size: float, head: float):
        """A burst's mean impact (an orange x) and the -gradient arrow (shaft and head)."""
        mean = Dots(size=size, symbol="x", brush=pg.mkBrush(ORANGE), pen=pg.mkPen(INK, width=1.5))
        mean.setZValue(30)
        shaft = Segment(pg.mkPen(ORANGE, width=5))
        shaft.setZValue(29)
        self.addItem(shaft)
        arrow = pg.ArrowItem(
            pen=pg.mkPen(INK, width=1), brush=pg.mkBrush(ORANGE), headLen=head, headWidth=head * 0.7
        )
        arrow.setZValue(31)
        arrow.setVisible(False)
        self.addItem(mean)
        self.addItem(arrow)
        return mean, shaft, arrow

    def draw_arrow(self, shaft, head, start, end, max_head: float = 20.0) -> None:
        """An arrow from start to end (None: hidden); its head never outgrows the arrow.
        Nothing is redone when the arrow, the view's range and its width are as last drawn."""
        hidden = start is None or float(np.hypot(*(end - start))) < 1e-9
        vb = self.getPlotItem().getViewBox()
        (x0, x1), _ = vb.viewRange()
        key = None if hidden else (*start, *end, x0, x1, vb.width(), max_head)
        if getattr(shaft, "_drawn", False) == key:
            return
        shaft._drawn = key
        if hidden:
            shaft.setData([], [])
            head.setVisible(False)
            return
        shaft.setData([start[0], end[0]], [start[1], end[1]])
        pixels = float(np.hypot(*(end - start))) * vb.width() / max(x1 - x0, 1e-9)
        size = max(7.0, min(max_head, 0.5 * pixels))
        angle = 180.0 - math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))
        # the head is built pointing left (angle 0, tip at the item's origin) and turned
        # with setRotation about its tip, as setStyle's angle turns it: setStyle rebuilds the
        # path, pen and brush, so it is called only when the head's size changes
        # (a size that differs only by rounding, as when the same arrow turns, is kept)
        if head.opts.get("angle") != 0 or abs(head.opts.get("headLen", 0.0) - size) > 1e-9:
            head.setStyle(angle=0, headLen=size, headWidth=0.7 * size)
        if head.rotation() != angle:
            head.setRotation(angle)
        head.setPos(end[0], end[1])
        head.setVisible(True)


def _same(a, b) -> bool:
    """The same records (or items), in the same order: compared by identity (records hold
    arrays; a new record for the same step after Back or a reset is another record)."""
    return len(a) == len(b) and all(map(operator.is_, a, b))


def set_words(item: pg.TextItem, text: str) -> None:
    """A label's text, left alone when unchanged (its layout is the costly part)."""
    if item.toPlainText() != text:
        item.setText(text)


def show(item, visible: bool) -> None:
    """``setVisible`` when it changes (a visible pg.TextItem redoes its transform on each)."""
    if item.isVisible() != visible:
        item.setVisible(visible)


class RangeTarget(TargetPlot):
    """The rifle view's target. After ``draw``: ``holes`` (every hole drawn, oldest first) and
    ``hole_steps`` (the step of each), ``arrow`` (minus the latest gradient, drawn from the
    mean impact) and ``aim_shift`` (new aim minus old aim in the UPDATE phase, else zero).

    A frame redraws only what changed: the grey holes of the older bursts are kept as an
    array that loses the oldest bursts and gains the newest; a coloured burst is set again
    only when it ages; arrows and words only when they change."""

    #: the aim was dragged and dropped (or set by ``drop_aim``): x and y in cm, within bounds
    aimDropped = Signal(float, float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__("targetPlot", parent)
        r = TARGET_EDGE
        self.setRange(xRange=(-r, r), yRange=(-r, r), padding=0)
        self._records: list = []  # the records drawn (their holes: ``holes``)
        self._older: list = []  # the records whose holes are the grey ones, and their rows
        self._older_xy = np.zeros((0, 2))
        self._older_rows = np.zeros(0, dtype=int)  # the holes of each
        self._means: tuple = ((), ())  # the records whose means are drawn (trail, crosses)
        self._aim_side = None
        self._wind_drawn = None  # the wind's strength and direction drawn
        self.arrow = np.zeros(2)
        self.aim_shift = np.zeros(2)

        self._older_first = 0  # the number of the first of them (see OldHoles)
        self._next_burst = 0  # the number for the next burst that is not one of them
        self.old_holes = OldHoles()
        self.old_holes.setZValue(5)
        self.addItem(self.old_holes)
        self.bursts = Bursts()  # the coloured bursts (``burst(0)``: the latest)
        self.bursts.setZValue(20)
        self._bursts_shown: list = []  # their records
        self.addItem(self.bursts)
        self.trail = Polyline(pg.mkPen(INK, width=1.5, style=Qt.PenStyle.DotLine))
        self.trail.setZValue(24)
        self.addItem(self.trail)
        self.old_means = Dots(size=13, symbol="x", pen=pg.mkPen(INK))
        self.old_means.setZValue(25)
        self.addItem(self.old_means)
        self.mean_mark, self.arrow_shaft, self.arrow_head = self.mean_and_arrow(24, 20)
        self.arrow_text = pg.TextItem(color=INK, anchor=(0, 1), fill=pg.mkBrush(255, 255, 255, 190))
        self.arrow_text.setFont(font(11, bold=True))
        self.arrow_text.setZValue(33)
        self.addItem(self.arrow_text)

        self.shift_shaft = Segment(pg.mkPen(INK, width=2.5, style=Qt.PenStyle.DashLine))
        self.shift_head = pg.ArrowItem(pen=pg.mkPen(INK), brush=pg.mkBrush(INK), headLen=12)
        self.shift_shaft.setZValue(34)
        self.shift_head.setZValue(34)
        self.shift_head.setVisible(False)
        self.addItem(self.shift_shaft)
        self.addItem(self.shift_head)

        self.aim_item = pg.TargetItem(
            pos=(0.0, 0.0),
            size=28,
            symbol="crosshair",
            pen=pg.mkPen(INK, width=3),
            hoverPen=pg.mkPen(VERMILION, width=4),
            brush=pg.mkBrush(255, 255, 255, 150),
            hoverBrush=pg.mkBrush(255, 255, 255, 220),
            movable=True,
            label=" ",
            labelOpts={
                "color": INK,
                "offset": (14, -14),
                "anchor": (0, 1),
                "fill": pg.mkBrush(255, 255, 255, 200),
            },
        )
        self.aim_item.label().setFont(font(11, bold=True))
        self.aim_item.setZValue(40)
        self.aim_item.sigPositionChangeFinished.connect(self.drop_aim)
        self.addItem(self.aim_item)

        self.wind_shaft = Segment(pg.mkPen(INK, width=3))
        self.wind_head = pg.ArrowItem(pen=pg.mkPen(INK), brush=pg.mkBrush(INK), headLen=14)
        self.wind_text = pg.TextItem(color=INK, anchor=(0, 0))
        self.wind_text.setFont(font(11, bold=True))
        self.wind_text.setPos(-TARGET_EDGE + 0.5, TARGET_EDGE - 0.5)
        for item in (self.wind_shaft, self.wind_head, self.wind_text):
            item.setZValue(3)
            self.addItem(item)
        self.mean_text = pg.TextItem(color=INK, anchor=(1.15, -0.15))
        self.mean_text.setFont(font(11, bold=True))
        self.mean_text.setZValue(33)
        self.addItem(self.mean_text)

    def retranslate(self) -> None:
        self._wind_drawn = None
        self.aim_item.label().setText(translate("RifleView", "aim (drag me)"))
        self.setAccessibleName(translate("RifleView", "Target with the bullet holes"))

    @property
    def holes(self) -> np.ndarray:
        """Every hole drawn, oldest first (worked out when asked, not every frame)."""
        if not self._records:
            return np.zeros((0, 2))
        return np.vstack([r.forward.impacts for r in self._records])

    @property
    def hole_steps(self) -> np.ndarray:
        """The step of each hole in ``holes``."""
        if not self._records:
            return np.zeros(0, dtype=int)
        return np.concatenate([np.full(len(r.forward.impacts), r.step) for r in self._records])

    # --- drawing ----------------------------------------------------------------------------
    def draw(self, trainer: Trainer, records: list) -> None:
        """Everything on the target for ``trainer``; ``records`` are its ``burst_records``."""
        self._records = list(records)
        coloured = records[-BURSTS_SHOWN:]
        self._draw_older(records[: len(records) - len(coloured)])
        if not _same(self._bursts_shown, coloured):
            self._bursts_shown = list(coloured)
            self.bursts.set_bursts(coloured)
        self._draw_means(coloured)
        self._draw_latest(records[-1] if records else None)
        self._draw_aim(trainer)
        self._draw_wind(trainer.model)

    def _draw_older(self, older: list) -> None:
        """The grey holes of every burst before the coloured ones. In a run the list loses its
        oldest bursts and gains the newest: the array keeps the rows of the bursts still in
        it and appends the new ones (rebuilt when the records are others: Back, a reset)."""
        before = self._older
        if _same(before, older):
            return
        start = None
        if before and older:  # where the first of them was: steps follow one another
            k = older[0].step - before[0].step
            if 0 <= k < len(before) and before[k] is older[0]:
                start = k
            else:
                start = next((k for k, r in enumerate(before) if r is older[0]), None)
        kept = 0 if start is None else len(before) - start
        if start is not None and kept <= len(older) and _same(before[start:], older[:kept]):
            counts = [self._older_rows[start:]]
            parts = [self._older_xy[int(self._older_rows[:start].sum()) :]]
            first = self._older_first + start
        else:
            kept, counts, parts = 0, [], []
            first = self._next_burst  # other records: new numbers
        new = [r.forward.impacts for r in older[kept:]]
        parts += new
        counts.append(np.fromiter(map(len, new), dtype=int, count=len(new)))
        xy = np.concatenate(parts) if parts else np.zeros((0, 2))
        rows = np.concatenate(counts)
        self._older, self._older_rows, self._older_xy = list(older), rows, xy
        self._older_first, self._next_burst = first, first + len(older)
        self.old_holes.set_bursts(first, rows, xy)

    def _draw_means(self, coloured: list) -> None:
        """Each earlier burst's mean impact (an x in the burst's colour) and their trail."""
        done = [r for r in coloured if r.gradient is not None]
        earlier = done[:-1] if done and done[-1] is coloured[-1] else done
        before_done, before_coloured = self._means
        if _same(before_done, done) and _same(before_coloured, coloured):
            return
        self._means = (done, list(coloured))
        if done:
            means = np.array([r.forward.mean for r in done])
            self.trail.setData(means[:, 0], means[:, 1])
        else:
            self.trail.setData([], [])
        if earlier:
            n = len(coloured)
            brushes = []
            for r in earlier:
                age = n - 1 - coloured.index(r)
                brushes.append(self.bursts.style(r.step, age)[3][0])  # its colour
            means = np.array([r.forward.mean for r in earlier])
            self.old_means.setData(means[:, 0], means[:, 1], brush=brushes)
        else:
            self.old_means.setData([], [])

    def _draw_latest(self, latest) -> None:
        """The latest burst's mean impact and the -gradient arrow (once BACKWARD computed it)."""
        self.arrow = np.zeros(2)
        if latest is None or latest.gradient is None:  # FORWARD, LOSS: no gradient yet
            if len(self.mean_mark.getData()[0]):
                self.mean_mark.setData([], [])
            self.draw_arrow(self.arrow_shaft, self.arrow_head, None, None)
            show(self.arrow_text, False)
            show(self.mean_text, False)
            return
        mean = latest.forward.mean
        self.arrow = -np.asarray(latest.gradient, dtype=float)
        x, y = self.mean_mark.getData()
        if len(x) != 1 or (x[0], y[0]) != (mean[0], mean[1]):
            self.mean_mark.setData([mean[0]], [mean[1]])
        self.draw_arrow(self.arrow_shaft, self.arrow_head, mean, mean + self.arrow)
        # the words only beside a long arrow (hidden, they are not moved: a moved item costs
        # the scene an index update and new bounds each frame)
        words = float(np.hypot(*self.arrow)) > 12
        if words:
            mid = mean + 0.5 * self.arrow
            self.arrow_text.setPos(mid[0], mid[1])
            set_words(self.arrow_text, translate("RifleView", "−gradient"))
            set_words(self.mean_text, translate("RifleView", "mean"))
            self.mean_text.setPos(mean[0], mean[1])
        show(self.arrow_text, words)
        show(self.mean_text, words)

    def show_aim_words(self, on: bool) -> None:
        """Show or hide the aim's words ("aim (drag me)"). Hidden while a run moves the aim:
        a drag then would start the run again from there, and the words moving with the aim
        every frame cost 0.3 ms of a fast run's frame."""
        show(self.aim_item.label(), on)

    def _draw_aim(self, trainer: Trainer) -> None:
        if not self.aim_item.moving:
            self.place_aim(float(trainer.params[0]), float(trainer.params[1]))
        r = trainer.record
        if trainer.phase is Phase.UPDATE and r is not None and r.new_params is not None:
            self.aim_shift = np.asarray(r.new_params - r.params, dtype=float)
            self.draw_arrow(self.shift_shaft, self.shift_head, r.params, r.new_params)
        else:
            self.aim_shift = np.zeros(2)
            self.draw_arrow(self.shift_shaft, self.shift_head, None, None)

    def _draw_wind(self, model: Rifle) -> None:
        vb = self.getPlotItem().getViewBox()  # (the arrow's head is sized in pixels)
        key = (model.wind, model.wind_direction, vb.width(), vb.height())
        if key == self._wind_drawn:  # (forgotten on a language switch)
            return
        self._wind_drawn = key
        if model.wind <= 0:
            set_words(self.wind_text, translate("RifleView", "no wind"))
            self.draw_arrow(self.wind_shaft, self.wind_head, None, None)
            return
        text = translate("RifleView", "wind {cm} cm").format(cm=fmt(model.wind, 2))
        set_words(self.wind_text, text)
        a = math.radians(model.wind_direction)
        d = np.array([math.cos(a), math.sin(a)])
        centre = np.array([-TARGET_EDGE + 8.0, TARGET_EDGE - 13.0])
        self.draw_arrow(self.wind_shaft, self.wind_head, centre - 5 * d, centre + 5 * d)

    # --- the aim, dragged by hand -------------------------------------------------------------
    def drop_aim(self, *_args) -> None:
        """Take the aim where it was dropped (rounded to mm, within bounds) and say so."""
        pos = self.aim_item.pos()
        x = round(min(max(float(pos[0]), -AIM_LIMIT), AIM_LIMIT), 1)
        y = round(min(max(float(pos[1]), -AIM_LIMIT), AIM_LIMIT), 1)
        self.place_aim(x, y)
        self.aimDropped.emit(x, y)

    def place_aim(self, x: float, y: float) -> None:
        """Move the aim without a drop (its signals blocked)."""
        self.aim_item.blockSignals(True)
        self.aim_item.setPos(x, y)
        self.aim_item.blockSignals(False)
        # the label on the side facing the centre, so it stays on the picture
        right, high = x <= 0, y > 0.7 * AIM_LIMIT
        if (right, high) == self._aim_side:
            return
        self._aim_side = (right, high)
        label = self.aim_item.label()
        label.offset = pg.Point(16 if right else -16, -12 if high else 12)
        label.setAnchor((0 if right else 1, 0 if high else 1))
        label.viewTransformChanged()
