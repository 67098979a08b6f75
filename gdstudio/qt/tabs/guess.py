"""Guess the number: a number line with every guess and B's answer beside it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QVBoxLayout,
)

from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.qt.common import BLUE, GREY, INK, ORANGE, VERMILION, font
from gdstudio.qt.tabs.base import InitField, ScenarioView
from gdstudio.scenarios.guess_number import GuessNumber, degree

LABELS = 12  # answers written beside the latest guesses


class GuessView(ScenarioView):
    scenario_key = "guess"

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("numberLine")
        self.plot.setBackground("w")
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.getPlotItem().hideButtons()
        self.plot.getPlotItem().setMenuEnabled(False)
        self.plot.getPlotItem().hideAxis("left")
        bottom = self.plot.getPlotItem().getAxis("bottom")
        bottom.setPen(pg.mkPen(INK, width=2))
        bottom.setTextPen(pg.mkPen(INK))
        bottom.setStyle(tickFont=font(12))
        layout.addWidget(self.plot)
        self.path = self.plot.plot(pen=pg.mkPen(GREY, width=1.5, style=Qt.PenStyle.DashLine))
        self.dots = pg.ScatterPlotItem(size=14, brush=pg.mkBrush(BLUE), pen=pg.mkPen("w"))
        self.latest = pg.ScatterPlotItem(
            size=24, symbol="d", brush=pg.mkBrush(ORANGE), pen=pg.mkPen(INK, width=2)
        )
        self.secret_line = pg.InfiniteLine(
            angle=90, pen=pg.mkPen(VERMILION, width=3, style=Qt.PenStyle.DashLine)
        )
        self.secret_text = pg.TextItem(color=VERMILION, anchor=(0.5, 1.2))
        self.secret_text.setFont(font(13, bold=True))
        for item in (self.dots, self.latest, self.secret_line, self.secret_text):
            self.plot.addItem(item)
        self.labels = []
        for _ in range(LABELS):
            t = pg.TextItem(color=INK, anchor=(0, 0.5))
            t.setFont(font(12))
            self.plot.addItem(t)
            self.labels.append(t)
        self.guesses = np.zeros(0)  # what the number line shows (tests read it)

        self.settings = QGroupBox()
        self.settings.setObjectName("guessSettings")
        form = QFormLayout(self.settings)
        self.low_spin = QSpinBox()
        self.low_spin.setObjectName("lowSpin")
        self.low_spin.setRange(-1000, 999)
        self.low_spin.setValue(1)
        self.high_spin = QSpinBox()
        self.high_spin.setObjectName("highSpin")
        self.high_spin.setRange(-999, 1000)
        self.high_spin.setValue(50)
        self.secret_random = QCheckBox()
        self.secret_random.setObjectName("secretRandomCheck")
        self.secret_random.setChecked(True)
        self.secret_spin = QSpinBox()
        self.secret_spin.setObjectName("secretSpin")
        self.secret_spin.setRange(1, 50)
        self.secret_spin.setValue(44)
        self.secret_spin.setEnabled(False)
        self.feedback_combo = QComboBox()
        self.feedback_combo.setObjectName("feedbackCombo")
        self.feedback_combo.addItem("", "vague")
        self.feedback_combo.addItem("", "exact")
        self.feedback_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.feedback_combo.setMinimumContentsLength(14)
        self.reveal_check = QCheckBox()
        self.reveal_check.setObjectName("revealCheck")
        self.low_label, self.high_label = pg.QtWidgets.QLabel(), pg.QtWidgets.QLabel()
        self.secret_label, self.feedback_label = pg.QtWidgets.QLabel(), pg.QtWidgets.QLabel()
        form.addRow(self.low_label, self.low_spin)
        form.addRow(self.high_label, self.high_spin)
        form.addRow("", self.secret_random)
        form.addRow(self.secret_label, self.secret_spin)
        form.addRow(self.feedback_label, self.feedback_combo)
        form.addRow("", self.reveal_check)
        for spin in (self.low_spin, self.high_spin, self.secret_spin):
            spin.setKeyboardTracking(False)
        self.low_spin.valueChanged.connect(self._on_range)
        self.high_spin.valueChanged.connect(self._on_range)
        self.secret_spin.valueChanged.connect(self.settingsChanged)
        self.secret_random.toggled.connect(self._on_random)
        self.feedback_combo.currentIndexChanged.connect(self.settingsChanged)
        self.reveal_check.toggled.connect(lambda _on: self._trainer and self.refresh(self._trainer))
        self._trainer: Trainer | None = None
        self.retranslate()

    # --- texts --------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Guess the number")

    def purpose(self) -> str:
        return self.tr(
            "Purpose: B has picked a secret number between {low} and {high}. "
            "A must find it, using only what B answers."
        ).format(low=self.low_spin.value(), high=self.high_spin.value())

    def retranslate(self) -> None:
        self.settings.setTitle(self.tr("The game"))
        self.low_label.setText(self.tr("Lowest number"))
        self.high_label.setText(self.tr("Highest number"))
        self.secret_random.setText(self.tr("Random secret (from the seed)"))
        self.secret_label.setText(self.tr("Secret number"))
        self.feedback_label.setText(self.tr("B answers"))
        self.feedback_combo.setItemText(0, self.tr("in words: “too low” …"))
        self.feedback_combo.setItemText(1, self.tr("exactly: the difference"))
        self.reveal_check.setText(self.tr("Reveal the secret (teacher)"))
        for w, name in (
            (self.low_spin, self.tr("Lowest number")),
            (self.high_spin, self.tr("Highest number")),
            (self.secret_spin, self.tr("Secret number")),
            (self.feedback_combo, self.tr("How B answers")),
            (self.reveal_check, self.tr("Reveal the secret")),
            (self.secret_random, self.tr("Random secret")),
        ):
            w.setAccessibleName(name)
        self.plot.getPlotItem().setTitle(
            f"<span style='font-size:13pt; color:#202020'>{self.tr('The number line: every guess, and what B said')}</span>"
        )

    def word(self, level: int) -> str:
        return [
            self.tr("too low"),
            self.tr("low"),
            self.tr("a bit low"),
            self.tr("correct!"),
            self.tr("a bit high"),
            self.tr("high"),
            self.tr("too high"),
        ][level + 3]

    def answer(self, model: GuessNumber, guess: int) -> str:
        miss = guess - model.secret
        if model.feedback_mode == "exact" and miss:
            return self.tr("off by {miss}").format(miss=f"{miss:+d}")
        return self.word(degree(miss, model.low, model.high))

    def lesson(self, phase: Phase, trainer: Trainer) -> str:
        m: GuessNumber = trainer.model
        r = trainer.record
        if phase is Phase.INIT or r is None:
            return self.tr(
                "A has to start somewhere, so A simply guesses <b>{guess}</b>. "
                "That first guess is the <i>initialization</i>: a starting point, not yet knowledge."
            ).format(guess=int(trainer.params[0]))
        g = r.forward.guess
        if phase is Phase.FORWARD:
            return self.tr(
                "A says <b>{guess}</b> out loud. Producing an answer from what you have now is "
                "the <i>forward</i> calculation."
            ).format(guess=g)
        if phase is Phase.LOSS:
            return self.tr(
                "B compares {guess} with the secret and says <b>“{answer}”</b>. "
                "That answer is the loss as A hears it. (The plot shows the true loss, "
                "half the squared miss: {loss}.)"
            ).format(guess=g, answer=self.answer(m, g), loss=f"{r.loss:g}")
        if phase is Phase.BACKWARD:
            if r.forward.level == 0:
                return self.tr("B says “correct!”: there is nothing left to carry back.")
            if m.feedback_mode == "exact":
                return self.tr(
                    "B hands the exact difference back to A: <b>{miss}</b>. Direction and size "
                    "together — a precise gradient."
                ).format(miss=f"{r.forward.miss:+d}")
            return self.tr(
                "B's words travel back to A. They carry a direction (bigger or smaller) and a "
                "vague degree (“too”, “a bit”) — nothing more. A reads them as a miss of about "
                "<b>{estimate}</b>."
            ).format(estimate=f"{r.gradient[0]:+.0f}")
        new = r.new_params
        if new is None:
            return ""
        nxt = int(new[0])
        return self.tr(
            "A moves the guess from {old} to <b>{new}</b>, against the direction B pointed, "
            "and never outside the range B's answers still allow. That move is the "
            "<i>gradient-descent</i> step."
        ).format(old=g, new=nxt)

    def stop_text(self, reason: StopReason, trainer: Trainer) -> str | None:
        if reason is StopReason.CONVERGED:
            return self.tr("found it! The secret number is {secret}, after {n} guesses").format(
                secret=trainer.model.secret, n=len(trainer.history)
            )
        return None

    # --- model --------------------------------------------------------------------------
    def init_fields(self) -> list[InitField]:
        return [InitField("guess", self.tr("A's first guess"), -1000, 1000, 5, decimals=0, step=1)]

    def settings_widget(self):
        return self.settings

    def create_model(self, init: dict[str, float]) -> GuessNumber:
        low, high = self.low_spin.value(), self.high_spin.value()
        first = int(min(max(init.get("guess", 5), low), high))
        secret = None if self.secret_random.isChecked() else self.secret_spin.value()
        return GuessNumber(
            low=low,
            high=high,
            secret=secret,
            first_guess=first,
            feedback=self.feedback_combo.currentData(),
        )

    def _on_random(self, on: bool) -> None:
        self.secret_spin.setEnabled(not on)
        self.settingsChanged.emit()

    def _on_range(self) -> None:
        low, high = self.low_spin.value(), self.high_spin.value()
        if low >= high:  # keep the range valid: move the other end
            spin = self.high_spin if self.sender() is self.low_spin else self.low_spin
            spin.blockSignals(True)
            spin.setValue(low + 1 if spin is self.high_spin else high - 1)
            spin.blockSignals(False)
            low, high = self.low_spin.value(), self.high_spin.value()
        self.secret_spin.blockSignals(True)
        self.secret_spin.setRange(low, high)
        self.secret_spin.blockSignals(False)
        self.settingsChanged.emit()

    # --- picture ------------------------------------------------------------------------
    def refresh(self, trainer: Trainer) -> None:
        self._trainer = trainer
        m: GuessNumber = trainer.model
        guesses = trainer.history.column("guess").copy()
        if len(guesses) == 0 or trainer.phase is Phase.INIT:
            guesses = np.array([trainer.params[0]]) if len(guesses) == 0 else guesses
        self.guesses = guesses
        n = len(guesses)
        ys = -np.arange(n, dtype=float)  # each guess one row lower: the order reads top-down
        self.path.setData(guesses, ys)
        self.dots.setData(guesses, ys)
        self.latest.setData(guesses[-1:], ys[-1:])
        first = max(0, n - LABELS)
        for i, label in enumerate(self.labels):
            j = first + i
            if j < n and len(trainer.history) > j:
                g = int(guesses[j])
                text = f"#{j + 1}: {g} — {self.answer(m, g)}"
                right_half = guesses[j] > (m.low + m.high) / 2
                label.setText(text + "  " if right_half else "  " + text)
                label.setAnchor((1, 0.5) if right_half else (0, 0.5))
                label.setPos(guesses[j], ys[j])
                label.setVisible(True)
            else:
                label.setVisible(False)
        revealed = self.reveal_check.isChecked()
        self.secret_line.setVisible(revealed)
        self.secret_text.setVisible(revealed)
        if revealed:
            self.secret_line.setPos(m.secret)
            self.secret_text.setText(self.tr("secret: {n}").format(n=m.secret))
            self.secret_text.setPos(m.secret, 0.9)
        pad = max(1.0, 0.04 * (m.high - m.low))
        rows = max(n, 6)
        self.plot.setRange(
            xRange=(m.low - pad, m.high + pad), yRange=(-(rows - 0.3), 1.2), padding=0
        )
