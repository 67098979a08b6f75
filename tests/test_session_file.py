"""Saved sessions: exact round trips, atomic saves, a corpus of damaged files, `run --open`."""

import base64
import copy
import csv
import errno
import json
import os
import subprocess
import sys
import zlib

import numpy as np
import pytest

import gdstudio.engine.trainer as trainer_module
from gdstudio import session_file as sf
from gdstudio.cli import run_main
from gdstudio.engine import Phase, StopReason, Trainer
from gdstudio.engine.trainer import pack_floats
from gdstudio.scenarios import create
from gdstudio.scenarios.black_box import CHAPTER_SAMPLES as CHAPTER
from gdstudio.scenarios.black_box import FAMILIES
from gdstudio.session_file import SessionError

# (id, scenario, settings, trainer keywords)
CASES = [
    ("guess-vague", "guess", {"feedback": "vague"}, {}),
    ("guess-exact", "guess", {"feedback": "exact"}, {"seed": 9}),
    ("guess-secret", "guess", {"secret": 44, "first_guess": 1}, {"lr": 0.7}),
    ("blackbox", "blackbox", {}, {"seed": 2}),
    ("blackbox-momentum", "blackbox", {"x0": 0.0}, {"momentum": 0.5, "lr": 0.02}),
    *[
        (f"fit-{family}-{batch}", "fit", {"family": family, "batch": batch}, {"seed": 1})
        for family in FAMILIES
        for batch in ("full", "1")
    ],
    ("fit-momentum", "fit", {"family": "w*x+b"}, {"momentum": 0.8, "lr": 0.05}),
    ("rifle-burst1", "rifle", {"burst": 1}, {"seed": 4}),
    ("rifle-burst5", "rifle", {"burst": 5, "spread": 3.0}, {"seed": 5}),
    ("rifle-momentum", "rifle", {}, {"momentum": 0.3, "seed": 6}),
]


def make(key, settings, kw):
    return Trainer(create(key, **settings), **kw)


def advance(t, phases):
    for _ in range(phases):
        t.advance_phase()


# how each moment is reached; the number is the count of extra phases into the next iteration
MOMENTS = {
    "start": lambda t: None,
    "after-steps": lambda t: t.run(7),
    "mid-forward": lambda t: (t.run(4), advance(t, 1)),
    "mid-loss": lambda t: (t.run(4), advance(t, 2)),
    "mid-backward": lambda t: (t.run(4), advance(t, 3)),
    "first-forward": lambda t: advance(t, 1),
    "after-stop": lambda t: t.run(),
    "lr-change": lambda t: (t.run(3), setattr(t, "lr", t.lr * 0.5), t.run(4)),
    "lr-change-mid": lambda t: (t.run(3), advance(t, 2), setattr(t, "lr", t.lr * 0.7)),
}


def save_and_load(tmp_path, trainers, current=None, ui=None):
    path = tmp_path / "session.gdsession"
    sf.save_session(path, sf.make_session(trainers, current=current, ui=ui))
    return sf.load_session(path)


def reload(tmp_path, t):
    return save_and_load(tmp_path, {"tab": t})["tabs"]["tab"]["trainer_obj"]


def same_record(a, b):
    assert a.step == b.step
    assert np.array_equal(a.params, b.params)
    assert (a.new_params is None) == (b.new_params is None)
    if a.new_params is not None:
        assert np.array_equal(a.new_params, b.new_params)
    assert a.loss == b.loss and a.extra == b.extra
    assert np.array_equal(a.gradient, b.gradient)
    assert a.observations == b.observations
    assert (a.batch is None) == (b.batch is None)
    if a.batch is not None:
        assert a.batch.dtype == b.batch.dtype and np.array_equal(a.batch, b.batch)
    if hasattr(a.forward, "impacts"):  # the rifle's bullet holes
        assert np.array_equal(a.forward.impacts, b.forward.impacts)
        assert np.array_equal(a.forward.distances, b.forward.distances)


def same_trainer(a, b, same_export=True):
    assert np.array_equal(a.history.to_array(), b.history.to_array())
    assert a.history.columns == b.history.columns
    assert np.array_equal(a.params, b.params)
    assert (a.phase, a.stop, a.step_count, a.lr) == (b.phase, b.stop, b.step_count, b.lr)
    assert len(a.recent) == len(b.recent)
    for ra, rb in zip(a.recent, b.recent):
        same_record(ra, rb)
    assert (a.record is None) == (b.record is None)
    if a.record is not None:
        same_record(a.record, b.record)
    if same_export:
        assert json.dumps(a.export_state()) == json.dumps(b.export_state())


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_round_trip_restores_exactly_and_continues_identically(tmp_path, case, moment):
    _, key, settings, kw = case
    original = make(key, settings, kw)
    MOMENTS[moment](original)
    mid = original.phase in (Phase.FORWARD, Phase.LOSS) or (
        original.phase is Phase.BACKWARD and original.stop is None
    )
    loaded = reload(tmp_path, original)
    assert loaded.model.settings() == original.model.settings()
    assert (loaded.seed, loaded.tolerance, loaded.max_steps) == (
        original.seed,
        original.tolerance,
        original.max_steps,
    )
    if mid:  # the file holds the state at the start of the iteration in progress
        rows = loaded.step_count
        assert loaded.phase in (Phase.INIT, Phase.UPDATE) and loaded.stop is None
        assert np.array_equal(loaded.history.to_array(), original.history.to_array()[:rows])
        assert [r.step for r in loaded.recent] == [r.step for r in original.recent if r.step < rows]
        for ra, rb in zip(original.recent, loaded.recent):
            same_record(ra, rb)
        assert loaded.lr == original.lr
    else:
        same_trainer(original, loaded)
    for _ in range(20):
        assert original.step() == loaded.step()
    same_trainer(original, loaded)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_back_after_loading_matches_back_of_the_original(tmp_path, case):
    _, key, settings, kw = case
    for moment in ("after-steps", "after-stop"):
        original = make(key, settings, kw)
        MOMENTS[moment](original)
        loaded = reload(tmp_path, original)  # no undo memory: back replays from the seed
        assert original.back() and loaded.back()
        same_trainer(original, loaded)
        original.run(5)
        loaded.run(5)
        same_trainer(original, loaded)


def test_back_after_loading_a_run_whose_rate_changed_replays_with_the_current_rate(tmp_path):
    original = make("fit", {"family": "w*x"}, {"lr": 0.1})
    original.run(3)
    original.lr = 0.05
    original.run(3)
    loaded = reload(tmp_path, original)
    assert loaded.back()  # documented: replays steps 0..4 with the current rate 0.05
    replay = make("fit", {"family": "w*x"}, {"lr": 0.05})
    replay.run(5)
    assert np.array_equal(loaded.history.to_array(), replay.history.to_array())
    assert loaded.step_count == 5


def test_lifted_plateau_is_kept_so_the_next_step_updates(tmp_path):
    original = make("fit", {}, {})
    assert original.run() is StopReason.PLATEAU
    original.lr = 0.2  # lifts the stop: the next step applies the update of this iteration
    assert original.phase is Phase.BACKWARD and original.stop is None
    loaded = reload(tmp_path, original)
    same_trainer(original, loaded)
    for _ in range(20):
        assert original.step() == loaded.step()
    same_trainer(original, loaded)


def test_a_loaded_step_limit_stop_lifted_saves_and_continues(tmp_path):
    original = make("fit", {"family": "w*x"}, {"lr": 0.001, "max_steps": 10})
    assert original.run() is StopReason.STEP_LIMIT
    loaded = reload(tmp_path, original)
    for t in (original, loaded):
        t.set_max_steps(40)  # lifts the stop at BACKWARD
    again = reload(tmp_path, loaded)  # no undo memory after loading: the phase is kept
    assert again.phase is Phase.BACKWARD and again.stop is None
    same_trainer(loaded, again)
    same_trainer(original, again, same_export=False)  # it saves the iteration's start instead
    for _ in range(20):
        assert original.step() == loaded.step() == again.step()
    same_trainer(original, loaded)
    same_trainer(original, again)
    assert again.back() and original.back()
    same_trainer(original, again)


@pytest.mark.parametrize(
    "settings, kw",
    [
        ({"x0": 1e150}, {}),  # loss overflows at the first BACKWARD: no row at all
        ({"x0": 1e77}, {"lr": 1e80}),  # the first UPDATE overflows
        ({}, {"lr": 5.0}),  # the loss explodes after a few steps
    ],
)
def test_diverged_runs_round_trip(tmp_path, settings, kw):
    original = make("blackbox", settings, kw)
    assert original.run() is StopReason.DIVERGED
    loaded = reload(tmp_path, original)
    same_trainer(original, loaded)
    assert loaded.step() is False
    assert original.back() == loaded.back()
    same_trainer(original, loaded)


def test_long_run_with_full_recent_memory(tmp_path):
    original = make("rifle", {"burst": 2}, {"max_steps": 700, "stop_rules": False})
    original.run()
    assert len(original.recent) == trainer_module.RECENT_DEPTH
    loaded = reload(tmp_path, original)
    same_trainer(original, loaded)
    assert loaded.stop_rules is False


def test_back_with_a_full_recent_memory_forgets_the_undone_record(monkeypatch):
    monkeypatch.setattr(trainer_module, "RECENT_DEPTH", 5)
    t = make("rifle", {"spread": 3.0}, {"seed": 3, "max_steps": 100})
    t.run(10)
    t.back()
    assert len(t.history) == 9
    assert [r.step for r in t.recent] == [5, 6, 7, 8]
    t.step()
    assert [r.step for r in t.recent] == [5, 6, 7, 8, 9]


def test_several_tabs_ui_and_current_survive(tmp_path):
    a = make("guess", {}, {})
    b = make("rifle", {}, {"seed": 3})
    b.run(5)
    ui = {"rifle 2": {"zoom": [1.5, -2], "note": "靶子", "open": True}}
    s = save_and_load(tmp_path, {"guess": a, "rifle 2": b}, current="rifle 2", ui=ui)
    assert list(s["tabs"]) == ["guess", "rifle 2"]
    assert s["current"] == "rifle 2" and s["format"] == sf.FORMAT and s["version"] == sf.VERSION
    assert s["tabs"]["rifle 2"]["ui"] == ui["rifle 2"] and s["tabs"]["guess"]["ui"] == {}
    assert sf.find_tab(s, "rifle")[0] == "rifle 2" and sf.find_tab(s, "fit") is None
    same_trainer(b, s["tabs"]["rifle 2"]["trainer_obj"])
    # a loaded session saves again as it is (live trainers are exported afresh)
    s["tabs"]["rifle 2"]["trainer_obj"].run(3)
    path = tmp_path / "again.json"
    sf.save_session(path, s)
    b.run(3)
    same_trainer(b, sf.load_session(path)["tabs"]["rifle 2"]["trainer_obj"])


def test_plain_tabs_without_a_trainer_are_checked_before_saving(tmp_path):
    s = save_and_load(tmp_path, {"fit": make("fit", {}, {})})
    tab = s["tabs"]["fit"]
    del tab["trainer_obj"]
    sf.save_session(tmp_path / "plain.json", s)
    assert sf.load_session(tmp_path / "plain.json")["tabs"]["fit"]["scenario"] == "fit"
    tab["state"]["params"] = [1.0, 2.0]
    with pytest.raises(SessionError, match="parameters"):
        sf.save_session(tmp_path / "bad.json", s)
    assert not (tmp_path / "bad.json").exists()


def test_trainer_dicts_map_the_fit_model_setting():
    t = make("fit", {"family": "w*x+v*x^2", "batch": "1", "w0": 0.5}, {"momentum": 0.4})
    t.run(6)
    d = json.loads(json.dumps(sf.trainer_to_dict(t)))
    assert d["settings"]["model"] == "w*x+v*x^2" and d["trainer"]["momentum"] == 0.4
    same_trainer(t, sf.trainer_from_dict(d))


def test_history_is_stored_packed_and_exact(tmp_path):
    t = make("rifle", {}, {"max_steps": 300, "stop_rules": False})
    t.run()
    data = sf.dumps_session(sf.make_session({"r": t}))
    doc = json.loads(data)
    packed = doc["tabs"]["r"]["state"]["history"]["data"]["loss"]
    raw = zlib.decompress(base64.b64decode(packed))
    assert np.array_equal(np.frombuffer(raw, "<f8"), t.history.column("loss"))


def test_import_state_refuses_a_state_of_another_seed_and_changes_nothing():
    t = make("rifle", {}, {"seed": 1})
    t.run(4)
    state = t.export_state()
    other = make("rifle", {}, {"seed": 2})
    other.run(2)
    before = other.export_state()
    with pytest.raises(ValueError, match="seed"):
        other.import_state(state)
    state["seed"] = 2
    state["history"]["data"]["loss"] = "garbage"
    with pytest.raises(ValueError):
        other.import_state(state)
    assert other.export_state() == before


# --- atomic saves ---------------------------------------------------------------------------
def _one_tab_session(steps=3):
    t = make("fit", {}, {})
    t.run(steps)
    return sf.make_session({"fit": t})


def test_interrupted_save_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "s.json"
    sf.save_session(path, _one_tab_session(2))
    old = path.read_bytes()

    def half_then_fail(f, data):
        f.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sf, "_write_all", half_then_fail)
    with pytest.raises(SessionError, match="disk is full"):
        sf.save_session(path, _one_tab_session(9))
    assert path.read_bytes() == old
    assert os.listdir(tmp_path) == ["s.json"]


def test_save_into_a_missing_folder_or_onto_a_folder(tmp_path):
    with pytest.raises(SessionError, match="does not exist"):
        sf.save_session(tmp_path / "nope" / "s.json", _one_tab_session())
    with pytest.raises(SessionError, match="folder"):
        sf.save_session(tmp_path, _one_tab_session())
    assert os.listdir(tmp_path) == []


def test_save_into_a_folder_that_refuses_writing(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(sf.tempfile, "mkstemp", refuse)
    with pytest.raises(SessionError, match="not writable"):
        sf.save_session(tmp_path / "s.json", _one_tab_session())


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_save_into_a_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(SessionError, match="not writable"):
            sf.save_session(folder / "s.json", _one_tab_session())
    finally:
        folder.chmod(0o700)


def test_save_refuses_a_file_over_the_cap_and_keeps_the_old_one(tmp_path, monkeypatch):
    path = tmp_path / "s.json"
    sf.save_session(path, _one_tab_session())
    old = path.read_bytes()
    monkeypatch.setattr(sf, "MAX_FILE_BYTES", len(old) // 2)
    with pytest.raises(SessionError, match="MB"):
        sf.save_session(path, _one_tab_session())
    assert path.read_bytes() == old and os.listdir(tmp_path) == ["s.json"]


@pytest.mark.parametrize(
    "ui", [{"x": float("nan")}, {"x": object()}, ["not", "a", "dict"]], ids=["nan", "obj", "list"]
)
def test_save_refuses_window_state_json_cannot_hold(tmp_path, ui):
    s = _one_tab_session()
    s["tabs"]["fit"]["ui"] = ui
    with pytest.raises(SessionError):
        sf.save_session(tmp_path / "s.json", s)
    assert os.listdir(tmp_path) == []


def test_saved_file_keeps_permissions_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("old")
    path.chmod(0o640)
    sf.save_session(path, _one_tab_session())
    assert (path.stat().st_mode & 0o777) == 0o640


def test_a_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "s.json"
    path.write_bytes(b"\xef\xbb\xbf" + sf.dumps_session(_one_tab_session()))
    assert "fit" in sf.load_session(path)["tabs"]


# --- a corpus of damaged files --------------------------------------------------------------
def _base_doc():
    g = make("guess", {}, {})
    g.run(3)
    f = make("fit", {"family": "w*x+b"}, {})
    f.run(5)
    r = make("rifle", {"burst": 3}, {"seed": 2})
    r.run(4)
    session = sf.make_session({"guess": g, "fit": f, "rifle": r}, current="fit")
    return json.loads(sf.dumps_session(session))


BASE = _base_doc()


def _mutated(change):
    def make_bytes():
        doc = copy.deepcopy(BASE)
        change(doc)
        return json.dumps(doc, allow_nan=True).encode()

    return make_bytes


def _tab(doc, name):
    return doc["tabs"][name]


def _state(doc, name):
    return doc["tabs"][name]["state"]


def _set(path, value):
    """A change that sets doc[path[0]][path[1]]... = value."""

    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


def _text(s):
    return lambda: s.encode()


def _valid_bytes():
    return json.dumps(BASE).encode()


def _pack_list(values):
    return pack_floats(np.array(values, dtype=float))


def _history_column(name, col, transform):
    def change(doc):
        h = _state(doc, name)["history"]
        values = np.frombuffer(zlib.decompress(base64.b64decode(h["data"][col])), "<f8")
        h["data"][col] = transform(values.copy(), h)

    return change


MALFORMED = {
    # the file itself
    "empty": lambda: b"",
    "only-whitespace": lambda: b"  \n\t ",
    "not-utf8": lambda: b'{"format": "\xff\xfe gdstudio"}',
    "binary-garbage": lambda: bytes(range(256)) * 4,
    "not-json": _text("this is a shopping list, not a session"),
    "truncated-json": lambda: _valid_bytes()[: len(_valid_bytes()) // 2],
    "truncated-one-byte": lambda: _valid_bytes()[:-1],
    "trailing-garbage": lambda: _valid_bytes() + b" }{",
    "nan-literal": _text('{"format": "gdstudio-session", "version": 1, "tabs": {}, "x": NaN}'),
    "infinity-literal": lambda: _valid_bytes().replace(b'"lr": 0.1', b'"lr": Infinity', 1),
    "minus-infinity": lambda: _valid_bytes().replace(b'"lr": 0.1', b'"lr": -Infinity', 1),
    "huge-number": lambda: _valid_bytes().replace(b'"lr": 0.1', b'"lr": 1e400', 1),
    "huge-integer": _text('{"format": "gdstudio-session", "version": 1' + "9" * 5000 + "}"),
    "deep-nesting": lambda: b"[" * 100_000 + b"]" * 100_000,
    # JSON of another program
    "json-array": _text("[1, 2, 3]"),
    "json-string": _text('"gdstudio-session"'),
    "no-format": _text('{"name": "my notes", "version": 1, "tabs": {}}'),
    "other-format": _mutated(_set(["format"], "jupyter-notebook")),
    "format-not-text": _mutated(_set(["format"], 17)),
    # version
    "newer-version": _mutated(_set(["version"], 2)),
    "version-as-text": _mutated(_set(["version"], "1")),
    "version-as-bool": _mutated(_set(["version"], True)),
    "version-zero": _mutated(_set(["version"], 0)),
    "version-float": _mutated(_set(["version"], 1.0)),
    "version-missing": _mutated(lambda d: d.pop("version")),
    # the top level
    "tabs-a-list": _mutated(_set(["tabs"], [])),
    "tabs-missing": _mutated(lambda d: d.pop("tabs")),
    "current-not-a-tab": _mutated(_set(["current"], "nowhere")),
    "current-a-number": _mutated(_set(["current"], 3)),
    "app-version-a-list": _mutated(_set(["app_version"], [0, 1])),
    "tab-a-string": _mutated(_set(["tabs", "fit"], "fit")),
    "tab-without-state": _mutated(lambda d: _tab(d, "fit").pop("state")),
    "ui-a-list": _mutated(_set(["tabs", "fit", "ui"], [1, 2])),
    # scenario and settings
    "unknown-scenario": _mutated(_set(["tabs", "fit", "scenario"], "nosuch")),
    "scenario-a-number": _mutated(_set(["tabs", "fit", "scenario"], 4)),
    "settings-a-list": _mutated(_set(["tabs", "fit", "settings"], [])),
    "invalid-guess-range": _mutated(_set(["tabs", "guess", "settings", "low"], 60)),
    "unknown-setting": _mutated(_set(["tabs", "rifle", "settings", "colour"], "red")),
    "missing-setting": _mutated(lambda d: _tab(d, "rifle")["settings"].pop("wind")),
    "setting-wrong-type": _mutated(_set(["tabs", "rifle", "settings", "burst"], "three")),
    "setting-bool-for-int": _mutated(_set(["tabs", "rifle", "settings", "burst"], True)),
    "setting-short-list": _mutated(_set(["tabs", "rifle", "settings", "sight_error"], [1.0])),
    "burst-out-of-range": _mutated(_set(["tabs", "rifle", "settings", "burst"], 11)),
    "unknown-model-family": _mutated(_set(["tabs", "fit", "settings", "model"], "w*x^3")),
    "fit-zero-samples": _mutated(_set(["tabs", "fit", "settings", "samples"], [])),
    "fit-sample-of-three": _mutated(_set(["tabs", "fit", "settings", "samples"], [[1, 2, 3]])),
    "fit-sample-text": _mutated(_set(["tabs", "fit", "settings", "samples"], [["a", 2.0]])),
    "fit-sample-non-finite": lambda: _valid_bytes().replace(b"2.21", b"2e999", 1),
    "fit-samples-fewer": _mutated(_set(["tabs", "fit", "settings", "samples"], [[1.0, 3.0]])),
    "fit-samples-changed": _mutated(
        lambda d: _tab(d, "fit")["settings"].update(samples=[[x, 2 * y] for x, y in CHAPTER])
    ),
    # trainer settings
    "trainer-missing-lr": _mutated(lambda d: _tab(d, "fit")["trainer"].pop("lr")),
    "negative-lr": _mutated(_set(["tabs", "fit", "trainer", "lr"], -0.1)),
    "momentum-too-big": _mutated(_set(["tabs", "fit", "trainer", "momentum"], 1.5)),
    "momentum-for-guess": _mutated(_set(["tabs", "guess", "trainer", "momentum"], 0.5)),
    "seed-negative": _mutated(_set(["tabs", "rifle", "trainer", "seed"], -1)),
    "seed-mismatch": _mutated(_set(["tabs", "rifle", "trainer", "seed"], 77)),
    "stop-rules-text": _mutated(_set(["tabs", "fit", "trainer", "stop_rules"], "yes")),
    # the saved run
    "state-a-list": _mutated(_set(["tabs", "fit", "state"], [1, 2])),
    "state-missing-entry": _mutated(lambda d: _state(d, "fit").pop("rng")),
    "negative-step-count": _mutated(_set(["tabs", "fit", "state", "updates"], -1)),
    "step-count-float": _mutated(_set(["tabs", "fit", "state", "updates"], 5.0)),
    "step-count-off": _mutated(_set(["tabs", "fit", "state", "updates"], 3)),
    "unknown-phase": _mutated(_set(["tabs", "fit", "state", "phase"], "sideways")),
    "phase-a-list": _mutated(_set(["tabs", "fit", "state", "phase"], ["update"])),
    "unknown-stop": _mutated(_set(["tabs", "fit", "state", "stop"], "bored")),
    "stop-a-dict": _mutated(_set(["tabs", "fit", "state", "stop"], {})),
    "too-many-params": _mutated(_set(["tabs", "fit", "state", "params"], [1.0, 2.0, 3.0])),
    "param-text": _mutated(_set(["tabs", "fit", "state", "params"], ["1.0", 2.0])),
    "start-loss-missing": _mutated(_set(["tabs", "fit", "state", "start_loss"], None)),
    "state-lr-zero": _mutated(_set(["tabs", "fit", "state", "lr"], 0)),
    "optimizer-extra-entry": _mutated(_set(["tabs", "fit", "state", "optimizer", "v"], [1, 2])),
    "guess-bracket-text": _mutated(_set(["tabs", "guess", "state", "optimizer", "lo"], "a")),
    "rng-of-another-generator": _mutated(
        _set(["tabs", "rifle", "state", "rng"], {"bit_generator": "MT19937", "state": {}})
    ),
    "rng-negative": _mutated(_set(["tabs", "rifle", "state", "rng", "state", "state"], -5)),
    "rng-too-large": _mutated(_set(["tabs", "rifle", "state", "rng", "state", "inc"], 2**130)),
    "rng-a-string": _mutated(_set(["tabs", "rifle", "state", "rng"], "PCG64")),
    "history-column-renamed": _mutated(
        lambda d: _state(d, "fit")["history"].update(
            columns=["step", "loss", "w", "c", "grad_w", "grad_b"]
        )
    ),
    "history-column-missing": _mutated(lambda d: _state(d, "fit")["history"]["data"].pop("w")),
    "history-rows-off": _mutated(_set(["tabs", "fit", "state", "history", "rows"], 7)),
    "history-column-short": _mutated(
        _history_column("fit", "loss", lambda v, h: _pack_list(v[:-1]))
    ),
    "history-column-long": _mutated(
        _history_column("fit", "loss", lambda v, h: _pack_list([*v, 1.0]))
    ),
    "history-base64-garbage": _mutated(
        _set(["tabs", "fit", "state", "history", "data", "w"], "!!not base64!!")
    ),
    "history-zlib-garbage": _mutated(
        _set(
            ["tabs", "fit", "state", "history", "data", "w"],
            base64.b64encode(os.urandom(64)).decode(),
        )
    ),
    "history-column-a-number": _mutated(_set(["tabs", "fit", "state", "history", "data", "w"], 5)),
    "history-non-finite": _mutated(
        _history_column("fit", "w", lambda v, h: _pack_list([*v[:-1], np.inf]))
    ),
    "history-steps-shifted": _mutated(
        _history_column("fit", "step", lambda v, h: _pack_list(v + 1))
    ),
    "history-value-changed": _mutated(
        _history_column("rifle", "loss", lambda v, h: _pack_list(v * 1.5))
    ),
    "history-rows-huge": _mutated(_set(["tabs", "fit", "state", "history", "rows"], 10**12)),
    "recent-a-dict": _mutated(_set(["tabs", "fit", "state", "recent"], {})),
    "recent-step-beyond": _mutated(lambda d: _state(d, "rifle")["recent"][-1].update(step=40)),
    "recent-out-of-order": _mutated(lambda d: _state(d, "rifle")["recent"].reverse()),
    "batch-wrong-shape": _mutated(
        lambda d: _state(d, "rifle")["recent"][0]["batch"].update(shape=[2, 3])
    ),
    "batch-wrong-dtype": _mutated(
        lambda d: _state(d, "rifle")["recent"][0]["batch"].update(dtype="int")
    ),
    "batch-for-guess": _mutated(lambda d: _state(d, "guess")["recent"][0].update(batch=[1, 2, 3])),
    "batch-text-values": _mutated(
        lambda d: _state(d, "fit")["recent"][0]["batch"].update(data=["a", "b", "c", "d"])
    ),
    "record-of-another-step": _mutated(_set(["tabs", "fit", "state", "record", "step"], 1)),
}


def _write_case(tmp_path, name):
    path = tmp_path / f"{name}.gdsession"
    if name == "missing-file":
        return tmp_path / "nowhere.gdsession"
    if name == "a-folder":
        path.mkdir()
        return path
    if name == "sparse-100mb":
        with open(path, "wb") as f:
            f.truncate(100 * 1024 * 1024)
        return path
    if name == "device-file":
        return "/dev/zero"
    path.write_bytes(MALFORMED[name]())
    return path


FILE_CASES = ["missing-file", "a-folder", "sparse-100mb"] + (
    ["device-file"] if os.path.exists("/dev/zero") else []
)


def test_the_corpus_base_is_a_valid_session(tmp_path):
    path = tmp_path / "base.gdsession"
    path.write_bytes(_valid_bytes())
    s = sf.load_session(path)
    assert list(s["tabs"]) == ["guess", "fit", "rifle"] and s["current"] == "fit"
    assert len(MALFORMED) + len(FILE_CASES) >= 30


@pytest.mark.parametrize("name", FILE_CASES + list(MALFORMED))
def test_a_damaged_file_raises_one_plain_session_error(tmp_path, name, monkeypatch):
    path = _write_case(tmp_path, name)
    if name == "sparse-100mb":  # refused from its size, never read
        monkeypatch.setattr("builtins.open", _no_open)
    with pytest.raises(SessionError) as caught:
        sf.load_session(path)
    message = str(caught.value)
    assert message.strip() and "\n" not in message
    assert "Traceback" not in message and "could not be opened: " not in message


def _no_open(*args, **kwargs):
    raise AssertionError("a file over the size cap must not be opened")


@pytest.mark.parametrize(
    "name, words",
    [
        ("missing-file", "not found"),
        ("sparse-100mb", "MB"),
        ("not-utf8", "UTF-8"),
        ("not-json", "not valid JSON"),
        ("truncated-json", "truncated"),
        ("no-format", "not a gdstudio session"),
        ("newer-version", "newer gdstudio"),
        ("nan-literal", "NaN"),
        ("huge-number", "1e400"),
        ("unknown-scenario", "unknown"),
        ("fit-zero-samples", "settings are not valid"),
        ("history-column-renamed", "columns"),
        ("history-column-short", "does not hold"),
        ("rng-of-another-generator", "PCG64"),
        ("too-many-params", "parameters"),
        ("history-value-changed", "does not match"),
        ("fit-samples-changed", "does not match"),
        ("negative-lr", "learning rate"),
        ("huge-integer", "too long"),
        ("version-missing", "no valid session version"),
    ],
)
def test_messages_say_what_is_wrong(tmp_path, name, words):
    with pytest.raises(SessionError, match=words):
        sf.load_session(_write_case(tmp_path, name))


# --- gdstudio run --open --------------------------------------------------------------------
def _rows(path):
    return list(csv.reader(open(path)))


def test_run_open_continues_to_the_numbers_of_an_uninterrupted_run(tmp_path, capsys):
    whole = tmp_path / "whole.csv"
    assert (
        run_main(["rifle", "--seed", "5", "--steps", "60", "--no-stop", "--csv", str(whole)]) == 0
    )
    expected = capsys.readouterr().out
    t = make("rifle", {}, {"seed": 5, "max_steps": 60, "stop_rules": False})
    t.run(25)
    advance(t, 2)  # saved in the middle of an iteration
    session = tmp_path / "s.gdsession"
    sf.save_session(session, sf.make_session({"mine": t}))
    cont = tmp_path / "cont.csv"
    assert run_main(["rifle", "--open", str(session), "--csv", str(cont)]) == 0
    assert capsys.readouterr().out == expected
    assert cont.read_bytes() == whole.read_bytes()


def test_run_open_applies_steps_and_lr_on_top(tmp_path, capsys):
    whole = tmp_path / "whole.csv"
    assert run_main(["fit", "--steps", "300", "--no-stop", "--csv", str(whole)]) == 0
    expected = capsys.readouterr().out
    t = make("fit", {}, {"max_steps": 100, "stop_rules": False})
    assert t.run() is StopReason.STEP_LIMIT
    session = tmp_path / "s.gdsession"
    sf.save_session(session, sf.make_session({"g": make("guess", {}, {}), "f": t}))
    cont = tmp_path / "cont.csv"
    args = ["fit", "--open", str(session), "--steps", "300", "--csv", str(cont)]
    assert run_main(args) == 0
    assert capsys.readouterr().out == expected
    assert cont.read_bytes() == whole.read_bytes()

    t.set_max_steps(150)
    t.lr = 0.05
    t.run()
    assert run_main([*args[:-2], "--steps", "150", "--lr", "0.05", "--csv", str(cont)]) == 0
    rows = _rows(cont)
    assert len(rows) == 152 and float(rows[-1][2]) == t.history.column("w")[-1]


BAD_OPEN = {
    "missing": lambda p: ["fit", "--open", str(p / "nowhere.json")],
    "garbage": lambda p: ["fit", "--open", str(_write_bytes(p, b"\x00\xff garbage"))],
    "truncated": lambda p: ["fit", "--open", str(_write_bytes(p, _valid_bytes()[:100]))],
    "no-such-tab": lambda p: ["blackbox", "--open", str(_write_bytes(p, _valid_bytes()))],
    "with-seed": lambda p: ["fit", "--open", str(_write_bytes(p, _valid_bytes())), "--seed", "1"],
    "with-setting": lambda p: [
        "rifle",
        "--open",
        str(_write_bytes(p, _valid_bytes())),
        "--burst",
        "2",
    ],
    "with-momentum": lambda p: [
        "fit",
        "--open",
        str(_write_bytes(p, _valid_bytes())),
        "--momentum",
        "0.5",
    ],
    "bad-tab": lambda p: ["fit", "--open", str(_write_bytes(p, MALFORMED["history-rows-off"]()))],
}


def _write_bytes(folder, data):
    path = folder / "s.gdsession"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", BAD_OPEN)
def test_run_open_with_a_bad_file_exits_2_with_one_line(tmp_path, name, capsys):
    assert run_main(BAD_OPEN[name](tmp_path)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gdstudio run: ")
    assert "Traceback" not in captured.err


def test_run_open_through_the_real_command(tmp_path):
    bad = _write_bytes(tmp_path, b'{"format": "gdstudio-session", "version": 99}')
    r = subprocess.run(
        [sys.executable, "-m", "gdstudio", "run", "fit", "--open", str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.startswith("gdstudio run: ") and "newer gdstudio" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_session_files_and_the_cli_load_no_qt():
    check = (
        "import sys, gdstudio.cli, gdstudio.session_file\n"
        "qt = [m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6') or m.startswith('gdstudio.qt')]\n"
        "assert not qt, qt\n"
    )
    r = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_random_damage_never_escapes_as_another_exception():
    import random

    rnd = random.Random(7)
    base = _valid_bytes()
    for _ in range(300):
        data = bytearray(base)
        for _ in range(rnd.randint(1, 4)):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
        if rnd.random() < 0.2:
            data = data[: rnd.randrange(len(data))]
        try:
            sf.loads_session(bytes(data), "fuzzed")
        except SessionError as e:
            assert str(e) and "\n" not in str(e) and "could not be opened" not in str(e)
