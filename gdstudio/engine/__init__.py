"""The training engine: numpy and the standard library only (never Qt)."""

from gdstudio.engine.history import History
from gdstudio.engine.optimizers import GradientDescent, GuessRule, Momentum, Optimizer
from gdstudio.engine.phases import PHASES, Phase, StepRecord, StopReason
from gdstudio.engine.trainer import Trainer

__all__ = [
    "PHASES",
    "GradientDescent",
    "GuessRule",
    "History",
    "Momentum",
    "Optimizer",
    "Phase",
    "StepRecord",
    "StopReason",
    "Trainer",
]
