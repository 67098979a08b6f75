"""The phases of one training iteration and the record each iteration fills in."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, IntEnum
from typing import Any

import numpy as np


class Phase(IntEnum):
    """The loop every scenario follows. INIT happens once, the other four repeat."""

    INIT = 0
    FORWARD = 1
    LOSS = 2
    BACKWARD = 3
    UPDATE = 4

    def next(self) -> Phase:
        """The phase that follows this one (UPDATE is followed by FORWARD again)."""
        return Phase.FORWARD if self in (Phase.INIT, Phase.UPDATE) else Phase(self + 1)


PHASES: tuple[Phase, ...] = tuple(Phase)


class StopReason(Enum):
    """Why a run ended, each with a sentence a student can read (the window translates it)."""

    CONVERGED = "converged"
    PLATEAU = "plateau"
    DIVERGED = "diverged"
    STEP_LIMIT = "step limit"

    @property
    def sentence(self) -> str:
        return _SENTENCES[self]


_SENTENCES = {
    StopReason.CONVERGED: "converged: the loss is below the tolerance",
    StopReason.PLATEAU: "plateau: the loss stopped going down above the tolerance; "
    "this model can only imitate the data",
    StopReason.DIVERGED: "diverged: the learning rate is too large, each step overshoots",
    StopReason.STEP_LIMIT: "step limit reached before the loss was small enough",
}


@dataclass
class StepRecord:
    """The numbers one iteration produced, phase by phase.

    ``params`` are the parameters the forward pass used, ``new_params`` those after the update
    (None until the UPDATE phase ran). ``batch`` and ``forward`` are whatever the scenario's
    ``sample`` and ``forward`` returned; the views read them to tell the story of this step.
    """

    step: int
    params: np.ndarray
    batch: Any = None
    forward: Any = None
    loss: float | None = None
    gradient: np.ndarray | None = None
    observations: tuple[float, ...] = ()
    new_params: np.ndarray | None = None
    extra: dict[str, Any] = field(default_factory=dict)
