"""Step history in growable numpy columns with amortised appends.

Each column is its own float64 array whose capacity doubles when full. Columns grow one at a
time, so the peak memory while growing is the whole history plus one new column, and the pages
past the last row are never touched (a million rows of six columns occupy about 48 MB).
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

    def __len__(self) -> int:
        return self._n

    @property
    def capacity(self) -> int:
        return len(self._data[0])

    @property
    def nbytes(self) -> int:
        """Bytes of the rows held (not of the reserved capacity)."""
        return self._n * 8 * len(self.columns)

    def append(self, row: Sequence[float]) -> None:
        if len(row) != len(self.columns):
            raise ValueError(f"expected {len(self.columns)} values, got {len(row)}")
        if self._n == self.capacity:
            self._grow()
        n = self._n
        for column, value in zip(self._data, row):
            column[n] = value
        self._n = n + 1

    def _grow(self) -> None:
        new_capacity = 2 * self.capacity
        for i, old in enumerate(self._data):
            new = np.empty(new_capacity)
            new[: self._n] = old[: self._n]
            self._data[i] = new  # the old column is freed before the next one grows

    def truncate(self, n: int) -> None:
        """Forget every row from index ``n`` on."""
        if not 0 <= n <= self._n:
            raise ValueError(f"cannot truncate {self._n} rows to {n}")
        self._n = n

    def clear(self) -> None:
        self._n = 0

    def column(self, name: str) -> np.ndarray:
        """A read-only view of one column's rows (valid until the next append)."""
        view = self._data[self._index[name]][: self._n]
        view.flags.writeable = False
        return view

    def row(self, i: int) -> dict[str, float]:
        if not -self._n <= i < self._n:
            raise IndexError(i)
        i %= self._n
        return {name: float(self._data[j][i]) for j, name in enumerate(self.columns)}

    def last(self) -> dict[str, float] | None:
        return self.row(-1) if self._n else None

    def decimated(self, name: str, max_points: int = 2000) -> tuple[np.ndarray, np.ndarray]:
        """(step, value) copies with at most about ``max_points`` points, for drawing.

        Long histories keep every k-th row plus the last one, so the newest point is always
        drawn. The arrays are copies: a plot may keep them while the history grows.
        """
        n = self._n
        steps = self._data[0][:n]
        values = self._data[self._index[name]][:n]
        if n <= max_points:
            return steps.copy(), values.copy()
        stride = math.ceil(n / max_points)
        idx = np.arange(0, n, stride)
        if idx[-1] != n - 1:
            idx = np.append(idx, n - 1)
        return steps[idx], values[idx]

    def rows(self) -> Iterable[tuple[float, ...]]:
        for i in range(self._n):
            yield tuple(float(col[i]) for col in self._data)

    def to_array(self) -> np.ndarray:
        """All rows as one (n, columns) array (a copy)."""
        return np.column_stack([col[: self._n] for col in self._data])

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
            block = np.column_stack([col[start:stop] for col in self._data]).tolist()
            for row in block:
                row[0] = int(row[0])
                writer.writerow([repr(v) if isinstance(v, float) else v for v in row])
