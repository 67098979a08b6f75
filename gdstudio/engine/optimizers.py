"""Small, pure update rules. Each turns what backpropagation handed back into new parameters.

An optimizer keeps its state (momentum's velocity, the guesser's bracket) in plain attributes
that ``get_state`` / ``set_state`` copy, so the trainer can undo a step exactly.
"""

from __future__ import annotations

import copy
import math
from typing import Any

import numpy as np


class Optimizer:
    """Base class: ``update(params, gradient) -> new params``; the learning rate may change."""

    name = "optimizer"

    def __init__(self, lr: float):
        self.lr = float(lr)

    def reset(self) -> None:
        """Forget all state (called when the trainer resets)."""

    def update(self, params: np.ndarray, gradient: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def get_state(self) -> dict[str, Any]:
        return {}

    def set_state(self, state: dict[str, Any]) -> None:
        pass


class GradientDescent(Optimizer):
    """Step against the gradient: p <- p - lr * g."""

    name = "gradient descent"

    def update(self, params: np.ndarray, gradient: np.ndarray) -> np.ndarray:
        return params - self.lr * gradient


class Momentum(Optimizer):
    """Heavy ball: v <- beta * v - lr * g; p <- p + v."""

    name = "momentum"

    def __init__(self, lr: float, beta: float = 0.9):
        super().__init__(lr)
        if not 0.0 <= beta < 1.0:
            raise ValueError("momentum must be in [0, 1)")
        self.beta = float(beta)
        self.velocity: np.ndarray | None = None

    def reset(self) -> None:
        self.velocity = None

    def update(self, params: np.ndarray, gradient: np.ndarray) -> np.ndarray:
        if self.velocity is None:
            self.velocity = np.zeros_like(params, dtype=float)
        self.velocity = self.beta * self.velocity - self.lr * gradient
        return params + self.velocity

    def get_state(self) -> dict[str, Any]:
        return {"velocity": None if self.velocity is None else self.velocity.copy()}

    def set_state(self, state: dict[str, Any]) -> None:
        v = state.get("velocity")
        self.velocity = None if v is None else np.array(v, dtype=float)


class GuessRule(Optimizer):
    """How player A guesses: only B's answer is known, as a signed estimate of the miss.

    The sign says "too high" or "too low"; the size is what A reads into B's words (exact in
    exact mode, a rough degree in vague mode). A remembers the bracket that B's answers have
    ruled in, moves by ``lr`` times the estimate, rounds to a whole number and stays inside
    the bracket (falling back to its middle). Every answer shrinks the bracket, so A always
    finds the number.
    """

    name = "guessing rule"

    def __init__(self, lr: float, low: int, high: int):
        super().__init__(lr)
        if low > high:
            raise ValueError("low must not exceed high")
        self.low, self.high = int(low), int(high)
        self.lo, self.hi = self.low, self.high

    def reset(self) -> None:
        self.lo, self.hi = self.low, self.high

    def update(self, params: np.ndarray, gradient: np.ndarray) -> np.ndarray:
        guess = int(round(float(params[0])))
        said = float(gradient[0])
        if said > 0:  # the guess was too high: the number is below it
            self.hi = min(self.hi, guess - 1)
        elif said < 0:
            self.lo = max(self.lo, guess + 1)
        else:
            return np.array([float(guess)])
        if self.lo > self.hi:  # contradictory answers: start over on the whole range
            self.lo, self.hi = self.low, self.high
        proposal = guess - self.lr * said
        if math.isfinite(proposal):
            nxt = int(math.floor(proposal + 0.5))
        else:
            nxt = self.lo - 1
        if not self.lo <= nxt <= self.hi:
            nxt = (self.lo + self.hi) // 2
        return np.array([float(nxt)])

    def get_state(self) -> dict[str, Any]:
        return {"lo": self.lo, "hi": self.hi}

    def set_state(self, state: dict[str, Any]) -> None:
        self.lo, self.hi = int(state["lo"]), int(state["hi"])


def copy_state(state: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(state)
