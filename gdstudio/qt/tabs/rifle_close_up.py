"""The close-up beside the rifle's target: the latest burst, framed, its shots numbered like the
one-line-per-shot words, with its mean impact and the -gradient arrow.

``CloseUp`` is the side column (title over the close-up plot); the rifle view may put the shot
list into it (``layout()``: title, plot, [words], stretch). Texts keep the ``RifleView``
translation context.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gdstudio.qt.common import INK, ORANGE, font, translate
from gdstudio.qt.items import Dots
from gdstudio.qt.tabs.rifle_target import TargetPlot, burst_look, set_words, show
from gdstudio.scenarios.rifle import RING_WIDTH


class CloseUp(QWidget):
    """``title`` over ``plot``; ``numbers`` are the shot numbers written beside the holes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("closeUpColumn")
        side = QVBoxLayout(self)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(4)
        self.title = QLabel(self)
        self.title.setObjectName("closeUpTitle")
        self.title.setFont(font(12, bold=True))
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        side.addWidget(self.title)
        self.plot = TargetPlot("closeUpPlot", self, cached=False)  # its range moves
        self.plot.setMinimumSize(120, 120)
        side.addWidget(self.plot, 1)
        side.addStretch(0)

        c = self.plot
        self.holes = Dots()
        self.holes.setZValue(20)
        c.addItem(self.holes)
        self.mean, self.shaft, self.head = c.mean_and_arrow(22, 16)
        self._shown = None  # (the record drawn, its phase and the plot's size, the arrow)
        self._framed = None  # the range asked for and the plot's size
        # the range's centre is moved (by under half a pixel) to put the bullseye on a whole
        # pixel: the rings' face is then drawn from an image kept while the scale stays. For
        # the last scale: (half widths, plot size, pixels per cm, the bullseye's place on the
        # screen less the centre's offset, x and y)
        self._snap = None
        # a new size moves the bullseye off its whole pixel: snap it again
        c.getPlotItem().getViewBox().sigResized.connect(self._resized)
        self.numbers: list[pg.TextItem] = []
        for _ in range(10):
            t = pg.TextItem(color=INK, anchor=(-0.15, 1.0))
            t.setFont(font(11, bold=True))
            t.setZValue(35)
            c.addItem(t)
            self.numbers.append(t)

    def retranslate(self) -> None:
        self.plot.setAccessibleName(translate("RifleView", "Close-up of the latest burst"))
        mark = "<span style='color:{c}'>{g}</span>"
        self.title.setText(
            "<b>{title}</b><br>{mean}&nbsp;{mean_text} &nbsp; {arrow}&nbsp;{arrow_text}".format(
                title=translate("RifleView", "Close-up: the latest burst"),
                mean=mark.format(c=ORANGE.name(), g="✖"),
                mean_text=translate("RifleView", "mean"),
                arrow=mark.format(c=ORANGE.name(), g="➜"),
                arrow_text=translate("RifleView", "−gradient"),
            )
        )

    def draw(self, latest, arrow: np.ndarray) -> None:
        """The burst of the record ``latest`` (None: an empty close-up); ``arrow`` is minus its
        gradient, drawn from its mean impact once it is known. Nothing is redone while the
        record, its phase (its gradient) and the plot's size are those last drawn."""
        c = self.plot
        key = (None if latest is None else latest.gradient is None, c.width(), c.height())
        shown = self._shown
        if shown is not None and shown[0] is latest and shown[1] == key:
            if np.array_equal(arrow, shown[2]):
                return
        self._shown = (latest, key, np.array(arrow, dtype=float))
        if latest is None:
            self.holes.setData([], [])
            self.mean.setData([], [])
            c.draw_arrow(self.shaft, self.head, None, None)
            for t in self.numbers:
                show(t, False)
            self._frame(-8, 8, -8, 8)
            return
        imp = latest.forward.impacts
        mean = latest.forward.mean
        # frame the burst; bring the bullseye in when the burst is near it
        points = np.vstack([imp, mean[None, :]])
        if float(np.hypot(*mean)) < 3 * RING_WIDTH:
            points = np.vstack([points, np.zeros((1, 2))])
        lo, hi = points.min(axis=0), points.max(axis=0)
        centre = 0.5 * (lo + hi)
        half = max(6.0, 0.6 * float(np.max(hi - lo)) + 2.0)
        self._frame(centre[0] - half, centre[0] + half, centre[1] - half, centre[1] + half)
        colour, symbol = burst_look(latest.step, 0)
        self.holes.setData(
            imp[:, 0],
            imp[:, 1],
            symbol=symbol,
            size=18,
            brush=pg.mkBrush(colour),
            pen=pg.mkPen(INK, width=2),
        )
        for i, t in enumerate(self.numbers):
            if i < len(imp):
                set_words(t, str(i + 1))
                t.setPos(imp[i, 0], imp[i, 1])
            show(t, i < len(imp))
        if latest.gradient is None:
            self.mean.setData([], [])
            c.draw_arrow(self.shaft, self.head, None, None)
        else:
            self.mean.setData([mean[0]], [mean[1]])
            c.draw_arrow(self.shaft, self.head, mean, mean + arrow, 16.0)

    def _frame(self, x0: float, x1: float, y0: float, y1: float) -> None:
        """Show this rectangle, moved by under half a pixel so that the bullseye falls on a
        whole pixel (a new range only when it is another: a range change redoes every item's
        placement)."""
        vb = self.plot.getPlotItem().getViewBox()
        size = (vb.width(), vb.height())
        framed = (x0, x1, y0, y1, *size)
        if self._framed == framed:
            return
        self._framed = framed
        cx, cy, hx, hy = 0.5 * (x0 + x1), 0.5 * (y0 + y1), 0.5 * (x1 - x0), 0.5 * (y1 - y0)
        snap = self._snap
        if snap is not None and snap[:3] == (hx, hy, size):
            # the same scale: the bullseye's place for this centre is known, move it to the
            # nearest whole pixel
            s, ax, ay = snap[3:]
            cx = (ax - round(ax - cx * s)) / s
            cy = (round(ay + cy * s) - ay) / s
        self._show(cx, cy, hx, hy)
        t = self.plot.rings.deviceTransform(self.plot.viewportTransform())
        s = t.m11()
        if s <= 0 or abs(t.m22() + s) > 1e-9 * s:
            self._snap = None  # (not a plain scale: no image of the face is kept anyway)
            return
        ax, ay = t.dx() + cx * s, t.dy() - cy * s
        self._snap = (hx, hy, size, s, ax, ay)
        if abs(t.dx() - round(t.dx())) > 1e-6 or abs(t.dy() - round(t.dy())) > 1e-6:
            self._show((ax - round(t.dx())) / s, (round(t.dy()) - ay) / s, hx, hy)

    def _resized(self, *_args) -> None:
        if self._framed is not None:
            self._frame(*self._framed[:4])

    def _show(self, cx: float, cy: float, hx: float, hy: float) -> None:
        vb = self.plot.getPlotItem().getViewBox()
        vb.setRange(xRange=(cx - hx, cx + hx), yRange=(cy - hy, cy + hy), padding=0)
        # move the items now, not when the paint begins: moved then, they ask for a second
        # paint of the whole close-up in the next round of the event loop
        vb.updateMatrix()
