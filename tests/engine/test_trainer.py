import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.engine.optimizers import GradientDescent, GuessRule, Momentum
from gdstudio.scenarios import create


def fit_trainer(**kw):
    return Trainer(create("fit", family="w*x"), **kw)


def test_reset_is_initialization_with_empty_history():
    t = fit_trainer()
    assert t.phase is Phase.INIT
    assert len(t.history) == 0
    assert t.params.tolist() == [1.0]


def test_phases_walk_in_the_chapters_order_and_a_walk_is_one_step():
    a, b = fit_trainer(), fit_trainer()
    walked = [a.advance_phase() for _ in range(8)]
    assert walked == [Phase.FORWARD, Phase.LOSS, Phase.BACKWARD, Phase.UPDATE] * 2
    b.step()
    b.step()
    assert a.params.tolist() == b.params.tolist()
    assert a.history.to_array().tolist() == b.history.to_array().tolist()


def test_row_k_holds_parameters_after_k_updates():
    t = fit_trainer(lr=0.1)
    t.step()
    t.step()
    w = t.history.column("w")
    g = t.history.column("grad_w")
    assert w[1] == pytest.approx(w[0] - 0.1 * g[0])
    assert t.params[0] == pytest.approx(w[1] - 0.1 * g[1])
    assert t.history.column("step").tolist() == [0.0, 1.0]


def test_back_undoes_a_step_exactly_including_random_state():
    t = Trainer(create("rifle"), seed=7)
    for _ in range(3):
        t.step()
    third = t.history.row(2)
    impacts = t.recent[-1].forward.impacts.copy()
    assert t.back()
    assert len(t.history) == 2 and t.step_count == 2
    t.step()
    assert t.history.row(2) == third
    assert np.array_equal(t.recent[-1].forward.impacts, impacts)


def test_back_in_the_middle_of_a_step_abandons_it():
    t = fit_trainer()
    t.step()
    t.advance_phase()
    t.advance_phase()
    t.advance_phase()  # backward recorded row 1
    assert len(t.history) == 2
    assert t.back()
    assert len(t.history) == 1 and t.phase is Phase.UPDATE


def test_back_at_the_start_does_nothing():
    assert fit_trainer().back() is False


def test_back_beyond_the_undo_memory_replays_from_the_seed(monkeypatch):
    import gdstudio.engine.trainer as trainer_module

    monkeypatch.setattr(trainer_module, "UNDO_DEPTH", 3)
    t = Trainer(create("rifle", spread=3.0), seed=3, max_steps=100)
    t.run(10)
    rows = t.history.to_array()
    for _ in range(6):
        assert t.back()
    assert len(t.history) == 4
    assert np.array_equal(t.history.to_array(), rows[:4])
    t.run(6)
    assert np.array_equal(t.history.to_array(), rows)


def test_reset_repeats_the_same_run():
    t = Trainer(create("rifle"), seed=11)
    t.run()
    first = t.history.to_array()
    t.reset()
    t.run()
    assert np.array_equal(first, t.history.to_array())


def test_learning_rate_change_applies_at_the_next_update():
    t = fit_trainer(lr=0.1)
    t.step()
    t.lr = 0.3
    t.step()
    w, g = t.history.column("w"), t.history.column("grad_w")
    assert w[1] == pytest.approx(w[0] - 0.1 * g[0])
    assert t.params[0] == pytest.approx(w[1] - 0.3 * g[1])


@pytest.mark.parametrize("bad", [0.0, -1.0, math.nan, math.inf])
def test_bad_learning_rates_are_refused(bad):
    with pytest.raises(ValueError):
        fit_trainer(lr=bad)
    t = fit_trainer()
    with pytest.raises(ValueError):
        t.lr = bad


def test_converged_stop_and_no_more_steps():
    t = fit_trainer()
    assert t.run() is StopReason.CONVERGED
    n = len(t.history)
    assert t.step() is False and len(t.history) == n
    assert t.history.column("loss")[-1] < 0.001


def test_step_limit():
    t = fit_trainer(lr=0.001, max_steps=5)
    assert t.run() is StopReason.STEP_LIMIT
    assert len(t.history) == 6  # rows 0..5


def test_no_stop_runs_exactly_the_steps():
    t = fit_trainer(max_steps=200, stop_rules=False)
    t.run()
    assert t.step_count == 200 and len(t.history) == 201


@pytest.mark.parametrize("key", ["blackbox", "fit", "rifle"])
def test_divergence_is_reported_and_history_stays_finite(key):
    t = Trainer(create(key), lr=50.0, max_steps=10_000)
    assert t.run() is StopReason.DIVERGED
    assert np.all(np.isfinite(t.history.to_array()))
    assert np.all(np.isfinite(t.params))
    assert t.step() is False


def test_divergence_with_momentum_too():
    t = Trainer(create("fit"), lr=5.0, momentum=0.9)
    assert t.run() is StopReason.DIVERGED
    assert np.all(np.isfinite(t.history.to_array()))


def test_non_finite_numbers_never_reach_the_history():
    t = Trainer(create("blackbox", x0=1e150), lr=1.0)
    t.run()
    assert t.stop is StopReason.DIVERGED
    assert np.all(np.isfinite(t.history.to_array()))


def test_momentum_differs_from_plain_descent_and_still_converges():
    plain = fit_trainer(lr=0.05)
    heavy = fit_trainer(lr=0.05, momentum=0.5)
    plain.run()
    heavy.run()
    assert heavy.stop is StopReason.CONVERGED
    assert heavy.step_count != plain.step_count


def test_momentum_is_refused_for_the_guessing_game():
    with pytest.raises(ValueError):
        Trainer(create("guess"), momentum=0.5)


def test_gradient_descent_and_momentum_updates():
    p = np.array([1.0, 2.0])
    g = np.array([0.5, -1.0])
    assert GradientDescent(0.1).update(p, g).tolist() == pytest.approx([0.95, 2.1])
    m = Momentum(0.1, 0.5)
    first = m.update(p, g)
    second = m.update(first, g)
    assert second.tolist() == pytest.approx([0.95 - 0.075, 2.1 + 0.15])


@given(
    st.integers(1, 200),
    st.integers(1, 200),
    st.integers(1, 200),
    st.floats(0.1, 3.0),
)
@settings(max_examples=200, deadline=None)
def test_guess_rule_always_finds_the_number(low, width, secret_offset, lr):
    high = low + width
    secret = low + secret_offset % (width + 1)
    for mode in ("vague", "exact"):
        t = Trainer(
            create("guess", low=low, high=high, secret=secret, first_guess=low, feedback=mode),
            lr=lr,
            max_steps=10 * (width + 2),
        )
        assert t.run() is StopReason.CONVERGED
        assert t.params[0] == secret


def test_guess_rule_stays_in_the_bracket():
    rule = GuessRule(1.0, 1, 50)
    nxt = rule.update(np.array([10.0]), np.array([-1000.0]))
    assert 11 <= nxt[0] <= 50
