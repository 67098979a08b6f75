"""Where one frame of a run goes, for one part at one history size (a tool for fixing misses).

    python -m tests.benchmarks.frame_profile fit 10000
    python -m tests.benchmarks.frame_profile rifle 100000 --profile tottime

Prints the CPU milliseconds (lower quartile of repeated calls) of a whole frame while running
(one step, the page refresh and the paints it causes), of a frame that also rewrites the words
(the lesson, table and status: a few times a second while running), of the page refresh, of the view's own
refresh, and of a repaint of each plot and of the view; with ``--profile`` also the top of a
cProfile of 100 frames, sorted by ``cumulative`` or ``tottime``. The page's runner is marked
running, so the refresh skips the words as it does in a fast run (see ScenarioPage.refresh).
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
    _repaint,
    _settle,
    _time_call,
    _view_painters,
    make_window,
    parts,
    prefill,
)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.benchmarks.frame_profile")
    p.add_argument("part", choices=("guess", "blackbox", "fit", "rifle"))
    p.add_argument("size", type=int, nargs="?", default=10_000)
    p.add_argument("--profile", choices=("cumulative", "tottime"))
    p.add_argument("--lines", type=int, default=40)
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
    page.runner._timer.setInterval(10**6)  # "running" for the refresh, but no ticks of its own
    page.runner._timer.start()
    view = page.view

    def frame() -> None:
        trainer.step()
        page.refresh()
        QApplication.processEvents()

    def refresh_with_words() -> None:
        page._words_at = 0.0  # as if the last words were long ago: this refresh writes them
        trainer.step()
        page.refresh()
        QApplication.processEvents()

    rows = {
        "frame": frame,
        "frame with words": refresh_with_words,
        "page refresh": page.refresh,
        "view refresh": lambda: view.refresh(trainer),
        "paint loss plot": _repaint(page.loss_plot),
        "paint gradient plot": _repaint(page.gradient_plot),
        "paint view": lambda: [w() for w in _view_painters(view)],
        "paint window": page.window().repaint,
    }
    print(f"{args.part}, {args.size:,} steps: CPU ms per call (lower quartile)")
    for name, fn in rows.items():
        print(f"  {name:>20}  {_time_call(fn, 25):7.2f}")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(100):
            frame()
        prof.disable()
        pstats.Stats(prof, stream=sys.stdout).sort_stats(args.profile).print_stats(args.lines)
    page.runner._timer.stop()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
