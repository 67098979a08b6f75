"""Robustness (issue 7): every scenario and update rule, learning rates from tiny to absurd.

Each run ends converged, on a plateau, diverged or at the step limit — never an exception,
never a non-finite number in the history or the parameters.
"""

import numpy as np
import pytest

from gdstudio.engine import StopReason, Trainer
from gdstudio.scenarios import create
from gdstudio.scenarios.black_box import FAMILIES

VARIANTS = [
    ("guess", {"feedback": "vague"}),
    ("guess", {"feedback": "exact"}),
    ("blackbox", {}),
    ("blackbox", {"x0": -9.0}),
    *[("fit", {"family": f, "batch": b}) for f in FAMILIES for b in ("full", "1")],
    ("rifle", {}),
    ("rifle", {"burst": 1, "spread": 10.0, "wind": 20.0}),
]
RATES = [1e-9, 1e-4, 0.05, 0.5, 2.0, 10.0, 1e3, 1e9, 1e300]
RULES = [0.0, 0.5, 0.99]


@pytest.mark.parametrize("key, kw", VARIANTS, ids=[f"{k}-{v}" for k, v in VARIANTS])
def test_every_rate_and_rule_ends_cleanly(key, kw):
    for momentum in RULES:
        if key == "guess" and momentum:
            continue
        for lr in RATES:
            t = Trainer(create(key, **kw), lr=lr, momentum=momentum, max_steps=300, seed=3)
            stop = t.run()
            assert stop in set(StopReason)
            data = t.history.to_array()
            assert np.all(np.isfinite(data)), (key, kw, lr, momentum)
            assert np.all(np.isfinite(t.params))
            if len(t.history):
                assert len(t.history) <= 301


@pytest.mark.parametrize("key", ["blackbox", "fit", "rifle"])
def test_absurd_rates_diverge_and_say_so(key):
    for lr in (1e3, 1e9, 1e300):
        t = Trainer(create(key), lr=lr, max_steps=300)
        assert t.run() is StopReason.DIVERGED, lr


def test_absurd_starting_points_are_refused_or_diverge_cleanly():
    for x0 in (1e150, -1e200, 1e308):
        t = Trainer(create("blackbox", x0=x0), lr=0.05)
        assert t.run() is StopReason.DIVERGED
        assert np.all(np.isfinite(t.history.to_array()))
    with pytest.raises(ValueError):
        create("blackbox", x0=float("inf"))
