"""Black box, part two: crack the box — fit a model family to the recorded samples.

The picture: the samples, the current model's curve through them and each sample's residual
(model minus sample) as a line.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout

from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.qt.common import BLUE, INK, ORANGE, PURPLE, fmt, signed
from gdstudio.qt.tabs.base import InitField, ScenarioView
from gdstudio.qt.tabs.black_box import plot_widget
from gdstudio.scenarios.black_box import CHAPTER_SAMPLES, FAMILIES, CrackBox


class CrackBoxView(ScenarioView):
    scenario_key = "fit"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.samples = np.array(CHAPTER_SAMPLES, dtype=float)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = plot_widget("fitPlot", self)
        layout.addWidget(self.plot, 1)
        p = self.plot
        self.model_curve = p.plot(pen=pg.mkPen(BLUE, width=3))
        self.residuals = p.plot(pen=pg.mkPen(PURPLE, width=3), connect="pairs")
        self.points = pg.ScatterPlotItem(size=14, brush=pg.mkBrush(INK), pen=pg.mkPen("w"))
        self.current = pg.ScatterPlotItem(
            size=24, symbol="o", brush=None, pen=pg.mkPen(ORANGE, width=4)
        )
        p.addItem(self.points)
        p.addItem(self.current)
        self.residual_lines = np.zeros((0, 2, 2))  # tests read it: per sample [[x, y], [x, model]]

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
        self.retranslate()

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
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("input x"), color="#202020", **{"font-size": "11pt"})
        item.setLabel("left", self.tr("output z"), color="#202020", **{"font-size": "11pt"})
        item.setTitle(
            "<span style='font-size:13pt; color:#202020'>"
            + self.tr("Samples (black), the model (blue), residuals (purple)")
            + "</span>"
        )

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
            return self.tr(
                "Backpropagation hands the errors back to the weights: {grads}. "
                "A positive value means: lower this weight; a negative one: raise it."
            ).format(grads=grads)
        if r.new_params is None:
            return ""
        return self.tr(
            "Gradient descent: each weight moves against its gradient, scaled by the learning "
            "rate {lr}: now {params}."
        ).format(lr=fmt(trainer.lr), params=self._params_text(m, r.new_params))

    def stop_text(self, reason: StopReason, trainer: Trainer) -> str | None:
        if reason is StopReason.PLATEAU:
            return self.tr(
                "plateau: z = {formula} cannot copy the box exactly; it stopped at the best "
                "imitation it can reach (loss {loss}). Try another model family."
            ).format(formula=trainer.model.family.formula, loss=fmt(trainer.history.last()["loss"]))
        return None

    def refresh(self, trainer: Trainer) -> None:
        self._trainer = trainer
        m: CrackBox = trainer.model
        params = trainer.params if trainer.record is None else trainer.record.params
        if trainer.phase is Phase.UPDATE and trainer.record is not None:
            params = trainer.record.new_params
        xs, ys = m.xs, m.ys
        lo, hi = min(0.0, float(xs.min())), float(xs.max()) * 1.1 + 0.1
        grid = np.linspace(lo, hi, 200)
        self.model_curve.setData(grid, m.predict(params, grid))
        self.points.setData(xs, ys)
        pred = m.predict(params, xs)
        lines = np.stack([np.column_stack([xs, ys]), np.column_stack([xs, pred])], axis=1)
        self.residual_lines = lines
        self.residuals.setData(lines[:, :, 0].ravel(), lines[:, :, 1].ravel())
        r = trainer.record
        if r is not None and trainer.phase is not Phase.INIT and len(r.forward.x) == 1:
            self.current.setData(r.forward.x, r.forward.y)
        else:
            self.current.setData([], [])
        top = max(float(np.max(ys)), float(np.max(pred)))
        bottom = min(0.0, float(np.min(ys)), float(np.min(pred)))
        self.plot.setRange(xRange=(lo, hi), yRange=(bottom, top * 1.1 + 0.2), padding=0.02)
