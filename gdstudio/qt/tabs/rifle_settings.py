"""The rifle range's settings: shots per burst, the wind (drift and direction), the rifle's
dispersion and the sight error.

A widget edit emits ``changed`` (the view asks the frame for a new model); ``set_state`` and
``show_model`` put values back with the widgets' signals blocked. Texts keep the ``RifleView``
translation context.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QSpinBox

from gdstudio.qt.common import translate
from gdstudio.scenarios.rifle import Rifle


class RangeSettings(QGroupBox):
    """The "The range" box: one bounded spin box per setting, each with a caption and a tip."""

    #: a setting changed that needs a new model
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("rifleSettings")
        form = QFormLayout(self)
        self.burst_spin = QSpinBox()
        self.burst_spin.setObjectName("burstSpin")
        self.burst_spin.setRange(1, 10)
        self.burst_spin.setValue(3)
        self.burst_spin.setKeyboardTracking(False)
        self.burst_spin.valueChanged.connect(self.changed)
        self.wind_spin = self._double("windSpin", 0.0, 20.0, 1.5, suffix=" cm")
        self.wind_dir_spin = self._double(
            "windDirectionSpin", -180.0, 180.0, 0.0, decimals=0, step=15, suffix="°"
        )
        self.wind_dir_spin.setWrapping(True)
        self.spread_spin = self._double("spreadSpin", 0.0, 15.0, 1.5, suffix=" cm")
        self.sight_x_spin = self._double("sightXSpin", -45.0, 45.0, -33.0, step=1, suffix=" cm")
        self.sight_y_spin = self._double("sightYSpin", -45.0, 45.0, 33.0, step=1, suffix=" cm")
        self.captions = [QLabel() for _ in self.widgets()]
        for caption, w in zip(self.captions, self.widgets()):
            caption.setBuddy(w)
            form.addRow(caption, w)

    def widgets(self):
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
        spin.valueChanged.connect(self.changed)
        return spin

    def retranslate(self) -> None:
        self.setTitle(translate("RifleView", "The range"))
        texts = (
            (
                translate("RifleView", "Shots per burst"),
                translate(
                    "RifleView",
                    "How many shots are fired and averaged into one loss (a mini-batch).",
                ),
            ),
            (
                translate("RifleView", "Wind drift"),
                translate("RifleView", "How far the wind pushes every bullet, in cm."),
            ),
            (
                translate("RifleView", "Wind blows towards"),
                translate(
                    "RifleView", "0° = to the right, 90° = up, 180° = to the left, −90° = down."
                ),
            ),
            (
                translate("RifleView", "Dispersion"),
                translate(
                    "RifleView",
                    "The rifle's own random scatter: the typical miss of a single shot.",
                ),
            ),
            (
                translate("RifleView", "Sight error, right"),
                translate(
                    "RifleView",
                    "With a perfect aim every bullet still lands this far to the right "
                    "(negative: to the left).",
                ),
            ),
            (
                translate("RifleView", "Sight error, up"),
                translate(
                    "RifleView",
                    "With a perfect aim every bullet still lands this far up (negative: down).",
                ),
            ),
        )
        for caption, w, (text, tip) in zip(self.captions, self.widgets(), texts):
            caption.setText(text)
            caption.setToolTip(tip)
            w.setAccessibleName(text)
            w.setAccessibleDescription(tip)
            w.setToolTip(tip)

    # --- widget to model --------------------------------------------------------------------
    def create_model(self, aim0: tuple[float, float]) -> Rifle:
        return Rifle(
            burst=self.burst_spin.value(),
            wind=self.wind_spin.value(),
            wind_direction=self.wind_dir_spin.value(),
            spread=self.spread_spin.value(),
            sight_error=(self.sight_x_spin.value(), self.sight_y_spin.value()),
            aim0=aim0,
        )

    # --- model to widget (signals blocked) --------------------------------------------------
    def state(self) -> dict:
        return {
            "burst": self.burst_spin.value(),
            "wind": self.wind_spin.value(),
            "wind_direction": self.wind_dir_spin.value(),
            "spread": self.spread_spin.value(),
            "sight_error": [self.sight_x_spin.value(), self.sight_y_spin.value()],
        }

    def set_state(self, state: dict) -> None:
        """Saved settings back in the spin boxes; wrong or missing entries leave theirs alone."""
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

    def show_model(self, model: Rifle) -> None:
        """The spin boxes show ``model``'s settings. The wind's direction is shown as the same
        angle within -180° to 180° (270° as -90°); other numbers beyond a spin box's bounds
        show as its nearest bound."""
        s = model.settings()
        self.set_state(
            {
                **s,
                "wind_direction": math.remainder(float(s["wind_direction"]), 360.0),
            }
        )
