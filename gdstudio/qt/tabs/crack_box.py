"""Black box, part two: crack the box — fit a model family to the recorded samples.

The picture: the samples with the current model's curve through them and each sample's residual
(model minus sample); beside them the loss landscape (landscape_plot.py); under both the
editable sample table (sample_table.py). When a run ends on a plateau, a note on the picture
says in plain words what that means.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QGroupBox, QLabel

from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.qt.common import BLUE, INK, ORANGE, PURPLE, fmt, font, signed
from gdstudio.qt.items import Curve
from gdstudio.qt.tabs.base import InitField, ScenarioView
from gdstudio.qt.tabs.black_box import (
    Pairs,
    axis_label,
    cache_items,
    dot,
    finite_xy,
    place_dot,
    plot_widget,
    set_line,
    set_points,
    set_view_once,
)
from gdstudio.qt.tabs.landscape_plot import LandscapePlot, current_sample
from gdstudio.qt.tabs.sample_table import SampleTable
from gdstudio.scenarios.black_box import (
    CHAPTER_SAMPLES,
    FAMILIES,
    CrackBox,
    best_fit,
    suggest_family,
)


class CrackBoxView(ScenarioView):
    scenario_key = "fit"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.samples = np.array(CHAPTER_SAMPLES, dtype=float)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.plot = plot_widget("fitPlot", self)
        p = self.plot
        # the model and its residuals change every frame of a run: light items (their bounds
        # are the visible area, their setData keeps the arrays), not data items
        self.model_curve = Curve(pg.mkPen(BLUE, width=3))
        p.addItem(self.model_curve)
        self.residuals = Pairs(pg.mkPen(PURPLE, width=4))
        p.addItem(self.residuals)
        self.points = pg.ScatterPlotItem(size=14, brush=pg.mkBrush(INK), pen=pg.mkPen("w"))
        p.addItem(self.points)
        self.current = dot(size=26, brush=None, pen=pg.mkPen(ORANGE, width=4), at_origin=True)
        self.current.setVisible(False)  # a ring at 0, 0, moved to the sample (place_dot)
        p.addItem(self.current)
        cache_items(self.points)  # the samples stay
        self._y_view: tuple[float, float] | None = None
        self.residual_lines = np.zeros((0, 2, 2))  # tests read it: per sample [[x, y], [x, model]]
        self.table = SampleTable(self.samples, self)
        self.table.samplesChanged.connect(self._on_samples)
        self.landscape = LandscapePlot(self)
        self.plateau_note = QLabel(self)
        self.plateau_note.setObjectName("plateauNote")
        self.plateau_note.setWordWrap(True)
        self.plateau_note.setFont(font(11))
        self.plateau_note.setTextFormat(Qt.TextFormat.RichText)
        self.plateau_note.setStyleSheet(
            "#plateauNote { background: #fff4d6; border: 2px solid #E69F00; border-left: 8px solid "
            "#E69F00; padding: 4px 8px; color: #202020; }"
        )
        self.plateau_note.setVisible(False)
        grid.addWidget(self.plot, 0, 0)
        grid.addWidget(self.landscape, 0, 1)
        grid.addWidget(self.table, 1, 0, 1, 2)
        grid.addWidget(self.plateau_note, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 1)

        self.settings = QGroupBox()
        self.settings.setObjectName("fitSettings")
        form = QFormLayout(self.settings)
        self.family_combo = QComboBox()
        self.family_combo.setObjectName("familyCombo")
        for formula in FAMILIES:
            self.family_combo.addItem(f"z = {formula}", formula)
        self.batch_combo = QComboBox()
        self.batch_combo.setObjectName("batchCombo")
        self.batch_combo.addItem("", "full")
        self.batch_combo.addItem("", "1")
        for combo in (self.family_combo, self.batch_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.family_label, self.batch_label = QLabel(), QLabel()
        form.addRow(self.family_label, self.family_combo)
        form.addRow(self.batch_label, self.batch_combo)
        self.family_combo.currentIndexChanged.connect(self.settingsChanged)
        self.batch_combo.currentIndexChanged.connect(self.settingsChanged)
        self._trainer: Trainer | None = None
        self._axes_for: tuple[str, ...] = ()
        self.retranslate()

    def sizeHint(self) -> QSize:
        """Modest: the frame's splitter sizes the picture from this, and the lesson needs room."""
        return QSize(480, 170)

    def _on_samples(self, samples: np.ndarray) -> None:
        self.samples = samples
        self.settingsChanged.emit()

    # --- texts ------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Crack the box")

    def purpose(self) -> str:
        return self.tr(
            "Purpose: copy the black box — find weights for z = {formula} so that the model "
            "gives the outputs recorded in the table."
        ).format(formula=self.family_combo.currentData())

    def retranslate(self) -> None:
        self.settings.setTitle(self.tr("The model"))
        self.family_label.setText(self.tr("Model family"))
        self.batch_label.setText(self.tr("Samples per step"))
        self.batch_combo.setItemText(0, self.tr("all (full batch)"))
        self.batch_combo.setItemText(1, self.tr("one at a time"))
        self.family_combo.setAccessibleName(self.tr("Model family"))
        self.batch_combo.setAccessibleName(self.tr("Samples per step"))
        self.plot.setAccessibleName(self.tr("Samples and model"))
        self.landscape.setAccessibleName(self.tr("Loss landscape"))
        self.plateau_note.setAccessibleName(self.tr("Why the run stopped"))
        axis_label(self.plot, "bottom", self.tr("input x"))
        axis_label(self.plot, "left", self.tr("output z"))
        self.plot.getPlotItem().setTitle(
            "<span style='font-size:10pt; color:#202020'>● {samples} &nbsp;"
            "<span style='color:#0072B2'>━</span> {model} &nbsp;"
            "<span style='color:#CC79A7'>┃</span> {residual}</span>".format(
                samples=self.tr("samples"), model=self.tr("model"), residual=self.tr("residual")
            )
        )
        self.table.retranslate()
        self._axes_for = ()
        if self._trainer is not None:
            self.refresh(self._trainer)

    def init_fields(self) -> list[InitField]:
        return [
            InitField("w", self.tr("Starting weight w"), -10.0, 10.0, 1.0, decimals=3, step=0.1),
            InitField("other", self.tr("Starting b or v"), -10.0, 10.0, 0.0, decimals=3, step=0.1),
        ]

    def settings_widget(self):
        return self.settings

    def create_model(self, init: dict[str, float]) -> CrackBox:
        return CrackBox(
            family=self.family_combo.currentData(),
            samples=[tuple(r) for r in self.samples],
            batch=self.batch_combo.currentData(),
            w0=init.get("w", 1.0),
            other0=init.get("other", 0.0),
        )

    def ui_state(self) -> dict:
        return {
            "model": self.family_combo.currentData(),
            "batch": self.batch_combo.currentData(),
            "samples": self.samples.tolist(),
        }

    def set_ui_state(self, state: dict) -> None:
        """Restore what ``ui_state`` gave; a bad entry is ignored, the rest applies."""
        for combo, key in ((self.family_combo, "model"), (self.batch_combo, "batch")):
            i = combo.findData(state.get(key))
            if i >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(i)
                combo.blockSignals(False)
        try:
            samples = np.array(state.get("samples"), dtype=float)
            CrackBox(samples=samples)  # the model's own checks
        except (TypeError, ValueError):
            samples = self.samples
        self.samples = samples
        self.table.set_samples(samples)
        self.settingsChanged.emit()

    def _params_text(self, m: CrackBox, params) -> str:
        return ", ".join(f"{n} = {fmt(v)}" for n, v in zip(m.param_names, params))

    def lesson(self, phase: Phase, trainer: Trainer) -> str:
        m: CrackBox = trainer.model
        r = trainer.record
        if phase is Phase.INIT or r is None:
            return self.tr(
                "We guess that the box computes <b>z = {formula}</b> and start with {params}. "
                "Choosing the model family and its first weights is the <i>initialization</i>."
            ).format(formula=m.family.formula, params=self._params_text(m, trainer.params))
        f = r.forward
        one = len(f.x) == 1
        if phase is Phase.FORWARD:
            if one:
                return self.tr(
                    "Sample {i}: the model turns the input {x} into <b>{z}</b>. "
                    "That is the <i>forward</i> calculation."
                ).format(i=int(f.indices[0]) + 1, x=fmt(f.x[0]), z=fmt(f.prediction[0]))
            return self.tr(
                "The model computes an output for each of the {n} recorded inputs "
                "(the blue curve): the <i>forward</i> calculation."
            ).format(n=len(f.x))
        if phase is Phase.LOSS:
            if one:
                e = float(f.error[0])
                words = self.tr("too high") if e > 0 else self.tr("too low")
                return self.tr(
                    "The table says {y}, the model said {z}: error = {z} − {y} = <b>{e}</b> "
                    "({words}). Over the whole table, the loss — half the mean squared error — is "
                    "{loss}."
                ).format(
                    y=fmt(f.y[0]),
                    z=fmt(f.prediction[0]),
                    e=signed(e),
                    words=words,
                    loss=fmt(r.loss),
                )
            return self.tr(
                "Each purple line is a residual, model minus sample. The loss is half the mean "
                "of their squares: <b>{loss}</b>."
            ).format(loss=fmt(r.loss))
        if phase is Phase.BACKWARD:
            grads = ", ".join(
                f"∂loss/∂{n} = {signed(g)}" for n, g in zip(m.param_names, r.gradient)
            )
            if one:
                return self.tr(
                    "Backpropagation hands this one sample's error back: {grads}. That is downhill "
                    "for sample {i} alone (purple dashes), not for the whole table — so the path "
                    "zig-zags."
                ).format(grads=grads, i=int(f.indices[0]) + 1)
            return self.tr(
                "Backpropagation hands the errors back to the weights: {grads}. "
                "A positive value means: lower this weight; a negative one: raise it."
            ).format(grads=grads)
        if r.new_params is None:
            return ""
        return self.tr(
            "Gradient descent: each weight moves against its gradient, scaled by the learning "
            "rate {lr}: now {params}. On the landscape, the black arrow is this step."
        ).format(lr=fmt(trainer.lr), params=self._params_text(m, r.new_params))

    def stop_text(self, reason: StopReason, trainer: Trainer) -> str | None:
        if reason is StopReason.PLATEAU:
            floor = best_fit(trainer.model.family, trainer.model.samples)[1]
            if floor <= trainer.tolerance:
                return self.tr(
                    "plateau: the loss stopped falling at {loss}, though this model could go "
                    "lower. Try a smaller learning rate."
                ).format(loss=fmt(trainer.history.last()["loss"]))
            return self.tr(
                "plateau: z = {formula} cannot copy the box exactly; it stopped at the best "
                "imitation it can reach (loss {loss}). Try another model family."
            ).format(formula=trainer.model.family.formula, loss=fmt(trainer.history.last()["loss"]))
        return None

    def _plateau_text(self, trainer: Trainer) -> str:
        m: CrackBox = trainer.model
        loss = fmt(trainer.history.last()["loss"])
        floor = best_fit(m.family, m.samples)[1]
        if floor <= trainer.tolerance:
            return self.tr(
                "<b>Stuck on a plateau.</b> The loss stopped falling at {loss}, though z = "
                "{formula} could copy these samples: the steps are too large. Lower the learning "
                "rate."
            ).format(loss=loss, formula=m.family.formula)
        other = suggest_family(m.samples, m.family.formula, trainer.tolerance)
        hint = (
            self.tr("Try another model, e.g. z = {other}.").format(other=other)
            if other
            else self.tr("Try another model family.")
        )
        return self.tr(
            "<b>Plateau: z = {formula} cannot copy the box exactly.</b> No weights make it fit "
            "every sample, so it stopped at its best imitation: loss {loss}, not 0. {hint}"
        ).format(formula=m.family.formula, loss=loss, hint=hint)

    # --- picture ----------------------------------------------------------------------------
    def _sync_widgets(self, m: CrackBox) -> None:
        """Show the model's own settings (a trainer handed in from a saved session, say)."""
        for combo, value in (
            (self.family_combo, m.family.formula),
            (self.batch_combo, m.batch_mode),
        ):
            if combo.currentData() != value and combo.findData(value) >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(value))
                combo.blockSignals(False)
        if not np.array_equal(self.samples, m.samples):
            self.samples = m.samples.copy()
            self.table.set_samples(self.samples)

    def refresh(self, trainer: Trainer) -> None:
        self._trainer = trainer
        m: CrackBox = trainer.model
        self._sync_widgets(m)
        params = trainer.params if trainer.record is None else trainer.record.params
        if trainer.phase is Phase.UPDATE and trainer.record is not None:
            params = trainer.record.new_params
        xs, ys = m.xs, m.ys
        lo, hi = min(0.0, float(xs.min())), max(0.0, float(xs.max()))
        pad = 0.1 * (hi - lo) if hi > lo else 1.0
        lo, hi = lo - (pad if lo < 0 else 0.0), hi + pad
        grid = np.linspace(lo, hi, 200)
        with np.errstate(over="ignore", invalid="ignore"):
            curve = m.predict(params, grid)
            pred = m.predict(params, xs)
        set_line(self.model_curve, *finite_xy(grid, curve))
        set_points(self.points, xs, ys)
        lines = np.stack([np.column_stack([xs, ys]), np.column_stack([xs, pred])], axis=1)
        self.residual_lines = lines
        drawable = lines[np.all(np.isfinite(lines), axis=(1, 2))]
        set_line(self.residuals, drawable[:, :, 0].ravel(), drawable[:, :, 1].ravel())
        one = current_sample(trainer)
        if one is not None:
            place_dot(self.current, float(xs[one]), float(ys[one]))
        else:
            self.current.setVisible(False)
        words = self.words_due()
        if words:  # the row's highlight: with the words, a few times a second in a fast run
            self.table.set_current(one)
        top = max(0.0, float(np.max(ys)), float(np.max(pred)))
        bottom = min(0.0, float(np.min(ys)), float(np.min(pred)))
        room = 0.1 * (top - bottom) if top > bottom else 1.0
        self._set_y_view((lo, hi), (bottom, top + room), exact=words)
        self.landscape.update_from(trainer)
        if m.param_names != self._axes_for:
            self._axis_names(m)
        plateau = trainer.stop is StopReason.PLATEAU
        if plateau:
            self.plateau_note.setText(self._plateau_text(trainer))
        self.plateau_note.setVisible(plateau)

    def _set_y_view(self, x_range, y_range, exact: bool) -> None:
        """Show the samples and the model. Between the words of a fast run the height only
        grows when the model would leave the view: a new range redraws the axes, and the
        model moves a little every frame. With the words (and when paused) it fits exactly."""
        shown = self._y_view
        if not exact and shown is not None and math.isfinite(y_range[0] + y_range[1]):
            lo, hi = shown
            if lo <= y_range[0] and y_range[1] <= hi:
                y_range = shown  # still inside: keep the view
            else:
                y_range = (min(lo, y_range[0]), max(hi, y_range[1]))
        if set_view_once(self.plot, x_range, y_range, padding=0.02):
            self._y_view = (float(y_range[0]), float(y_range[1]))

    def _axis_names(self, m: CrackBox) -> None:
        names = self._axes_for = m.param_names
        axis_label(self.landscape, "bottom", self.tr("weight {name}").format(name=names[0]))
        if len(names) == 1:
            axis_label(self.landscape, "left", self.tr("loss (whole table)"))
            title = self.tr("Loss landscape")
        else:
            axis_label(self.landscape, "left", self.tr("weight {name}").format(name=names[1]))
            title = self.tr("Loss map: lighter = lower")
        self.landscape.getPlotItem().setTitle(
            f"<span style='font-size:10pt; color:#202020'>{title}</span>"
        )
