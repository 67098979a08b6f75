"""Measure the bundles: size, file count, start-up time, and what each exclusion saves.

    python packaging/measure.py sizes      # builds the floor once per exclusion group (~6 min)
    python packaging/measure.py startup    # builds 4 bundles, then times 6 programs 5 times each
    python packaging/measure.py all        # both; the numbers in packaging/README.md

Everything is built into build/measure/ (``--work`` to change it), with the same spec and options
as ``packaging/build.py``. The floor is packaging/floor_app.py: the smallest PySide6 + pyqtgraph
window, so a ratio gdstudio / floor shows what gdstudio itself adds.

Start-up time is "to the first painted window": the program is started with
GDSTUDIO_STARTUP_PROBE=1 and prints ``first-paint ...`` from the first paint event of its main
window, then quits. The clock is this script's: from starting the process to reading that line,
so a onefile bundle's unpacking and the interpreter's own start are included. Qt draws offscreen
(QT_QPA_PLATFORM=offscreen) so that no display is needed. The programs are run in turn, round
after round (after one warm-up round), so that a busy moment of a shared machine hits all of
them alike; each figure is the median of the rounds, and the ratios are taken within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import build as builder  # noqa: E402 (packaging/build.py)
import smoke_test  # noqa: E402

GROUPS = [
    "qt-bindings",
    "qt-modules",
    "qt-plugins",
    "orphan-libs",
    "qt-translations",
    "pyqtgraph-extras",
    "tests",
    "stdlib",
    "strip",
]
MIB = 2**20


def build(work: Path, tag: str, **kw) -> Path:
    print(f"measure.py: building {tag} ...", flush=True)
    return builder.build(dist=work / "dist" / tag, work=work / "work" / tag, quiet=True, **kw)


def size_of(exe: Path, onefile: bool) -> dict:
    size, files = builder.tree_size(exe if onefile else exe.parent)
    return {"mib": round(size / MIB, 1), "files": files}


# --- sizes ------------------------------------------------------------------------------------


def measure_sizes(work: Path) -> dict:
    out = {}
    out["floor-defaults"] = size_of(build(work, "floor-defaults", floor=True, keep=["all"]), False)
    out["floor"] = size_of(build(work, "floor", floor=True), False)
    for group in GROUPS:
        exe = build(work, f"floor-keep-{group}", floor=True, keep=[group])
        out[f"floor-keep-{group}"] = size_of(exe, False)
    out["gdstudio-defaults"] = size_of(build(work, "gdstudio-defaults", keep=["all"]), False)
    out["gdstudio"] = size_of(build(work, "gdstudio"), False)
    out["floor-onefile"] = size_of(build(work, "floor", floor=True, onefile=True), True)
    out["gdstudio-onefile"] = size_of(build(work, "gdstudio", onefile=True), True)
    return out


def sizes_table(s: dict) -> str:
    floor, app = s["floor"], s["gdstudio"]
    lines = [
        "| bundle | size (MiB) | files |",
        "| --- | ---: | ---: |",
        f"| floor, PyInstaller defaults | {s['floor-defaults']['mib']} | {s['floor-defaults']['files']} |",
        f"| floor, gdstudio.spec (all exclusions) | {floor['mib']} | {floor['files']} |",
        f"| gdstudio, PyInstaller defaults | {s['gdstudio-defaults']['mib']} | {s['gdstudio-defaults']['files']} |",
        f"| **gdstudio onedir**, gdstudio.spec | **{app['mib']}** | {app['files']} |",
        f"| floor onefile | {s['floor-onefile']['mib']} | 1 |",
        f"| **gdstudio onefile** | **{s['gdstudio-onefile']['mib']}** | 1 |",
        "",
        f"gdstudio / floor (same exclusions): size {app['mib'] / floor['mib']:.3f}x, "
        f"files {app['files'] / floor['files']:.3f}x",
        "",
        "| exclusion group (left out of the floor build) | size without it (MiB) | it saves (MiB) | files saved |",
        "| --- | ---: | ---: | ---: |",
    ]
    for group in GROUPS:
        k = s[f"floor-keep-{group}"]
        lines.append(
            f"| {group} | {k['mib']} | {k['mib'] - floor['mib']:.1f} | {k['files'] - floor['files']} |"
        )
    return "\n".join(lines)


# --- start-up ---------------------------------------------------------------------------------


def time_to_first_paint(cmd: list[str], env: dict, cwd: Path, timeout: float = 120) -> tuple:
    """(seconds from start to the 'first-paint' line, the seconds the program printed)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    elapsed = reported = None
    try:
        for line in proc.stdout:
            if line.startswith("first-paint"):
                elapsed = time.perf_counter() - started
                reported = float(line.split()[1])
                break
            if time.perf_counter() - started > timeout:
                break
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if elapsed is None:
        raise RuntimeError(f"no 'first-paint' line from {' '.join(cmd)}")
    return elapsed, reported


def measure_startup(work: Path, rounds: int = 5) -> dict:
    exes = {
        "gdstudio onedir": build(work, "gdstudio"),
        "floor onedir": build(work, "floor", floor=True),
        "gdstudio onefile": build(work, "gdstudio", onefile=True),
        "floor onefile": build(work, "floor", floor=True, onefile=True),
    }
    home = Path(tempfile.mkdtemp(prefix="gdstudio-measure-"))
    bundle_env = smoke_test.minimal_env(home)
    bundle_env["GDSTUDIO_STARTUP_PROBE"] = "1"
    python_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GDSTUDIO_STARTUP_PROBE="1")
    programs = {name: ([str(exe)], bundle_env) for name, exe in exes.items()}
    programs["python -m gdstudio"] = ([sys.executable, "-m", "gdstudio"], python_env)
    programs["python floor_app.py"] = ([sys.executable, str(HERE / "floor_app.py")], python_env)

    times = {name: [] for name in programs}
    printed = {name: [] for name in programs}
    for r in range(rounds + 1):  # round 0 warms the file cache and is not counted
        for name, (cmd, env) in programs.items():
            elapsed, reported = time_to_first_paint(cmd, env, home)
            if r:
                times[name].append(elapsed)
                printed[name].append(reported)
        print(f"measure.py: start-up round {r}/{rounds} done", flush=True)
    return {
        name: {
            "median_s": round(statistics.median(times[name]), 3),
            "runs_s": [round(t, 3) for t in times[name]],
            "printed_median_s": round(statistics.median(printed[name]), 3),
        }
        for name in programs
    }


def startup_table(t: dict) -> str:
    def m(name):
        return t[name]["median_s"]

    lines = [
        "| program | to first paint, median of 5 (s) | the same for the floor (s) | ratio |",
        "| --- | ---: | ---: | ---: |",
    ]
    for app, floor in (
        ("gdstudio onedir", "floor onedir"),
        ("python -m gdstudio", "python floor_app.py"),
        ("gdstudio onefile", "floor onefile"),
    ):
        lines.append(f"| {app} | {m(app):.3f} | {m(floor):.3f} | {m(app) / m(floor):.2f}x |")
    lines += [
        "",
        f"onefile / onedir: gdstudio {m('gdstudio onefile') / m('gdstudio onedir'):.2f}x, "
        f"floor {m('floor onefile') / m('floor onedir'):.2f}x",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="measure.py", description=__doc__.split("\n")[0])
    p.add_argument("what", choices=["sizes", "startup", "all"])
    p.add_argument("--work", type=Path, default=ROOT / "build" / "measure")
    p.add_argument("--rounds", type=int, default=5)
    args = p.parse_args(argv)
    work = args.work.resolve()
    results_file = work / "results.json"
    try:
        results = json.loads(results_file.read_text())
    except (OSError, ValueError):
        results = {}
    results["machine"] = {
        "platform": sys.platform,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "when": time.strftime("%Y-%m-%d %H:%M"),
    }
    if args.what in ("sizes", "all"):
        results["sizes"] = measure_sizes(work)
        print("\n" + sizes_table(results["sizes"]) + "\n")
    if args.what in ("startup", "all"):
        results["startup"] = measure_startup(work, args.rounds)
        print("\n" + startup_table(results["startup"]) + "\n")
    work.mkdir(parents=True, exist_ok=True)
    results_file.write_text(json.dumps(results, indent=2))
    print(f"measure.py: results in {results_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
