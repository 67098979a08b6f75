"""Engine: headless steps per second per scenario, and peak memory of 1k against 1M steps.

- ``gdstudio run SCENARIO --no-stop --steps N`` in a subprocess (``python -m gdstudio``): wall
  time, and the net rate once the start-up of a one-step run is taken off;
- ``Trainer.run`` in this process (stop rules off), as the views' runner would drive it;
- peak resident memory (``ru_maxrss`` of the run, read by a small launcher process) of a run of
  1k steps against one of 1M steps. Target: 1M steps within 50 MB more than 1k steps.

A million steps take a minute or more per scenario, so by default only the fastest scenario
runs to 1M (``--full`` runs all four); ``--quick`` compares 1k with 100k steps instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.benchmarks.common import REPO, median, spread, table, verdict

MEMORY_TARGET_MB = 50.0
KEYS = ("guess", "blackbox", "fit", "rifle")


# Runs the command given as its arguments and prints the child's peak RSS (KiB) as its last
# line. A launcher is needed: a child forked straight from this (large) process would report this
# process's size, since Linux carries the high-water mark of the forked copy across exec.
_LAUNCHER = (
    "import resource, subprocess, sys; "
    "code = subprocess.call(sys.argv[1:]); "
    "print('maxrss', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, flush=True); "
    "sys.exit(code)"
)


def _gdstudio_run(key: str, steps: int) -> list[str]:
    return [sys.executable, "-m", "gdstudio", "run", key, "--no-stop", "--steps", str(steps)]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    return env


def run_child(key: str, steps: int) -> tuple[float, str]:
    """(wall seconds, summary line) of ``gdstudio run KEY --no-stop --steps N``."""
    cmd = _gdstudio_run(key, steps)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=REPO, env=_env(), capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}")
    return wall, done.stdout.strip()


def peak_memory(key: str, steps: int) -> tuple[float, float, str]:
    """(peak RSS in MB of 10**6 bytes, wall seconds, summary line), through the launcher."""
    cmd = [sys.executable, "-c", _LAUNCHER, *_gdstudio_run(key, steps)]
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=REPO, env=_env(), capture_output=True, text=True)
    wall = time.perf_counter() - start
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines or not lines[-1].startswith("maxrss "):
        raise RuntimeError(f"{' '.join(cmd[3:])} failed ({done.returncode}): {done.stderr.strip()}")
    kib = int(lines[-1].split()[1])  # ru_maxrss is in KiB on Linux
    return kib * 1024 / 1e6, wall, "\n".join(lines[:-1])  # MB = 10**6 bytes


def in_process_speed(key: str, steps: int) -> float:
    from gdstudio.engine import Trainer
    from gdstudio.scenarios import BY_KEY

    t = Trainer(BY_KEY[key].factory(), stop_rules=False, max_steps=10**9)
    t.run(100)
    start = time.perf_counter()
    t.run(steps)
    return steps / (time.perf_counter() - start)


def speeds(repeats: int, quick: bool) -> list[dict]:
    steps = 5_000 if quick else 20_000
    rows = []
    for key in KEYS:
        walls, ones, inproc = [], [], []
        for _ in range(repeats):
            ones.append(run_child(key, 1)[0])
            walls.append(run_child(key, steps)[0])
            inproc.append(in_process_speed(key, steps))
        wall, one = median(walls), median(ones)
        rows.append(
            {
                "key": key,
                "steps": steps,
                "wall": wall,
                "start": one,
                "cli": steps / wall,
                "cli_net": (steps - 1) / max(wall - one, 1e-9),
                "inproc": median(inproc),
                "inproc_spread": spread(inproc),
            }
        )
    return rows


def memory(quick: bool, full: bool) -> list[dict]:
    big = 100_000 if quick else 1_000_000
    keys = KEYS if full else ("guess",)
    rows = []
    for key in keys:
        small_rss = peak_memory(key, 1_000)[0]
        big_rss, wall, line = peak_memory(key, big)
        rows.append(
            {
                "key": key,
                "small": small_rss,
                "big": big_rss,
                "steps": big,
                "wall": wall,
                "line": line,
            }
        )
    return rows


def run(repeats: int = 3, quick: bool = False, full: bool = False) -> dict:
    repeats = max(1, repeats)
    print(f"\n== Engine: headless steps per second (median of {repeats}) ==")
    rows = speeds(repeats, quick)
    print(
        table(
            [
                "scenario",
                "steps",
                "gdstudio run s",
                "1-step run s",
                "cli steps/s",
                "net steps/s",
                "Trainer.run steps/s",
                "min..max",
            ],
            [
                [
                    r["key"],
                    r["steps"],
                    r["wall"],
                    r["start"],
                    r["cli"],
                    r["cli_net"],
                    r["inproc"],
                    r["inproc_spread"],
                ]
                for r in rows
            ],
        )
    )
    mem = memory(quick, full)
    big = mem[0]["steps"]
    print(f"\n== Engine: peak memory (ru_maxrss of gdstudio run), 1,000 against {big:,} steps ==")
    limit = MEMORY_TARGET_MB * big / 1_000_000
    mrows, misses = [], []
    for m in mem:
        extra = m["big"] - m["small"]
        ok = extra <= limit
        if not ok:
            misses.append(f"{m['key']}: {extra:.1f} MB more at {big:,} steps")
        mrows.append(
            [m["key"], m["small"], m["big"], extra, f"<={limit:.0f} {verdict(ok)}", m["wall"]]
        )
    print(table(["scenario", "1k MB", f"{big:,} MB", "extra MB", "target", "run s"], mrows))
    if not full:
        print("(--full measures every scenario at this size; the others are slower)")
    return {"speeds": rows, "memory": mem, "misses": misses}


if __name__ == "__main__":
    run()
