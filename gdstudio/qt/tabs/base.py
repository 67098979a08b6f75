"""What every scenario view provides to the shared tab frame.

A view is the scenario's own picture plus its settings and its words: the frame (ScenarioPage)
owns the controls, plots, lesson panel and history table, and asks the view to build the model,
to redraw its picture from the trainer, and to explain each phase with this step's numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.engine.model import Model


@dataclass(frozen=True)
class InitField:
    """One initial value the student may set (a bounded spin box in the frame)."""

    name: str  # the parameter, e.g. "w"
    label: str  # translated caption
    minimum: float
    maximum: float
    default: float
    decimals: int = 2
    step: float = 0.1


class ScenarioView(QWidget):
    """Base class; subclasses set ``scenario_key`` and implement the hooks below."""

    scenario_key = ""
    #: emitted when a setting changed that needs a new model (the frame rebuilds and resets)
    settingsChanged = Signal()
    #: emitted when the view changed an initial value itself (e.g. the aim dragged on the target)
    initialValuesChanged = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"{self.scenario_key}View")
        self.frame = None  # the ScenarioPage showing this view, set by the page

    # --- texts --------------------------------------------------------------------------
    def title(self) -> str:
        raise NotImplementedError

    def purpose(self) -> str:
        raise NotImplementedError

    def lesson(self, phase: Phase, trainer: Trainer) -> str:
        raise NotImplementedError

    def stop_text(self, reason: StopReason, trainer: Trainer) -> str | None:
        """A scenario's own words for a stop (None: the frame's general sentence)."""
        return None

    def retranslate(self) -> None:
        """Re-set every visible text (the language changed)."""

    # --- model --------------------------------------------------------------------------
    def init_fields(self) -> list[InitField]:
        return []

    def settings_widget(self) -> QWidget | None:
        """Scenario settings shown in the frame's side column (None: none)."""
        return None

    def create_model(self, init: dict[str, float]) -> Model:
        raise NotImplementedError

    # --- picture ------------------------------------------------------------------------
    def refresh(self, trainer: Trainer) -> None:
        """Redraw the picture from the trainer (called at most once per timer tick)."""

    def running(self) -> bool:
        """Whether the frame's run is going (False when the view is not in a frame)."""
        return self.frame is not None and self.frame.runner.running

    def words_due(self) -> bool:
        """Whether this refresh should also rewrite the view's words (its labels and captions).

        False during a fast run between the frame's text updates (a few a second): a view
        redraws its picture every frame but may skip text nobody can read at 60 changes a
        second. Always True when the view is not in a frame, and whenever the run stops.
        """
        return self.frame is None or self.frame.words_due

    def show_settings(self, model: Model) -> None:
        """Make the settings widgets show ``model``'s settings (signals blocked; no rebuild)."""

    def ui_state(self) -> dict:
        """The view's own settings as plain data (for saved sessions)."""
        return {}

    def set_ui_state(self, state: dict) -> None:
        pass
