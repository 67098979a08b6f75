"""The black box: find the input that makes it answer 4, then crack it from a table of samples.

The chapter never says what is inside the box; f(x) = 0.332 x^2 + 2.002 x goes exactly
through both of its probes (1 -> 2.334, 2 -> 5.332).
"""

from __future__ import annotations

import math
import re
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

    def turning_point(self) -> tuple[float, float] | None:
        """(input, output) where the box's output turns (its lowest output when a > 0, its
        highest when a < 0); None for a straight-line box (a = 0)."""
        if self.a == 0:
            return None
        x = -self.b / (2 * self.a)
        return x, float(self.output(x))

    def reachable(self) -> bool:
        """Whether some input makes the box answer the target."""
        turn = self.turning_point()
        if turn is None:
            return self.b != 0 or self.target == 0
        return self.target >= turn[1] if self.a > 0 else self.target <= turn[1]


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


# --- the sample table: parsing and checking (the view edits, this decides) ----------------
#: the most samples a table may hold (a classroom table, not a data set)
MAX_SAMPLES = 1000
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


class SampleError(ValueError):
    """A sample table or CSV text that cannot be used, with where and why.

    ``line`` is the 1-based line of the text (0: the text as a whole), ``kind`` one of
    ``"columns"``, ``"number"``, ``"empty"``, ``"too_many"``; ``text`` the offending cell and
    ``count`` the number of values found on the line (for ``"columns"``). The view builds its own
    translated sentence from these; ``str()`` is a plain English one.
    """

    def __init__(self, message: str, line: int = 0, kind: str = "", text: str = "", count: int = 0):
        super().__init__(message)
        self.line, self.kind, self.text, self.count = line, kind, text, count


def parse_number(text: str, decimal_comma: bool = False) -> float:
    """A finite number written plainly (``2.21``, ``-1e-3``); ValueError for anything else.

    ``nan``, ``inf``, ``1_000``, hexadecimal and numbers too large for a float are refused.
    With ``decimal_comma`` a lone comma is read as the decimal point (``2,5``).
    """
    t = str(text).strip()
    if decimal_comma and "," in t and "." not in t and t.count(",") == 1:
        t = t.replace(",", ".")
    if not _NUMBER.fullmatch(t):
        raise ValueError(f"{text!r} is not a number")
    value = float(t)
    if not math.isfinite(value):
        raise ValueError(f"{text!r} is too large")
    return value


def _cells(line: str) -> list[str]:
    for sep in (",", ";", "\t"):
        if sep in line:
            cells = line.split(sep)
            break
    else:
        cells = line.split()
    return [c.strip().strip('"').strip("'").strip() for c in cells]


def _is_word(cell: str) -> bool:
    """A header cell: not a number in any spelling Python would accept (so not nan or inf)."""
    try:
        float(cell)
    except ValueError:
        return bool(cell)
    return False


def parse_samples_csv(text: str) -> np.ndarray:
    """The (n, 2) table of (x, y) pairs in a CSV text; SampleError naming the line if it is bad.

    One pair per line, separated by a comma (or a semicolon, a tab or spaces). Blank lines and
    lines starting with ``#`` are skipped; the first line may be a header of two words
    (``x,y``). Every value must be a finite number; at most ``MAX_SAMPLES`` rows.
    """
    rows: list[tuple[float, float]] = []
    seen_line = False
    lines = text.splitlines()
    for n, raw in enumerate(lines, 1):
        line = raw.lstrip("\ufeff").strip()
        if not line or line.startswith("#"):
            continue
        first, seen_line = not seen_line, True
        cells = _cells(line)
        if len(cells) != 2:
            raise SampleError(
                f"line {n}: expected two values (x, y), found {len(cells)}",
                n,
                "columns",
                line,
                len(cells),
            )
        if first and all(_is_word(c) for c in cells):
            continue  # a header
        values = []
        for cell in cells:
            try:
                values.append(parse_number(cell))
            except ValueError:
                raise SampleError(
                    f"line {n}: {cell!r} is not a finite number", n, "number", cell
                ) from None
        rows.append((values[0], values[1]))
        if len(rows) > MAX_SAMPLES:
            raise SampleError(f"line {n}: more than {MAX_SAMPLES} samples", n, "too_many")
    if not rows:
        raise SampleError("the text holds no samples", len(lines), "empty")
    return np.array(rows, dtype=float)


def format_number(value: float) -> str:
    """The shortest text that reads back as exactly ``value`` (``2.21``, ``1e-05``)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def suggest_next_sample(samples: np.ndarray) -> tuple[float, float]:
    """A new row that follows the table's trend: one step past the largest x, on the line
    through the samples (least squares); the last y when the inputs are all equal."""
    table = np.asarray(samples, dtype=float)
    xs, ys = table[:, 0], table[:, 1]
    x_new = float(np.round(xs.max() + 1.0, 6))
    if np.ptp(xs) > 0:
        slope, intercept = np.polyfit(xs, ys, 1)
        y_new = float(np.round(slope * x_new + intercept, 6))
    else:
        y_new = float(ys[-1])
    if not (math.isfinite(x_new) and math.isfinite(y_new)):
        return float(xs[-1]), float(ys[-1])
    return x_new, y_new


# --- the loss landscape: computed once per model, drawn by the view -----------------------
def _design(family: Family, samples: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    table = np.asarray(samples, dtype=float)
    x, y = table[:, 0], table[:, 1]
    with np.errstate(all="ignore"):  # x^2 of a huge input is inf: the callers check
        return family.features(x), y - family.offset(x)


def best_fit(family: Family, samples: np.ndarray) -> tuple[np.ndarray, float]:
    """The parameters with the lowest loss (half the mean squared error) and that loss.

    The family is linear in its parameters, so this is least squares; when several parameter
    sets tie (too few distinct inputs, or inputs so near 0 that a weight hardly matters) the
    smallest one is returned. Inputs too large for their squares give zeros and an infinite loss.
    """
    features, rest = _design(family, samples)
    params = np.zeros(features.shape[1])
    if np.all(np.isfinite(features)) and np.all(np.isfinite(rest)):
        u, s, vt = np.linalg.svd(features, full_matrices=False)
        keep = s > max(float(s.max(initial=0.0)) * 1e-12, 1e-150)
        params = vt[keep].T @ ((u[:, keep].T @ rest) / s[keep])
    with np.errstate(over="ignore", invalid="ignore"):
        r = features @ params - rest
        loss = 0.5 * float(np.mean(r * r))
    return params, loss if math.isfinite(loss) else math.inf


def family_floors(samples: np.ndarray) -> dict[str, float]:
    """The lowest loss each model family can reach on these samples."""
    return {formula: best_fit(f, samples)[1] for formula, f in FAMILIES.items()}


def suggest_family(samples: np.ndarray, current: str, tolerance: float = 0.001) -> str | None:
    """Another family that copies these samples better: one that gets below the tolerance (the
    fewest weights first), else the one with the lowest floor if that is at most half the
    current floor; None when no other family does clearly better."""
    floors = family_floors(samples)
    others = [f for f in FAMILIES if f != current]
    exact = [f for f in others if floors[f] < tolerance]
    if exact:
        best = min(exact, key=lambda f: len(FAMILIES[f].param_names))
        return best if floors[current] >= tolerance else None
    best = min(others, key=lambda f: floors[f])
    return best if floors[best] <= 0.5 * floors[current] else None


@dataclass(frozen=True)
class Landscape:
    """The loss over a grid of parameters: ``axes`` holds one array per parameter; ``values``
    has shape (len(axes[0]),) or (len(axes[0]), len(axes[1])) (first index: the first
    parameter). ``best`` and ``floor`` are the lowest point and its loss."""

    axes: tuple[np.ndarray, ...]
    values: np.ndarray
    best: np.ndarray
    floor: float

    @property
    def lo(self) -> np.ndarray:
        return np.array([a[0] for a in self.axes])

    @property
    def hi(self) -> np.ndarray:
        return np.array([a[-1] for a in self.axes])

    def contains(self, points: np.ndarray) -> bool:
        pts = np.asarray(points, dtype=float).reshape(-1, len(self.axes))
        return bool(np.all((pts >= self.lo) & (pts <= self.hi)))


def landscape_bounds(
    points: np.ndarray,
    margin: float = 0.35,
    min_span: float = 1.0,
    max_span: float = 1e4,
    centre: Sequence[float] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """A box around the finite ``points`` (k, p): ``margin`` of the span on each side, each
    side at least ``min_span`` wide and at most ``max_span`` (around the first point). With a
    ``centre`` (the lowest point, say) the box is symmetric about it, so a bowl looks like one
    (unless that would make it wider than ``max_span``)."""
    pts = np.asarray(points, dtype=float)
    pts = pts[np.all(np.isfinite(pts), axis=1)]
    if len(pts) == 0:
        pts = np.zeros((1, np.asarray(points).shape[-1]))
    if centre is not None:
        c = np.asarray(centre, dtype=float)
        reach = np.max(np.abs(pts - c), axis=0) if len(pts) else np.zeros_like(c)
        half = np.maximum(reach * (1 + margin), min_span / 2)
        if np.all(np.isfinite(c)) and np.all(half <= max_span / 2):
            return c - half, c + half
        # the centre is too far from the points: frame the points alone
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    centre_ = (lo + hi) / 2
    half = np.maximum((hi - lo) * (1 + 2 * margin), min_span) / 2
    half = np.minimum(half, max_span / 2)
    anchor = pts[0]
    centre_ = np.clip(centre_, anchor - max_span / 2 + half, anchor + max_span / 2 - half)
    return centre_ - half, centre_ + half


def loss_landscape(
    model: CrackBox, lo: Sequence[float], hi: Sequence[float], n: int = 161
) -> Landscape:
    """The full-table loss of ``model`` on an n (or n x n) grid from ``lo`` to ``hi``.

    The loss is quadratic in the parameters, so around the grid's centre q it is exactly
    L(q) + g(q)·d + 1/2 d^T A d with A = F^T F / m: the grid costs one small matrix product,
    whatever the table's length, and measuring from the centre keeps the rounding small.
    """
    features, rest = _design(model.family, model.samples)
    m = len(rest)
    best, floor = best_fit(model.family, model.samples)
    axes = tuple(np.linspace(float(lo[i]), float(hi[i]), n) for i in range(len(best)))
    q = np.array([(ax[0] + ax[-1]) / 2 for ax in axes])
    with np.errstate(all="ignore"):  # overflowing inputs give inf or NaN values, not warnings
        return _grid(features, rest, m, axes, q, best, floor)


def _grid(features, rest, m, axes, q, best, floor) -> Landscape:
    a = features.T @ features / m
    r = features @ q - rest
    at_q, g = 0.5 * float(np.mean(r * r)), features.T @ r / m
    if len(axes) == 1:
        d = axes[0] - q[0]
        values = at_q + g[0] * d + 0.5 * a[0, 0] * d * d
    else:
        dw, dv = np.meshgrid(axes[0] - q[0], axes[1] - q[1], indexing="ij")
        values = (
            at_q
            + g[0] * dw
            + g[1] * dv
            + 0.5 * (a[0, 0] * dw * dw + 2 * a[0, 1] * dw * dv + a[1, 1] * dv * dv)
        )
    return Landscape(axes, np.maximum(values, 0.0), best, floor)


def descent_path(model: CrackBox, start: Sequence[float], steps: int = 300) -> np.ndarray:
    """Where full-batch gradient descent with a small, stable step goes from ``start``: a
    (steps + 1, p) preview of the valley the run will follow, for framing the landscape."""
    features, rest = _design(model.family, model.samples)
    m = len(rest)
    with np.errstate(all="ignore"):
        a = features.T @ features / m
    ok = np.all(np.isfinite(a)) and np.all(np.isfinite(rest))
    top = float(np.max(np.linalg.eigvalsh(a))) if a.size and ok else 0.0
    lr = 1.0 / top if top > 0 and math.isfinite(top) else 0.0
    p = np.array(start, dtype=float)
    out = np.empty((steps + 1, len(p)))
    out[0] = p
    with np.errstate(all="ignore"):
        for k in range(steps):
            p = p - lr * (features.T @ (features @ p - rest) / m)
            if not np.all(np.isfinite(p)):
                return out[: k + 1]
            out[k + 1] = p
    return out


def contour_levels(landscape: Landscape, count: int = 9) -> np.ndarray:
    """Iso-loss levels spaced evenly on a log scale between just above the floor and the
    largest loss of the grid (the bowl's low part gets as many lines as its rim)."""
    finite = landscape.values[np.isfinite(landscape.values)]
    top = float(finite.max()) if finite.size else math.nan
    floor = landscape.floor
    rise = top - floor
    if not (math.isfinite(rise) and rise > 0):
        return np.zeros(0)
    return floor + rise * np.geomspace(1e-3, 0.6, count)


def sample_loss(model: CrackBox, index: int, params: np.ndarray) -> np.ndarray:
    """The loss of one sample, 1/2 (z - y)^2, for each row of ``params`` (k, p)."""
    p = np.atleast_2d(np.asarray(params, dtype=float))
    x = model.xs[index : index + 1]
    with np.errstate(all="ignore"):
        z = p @ model.family.features(x)[0] + model.family.offset(x)[0]
        r = z - model.ys[index]
        return 0.5 * r * r


def sample_fit_line(
    model: CrackBox, index: int, lo: Sequence[float], hi: Sequence[float]
) -> np.ndarray | None:
    """For a two-weight family: the two ends, inside the box lo..hi, of the line of weights
    that copy sample ``index`` exactly (the floor of that one sample's loss valley); None when
    the line misses the box or the sample does not depend on the weights."""
    with np.errstate(all="ignore"):
        line = _fit_line(model, index, lo, hi)
    return line if line is not None and np.all(np.isfinite(line)) else None


def _fit_line(model: CrackBox, index: int, lo, hi) -> np.ndarray | None:
    x = model.xs[index : index + 1]
    f = model.family.features(x)[0]
    rest = float(model.ys[index] - model.family.offset(x)[0])
    (w0, v0), (w1, v1) = (float(lo[0]), float(lo[1])), (float(hi[0]), float(hi[1]))
    if abs(f[1]) >= abs(f[0]) and f[1] != 0:
        ws = np.array([w0, w1])
        ends = np.column_stack([ws, (rest - f[0] * ws) / f[1]])
        axis, low, high = 1, v0, v1
    elif f[0] != 0:
        vs = np.array([v0, v1])
        ends = np.column_stack([(rest - f[1] * vs) / f[0], vs])
        axis, low, high = 0, w0, w1
    else:
        return None
    # clip the segment to the box along the other axis
    a, b = ends
    da = b[axis] - a[axis]
    t = np.array([0.0, 1.0])
    if da != 0:
        t = np.clip(np.sort([(low - a[axis]) / da, (high - a[axis]) / da]), 0.0, 1.0)
    elif not low <= a[axis] <= high:
        return None
    if t[1] - t[0] <= 0:
        return None
    return np.array([a + t[0] * (b - a), a + t[1] * (b - a)])
