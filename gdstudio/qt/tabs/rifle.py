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

The view is put together from: rifle_target (the target and what is drawn on it),
rifle_close_up (the close-up column), rifle_compare (the burst-size comparison) and
rifle_settings (the range's settings).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.qt.common import fmt, font
from gdstudio.qt.steady import SteadyBox
from gdstudio.qt.tabs.base import InitField, ScenarioView
from gdstudio.qt.tabs.rifle_close_up import CloseUp
from gdstudio.qt.tabs.rifle_compare import BurstCompare
from gdstudio.qt.tabs.rifle_settings import RangeSettings
from gdstudio.qt.tabs.rifle_target import AIM_LIMIT, RangeTarget, burst_records
from gdstudio.qt.tabs.rifle_words import ShotList
from gdstudio.scenarios.rifle import Rifle, describe

SIDE_MIN = 170  # the close-up column's narrowest width (px)
SIDE_WORDS = 270  # its width when the shot list sits under the close-up


class RifleView(ScenarioView):
    scenario_key = "rifle"

    def __init__(self, parent=None):
        super().__init__(parent)
        self._trainer: Trainer | None = None
        self.shot_lines: list[str] = []
        self._burst = None  # the record whose burst the words and the close-up show
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
        self.target = RangeTarget(self)
        self.target.aimDropped.connect(self._on_aim_dropped)
        top.addWidget(self.target, 1)
        self.close_up = CloseUp(self)
        top.addWidget(self.close_up)
        layout.addLayout(top, 1)
        self.outer = layout
        self.side_layout = self.close_up.layout()
        self._words_in_column = False
        self.words = ShotList(self)  # painted from plain strings: no rich text to lay out
        self.words.setObjectName("shotWords")
        self.words.setFont(font(12))
        self.words_box = SteadyBox(self.words, self)  # new words re-lay out nothing in the page
        layout.addWidget(self.words_box)
        # the picture's parts under the names tests and scripts read
        t, c = self.target, self.close_up
        self.plot, self.close_plot, self.side_column = t, c.plot, c
        self.aim_item, self.numbers = t.aim_item, c.numbers
        self.old_holes, self.bursts = t.old_holes, t.bursts
        self.arrow_shaft, self.arrow_head = t.arrow_shaft, t.arrow_head
        self.shift_shaft = t.shift_shaft
        self.wind_text, self.wind_shaft, self.wind_head = t.wind_text, t.wind_shaft, t.wind_head

    def _build_settings(self) -> None:
        self.settings = QWidget()
        self.settings.setObjectName("rifleSide")
        column = QVBoxLayout(self.settings)
        column.setContentsMargins(0, 0, 0, 0)
        self.range_box = RangeSettings()
        self.range_box.changed.connect(self.settingsChanged)
        column.addWidget(self.range_box)
        self.compare = BurstCompare(self)
        column.addWidget(self.compare)
        # the settings' widgets under the names tests and scripts read
        r, c = self.range_box, self.compare
        self.burst_spin, self.wind_spin = r.burst_spin, r.wind_spin
        self.wind_dir_spin, self.spread_spin = r.wind_dir_spin, r.spread_spin
        self.sight_x_spin, self.sight_y_spin = r.sight_x_spin, r.sight_y_spin
        self.compare_button, self.ghost_button = c.compare_button, c.ghost_button
        self.compare_note = c.note

    def _setting_widgets(self):
        return self.range_box.widgets()

    @property
    def holes(self) -> np.ndarray:
        return self.target.holes

    @property
    def hole_steps(self) -> np.ndarray:
        return self.target.hole_steps

    @property
    def arrow(self) -> np.ndarray:
        return self.target.arrow

    @property
    def aim_shift(self) -> np.ndarray:
        return self.target.aim_shift

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
        # Never move the list while the view is held at its own minimum size: that size is
        # what the current arrangement asks for, not room the page gives. (The list under
        # the picture, a two-column table, could widen the view; at that width the list went
        # into the column, the view shrank back, the list went down again... for ever.)
        least = self.minimumSizeHint()
        if w <= least.width() or h <= least.height():
            in_column = self._words_in_column
        if in_column != self._words_in_column:
            self._words_in_column = in_column
            (self.outer if in_column else self.side_layout).removeWidget(self.words_box)
            if in_column:
                self.side_layout.insertWidget(2, self.words_box)
                self.side_layout.setStretch(3, 1)
            else:
                self.side_layout.setStretch(2, 0)
                self.outer.addWidget(self.words_box)
            if self._trainer is not None:
                self.refresh(self._trainer)
                if not self.words_due():  # the table's columns follow the place at once
                    records = burst_records(self._trainer)
                    self._show_burst(records[-1] if records else None)
        if in_column:
            column = int(min(max(w - square_side - 6, SIDE_WORDS), 0.45 * w))
            self.close_plot.setMaximumHeight(column)
            self.side_layout.setStretch(1, 0)
        else:
            column = int(min(max(w - square_below - 6, SIDE_MIN), 0.42 * w))
            self.close_plot.setMaximumHeight(16777215)
            self.side_layout.setStretch(1, 1)
        self.side_column.setFixedWidth(column)

    # --- texts --------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Rifle target")

    def purpose(self) -> str:
        return self.tr(
            "Purpose: hit the bullseye. After each burst, pull the target back, look at the "
            "holes and correct the aim."
        )

    def retranslate(self) -> None:
        self.range_box.retranslate()
        self.compare.retranslate()
        self.target.retranslate()
        self.close_up.retranslate()
        if self._trainer is not None:
            self.refresh(self._trainer)
        else:
            self.compare.update_note(None)

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
        if reason is StopReason.STEP_LIMIT:
            return self.compare.stop_text(trainer)
        return None

    # --- model --------------------------------------------------------------------------
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
        return self.range_box.create_model((init.get("aim_x", 0.0), init.get("aim_y", 0.0)))

    def show_settings(self, model: Rifle) -> None:
        """The range's spin boxes show ``model``'s settings (signals blocked; no new model)."""
        self.range_box.show_model(model)

    def ui_state(self) -> dict:
        return self.range_box.state()

    def set_ui_state(self, state: dict) -> None:
        """Put saved settings back in the spin boxes (signals blocked: the caller rebuilds)."""
        self.range_box.set_state(state)

    def legend_texts(self) -> list[str]:
        """What the loss plot's legend says (empty when hidden)."""
        return self.compare.legend_texts()

    # --- the aim, dragged by hand -------------------------------------------------------
    def _on_aim_dropped(self, x: float, y: float) -> None:
        self.initialValuesChanged.emit({"aim_x": x, "aim_y": y})

    def set_aim(self, x: float, y: float) -> None:
        """Put the aim at (x, y) as a drop would (for keyboard users, tests and scripts)."""
        self.target.place_aim(x, y)
        self.target.drop_aim()

    # --- the picture --------------------------------------------------------------------
    def refresh(self, trainer: Trainer) -> None:
        self._trainer = trainer
        records = burst_records(trainer)
        self.target.draw(trainer, records)
        self.target.show_aim_words(not self.running())
        words = self.words_due()  # in a fast run the words follow a few times a second
        if words:
            self._show_burst(records[-1] if records else None)
        else:  # the same burst (its gradient may have come; the close-up's size may change)
            self._draw_close_up()
        self.compare.refresh(trainer, words)

    def _show_burst(self, latest) -> None:
        """The burst of the record ``latest`` (None: no shots yet) in words and on the
        close-up. In a fast run both follow a few times a second (see ``words_due``), showing
        the same burst: the close-up's numbers are the numbers of the list, and reframing it
        every frame cost more than a third of the view's refresh."""
        self._burst = latest
        self._write_words(latest)
        self._draw_close_up()

    def _draw_close_up(self) -> None:
        """The close-up of the burst in the words (nothing redone when nothing changed)."""
        r = self._burst
        arrow = np.zeros(2) if r is None or r.gradient is None else -np.asarray(r.gradient)
        self.close_up.draw(r, arrow)

    def _write_words(self, latest) -> None:
        """The latest burst in words, one line per shot, numbered like the close-up."""
        if latest is None:
            self.shot_lines = []
            self.words.show_message(self.tr("No shots yet: press Step to fire the first burst."))
            self.words_box.check()
            return
        self.shot_lines = [self.shot_words(x, y) for x, y in latest.forward.impacts]
        lines = self.shot_lines
        head = self.tr("Latest burst (step {step}), shot by shot:").format(step=latest.step)
        columns = 1 if len(lines) == 1 or self._words_in_column else 2
        size = 12 if len(lines) <= 3 else 11  # ten shots still fit without wrapping
        self.words.show_shots(head, lines, columns, size)
        self.words_box.check()
