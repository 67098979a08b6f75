"""Step history in growable numpy columns with amortised appends.

Each column is its own float64 array whose capacity doubles when full. Columns grow one at a
time, so the peak memory while growing is the whole history plus one new column, and the pages
past the last row are never touched (a million rows of six columns occupy about 48 MB).

The ``step`` column is normally the row index (row k holds step k): then it is not stored at
all, only computed when asked for, which saves a column's worth of memory on every run. The
first appended step that is not its row index turns it into a stored column like the others.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence

import numpy as np

_INITIAL_CAPACITY = 256


class History:
    """Rows of floats under fixed column names; ``step`` is always the first column."""

    def __init__(self, columns: Sequence[str]):
        if not columns or columns[0] != "step":
            raise ValueError("the first column must be 'step'")
        if len(set(columns)) != len(columns):
            raise ValueError("column names must be unique")
        self.columns: tuple[str, ...] = tuple(columns)
        self._index = {name: i for i, name in enumerate(self.columns)}
        self._data = [np.empty(_INITIAL_CAPACITY) for _ in self.columns]
        self._n = 0
        self._implicit_step = True  # step k is row k: _data[0] holds nothing (see _steps)
        self._data[0] = _placeholder(_INITIAL_CAPACITY)
        self._step_cache = np.empty(0)  # 0, 1, 2 ... when someone reads the implicit column

    def __len__(self) -> int:
        return self._n

    @property
    def capacity(self) -> int:
        return len(self._data[0])

    @property
    def nbytes(self) -> int:
        """Bytes of the rows held (not of the reserved capacity; an implicit step takes none)."""
        stored = len(self.columns) - (1 if self._implicit_step else 0)
        return self._n * 8 * stored

    def append(self, row: Sequence[float]) -> None:
        if len(row) != len(self.columns):
            raise ValueError(f"expected {len(self.columns)} values, got {len(row)}")
        if self._n == self.capacity:
            self._grow()
        n = self._n
        data = self._data
        if not self._implicit_step:
            data[0][n] = row[0]
        elif row[0] != n:  # a step that is not its row index: store the column from now on
            self._store_steps()
            data[0][n] = row[0]
        for j in range(1, len(data)):
            data[j][n] = row[j]
        self._n = n + 1

    def _grow(self) -> None:
        new_capacity = 2 * self.capacity
        for i, old in enumerate(self._data):
            if i == 0 and self._implicit_step:
                self._data[0] = _placeholder(new_capacity)
                continue
            new = np.empty(new_capacity)
            new[: self._n] = old[: self._n]
            self._data[i] = new  # the old column is freed before the next one grows

    def _store_steps(self) -> None:
        """Turn the implicit step column into a stored one (its rows so far are 0 .. n-1)."""
        column = np.empty(self.capacity)
        column[: self._n] = np.arange(self._n)
        self._data[0] = column
        self._implicit_step = False
        self._step_cache = np.empty(0)

    def _steps(self, n: int) -> np.ndarray:
        """The implicit step column's first ``n`` rows (read-only; cached, grown by doubling)."""
        if len(self._step_cache) < n:
            cache = np.arange(max(n, self.capacity), dtype=float)
            cache.flags.writeable = False
            self._step_cache = cache
        return self._step_cache[:n]

    def _column_rows(self, j: int, start: int, stop: int) -> np.ndarray:
        if j == 0 and self._implicit_step:
            return np.arange(start, stop, dtype=float)
        return self._data[j][start:stop]

    def truncate(self, n: int) -> None:
        """Forget every row from index ``n`` on."""
        if not 0 <= n <= self._n:
            raise ValueError(f"cannot truncate {self._n} rows to {n}")
        self._n = n

    def clear(self) -> None:
        self._n = 0
        if not self._implicit_step:  # a new run: steps are row indexes again until shown not
            self._implicit_step = True
            self._data[0] = _placeholder(self.capacity)

    def column(self, name: str) -> np.ndarray:
        """A read-only view of one column's rows (valid until the next append)."""
        j = self._index[name]
        if j == 0 and self._implicit_step:
            return self._steps(self._n)
        view = self._data[j][: self._n]
        view.flags.writeable = False
        return view

    def value(self, i: int, name: str) -> float:
        """One cell: row ``i``'s value in column ``name``. The history table reads its cells
        so; through ``column`` every step cell would have made the implicit step column's
        cache, a whole column of capacity rows (8 MB at a million steps)."""
        if not -self._n <= i < self._n:
            raise IndexError(i)
        i %= self._n
        j = self._index[name]
        if j == 0 and self._implicit_step:
            return float(i)
        return float(self._data[j][i])

    def row(self, i: int) -> dict[str, float]:
        if not -self._n <= i < self._n:
            raise IndexError(i)
        i %= self._n
        out = {name: float(self._data[j][i]) for j, name in enumerate(self.columns) if j}
        step = float(i) if self._implicit_step else float(self._data[0][i])
        return {"step": step, **out}

    def last(self) -> dict[str, float] | None:
        return self.row(-1) if self._n else None

    def decimated(self, name: str, max_points: int = 2000) -> tuple[np.ndarray, np.ndarray]:
        """(step, value) copies with at most about ``max_points`` points, for drawing.

        Long histories keep every k-th row plus the last one, so the newest point is always
        drawn. k is a power of two (between a half and all of ``max_points`` points are kept):
        it changes only when the history doubles, so while a run goes on the points kept stay
        the same rows and a curve drawn from them does not shimmer as it grows (a k worked out
        afresh for each length picked other rows every few frames). The arrays are copies: a
        plot may keep them while the history grows.
        """
        n = self._n
        values = self._data[self._index[name]][:n]
        if n <= max_points:
            return self._column_rows(0, 0, n).copy(), values.copy()
        stride = 1 << max(0, math.ceil(math.log2(n / max_points)))
        while n > stride * max_points:  # (log2 rounding)
            stride *= 2
        idx = np.arange(0, n, stride)
        if idx[-1] != n - 1:
            idx = np.append(idx, n - 1)
        steps = idx.astype(float) if self._implicit_step else self._data[0][idx]
        return steps, values[idx]

    def rows(self) -> Iterable[tuple[float, ...]]:
        for i in range(self._n):
            step = float(i) if self._implicit_step else float(self._data[0][i])
            yield (step, *(float(col[i]) for col in self._data[1:]))

    def to_array(self) -> np.ndarray:
        """All rows as one (n, columns) array (a copy)."""
        n = self._n
        return np.column_stack([self._column_rows(j, 0, n) for j in range(len(self.columns))])

    def write_csv(self, path_or_file) -> None:
        """A header row, then one row per step; numbers in Python's shortest round-trip form."""
        if hasattr(path_or_file, "write"):
            self._write_csv(path_or_file)
        else:
            with open(path_or_file, "w", newline="", encoding="utf-8") as f:
                self._write_csv(f)

    def _write_csv(self, f) -> None:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(self.columns)
        chunk = 65536
        for start in range(0, self._n, chunk):
            stop = min(start + chunk, self._n)
            block = np.column_stack(
                [self._column_rows(j, start, stop) for j in range(len(self.columns))]
            ).tolist()
            for row in block:
                row[0] = int(row[0])
                writer.writerow([repr(v) if isinstance(v, float) else v for v in row])


def _placeholder(capacity: int) -> np.ndarray:
    """Stands in for the implicit step column: the right length, no memory, read-only."""
    return np.broadcast_to(np.float64(0.0), (capacity,))
