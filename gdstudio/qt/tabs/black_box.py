"""Black box, part one: find the input that makes the box answer 4.

The picture: the box with its input and output, the target line y = 4, the current point, the
tangent there (the slope backpropagation carries back), the signed loss as a bar from the
target to the output, the step it implies as an arrow on the x axis, and the hidden curve
behind a Reveal toggle.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout

from gdstudio.engine import Phase, Trainer
from gdstudio.qt.common import BLUE, GREY, INK, ORANGE, PURPLE, VERMILION, fmt, font, signed
from gdstudio.qt.tabs.base import InitField, ScenarioView
from gdstudio.scenarios.black_box import BlackBox

X_RANGE = (-1.0, 4.0)


def plot_widget(name: str, parent) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent)
    plot.setObjectName(name)
    plot.setBackground("w")
    item = plot.getPlotItem()
    item.hideButtons()
    item.setMenuEnabled(False)
    item.showGrid(x=True, y=True, alpha=0.2)
    plot.setMouseEnabled(x=False, y=False)
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setPen(pg.mkPen("#404040"))
        axis.setTextPen(pg.mkPen(INK))
        axis.setStyle(tickFont=font(11))
    return plot


class BlackBoxView(ScenarioView):
    scenario_key = "blackbox"

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box_label = QLabel(self)
        self.box_label.setObjectName("boxDrawing")
        self.box_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.box_label.setFont(font(15))
        self.box_label.setWordWrap(True)
        self.box_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.box_label)
        self.plot = plot_widget("boxPlot", self)
        layout.addWidget(self.plot, 1)
        p = self.plot
        self.curve = p.plot(pen=pg.mkPen(GREY, width=2))
        self.target_line = pg.InfiniteLine(
            angle=0,
            pen=pg.mkPen(VERMILION, width=2, style=Qt.PenStyle.DashLine),
            label="",
            labelOpts={"position": 0.08, "color": VERMILION, "anchors": [(0, 1), (0, 1)]},
        )
        p.addItem(self.target_line)
        self.error_bar = p.plot(pen=pg.mkPen(PURPLE, width=5))
        self.tangent = p.plot(pen=pg.mkPen(ORANGE, width=3))
        self.step_shaft = p.plot(pen=pg.mkPen(BLUE, width=4))
        self.step_head = pg.ArrowItem(pen=pg.mkPen(BLUE), brush=pg.mkBrush(BLUE), headLen=16)
        p.addItem(self.step_head)
        self.point = pg.ScatterPlotItem(
            size=16, brush=pg.mkBrush(ORANGE), pen=pg.mkPen(INK, width=2)
        )
        p.addItem(self.point)
        self.trail = pg.ScatterPlotItem(size=8, brush=pg.mkBrush(GREY), pen=None)
        p.addItem(self.trail)
        self.error_text = pg.TextItem(color=PURPLE, anchor=(-0.1, 0.5))
        self.error_text.setFont(font(12, bold=True))
        p.addItem(self.error_text)
        self.tangent_slope = 0.0  # tests read these
        self.tangent_at = 0.0

        self.settings = QGroupBox()
        self.settings.setObjectName("blackboxSettings")
        form = QFormLayout(self.settings)
        self.target_spin = QDoubleSpinBox()
        self.target_spin.setObjectName("targetSpin")
        self.target_spin.setRange(-5.0, 20.0)
        self.target_spin.setDecimals(3)
        self.target_spin.setValue(4.0)
        self.target_spin.setKeyboardTracking(False)
        self.target_spin.valueChanged.connect(self.settingsChanged)
        self.target_label = QLabel()
        form.addRow(self.target_label, self.target_spin)
        self.reveal_check = QCheckBox()
        self.reveal_check.setObjectName("revealCheck")
        self.reveal_check.toggled.connect(lambda _on: self._trainer and self.refresh(self._trainer))
        form.addRow("", self.reveal_check)
        self._trainer: Trainer | None = None
        self.retranslate()

    def title(self) -> str:
        return self.tr("Find the input")

    def purpose(self) -> str:
        return self.tr("Purpose: find the input that makes the black box answer {target}.").format(
            target=fmt(self.target_spin.value())
        )

    def retranslate(self) -> None:
        self.settings.setTitle(self.tr("The box"))
        self.target_label.setText(self.tr("Wanted output"))
        self.target_spin.setAccessibleName(self.tr("Wanted output"))
        self.reveal_check.setText(self.tr("Reveal what is inside the box (teacher)"))
        self.reveal_check.setAccessibleName(self.tr("Reveal the box's curve"))
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("input x"), color="#202020", **{"font-size": "11pt"})
        item.setLabel("left", self.tr("output"), color="#202020", **{"font-size": "11pt"})

    def init_fields(self) -> list[InitField]:
        return [InitField("x", self.tr("First input x"), -10.0, 10.0, 1.0, decimals=3, step=0.1)]

    def settings_widget(self):
        return self.settings

    def create_model(self, init: dict[str, float]) -> BlackBox:
        return BlackBox(x0=init.get("x", 1.0), target=self.target_spin.value())

    def lesson(self, phase: Phase, trainer: Trainer) -> str:
        m: BlackBox = trainer.model
        r = trainer.record
        if phase is Phase.INIT or r is None:
            return self.tr(
                "We cannot look inside the box, so we just try an input: <b>x = {x}</b>. "
                "This first try is the <i>initialization</i>."
            ).format(x=fmt(trainer.params[0]))
        f = r.forward
        if phase is Phase.FORWARD:
            return self.tr(
                "The input {x} goes into the box and <b>{out}</b> comes out. What happens "
                "inside is the <i>forward</i> calculation — hidden from us."
            ).format(x=fmt(f.x), out=fmt(f.output))
        if phase is Phase.LOSS:
            words = self.tr("too high") if f.error > 0 else self.tr("too low")
            return self.tr(
                "We wanted {target}. Loss = output − target = {out} − {target} = <b>{err}</b>: "
                "{words}. The sign gives the direction, the size how far. "
                "(Descent makes half its square small: {loss}.)"
            ).format(
                target=fmt(m.target),
                out=fmt(f.output),
                err=signed(f.error),
                words=words,
                loss=fmt(r.loss),
            )
        if phase is Phase.BACKWARD:
            return self.tr(
                "Backpropagation carries the error back through the box. Near x = {x} the output "
                "rises by about {slope} for each unit of input (the orange tangent), so the "
                "gradient is error × slope = {err} × {slope} = <b>{grad}</b>."
            ).format(
                x=fmt(f.x), slope=fmt(f.slope), err=signed(f.error), grad=signed(r.gradient[0])
            )
        if r.new_params is None:
            return ""
        return self.tr(
            "Gradient descent: new input = {x} − {lr} × {grad} = <b>{new}</b> (the blue arrow)."
        ).format(
            x=fmt(f.x), lr=fmt(trainer.lr), grad=signed(r.gradient[0]), new=fmt(r.new_params[0])
        )

    def refresh(self, trainer: Trainer) -> None:
        self._trainer = trainer
        m: BlackBox = trainer.model
        r = trainer.record
        x = (
            float(r.params[0])
            if r is not None and trainer.phase is not Phase.INIT
            else float(trainer.params[0])
        )
        out = float(m.output(x))
        shown = trainer.phase is not Phase.INIT and r is not None
        err = out - m.target
        xs_hist = trainer.history.column("x")
        lo = min(X_RANGE[0], float(np.min(xs_hist)) if len(xs_hist) else x, x)
        hi = max(X_RANGE[1], float(np.max(xs_hist)) if len(xs_hist) else x, x)
        grid = np.linspace(lo, hi, 300)
        if self.reveal_check.isChecked():
            self.curve.setData(grid, m.output(grid))
        else:
            self.curve.setData([], [])
        self.target_line.setPos(m.target)
        self.target_line.label.setFormat(self.tr("wanted: {t}").format(t=fmt(m.target)))
        self.point.setData([x], [out] if shown else [m.target])
        self.trail.setData(xs_hist, trainer.history.column("output"))
        slope = float(m.slope(x))
        self.tangent_slope, self.tangent_at = slope, x
        if shown and trainer.phase >= Phase.BACKWARD:
            half = 0.6
            self.tangent.setData([x - half, x + half], [out - half * slope, out + half * slope])
        else:
            self.tangent.setData([], [])
        if shown and trainer.phase >= Phase.LOSS:
            self.error_bar.setData([x, x], [m.target, out])
            self.error_text.setText(self.tr("loss {e}").format(e=signed(err)))
            self.error_text.setPos(x, (m.target + out) / 2)
            self.error_text.setVisible(True)
        else:
            self.error_bar.setData([], [])
            self.error_text.setVisible(False)
        if shown and r.gradient is not None:
            new_x = x - trainer.lr * float(r.gradient[0])
            y0 = min(m.target, out) - 0.6
            self.step_shaft.setData([x, new_x], [y0, y0])
            self.step_head.setPos(new_x, y0)
            self.step_head.setStyle(angle=0 if new_x < x else 180)
            self.step_head.setVisible(abs(new_x - x) > 1e-9)
        else:
            self.step_shaft.setData([], [])
            self.step_head.setVisible(False)
        ys = [m.target, out, 0.0]
        self.plot.setRange(xRange=(lo, hi), yRange=(min(ys) - 1.5, max(ys) + 1.5), padding=0.02)
        out_text = fmt(out) if shown and trainer.phase >= Phase.FORWARD else "?"
        self.box_label.setText(
            self.tr(
                "input <b style='color:#0072B2'>x = {x}</b> &nbsp;→&nbsp; "
                "<span style='background:#202020; color:white'>&nbsp;&nbsp;■ black box ■&nbsp;&nbsp;</span>"
                " &nbsp;→&nbsp; output <b style='color:#D55E00'>{out}</b> &nbsp; (wanted {t})"
            ).format(x=fmt(x), out=out_text, t=fmt(m.target))
        )
