"""The one training loop every scenario shares.

An iteration runs FORWARD, LOSS, BACKWARD and UPDATE; ``reset`` is INITIALIZATION. The trainer
can advance one phase at a time or one whole step, records one history row per iteration at
the end of BACKWARD (row k holds the parameters after k updates), applies the stop rules there,
and can undo a step exactly (parameters, history, optimizer state and random state).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from gdstudio.engine import state
from gdstudio.engine.history import History
from gdstudio.engine.model import Model
from gdstudio.engine.optimizers import copy_state
from gdstudio.engine.phases import Phase, StepRecord, StopReason

#: a run is diverging when its loss grows this many times past its starting loss
DIVERGENCE_FACTOR = 1e6
#: how many iterations back ``back`` can restore from memory before it replays from the start
UNDO_DEPTH = 500
#: how many recent iteration records the views may read (bullet holes, B's answers ...)
RECENT_DEPTH = 500

# saved states: gdstudio.engine.state (still importable from here, as before)
pack_floats, unpack_floats = state.pack_floats, state.unpack_floats


@dataclass
class _Snapshot:
    params: np.ndarray
    optimizer: dict[str, Any]
    rng: dict[str, Any]
    rows: int
    phase: Phase
    record: StepRecord | None
    start_loss: float | None
    stop: StopReason | None = None
    recent: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


class Trainer:
    def __init__(
        self,
        model: Model,
        lr: float | None = None,
        momentum: float = 0.0,
        seed: int = 0,
        tolerance: float | None = None,
        max_steps: int | None = None,
        stop_rules: bool = True,
    ):
        self.model = model
        lr = model.default_lr if lr is None else lr
        if not (math.isfinite(lr) and lr > 0):
            raise ValueError("the learning rate must be a positive number")
        if momentum and not model.supports_momentum:
            raise ValueError(f"momentum does not apply to {model.key}")
        self.optimizer = model.make_optimizer(lr, momentum)
        self.seed = int(seed)
        self.tolerance = model.tolerance if tolerance is None else float(tolerance)
        self.max_steps = model.default_max_steps if max_steps is None else int(max_steps)
        self.stop_rules = stop_rules
        self.history = History(
            ("step", "loss")
            + model.param_names
            + model.obs_names
            + tuple(f"grad_{p}" for p in model.param_names)
        )
        self.recent: deque[StepRecord] = deque(maxlen=RECENT_DEPTH)
        self.reset()

    # --- settings that may change during a run ----------------------------------------------
    @property
    def lr(self) -> float:
        return self.optimizer.lr

    @lr.setter
    def lr(self, value: float) -> None:
        """Takes effect at the next UPDATE phase; clears a plateau or step-limit stop."""
        value = float(value)
        if not (math.isfinite(value) and value > 0):
            raise ValueError("the learning rate must be a positive number")
        self.optimizer.lr = value
        if self.stop in (StopReason.PLATEAU, StopReason.STEP_LIMIT):
            self.stop = None

    def set_max_steps(self, n: int) -> None:
        self.max_steps = int(n)
        if self.stop is StopReason.STEP_LIMIT and self.step_count < self.max_steps:
            self.stop = None

    # --- state ----------------------------------------------------------------------------
    @property
    def step_count(self) -> int:
        """How many updates have been applied."""
        return self._updates

    @property
    def done(self) -> bool:
        return self.stop is not None

    @property
    def iteration(self) -> int:
        """Index of the iteration in progress (or about to start)."""
        return self._updates

    def reset(self) -> None:
        """INITIALIZATION: same seed, same starting values, empty history."""
        self.rng = np.random.default_rng(self.seed)
        self.model.prepare(self.rng)
        self.optimizer.reset()
        self.params = np.array(self.model.initial_params(), dtype=float)
        self.history.clear()
        self.recent.clear()
        self.phase = Phase.INIT
        self.record: StepRecord | None = None
        self.stop: StopReason | None = None
        self._updates = 0
        self._start_loss: float | None = None
        self._undo: deque[_Snapshot] = deque(maxlen=UNDO_DEPTH)
        self._forget_best()

    def _forget_best(self) -> None:
        self._best_before = math.inf
        self._best_upto = 0

    def _snapshot(self) -> _Snapshot:
        return _Snapshot(
            params=self.params.copy(),
            # both calls already return fresh objects: no deep copies on every step
            optimizer=self.optimizer.get_state(),
            rng=self.rng.bit_generator.state,
            rows=len(self.history),
            phase=self.phase,
            record=self.record,
            start_loss=self._start_loss,
            stop=self.stop,
            recent=len(self.recent),
        )

    def _restore(self, s: _Snapshot) -> None:
        self.params = s.params.copy()
        self.optimizer.set_state(copy_state(s.optimizer))
        self.rng.bit_generator.state = copy_state(s.rng)
        self.history.truncate(s.rows)
        # by row, not by count: a full deque dropped its oldest record when this row arrived
        while self.recent and self.recent[-1].step >= s.rows:
            self.recent.pop()
        self.phase = s.phase
        self.record = s.record
        self._start_loss = s.start_loss
        self.stop = s.stop
        self._updates = s.rows
        self._forget_best()

    # --- the loop -------------------------------------------------------------------------
    def advance_phase(self) -> Phase | None:
        """Run the next phase; returns it, or None when the run has stopped."""
        if self.stop is not None:
            return None
        nxt = self.phase.next()
        # overflow to inf or nan is how divergence shows; the stop rules report it in words
        with np.errstate(over="ignore", invalid="ignore"):
            if nxt is Phase.FORWARD:
                self._undo.append(self._snapshot())
                self._forward()
            elif nxt is Phase.LOSS:
                self._loss()
            elif nxt is Phase.BACKWARD:
                self._backward()
            else:
                self._update()
        self.phase = nxt
        return nxt

    def step(self) -> bool:
        """Finish the current iteration (or run a whole one). False when nothing ran."""
        if self.stop is not None:
            return False
        self.advance_phase()
        while self.stop is None and self.phase is not Phase.UPDATE:
            self.advance_phase()
        return True

    def run(self, max_iterations: int | None = None) -> StopReason | None:
        """Step until a stop rule fires (or ``max_iterations`` steps ran)."""
        n = 0
        while self.stop is None and (max_iterations is None or n < max_iterations):
            self.step()
            n += 1
        return self.stop

    def back(self) -> bool:
        """Undo the last step (or the unfinished part of the current one). False at the start."""
        if self.phase is Phase.INIT:
            return False
        if self.phase is Phase.UPDATE:
            target = self._updates - 1  # undo the last completed iteration
        else:
            target = self._updates  # abandon the iteration in progress
        while self._undo and self._undo[-1].rows > target:
            self._undo.pop()
        if self._undo and self._undo[-1].rows == target:
            self._restore(self._undo.pop())
            return True
        self._replay_to(target)
        return True

    def _replay_to(self, target: int) -> None:
        """Reset and step again to just before iteration ``target`` (same numbers, by the seed)."""
        lr = self.optimizer.lr
        self.reset()
        self.optimizer.lr = lr
        while self._updates < target and self.stop is None:
            self.step()

    # --- saved state (plain data; gdstudio.session_file puts it in a file) -----------------
    def export_state(self) -> dict[str, Any]:
        """The exact state as JSON-friendly data (see ``gdstudio.engine.state.export_state``).

        In the middle of an iteration this is the state at the start of that iteration, so the
        data holds completed steps only.
        """
        return state.export_state(self)

    def import_state(self, data: dict[str, Any]) -> None:
        """Restore what ``export_state`` gave; ValueError (and no change) if it does not fit.

        The trainer must have the same model settings and seed as the exported one. Afterwards
        ``step`` continues exactly as the exported trainer would have; ``back`` replays from the
        seed (see ``gdstudio.engine.state.import_state``).
        """
        state.import_state(self, data)

    # --- phases ---------------------------------------------------------------------------
    def _forward(self) -> None:
        m = self.model
        batch = m.sample(self._updates, self.rng)
        params = self.params.copy()
        self.record = StepRecord(step=self._updates, params=params, batch=batch)
        self.record.forward = m.forward(params, batch)

    def _loss(self) -> None:
        r = self.record
        m = self.model
        loss = float(m.loss(r.params, r.batch, r.forward))
        r.extra["batch_loss"] = loss
        r.loss = float(m.reported_loss(r.params, r.batch, r.forward, loss))

    def _backward(self) -> None:
        r = self.record
        m = self.model
        r.gradient = np.asarray(m.feedback(r.params, r.batch, r.forward), dtype=float)
        r.observations = tuple(float(v) for v in m.observations(r.params, r.batch, r.forward))
        values = (r.loss, *r.observations, *r.gradient)
        if not all(math.isfinite(v) for v in values):
            self.stop = StopReason.DIVERGED
            return
        self.history.append((float(r.step), r.loss, *r.params, *r.observations, *r.gradient))
        self.recent.append(r)
        if self._start_loss is None:
            self._start_loss = r.loss
        self.stop = self._check_stop(r)

    def _update(self) -> None:
        r = self.record
        with np.errstate(over="ignore", invalid="ignore"):  # overflow is divergence, reported
            new = np.asarray(
                self.model.project(self.optimizer.update(r.params, r.gradient)), dtype=float
            )
        if not np.all(np.isfinite(new)):
            self.stop = StopReason.DIVERGED
            return
        r.new_params = new
        self.params = new.copy()
        self._updates += 1

    # --- stop rules -----------------------------------------------------------------------
    def _check_stop(self, r: StepRecord) -> StopReason | None:
        loss = r.loss
        start = self._start_loss
        if loss > DIVERGENCE_FACTOR * max(start, self.tolerance, 1e-12) or (
            np.max(np.abs(r.params)) > 1e150
        ):
            return StopReason.DIVERGED
        if not self.stop_rules:
            return StopReason.STEP_LIMIT if self._updates >= self.max_steps else None
        if loss < self.tolerance:
            return StopReason.CONVERGED
        if self._plateaued():
            return StopReason.PLATEAU
        if self._updates >= self.max_steps:
            return StopReason.STEP_LIMIT
        return None

    def _plateaued(self) -> bool:
        """No new best loss worth the name over the last ``plateau_window`` iterations."""
        w = self.model.plateau_window
        n = len(self.history)
        if n <= w:
            return False
        losses = self.history.column("loss")
        if self._best_upto < n - w:  # running minimum of the rows before the window
            fresh = float(np.min(losses[self._best_upto : n - w]))
            self._best_before = min(self._best_before, fresh)
            self._best_upto = n - w
        best_before = self._best_before
        best_recent = float(np.min(losses[n - w :]))
        return best_recent >= best_before - self.model.plateau_rtol * max(best_before, 1e-300)

    # --- reading --------------------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        last = self.history.last()
        return {
            "scenario": self.model.key,
            "steps": self._updates,
            "stop": self.stop.value if self.stop else "running",
            "params": dict(zip(self.model.param_names, map(float, self.params))),
            "loss": None if last is None else last["loss"],
        }
