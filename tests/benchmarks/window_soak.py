"""Soak: the real window running flat out for a while, its memory read every second.

For every part (or the ones given), in a process of its own, a fresh trainer with the stop rules off runs at the fastest
speed in the real window (1280x800, offscreen) for ``seconds``, as a class would leave it
running; the resident memory of this process (``/proc/self/statm``) is read every second,
with the step count and the refreshes so far. Printed per part: the steps and refreshes
reached, the memory at the start and at the end, and the growth per million steps: the slope of
memory against steps over the second half of the run (what the first frames allocate once
does not count). Target: the engine's own, 50 MB (10^6 bytes) per million steps (the history's
rows, which the window keeps for the loss curve and the table). Anything the window kept per
frame (an item, an array, a Qt object) would grow with the refreshes instead, and show on top.

    python -m tests.benchmarks --only soak [--parts rifle] [--quick]
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

from tests.benchmarks.common import REPO, qt_environment, table, verdict

SOAK_S = 20.0
WARM_S = 2.0
BEYOND_TARGET_MB = 25.0  # memory grown beyond the history's own arrays
OBJECTS_TARGET = 1000  # Python objects, graphics items or QObjects more at the end
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_mb() -> float:
    """This process's resident memory in MB (10^6 bytes), from /proc (Linux)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * PAGE / 1e6
    except (OSError, ValueError, IndexError):
        return float("nan")


def live_objects(window) -> tuple[int, int, int]:
    """(Python objects the garbage collector tracks, after a collection; graphics items in
    the window's scenes; QObjects in the window): what a leak per frame would add to."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QGraphicsView

    gc.collect()
    views = window.findChildren(QGraphicsView)
    items = sum(len(v.scene().items()) for v in views if v.scene() is not None)
    return len(gc.get_objects()), items, len(window.findChildren(QObject))


def soak_part(window, ti, page, pi, seconds: float) -> dict:
    from gdstudio.engine import Trainer
    from gdstudio.qt.runner import SPEEDS
    from tests.benchmarks.window_run import _settle, _wait

    window.tabs.setCurrentIndex(ti)
    page.select_part(pi)
    old = page.trainer
    trainer = Trainer(old.model, lr=old.lr, seed=old.seed, stop_rules=False, max_steps=10**9)
    page.use_trainer(page.view, trainer)
    page.controls.speed_slider.setValue(len(SPEEDS) - 1)
    _settle()
    samples = [(0.0, trainer.step_count, page.runner.refreshes, resident_mb())]
    start = time.perf_counter()
    page.toggle_run()
    _wait(WARM_S)  # the first frames make what is kept for good (pictures, caches)
    page.toggle_run()
    objects = live_objects(window)
    page.toggle_run()
    while time.perf_counter() - start < seconds:
        _wait(1.0)
        samples.append(
            (
                time.perf_counter() - start,
                trainer.step_count,
                page.runner.refreshes,
                resident_mb(),
            )
        )
    page.toggle_run()
    objects_end = live_objects(window)
    page.controls.speed_slider.setValue(3)
    h = trainer.history
    stored = len(h.columns) - (1 if h._implicit_step else 0)
    history_mb = h.capacity * 8 * stored / 1e6  # its arrays, reserved
    page.use_trainer(page.view, old)
    del trainer, h
    _settle()
    s = np.array(samples)
    return {
        "steps": int(s[-1, 1]),
        "refreshes": int(s[-1, 2] - s[0, 2]),
        "seconds": float(s[-1, 0]),
        "start_mb": float(s[0, 3]),
        "end_mb": float(s[-1, 3]),
        "history_mb": history_mb,
        "objects": (objects, objects_end),
    }


def soak_in_this_process(key: str, seconds: float) -> dict:
    """The soak of the part ``key`` in a window of this process."""
    from tests.benchmarks.window_run import _settle, make_window, parts

    with tempfile.TemporaryDirectory(prefix="gdsoak-") as config_dir:
        window = make_window(config_dir)
        try:
            for ti, page, pi, k in list(parts(window)):
                if k == key:
                    return soak_part(window, ti, page, pi, seconds)
            raise ValueError(f"no part {key!r}")
        finally:
            window.close()
            window.deleteLater()
            _settle()


def run(seconds: float = SOAK_S, only_parts: tuple[str, ...] = ()) -> dict:
    """Each part's soak in a fresh process: in this one, the memory the run benchmark freed
    (its million-row histories) would be reused, and the soak's growth would not show."""
    keys = [k for k in ("guess", "blackbox", "fit", "rifle") if not only_parts or k in only_parts]
    out: dict = {"parts": {}}
    for key in keys:
        done = subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.window_soak", key, str(seconds)],
            cwd=REPO,
            env=qt_environment(),
            capture_output=True,
            text=True,
            timeout=seconds + 300,
        )
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            raise RuntimeError(f"the {key} soak failed: {done.stderr.strip()[-500:]}")
        r = json.loads(lines[-1])
        r["objects"] = tuple(tuple(o) for o in r["objects"])
        out["parts"][key] = r
    report(out, seconds)
    return out


def report(out: dict, seconds: float) -> None:
    print(
        f"\n== Soak: fastest speed in the real window for {seconds:g} s, stop rules off; "
        "resident memory, and the live objects after the first 2 s and at the end =="
    )
    rows, misses = [], []
    for key, r in out["parts"].items():
        grew = r["end_mb"] - r["start_mb"]
        beyond = grew - r["history_mb"]
        (o0, i0, q0), (o1, i1, q1) = r["objects"]
        more = max(o1 - o0, i1 - i0, q1 - q0)
        ok = beyond <= BEYOND_TARGET_MB and more <= OBJECTS_TARGET
        if not ok:
            misses.append(f"soak {key}: {beyond:.1f} MB beyond the history, {more} more objects")
        rows.append(
            [
                key,
                r["steps"],
                r["refreshes"] / max(r["seconds"], 1e-9),
                r["start_mb"],
                grew,
                r["history_mb"],
                beyond,
                f"{o0:,} -> {o1:,}",
                f"{i0} -> {i1}",
                f"{q0} -> {q1}",
                verdict(ok),
            ]
        )
    print(
        table(
            [
                "part",
                "steps",
                "refreshes/s",
                "MB at start",
                "grew MB",
                "history MB",
                "beyond MB",
                "Python objects",
                "scene items",
                "QObjects",
                f"<= {BEYOND_TARGET_MB:.0f} MB, <= {OBJECTS_TARGET} more",
            ],
            rows,
        )
    )
    out["misses"] = misses


if __name__ == "__main__":  # one part's soak, for run(): its figures as one JSON line
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    print(json.dumps(soak_in_this_process(sys.argv[1], float(sys.argv[2]))))
