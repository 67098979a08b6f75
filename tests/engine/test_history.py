import io

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdstudio.engine.history import History


def test_append_grows_past_initial_capacity_and_keeps_rows():
    h = History(("step", "loss", "w"))
    for i in range(1000):
        h.append((i, 1.0 / (i + 1), 2.0 * i))
    assert len(h) == 1000
    assert h.capacity >= 1000
    assert h.column("step")[-1] == 999
    assert h.column("w")[10] == 20.0
    assert h.row(-1) == {"step": 999.0, "loss": 1 / 1000, "w": 1998.0}


def test_columns_are_read_only_views():
    h = History(("step", "loss"))
    h.append((0, 1.0))
    with pytest.raises(ValueError):
        h.column("loss")[0] = 5.0


def test_truncate_forgets_rows():
    h = History(("step", "loss"))
    for i in range(10):
        h.append((i, float(i)))
    h.truncate(4)
    assert len(h) == 4
    h.append((4, 40.0))
    assert list(h.column("loss")) == [0.0, 1.0, 2.0, 3.0, 40.0]
    with pytest.raises(ValueError):
        h.truncate(9)


def test_wrong_row_length_is_refused():
    h = History(("step", "loss"))
    with pytest.raises(ValueError):
        h.append((0, 1.0, 2.0))


@given(st.integers(min_value=0, max_value=20000), st.integers(min_value=2, max_value=3000))
def test_decimated_is_bounded_and_keeps_first_and_last(n, max_points):
    h = History(("step", "loss"))
    for i in range(n):
        h.append((i, float(i * i)))
    x, y = h.decimated("loss", max_points)
    assert len(x) == len(y) <= max_points + 1
    if n:
        assert x[0] == 0 and x[-1] == n - 1
        assert np.all(y == x * x)
        assert np.all(np.diff(x) > 0)


def test_decimated_returns_copies():
    h = History(("step", "loss"))
    h.append((0, 1.0))
    x, y = h.decimated("loss")
    y[0] = 99.0
    assert h.column("loss")[0] == 1.0


def test_csv_has_header_and_integer_steps():
    h = History(("step", "loss", "w", "grad_w"))
    h.append((0, 0.5, 1.0, -0.25))
    h.append((1, 0.125, 1.25, -0.1))
    out = io.StringIO()
    h.write_csv(out)
    assert out.getvalue().splitlines() == [
        "step,loss,w,grad_w",
        "0,0.5,1.0,-0.25",
        "1,0.125,1.25,-0.1",
    ]


def test_a_million_rows_stay_within_tens_of_megabytes():
    h = History(("step", "loss", "aim_x", "aim_y", "distance", "grad_aim_x", "grad_aim_y"))
    row = (0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0)
    for _ in range(1_000_001):
        h.append(row)
    reserved = h.capacity * 8 * len(h.columns)
    assert h.nbytes < 60e6
    assert reserved < 2 * h.nbytes


@given(
    st.integers(min_value=1, max_value=50000),
    st.integers(min_value=1, max_value=5000),
    st.integers(min_value=2, max_value=2000),
)
def test_decimated_keeps_the_same_rows_as_the_history_grows(n, more, max_points):
    """Issue 7: the rows kept are every k-th for a power of two k, so they stay the same rows
    while the history grows (until k doubles): a long curve does not shimmer as a run goes on.
    At least half of ``max_points`` are kept."""
    h = History(("step", "loss"))
    for i in range(n + more):
        h.append((i, float(i)))
    small = History(("step", "loss"))
    for i in range(n):
        small.append((i, float(i)))
    x1, _ = small.decimated("loss", max_points)
    x2, _ = h.decimated("loss", max_points)
    if n > max_points:
        assert len(x1) >= max_points // 2
        stride = int(x1[1] - x1[0])
        assert stride & (stride - 1) == 0  # a power of two
        if n + more <= stride * max_points:  # the same k: the rows kept before are kept
            assert set(x1[:-1]) <= set(x2)


@given(
    st.integers(min_value=1, max_value=300),
    st.booleans(),
    st.data(),
)
def test_a_cell_is_what_its_row_holds_and_makes_no_step_column(n, stored_steps, data):
    """``value(i, name)`` is ``row(i)[name]`` for every column, implicit steps included, and
    reading a step that way builds no cached step column (the history table reads cells)."""
    h = History(("step", "loss", "w"))
    for i in range(n):
        step = 10 * i if stored_steps else i  # steps that are not row indexes are stored
        h.append((step, 1.0 / (i + 1), -2.0 * i))
    i = data.draw(st.integers(min_value=-n, max_value=n - 1))
    for name in h.columns:
        assert h.value(i, name) == h.row(i)[name]
    assert len(h._step_cache) == 0
    with pytest.raises(IndexError):
        h.value(n, "loss")
