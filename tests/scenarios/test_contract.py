"""The contract every registered scenario keeps (design.md rule 3)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gdstudio.engine import Trainer
from gdstudio.scenarios import SCENARIOS, create
from gdstudio.scenarios.black_box import FAMILIES

KEYS = [s.key for s in SCENARIOS]

VARIANTS = (
    [(k, {}) for k in KEYS]
    + [("fit", {"family": f, "batch": b}) for f in FAMILIES for b in ("full", "1")]
    + [("guess", {"feedback": "exact"}), ("rifle", {"burst": 1}), ("rifle", {"burst": 10})]
)


def test_registry_is_ordered_and_complete():
    assert KEYS == ["guess", "blackbox", "fit", "rifle"]
    assert [s.tab for s in SCENARIOS] == ["guess", "blackbox", "blackbox", "rifle"]


@pytest.mark.parametrize("key, kw", VARIANTS)
@given(data=st.data())
@settings(max_examples=40, deadline=None)
def test_analytic_gradient_matches_finite_difference(key, kw, data):
    model = create(key, **kw)
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    model.prepare(rng)
    n = len(model.param_names)
    params = np.array(data.draw(st.lists(st.floats(-20, 20), min_size=n, max_size=n)))
    step = data.draw(st.integers(0, 100))
    batch = model.sample(step, rng)
    fwd = model.forward(params, batch)
    loss = model.loss(params, batch, fwd)
    assert np.isfinite(loss)
    grad = model.gradient(params, batch, fwd)
    assert grad.shape == (n,)
    h = 1e-5
    for i in range(n):
        e = np.zeros(n)
        e[i] = h
        numeric = (model.loss_at(params + e, batch) - model.loss_at(params - e, batch)) / (2 * h)
        assert grad[i] == pytest.approx(numeric, rel=1e-4, abs=1e-4)


@pytest.mark.parametrize("key, kw", VARIANTS)
def test_runs_are_identical_under_the_same_seed(key, kw):
    runs = []
    for _ in range(2):
        t = Trainer(create(key, **kw), seed=1234, max_steps=60)
        t.run()
        runs.append((t.history.to_array(), t.stop))
    assert np.array_equal(runs[0][0], runs[1][0]) and runs[0][1] == runs[1][1]


@pytest.mark.parametrize("key", KEYS)
def test_history_columns(key):
    t = Trainer(create(key))
    names = t.model.param_names
    assert t.history.columns == (
        "step",
        "loss",
        *names,
        *t.model.obs_names,
        *(f"grad_{p}" for p in names),
    )


@pytest.mark.parametrize("key", KEYS)
def test_every_scenario_explains_itself(key):
    m = create(key)
    assert m.title and m.purpose and m.param_names


@pytest.mark.parametrize("key", ["blackbox", "fit", "rifle"])
def test_feedback_is_the_gradient_where_nothing_is_hidden(key):
    m = create(key)
    rng = np.random.default_rng(0)
    p = m.initial_params()
    b = m.sample(0, rng)
    f = m.forward(p, b)
    assert np.array_equal(m.feedback(p, b, f), m.gradient(p, b, f))
