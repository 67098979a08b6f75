"""The number line of Guess the number: every guess top-down in order, B's words beside each.

One ``NumberLine`` shows the game; the race shows two side by side (gdstudio.qt.tabs.guess_race).
It draws what it is given and holds no words of its own: the view passes B's answers in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPolygonF, QStaticText, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsTextItem,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gdstudio.qt.common import BLUE, GREY, INK, ORANGE, VERMILION, font
from gdstudio.qt.items import Dots, Polyline
from gdstudio.qt.steady import SteadyBox

MAX_ROWS = 16  # guesses shown at once on a number line; earlier ones scroll off the top
MIN_ROWS = 4
ROW_PX = 34  # vertical room one guess needs (label text plus air)
LABEL_PT, LATEST_PT = 13, 15
LABEL_FILL = pg.mkBrush(255, 255, 255, 215)  # labels stay readable over the dashed path


def _nice_steps():
    """1, 2, 5, 10, 20, 50, 100 ... (tick spacings that read well)."""
    k = 1
    while True:
        for f in (1, 2, 5):
            yield f * k
        k *= 10


class RowNumbers(QGraphicsItem):
    """The row numbers ("#k") beside the number line, drawn where the left axis would write its
    tick labels and looking the same.

    The rows scroll on every step of a run, so the left axis would build its ticks and picture
    anew for each frame; this item only draws a few strings. The axis keeps its line (from a
    pixmap) and no ticks. Lives in the axis's coordinates, as a child of it.
    """

    TEXT_OFFSET = 5  # AxisItem's tickTextOffset for a vertical axis
    FLOW = 15  # texts may flow this far past the axis's ends (as the axis allows)

    def __init__(self, axis: pg.AxisItem, vb: pg.ViewBox):
        super().__init__(axis)
        self._axis, self._vb = axis, vb
        self.ticks: list[tuple[float, str]] = []  # (row's y value, text), as setTicks takes them
        self._sizes: dict[str, tuple[float, float]] = {}
        self._key: tuple | None = None
        self._rect = QRectF()
        axis.geometryChanged.connect(self._resized)
        self._resized()

    def _resized(self) -> None:
        self.prepareGeometryChange()
        self._rect = self._axis.mapRectFromParent(self._axis.geometry())
        self.update()

    def set_ticks(self, ticks: list[tuple[float, str]]) -> None:
        """Show these rows (redrawn only when they or the view's range changed)."""
        key = (ticks, tuple(self._vb.viewRange()[1]))
        if key != self._key:
            self.ticks, self._key = ticks, key
            self.update()

    def boundingRect(self) -> QRectF:
        # one pixel more on the right: the ticks' dots sit on the axis's edge
        return self._rect.adjusted(0, -self.FLOW, 1, self.FLOW)

    def paint(self, p: QPainter, *args) -> None:
        bounds = self._rect
        low, high = self._vb.viewRange()[1]
        if not self.ticks or high == low or bounds.height() <= 0:
            return
        tick_font = self._axis.style["tickFont"]
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        scale = -bounds.height() / (high - low)  # as AxisItem computes it, to the last bit
        offset = low * scale - bounds.height()
        ys = [(v, v * scale - offset) for v, _ in self.ticks]
        # the zero-length ticks: a dot at each row on the axis's edge, as the axis draws them
        p.setPen(self._axis.tickPen())
        x = bounds.right()
        for _, y in ys:
            if 0 <= y <= bounds.height():
                p.drawLine(QPointF(x, y), QPointF(x, y))
        if tick_font is not None:
            p.setFont(tick_font)
        p.setPen(self._axis.textPen())
        box = self._rect.adjusted(0, -self.FLOW, 0, self.FLOW)
        p.setClipRect(box.toAlignedRect())
        metrics = QFontMetricsF(p.font())
        right = bounds.right() - max(0, self._axis.style["tickLength"]) - self.TEXT_OFFSET
        flags = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        flags |= int(Qt.TextFlag.TextDontClip)
        for (_, y), (_, text) in zip(ys, self.ticks, strict=True):
            size = self._sizes.get(text)
            if size is None:
                br = metrics.boundingRect(
                    QRectF(0, 0, 100, 100), Qt.AlignmentFlag.AlignCenter, text
                )
                size = self._sizes[text] = (br.width(), br.height() * 0.8)
                if len(self._sizes) > 4 * MAX_ROWS:
                    self._sizes.clear()
            rect = QRectF(right - size[0], y - size[1] / 2, size[0], size[1])
            if box & rect == rect:  # only whole texts, as the axis does
                p.drawText(rect, flags, text)


def font_key_of(f: QFont) -> str:
    """What tells fonts apart for the layouts kept of words (a font's key() leaves out its
    fallback families, which follow the language)."""
    return f"{f.key()};{';'.join(f.families())}"


class Label(NamedTuple):
    """One label of ``Words``: its text in ``font``, beside the point (x, y) of the view;
    ``anchor`` is the part of its box at x (0: the left edge, 1: the right edge), its middle
    height is at y."""

    text: str
    font: QFont
    x: float
    y: float
    anchor: float
    font_key: str = ""  # font_key_of(font) (the layouts are kept by it)

    @property
    def bold(self) -> bool:
        return self.font.bold()


class Words(pg.GraphicsObject):
    """B's words beside the guesses: every label of a number line drawn by this one item.

    A label looks as a ``pg.TextItem(color=colour, fill=fill)`` of its font draws it: the
    words on a translucent white box (a TextItem's box: the words and a margin). The words'
    layout is made once per wording and font and kept (a QStaticText), so a frame of a run, in
    which every row scrolls by one, only draws. (A TextItem per label was moved, re-laid out
    and re-cached on each frame: scene bookkeeping for every label.) Lives in the view's
    coordinates: a label's place is its row's centre in data units; the boxes are unscaled
    and start at whole device pixels, as a TextItem cached in device coordinates is drawn.
    """

    _layouts: dict = {}  # (text, font key) -> QStaticText
    _sizes: dict = {}  # (text, font key) -> the label's box (width, height) in pixels

    def __init__(self, vb: pg.ViewBox, colour=INK, fill=LABEL_FILL):
        super().__init__()
        self._vb = vb
        self.colour, self.fill = pg.mkColor(colour), pg.mkBrush(fill)
        self._writer = QGraphicsTextItem()  # lays out words as a TextItem's child does
        self._margin = self._writer.document().documentMargin()
        self.shown: list[Label] = []  # the labels drawn, top to bottom
        self._bounds: QRectF | None = None
        self.laid_out = 0  # wordings laid out so far (a frame lays out only its new ones)

    def size(self, text: str, f: QFont, font_key: str = "") -> tuple[float, float]:
        """The box of ``text`` written in ``f`` (``font_key``: its font_key_of, if known)."""
        key = (text, font_key or font_key_of(f))
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > 1000:
                self._sizes.clear()
            w = self._writer
            w.setFont(f)
            w.setPlainText(text)
            r = w.boundingRect()
            size = self._sizes[key] = (r.width(), r.height())
        return size

    def layout(self, text: str, f: QFont, font_key: str = "") -> QStaticText:
        key = (text, font_key or font_key_of(f))
        words = self._layouts.get(key)
        if words is None:
            if len(self._layouts) > 1000:
                self._layouts.clear()
            words = self._layouts[key] = QStaticText(text)
            words.setTextFormat(Qt.TextFormat.PlainText)
            words.prepare(QTransform(), f)
            self.laid_out += 1
        return words

    def set_labels(self, labels: list[Label]) -> None:
        """Draw these labels (top to bottom); a repaint only if they changed."""
        if labels != self.shown:
            self.shown = labels
            self.update()

    def texts(self) -> list[str]:
        return [label.text for label in self.shown]

    def _boxes(self, t: QTransform):
        """Each label and its box, placed by ``t`` (from the view's coordinates)."""
        for label in self.shown:
            w, h = self.size(label.text, label.font, label.font_key)
            at = t.map(QPointF(label.x, label.y))
            yield label, QRectF(at.x() - label.anchor * w, at.y() - h / 2, w, h)

    def scene_rects(self) -> list[QRectF]:
        """Each label's box in the scene, top to bottom (before the rounding to whole device
        pixels)."""
        return [box for _, box in self._boxes(self.sceneTransform())]

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            self._bounds = self._vb.viewRect()  # the labels are clipped to the view anyway
        return self._bounds

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()
        self._bounds = None

    def paint(self, p: QPainter, *args) -> None:
        if not self.shown:
            return
        widget = args[1] if len(args) > 1 else None
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        t = p.transform()
        p.resetTransform()  # in the widget's pixels: the words are not scaled with the view
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        margin, last_font = self._margin, None
        for label, box in self._boxes(t):
            # as TextItem.paint: the box (antialiased, no border), then its child the words
            box.moveTo(math.floor(box.x() * dpr) / dpr, math.floor(box.y() * dpr) / dpr)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.fill)
            p.drawPolygon(QPolygonF(box))
            if label.font_key != last_font:
                p.setFont(label.font)
                last_font = label.font_key
            p.setPen(self.colour)
            words = self.layout(label.text, label.font, label.font_key)
            p.drawStaticText(QPointF(box.x() + margin, box.y() + margin), words)


class NumberLine(QWidget):
    """One number line: a title over a plot of the guesses, top-down in order, B's words beside.

    Items are created once and updated with setData / setText. The newest guess is a large
    diamond (a star when it is correct) with bold words; older ones are small dots. When more
    guesses than ``rows`` were made, the line shows the latest ``rows`` (the title says so).
    The title is a QLabel, not a plot title: a long one wraps instead of widening the plot.
    """

    def __init__(
        self, name: str, label_pt: float = LABEL_PT, latest_pt: float = LATEST_PT, parent=None
    ):
        super().__init__(parent)
        self.setObjectName(f"{name}Panel")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.title = QLabel()
        self.title.setObjectName(f"{name}Title")
        self.title.setFont(font(13))
        # one line that may be cut when narrow: a wrapping label would ask the frame's splitter
        # for height-for-width and squeeze the lesson panel
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("QLabel { background: white; color: #202020; padding: 2px; }")
        self.widget = pg.PlotWidget()
        self.widget.setObjectName(name)
        self.widget.setBackground("w")
        # a new title (a few a second while running) must not lay out the window: SteadyBox;
        # one line, as wide as the box allows and never wider
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        box.addWidget(SteadyBox(self.title, background=QColor(Qt.GlobalColor.white)))
        box.addWidget(self.widget, 1)
        self.plot = plot = self.widget.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.vb.setMouseEnabled(x=False, y=False)
        bottom = plot.getAxis("bottom")
        bottom.setPen(pg.mkPen(INK, width=2))
        bottom.setTextPen(pg.mkPen(INK))
        bottom.setStyle(tickFont=font(13))
        left = plot.getAxis("left")
        left.setPen(pg.mkPen(GREY))
        left.setTextPen(pg.mkPen(INK))
        left.setStyle(tickFont=font(11), tickLength=0)
        self._axis_width = 0
        # the axis keeps its line and draws no ticks: the row numbers scroll on every step of a
        # run and are drawn by RowNumbers; the axis need not follow the view's range at all
        left.setTicks([[]])
        plot.vb.sigYRangeChanged.disconnect(left.linkedViewChanged)
        left.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.row_numbers = RowNumbers(left, plot.vb)
        # light items: the path, the dots and the words change on every step of a run
        self.path = Polyline(pg.mkPen(GREY, width=2, style=Qt.PenStyle.DashLine))
        plot.addItem(self.path)
        self.dots = Dots(size=15, brush=pg.mkBrush(BLUE), pen=pg.mkPen("w"))
        self.latest = Dots(
            size=26, symbol="d", brush=pg.mkBrush(ORANGE), pen=pg.mkPen(INK, width=2)
        )
        self.secret_line = pg.InfiniteLine(
            angle=90, pen=pg.mkPen(VERMILION, width=3, style=Qt.PenStyle.DashLine)
        )
        self.secret_text = pg.TextItem(color=VERMILION, anchor=(0.5, 0), fill=LABEL_FILL)
        self.secret_text.setFont(font(14, bold=True))
        self.prompt = pg.TextItem(color=INK, anchor=(0.5, 0.5))
        self.prompt.setFont(font(16, bold=True))
        for item in (self.secret_line, self.dots, self.latest, self.secret_text, self.prompt):
            plot.addItem(item)
        self.dots.setZValue(10)
        self.latest.setZValue(11)
        self.words = Words(plot.vb)  # B's words beside each guess
        self.words.setZValue(5)  # under the dots: a label never hides a guess
        plot.addItem(self.words)
        self.label_pt, self.latest_pt = label_pt, latest_pt
        self.secret_text.setZValue(6)
        # what stays put between frames is painted from pixmaps: the number axis, the words
        # (Words keeps the layout of each wording) and the secret's name. The row numbers, the
        # path and the dots change on every step of a run, so they are drawn directly.
        cache = QGraphicsItem.CacheMode.DeviceCoordinateCache
        bottom.setCacheMode(cache)
        for t in (self.secret_text, self.prompt):
            t.setCacheMode(cache)  # the white fill behind the words
            t.textItem.setCacheMode(cache)
        self.guesses = np.zeros(0)  # every guess drawn, oldest first (tests read it)
        self.answers: list[str | None] = []  # B's words for each (None: not answered yet)
        self.first = 0  # index of the oldest guess in view
        # what the last show() set, so the next one skips what is unchanged
        self._bottom_key: tuple | None = None
        self._data: dict[str, tuple] = {}
        self._placed: list[tuple | None] = [None] * MAX_ROWS

    def visible_labels(self) -> list[str]:
        """The texts written beside the guesses in view, top to bottom."""
        return [t.strip() for t in self.words.texts()]

    def show(
        self,
        guesses: Sequence[float],
        answers: Sequence[str | None],
        low: int,
        high: int,
        secret: int | None,
        rows: int,
        found: bool = False,
        secret_words: str = "",
        prompt: str = "",
        offset: int = 0,
    ) -> None:
        """Draw ``guesses`` (the latest ones: ``offset`` earlier guesses are not passed) with
        B's ``answers`` beside them.

        Runs on every frame of a run, so it only touches what changed: the range, the ticks,
        each label's font, text and side are set again only when they differ from the last
        frame's. Label ``k`` shows every guess whose number is ``k`` modulo the label count,
        so as the rows scroll up a label keeps its words and merely moves.
        """
        g = np.asarray(guesses, dtype=float)
        n = len(g)
        rows = max(MIN_ROWS, min(MAX_ROWS, rows))
        first = max(0, n - rows)
        self.guesses, self.answers, self.first = g, list(answers), first
        ys = -np.arange(n, dtype=float)  # one row per guess: the order reads top-down
        pad = max(1.0, 0.05 * (high - low))
        top, bottom = -first + 1.25, -(first + rows - 1) - 0.6  # room for the secret's name
        x0, x1 = low - pad, high + pad
        if self.plot.vb.state["targetRange"] != [[x0, x1], [bottom, top]]:
            self.plot.setRange(xRange=(x0, x1), yRange=(bottom, top), padding=0)
        self._number_ticks(low, high)
        above = max(0, first - 1)  # the path comes in from the scrolled-away guesses
        self._set_data(self.path, "path", g[above:], ys[above:])
        self._set_data(self.dots, "dots", g[first:-1], ys[first:-1])
        self._set_data(
            self.latest,
            "latest",
            g[-1:],
            ys[-1:],
            symbol="star" if found else "d",
            size=30 if found else 26,
        )
        left = self.plot.getAxis("left")
        ticks = [(-i, f"#{offset + i + 1}") for i in range(first, n)]
        self.row_numbers.set_ticks(ticks)
        width = 16 + 9 * len(f"#{max(offset + n, 1)}")  # the guess numbers fit, however many
        if width != self._axis_width:
            self._axis_width = width
            left.setWidth(width)
        px = self.plot.vb.viewPixelSize()[0] or (x1 - x0) / 400  # data units per pixel
        fonts = [(f, font_key_of(f)) for f in (font(self.label_pt), font(self.latest_pt, True))]
        labels = []
        for j in range(first, n):
            newest = j == n - 1
            words = answers[j] if j < len(answers) else None
            texts = (f"{int(g[j])}",) if not words else (f"{int(g[j])} — {words}", words)
            k = (offset + j) % MAX_ROWS
            labels.append(self._place(k, texts, fonts[newest], newest, g[j], ys[j], px, x0, x1))
        self.words.set_labels(labels)
        shown = secret is not None
        self.secret_line.setVisible(shown)
        self.secret_text.setVisible(shown)
        if shown:
            self.secret_line.setPos(secret)
            self.secret_text.setText(secret_words)
            half = self.secret_text.textItem.boundingRect().width() * px / 2
            self.secret_text.setPos(min(max(secret, x0 + half), x1 - half), top)
        self.prompt.setVisible(bool(prompt))
        if prompt:
            self.prompt.setText(prompt)
            self.prompt.setPos((low + high) / 2, (top + bottom) / 2)

    def _set_data(self, item, name: str, x: np.ndarray, y: np.ndarray, **style) -> None:
        """``item.setData`` unless it already shows these points in this style."""
        last = self._data.get(name)
        if (
            last is not None
            and last[2] == style
            and np.array_equal(last[0], x)
            and np.array_equal(last[1], y)
        ):
            return
        self._data[name] = (x.copy(), y.copy(), style)
        item.setData(x, y, **style)

    def _place(self, k: int, texts, fonts, newest: bool, x: float, y: float, px, x0, x1):
        """The label beside the dot at (x, y) (``fonts``: its font and the font's key). Guess
        ``k`` modulo MAX_ROWS keeps its place in ``_placed`` as the rows scroll: its side is
        worked out again only when something changed."""
        f, font_key = fonts
        key = (texts, font_key, newest, x, px, x0, x1)
        done = self._placed[k]
        if done is None or done[0] != key:
            gap = px * (20 if newest else 13)
            done = self._placed[k] = (
                key,
                *self._beside(self.words, texts, fonts, x, gap, px, x0, x1),
            )
        return Label(done[1], f, done[3], y, done[2], font_key)

    def _number_ticks(self, low: int, high: int) -> None:
        """Whole-number ticks spaced so their labels never run together, whatever the width."""
        width = self.plot.vb.width() or 400
        if (low, high, width) == self._bottom_key:
            return
        self._bottom_key = (low, high, width)
        digits = len(str(max(abs(low), abs(high)))) + (low < 0)
        fits = max(2, int(width // (24 + 10 * digits)))  # labels that fit side by side
        span = max(high - low, 1)
        step = next(s for s in _nice_steps() if span / s <= fits)
        minor_step = step // 5 if step % 5 == 0 else step // 2
        if minor_step < 1 or span / minor_step > width / 6:
            minor_step = 0
        values = list(range(-(-low // step) * step, high + 1, step))
        for end in (low, high):  # the range's ends, unless a tick is already close to them
            if all(abs(end - v) >= step / 2 for v in values):
                values.append(end)
        major = [(v, str(v)) for v in sorted(values)]
        minor = []
        if minor_step:
            minor = [
                (v, "") for v in range(-(-low // minor_step) * minor_step, high + 1, minor_step)
            ]
        self.plot.getAxis("bottom").setTicks([major, minor])

    @staticmethod
    def _beside(words: Words, texts, fonts, x: float, gap: float, px, x0, x1):
        """Write a label beside its dot, on a side where it fits (the roomier side first);
        returns the label's text, anchor and x.

        ``texts`` are the label's wordings, longest first: a narrow line drops the number
        (the dot's place on the axis shows it) rather than cover the dot.
        """
        f, font_key = fonts
        room_left, room_right = x - gap - x0, x1 - x - gap
        sides = ("left", "right") if room_left > room_right else ("right", "left")
        side = None
        for text in texts:
            width = words.size(text, f, font_key)[0] * px
            side = next((s for s in sides if width <= (room_left, room_right)[s == "right"]), None)
            if side is not None:
                break
        if side == "left":
            return text, 1.0, x - gap
        if side == "right":
            return text, 0.0, x + gap
        # fits on neither side: keep it whole inside the line, over its dot
        return text, 0.0, max(x0, min(x - width / 2, x1 - width))

    def rows_that_fit(self) -> int:
        h = self.plot.vb.height()
        # the rows plus the margins above (the secret's name) and below take 0.85 rows more
        return int(h / ROW_PX - 0.85) if h > 0 else 8
