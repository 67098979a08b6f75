"""The shared training controls: Step, Next phase, Run/Pause, Back, Reset, speed, learning rate,
momentum, seed. Every widget has a stable objectName and an accessible name (design.md rule 6);
spin boxes are bounded, so nonsense cannot be typed in."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gdstudio.qt.common import font
from gdstudio.qt.runner import SPEEDS

LR_MIN, LR_MAX = 1e-4, 100.0
SEED_MAX = 2**31 - 1


def media_icon(kind: str, colour, pixels: int) -> QIcon:
    """A "run" triangle or "pause" bars in ``colour``, ``pixels`` square (drawn at twice that for
    sharp edges on high-density screens). Drawn here rather than taken from a font: "⏸" is
    missing from many fonts and showed as an empty box on the lab PCs' Linux fonts."""
    big = 2 * pixels
    pix = QPixmap(big, big)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    m = 0.14 * big  # margin
    if kind == "pause":
        bar = 0.26 * big
        p.drawRect(QRectF(m, m, bar, big - 2 * m))
        p.drawRect(QRectF(big - m - bar, m, bar, big - 2 * m))
    else:
        p.drawPolygon(QPolygonF([QPointF(m, m), QPointF(big - m, 0.5 * big), QPointF(m, big - m)]))
    p.end()
    pix.setDevicePixelRatio(2.0)
    return QIcon(pix)


class RunButton(QPushButton):
    """Run / Pause: a drawn triangle or bars before the words, as tall as the text (in
    presentation mode too) and in the text's colour (in either theme)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = "run"

    def show_kind(self, kind: str) -> None:
        self.kind = kind
        self._draw_icon()

    def _draw_icon(self) -> None:
        side = max(8, round(0.8 * self.fontMetrics().height()))
        self.setIconSize(QSize(side, side))
        colour = self.palette().color(QPalette.ColorRole.ButtonText)
        self.setIcon(media_icon(self.kind, colour, side))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._draw_icon()


def _button(name: str, parent: QWidget, kind=QPushButton) -> QPushButton:
    b = kind(parent)
    b.setObjectName(name)
    b.setFont(font(12, bold=True))
    b.setMinimumHeight(38)
    return b


class ControlPanel(QGroupBox):
    speedChanged = Signal(int)
    learningRateChanged = Signal(float)
    momentumChanged = Signal(float)
    seedChanged = Signal(int)
    logScaleToggled = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("controlPanel")
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.step_button = _button("stepButton", self)
        self.phase_button = _button("phaseButton", self)
        self.run_button = _button("runButton", self, RunButton)
        self.run_button.setCheckable(True)
        self.back_button = _button("backButton", self)
        self.reset_button = _button("resetButton", self)
        grid.addWidget(self.run_button, 0, 0, 1, 2)
        grid.addWidget(self.step_button, 1, 0)
        grid.addWidget(self.phase_button, 1, 1)
        grid.addWidget(self.back_button, 2, 0)
        grid.addWidget(self.reset_button, 2, 1)
        layout.addLayout(grid)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        speed_row = QHBoxLayout()
        self.speed_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.speed_slider.setObjectName("speedSlider")
        self.speed_slider.setRange(0, len(SPEEDS) - 1)
        self.speed_slider.setPageStep(1)
        self.speed_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.speed_label = QLabel(self)
        self.speed_label.setObjectName("speedLabel")
        self.speed_label.setMinimumWidth(90)
        speed_row.addWidget(self.speed_slider, 1)
        speed_row.addWidget(self.speed_label)
        self.speed_caption = QLabel(self)
        form.addRow(self.speed_caption, speed_row)

        self.lr_spin = QDoubleSpinBox(self)
        self.lr_spin.setObjectName("learningRateSpin")
        self.lr_spin.setDecimals(4)
        self.lr_spin.setRange(LR_MIN, LR_MAX)
        self.lr_spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.lr_spin.setKeyboardTracking(False)
        self.lr_caption = QLabel(self)
        form.addRow(self.lr_caption, self.lr_spin)

        self.momentum_spin = QDoubleSpinBox(self)
        self.momentum_spin.setObjectName("momentumSpin")
        self.momentum_spin.setDecimals(2)
        self.momentum_spin.setRange(0.0, 0.99)
        self.momentum_spin.setSingleStep(0.1)
        self.momentum_spin.setKeyboardTracking(False)
        self.momentum_caption = QLabel(self)
        form.addRow(self.momentum_caption, self.momentum_spin)

        self.seed_spin = QSpinBox(self)
        self.seed_spin.setObjectName("seedSpin")
        self.seed_spin.setRange(0, SEED_MAX)
        self.seed_spin.setKeyboardTracking(False)
        self.seed_caption = QLabel(self)
        form.addRow(self.seed_caption, self.seed_spin)

        self.log_check = QCheckBox(self)
        self.log_check.setObjectName("logScaleCheck")
        form.addRow("", self.log_check)
        layout.addLayout(form)

        self.speed_slider.valueChanged.connect(self._on_speed)
        self.lr_spin.valueChanged.connect(self.learningRateChanged)
        self.momentum_spin.valueChanged.connect(self.momentumChanged)
        self.seed_spin.valueChanged.connect(self.seedChanged)
        self.log_check.toggled.connect(self.logScaleToggled)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Training"))
        names = {
            self.step_button: (
                self.tr("Step ▶|"),
                self.tr("Step"),
                self.tr(
                    "One whole iteration: forward, loss, backpropagation, update (Right arrow or Page Down)"
                ),
            ),
            self.phase_button: (
                self.tr("Next phase"),
                self.tr("Next phase"),
                self.tr("Advance one phase of the loop (Shift+Right)"),
            ),
            self.back_button: (
                self.tr("◀ Back"),
                self.tr("Back"),
                self.tr("Undo the last step exactly (Backspace)"),
            ),
            self.reset_button: (
                self.tr("Reset ↺"),
                self.tr("Reset"),
                self.tr("Back to the initialization, same seed (Ctrl+R)"),
            ),
        }
        for widget, (text, name, tip) in names.items():
            widget.setText(text)
            widget.setAccessibleName(name)
            widget.setToolTip(tip)
        self.set_running(self.run_button.isChecked())
        self.run_button.setToolTip(self.tr("Run or pause training (Space)"))
        self.speed_caption.setText(self.tr("Speed"))
        self.speed_slider.setAccessibleName(self.tr("Speed"))
        self.lr_caption.setText(self.tr("Learning rate"))
        self.lr_spin.setAccessibleName(self.tr("Learning rate"))
        self.lr_spin.setToolTip(
            self.tr("How far each gradient-descent step moves. Too large and training diverges.")
        )
        self.momentum_caption.setText(self.tr("Momentum"))
        self.momentum_spin.setAccessibleName(self.tr("Momentum"))
        self.momentum_spin.setToolTip(
            self.tr("0 is plain gradient descent; larger values keep some of the previous step")
        )
        self.seed_caption.setText(self.tr("Seed"))
        self.seed_spin.setAccessibleName(self.tr("Seed"))
        self.seed_spin.setToolTip(
            self.tr("The same seed gives the same random numbers, so a run can be repeated")
        )
        self.log_check.setText(self.tr("Log scale for the loss"))
        self.log_check.setAccessibleName(self.tr("Log scale for the loss"))
        self._on_speed(self.speed_slider.value(), emit=False)

    def set_running(self, running: bool) -> None:
        self.run_button.blockSignals(True)
        self.run_button.setChecked(running)
        self.run_button.blockSignals(False)
        self.run_button.show_kind("pause" if running else "run")
        self.run_button.setText(self.tr("Pause") if running else self.tr("Run"))
        self.run_button.setAccessibleName(self.tr("Pause") if running else self.tr("Run"))

    def speed_text(self, index: int) -> str:
        sps = SPEEDS[index]
        if sps == 0:
            return self.tr("fastest")
        if sps == 1:
            return self.tr("1 step/s")
        return self.tr("{n} steps/s").format(n=sps)

    def _on_speed(self, index: int, emit: bool = True) -> None:
        self.speed_label.setText(self.speed_text(index))
        if emit:
            self.speedChanged.emit(index)

    def set_compact(self, on: bool) -> None:
        """Presentation mode: only what a presenter needs to step and run."""
        for w in (
            self.momentum_spin,
            self.momentum_caption,
            self.seed_spin,
            self.seed_caption,
            self.log_check,
        ):
            w.setVisible(not on)

    # --- model to widget (signals blocked: no feedback loops, design.md rule 2) ----------
    def set_values(self, *, speed: int, lr: float, momentum: float, seed: int, momentum_ok: bool):
        for w, v in (
            (self.speed_slider, speed),
            (self.lr_spin, lr),
            (self.momentum_spin, momentum),
            (self.seed_spin, seed),
        ):
            w.blockSignals(True)
            w.setValue(v)
            w.blockSignals(False)
        self.momentum_spin.setEnabled(momentum_ok)
        self._on_speed(speed, emit=False)
