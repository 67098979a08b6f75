"""Saved sessions: one versioned JSON file that restores exactly what was saved (pure: no Qt).

A session file (``VERSION`` 1) is UTF-8 JSON::

    {"format": "gdstudio-session", "version": 1, "app_version": "0.1.0",
     "current": "<tab name>" or null,
     "tabs": {"<tab name>": {
         "scenario": "fit",         # a key of gdstudio.scenarios.BY_KEY
         "settings": {...},         # model.settings()
         "trainer": {"lr": .., "momentum": .., "seed": .., "tolerance": .., "max_steps": ..,
                     "stop_rules": true},
         "state": {...},            # Trainer.export_state(); history columns packed exactly
         "ui": {...}}}}             # free-form JSON the window fills (view ranges, text ...)

In memory a session is the same dict, where a tab may also carry ``"trainer_obj"``: a live
:class:`~gdstudio.engine.Trainer`.

- ``make_session(trainers, current=None, ui=None)``: a session of live trainers
  (tabs ``{"scenario", "trainer_obj", "ui"}``).
- ``save_session(path, session)``: writes atomically. A tab with ``"trainer_obj"`` is exported
  at that moment (its other entries are ignored); a tab without one must hold valid plain
  entries. Raises :class:`SessionError` and leaves any old file untouched.
- ``load_session(path)``: validates everything and builds every trainer before it returns, so a
  caller is never half-loaded; returns the file's dict with each tab carrying its built trainer
  under ``"trainer_obj"`` (and ``"ui"``, ``{}`` if the file had none). Raises
  :class:`SessionError` with a sentence for people for anything wrong with the file.
- ``trainer_to_dict(trainer)`` / ``trainer_from_dict(d)``: one tab's plain entries and back.
- ``find_tab(session, scenario)``: the first ``(name, tab)`` of that scenario, or None.

Parsing is data only (``json``; no pickle, no eval): NaN, Infinity and numbers beyond float range
are refused, files over ``MAX_FILE_BYTES`` are refused without being read.
"""

from __future__ import annotations

import codecs
import errno
import json
import math
import os
import stat
import tempfile
from collections.abc import Mapping
from typing import Any

from gdstudio import __version__
from gdstudio.engine import Trainer
from gdstudio.engine.optimizers import Momentum
from gdstudio.scenarios import BY_KEY, create

FORMAT = "gdstudio-session"
VERSION = 1
#: no session file is larger (a bigger one is refused unread, and saving refuses to make one)
MAX_FILE_BYTES = 64 * 1024 * 1024
#: the unpacked histories of one file together stay below this (packed columns shrink a lot)
MAX_HISTORY_BYTES = 1024 * 1024 * 1024

_TAB_KEYS = ("scenario", "settings", "trainer", "state")
_TRAINER_KEYS = ("lr", "momentum", "seed", "tolerance", "max_steps")
#: settings() names that differ from the model constructor's argument
_SETTING_ARGS = {"fit": {"model": "family"}}


class SessionError(Exception):
    """A session could not be saved or opened; ``str()`` is a sentence for people."""


# --- one tab --------------------------------------------------------------------------------
def trainer_to_dict(trainer: Trainer) -> dict[str, Any]:
    """A trainer as the plain entries of a tab: scenario, settings, trainer settings, state."""
    opt = trainer.optimizer
    return {
        "scenario": trainer.model.key,
        "settings": trainer.model.settings(),
        "trainer": {
            "lr": opt.lr,
            "momentum": opt.beta if isinstance(opt, Momentum) else 0.0,
            "seed": trainer.seed,
            "tolerance": trainer.tolerance,
            "max_steps": trainer.max_steps,
            "stop_rules": trainer.stop_rules,
        },
        "state": trainer.export_state(),
    }


def trainer_from_dict(d: Any) -> Trainer:
    """The trainer a tab's plain entries describe, in its saved state (SessionError if bad)."""
    _need(isinstance(d, dict), "it is not a table of values")
    missing = [k for k in _TAB_KEYS if k not in d]
    _need(not missing, f"it lacks {', '.join(missing)}")
    key = d["scenario"]
    _need(
        isinstance(key, str) and key in BY_KEY,
        f"the scenario {_short(key)} is unknown (this gdstudio knows {', '.join(BY_KEY)})",
    )
    settings = _checked_settings(key, d["settings"])
    try:
        model = create(key, **settings)
    except (ValueError, TypeError, OverflowError) as e:
        raise SessionError(f"the {key} settings are not valid: {e}") from None
    t = d["trainer"]
    _need(
        isinstance(t, dict)
        and all(k in t for k in _TRAINER_KEYS)
        and set(t) <= {*_TRAINER_KEYS, "stop_rules"},
        f"the trainer settings need {', '.join(_TRAINER_KEYS)} (stop_rules may be added)",
    )
    lr = _number(t["lr"], "the learning rate")
    momentum = _number(t["momentum"], "the momentum")
    tolerance = _number(t["tolerance"], "the tolerance")
    _need(lr > 0, "the learning rate must be above 0")
    _need(0 <= momentum < 1, "the momentum must be at least 0 and below 1")
    _need(tolerance >= 0, "the tolerance must not be negative")
    seed = _whole(t["seed"], "the seed", 0, 2**64 - 1)
    max_steps = _whole(t["max_steps"], "the step limit", 0, 10**12)
    stop_rules = t.get("stop_rules", True)
    _need(isinstance(stop_rules, bool), "stop_rules must be true or false")
    try:
        trainer = Trainer(model, lr, momentum, seed, tolerance, max_steps, stop_rules)
    except ValueError as e:
        raise SessionError(f"the trainer settings are not valid: {e}") from None
    state = d["state"]
    _need(_history_bytes(state) <= MAX_HISTORY_BYTES, "its history is too long to load")
    try:
        trainer.import_state(state)
    except ValueError as e:
        raise SessionError(f"the saved run does not fit: {e}") from None
    return trainer


def _checked_settings(key: str, given: Any) -> dict[str, Any]:
    """Settings with the names and kinds of values the scenario's own settings() has."""
    reference = create(key).settings()
    _need(isinstance(given, dict), "the settings are not a table of values")
    _need(
        set(given) == set(reference),
        f"the {key} settings need exactly: {', '.join(reference)}",
    )
    for name, ref in reference.items():
        _need(_same_kind(given[name], ref), f"the setting {name} has the wrong kind of value")
    names = _SETTING_ARGS.get(key, {})
    return {names.get(k, k): v for k, v in given.items()}


def _same_kind(value: Any, ref: Any) -> bool:
    if isinstance(value, bool) or isinstance(ref, bool):
        return type(value) is type(ref)
    if isinstance(value, int) and abs(value) > 2**53:
        return False
    if ref is None:  # optional: nothing, or a plain value the constructor checks
        return value is None or isinstance(value, (int, float, str))
    if isinstance(ref, int):
        return isinstance(value, int)
    if isinstance(ref, float):
        return isinstance(value, (int, float))
    if isinstance(ref, str):
        return isinstance(value, str)
    if isinstance(ref, list):
        if not isinstance(value, list):
            return False
        if ref and all(isinstance(r, list) for r in ref):  # a table: any number of rows
            return all(_same_kind(v, ref[0]) for v in value)
        return len(value) == len(ref) and all(_same_kind(v, r) for v, r in zip(value, ref))
    return False


def _history_bytes(state: Any) -> int:
    try:
        h = state["history"]
        rows, columns = h["rows"], h["columns"]
        return int(rows) * len(columns) * 8 if isinstance(rows, int) else 0
    except (TypeError, KeyError):
        return 0  # import_state reports the malformed state


# --- a whole session ------------------------------------------------------------------------
def make_session(
    trainers: Mapping[str, Trainer],
    current: str | None = None,
    ui: Mapping[str, dict] | None = None,
) -> dict[str, Any]:
    """A session of live trainers by tab name (``ui`` gives each tab's window state)."""
    ui = ui or {}
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "current": current,
        "tabs": {
            name: {"scenario": t.model.key, "trainer_obj": t, "ui": dict(ui.get(name, {}))}
            for name, t in trainers.items()
        },
    }


def find_tab(session: dict[str, Any], scenario: str) -> tuple[str, dict[str, Any]] | None:
    """The first tab (in file order) whose scenario is ``scenario``."""
    for name, tab in session.get("tabs", {}).items():
        if tab.get("scenario") == scenario:
            return name, tab
    return None


def dumps_session(session: dict[str, Any]) -> bytes:
    """The file's bytes for a session (SessionError if it cannot be saved)."""
    _need(isinstance(session, dict), "cannot save: the session is not a table of values")
    tabs = session.get("tabs")
    _need(isinstance(tabs, dict), "cannot save: the session has no tabs table")
    out: dict[str, Any] = {}
    history = 0
    for name, tab in tabs.items():
        where = f"cannot save tab {_short(name)}"
        _need(isinstance(name, str) and isinstance(tab, dict), where)
        ui = tab.get("ui", {})
        _need(isinstance(ui, dict), f"{where}: its window state is not a table")
        live = tab.get("trainer_obj")
        if live is not None:
            plain = trainer_to_dict(live)
        else:
            plain = {k: tab[k] for k in _TAB_KEYS if k in tab}
            try:
                trainer_from_dict(plain)
            except SessionError as e:
                raise SessionError(f"{where}: {e}") from None
        history += _history_bytes(plain["state"])
        out[name] = {**plain, "ui": ui}
    current = session.get("current")
    _need(
        current is None or (isinstance(current, str) and current in out),
        "cannot save: the current tab is not one of the tabs",
    )
    _need(
        history <= MAX_HISTORY_BYTES,
        "cannot save: the histories are too long for a session file; reset a long run first",
    )
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "current": current,
        "tabs": out,
    }
    try:
        data = json.dumps(doc, allow_nan=False, ensure_ascii=False, indent=1).encode("utf-8")
    except (TypeError, ValueError, RecursionError) as e:
        raise SessionError(f"cannot save: the session holds something JSON cannot: {e}") from None
    if len(data) > MAX_FILE_BYTES:
        raise SessionError(
            f"cannot save: the session would take {len(data) / 2**20:.0f} MB, more than the "
            f"{MAX_FILE_BYTES // 2**20} MB a session file may hold; reset a long run first"
        )
    return data


def save_session(path: str | os.PathLike, session: dict[str, Any]) -> None:
    """Write the session atomically: the old file stays as it was unless the new one is whole."""
    label = os.fspath(path)
    data = dumps_session(session)
    target = os.path.realpath(label)
    folder = os.path.dirname(target)
    if os.path.isdir(target):
        raise SessionError(f"cannot save {label}: it is a folder")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder
        )
        with os.fdopen(fd, "wb") as f:
            _write_all(f, data)
            f.flush()
            os.fsync(f.fileno())
        _copy_mode(target, tmp)
        os.replace(tmp, target)
        tmp = None
        _sync_folder(folder)
    except OSError as e:
        raise SessionError(_save_problem(label, folder, e)) from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _write_all(f, data: bytes) -> None:
    f.write(data)


def _copy_mode(target: str, tmp: str) -> None:
    """Keep the old file's permissions; a new file gets the usual ones (mkstemp makes 0600)."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        os.chmod(tmp, mode)
    except OSError:
        pass


def _sync_folder(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every system (Windows); the file itself was synced
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _save_problem(label: str, folder: str, e: OSError) -> str:
    if isinstance(e, PermissionError):
        return f"cannot save {label}: the folder {folder} is not writable"
    if isinstance(e, FileNotFoundError):
        return f"cannot save {label}: the folder {folder} does not exist"
    if e.errno == errno.ENOSPC:
        return f"cannot save {label}: the disk is full"
    return f"cannot save {label}: {e.strerror or e}"


def load_session(path: str | os.PathLike) -> dict[str, Any]:
    """The session in the file, every tab's trainer built (SessionError says what is wrong)."""
    label = os.fspath(path)
    try:
        info = os.stat(label)
        if stat.S_ISDIR(info.st_mode):
            raise SessionError(f"{label} is a folder, not a session file")
        if not stat.S_ISREG(info.st_mode):
            raise SessionError(f"{label} is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise SessionError(_too_big(label, info.st_size))
        with open(label, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise SessionError(f"{label} was not found") from None
    except PermissionError:
        raise SessionError(f"{label} is not readable (permission denied)") from None
    except OSError as e:
        raise SessionError(f"{label} cannot be read: {e.strerror or e}") from None
    if len(data) > MAX_FILE_BYTES:
        raise SessionError(_too_big(label, len(data)))
    return loads_session(data, label)


def loads_session(data: bytes, label: str = "the session") -> dict[str, Any]:
    """Like ``load_session``, from the file's bytes (``label`` names it in messages)."""
    try:
        return _build(_parse(data, label), label)
    except SessionError:
        raise
    except Exception as e:  # a last guard: whatever the file holds, never a traceback
        raise SessionError(f"{label} could not be opened: {type(e).__name__}: {e}") from None


def _too_big(label: str, size: int) -> str:
    return (
        f"{label} is {size / 2**20:.0f} MB, larger than any session file "
        f"({MAX_FILE_BYTES // 2**20} MB at most)"
    )


class _NotFinite(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotFinite(f"it contains {name}, which a session file never holds")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotFinite(f"it contains the number {text[:30]}, too large for a session file")
    return value


def _parse(data: bytes, label: str) -> Any:
    not_session = f"{label} is not a gdstudio session"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SessionError(f"{not_session}: it is not UTF-8 text (byte {e.start})") from None
    if not text.strip():
        raise SessionError(f"{label} is empty")
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as e:
        if not text[e.pos :].strip():
            raise SessionError(
                f"{label} ends too early (truncated JSON): it was not saved or copied completely"
            ) from None
        raise SessionError(
            f"{not_session}: it is not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})"
        ) from None
    except _NotFinite as e:
        raise SessionError(f"{label} is damaged: {e}") from None
    except ValueError:  # an integer with thousands of digits
        raise SessionError(f"{label} is damaged: it holds a number too long to read") from None
    except RecursionError:
        raise SessionError(f"{not_session}: its JSON is nested too deeply") from None


def _build(doc: Any, label: str) -> dict[str, Any]:
    not_session = f"{label} is not a gdstudio session"
    _need(isinstance(doc, dict), f"{not_session} (it is JSON of another kind)")
    fmt = doc.get("format")
    _need(fmt is not None, f"{not_session} (JSON without a gdstudio format mark)")
    _need(fmt == FORMAT, f"{not_session} (its format is {_short(fmt)})")
    version = doc.get("version")
    _need(
        isinstance(version, int) and not isinstance(version, bool) and version >= 1,
        f"{label} has no valid session version",
    )
    _need(
        version <= VERSION,
        f"{label} was saved by a newer gdstudio (session version {version}); this one opens "
        f"version {VERSION}: please update gdstudio",
    )
    app = doc.get("app_version")
    _need(app is None or isinstance(app, str), f"{label}: app_version is not text")
    tabs = doc.get("tabs")
    _need(isinstance(tabs, dict), f"{label} has no tabs table")
    current = doc.get("current")
    _need(
        current is None or (isinstance(current, str) and current in tabs),
        f"{label}: the current tab {_short(current)} is not one of its tabs",
    )
    total = sum(_history_bytes(t.get("state")) for t in tabs.values() if isinstance(t, dict))
    _need(total <= MAX_HISTORY_BYTES, f"{label}: its histories are too long to load")
    built: dict[str, Any] = {}
    for name, tab in tabs.items():
        try:
            trainer = trainer_from_dict(tab)
            ui = tab.get("ui", {})
            _need(isinstance(ui, dict), "its window state is not a table")
        except SessionError as e:
            raise SessionError(f"{label}: tab {_short(name)} cannot be opened: {e}") from None
        built[name] = {**tab, "ui": ui, "trainer_obj": trainer}
    return {**doc, "tabs": built}


# --- small checks ---------------------------------------------------------------------------
def _need(ok: bool, message: str) -> None:
    if not ok:
        raise SessionError(message)


def _number(value: Any, what: str) -> float:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    _need(ok and abs(value) < 1e308 and math.isfinite(value), f"{what} must be a finite number")
    return float(value)


def _whole(value: Any, what: str, low: int, high: int) -> int:
    ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    _need(ok, f"{what} must be a whole number from {low} to {high}")
    return value


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
