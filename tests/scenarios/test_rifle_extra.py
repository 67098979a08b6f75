"""The rifle's pure helpers for comparing burst sizes (no Qt)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gdstudio.engine import StopReason, Trainer
from gdstudio.scenarios.rifle import (
    COMPARE_STEPS,
    JITTER_SKIP,
    Rifle,
    fixed_length_trainer,
    loss_curve,
    loss_jitter,
)


def test_with_burst_keeps_the_range_and_changes_only_the_burst():
    m = Rifle(burst=3, wind=4.0, wind_direction=90.0, spread=2.5, sight_error=(5, -7), aim0=(1, 2))
    five = m.with_burst(5)
    assert five.burst == 5 and m.burst == 3
    a, b = m.settings(), five.settings()
    a.pop("burst"), b.pop("burst")
    assert a == b
    with pytest.raises(ValueError):
        m.with_burst(0)
    with pytest.raises(ValueError):
        m.with_burst(11)


def test_a_fixed_length_run_fires_exactly_its_bursts():
    t = fixed_length_trainer(Rifle(burst=1), seed=0, lr=0.5)
    assert t.run() is StopReason.STEP_LIMIT  # no plateau or tolerance stop on the way
    assert t.step_count == COMPARE_STEPS
    assert len(t.history) == COMPARE_STEPS + 1  # row 0 is the first burst, before any update


def test_loss_curve_is_the_headless_run_and_is_deterministic():
    m = Rifle().with_burst(5)
    steps, losses = loss_curve(m, seed=3, lr=0.4, steps=25)
    t = Trainer(m, lr=0.4, seed=3, max_steps=25, stop_rules=False)
    t.run()
    assert np.array_equal(steps, np.arange(26))
    assert np.array_equal(losses, t.history.column("loss"))
    again = loss_curve(m, seed=3, lr=0.4, steps=25)
    assert np.array_equal(again[1], losses)


def test_loss_jitter_is_the_mean_step_to_step_change_after_the_skip():
    losses = [100.0, 50.0, 1.0, 3.0, 2.0, 4.0]
    assert loss_jitter(losses, skip=2) == pytest.approx((2 + 1 + 2) / 3)
    assert loss_jitter(losses, skip=0) == pytest.approx((50 + 49 + 2 + 1 + 2) / 5)
    assert math.isnan(loss_jitter([1.0, 2.0], skip=JITTER_SKIP))


@pytest.mark.parametrize("seed", range(12))
def test_single_shots_give_a_noisier_descent_than_bursts_of_five(seed):
    m = Rifle()
    one = loss_curve(m.with_burst(1), seed=seed, lr=0.5)[1]
    five = loss_curve(m.with_burst(5), seed=seed, lr=0.5)[1]
    assert loss_jitter(one) > 1.2 * loss_jitter(five)
