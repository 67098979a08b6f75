"""Where one frame of a run goes, for one part at one history size (a tool for fixing misses).

    python -m tests.benchmarks.frame_profile fit 10000
    python -m tests.benchmarks.frame_profile rifle 100000 --profile tottime [--steps 65]

Prints the benchmark's cost breakdown for that part (window_run.breakdown: CPU milliseconds,
lower quartile of repeated calls, of a running frame and of one that also rewrites the words,
of the drawing after as many steps as a fast run takes between two refreshes, of each part of
a page refresh and of a repaint of each widget); with ``--profile`` also the top of a cProfile
of 100 such drawings (the steps between them not profiled), sorted by ``cumulative`` or
``tottime``. ``--steps``: the steps between two refreshes (default: what 10 ms of headless
stepping does here).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from tests.benchmarks.window_run import (  # noqa: E402
    STEPPING_PER_REFRESH_S as STEPPING,
)
from tests.benchmarks.window_run import (  # noqa: E402
    _settle,
    breakdown,
    headless_speed,
    make_window,
    marked_running,
    parts,
    prefill,
)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.benchmarks.frame_profile")
    p.add_argument("part", choices=("guess", "blackbox", "fit", "rifle"))
    p.add_argument("size", type=int, nargs="?", default=10_000)
    p.add_argument("--profile", choices=("cumulative", "tottime"))
    p.add_argument("--lines", type=int, default=40)
    p.add_argument("--steps", type=int, help="steps between two refreshes")
    args = p.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from gdstudio.engine import Trainer

    window = make_window(tempfile.mkdtemp(prefix="gdprofile-"))
    found = [(ti, page, pi) for ti, page, pi, key in parts(window) if key == args.part]
    ti, page, pi = found[0]
    window.tabs.setCurrentIndex(ti)
    page.select_part(pi)
    old = page.trainer
    trainer = Trainer(old.model, lr=old.lr, seed=old.seed, stop_rules=False, max_steps=10**9)
    prefill(trainer, args.size)
    page.use_trainer(page.view, trainer)
    _settle()
    steps = args.steps or max(1, round(headless_speed(old.model, old.lr, 0.5) * STEPPING))
    print(
        f"{args.part}, {args.size:,} steps, {steps} steps between refreshes: "
        "CPU ms per call (lower quartile)"
    )
    for name, ms in breakdown(page, steps).items():
        print(f"  {name:>20}  {ms:7.2f}")
    if args.profile:
        with marked_running(page):
            prof = cProfile.Profile()
            for _ in range(100):
                trainer.run(steps)
                prof.enable()
                page.refresh()
                QApplication.processEvents()
                prof.disable()
        pstats.Stats(prof, stream=sys.stdout).sort_stats(args.profile).print_stats(args.lines)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
