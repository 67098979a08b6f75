"""``python -m tests.benchmarks``: run the benchmarks and print their figures.

    python -m tests.benchmarks                      # everything (a few minutes)
    python -m tests.benchmarks --quick              # shorter runs, fewer repeats
    python -m tests.benchmarks --only startup --repeats 9
    python -m tests.benchmarks --only run,responsiveness --sizes 100000 --parts rifle
    python -m tests.benchmarks --only engine --full # every scenario to a million steps
    python -m tests.benchmarks --only soak --parts rifle --soak-seconds 120  # memory, by hand

Each figure is a median over repeats, next to a baseline from the same run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

BENCHMARKS = ("startup", "run", "responsiveness", "engine", "soak")


def _names(text: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    for n in names:
        if n not in BENCHMARKS:
            raise argparse.ArgumentTypeError(
                f"unknown benchmark {n!r}; choose from {', '.join(BENCHMARKS)}"
            )
    return names


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(float(v)) for v in text.split(",") if v.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a list of step counts") from None
    if not sizes or any(not 1 <= n <= 10_000_000 for n in sizes):
        raise argparse.ArgumentTypeError("history sizes must be between 1 and 10,000,000")
    return sizes


def _bounded(convert, kind: str, name: str, low: float, high: float):
    """An argparse type: ``convert(text)`` within ``low`` .. ``high``, else a clear message."""

    def parse(text: str):
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {kind}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{name} must be between {low:g} and {high:g}")
        return value

    return parse


_repeats = _bounded(int, "a whole number", "repeats", 1, 100)
_seconds = _bounded(float, "a number of seconds", "seconds", 1, 3600)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m tests.benchmarks", description=__doc__.split("\n")[0]
    )
    p.add_argument(
        "--only",
        type=_names,
        default=BENCHMARKS,
        help=f"comma-separated benchmarks to run (default: all of {', '.join(BENCHMARKS)})",
    )
    p.add_argument(
        "--repeats", type=_repeats, default=None, help="repeats per figure (default 7 / 3)"
    )
    p.add_argument("--quick", action="store_true", help="shorter runs and fewer repeats")
    p.add_argument("--full", action="store_true", help="engine: every scenario to 1M steps")
    p.add_argument(
        "--sizes", type=_sizes, default=None, help="run mode: history sizes (default 10k,100k,1M)"
    )
    p.add_argument("--parts", default="", help="run mode and soak: scenario keys to limit to")
    p.add_argument(
        "--soak-seconds", type=_seconds, default=None, help="soak: seconds per part (default 20)"
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from tests.benchmarks import common

    started = time.perf_counter()
    common.print_machine(common.machine())
    print(f"command: python -m tests.benchmarks {' '.join(sys.argv[1:] if argv is None else argv)}")
    misses: list[str] = []
    parts = tuple(p.strip() for p in args.parts.split(",") if p.strip())
    if "startup" in args.only:
        from tests.benchmarks import startup

        r = startup.run(repeats=args.repeats or 7, quick=args.quick)
        if not r["ok"]:
            misses.append(f"start-up: {r['ratio']:.2f}x the floor")
    if "run" in args.only or "responsiveness" in args.only:
        from tests.benchmarks import window_run

        sizes = args.sizes or (
            (10_000, 100_000) if args.quick and args.sizes is None else window_run.SIZES
        )
        r = window_run.run(
            repeats=args.repeats or (2 if args.quick else 3),
            quick=args.quick,
            sizes=sizes,
            show_run="run" in args.only,
            show_responsiveness="responsiveness" in args.only,
            only_parts=parts,
        )
        misses += r["misses"]
    if "engine" in args.only:
        from tests.benchmarks import engine_speed

        r = engine_speed.run(
            repeats=args.repeats or (1 if args.quick else 3), quick=args.quick, full=args.full
        )
        misses += r["misses"]
    if "soak" in args.only:
        from tests.benchmarks import window_soak

        seconds = args.soak_seconds or (8.0 if args.quick else window_soak.SOAK_S)
        misses += window_soak.run(seconds=seconds, only_parts=parts)["misses"]
    print(f"\n== Summary ({time.perf_counter() - started:.0f} s) ==")
    if misses:
        print("missed targets:\n  " + "\n  ".join(misses))
    else:
        print("every target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
