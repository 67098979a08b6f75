"""The rifle target: rings, bullet holes by burst, the mean impact and the correction arrow."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QVBoxLayout

from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.qt.common import INK, ORANGE, SKY, fmt, font
from gdstudio.qt.tabs.base import InitField, ScenarioView
from gdstudio.scenarios.rifle import RING_WIDTH, RINGS, Rifle, describe

BURSTS_SHOWN = 8  # the latest bursts drawn; older ones fade out


class RifleView(ScenarioView):
    scenario_key = "rifle"

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("targetPlot")
        self.plot.setBackground("w")
        self.plot.setAspectLocked(True)
        self.plot.setMouseEnabled(x=False, y=False)
        item = self.plot.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        item.hideAxis("left")
        item.hideAxis("bottom")
        layout.addWidget(self.plot, 1)
        self.words = QLabel(self)
        self.words.setObjectName("shotWords")
        self.words.setFont(font(13))
        self.words.setWordWrap(True)
        layout.addWidget(self.words)
        self._draw_target()
        self.bursts = []
        for i in range(BURSTS_SHOWN):
            colour = QColor(INK if i == 0 else SKY)
            colour.setAlphaF(1.0 if i == 0 else max(0.15, 0.8 - 0.1 * i))
            s = pg.ScatterPlotItem(
                size=14 if i == 0 else 10, brush=pg.mkBrush(colour), pen=pg.mkPen("w")
            )
            s.setZValue(20 - i)
            self.plot.addItem(s)
            self.bursts.append(s)
        self.mean_mark = pg.ScatterPlotItem(
            size=22, symbol="x", brush=pg.mkBrush(ORANGE), pen=pg.mkPen(ORANGE, width=3)
        )
        self.mean_mark.setZValue(30)
        self.plot.addItem(self.mean_mark)
        self.arrow_shaft = self.plot.plot(pen=pg.mkPen(ORANGE, width=4))
        self.arrow_shaft.setZValue(29)
        self.arrow_head = pg.ArrowItem(pen=pg.mkPen(ORANGE), brush=pg.mkBrush(ORANGE), headLen=20)
        self.arrow_head.setZValue(31)
        self.plot.addItem(self.arrow_head)
        self.holes = np.zeros((0, 2))  # tests read these
        self.arrow = np.zeros(2)

        self.settings = QGroupBox()
        self.settings.setObjectName("rifleSettings")
        form = QFormLayout(self.settings)
        self.burst_spin = QSpinBox()
        self.burst_spin.setObjectName("burstSpin")
        self.burst_spin.setRange(1, 10)
        self.burst_spin.setValue(3)
        self.wind_spin = self._double("windSpin", 0.0, 20.0, 1.5)
        self.wind_dir_spin = self._double(
            "windDirectionSpin", -180.0, 180.0, 0.0, decimals=0, step=15
        )
        self.spread_spin = self._double("spreadSpin", 0.0, 15.0, 1.5)
        self.sight_x_spin = self._double("sightXSpin", -45.0, 45.0, -33.0, step=1)
        self.sight_y_spin = self._double("sightYSpin", -45.0, 45.0, 33.0, step=1)
        self.captions = [QLabel() for _ in range(6)]
        for caption, w in zip(
            self.captions,
            (
                self.burst_spin,
                self.wind_spin,
                self.wind_dir_spin,
                self.spread_spin,
                self.sight_x_spin,
                self.sight_y_spin,
            ),
        ):
            form.addRow(caption, w)
        self.burst_spin.setKeyboardTracking(False)
        self.burst_spin.valueChanged.connect(self.settingsChanged)
        self._trainer: Trainer | None = None
        self.retranslate()

    def _double(self, name, lo, hi, value, decimals=1, step=0.5):
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(lo, hi)
        spin.setDecimals(decimals)
        spin.setSingleStep(step)
        spin.setValue(value)
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(self.settingsChanged)
        return spin

    def _draw_target(self) -> None:
        t = np.linspace(0, 2 * np.pi, 181)
        for k in range(RINGS, 0, -1):
            radius = (RINGS - k + 1) * RING_WIDTH
            fill = QColor("#f4f1e8") if k % 2 else QColor("#e3dccb")
            if k == RINGS:
                fill = QColor("#fde9a9")
            ring = pg.PlotDataItem(
                radius * np.cos(t),
                radius * np.sin(t),
                pen=pg.mkPen("#8a8170", width=1),
                fillLevel=None,
                brush=None,
            )
            disc = pg.QtWidgets.QGraphicsEllipseItem(-radius, -radius, 2 * radius, 2 * radius)
            disc.setBrush(pg.mkBrush(fill))
            disc.setPen(pg.mkPen("#8a8170", width=1))
            disc.setZValue(-20 + k)
            self.plot.addItem(disc)
            ring.setZValue(-20 + k)
            label = pg.TextItem(str(k), color="#6b6352", anchor=(0.5, 0.5))
            label.setFont(font(9))
            label.setPos(radius - RING_WIDTH / 2, 0)
            label.setZValue(-5)
            self.plot.addItem(label)
        cross = pg.PlotDataItem(
            [-3, 3, np.nan, 0, 0],
            [0, 0, np.nan, -3, 3],
            pen=pg.mkPen(INK, width=1),
            connect="finite",
        )
        self.plot.addItem(cross)
        r = RINGS * RING_WIDTH + 3
        self.plot.setRange(xRange=(-r, r), yRange=(-r, r), padding=0)

    def title(self) -> str:
        return self.tr("Rifle target")

    def purpose(self) -> str:
        return self.tr(
            "Purpose: hit the bullseye. After each burst, pull the target back, look at the "
            "holes and correct the aim."
        )

    def retranslate(self) -> None:
        self.settings.setTitle(self.tr("The range"))
        texts = (
            self.tr("Shots per burst"),
            self.tr("Wind strength (cm)"),
            self.tr("Wind blows towards (degrees)"),
            self.tr("Dispersion (cm)"),
            self.tr("Sight error, across (cm)"),
            self.tr("Sight error, up (cm)"),
        )
        widgets = (
            self.burst_spin,
            self.wind_spin,
            self.wind_dir_spin,
            self.spread_spin,
            self.sight_x_spin,
            self.sight_y_spin,
        )
        for caption, w, text in zip(self.captions, widgets, texts):
            caption.setText(text)
            w.setAccessibleName(text)

    def init_fields(self) -> list[InitField]:
        return [
            InitField(
                "aim_x", self.tr("First aim, across (cm)"), -50.0, 50.0, 0.0, decimals=1, step=1
            ),
            InitField("aim_y", self.tr("First aim, up (cm)"), -50.0, 50.0, 0.0, decimals=1, step=1),
        ]

    def settings_widget(self):
        return self.settings

    def create_model(self, init: dict[str, float]) -> Rifle:
        return Rifle(
            burst=self.burst_spin.value(),
            wind=self.wind_spin.value(),
            wind_direction=self.wind_dir_spin.value(),
            spread=self.spread_spin.value(),
            sight_error=(self.sight_x_spin.value(), self.sight_y_spin.value()),
            aim0=(init.get("aim_x", 0.0), init.get("aim_y", 0.0)),
        )

    def shot_words(self, x: float, y: float) -> str:
        w = describe(x, y)
        sides = {
            "left": self.tr("left"),
            "right": self.tr("right"),
            "above": self.tr("above"),
            "below": self.tr("below"),
            "upper left": self.tr("upper left"),
            "upper right": self.tr("upper right"),
            "lower left": self.tr("lower left"),
            "lower right": self.tr("lower right"),
            "bullseye": self.tr("bullseye"),
        }
        where = self.tr("off the target") if w.ring == 0 else self.tr("ring {n}").format(n=w.ring)
        if w.side == "bullseye":
            return self.tr("ring 10, bullseye")
        if w.degrees in (0, 90):
            return f"{where}, {sides[w.side]}"
        return self.tr("{where}, {deg} degrees {side}").format(
            where=where, deg=w.degrees, side=sides[w.side]
        )

    def lesson(self, phase: Phase, trainer: Trainer) -> str:
        r = trainer.record
        m: Rifle = trainer.model
        if phase is Phase.INIT or r is None:
            return self.tr(
                "Xiao Ming aims somewhere on the target — here at ({x}, {y}) cm — and remembers "
                "how he held the rifle. That first aim is the <i>initialization</i>."
            ).format(x=fmt(trainer.params[0]), y=fmt(trainer.params[1]))
        b = r.forward
        if phase is Phase.FORWARD:
            return self.tr(
                "He fires a burst of {k}. Sight error, wind and the rifle's own scatter push "
                "every bullet: the flight is the <i>forward</i> calculation."
            ).format(k=m.burst)
        if phase is Phase.LOSS:
            return self.tr(
                "He pulls the target back and looks: the holes are on average {d} cm from the "
                "centre. The burst's loss — half the mean squared distance — is <b>{loss}</b>."
            ).format(d=fmt(float(b.distances.mean()), 3), loss=fmt(r.loss))
        if phase is Phase.BACKWARD:
            g = r.gradient
            return self.tr(
                "Looking at the holes is the <i>backpropagation</i>: the mean hole sits at "
                "({gx}, {gy}) — that vector is the gradient, with a direction and a size "
                "({size} cm)."
            ).format(gx=fmt(g[0], 2), gy=fmt(g[1], 2), size=fmt(math.hypot(*g), 3))
        if r.new_params is None:
            return ""
        return self.tr(
            "He shifts the aim against the gradient by {lr} × its length: the aim is now "
            "({x}, {y}). That correction is the <i>gradient-descent</i> step."
        ).format(lr=fmt(trainer.lr), x=fmt(r.new_params[0], 2), y=fmt(r.new_params[1], 2))

    def stop_text(self, reason: StopReason, trainer: Trainer) -> str | None:
        if reason is StopReason.PLATEAU:
            return self.tr(
                "plateau: the aim is as good as it gets — the scatter of the shots keeps the "
                "loss from getting smaller (loss {loss})"
            ).format(loss=fmt(trainer.history.last()["loss"]))
        return None

    def refresh(self, trainer: Trainer) -> None:
        self._trainer = trainer
        recent = [rec for rec in trainer.recent if rec.forward is not None]
        if trainer.phase in (Phase.FORWARD, Phase.LOSS) and trainer.record is not None:
            recent = recent + [trainer.record]  # the burst in flight, before its row exists
        recent = recent[-BURSTS_SHOWN:]
        holes = []
        for i, scatter in enumerate(self.bursts):
            j = len(recent) - 1 - i
            if j >= 0:
                imp = recent[j].forward.impacts
                scatter.setData(imp[:, 0], imp[:, 1])
                holes.append(imp)
            else:
                scatter.setData([], [])
        self.holes = np.vstack(holes) if holes else np.zeros((0, 2))
        latest = recent[-1] if recent else None
        if latest is not None:
            mean = latest.forward.mean
            self.mean_mark.setData([mean[0]], [mean[1]])
            show_arrow = latest.gradient is not None
            if show_arrow:
                g = latest.gradient
                self.arrow = -np.asarray(
                    g
                )  # against the gradient: from the mean hole to the bullseye
                end = mean + self.arrow
                self.arrow_shaft.setData([mean[0], end[0]], [mean[1], end[1]])
                length = float(np.hypot(*self.arrow))
                self.arrow_head.setVisible(length > 1e-9)
                self.arrow_head.setPos(end[0], end[1])
                self.arrow_head.setStyle(
                    angle=180.0 - math.degrees(math.atan2(self.arrow[1], self.arrow[0]))
                )
            else:
                self.arrow_shaft.setData([], [])
                self.arrow_head.setVisible(False)
            words = [self.shot_words(x, y) for x, y in latest.forward.impacts]
            self.words.setText(self.tr("Latest burst: ") + "; ".join(words))
        else:
            self.mean_mark.setData([], [])
            self.arrow_shaft.setData([], [])
            self.arrow_head.setVisible(False)
            self.words.setText(self.tr("No shots yet: press Step to fire the first burst."))
