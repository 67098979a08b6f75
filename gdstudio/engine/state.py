"""A trainer's exact state as plain data, and back (``Trainer.export_state`` / ``import_state``).

``export_state`` gives numbers, strings, lists and dicts only (gdstudio.session_file writes them as
JSON); ``import_state`` checks every entry before it changes the trainer, so a damaged or foreign
state raises ValueError and leaves the trainer as it was. History columns travel packed by
``pack_floats`` (exact float64); recent records travel as their step and batch, and are recomputed
from the model on the way back (and checked against their history row).
"""

from __future__ import annotations

import base64
import math
import zlib
from typing import TYPE_CHECKING, Any

import numpy as np

from gdstudio.engine.optimizers import copy_state
from gdstudio.engine.phases import Phase, StepRecord, StopReason

if TYPE_CHECKING:
    from gdstudio.engine.trainer import Trainer

_STATE_KEYS = frozenset(
    "seed phase updates stop start_loss lr params optimizer rng history recent record".split()
)


def export_state(trainer: Trainer) -> dict[str, Any]:
    """The exact state as JSON-friendly data (numbers, strings, lists and dicts).

    In the middle of an iteration (FORWARD, LOSS, or BACKWARD of a run that goes on) this is
    the state at the start of that iteration, so the data holds completed steps only. A run
    that stopped at BACKWARD keeps its last row and stop reason, and so does an iteration
    whose stop was lifted (a new learning rate after a plateau): repeating it would stop
    again; and so does a BACKWARD restored by ``import_state`` (no snapshot of its start).
    History columns are packed by ``pack_floats``; ``recent`` and ``record`` hold the step
    and batch of each record, from which ``import_state`` recomputes the rest.
    """
    keep = trainer.phase is Phase.BACKWARD and (
        trainer.stop is not None
        or not (trainer._undo and trainer._undo[-1].rows == trainer._updates)
        or trainer._check_stop(trainer.record) is not None
    )
    if trainer.phase in (Phase.FORWARD, Phase.LOSS, Phase.BACKWARD) and not keep:
        s = trainer._undo[-1]  # taken when this iteration began
        params, opt, rng, rows, updates = s.params, s.optimizer, s.rng, s.rows, s.rows
        phase, record, start, stop = s.phase, s.record, s.start_loss, s.stop
    else:
        t = trainer
        params, opt, rng = t.params, t.optimizer.get_state(), t.rng.bit_generator.state
        rows, updates = len(t.history), t._updates
        phase, record, start, stop = t.phase, t.record, t._start_loss, t.stop
    columns = trainer.history.columns
    return {
        "seed": trainer.seed,
        "phase": phase.name.lower(),
        "updates": updates,
        "stop": None if stop is None else stop.value,
        "start_loss": start,
        "lr": trainer.optimizer.lr,
        "params": [float(v) for v in params],
        "optimizer": {k: _plain(v) for k, v in opt.items()},
        "rng": copy_state(rng),
        "history": {
            "columns": list(columns),
            "rows": rows,
            "data": {c: pack_floats(trainer.history.column(c)[:rows]) for c in columns},
        },
        "recent": [_plain_record(r) for r in trainer.recent if r.step < rows],
        "record": None if record is None else _plain_record(record),
    }


def import_state(trainer: Trainer, state: dict[str, Any]) -> None:
    """Restore what ``export_state`` gave; ValueError (and no change) if it does not fit.

    The trainer must have the same model settings and seed as the exported one. Afterwards
    ``step`` continues exactly as the exported trainer would have. The undo memory starts
    empty, so ``back`` replays from the seed with the current learning rate: if the rate was
    changed during the run, the replayed steps use the current one.
    """
    _expect(isinstance(state, dict) and set(state) == _STATE_KEYS, "the state has wrong entries")
    if _int(state["seed"], "the seed") != trainer.seed:
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
    n_params = len(trainer.model.param_names)
    params = _floats(state["params"], "the parameters", n_params)
    optimizer = _checked_optimizer_state(trainer, state["optimizer"], n_params)
    rng = _checked_rng_state(state["rng"])
    columns = _checked_history(trainer, state["history"])
    rows = len(columns[0])
    start = state["start_loss"]
    start = None if start is None and rows == 0 else _float(start, "the starting loss")
    _expect((start is None) == (rows == 0), "the starting loss does not fit the history")
    recent_data = state["recent"]
    depth = trainer.recent.maxlen  # the trainer keeps no more (trainer.RECENT_DEPTH)
    _expect(
        isinstance(recent_data, list) and len(recent_data) <= depth,
        f"the recent steps must be a list of at most {depth}",
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
        r = _rebuilt_record(trainer, item, columns, params, updates)
        _expect(not records or r.step > records[-1].step, "the recent steps are out of order")
        _expect(r.step < rows, "a recent step lies beyond the history")
        records.append(r)
    record = None
    if rec is not None:
        record = _rebuilt_record(trainer, rec, columns, params, updates)
        if records and records[-1].step == record.step:
            record = records[-1]  # the views expect the very same object
    # everything checked: now change the trainer
    trainer.reset()
    trainer.optimizer.set_state(optimizer)
    trainer.optimizer.lr = lr
    trainer.rng.bit_generator.state = rng
    trainer.params = params
    _fill_history(trainer, columns)
    trainer.recent.extend(records)
    trainer.phase, trainer.record, trainer.stop = phase, record, stop
    trainer._updates, trainer._start_loss = updates, start


def _checked_optimizer_state(trainer: Trainer, value: Any, n_params: int) -> dict[str, Any]:
    current = trainer.optimizer.get_state()
    _expect(
        isinstance(value, dict) and set(value) == set(current),
        f"the optimizer state does not fit {trainer.optimizer.name}",
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


def _checked_history(trainer: Trainer, value: Any) -> list[np.ndarray]:
    names = trainer.history.columns
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


def _rebuilt_record(
    trainer: Trainer, item: Any, columns: list[np.ndarray], params, updates
) -> StepRecord:
    """A record recomputed from its step's parameters and batch (checked against its row)."""
    m = trainer.model
    _expect(isinstance(item, dict) and set(item) == {"step", "batch"}, "bad recent step")
    rows = len(columns[0])
    k = _int(item["step"], "a recent step number", 0, rows)
    _expect(k < rows or k == updates, "a recent step lies beyond the history")
    p = len(m.param_names)
    names = trainer.history.columns
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
        row = np.array([columns[i][k] for i in range(len(names)) if i != 0 and not 2 <= i < 2 + p])
        _expect(
            mine.shape == row.shape and np.allclose(mine, row, rtol=1e-9, atol=1e-12),
            f"step {k} does not match the scenario's settings",
        )
    return r


def _fill_history(trainer: Trainer, columns: list[np.ndarray]) -> None:
    # History has no bulk load: fill its columns (sized as if appended) in one go
    n = len(columns[0])
    capacity = max(trainer.history.capacity, 1 << max(n - 1, 0).bit_length())
    data = []
    for column in columns:
        buf = np.empty(capacity)
        buf[:n] = column
        data.append(buf)
    trainer.history._data, trainer.history._n = data, n


# --- plain data helpers ---------------------------------------------------------------------
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
