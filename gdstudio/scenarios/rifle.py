"""The rifle target: correct the aim burst by burst.

Each shot lands at aim + sight error + wind drift + random dispersion (centimetres from the
bullseye; +x right, +y up). A burst of k shots averages into one loss (a mini-batch): half the
mean squared distance to the bullseye, whose gradient with respect to the aim is the mean
impact — a vector. Stepping against it walks the aim in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from gdstudio.engine.model import Model
from gdstudio.engine.trainer import Trainer

RING_WIDTH = 5.0  # cm per ring: the target is 50 cm in radius, ring 10 the inner 5 cm
RINGS = 10
COMPARE_STEPS = 60  # bursts in a burst-size comparison (both runs exactly this long)
JITTER_SKIP = 10  # steps a comparison ignores while the aim is still walking in


def ring(distance: float) -> int:
    """Ring score 10 (bullseye) .. 1 (outermost); 0 for a shot off the target."""
    if not math.isfinite(distance) or distance < 0:
        return 0
    k = RINGS - int(distance // RING_WIDTH)
    return k if k >= 1 else 0


@dataclass(frozen=True)
class ShotWords:
    ring: int
    side: str  # "left", "right", "above", "below", "upper left" ..., or "bullseye"
    degrees: int  # angle above / below the horizontal, in steps of 5; 0 for a pure side

    def english(self) -> str:
        if self.ring == 0:
            where = "off the target"
        elif self.ring == RINGS:
            return f"ring {RINGS}, bullseye"
        else:
            where = f"ring {self.ring}"
        if self.degrees in (0, 90) or self.side == "bullseye":
            return f"{where}, {self.side}"
        return f"{where}, {self.degrees} degrees {self.side}"


def describe(x: float, y: float) -> ShotWords:
    """Ring and direction of a hole seen from the bullseye, as the chapter reads its target."""
    d = math.hypot(x, y)
    r = ring(d)
    if r == RINGS:
        return ShotWords(r, "bullseye", 0)
    elevation = 5 * round(math.degrees(math.atan2(abs(y), abs(x))) / 5)
    horizontal = "left" if x < 0 else "right"
    vertical = "upper" if y > 0 else "lower"
    if elevation == 0:
        return ShotWords(r, horizontal, 0)
    if elevation == 90:
        return ShotWords(r, "above" if y > 0 else "below", 90)
    return ShotWords(r, f"{vertical} {horizontal}", elevation)


@dataclass
class Burst:
    impacts: np.ndarray  # (k, 2) where each shot hit
    mean: np.ndarray  # (2,) the burst's mean impact
    distances: np.ndarray  # (k,)


class Rifle(Model):
    key = "rifle"
    title = "Rifle target"
    purpose = "Hit the bullseye: after each burst, look at the holes and correct the aim."
    param_names = ("aim_x", "aim_y")
    obs_names = ("distance",)
    default_lr = 0.5
    default_max_steps = 500
    plateau_window = 20

    def __init__(
        self,
        burst: int = 3,
        wind: float = 1.5,
        wind_direction: float = 0.0,
        spread: float = 1.5,
        sight_error: tuple[float, float] = (-33.0, 33.0),
        aim0: tuple[float, float] = (0.0, 0.0),
    ):
        if not 1 <= int(burst) <= 10:
            raise ValueError("a burst has 1 to 10 shots")
        values = (wind, wind_direction, spread, *sight_error, *aim0)
        if not all(math.isfinite(float(v)) for v in values):
            raise ValueError("rifle settings must be finite numbers")
        if spread < 0:
            raise ValueError("the dispersion cannot be negative")
        self.burst = int(burst)
        self.wind = float(wind)
        self.wind_direction = float(wind_direction)
        self.spread = float(spread)
        self.sight_error = np.array(sight_error, dtype=float)
        self.aim0 = np.array(aim0, dtype=float)

    @property
    def drift(self) -> np.ndarray:
        """Where the wind pushes every shot (cm); the direction is where the wind blows to."""
        a = math.radians(self.wind_direction)
        return self.wind * np.array([math.cos(a), math.sin(a)])

    @property
    def offset(self) -> np.ndarray:
        """Sight error plus wind: what the aim must cancel."""
        key = (self.wind, self.wind_direction, *self.sight_error)
        if getattr(self, "_offset_key", None) != key:  # computed once per setting, not per shot
            self._offset_key = key
            self._offset = self.sight_error + self.drift
        return self._offset

    def initial_params(self) -> np.ndarray:
        return self.aim0.copy()

    def sample(self, step: int, rng: np.random.Generator) -> np.ndarray:
        return rng.normal(0.0, 1.0, size=(self.burst, 2)) * self.spread

    def forward(self, params: np.ndarray, batch: np.ndarray) -> Burst:
        impacts = params[None, :] + self.offset[None, :] + batch
        distances = np.hypot(impacts[:, 0], impacts[:, 1])
        return Burst(impacts, impacts.mean(axis=0), distances)

    def loss(self, params: np.ndarray, batch: np.ndarray, fwd: Any) -> float:
        impacts = params[None, :] + self.offset[None, :] + batch
        return 0.5 * float(np.mean(np.sum(impacts * impacts, axis=1)))

    def gradient(self, params: np.ndarray, batch: np.ndarray, fwd: Any) -> np.ndarray:
        return (params[None, :] + self.offset[None, :] + batch).mean(axis=0)

    def observations(self, params: np.ndarray, batch: np.ndarray, fwd: Burst) -> tuple[float, ...]:
        return (float(fwd.distances.mean()),)

    def settings(self) -> dict[str, Any]:
        return {
            "burst": self.burst,
            "wind": self.wind,
            "wind_direction": self.wind_direction,
            "spread": self.spread,
            "sight_error": self.sight_error.tolist(),
            "aim0": self.aim0.tolist(),
        }

    def with_burst(self, burst: int) -> Rifle:
        """The same range (sight, wind, scatter, first aim) with another burst size."""
        return Rifle(
            burst=burst,
            wind=self.wind,
            wind_direction=self.wind_direction,
            spread=self.spread,
            sight_error=tuple(self.sight_error),
            aim0=tuple(self.aim0),
        )


# --- comparing burst sizes (a mini-batch of 1 against a mini-batch of 5) ------------------------


def fixed_length_trainer(
    model: Rifle, *, seed: int, lr: float, momentum: float = 0.0, steps: int = COMPARE_STEPS
) -> Trainer:
    """A trainer that fires exactly ``steps`` bursts (no plateau or tolerance stop), so two
    burst sizes are compared over the same number of steps. Divergence still stops it."""
    return Trainer(model, lr=lr, momentum=momentum, seed=seed, max_steps=steps, stop_rules=False)


def loss_curve(
    model: Rifle, *, seed: int, lr: float, momentum: float = 0.0, steps: int = COMPARE_STEPS
) -> tuple[np.ndarray, np.ndarray]:
    """(steps, losses) of a headless fixed-length run: the dashed comparison curve."""
    t = fixed_length_trainer(model, seed=seed, lr=lr, momentum=momentum, steps=steps)
    t.run()
    return t.history.column("step").copy(), t.history.column("loss").copy()


def loss_jitter(losses: np.ndarray, skip: int = JITTER_SKIP) -> float:
    """How much the loss jumps from one step to the next once the aim has walked in: the mean
    absolute step-to-step change after the first ``skip`` steps (nan with fewer than two)."""
    tail = np.asarray(losses, dtype=float)[skip:]
    if len(tail) < 2:
        return math.nan
    return float(np.mean(np.abs(np.diff(tail))))
