"""The black box's pure helpers: the sample table's CSV and numbers, the loss landscape."""

import math

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gdstudio.scenarios.black_box import (
    CHAPTER_SAMPLES,
    FAMILIES,
    MAX_SAMPLES,
    CrackBox,
    SampleError,
    best_fit,
    contour_levels,
    family_floors,
    format_number,
    landscape_bounds,
    loss_landscape,
    parse_number,
    parse_samples_csv,
    sample_fit_line,
    sample_loss,
    suggest_family,
    suggest_next_sample,
)

CHAPTER = np.array(CHAPTER_SAMPLES)


# --- numbers and CSV ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "abc",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "1e400",
        "-1e999",
        "1_000",
        "0x10",
        "1,5",
        "1.2.3",
        "--1",
        "1e",
        "½",
    ],
)
def test_parse_number_refuses_anything_but_a_finite_plain_number(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    "text, value",
    [("2.21", 2.21), (" -1e-3 ", -0.001), ("+4", 4.0), (".5", 0.5), ("3.", 3.0), ("1E3", 1000.0)],
)
def test_parse_number_reads_plain_numbers(text, value):
    assert parse_number(text) == value


def test_a_decimal_comma_is_read_only_when_asked():
    assert parse_number("2,5", decimal_comma=True) == 2.5
    with pytest.raises(ValueError):
        parse_number("2,5")
    with pytest.raises(ValueError):
        parse_number("1,000.5", decimal_comma=True)


@given(st.floats(allow_nan=False, allow_infinity=False))
@settings(max_examples=200)
def test_format_number_reads_back_exactly(value):
    assert parse_number(format_number(value)) == value


def test_format_number_is_short():
    assert [format_number(v) for v in (2.21, 3.0, -0.5, 1e-05)] == ["2.21", "3", "-0.5", "1e-05"]


def test_csv_with_header_separators_blank_and_comment_lines():
    text = "\ufeffx,y\n1,2.21\n\n# a comment\n1.1;2.431\n1.2\t2.652\n\"2\" , '4.42'\n3 6.63\n"
    table = parse_samples_csv(text)
    assert table.tolist() == [[1, 2.21], [1.1, 2.431], [1.2, 2.652], [2, 4.42], [3, 6.63]]


def test_the_chapters_table_reads_back_from_csv():
    text = "\n".join(f"{format_number(x)},{format_number(y)}" for x, y in CHAPTER_SAMPLES)
    assert np.array_equal(parse_samples_csv(text), CHAPTER)


@pytest.mark.parametrize(
    "text, line, kind",
    [
        ("1,2\n1.1,2.4\nabc,3\n", 3, "number"),  # text on a data line
        ("1,2\n1,2,3\n", 2, "columns"),  # a wrong column count
        ("1\n", 1, "columns"),
        ("x,y\n1,2\n2,4\n3,nan\n", 4, "number"),
        ("1,1e400\n", 1, "number"),
        ("1,inf\n", 1, "number"),
        ("nan,inf\n1,2\n", 1, "number"),  # not a header: those are numbers to Python
        ("x,y\n\n", 2, "empty"),
        ("", 0, "empty"),
        ("1,2\nx,y\n", 2, "number"),  # a header only on the first line
    ],
)
def test_bad_csv_names_the_line(text, line, kind):
    with pytest.raises(SampleError) as info:
        parse_samples_csv(text)
    assert info.value.line == line and info.value.kind == kind
    if kind != "empty":
        assert f"line {line}" in str(info.value)


def test_csv_column_error_counts_the_values():
    with pytest.raises(SampleError) as info:
        parse_samples_csv("1,2\n3;4;5;6\n")
    assert info.value.count == 4


def test_csv_row_limit():
    text = "\n".join(f"{i},{i}" for i in range(MAX_SAMPLES))
    assert len(parse_samples_csv(text)) == MAX_SAMPLES
    with pytest.raises(SampleError) as info:
        parse_samples_csv(text + "\n1,1\n")
    assert info.value.kind == "too_many" and info.value.line == MAX_SAMPLES + 1


def test_a_sample_error_is_a_value_error():
    assert issubclass(SampleError, ValueError)


def test_next_sample_follows_the_table():
    assert suggest_next_sample(CHAPTER) == pytest.approx((3.0, 6.63))
    assert suggest_next_sample(np.array([[1.0, 5.0]])) == (2.0, 5.0)


# --- best fits and floors -----------------------------------------------------------------
def test_the_chapters_floor_and_best_weight():
    w, floor = best_fit(FAMILIES["w*x+x^2"], CHAPTER)
    assert w[0] == pytest.approx(0.63366, abs=1e-5)
    assert floor == pytest.approx(0.19108, abs=1e-5)
    w, floor = best_fit(FAMILIES["w*x"], CHAPTER)
    assert w[0] == pytest.approx(2.21) and floor == pytest.approx(0, abs=1e-20)


def test_floors_and_the_suggested_family():
    floors = family_floors(CHAPTER)
    assert set(floors) == set(FAMILIES)
    assert floors["w*x+x^2"] > 0.19 and all(floors[f] < 1e-20 for f in FAMILIES if f != "w*x+x^2")
    assert suggest_family(CHAPTER, "w*x+x^2") == "w*x"  # the fewest weights among the exact ones
    assert suggest_family(CHAPTER, "w*x") is None  # nothing does better than exact
    line = np.array([[0.0, 1.0], [1.0, 3.0], [2.0, 5.0]])  # 1 + 2x: only w*x+b copies it
    assert suggest_family(line, "w*x") == "w*x+b"
    curved = np.array([[0.0, 1.0], [1.0, 3.0], [2.0, 7.0], [3.0, 13.0]])  # 1 + x + x^2
    assert suggest_family(curved, "w*x") == "w*x+v*x^2"  # none exact: the lowest floor
    assert suggest_family(curved, "w*x+v*x^2") is None


# --- the landscape ------------------------------------------------------------------------
@pytest.mark.parametrize("family", list(FAMILIES))
def test_the_landscape_is_the_loss(family):
    m = CrackBox(family=family)
    p = len(m.param_names)
    land = loss_landscape(m, [-1.0] * p, [3.0] * p, n=21)
    assert land.values.shape == (21,) * p
    rng = np.random.default_rng(0)
    for _ in range(20):
        idx = tuple(rng.integers(0, 21, size=p))
        params = np.array([land.axes[k][i] for k, i in enumerate(idx)])
        assert land.values[idx] == pytest.approx(m.full_loss(params), rel=1e-9, abs=1e-12)
    assert land.floor == pytest.approx(best_fit(m.family, m.samples)[1], abs=1e-15)
    assert np.all(land.values >= 0)


@given(
    table=st.lists(st.tuples(st.floats(-5, 5), st.floats(-20, 20)), min_size=1, max_size=8),
    family=st.sampled_from(list(FAMILIES)),
)
@settings(max_examples=60, deadline=None)
@example(table=[(2.2250738585e-313, 1.0)], family="w*x+x^2")  # w hardly matters: no inf
def test_the_landscape_matches_the_loss_for_any_table(table, family):
    m = CrackBox(family=family, samples=table)
    p = len(m.param_names)
    land = loss_landscape(m, [-2.0] * p, [2.0] * p, n=5)
    corner = np.array([a[-1] for a in land.axes])
    top = land.values[(-1,) * p]
    assert top == pytest.approx(m.full_loss(corner), rel=1e-6, abs=1e-6)
    assert np.min(land.values) >= land.floor - 1e-6 * (1 + land.floor)


def test_bounds_hold_the_points_and_centre():
    pts = np.array([[1.0, 0.0], [2.21, 0.0], [1.8, 0.6]])
    lo, hi = landscape_bounds(pts)
    assert np.all(lo < pts.min(axis=0)) and np.all(hi > pts.max(axis=0))
    lo, hi = landscape_bounds(pts, centre=[2.21, 0.0])
    assert (lo + hi) / 2 == pytest.approx([2.21, 0.0])
    assert np.all(lo < pts.min(axis=0)) and np.all(hi > pts.max(axis=0))
    lo, hi = landscape_bounds(np.array([[1.0]]), min_span=1.0)
    assert hi[0] - lo[0] == pytest.approx(1.0)
    far = landscape_bounds(pts, centre=[1e9, 0.0], max_span=100)  # too far: frame the points
    assert np.all(far[1] - far[0] <= 100 + 1e-9) and far[0][0] < 1.0 < far[1][0]


def test_contour_levels_rise_from_the_floor():
    m = CrackBox(family="w*x+b")
    land = loss_landscape(m, [0.0, -1.0], [4.0, 1.0], n=31)
    levels = contour_levels(land, 9)
    assert len(levels) == 9 and np.all(np.diff(levels) > 0)
    assert levels[0] > land.floor and levels[-1] < land.values.max()


def test_one_samples_loss_and_the_line_where_it_fits():
    m = CrackBox(family="w*x+b")
    params = np.array([[1.0, 0.0], [2.0, 0.5]])
    for i in range(4):
        expected = 0.5 * (m.predict(params[1], m.xs[i : i + 1])[0] - m.ys[i]) ** 2
        assert sample_loss(m, i, params)[1] == pytest.approx(expected)
        line = sample_fit_line(m, i, [0.0, -1.0], [4.0, 1.0])
        assert line is not None and line.shape == (2, 2)
        for end in line:
            assert m.predict(end, m.xs[i : i + 1])[0] == pytest.approx(m.ys[i])
            assert 0.0 - 1e-9 <= end[0] <= 4.0 + 1e-9 and -1.0 - 1e-9 <= end[1] <= 1.0 + 1e-9
    assert sample_fit_line(m, 0, [10.0, 5.0], [11.0, 6.0]) is None  # the line misses the box
    zero = CrackBox(family="w*x+v*x^2", samples=[(0.0, 1.0)])
    assert sample_fit_line(zero, 0, [0.0, 0.0], [1.0, 1.0]) is None  # x = 0: no weight matters


def test_landscape_grid_does_not_grow_with_the_table():
    big = np.column_stack([np.linspace(0, 2, 1000), 2.21 * np.linspace(0, 2, 1000)])
    m = CrackBox(family="w*x+b", samples=big)
    land = loss_landscape(m, [0.0, -1.0], [4.0, 1.0], n=121)
    assert land.values.shape == (121, 121) and math.isfinite(float(land.values.max()))


def test_overflowing_tables_give_no_warnings_and_no_crash():
    import warnings

    for table in ([(1e200, 1.0)], [(1e-310, 2.0)], [(0.0, 0.0)]):
        for family in FAMILIES:
            m = CrackBox(family=family, samples=table)
            p = len(m.param_names)
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                best, floor = best_fit(m.family, m.samples)
                land = loss_landscape(m, [-1.0] * p, [1.0] * p, n=9)
                contour_levels(land)
                if p == 2:
                    line = sample_fit_line(m, 0, [-1.0, -1.0], [1.0, 1.0])
                    assert line is None or np.all(np.isfinite(line))
            assert np.all(np.isfinite(best)) and floor >= 0


@given(
    a=st.one_of(st.just(0.0), st.floats(0.01, 3), st.floats(-3, -0.01)),
    b=st.floats(-5, 5),
    target=st.floats(-20, 20),
)
def test_the_box_can_answer_the_target_exactly_when_reachable_says_so(a, b, target):
    from gdstudio.scenarios.black_box import BlackBox

    m = BlackBox(target=target, a=a, b=b)
    turn = m.turning_point()
    if a == 0:
        assert turn is None
        return
    x, out = turn
    assert m.slope(x) == pytest.approx(0.0, abs=1e-9)
    # the output on both sides of the turning point is on the same side of it
    for dx in (-1.0, 1.0):
        assert (m.output(x + dx) - out) * a > 0
    # reachable <=> some input gives the target: the roots of a x^2 + b x - target = 0
    disc = b * b + 4 * a * target
    if abs(disc) > 1e-9:
        assert m.reachable() == (disc > 0)


def test_the_chapters_box_turns_at_its_lowest_answer():
    from gdstudio.scenarios.black_box import BlackBox

    x, out = BlackBox().turning_point()
    assert x == pytest.approx(-2.002 / (2 * 0.332))
    assert out == pytest.approx(-(2.002**2) / (4 * 0.332))  # about -3.018
    assert BlackBox(target=-3.0).reachable() and not BlackBox(target=-3.1).reachable()
