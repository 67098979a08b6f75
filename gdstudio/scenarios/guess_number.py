"""Guess the number: B thinks of a number, A guesses, B answers.

The loss is half the squared miss, so its gradient is the signed miss itself: that is what B
says in *exact* mode. In *vague* mode B only says a word ("too low", "a bit high" ...): a
direction and a rough degree, which A turns into a rough estimate of the miss.

Besides the model, the window's extras live here (pure, so they are tested without Qt): the
*race* (both kinds of B on the same secret), and *you are A* (a student types the guesses:
``PlayerTrainer`` takes each typed guess as the update; ``read_guess`` checks the typing).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np

from gdstudio.engine.model import Model
from gdstudio.engine.optimizers import GuessRule, Optimizer
from gdstudio.engine.phases import Phase, StopReason
from gdstudio.engine.trainer import Trainer

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


# --- the race: the vague B and the exact B on the same secret ------------------------------
@dataclass(frozen=True)
class RaceResult:
    """Every guess each guesser made, in order; ``found`` says whether it reached the secret."""

    secret: int
    guesses: dict[str, tuple[int, ...]]  # feedback mode -> guesses
    found: dict[str, bool]

    def count(self, mode: str) -> int:
        """How many guesses ``mode`` needed (the correct one included)."""
        return len(self.guesses[mode])


def play_out(model: GuessNumber, lr: float = 1.0, max_steps: int | None = None) -> Trainer:
    """A trainer that played the whole game (the machine as A), stopped by its stop rules."""
    if max_steps is None:
        max_steps = max(GuessNumber.default_max_steps, 2 * (model.high - model.low + 1))
    t = Trainer(model, lr=lr, max_steps=max_steps)
    t.run()
    return t


def race(low: int, high: int, secret: int, first_guess: int, lr: float = 1.0) -> RaceResult:
    """Both kinds of B on the same secret, from the same first guess and learning rate."""
    guesses, found = {}, {}
    for mode in FEEDBACK_MODES:
        t = play_out(GuessNumber(low, high, secret, first_guess, mode), lr)
        guesses[mode] = tuple(int(g) for g in t.history.column("guess"))
        found[mode] = t.stop is StopReason.CONVERGED
    return RaceResult(int(secret), guesses, found)


# --- you are A: a student types the guesses --------------------------------------------------
#: why typed text is not a guess (the window words these for people)
EMPTY, NOT_WHOLE, OUT_OF_RANGE = "empty", "not a whole number", "out of range"
_WHOLE = re.compile(r"[+-]?[0-9]+")


def read_guess(text: str, low: int, high: int) -> tuple[int | None, str | None]:
    """``(guess, None)`` for a whole number in ``low..high``, else ``(None, why)``.

    Only plain whole numbers count: "3.5", "1e3", "0x10" and "five" are not guesses. Full-width
    digits (as a Chinese keyboard types them) are read like ordinary ones.
    """
    s = unicodedata.normalize("NFKC", str(text)).strip().replace("\u2212", "-")
    if not s:
        return None, EMPTY
    if not _WHOLE.fullmatch(s):
        return None, NOT_WHOLE
    if len(s) > 30:  # a whole number, but far too long to be in any range
        return None, OUT_OF_RANGE
    value = int(s)
    if not low <= value <= high:
        return None, OUT_OF_RANGE
    return value, None


class TypedGuess(GuessRule):
    """The update rule when a person is A: the next guess is whatever they typed.

    It still keeps the bracket B's answers allow, exactly as the machine's rule does, so its
    state has the same shape: a game saved while a person played can be continued by the
    machine.
    """

    name = "your guess"

    def __init__(self, lr: float, low: int, high: int):
        super().__init__(lr, low, high)
        self.pending: int | None = None

    def reset(self) -> None:
        super().reset()
        self.pending = None

    def update(self, params: np.ndarray, gradient: np.ndarray) -> np.ndarray:
        if self.pending is None:
            raise ValueError("nobody typed a guess yet")
        super().update(params, gradient)  # narrows the bracket; the proposal is not used
        guess, self.pending = self.pending, None
        return np.array([float(guess)])


class PlayerTrainer(Trainer):
    """The loop with a person as A: ``play(guess)`` runs one whole iteration for a typed guess.

    Between guesses the trainer rests after BACKWARD (or at INIT before the first guess): B has
    answered and the next UPDATE is the person's to make, so ``done`` is true and ``step`` does
    nothing until ``play`` brings a guess. The first typed guess is the initialization, each
    later one the update. ``back`` forgets the last typed guess (replaying the others).
    """

    def __init__(self, model: GuessNumber, lr: float = 1.0, seed: int = 0):
        self.typed: list[int] = []
        super().__init__(model, lr=lr, seed=seed, max_steps=10**9)
        self.optimizer = TypedGuess(self.optimizer.lr, model.low, model.high)

    def reset(self) -> None:
        super().reset()
        self.typed = []

    @property
    def waiting(self) -> bool:
        """True when B has answered and it is the person's turn to guess."""
        pending = getattr(self.optimizer, "pending", None)
        return self.stop is None and self.phase in (Phase.INIT, Phase.BACKWARD) and pending is None

    @property
    def done(self) -> bool:
        return self.stop is not None or self.waiting

    def play(self, guess: int) -> bool:
        """A typed guess: B answers it (FORWARD, LOSS, BACKWARD). False if the game is over."""
        m: GuessNumber = self.model
        guess = int(guess)
        if not m.low <= guess <= m.high:
            raise ValueError(f"a guess must lie in {m.low}..{m.high}")
        if self.stop is not None:
            return False
        self.optimizer.pending = guess
        self.typed.append(guess)
        return self.step()

    def advance_phase(self) -> Phase | None:
        if self.stop is not None or self.waiting:
            return None
        if self.phase is Phase.INIT:  # the person's first guess is the initialization
            self.params = np.array([float(self.optimizer.pending)])
            self.optimizer.pending = None
        return super().advance_phase()

    def step(self) -> bool:
        """Run to the next rest: B's answer to the pending guess. False when nothing ran."""
        if self.done:
            return False
        while self.advance_phase() is not None and self.phase is not Phase.BACKWARD:
            pass
        return True

    def run(self, max_iterations: int | None = None) -> StopReason | None:
        self.step()
        return self.stop

    def back(self) -> bool:
        if not self.typed:
            return False
        keep = self.typed[:-1]
        self.reset()
        for guess in keep:
            self.play(guess)
        return True

    def _check_stop(self, r):
        # a person may jump far away after a close guess: that is a choice, not a divergence
        reason = super()._check_stop(r)
        return None if reason is StopReason.DIVERGED else reason
