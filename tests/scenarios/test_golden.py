"""The chapter's numbers (shared/design.md) as golden values."""

import pytest

from gdstudio.engine import StopReason, Trainer
from gdstudio.scenarios import create
from gdstudio.scenarios.black_box import CHAPTER_SAMPLES, box
from gdstudio.scenarios.guess_number import degree, word
from gdstudio.scenarios.rifle import describe, ring


# --- guess the number ---------------------------------------------------------------------
def test_the_chapters_game_words():
    # secret 44 in 1..50: 5 is "too low", 50 "a bit high", 30 "low", as in the chapter
    assert [word(degree(g - 44, 1, 50)) for g in (5, 50, 30)] == ["too low", "a bit high", "low"]


def test_b_answers_in_both_modes():
    m = create("guess", secret=44)
    m.prepare(None)
    assert m.answer(5) == "too low" and m.answer(44) == "correct"
    exact = create("guess", secret=44, feedback="exact")
    exact.prepare(None)
    assert exact.answer(30) == "off by -14"


def test_default_game_starts_at_the_chapters_first_guess_in_1_to_50():
    t = Trainer(create("guess"), seed=0)
    t.step()
    assert t.history.column("guess")[0] == 5
    assert 1 <= t.model.secret <= 50


def guesses_needed(secret, mode):
    t = Trainer(create("guess", secret=secret, feedback=mode))
    assert t.run() is StopReason.CONVERGED
    assert t.params[0] == secret
    return len(t.history)


@pytest.mark.parametrize("secret", [1, 6, 23, 44, 50])
def test_exact_feedback_finds_the_secret_in_fewer_guesses(secret):
    assert guesses_needed(secret, "exact") < guesses_needed(secret, "vague")


def test_exact_feedback_is_never_slower_and_far_faster_on_average():
    exact = [guesses_needed(s, "exact") for s in range(1, 51)]
    vague = [guesses_needed(s, "vague") for s in range(1, 51)]
    assert all(e <= v for e, v in zip(exact, vague))
    assert max(exact) == 2  # the first guess, then straight to the number
    assert sum(vague) > 2 * sum(exact)


def test_the_secret_is_drawn_from_the_seed():
    secrets = {s: Trainer(create("guess"), seed=s).model.secret for s in range(20)}
    assert secrets == {s: Trainer(create("guess"), seed=s).model.secret for s in range(20)}
    assert len(set(secrets.values())) > 5


# --- black box ----------------------------------------------------------------------------
def test_black_box_probes():
    assert box(1.0) == pytest.approx(2.334)
    assert box(2.0) == pytest.approx(5.332)
    m = create("blackbox")
    assert m.forward(m.initial_params(), None).error == pytest.approx(-1.666)
    assert m.forward([2.0], None).error == pytest.approx(1.332)


def test_find_the_input_reaches_output_four():
    t = Trainer(create("blackbox"))
    assert t.run() is StopReason.CONVERGED
    assert t.params[0] == pytest.approx(1.5826, abs=0.02)
    assert abs(t.history.column("output")[-1] - 4) < 0.05


def test_crack_the_box_with_the_chapters_guess_ends_on_a_plateau():
    t = Trainer(create("fit"))
    assert t.run() is StopReason.PLATEAU
    assert t.params[0] == pytest.approx(0.6337, abs=1e-3)
    assert t.history.column("loss")[-1] == pytest.approx(0.1911, abs=1e-4)


def test_crack_the_box_one_sample_at_a_time_also_plateaus_near_the_floor():
    t = Trainer(create("fit", batch="1"))
    assert t.run() is StopReason.PLATEAU
    assert t.params[0] == pytest.approx(0.6337, abs=0.02)
    assert t.history.column("loss")[-1] == pytest.approx(0.1911, abs=1e-3)


def test_w_times_x_copies_the_box():
    t = Trainer(create("fit", family="w*x"))
    assert t.run() is StopReason.CONVERGED
    assert t.params[0] == pytest.approx(2.21, abs=0.03)
    assert t.history.column("loss")[-1] < 0.001
    exact = Trainer(create("fit", family="w*x"), tolerance=1e-12)
    exact.run()
    assert exact.params[0] == pytest.approx(2.21, abs=1e-6)


def test_the_chapters_first_two_crack_steps():
    m = create("fit")
    first = m.forward(m.initial_params(), [0])  # w = 1 at x = 1
    assert first.prediction[0] == pytest.approx(2.0)
    assert first.error[0] == pytest.approx(-0.21)
    second = m.forward([1.5], [1])  # w = 1.5 at x = 1.1
    assert second.prediction[0] == pytest.approx(2.86)
    assert second.error[0] == pytest.approx(0.429)


def test_the_chapters_table():
    assert CHAPTER_SAMPLES == ((1.0, 2.21), (1.1, 2.431), (1.2, 2.652), (2.0, 4.42))


# --- rifle --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "distance, score",
    [
        (0.0, 10),
        (4.99, 10),
        (5.0, 9),
        (22.0, 6),
        (17.0, 7),
        (12.0, 8),
        (45.0, 1),
        (49.9, 1),
        (50.0, 0),
    ],
)
def test_ring_scores(distance, score):
    assert ring(distance) == score


def _at(distance, angle_degrees):
    import math

    a = math.radians(angle_degrees)
    return distance * math.cos(a), distance * math.sin(a)


@pytest.mark.parametrize(
    "distance, angle, words",
    [
        (47, 135, "ring 1, 45 degrees upper left"),
        (22, 165, "ring 6, 15 degrees upper left"),
        (17, 180, "ring 7, left"),
        (12, 195, "ring 8, 15 degrees lower left"),
        (2, 30, "ring 10, bullseye"),
        (27, 90, "ring 5, above"),
        (60, 0, "off the target, right"),
    ],
)
def test_the_chapters_shot_descriptions(distance, angle, words):
    assert describe(*_at(distance, angle)).english() == words


def test_first_burst_lands_in_the_outer_rings_and_the_aim_walks_in():
    t = Trainer(create("rifle"), seed=0)
    t.run(5)
    rings = [[ring(d) for d in rec.forward.distances] for rec in t.recent]
    assert max(rings[0]) <= 2
    means = [min(r) for r in rings]
    assert means == sorted(means) and rings[-1] == [10, 10, 10]


def test_burst_loss_is_the_mean_over_the_shots():
    m = create("rifle", burst=3, spread=2.0)
    import numpy as np

    batch = m.sample(0, np.random.default_rng(1))
    fwd = m.forward(m.initial_params(), batch)
    per_shot = 0.5 * (fwd.impacts**2).sum(axis=1)
    assert m.loss(m.initial_params(), batch, fwd) == pytest.approx(per_shot.mean())
    assert m.gradient(m.initial_params(), batch, fwd) == pytest.approx(fwd.mean)


def test_dispersion_is_small_next_to_the_first_miss():
    m = create("rifle")
    assert m.spread * 3 < 0.2 * float(np.hypot(*m.offset))


import numpy as np  # noqa: E402
