"""The black box: find the input that makes it answer 4, then crack it from a table of samples.

The chapter never says what is inside the box; f(x) = 0.332 x^2 + 2.002 x goes exactly
through both of its probes (1 -> 2.334, 2 -> 5.332).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from gdstudio.engine.model import Model

BOX_A, BOX_B = 0.332, 2.002
TARGET = 4.0
#: the chapter's recorded samples (input, output): exactly z = 2.21 x
CHAPTER_SAMPLES: tuple[tuple[float, float], ...] = (
    (1.0, 2.21),
    (1.1, 2.431),
    (1.2, 2.652),
    (2.0, 4.42),
)


def box(x: float | np.ndarray, a: float = BOX_A, b: float = BOX_B):
    return a * x * x + b * x


def box_slope(x: float | np.ndarray, a: float = BOX_A, b: float = BOX_B):
    return 2 * a * x + b


@dataclass
class BoxForward:
    x: float
    output: float
    error: float  # output - target: the chapter's signed loss
    slope: float  # d output / d x: what backpropagation carries back through the box


class BlackBox(Model):
    """Part one: find the input for which the box outputs the target."""

    key = "blackbox"
    title = "Black box: find the input"
    purpose = "Find the input that makes the black box answer 4."
    param_names = ("x",)
    obs_names = ("output",)
    default_lr = 0.05
    default_max_steps = 1000

    def __init__(self, x0: float = 1.0, target: float = TARGET, a: float = BOX_A, b: float = BOX_B):
        for name, v in (("x0", x0), ("target", target), ("a", a), ("b", b)):
            if not math.isfinite(v):
                raise ValueError(f"{name} must be a finite number")
        self.x0, self.target, self.a, self.b = float(x0), float(target), float(a), float(b)

    def initial_params(self) -> np.ndarray:
        return np.array([self.x0])

    def output(self, x):
        return box(x, self.a, self.b)

    def slope(self, x):
        return box_slope(x, self.a, self.b)

    def forward(self, params: np.ndarray, batch: Any) -> BoxForward:
        x = float(params[0])
        out = float(self.output(x))
        return BoxForward(x, out, out - self.target, float(self.slope(x)))

    def loss(self, params: np.ndarray, batch: Any, fwd: BoxForward) -> float:
        e = self.output(float(params[0])) - self.target
        return 0.5 * e * e

    def gradient(self, params: np.ndarray, batch: Any, fwd: Any) -> np.ndarray:
        x = float(params[0])
        return np.array([(self.output(x) - self.target) * self.slope(x)])

    def observations(self, params: np.ndarray, batch: Any, fwd: BoxForward) -> tuple[float, ...]:
        return (fwd.output,)

    def settings(self) -> dict[str, Any]:
        return {"x0": self.x0, "target": self.target, "a": self.a, "b": self.b}


@dataclass(frozen=True)
class Family:
    """A model family z = f(params, x), linear in its parameters."""

    formula: str
    param_names: tuple[str, ...]
    features: Callable[[np.ndarray], np.ndarray]  # x -> (n, p) d z / d params
    offset: Callable[[np.ndarray], np.ndarray]  # the part without parameters

    def predict(self, params: np.ndarray, x: np.ndarray) -> np.ndarray:
        return self.features(x) @ params + self.offset(x)


def _zero(x):
    return np.zeros_like(x, dtype=float)


FAMILIES: dict[str, Family] = {
    f.formula: f
    for f in (
        Family("w*x+x^2", ("w",), lambda x: x[:, None], lambda x: x * x),
        Family("w*x", ("w",), lambda x: x[:, None], _zero),
        Family("w*x+b", ("w", "b"), lambda x: np.column_stack([x, np.ones_like(x)]), _zero),
        Family("w*x+v*x^2", ("w", "v"), lambda x: np.column_stack([x, x * x]), _zero),
    )
}
BATCH_MODES = ("full", "1")


@dataclass
class FitForward:
    indices: np.ndarray
    x: np.ndarray
    y: np.ndarray
    prediction: np.ndarray

    @property
    def error(self) -> np.ndarray:
        """prediction - label for each sample of the batch (the chapter's signed error)."""
        return self.prediction - self.y


class CrackBox(Model):
    """Part two: fit a model family to the recorded samples (loss = half the mean squared error)."""

    key = "fit"
    title = "Black box: crack the box"
    purpose = "Copy the black box: find weights so the model's outputs match the recorded table."
    default_lr = 0.1
    default_max_steps = 5000

    def __init__(
        self,
        family: str = "w*x+x^2",
        samples: Sequence[tuple[float, float]] = CHAPTER_SAMPLES,
        batch: str = "full",
        w0: float = 1.0,
        other0: float = 0.0,
    ):
        if family not in FAMILIES:
            raise ValueError(f"unknown model {family!r}; choose one of: {', '.join(FAMILIES)}")
        if batch not in BATCH_MODES:
            raise ValueError("batch must be 'full' or '1'")
        table = np.asarray(samples, dtype=float)
        if table.ndim != 2 or table.shape[1] != 2 or len(table) == 0:
            raise ValueError("the sample table needs at least one row of (input, output)")
        if not np.all(np.isfinite(table)):
            raise ValueError("every sample must be a finite number")
        for name, v in (("w0", w0), ("other0", other0)):
            if not math.isfinite(v):
                raise ValueError(f"{name} must be a finite number")
        self.family = FAMILIES[family]
        self.param_names = self.family.param_names
        self.samples = table
        self.batch_mode = batch
        self.w0, self.other0 = float(w0), float(other0)

    @property
    def xs(self) -> np.ndarray:
        return self.samples[:, 0]

    @property
    def ys(self) -> np.ndarray:
        return self.samples[:, 1]

    def initial_params(self) -> np.ndarray:
        return np.array([self.w0] + [self.other0] * (len(self.param_names) - 1))

    def sample(self, step: int, rng: np.random.Generator) -> np.ndarray:
        n = len(self.samples)
        if self.batch_mode == "full":
            return np.arange(n)
        return np.array([step % n])  # one sample at a time, in table order

    def predict(self, params: np.ndarray, x) -> np.ndarray:
        return self.family.predict(
            np.asarray(params, dtype=float), np.atleast_1d(np.asarray(x, float))
        )

    def forward(self, params: np.ndarray, batch: np.ndarray) -> FitForward:
        x, y = self.xs[batch], self.ys[batch]
        return FitForward(batch, x, y, self.family.predict(params, x))

    def loss(self, params: np.ndarray, batch: np.ndarray, fwd: Any) -> float:
        x, y = self.xs[batch], self.ys[batch]
        r = self.family.predict(params, x) - y
        return 0.5 * float(np.mean(r * r))

    def gradient(self, params: np.ndarray, batch: np.ndarray, fwd: Any) -> np.ndarray:
        x, y = self.xs[batch], self.ys[batch]
        r = self.family.predict(params, x) - y
        return self.family.features(x).T @ r / len(x)

    def full_loss(self, params: np.ndarray) -> float:
        return self.loss(params, np.arange(len(self.samples)), None)

    def reported_loss(self, params, batch, fwd, loss: float) -> float:
        return loss if self.batch_mode == "full" else self.full_loss(params)

    def settings(self) -> dict[str, Any]:
        return {
            "model": self.family.formula,
            "samples": self.samples.tolist(),
            "batch": self.batch_mode,
            "w0": self.w0,
            "other0": self.other0,
        }
