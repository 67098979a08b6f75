"""What the trainer needs from a scenario: the contract every scenario model fulfils.

A model is pure: given parameters and a batch it computes a forward pass, a loss and a
gradient. All randomness comes through the ``rng`` the trainer passes to ``prepare`` and
``sample``, so a run is a function of its seed.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from gdstudio.engine.optimizers import GradientDescent, Momentum, Optimizer


class Model:
    key: str = "model"
    title: str = "Model"
    purpose: str = ""
    param_names: tuple[str, ...] = ()
    obs_names: tuple[str, ...] = ()
    default_lr: float = 0.1
    default_max_steps: int = 1000
    tolerance: float = 0.001
    plateau_window: int = 20
    plateau_rtol: float = 1e-6
    supports_momentum: bool = True

    # --- set-up -------------------------------------------------------------------------
    def prepare(self, rng: np.random.Generator) -> None:
        """Draw what the scenario hides at initialization (e.g. the secret number)."""

    def initial_params(self) -> np.ndarray:
        raise NotImplementedError

    def make_optimizer(self, lr: float, momentum: float = 0.0) -> Optimizer:
        if momentum:
            return Momentum(lr, momentum)
        return GradientDescent(lr)

    # --- one iteration ------------------------------------------------------------------
    def sample(self, step: int, rng: np.random.Generator) -> Any:
        """The data of this iteration (a sample, a burst's random disturbances ...)."""
        return None

    def forward(self, params: np.ndarray, batch: Any) -> Any:
        raise NotImplementedError

    def loss(self, params: np.ndarray, batch: Any, fwd: Any) -> float:
        """The loss on this batch, whose derivative ``gradient`` returns."""
        raise NotImplementedError

    def gradient(self, params: np.ndarray, batch: Any, fwd: Any) -> np.ndarray:
        raise NotImplementedError

    def feedback(self, params: np.ndarray, batch: Any, fwd: Any) -> np.ndarray:
        """What backpropagation hands to the update rule; the exact gradient by default."""
        return self.gradient(params, batch, fwd)

    def reported_loss(self, params: np.ndarray, batch: Any, fwd: Any, loss: float) -> float:
        """The loss recorded in the history and checked by the stop rules."""
        return loss

    def observations(self, params: np.ndarray, batch: Any, fwd: Any) -> tuple[float, ...]:
        """Values for ``obs_names``, recorded beside the parameters."""
        return ()

    def project(self, params: np.ndarray) -> np.ndarray:
        """Keep updated parameters where the scenario allows them (identity by default)."""
        return params

    # --- description ----------------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        """The scenario's configuration as plain data (for summaries and saved sessions)."""
        return {}

    def loss_at(self, params: np.ndarray, batch: Any) -> float:
        """Loss of ``params`` on a fixed batch; used by finite-difference checks and pictures."""
        params = np.asarray(params, dtype=float)
        return self.loss(params, batch, self.forward(params, batch))
