"""Start-up: wall time from spawning the process to reading its ``first-paint`` line.

gdstudio (``python -m gdstudio``) against the floor, a minimal PySide6 + pyqtgraph window with the
same probe (``packaging/floor_app.py``, or ``floor_window.py`` here when that is missing). Both run
offscreen with fresh settings; the two are spawned alternately so drifting load hits both alike.
Target: gdstudio within 1.3x of the floor.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from tests.benchmarks.common import REPO, median, qt_environment, ratio, spread, table, verdict

TARGET = 1.3
TIMEOUT_S = 120


def floor_command() -> tuple[list[str], str]:
    packaged = REPO / "packaging" / "floor_app.py"
    if packaged.exists():
        return [sys.executable, str(packaged)], "packaging/floor_app.py"
    return [
        sys.executable,
        "-m",
        "tests.benchmarks.floor_window",
    ], "tests/benchmarks/floor_window.py"


def app_command() -> list[str]:
    return [sys.executable, "-m", "gdstudio"]


def time_to_first_paint(command: list[str], config_dir: str) -> float | None:
    """Seconds from spawning ``command`` to its ``first-paint`` line (None if it never came)."""
    env = qt_environment()
    env["GDSTUDIO_STARTUP_PROBE"] = "1"
    env["XDG_CONFIG_HOME"] = config_dir  # no remembered window geometry or language
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    elapsed = None
    try:
        for line in proc.stdout:
            if line.startswith("first-paint"):
                elapsed = time.perf_counter() - start
                break
        proc.wait(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        pass
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return elapsed


# Where gdstudio's start-up goes, measured inside one child: the libraries every PySide6 +
# pyqtgraph app imports, gdstudio's own modules, building the window, and showing it until the
# first paint. Printed as JSON on the last line.
_PHASES = r"""
import json, os, sys, time
t0 = time.perf_counter()
import numpy, pyqtgraph, PySide6.QtWidgets
t1 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QWidget
from gdstudio.qt.application import application
from gdstudio.qt.main_window import MainWindow
t2 = time.perf_counter()
app = application()
window = MainWindow(QSettings(os.path.join(sys.argv[1], "s.ini"), QSettings.Format.IniFormat))
t3 = time.perf_counter()
marks = {}
class Probe(QObject):
    def eventFilter(self, obj, event):
        if "paint" not in marks and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            marks["paint"] = time.perf_counter()
            QTimer.singleShot(0, app.quit)
        return False
probe = Probe()
app.installEventFilter(probe)
window.show()
app.exec()
print(json.dumps({"libraries": t1 - t0, "gdstudio modules": t2 - t1, "window built": t3 - t2,
                  "shown to first paint": marks["paint"] - t3}))
"""


def phases(config_dir: str, repeats: int) -> dict[str, float]:
    """Median seconds of each start-up phase of gdstudio (see _PHASES)."""
    import json

    runs = []
    for _ in range(repeats):
        done = subprocess.run(
            [sys.executable, "-c", _PHASES, config_dir],
            cwd=REPO,
            env=qt_environment(),
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
        )
        lines = done.stdout.strip().splitlines()
        if done.returncode == 0 and lines:
            runs.append(json.loads(lines[-1]))
    if not runs:
        return {}
    return {k: median([r[k] for r in runs]) for k in runs[0]}


def warm_up(config_dir: str) -> None:
    """One unmeasured start of each, so both find the library files in the page cache."""
    time_to_first_paint(floor_command()[0], config_dir)
    time_to_first_paint(app_command(), config_dir)


def run(repeats: int = 7, quick: bool = False) -> dict:
    repeats = max(3, repeats // 2) if quick else repeats
    floor_cmd, floor_name = floor_command()
    app_cmd = app_command()
    floors, apps = [], []
    with tempfile.TemporaryDirectory(prefix="gdbench-") as config_dir:
        warm_up(config_dir)
        for _ in range(repeats):
            floors.append(time_to_first_paint(floor_cmd, config_dir))
            apps.append(time_to_first_paint(app_cmd, config_dir))
        parts = phases(config_dir, max(3, repeats // 2))
    f, a = median(floors), median(apps)
    pairs = [ratio(x, y) for x, y in zip(apps, floors) if x and y]
    r = ratio(a, f)
    print(f"\n== Start-up: spawn to first painted window ({repeats} runs each, offscreen) ==")
    print(
        table(
            ["program", "median s", "min..max s"],
            [
                [f"floor ({floor_name})", f, spread(floors)],
                ["gdstudio (python -m gdstudio)", a, spread(apps)],
            ],
        )
    )
    print(
        f"ratio gdstudio/floor: {r:.2f}x (median of paired ratios {median(pairs):.2f}x); "
        f"target <= {TARGET}x: {verdict(r <= TARGET)}"
    )
    if any(v is None for v in floors + apps):
        print("note: some starts printed no first-paint line within the time limit")
    if parts:
        print(
            "where gdstudio's start-up goes (s, median, inside the process): "
            + ", ".join(f"{k} {v:.2f}" for k, v in parts.items())
        )
    return {"floor_s": f, "app_s": a, "ratio": r, "ok": r <= TARGET, "phases": parts}


if __name__ == "__main__":
    os.chdir(REPO)
    run()
