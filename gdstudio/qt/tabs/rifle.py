"""The rifle target: rings, every bullet hole (older ones fading), each burst's mean impact, the
correction arrow, the aim the student can drag, the wind, and a close-up of the latest burst.

What tests and scripts read (target coordinates: cm from the bullseye, +x right, +y up):

- ``holes``: every hole drawn, oldest first — the impacts of ``trainer.recent`` (plus the burst
  in flight during FORWARD and LOSS); ``hole_steps`` holds the step of each hole.
- ``arrow``: minus the latest burst's gradient (the gradient is the mean impact). It is drawn
  from the mean impact, so it ends at the bullseye; gradient descent moves the aim by the
  learning rate times this vector. Zero before the first BACKWARD.
- ``aim_shift``: new aim minus old aim, drawn in the UPDATE phase (zero otherwise).
- ``shot_lines``: the latest burst in words, one line per shot (numbered on the close-up).
- ``aim_item``: the draggable aim (a pyqtgraph ``TargetItem``); dropping it sets the first aim.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
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
    SKY,
    VERMILION,
    fmt,
    font,
)
from gdstudio.qt.tabs.base import InitField, ScenarioView
from gdstudio.scenarios.rifle import (
    COMPARE_STEPS,
    JITTER_SKIP,
    RING_WIDTH,
    RINGS,
    Rifle,
    describe,
    fixed_length_trainer,
    loss_curve,
    loss_jitter,
)

BURSTS_SHOWN = 5  # the latest bursts drawn in colour; older holes are small and grey
# one colour and one shape per burst (by step number), so a burst keeps its look as it ages
BURST_COLOURS = (BLUE, VERMILION, GREEN, PURPLE, SKY)
BURST_SYMBOLS = ("o", "s", "t", "d", "h")
AGE_ALPHA = (1.0, 0.85, 0.7, 0.55, 0.45)
AIM_LIMIT = 50.0  # the first aim's spin boxes run from -50 to 50 cm
COMPARE_BURST = 5  # the dashed curve of the comparison; the live run fires single shots
TARGET_EDGE = RINGS * RING_WIDTH + 4  # half the width of the target picture (cm)
SIDE_MIN = 170  # the close-up column's narrowest width (px)
SIDE_WORDS = 270  # its width when the shot list sits under the close-up


def burst_look(step: int, age: int) -> tuple[QColor, str]:
    """Colour (faded by age) and symbol of the burst fired at ``step``."""
    colour = QColor(BURST_COLOURS[step % len(BURST_COLOURS)])
    colour.setAlphaF(AGE_ALPHA[min(age, len(AGE_ALPHA) - 1)])
    return colour, BURST_SYMBOLS[step % len(BURST_SYMBOLS)]


def _target_plot(name: str, parent: QWidget) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent)
    plot.setObjectName(name)
    plot.setBackground("w")
    plot.setAspectLocked(True)
    plot.setMouseEnabled(x=False, y=False)
    item = plot.getPlotItem()
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
        plot.addItem(disc)
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
            plot.addItem(label)
    cross = pg.PlotDataItem(
        [-2, 2, 0, 0], [0, 0, -2, 2], pen=pg.mkPen(INK, width=1), connect="pairs"
    )
    cross.setZValue(-4)
    plot.addItem(cross)
    return plot


class RifleView(ScenarioView):
    scenario_key = "rifle"

    def __init__(self, parent=None):
        super().__init__(parent)
        self._trainer: Trainer | None = None
        self._compare_trainer: Trainer | None = None
        self._ghost: dict | None = None  # what the dashed loss curve is (for its legend)
        self._legend: pg.LegendItem | None = None
        self._legend_texts: tuple[str, str] | None = None
        self.holes = np.zeros((0, 2))
        self.hole_steps = np.zeros(0, dtype=int)
        self.arrow = np.zeros(2)
        self.aim_shift = np.zeros(2)
        self.shot_lines: list[str] = []
        self._build_picture()
        self._build_settings()
        self.retranslate()

    # --- construction -------------------------------------------------------------------
    def _build_picture(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(6)
        self.plot = _target_plot("targetPlot", self)
        r = TARGET_EDGE
        self.plot.setRange(xRange=(-r, r), yRange=(-r, r), padding=0)
        top.addWidget(self.plot, 1)
        self.side_column = QWidget(self)
        self.side_column.setObjectName("closeUpColumn")
        side = QVBoxLayout(self.side_column)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(4)
        self.side_layout = side
        self.close_title = QLabel(self)
        self.close_title.setObjectName("closeUpTitle")
        self.close_title.setFont(font(12, bold=True))
        self.close_title.setWordWrap(True)
        self.close_title.setTextFormat(Qt.TextFormat.RichText)
        side.addWidget(self.close_title)
        self.close_plot = _target_plot("closeUpPlot", self)
        self.close_plot.setMinimumSize(120, 120)
        side.addWidget(self.close_plot, 1)
        side.addStretch(0)
        top.addWidget(self.side_column)
        layout.addLayout(top, 1)
        self.outer = layout
        self._words_in_column = False
        self.words = QLabel(self)
        self.words.setObjectName("shotWords")
        self.words.setFont(font(12))
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.words)

        p = self.plot
        self.old_holes = pg.ScatterPlotItem(
            size=7, brush=pg.mkBrush(127, 127, 127, 90), pen=None, symbol="o"
        )
        self.old_holes.setZValue(5)
        p.addItem(self.old_holes)
        self.burst_items: list[pg.ScatterPlotItem] = []  # index 0: the latest burst
        for i in range(BURSTS_SHOWN):
            s = pg.ScatterPlotItem()
            s.setZValue(20 - i)
            p.addItem(s)
            self.burst_items.append(s)
        self.trail = pg.PlotDataItem(pen=pg.mkPen(INK, width=1.5, style=Qt.PenStyle.DotLine))
        self.trail.setZValue(24)
        p.addItem(self.trail)
        self.old_means = pg.ScatterPlotItem(size=13, symbol="x")
        self.old_means.setZValue(25)
        p.addItem(self.old_means)
        self.mean_mark, self.arrow_shaft, self.arrow_head = self._mean_and_arrow(p, 24, 20)
        self.arrow_text = pg.TextItem(color=INK, anchor=(0, 1), fill=pg.mkBrush(255, 255, 255, 190))
        self.arrow_text.setFont(font(11, bold=True))
        self.arrow_text.setZValue(33)
        p.addItem(self.arrow_text)

        self.shift_shaft = pg.PlotDataItem(pen=pg.mkPen(INK, width=2.5, style=Qt.PenStyle.DashLine))
        self.shift_head = pg.ArrowItem(pen=pg.mkPen(INK), brush=pg.mkBrush(INK), headLen=12)
        self.shift_shaft.setZValue(34)
        self.shift_head.setZValue(34)
        self.shift_head.setVisible(False)
        p.addItem(self.shift_shaft)
        p.addItem(self.shift_head)

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
        self.aim_item.sigPositionChangeFinished.connect(self._on_aim_dropped)
        p.addItem(self.aim_item)

        self.wind_shaft = pg.PlotDataItem(pen=pg.mkPen(INK, width=3))
        self.wind_head = pg.ArrowItem(pen=pg.mkPen(INK), brush=pg.mkBrush(INK), headLen=14)
        self.wind_text = pg.TextItem(color=INK, anchor=(0, 0))
        self.wind_text.setFont(font(11, bold=True))
        self.wind_text.setPos(-TARGET_EDGE + 0.5, TARGET_EDGE - 0.5)
        for item in (self.wind_shaft, self.wind_head, self.wind_text):
            item.setZValue(3)
            p.addItem(item)

        c = self.close_plot
        self.close_holes = pg.ScatterPlotItem()
        self.close_holes.setZValue(20)
        c.addItem(self.close_holes)
        self.close_mean, self.close_shaft, self.close_head = self._mean_and_arrow(c, 22, 16)
        self.numbers: list[pg.TextItem] = []
        for _ in range(10):
            t = pg.TextItem(color=INK, anchor=(-0.15, 1.0))
            t.setFont(font(11, bold=True))
            t.setZValue(35)
            c.addItem(t)
            self.numbers.append(t)
        self.mean_text = pg.TextItem(color=INK, anchor=(1.15, -0.15))
        self.mean_text.setFont(font(11, bold=True))
        self.mean_text.setZValue(33)
        p.addItem(self.mean_text)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Give the target the largest square: the shot list goes under the close-up when the
        picture is wide enough, else under the whole picture (the close-up takes what is left)."""
        w, h = self.width(), self.height()
        if w <= 0 or h <= 0:
            return
        below = 4 * self.words.fontMetrics().lineSpacing() + 8  # a heading and three rows
        square_below = min(w - SIDE_MIN, h - below - 6)
        square_side = min(w - SIDE_WORDS, h)
        in_column = square_side >= square_below - 10
        if in_column != self._words_in_column:
            self._words_in_column = in_column
            (self.outer if in_column else self.side_layout).removeWidget(self.words)
            if in_column:
                self.side_layout.insertWidget(2, self.words)
                self.side_layout.setStretch(3, 1)
            else:
                self.side_layout.setStretch(2, 0)
                self.outer.addWidget(self.words)
            if self._trainer is not None:
                self.refresh(self._trainer)
        if in_column:
            column = int(min(max(w - square_side - 6, SIDE_WORDS), 0.45 * w))
            self.close_plot.setMaximumHeight(column)
            self.side_layout.setStretch(1, 0)
        else:
            column = int(min(max(w - square_below - 6, SIDE_MIN), 0.42 * w))
            self.close_plot.setMaximumHeight(16777215)
            self.side_layout.setStretch(1, 1)
        self.side_column.setFixedWidth(column)

    def _mean_and_arrow(self, plot, size, head):
        mean = pg.ScatterPlotItem(
            size=size, symbol="x", brush=pg.mkBrush(ORANGE), pen=pg.mkPen(INK, width=1.5)
        )
        mean.setZValue(30)
        shaft = plot.plot(pen=pg.mkPen(ORANGE, width=5))
        shaft.setZValue(29)
        arrow = pg.ArrowItem(
            pen=pg.mkPen(INK, width=1), brush=pg.mkBrush(ORANGE), headLen=head, headWidth=head * 0.7
        )
        arrow.setZValue(31)
        arrow.setVisible(False)
        plot.addItem(mean)
        plot.addItem(arrow)
        return mean, shaft, arrow

    def _build_settings(self) -> None:
        self.settings = QWidget()
        self.settings.setObjectName("rifleSide")
        column = QVBoxLayout(self.settings)
        column.setContentsMargins(0, 0, 0, 0)
        self.range_box = QGroupBox()
        self.range_box.setObjectName("rifleSettings")
        form = QFormLayout(self.range_box)
        self.burst_spin = QSpinBox()
        self.burst_spin.setObjectName("burstSpin")
        self.burst_spin.setRange(1, 10)
        self.burst_spin.setValue(3)
        self.burst_spin.setKeyboardTracking(False)
        self.burst_spin.valueChanged.connect(self.settingsChanged)
        self.wind_spin = self._double("windSpin", 0.0, 20.0, 1.5, suffix=" cm")
        self.wind_dir_spin = self._double(
            "windDirectionSpin", -180.0, 180.0, 0.0, decimals=0, step=15, suffix="°"
        )
        self.wind_dir_spin.setWrapping(True)
        self.spread_spin = self._double("spreadSpin", 0.0, 15.0, 1.5, suffix=" cm")
        self.sight_x_spin = self._double("sightXSpin", -45.0, 45.0, -33.0, step=1, suffix=" cm")
        self.sight_y_spin = self._double("sightYSpin", -45.0, 45.0, 33.0, step=1, suffix=" cm")
        self.captions = [QLabel() for _ in self._setting_widgets()]
        for caption, w in zip(self.captions, self._setting_widgets()):
            caption.setBuddy(w)
            form.addRow(caption, w)
        column.addWidget(self.range_box)

        self.compare_box = QGroupBox()
        self.compare_box.setObjectName("compareBox")
        box = QVBoxLayout(self.compare_box)
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("compareBurstButton")
        self.compare_button.setFont(font(12, bold=True))
        self.compare_button.setMinimumHeight(34)
        self.compare_button.clicked.connect(self.compare_bursts)
        self.ghost_button = QPushButton()
        self.ghost_button.setObjectName("ghostButton")
        self.ghost_button.clicked.connect(self.keep_as_ghost)
        self.clear_ghost_button = QPushButton()
        self.clear_ghost_button.setObjectName("clearGhostButton")
        self.clear_ghost_button.clicked.connect(self.clear_ghost)
        self.compare_note = QLabel()
        self.compare_note.setObjectName("compareNote")
        self.compare_note.setWordWrap(True)
        self.compare_note.setFont(font(11))
        for w in (self.compare_button, self.ghost_button, self.clear_ghost_button):
            box.addWidget(w)
        box.addWidget(self.compare_note)
        column.addWidget(self.compare_box)

    def _setting_widgets(self):
        return (
            self.burst_spin,
            self.wind_spin,
            self.wind_dir_spin,
            self.spread_spin,
            self.sight_x_spin,
            self.sight_y_spin,
        )

    def _double(self, name, lo, hi, value, decimals=1, step=0.5, suffix=""):
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(lo, hi)
        spin.setDecimals(decimals)
        spin.setSingleStep(step)
        spin.setSuffix(suffix)
        spin.setValue(value)
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(self.settingsChanged)
        return spin

    # --- texts --------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Rifle target")

    def purpose(self) -> str:
        return self.tr(
            "Purpose: hit the bullseye. After each burst, pull the target back, look at the "
            "holes and correct the aim."
        )

    def retranslate(self) -> None:
        self.range_box.setTitle(self.tr("The range"))
        texts = (
            (
                self.tr("Shots per burst"),
                self.tr("How many shots are fired and averaged into one loss (a mini-batch)."),
            ),
            (
                self.tr("Wind drift"),
                self.tr("How far the wind pushes every bullet, in cm."),
            ),
            (
                self.tr("Wind blows towards"),
                self.tr("0° = to the right, 90° = up, 180° = to the left, −90° = down."),
            ),
            (
                self.tr("Dispersion"),
                self.tr("The rifle's own random scatter: the typical miss of a single shot."),
            ),
            (
                self.tr("Sight error, right"),
                self.tr(
                    "With a perfect aim every bullet still lands this far to the right "
                    "(negative: to the left)."
                ),
            ),
            (
                self.tr("Sight error, up"),
                self.tr(
                    "With a perfect aim every bullet still lands this far up (negative: down)."
                ),
            ),
        )
        for caption, w, (text, tip) in zip(self.captions, self._setting_widgets(), texts):
            caption.setText(text)
            caption.setToolTip(tip)
            w.setAccessibleName(text)
            w.setAccessibleDescription(tip)
            w.setToolTip(tip)
        self.compare_box.setTitle(self.tr("Shots per burst: compare"))
        buttons = (
            (
                self.compare_button,
                self.tr("Compare: 1 shot vs 5 shots"),
                self.tr(
                    "Fire {n} bursts of 5 shots (kept as a dashed grey loss curve), then run "
                    "the same {n} steps with single shots."
                ).format(n=COMPARE_STEPS),
            ),
            (
                self.ghost_button,
                self.tr("Keep this loss curve"),
                self.tr(
                    "Freeze the current loss curve as a dashed grey ghost, then change a "
                    "setting and compare."
                ),
            ),
            (
                self.clear_ghost_button,
                self.tr("Remove the dashed curve"),
                self.tr("Remove the dashed grey comparison curve from the loss plot."),
            ),
        )
        for b, text, tip in buttons:
            b.setText(text)
            b.setAccessibleName(text)
            b.setToolTip(tip)
        self.aim_item.label().setText(self.tr("aim (drag me)"))
        self.plot.setAccessibleName(self.tr("Target with the bullet holes"))
        self.close_plot.setAccessibleName(self.tr("Close-up of the latest burst"))
        mark = "<span style='color:{c}'>{g}</span>"
        self.close_title.setText(
            "<b>{title}</b><br>{mean}&nbsp;{mean_text} &nbsp; {arrow}&nbsp;{arrow_text}".format(
                title=self.tr("Close-up: the latest burst"),
                mean=mark.format(c=ORANGE.name(), g="✖"),
                mean_text=self.tr("mean"),
                arrow=mark.format(c=ORANGE.name(), g="➜"),
                arrow_text=self.tr("−gradient"),
            )
        )
        if self._trainer is not None:
            self.refresh(self._trainer)
        else:
            self._update_compare_note(None)

    def init_fields(self) -> list[InitField]:
        return [
            InitField(
                "aim_x",
                self.tr("First aim, right (cm)"),
                -AIM_LIMIT,
                AIM_LIMIT,
                0.0,
                decimals=1,
                step=1,
            ),
            InitField(
                "aim_y",
                self.tr("First aim, up (cm)"),
                -AIM_LIMIT,
                AIM_LIMIT,
                0.0,
                decimals=1,
                step=1,
            ),
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

    def ui_state(self) -> dict:
        return {
            "burst": self.burst_spin.value(),
            "wind": self.wind_spin.value(),
            "wind_direction": self.wind_dir_spin.value(),
            "spread": self.spread_spin.value(),
            "sight_error": [self.sight_x_spin.value(), self.sight_y_spin.value()],
        }

    def set_ui_state(self, state: dict) -> None:
        """Put saved settings back in the spin boxes (signals blocked: the caller rebuilds)."""
        values = {
            self.burst_spin: state.get("burst"),
            self.wind_spin: state.get("wind"),
            self.wind_dir_spin: state.get("wind_direction"),
            self.spread_spin: state.get("spread"),
        }
        sight = state.get("sight_error")
        if isinstance(sight, (list, tuple)) and len(sight) == 2:
            values[self.sight_x_spin] = sight[0]
            values[self.sight_y_spin] = sight[1]
        for spin, value in values.items():
            if isinstance(value, (int, float)) and math.isfinite(value):
                spin.blockSignals(True)
                spin.setValue(int(value) if isinstance(spin, QSpinBox) else float(value))
                spin.blockSignals(False)

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
            return self.tr("{where}, {side}").format(where=where, side=sides[w.side])
        return self.tr("{where}, {deg} degrees {side}").format(
            where=where, deg=w.degrees, side=sides[w.side]
        )

    def burst_words(self, k: int) -> str:
        return self.tr("1 shot per burst") if k == 1 else self.tr("{k} shots per burst").format(k=k)

    def lesson(self, phase: Phase, trainer: Trainer) -> str:
        r = trainer.record
        m: Rifle = trainer.model
        if phase is Phase.INIT or r is None:
            return self.tr(
                "Xiao Ming aims somewhere on the target — here at ({x}, {y}) cm — and remembers "
                "how he held the rifle. That first aim is the <i>initialization</i>. "
                "Drag the aim ⊕ on the target to start from somewhere else."
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
                "Looking at the holes is the <i>backpropagation</i>: the mean hole ✖ sits at "
                "({gx}, {gy}) — that vector is the gradient, with a direction and a size "
                "({size} cm). The orange arrow is minus the gradient."
            ).format(gx=fmt(g[0], 2), gy=fmt(g[1], 2), size=fmt(math.hypot(*g), 3))
        if r.new_params is None:
            return ""
        return self.tr(
            "He shifts the aim against the gradient by {lr} × its length (the dashed arrow): "
            "the aim is now ({x}, {y}). That correction is the <i>gradient-descent</i> step."
        ).format(lr=fmt(trainer.lr), x=fmt(r.new_params[0], 2), y=fmt(r.new_params[1], 2))

    def stop_text(self, reason: StopReason, trainer: Trainer) -> str | None:
        if reason is StopReason.PLATEAU:
            return self.tr(
                "plateau: the aim is as good as it gets — the scatter of the shots keeps the "
                "loss from getting smaller (loss {loss})"
            ).format(loss=fmt(trainer.history.last()["loss"]))
        if reason is StopReason.STEP_LIMIT and trainer is self._compare_trainer and self._ghost:
            live = loss_jitter(trainer.history.column("loss"))
            return self.tr(
                "comparison done: after step {skip} the loss jumps by {one} per step with "
                "single shots (solid blue), by {five} with bursts of 5 (dashed grey)"
            ).format(skip=JITTER_SKIP, one=fmt(live, 3), five=fmt(self._ghost["jitter"], 3))
        return None

    # --- the aim, dragged by hand -------------------------------------------------------
    def _on_aim_dropped(self, *_args) -> None:
        pos = self.aim_item.pos()
        x = round(min(max(float(pos[0]), -AIM_LIMIT), AIM_LIMIT), 1)
        y = round(min(max(float(pos[1]), -AIM_LIMIT), AIM_LIMIT), 1)
        self._place_aim(x, y)
        self.initialValuesChanged.emit({"aim_x": x, "aim_y": y})

    def set_aim(self, x: float, y: float) -> None:
        """Put the aim at (x, y) as a drop would (for keyboard users, tests and scripts)."""
        self._place_aim(x, y)
        self._on_aim_dropped()

    def _place_aim(self, x: float, y: float) -> None:
        self.aim_item.blockSignals(True)
        self.aim_item.setPos(x, y)
        self.aim_item.blockSignals(False)
        # the label on the side facing the centre, so it stays on the picture
        label = self.aim_item.label()
        right, high = x <= 0, y > 0.7 * AIM_LIMIT
        label.offset = pg.Point(16 if right else -16, -12 if high else 12)
        label.setAnchor((0 if right else 1, 0 if high else 1))
        label.viewTransformChanged()

    # --- the burst-size comparison ------------------------------------------------------
    def _part(self):
        if self.frame is None:
            return None
        return next((p for p in self.frame.parts if p.view is self), None)

    def compare_bursts(self) -> None:
        """Bursts of 5 (headless, dashed) against single shots (live), same settings and seed."""
        part = self._part()
        if part is None:
            return
        frame = self.frame
        live = part.trainer
        model: Rifle = live.model
        kwargs = dict(seed=live.seed, lr=live.lr, momentum=part.momentum, steps=COMPARE_STEPS)
        try:
            steps, losses = loss_curve(model.with_burst(COMPARE_BURST), **kwargs)
            trainer = fixed_length_trainer(model.with_burst(1), **kwargs)
        except ValueError as e:
            self.compare_note.setText(self.tr("Not possible: {error}").format(error=str(e)))
            return
        ghost = {
            "burst": COMPARE_BURST,
            "seed": live.seed,
            "jitter": loss_jitter(losses),
            "compare": True,
        }
        self.burst_spin.blockSignals(True)
        self.burst_spin.setValue(1)
        self.burst_spin.blockSignals(False)
        self._compare_trainer = trainer
        frame.controls.log_check.setChecked(True)  # the small, noisy losses need the log scale
        self._set_ghost(part, (steps, losses), ghost)
        frame.use_trainer(self, trainer)
        if part is frame.current and not frame.runner.running:
            frame.toggle_run()

    def keep_as_ghost(self) -> None:
        """Freeze this run's loss curve as the dashed ghost (then change a setting and compare)."""
        part = self._part()
        if part is None:
            return
        t = part.trainer
        if len(t.history) == 0:
            self.compare_note.setText(self.tr("Nothing to keep yet: press Step or Run first."))
            return
        losses = t.history.column("loss").copy()
        ghost = {
            "burst": t.model.burst,
            "seed": t.seed,
            "jitter": loss_jitter(losses),
            "compare": False,
        }
        self._set_ghost(part, (t.history.column("step").copy(), losses), ghost)

    def clear_ghost(self) -> None:
        part = self._part()
        if part is None:
            return
        self._set_ghost(part, None, None)

    def _set_ghost(self, part, data, ghost: dict | None) -> None:
        part.ghost = data
        self._ghost = ghost
        loss_plot = self.frame.loss_plot
        if part is self.frame.current:
            loss_plot.set_ghost(data)
            loss_plot.update_from(part.trainer)
        self._update_legend(part.trainer)
        self._update_compare_note(part.trainer)

    def _ghost_words(self) -> str:
        g = self._ghost
        if g is None:
            return ""
        words = self.burst_words(g["burst"])
        if g["compare"]:
            return words
        return self.tr("kept run, {burst}").format(burst=words)

    def _update_legend(self, trainer: Trainer | None) -> None:
        """A legend in the loss plot saying which curve is which, while there is a ghost."""
        part = self._part()
        if part is None:
            return
        show = self._ghost is not None and part.ghost is not None and trainer is not None
        if not show:
            if self._legend is not None:
                self._legend.setVisible(False)
            return
        loss_plot = self.frame.loss_plot
        if self._legend is None:
            self._legend = pg.LegendItem(
                offset=(-8, 8),
                labelTextSize="12pt",
                labelTextColor=INK,
                brush=pg.mkBrush(255, 255, 255, 225),
                pen=pg.mkPen(GREY),
            )
            self._legend.setObjectName("rifleLossLegend")
            self._legend.setParentItem(loss_plot.getPlotItem().getViewBox())
            self._legend.setZValue(100)
        texts = (
            self.tr("{ghost} (dashed)").format(ghost=self._ghost_words()),
            self.tr("this run: {burst}").format(burst=self.burst_words(trainer.model.burst)),
        )
        if texts != self._legend_texts:
            self._legend.clear()
            self._legend.addItem(loss_plot.ghost, texts[0])
            self._legend.addItem(loss_plot.curve, texts[1])
            self._legend_texts = texts
        self._legend.setVisible(part is self.frame.current)

    def legend_texts(self) -> list[str]:
        """What the loss plot's legend says (empty when hidden)."""
        if self._legend is None or not self._legend.isVisible():
            return []
        return [label.text for _sample, label in self._legend.items]

    def _update_compare_note(self, trainer: Trainer | None) -> None:
        g = self._ghost
        if g is None:
            self.compare_note.setText(
                self.tr(
                    "Does one shot per burst train as well as five? One click runs both on "
                    "the same seed and draws both loss curves."
                )
            )
            return
        text = self.tr("Loss plot: dashed grey = {ghost}; solid blue = this run.").format(
            ghost=self._ghost_words()
        )
        if trainer is not None and len(trainer.history) > JITTER_SKIP + 1:
            live = loss_jitter(trainer.history.column("loss"))
            text += " " + self.tr(
                "Average jump of the loss from one step to the next (after step {skip}): "
                "dashed {ghost}, this run {live}."
            ).format(skip=JITTER_SKIP, ghost=fmt(g["jitter"], 3), live=fmt(live, 3))
        self.compare_note.setText(text)

    # --- the picture --------------------------------------------------------------------
    def _records(self, trainer: Trainer) -> list:
        records = [r for r in trainer.recent if r.forward is not None]
        r = trainer.record
        if r is not None and trainer.phase is not Phase.INIT and r.forward is not None:
            if not records or records[-1] is not r:
                records.append(r)  # the burst in flight, before its history row exists
        return records

    def refresh(self, trainer: Trainer) -> None:
        self._trainer = trainer
        records = self._records(trainer)
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
        latest = records[-1] if records else None
        self._draw_latest(latest)
        self._draw_close_up(latest)
        self._draw_aim(trainer)
        self._draw_wind(trainer.model)
        self._update_legend(trainer)
        self._update_compare_note(trainer)

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
        self.arrow = np.zeros(2)
        self.shot_lines = []
        if latest is None:
            self.mean_mark.setData([], [])
            self._arrow(self.plot, self.arrow_shaft, self.arrow_head, None, None)
            self.arrow_text.setVisible(False)
            self.mean_text.setVisible(False)
            self.words.setText(self.tr("No shots yet: press Step to fire the first burst."))
            return
        mean = latest.forward.mean
        if latest.gradient is not None:
            self.arrow = -np.asarray(latest.gradient, dtype=float)
            self.mean_mark.setData([mean[0]], [mean[1]])
            self._arrow(self.plot, self.arrow_shaft, self.arrow_head, mean, mean + self.arrow)
            length = float(np.hypot(*self.arrow))
            self.arrow_text.setVisible(length > 12)
            mid = mean + 0.5 * self.arrow
            self.arrow_text.setPos(mid[0], mid[1])
            self.arrow_text.setText(self.tr("−gradient"))
            self.mean_text.setText(self.tr("mean"))
            self.mean_text.setPos(mean[0], mean[1])
            self.mean_text.setVisible(length > 12)
        else:  # FORWARD, LOSS: the holes are there, the gradient is not yet
            self.mean_mark.setData([], [])
            self._arrow(self.plot, self.arrow_shaft, self.arrow_head, None, None)
            self.arrow_text.setVisible(False)
            self.mean_text.setVisible(False)
        self.shot_lines = [self.shot_words(x, y) for x, y in latest.forward.impacts]
        self.words.setText(self._words_html(latest))

    def _words_html(self, latest) -> str:
        lines = self.shot_lines
        head = self.tr("Latest burst (step {step}), shot by shot:").format(step=latest.step)
        cells = [f"<b>{i}</b>&nbsp;&nbsp;{text}" for i, text in enumerate(lines, start=1)]
        columns = 1 if len(cells) == 1 or self._words_in_column else 2
        rows = math.ceil(len(cells) / columns)
        size = 12 if len(cells) <= 3 else 11  # ten shots still fit without wrapping
        style = f"padding-right:16px; white-space:nowrap; font-size:{size}pt"
        table = []
        for row in range(rows):
            tds = []
            for col in range(columns):
                i = col * rows + row
                tds.append(f"<td style='{style}'>{cells[i] if i < len(cells) else ''}</td>")
            table.append("<tr>" + "".join(tds) + "</tr>")
        return f"<b>{head}</b><table cellspacing='0'>{''.join(table)}</table>"

    @staticmethod
    def _arrow(plot, shaft, head, start, end, max_head: float = 20.0) -> None:
        """An arrow from start to end; its head never outgrows the arrow on screen."""
        if start is None or float(np.hypot(*(end - start))) < 1e-9:
            shaft.setData([], [])
            head.setVisible(False)
            return
        shaft.setData([start[0], end[0]], [start[1], end[1]])
        vb = plot.getPlotItem().getViewBox()
        (x0, x1), _ = vb.viewRange()
        pixels = float(np.hypot(*(end - start))) * vb.width() / max(x1 - x0, 1e-9)
        size = max(7.0, min(max_head, 0.5 * pixels))
        angle = 180.0 - math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))
        head.setStyle(angle=angle, headLen=size, headWidth=0.7 * size)
        head.setPos(end[0], end[1])
        head.setVisible(True)

    def _draw_close_up(self, latest) -> None:
        c = self.close_plot
        if latest is None:
            self.close_holes.setData([], [])
            self.close_mean.setData([], [])
            self._arrow(c, self.close_shaft, self.close_head, None, None)
            for t in self.numbers:
                t.setVisible(False)
            c.setRange(xRange=(-8, 8), yRange=(-8, 8), padding=0)
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
        c.setRange(
            xRange=(centre[0] - half, centre[0] + half),
            yRange=(centre[1] - half, centre[1] + half),
            padding=0,
        )
        colour, symbol = burst_look(latest.step, 0)
        self.close_holes.setData(
            imp[:, 0],
            imp[:, 1],
            symbol=symbol,
            size=18,
            brush=pg.mkBrush(colour),
            pen=pg.mkPen(INK, width=2),
        )
        for i, t in enumerate(self.numbers):
            if i < len(imp):
                t.setText(str(i + 1))
                t.setPos(imp[i, 0], imp[i, 1])
            t.setVisible(i < len(imp))
        if latest.gradient is None:
            self.close_mean.setData([], [])
            self._arrow(c, self.close_shaft, self.close_head, None, None)
        else:
            self.close_mean.setData([mean[0]], [mean[1]])
            self._arrow(c, self.close_shaft, self.close_head, mean, mean + self.arrow, 16.0)

    def _draw_aim(self, trainer: Trainer) -> None:
        if not self.aim_item.moving:
            self._place_aim(float(trainer.params[0]), float(trainer.params[1]))
        r = trainer.record
        if trainer.phase is Phase.UPDATE and r is not None and r.new_params is not None:
            self.aim_shift = np.asarray(r.new_params - r.params, dtype=float)
            self._arrow(self.plot, self.shift_shaft, self.shift_head, r.params, r.new_params)
        else:
            self.aim_shift = np.zeros(2)
            self._arrow(self.plot, self.shift_shaft, self.shift_head, None, None)

    def _draw_wind(self, model: Rifle) -> None:
        if model.wind <= 0:
            self.wind_text.setText(self.tr("no wind"))
            self.wind_shaft.setData([], [])
            self.wind_head.setVisible(False)
            return
        self.wind_text.setText(self.tr("wind {cm} cm").format(cm=fmt(model.wind, 2)))
        a = math.radians(model.wind_direction)
        d = np.array([math.cos(a), math.sin(a)])
        centre = np.array([-TARGET_EDGE + 8.0, TARGET_EDGE - 13.0])
        self._arrow(self.plot, self.wind_shaft, self.wind_head, centre - 5 * d, centre + 5 * d)
