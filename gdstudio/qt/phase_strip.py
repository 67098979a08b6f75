"""The five phase chips of the training loop, the current one highlighted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from gdstudio.engine import PHASES, Phase

_PHASE_NAMES = {
    Phase.INIT: "Initialization",
    Phase.FORWARD: "Forward",
    Phase.LOSS: "Loss",
    Phase.BACKWARD: "Backpropagation",
    Phase.UPDATE: "Gradient descent",
}


def phase_name(phase: Phase) -> str:
    return QCoreApplication.translate("Phase", _PHASE_NAMES[phase])


# Highlighted: dark fill, white bold text, thick border; others: light outline. Shape and
# weight carry the state, not hue alone.
_ON = (
    "QLabel { background: #0072B2; color: white; font-weight: bold; border: 3px solid #003f63;"
    " border-radius: 8px; padding: 6px 10px; }"
)
_OFF = (
    "QLabel { background: #f3f3f3; color: #303030; border: 1px solid #b0b0b0;"
    " border-radius: 8px; padding: 6px 10px; }"
)


class PhaseStrip(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("phaseStrip")
        self.setAccessibleName(self.tr("Phases of the training loop"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.chips: dict[Phase, QLabel] = {}
        for i, phase in enumerate(PHASES):
            if i:
                arrow = QLabel("→")
                arrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
                layout.addWidget(arrow)
            chip = QLabel()
            chip.setObjectName(f"phaseChip{phase.name.title()}")
            chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
            chip.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            layout.addWidget(chip, 1)
            self.chips[phase] = chip
        self.loop = QLabel()
        self.loop.setObjectName("phaseLoop")
        layout.addWidget(self.loop)
        self.current = Phase.INIT
        self.retranslate()
        self.set_phase(Phase.INIT, force=True)

    def retranslate(self) -> None:
        for i, (phase, chip) in enumerate(self.chips.items()):
            chip.setText(f"{i + 1}  {phase_name(phase)}")
            chip.setAccessibleName(phase_name(phase))
        self.loop.setText(self.tr("↺ repeat 2–5"))

    def set_phase(self, phase: Phase, force: bool = False) -> None:
        if Phase(phase) is self.current and not force:
            return  # restyling the chips costs more than the rest of a refresh of this strip
        self.current = Phase(phase)
        for p, chip in self.chips.items():
            chip.setStyleSheet(_ON if p is self.current else _OFF)
            chip.setProperty("current", p is self.current)
