"""Comparing burst sizes on the rifle range: one click runs bursts of 5 headless (a dashed grey
"ghost" loss curve) and then single shots live on the same settings and seed; or a run's loss
curve is kept as the ghost before a setting changes. A legend in the loss plot says which curve
is which, and the note under the buttons compares how much each loss jumps from step to step.

``BurstCompare`` is the "Shots per burst: compare" box of the rifle view's side column; it works
on the frame the view is shown in. Texts keep the ``RifleView`` translation context.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout

from gdstudio.engine import Trainer
from gdstudio.qt.common import GREY, INK, fmt, font, translate
from gdstudio.scenarios.rifle import (
    COMPARE_STEPS,
    JITTER_SKIP,
    Rifle,
    fixed_length_trainer,
    loss_curve,
    loss_jitter,
)

COMPARE_BURST = 5  # the dashed curve of the comparison; the live run fires single shots


def burst_words(k: int) -> str:
    """ "1 shot per burst", "5 shots per burst"."""
    if k == 1:
        return translate("RifleView", "1 shot per burst")
    return translate("RifleView", "{k} shots per burst").format(k=k)


class BurstCompare(QGroupBox):
    """The comparison's buttons and note; ``trainer`` is the live run a comparison started."""

    def __init__(self, view):
        super().__init__()
        self.view = view  # the rifle view: its frame, its burst spin box
        self.setObjectName("compareBox")
        box = QVBoxLayout(self)
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
        self.note = QLabel()
        self.note.setObjectName("compareNote")
        self.note.setWordWrap(True)
        self.note.setFont(font(11))
        for w in (self.compare_button, self.ghost_button, self.clear_ghost_button):
            box.addWidget(w)
        box.addWidget(self.note)
        self.trainer: Trainer | None = None
        self.ghost: dict | None = None  # what the dashed loss curve is (for its legend)
        self._legend: pg.LegendItem | None = None
        self._legend_texts: tuple[str, str] | None = None

    def retranslate(self) -> None:
        self.setTitle(translate("RifleView", "Shots per burst: compare"))
        buttons = (
            (
                self.compare_button,
                translate("RifleView", "Compare: 1 shot vs 5 shots"),
                translate(
                    "RifleView",
                    "Fire {n} bursts of 5 shots (kept as a dashed grey loss curve), then run "
                    "the same {n} steps with single shots.",
                ).format(n=COMPARE_STEPS),
            ),
            (
                self.ghost_button,
                translate("RifleView", "Keep this loss curve"),
                translate(
                    "RifleView",
                    "Freeze the current loss curve as a dashed grey ghost, then change a "
                    "setting and compare.",
                ),
            ),
            (
                self.clear_ghost_button,
                translate("RifleView", "Remove the dashed curve"),
                translate(
                    "RifleView", "Remove the dashed grey comparison curve from the loss plot."
                ),
            ),
        )
        for b, text, tip in buttons:
            b.setText(text)
            b.setAccessibleName(text)
            b.setToolTip(tip)

    # --- the buttons --------------------------------------------------------------------------
    def _part(self):
        frame = self.view.frame
        if frame is None:
            return None
        return next((p for p in frame.parts if p.view is self.view), None)

    def compare_bursts(self) -> None:
        """Bursts of 5 (headless, dashed) against single shots (live), same settings and seed."""
        part = self._part()
        if part is None:
            return
        frame = self.view.frame
        live = part.trainer
        model: Rifle = live.model
        kwargs = dict(seed=live.seed, lr=live.lr, momentum=part.momentum, steps=COMPARE_STEPS)
        try:
            steps, losses = loss_curve(model.with_burst(COMPARE_BURST), **kwargs)
            trainer = fixed_length_trainer(model.with_burst(1), **kwargs)
        except ValueError as e:
            self.note.setText(translate("RifleView", "Not possible: {error}").format(error=str(e)))
            return
        ghost = {
            "burst": COMPARE_BURST,
            "seed": live.seed,
            "jitter": loss_jitter(losses),
            "compare": True,
        }
        spin = self.view.burst_spin
        spin.blockSignals(True)
        spin.setValue(1)
        spin.blockSignals(False)
        self.trainer = trainer
        frame.controls.log_check.setChecked(True)  # the small, noisy losses need the log scale
        self._set_ghost(part, (steps, losses), ghost)
        frame.use_trainer(self.view, trainer)
        if part is frame.current and not frame.runner.running:
            frame.toggle_run()

    def keep_as_ghost(self) -> None:
        """Freeze this run's loss curve as the dashed ghost (then change a setting and compare)."""
        part = self._part()
        if part is None:
            return
        t = part.trainer
        if len(t.history) == 0:
            self.note.setText(
                translate("RifleView", "Nothing to keep yet: press Step or Run first.")
            )
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
        self.ghost = ghost
        loss_plot = self.view.frame.loss_plot
        if part is self.view.frame.current:
            loss_plot.set_ghost(data)
            loss_plot.update_from(part.trainer)
        self.refresh(part.trainer)

    # --- words --------------------------------------------------------------------------------
    def _ghost_words(self) -> str:
        g = self.ghost
        if g is None:
            return ""
        words = burst_words(g["burst"])
        if g["compare"]:
            return words
        return translate("RifleView", "kept run, {burst}").format(burst=words)

    def refresh(self, trainer: Trainer | None, words: bool = True) -> None:
        """The legend and the note for the run ``trainer`` now on show (None: no run yet);
        ``words`` False leaves the note as it is (a fast run rewrites it a few times a second:
        its jitter reads the whole loss history)."""
        self._update_legend(trainer)
        if words:
            self.update_note(trainer)

    def _update_legend(self, trainer: Trainer | None) -> None:
        """A legend in the loss plot saying which curve is which, while there is a ghost."""
        part = self._part()
        if part is None:
            return
        show = self.ghost is not None and part.ghost is not None and trainer is not None
        if not show:
            if self._legend is not None:
                self._legend.setVisible(False)
            return
        loss_plot = self.view.frame.loss_plot
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
            translate("RifleView", "{ghost} (dashed)").format(ghost=self._ghost_words()),
            translate("RifleView", "this run: {burst}").format(
                burst=burst_words(trainer.model.burst)
            ),
        )
        if texts != self._legend_texts:
            self._legend.clear()
            self._legend.addItem(loss_plot.ghost, texts[0])
            self._legend.addItem(loss_plot.curve, texts[1])
            self._legend_texts = texts
        self._legend.setVisible(part is self.view.frame.current)

    def legend_texts(self) -> list[str]:
        """What the loss plot's legend says (empty when hidden)."""
        if self._legend is None or not self._legend.isVisible():
            return []
        return [label.text for _sample, label in self._legend.items]

    def update_note(self, trainer: Trainer | None) -> None:
        """The note under the buttons: what the dashed curve is, and how noisy each loss is."""
        g = self.ghost
        if g is None:
            self.note.setText(
                translate(
                    "RifleView",
                    "Does one shot per burst train as well as five? One click runs both on "
                    "the same seed and draws both loss curves.",
                )
            )
            return
        text = translate("RifleView", "Loss plot: dashed grey = {ghost}; solid blue = this run.")
        text = text.format(ghost=self._ghost_words())
        if trainer is not None and len(trainer.history) > JITTER_SKIP + 1:
            live = loss_jitter(trainer.history.column("loss"))
            text += " " + translate(
                "RifleView",
                "Average jump of the loss from one step to the next (after step {skip}): "
                "dashed {ghost}, this run {live}.",
            ).format(skip=JITTER_SKIP, ghost=fmt(g["jitter"], 3), live=fmt(live, 3))
        self.note.setText(text)

    def stop_text(self, trainer: Trainer) -> str | None:
        """The end of a comparison run in words (None: ``trainer`` is not one)."""
        if trainer is not self.trainer or not self.ghost:
            return None
        live = loss_jitter(trainer.history.column("loss"))
        return translate(
            "RifleView",
            "comparison done: after step {skip} the loss jumps by {one} per step with "
            "single shots (solid blue), by {five} with bursts of 5 (dashed grey)",
        ).format(skip=JITTER_SKIP, one=fmt(live, 3), five=fmt(self.ghost["jitter"], 3))
