"""The one training loop every scenario shares.

An iteration runs FORWARD, LOSS, BACKWARD and UPDATE; ``reset`` is INITIALIZATION. The trainer
can advance one phase at a time or one whole step, records one history row per iteration at
the end of BACKWARD (row k holds the parameters after k updates), applies the stop rules there,
and can undo a step exactly (parameters, history, optimizer state and random state).
"""

from __future__ import annotations

import base64
import math
import zlib
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from gdstudio.engine.history import History
from gdstudio.engine.model import Model
from gdstudio.engine.optimizers import copy_state
from gdstudio.engine.phases import Phase, StepRecord, StopReason

#: a run is diverging when its loss grows this many times past its starting loss
DIVERGENCE_FACTOR = 1e6
#: how many iterations back ``back`` can restore from memory before it replays from the start
UNDO_DEPTH = 2000
#: how many recent iteration records the views may read (bullet holes, B's answers ...)
RECENT_DEPTH = 500


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
        """The exact state as JSON-friendly data (numbers, strings, lists and dicts).

        In the middle of an iteration (FORWARD, LOSS, or BACKWARD of a run that goes on) this is
        the state at the start of that iteration, so the data holds completed steps only. A run
        that stopped at BACKWARD keeps its last row and stop reason, and so does an iteration
        whose stop was lifted (a new learning rate after a plateau): repeating it would stop
        again; and so does a BACKWARD restored by ``import_state`` (no snapshot of its start).
        History columns are packed by ``pack_floats``; ``recent`` and ``record`` hold the step
        and batch of each record, from which ``import_state`` recomputes the rest.
        """
        keep = self.phase is Phase.BACKWARD and (
            self.stop is not None
            or not (self._undo and self._undo[-1].rows == self._updates)
            or self._check_stop(self.record) is not None
        )
        if self.phase in (Phase.FORWARD, Phase.LOSS, Phase.BACKWARD) and not keep:
            s = self._undo[-1]  # taken when this iteration began
            params, opt, rng, rows, updates = s.params, s.optimizer, s.rng, s.rows, s.rows
            phase, record, start, stop = s.phase, s.record, s.start_loss, s.stop
        else:
            params, opt, rng = self.params, self.optimizer.get_state(), self.rng.bit_generator.state
            rows, updates = len(self.history), self._updates
            phase, record, start, stop = self.phase, self.record, self._start_loss, self.stop
        columns = self.history.columns
        return {
            "seed": self.seed,
            "phase": phase.name.lower(),
            "updates": updates,
            "stop": None if stop is None else stop.value,
            "start_loss": start,
            "lr": self.optimizer.lr,
            "params": [float(v) for v in params],
            "optimizer": {k: _plain(v) for k, v in opt.items()},
            "rng": copy_state(rng),
            "history": {
                "columns": list(columns),
                "rows": rows,
                "data": {c: pack_floats(self.history.column(c)[:rows]) for c in columns},
            },
            "recent": [_plain_record(r) for r in self.recent if r.step < rows],
            "record": None if record is None else _plain_record(record),
        }

    def import_state(self, state: dict[str, Any]) -> None:
        """Restore what ``export_state`` gave; ValueError (and no change) if it does not fit.

        The trainer must have the same model settings and seed as the exported one. Afterwards
        ``step`` continues exactly as the exported trainer would have. The undo memory starts
        empty, so ``back`` replays from the seed with the current learning rate: if the rate was
        changed during the run, the replayed steps use the current one.
        """
        _expect(
            isinstance(state, dict) and set(state) == _STATE_KEYS, "the state has wrong entries"
        )
        if _int(state["seed"], "the seed") != self.seed:
            raise ValueError("the state was saved with another seed")
        phase = {p.name.lower(): p for p in (Phase.INIT, Phase.UPDATE, Phase.BACKWARD)}.get(
            state["phase"] if isinstance(state["phase"], str) else None
        )
        _expect(phase is not None, "the phase must be init, update or backward")
        updates = _int(state["updates"], "the step count", 0, 2**53)
        reasons = {r.value: r for r in StopReason}
        _expect(
            state["stop"] is None or (isinstance(state["stop"], str) and state["stop"] in reasons),
            "unknown stop reason",
        )
        stop = None if state["stop"] is None else reasons[state["stop"]]
        lr = _float(state["lr"], "the learning rate")
        _expect(lr > 0, "the learning rate must be a positive number")
        n_params = len(self.model.param_names)
        params = _floats(state["params"], "the parameters", n_params)
        optimizer = self._checked_optimizer_state(state["optimizer"], n_params)
        rng = _checked_rng_state(state["rng"])
        columns = self._checked_history(state["history"])
        rows = len(columns[0])
        start = state["start_loss"]
        start = None if start is None and rows == 0 else _float(start, "the starting loss")
        _expect((start is None) == (rows == 0), "the starting loss does not fit the history")
        recent_data = state["recent"]
        _expect(
            isinstance(recent_data, list) and len(recent_data) <= RECENT_DEPTH,
            f"the recent steps must be a list of at most {RECENT_DEPTH}",
        )
        rec = state["record"]
        # where the phase leaves the current record, the history and the step count
        if phase is Phase.INIT:
            ok = rows == updates == 0 and rec is None and stop is None
        elif phase is Phase.UPDATE:
            ok = rows == updates or (rows == updates + 1 and stop is StopReason.DIVERGED)
        else:
            ok = rows == updates + 1 or (rows == updates and stop is StopReason.DIVERGED)
        _expect(ok, "the history length does not fit the step count")
        at = {"init": None, "update": rows - 1, "backward": updates}[phase.name.lower()]
        _expect(
            rec is None if at is None else isinstance(rec, dict) and rec.get("step") == at,
            "the current step does not fit the phase",
        )
        records: list[StepRecord] = []
        for item in recent_data:
            r = self._rebuilt_record(item, columns, params, updates)
            _expect(not records or r.step > records[-1].step, "the recent steps are out of order")
            _expect(r.step < rows, "a recent step lies beyond the history")
            records.append(r)
        record = None
        if rec is not None:
            record = self._rebuilt_record(rec, columns, params, updates)
            if records and records[-1].step == record.step:
                record = records[-1]  # the views expect the very same object
        # everything checked: now change the trainer
        self.reset()
        self.optimizer.set_state(optimizer)
        self.optimizer.lr = lr
        self.rng.bit_generator.state = rng
        self.params = params
        self._fill_history(columns)
        self.recent.extend(records)
        self.phase, self.record, self.stop = phase, record, stop
        self._updates, self._start_loss = updates, start

    def _checked_optimizer_state(self, value: Any, n_params: int) -> dict[str, Any]:
        current = self.optimizer.get_state()
        _expect(
            isinstance(value, dict) and set(value) == set(current),
            f"the optimizer state does not fit {self.optimizer.name}",
        )
        out: dict[str, Any] = {}
        for key, now in current.items():
            what = f"the optimizer's {key}"
            if isinstance(now, int) and not isinstance(now, bool):
                out[key] = _int(value[key], what, -(2**53), 2**53)
            elif isinstance(now, float):
                out[key] = _float(value[key], what)
            else:  # an array per parameter (None until first used)
                out[key] = None if value[key] is None else _floats(value[key], what, n_params)
        return out

    def _checked_history(self, value: Any) -> list[np.ndarray]:
        names = self.history.columns
        _expect(
            isinstance(value, dict) and set(value) == {"columns", "rows", "data"},
            "the history has wrong entries",
        )
        _expect(
            value["columns"] == list(names),
            f"the history columns do not match this scenario's ({', '.join(names)})",
        )
        rows = _int(value["rows"], "the number of history rows", 0, 2**40)
        data = value["data"]
        _expect(isinstance(data, dict) and set(data) == set(names), "history columns are missing")
        columns = [unpack_floats(data[c], rows, f"history column {c!r}") for c in names]
        for name, column in zip(names, columns):
            _expect(bool(np.all(np.isfinite(column))), f"history column {name!r} is not finite")
        _expect(np.array_equal(columns[0], np.arange(rows)), "the history's step numbers are wrong")
        return columns

    def _rebuilt_record(self, item: Any, columns: list[np.ndarray], params, updates) -> StepRecord:
        """A record recomputed from its step's parameters and batch (checked against its row)."""
        m = self.model
        _expect(isinstance(item, dict) and set(item) == {"step", "batch"}, "bad recent step")
        rows = len(columns[0])
        k = _int(item["step"], "a recent step number", 0, rows)
        _expect(k < rows or k == updates, "a recent step lies beyond the history")
        p = len(m.param_names)
        names = self.history.columns
        if k < rows:
            own = np.array([c[k] for c in columns[2 : 2 + p]])
        else:
            own = params.copy()
        if k + 1 < rows:
            new = np.array([c[k + 1] for c in columns[2 : 2 + p]])
        else:
            new = params.copy() if k < updates else None
        batch = _batch_from_plain(item["batch"], m.sample(k, np.random.default_rng(0)))
        r = StepRecord(step=k, params=own, batch=batch, new_params=new)
        try:
            with np.errstate(all="ignore"):
                r.forward = m.forward(own, batch)
                loss = float(m.loss(own, batch, r.forward))
                r.extra["batch_loss"] = loss
                r.loss = float(m.reported_loss(own, batch, r.forward, loss))
                r.gradient = np.asarray(m.feedback(own, batch, r.forward), dtype=float)
                r.observations = tuple(float(v) for v in m.observations(own, batch, r.forward))
        except (ValueError, TypeError, IndexError, ArithmeticError) as e:
            raise ValueError(f"step {k} cannot be recomputed: {e}") from None
        if k < rows:  # the same numbers as its row (up to rounding on another machine)
            mine = np.array((r.loss, *r.observations, *r.gradient), dtype=float)
            row = np.array(
                [columns[i][k] for i in range(len(names)) if i != 0 and not 2 <= i < 2 + p]
            )
            _expect(
                mine.shape == row.shape and np.allclose(mine, row, rtol=1e-9, atol=1e-12),
                f"step {k} does not match the scenario's settings",
            )
        return r

    def _fill_history(self, columns: list[np.ndarray]) -> None:
        # History has no bulk load: fill its columns (sized as if appended) in one go
        n = len(columns[0])
        capacity = max(self.history.capacity, 1 << max(n - 1, 0).bit_length())
        data = []
        for column in columns:
            buf = np.empty(capacity)
            buf[:n] = column
            data.append(buf)
        self.history._data, self.history._n = data, n

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


# --- plain data for saved states -----------------------------------------------------------
_STATE_KEYS = frozenset(
    "seed phase updates stop start_loss lr params optimizer rng history recent record".split()
)


def pack_floats(values) -> str:
    """float64 values, exactly: little-endian bytes, zlib-compressed, as base64 text."""
    raw = np.ascontiguousarray(values, dtype="<f8").tobytes()
    return base64.b64encode(zlib.compress(raw, 6)).decode("ascii")


def unpack_floats(text: Any, n: int, what: str = "the values") -> np.ndarray:
    """The ``n`` floats ``pack_floats`` packed; ValueError if the text is anything else."""
    _expect(isinstance(text, str), f"{what} must be text")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except ValueError:
        raise ValueError(f"{what} is not base64 text") from None
    d = zlib.decompressobj()
    try:
        out = d.decompress(raw, 8 * n + 1)  # never more than it should hold
    except zlib.error:
        raise ValueError(f"{what} is damaged (not zlib data)") from None
    if len(out) != 8 * n or not d.eof or d.unconsumed_tail or d.unused_data:
        raise ValueError(f"{what} does not hold {n} numbers")
    return np.frombuffer(out, dtype="<f8").astype(float)


def _expect(ok: bool, message: str) -> None:
    if not ok:
        raise ValueError(message)


def _int(value: Any, what: str, low: int = 0, high: int = 2**63 - 1) -> int:
    ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    _expect(ok, f"{what} must be a whole number from {low} to {high}")
    return value


def _float(value: Any, what: str) -> float:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    try:
        ok = ok and math.isfinite(value)
    except OverflowError:
        ok = False
    _expect(ok, f"{what} must be a finite number")
    return float(value)


def _floats(value: Any, what: str, n: int) -> np.ndarray:
    _expect(isinstance(value, list) and len(value) == n, f"{what} must be a list of {n} numbers")
    return np.array([_float(v, what) for v in value], dtype=float)


def _plain(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


def _plain_record(r: StepRecord) -> dict[str, Any]:
    batch = r.batch
    if batch is not None:
        a = np.asarray(batch)
        if a.dtype.kind not in "iuf":
            raise ValueError(f"cannot save a batch of {a.dtype}")
        kind = "float" if a.dtype.kind == "f" else "int"
        batch = {"dtype": kind, "shape": list(a.shape), "data": a.ravel().tolist()}
    return {"step": r.step, "batch": batch}


def _batch_from_plain(value: Any, like: Any) -> Any:
    """A batch back from plain data; ``like`` is one the model samples (for type and shape)."""
    if like is None:
        _expect(value is None, "this scenario has no batches")
        return None
    like = np.asarray(like)
    kind = "float" if like.dtype.kind == "f" else "int"
    _expect(
        isinstance(value, dict)
        and set(value) == {"dtype", "shape", "data"}
        and value["dtype"] == kind
        and value["shape"] == list(like.shape)
        and isinstance(value["data"], list)
        and len(value["data"]) == like.size,
        f"a batch must hold {kind} numbers of shape {list(like.shape)}",
    )
    if kind == "int":
        data = [_int(v, "a batch index", -(2**62), 2**62) for v in value["data"]]
    else:
        data = [_float(v, "a batch value") for v in value["data"]]
    return np.array(data, dtype=like.dtype).reshape(like.shape)


def _checked_rng_state(value: Any) -> dict[str, Any]:
    ok = (
        isinstance(value, dict)
        and set(value) == {"bit_generator", "state", "has_uint32", "uinteger"}
        and value["bit_generator"] == "PCG64"
        and isinstance(value["state"], dict)
        and set(value["state"]) == {"state", "inc"}
    )
    _expect(ok, "the random state is not that of numpy's PCG64 generator")
    _int(value["state"]["state"], "the random state", 0, 2**128 - 1)
    _int(value["state"]["inc"], "the random increment", 0, 2**128 - 1)
    _int(value["has_uint32"], "the random state's has_uint32", 0, 1)
    _int(value["uinteger"], "the random state's uinteger", 0, 2**32 - 1)
    try:
        np.random.Generator(np.random.PCG64()).bit_generator.state = value
    except (ValueError, TypeError, OverflowError) as e:
        raise ValueError(f"the random state is not valid: {e}") from None
    return copy_state(value)
