"""Guess the number: B thinks of a number, A guesses, B answers.

The loss is half the squared miss, so its gradient is the signed miss itself: that is what B
says in *exact* mode. In *vague* mode B only says a word ("too low", "a bit high" ...): a
direction and a rough degree, which A turns into a rough estimate of the miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from gdstudio.engine.model import Model
from gdstudio.engine.optimizers import GuessRule, Optimizer

FEEDBACK_MODES = ("vague", "exact")

#: B's answers, from far below to far above; index 3 is "correct"
WORDS = ("too low", "low", "a bit low", "correct", "a bit high", "high", "too high")
#: a miss of at least this share of the range is "too ..."; at least the second, plain "..."
TOO_SHARE, PLAIN_SHARE = 0.4, 0.15
#: what A reads into each degree, as a share of the range: "a bit", plain, "too"
ESTIMATE_SHARE = (0.07, 0.25, 0.5)


def degree(miss: float, low: int, high: int) -> int:
    """B's verdict as a number from -3 (too low) to +3 (too high); 0 is correct."""
    width = max(high - low, 1)
    size = abs(miss)
    if size == 0:
        return 0
    level = 3 if size >= TOO_SHARE * width else 2 if size >= PLAIN_SHARE * width else 1
    return level if miss > 0 else -level


def word(level: int) -> str:
    """B's words for a degree (English; the window shows them translated)."""
    return WORDS[level + 3]


def estimate(level: int, low: int, high: int) -> float:
    """The signed miss A reads into B's word."""
    if level == 0:
        return 0.0
    width = max(high - low, 1)
    size = max(1.0, ESTIMATE_SHARE[abs(level) - 1] * width)
    return size if level > 0 else -size


@dataclass
class GuessForward:
    guess: int
    miss: int  # guess - secret
    level: int  # B's verdict, -3 .. 3


class GuessNumber(Model):
    key = "guess"
    title = "Guess the number"
    purpose = "B has picked a secret number; A must find it using only what B answers."
    param_names = ("guess",)
    default_lr = 1.0
    default_max_steps = 200
    tolerance = 0.001
    plateau_window = 10**9  # the guesser's bracket always shrinks: no plateau to detect
    supports_momentum = False

    def __init__(
        self,
        low: int = 1,
        high: int = 50,
        secret: int | None = None,
        first_guess: int = 5,
        feedback: str = "vague",
    ):
        low, high = int(low), int(high)
        if low >= high:
            raise ValueError("the range needs low < high")
        if secret is not None and not low <= int(secret) <= high:
            raise ValueError(f"the secret must lie in {low}..{high}")
        if not low <= int(first_guess) <= high:
            raise ValueError(f"the first guess must lie in {low}..{high}")
        if feedback not in FEEDBACK_MODES:
            raise ValueError(f"feedback must be one of: {', '.join(FEEDBACK_MODES)}")
        self.low, self.high = low, high
        self.given_secret = None if secret is None else int(secret)
        self.secret = self.given_secret if secret is not None else low
        self.first_guess = int(first_guess)
        self.feedback_mode = feedback

    def prepare(self, rng: np.random.Generator) -> None:
        if self.given_secret is None:
            self.secret = int(rng.integers(self.low, self.high + 1))
        else:
            self.secret = self.given_secret

    def initial_params(self) -> np.ndarray:
        return np.array([float(self.first_guess)])

    def make_optimizer(self, lr: float, momentum: float = 0.0) -> Optimizer:
        return GuessRule(lr, self.low, self.high)

    def forward(self, params: np.ndarray, batch: Any) -> GuessForward:
        guess = int(round(float(params[0])))
        miss = guess - self.secret
        return GuessForward(guess, miss, degree(miss, self.low, self.high))

    def loss(self, params: np.ndarray, batch: Any, fwd: Any) -> float:
        miss = float(params[0]) - self.secret
        return 0.5 * miss * miss

    def gradient(self, params: np.ndarray, batch: Any, fwd: Any) -> np.ndarray:
        return np.array([float(params[0]) - self.secret])

    def feedback(self, params: np.ndarray, batch: Any, fwd: GuessForward) -> np.ndarray:
        if self.feedback_mode == "exact":
            return np.array([float(fwd.miss)])
        return np.array([estimate(fwd.level, self.low, self.high)])

    def answer(self, guess: int) -> str:
        """What B says to a guess, in the current feedback mode (English)."""
        miss = int(guess) - self.secret
        if self.feedback_mode == "exact" and miss:
            return f"off by {miss:+d}"
        return word(degree(miss, self.low, self.high))

    def settings(self) -> dict[str, Any]:
        return {
            "low": self.low,
            "high": self.high,
            "secret": self.given_secret,
            "first_guess": self.first_guess,
            "feedback": self.feedback_mode,
        }
