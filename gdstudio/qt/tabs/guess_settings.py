"""The settings of Guess the number: the range, the secret (random from the seed, or fixed) and
how B answers.

A widget edit emits ``changed`` (the view asks the frame for a new game); ``set_state`` and
``show_model`` put values back with the widgets' signals blocked. The texts keep the
``GuessView`` translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox

from gdstudio.qt.common import translate
from gdstudio.scenarios.guess_number import GuessNumber


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and -1000 <= value <= 1000


def _set_blocked(widget, setter, *args) -> None:
    """``setter(*args)`` without the widget's signals (model to widget: no feedback loop)."""
    widget.blockSignals(True)
    setter(*args)
    widget.blockSignals(False)


class SecretSpin(QSpinBox):
    """The fixed secret's spin box. Switched off (the secret is random), it shows "?" instead of
    the fixed number it keeps: a greyed 44 beside a game whose secret is 43 misled."""

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt's name)
        return super().textFromValue(value) if self.isEnabled() else "?"

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self.setSuffix(self.suffix())  # (writes the text again)


class GuessSettings(QGroupBox):
    """The "The game" box of the side column."""

    #: a setting changed that needs a new game
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("guessSettings")
        form = QFormLayout(self)
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
        self.secret_spin = SecretSpin()
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
        self.low_label, self.high_label = QLabel(), QLabel()
        self.secret_label, self.feedback_label = QLabel(), QLabel()
        form.addRow(self.low_label, self.low_spin)
        form.addRow(self.high_label, self.high_spin)
        form.addRow("", self.secret_random)
        form.addRow(self.secret_label, self.secret_spin)
        form.addRow(self.feedback_label, self.feedback_combo)
        for spin in (self.low_spin, self.high_spin, self.secret_spin):
            spin.setKeyboardTracking(False)
        self.low_spin.valueChanged.connect(self._on_range)
        self.high_spin.valueChanged.connect(self._on_range)
        self.secret_spin.valueChanged.connect(self.changed)
        self.secret_random.toggled.connect(self._on_random)
        self.feedback_combo.currentIndexChanged.connect(self.changed)

    def retranslate(self) -> None:
        self.setTitle(translate("GuessView", "The game"))
        self.low_label.setText(translate("GuessView", "Lowest number"))
        self.high_label.setText(translate("GuessView", "Highest number"))
        self.secret_random.setText(translate("GuessView", "Random secret (from the seed)"))
        self.secret_label.setText(translate("GuessView", "Secret number"))
        self.feedback_label.setText(translate("GuessView", "B answers"))
        self.feedback_combo.setItemText(0, translate("GuessView", "in words: “too low” …"))
        self.feedback_combo.setItemText(1, translate("GuessView", "exactly: the difference"))
        for w, name in (
            (self.low_spin, translate("GuessView", "Lowest number")),
            (self.high_spin, translate("GuessView", "Highest number")),
            (self.secret_spin, translate("GuessView", "Secret number")),
            (self.feedback_combo, translate("GuessView", "How B answers")),
            (self.secret_random, translate("GuessView", "Random secret")),
        ):
            w.setAccessibleName(name)

    # --- widget to model --------------------------------------------------------------------
    def create_model(self, first_guess: float) -> GuessNumber:
        low, high = self.low_spin.value(), self.high_spin.value()
        first = int(min(max(first_guess, low), high))
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
        self.changed.emit()

    def _on_range(self) -> None:
        low, high = self.low_spin.value(), self.high_spin.value()
        if low >= high:  # keep the range valid: move the other end
            spin = self.high_spin if self.sender() is self.low_spin else self.low_spin
            _set_blocked(spin, spin.setValue, low + 1 if spin is self.high_spin else high - 1)
            low, high = self.low_spin.value(), self.high_spin.value()
        _set_blocked(self.secret_spin, self.secret_spin.setRange, low, high)
        self.changed.emit()

    # --- model to widget (signals blocked) --------------------------------------------------
    def state(self) -> dict:
        return {
            "low": self.low_spin.value(),
            "high": self.high_spin.value(),
            "random_secret": self.secret_random.isChecked(),
            "secret": self.secret_spin.value(),
            "feedback": self.feedback_combo.currentData(),
        }

    def set_state(self, state: dict) -> None:
        """Saved settings back in the widgets; wrong or missing entries leave theirs alone."""
        low, high = state.get("low"), state.get("high")
        if _whole(low) and _whole(high) and low < high:
            self._set_range(low, high)
        if _whole(state.get("secret")):
            _set_blocked(self.secret_spin, self.secret_spin.setValue, state["secret"])
        if isinstance(state.get("random_secret"), bool):
            _set_blocked(self.secret_random, self.secret_random.setChecked, state["random_secret"])
        self.secret_spin.setEnabled(not self.secret_random.isChecked())
        self._set_feedback(state.get("feedback"))

    def show_model(self, model: GuessNumber) -> None:
        """The widgets show ``model``'s settings (a random secret stays random; numbers beyond
        a spin box's bounds show as its nearest bound)."""
        s = model.settings()
        self._set_range(s["low"], s["high"])
        if s["secret"] is not None:
            _set_blocked(self.secret_spin, self.secret_spin.setValue, s["secret"])
        _set_blocked(self.secret_random, self.secret_random.setChecked, s["secret"] is None)
        self.secret_spin.setEnabled(s["secret"] is not None)
        self._set_feedback(s["feedback"])

    def _set_range(self, low: int, high: int) -> None:
        for spin, value in ((self.low_spin, low), (self.high_spin, high)):
            _set_blocked(spin, spin.setValue, value)
        _set_blocked(
            self.secret_spin,
            self.secret_spin.setRange,
            self.low_spin.value(),
            self.high_spin.value(),
        )

    def _set_feedback(self, feedback) -> None:
        index = self.feedback_combo.findData(feedback)
        if index >= 0:
            _set_blocked(self.feedback_combo, self.feedback_combo.setCurrentIndex, index)
