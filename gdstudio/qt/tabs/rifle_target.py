"""The rifle's target picture: rings, every bullet hole by burst (older ones fading), each burst's
mean impact and their trail, the -gradient arrow, the aim's update step, the draggable aim and
the wind.

``TargetPlot`` is a bare target (rings and their numbers; the close-up uses it too);
``RangeTarget`` is the whole target of the rifle view. Target coordinates are cm from the
bullseye, +x right, +y up. Texts keep the ``RifleView`` translation context.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

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


class TargetPlot(pg.PlotWidget):
    """A target: the rings (numbered 1 outside to 10 in the bullseye) and a small cross."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setBackground("w")
        self.setAspectLocked(True)
        self.setMouseEnabled(x=False, y=False)
        item = self.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        item.hideAxis("left")
        item.hideAxis("bottom")
        for k in range(RINGS, 0, -1):
            radius = (RINGS - k + 1) * RING_WIDTH
            fill = QColor("#fde9a9") if k == RINGS else QColor("#f4f1e8" if k % 2 else "#e3dccb")
            disc = pg.QtWidgets.QGraphicsEllipseItem(-radius, -radius, 2 * radius, 2 * radius)
            disc.setBrush(pg.mkBrush(fill))
            disc.setPen(pg.mkPen("#8a8170", width=1.5, cosmetic=True))
            disc.setZValue(-20 + k)
            self.addItem(disc)
            # ring numbers left and right of the centre; the bullseye's just below it
            if k == RINGS:  # low in the bullseye, away from the centre's holes
                places = [(0.0, -0.75 * RING_WIDTH)]
            else:
                places = [(radius - RING_WIDTH / 2, 0.0), (-(radius - RING_WIDTH / 2), 0.0)]
            for x, y in places:
                label = pg.TextItem(str(k), color="#5b5342", anchor=(0.5, 0.5))
                label.setFont(font(10, bold=True))
                label.setPos(x, y)
                label.setZValue(-5)
                self.addItem(label)
        cross = pg.PlotDataItem(
            [-2, 2, 0, 0], [0, 0, -2, 2], pen=pg.mkPen(INK, width=1), connect="pairs"
        )
        cross.setZValue(-4)
        self.addItem(cross)

    def mean_and_arrow(self, size: float, head: float):
        """A burst's mean impact (an orange x) and the -gradient arrow (shaft and head)."""
        mean = pg.ScatterPlotItem(
            size=size, symbol="x", brush=pg.mkBrush(ORANGE), pen=pg.mkPen(INK, width=1.5)
        )
        mean.setZValue(30)
        shaft = self.plot(pen=pg.mkPen(ORANGE, width=5))
        shaft.setZValue(29)
        arrow = pg.ArrowItem(
            pen=pg.mkPen(INK, width=1), brush=pg.mkBrush(ORANGE), headLen=head, headWidth=head * 0.7
        )
        arrow.setZValue(31)
        arrow.setVisible(False)
        self.addItem(mean)
        self.addItem(arrow)
        return mean, shaft, arrow

    def draw_arrow(self, shaft, head, start, end, max_head: float = 20.0) -> None:
        """An arrow from start to end (None: hidden); its head never outgrows the arrow."""
        if start is None or float(np.hypot(*(end - start))) < 1e-9:
            shaft.setData([], [])
            head.setVisible(False)
            return
        shaft.setData([start[0], end[0]], [start[1], end[1]])
        vb = self.getPlotItem().getViewBox()
        (x0, x1), _ = vb.viewRange()
        pixels = float(np.hypot(*(end - start))) * vb.width() / max(x1 - x0, 1e-9)
        size = max(7.0, min(max_head, 0.5 * pixels))
        angle = 180.0 - math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))
        head.setStyle(angle=angle, headLen=size, headWidth=0.7 * size)
        head.setPos(end[0], end[1])
        head.setVisible(True)


class RangeTarget(TargetPlot):
    """The rifle view's target. After ``draw``: ``holes`` (every hole drawn, oldest first) and
    ``hole_steps`` (the step of each), ``arrow`` (minus the latest gradient, drawn from the
    mean impact) and ``aim_shift`` (new aim minus old aim in the UPDATE phase, else zero)."""

    #: the aim was dragged and dropped (or set by ``drop_aim``): x and y in cm, within bounds
    aimDropped = Signal(float, float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__("targetPlot", parent)
        r = TARGET_EDGE
        self.setRange(xRange=(-r, r), yRange=(-r, r), padding=0)
        self.holes = np.zeros((0, 2))
        self.hole_steps = np.zeros(0, dtype=int)
        self.arrow = np.zeros(2)
        self.aim_shift = np.zeros(2)

        self.old_holes = pg.ScatterPlotItem(
            size=7, brush=pg.mkBrush(127, 127, 127, 90), pen=None, symbol="o"
        )
        self.old_holes.setZValue(5)
        self.addItem(self.old_holes)
        self.burst_items: list[pg.ScatterPlotItem] = []  # index 0: the latest burst
        for i in range(BURSTS_SHOWN):
            s = pg.ScatterPlotItem()
            s.setZValue(20 - i)
            self.addItem(s)
            self.burst_items.append(s)
        self.trail = pg.PlotDataItem(pen=pg.mkPen(INK, width=1.5, style=Qt.PenStyle.DotLine))
        self.trail.setZValue(24)
        self.addItem(self.trail)
        self.old_means = pg.ScatterPlotItem(size=13, symbol="x")
        self.old_means.setZValue(25)
        self.addItem(self.old_means)
        self.mean_mark, self.arrow_shaft, self.arrow_head = self.mean_and_arrow(24, 20)
        self.arrow_text = pg.TextItem(color=INK, anchor=(0, 1), fill=pg.mkBrush(255, 255, 255, 190))
        self.arrow_text.setFont(font(11, bold=True))
        self.arrow_text.setZValue(33)
        self.addItem(self.arrow_text)

        self.shift_shaft = pg.PlotDataItem(pen=pg.mkPen(INK, width=2.5, style=Qt.PenStyle.DashLine))
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

        self.wind_shaft = pg.PlotDataItem(pen=pg.mkPen(INK, width=3))
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
        self.aim_item.label().setText(translate("RifleView", "aim (drag me)"))
        self.setAccessibleName(translate("RifleView", "Target with the bullet holes"))

    # --- drawing ----------------------------------------------------------------------------
    def draw(self, trainer: Trainer, records: list) -> None:
        """Everything on the target for ``trainer``; ``records`` are its ``burst_records``."""
        if records:
            self.holes = np.vstack([r.forward.impacts for r in records])
            self.hole_steps = np.concatenate(
                [np.full(len(r.forward.impacts), r.step) for r in records]
            )
        else:
            self.holes = np.zeros((0, 2))
            self.hole_steps = np.zeros(0, dtype=int)
        coloured = records[-BURSTS_SHOWN:]
        older = records[: len(records) - len(coloured)]
        if older:
            old = np.vstack([r.forward.impacts for r in older])
            self.old_holes.setData(old[:, 0], old[:, 1])
        else:
            self.old_holes.setData([], [])
        for age, item in enumerate(self.burst_items):
            j = len(coloured) - 1 - age
            if j < 0:
                item.setData([], [])
                continue
            rec = coloured[j]
            colour, symbol = burst_look(rec.step, age)
            imp = rec.forward.impacts
            item.setData(
                imp[:, 0],
                imp[:, 1],
                symbol=symbol,
                size=16 if age == 0 else 11,
                brush=pg.mkBrush(colour),
                pen=pg.mkPen(INK, width=2) if age == 0 else pg.mkPen("w", width=1),
            )
        self._draw_means(coloured)
        self._draw_latest(records[-1] if records else None)
        self._draw_aim(trainer)
        self._draw_wind(trainer.model)

    def _draw_means(self, coloured: list) -> None:
        """Each earlier burst's mean impact (an x in the burst's colour) and their trail."""
        done = [r for r in coloured if r.gradient is not None]
        if done:
            means = np.array([r.forward.mean for r in done])
            self.trail.setData(means[:, 0], means[:, 1])
        else:
            self.trail.setData([], [])
        earlier = done[:-1] if done and done[-1] is coloured[-1] else done
        if earlier:
            n = len(coloured)
            brushes = []
            for r in earlier:
                age = n - 1 - coloured.index(r)
                brushes.append(pg.mkBrush(burst_look(r.step, age)[0]))
            means = np.array([r.forward.mean for r in earlier])
            self.old_means.setData(means[:, 0], means[:, 1], brush=brushes, pen=pg.mkPen(INK))
        else:
            self.old_means.setData([], [])

    def _draw_latest(self, latest) -> None:
        """The latest burst's mean impact and the -gradient arrow (once BACKWARD computed it)."""
        self.arrow = np.zeros(2)
        if latest is None or latest.gradient is None:  # FORWARD, LOSS: no gradient yet
            self.mean_mark.setData([], [])
            self.draw_arrow(self.arrow_shaft, self.arrow_head, None, None)
            self.arrow_text.setVisible(False)
            self.mean_text.setVisible(False)
            return
        mean = latest.forward.mean
        self.arrow = -np.asarray(latest.gradient, dtype=float)
        self.mean_mark.setData([mean[0]], [mean[1]])
        self.draw_arrow(self.arrow_shaft, self.arrow_head, mean, mean + self.arrow)
        length = float(np.hypot(*self.arrow))
        self.arrow_text.setVisible(length > 12)
        mid = mean + 0.5 * self.arrow
        self.arrow_text.setPos(mid[0], mid[1])
        self.arrow_text.setText(translate("RifleView", "−gradient"))
        self.mean_text.setText(translate("RifleView", "mean"))
        self.mean_text.setPos(mean[0], mean[1])
        self.mean_text.setVisible(length > 12)

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
        if model.wind <= 0:
            self.wind_text.setText(translate("RifleView", "no wind"))
            self.wind_shaft.setData([], [])
            self.wind_head.setVisible(False)
            return
        self.wind_text.setText(translate("RifleView", "wind {cm} cm").format(cm=fmt(model.wind, 2)))
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
        label = self.aim_item.label()
        right, high = x <= 0, y > 0.7 * AIM_LIMIT
        label.offset = pg.Point(16 if right else -16, -12 if high else 12)
        label.setAnchor((0 if right else 1, 0 if high else 1))
        label.viewTransformChanged()
