"""Headless runs: ``gdstudio run SCENARIO [options]`` trains without a window (and without Qt).

``--open FILE`` continues the first tab of SCENARIO in a saved session; --steps, --lr,
--tolerance, --no-stop and --csv apply on top, while --seed, --momentum and the scenario's
settings belong to the saved run and are refused with it. Every wrong argument (and every
unreadable session) ends in one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from typing import NoReturn

from gdstudio.engine import Trainer
from gdstudio.scenarios import BY_KEY, create
from gdstudio.scenarios.black_box import BATCH_MODES, FAMILIES
from gdstudio.scenarios.guess_number import FEEDBACK_MODES
from gdstudio.session_file import SessionError, find_tab, load_session

EXIT_USAGE = 2
MAX_STEPS = 100_000_000


class UsageError(Exception):
    """A wrong argument: reported as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            raise UsageError(message.strip())
        raise SystemExit(status)


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


def _positive(text: str) -> float:
    value = _number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be greater than 0")
    return value


def _non_negative(text: str) -> float:
    value = _number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must not be negative")
    return value


def _momentum(text: str) -> float:
    value = _number(text)
    if not 0 <= value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 0 and below 1")
    return value


def _integer(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text!r} must be between {low} and {high}")
        return value

    return parse


# option -> the scenarios it applies to
_SCENARIO_OPTIONS = {
    "secret": "guess",
    "low": "guess",
    "high": "guess",
    "feedback": "guess",
    "first_guess": "guess",
    "x0": "blackbox",
    "target": "blackbox",
    "model": "fit",
    "batch": "fit",
    "w0": "fit",
    "burst": "rifle",
    "wind": "rifle",
    "wind_direction": "rifle",
    "spread": "rifle",
}


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="gdstudio run", description="Train one scenario without a window.")
    p.add_argument("scenario", help=f"one of: {', '.join(BY_KEY)}")
    p.add_argument("--steps", type=_integer(1, MAX_STEPS), help="step limit")
    p.add_argument("--open", dest="open_file", metavar="FILE", help="continue a saved session")
    p.add_argument("--seed", type=_integer(0, 2**63 - 1))
    p.add_argument("--lr", type=_positive, help="learning rate")
    p.add_argument("--momentum", type=_momentum)
    p.add_argument("--tolerance", type=_positive, help="stop when the loss is below this")
    p.add_argument("--no-stop", action="store_true", help="run exactly --steps steps")
    p.add_argument("--csv", metavar="PATH", help="write the whole history as CSV")
    p.add_argument("--png", metavar="PATH", help="render the scenario's tab after the run as PNG")
    g = p.add_argument_group("guess")
    g.add_argument("--secret", type=_integer(-(10**9), 10**9))
    g.add_argument("--low", type=_integer(-(10**9), 10**9))
    g.add_argument("--high", type=_integer(-(10**9), 10**9))
    g.add_argument("--first-guess", type=_integer(-(10**9), 10**9))
    g.add_argument("--feedback", choices=FEEDBACK_MODES)
    b = p.add_argument_group("blackbox")
    b.add_argument("--x0", type=_number)
    b.add_argument("--target", type=_number)
    f = p.add_argument_group("fit")
    f.add_argument("--model", choices=tuple(FAMILIES))
    f.add_argument("--batch", choices=BATCH_MODES)
    f.add_argument("--w0", type=_number)
    r = p.add_argument_group("rifle")
    r.add_argument("--burst", type=_integer(1, 10))
    r.add_argument("--wind", type=_non_negative)
    r.add_argument("--wind-direction", type=_number)
    r.add_argument("--spread", type=_non_negative)
    return p


def _settings(args: argparse.Namespace) -> dict:
    renames = {"model": "family", "first_guess": "first_guess"}
    out = {}
    for option, scenario in _SCENARIO_OPTIONS.items():
        value = getattr(args, option)
        if value is None:
            continue
        if scenario != args.scenario:
            flag = "--" + option.replace("_", "-")
            raise UsageError(f"{flag} applies to the {scenario} scenario, not to {args.scenario}")
        out[renames.get(option, option)] = value
    return out


def _check_writable(path: str) -> None:
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if os.path.isdir(path):
        raise UsageError(f"cannot write {path}: it is a folder")
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"cannot write {path}: the folder {folder} is not writable")


def replace_atomically(path, save) -> None:
    """``save(tmp)`` writes a temporary file beside ``path``; then it replaces ``path``.

    A failure (an exception, or ``save`` returning False or writing nothing) removes the
    temporary file and leaves whatever was at ``path`` untouched: never a partial file.
    """
    folder = os.path.dirname(os.path.abspath(path))
    suffix = os.path.splitext(str(path))[1] or ".tmp"
    fd, tmp = tempfile.mkstemp(prefix=".gdstudio-", suffix=suffix, dir=folder)
    os.close(fd)
    try:
        if save(tmp) is False or os.path.getsize(tmp) == 0:
            raise OSError(f"could not write {path}")
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_atomically(path: str, write) -> None:
    """Write text through ``write(file)`` into a temporary file, then replace ``path``."""

    def save(tmp: str) -> None:
        with open(tmp, "w", newline="", encoding="utf-8") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())

    replace_atomically(path, save)


def make_trainer(args: argparse.Namespace) -> Trainer:
    if args.scenario not in BY_KEY:
        raise UsageError(f"unknown scenario {args.scenario!r}; choose one of: {', '.join(BY_KEY)}")
    if args.open_file is not None:
        return open_trainer(args)
    if args.no_stop and args.steps is None:
        raise UsageError("--no-stop needs --steps N")
    try:
        model = create(args.scenario, **_settings(args))
        return Trainer(
            model,
            lr=args.lr,
            momentum=args.momentum or 0.0,
            seed=args.seed or 0,
            tolerance=args.tolerance,
            max_steps=args.steps,
            stop_rules=not args.no_stop,
        )
    except ValueError as e:
        raise UsageError(str(e)) from None


def open_trainer(args: argparse.Namespace) -> Trainer:
    """The first SCENARIO tab of the session ``--open`` names, with the run options on top."""
    given = [f for f, v in (("--seed", args.seed), ("--momentum", args.momentum)) if v is not None]
    given += ["--" + o.replace("_", "-") for o in _SCENARIO_OPTIONS if getattr(args, o) is not None]
    if given:
        raise UsageError(f"{given[0]} cannot be used with --open: the saved run keeps its own")
    try:
        session = load_session(args.open_file)
    except SessionError as e:
        raise UsageError(" ".join(str(e).split())) from None
    found = find_tab(session, args.scenario)
    if found is None:
        held = sorted({tab["scenario"] for tab in session["tabs"].values()})
        raise UsageError(
            f"{args.open_file} has no {args.scenario} tab "
            f"(it holds: {', '.join(held) if held else 'no tabs'})"
        )
    trainer = found[1]["trainer_obj"]
    if args.no_stop:
        trainer.stop_rules = False
    if args.tolerance is not None:
        trainer.tolerance = args.tolerance
    if args.steps is not None:
        trainer.set_max_steps(args.steps)
    if args.lr is not None:
        trainer.lr = args.lr
    return trainer


def _format(value: float) -> str:
    return f"{value:.6g}"


def summary_line(trainer: Trainer) -> str:
    s = trainer.summary()
    params = " ".join(f"{k}={_format(v)}" for k, v in s["params"].items())
    loss = "n/a" if s["loss"] is None else _format(s["loss"])
    return f"{s['scenario']}: {s['steps']} steps, {s['stop']}, {params}, loss={loss}"


def train(trainer: Trainer, progress: bool) -> None:
    if not progress:
        trainer.run()
        return
    last = time.monotonic()
    while not trainer.done:
        trainer.run(1000)
        now = time.monotonic()
        if now - last > 0.2:
            last = now
            row = trainer.history.last()
            loss = "" if row is None else f" loss {row['loss']:.6g}"
            print(f"\rstep {trainer.step_count}{loss}   ", end="", file=sys.stderr, flush=True)
    print("\r" + " " * 40 + "\r", end="", file=sys.stderr, flush=True)


def run_main(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
        trainer = make_trainer(args)
        for path in (args.csv, args.png):
            if path:
                _check_writable(path)
        if args.csv and args.png and os.path.abspath(args.csv) == os.path.abspath(args.png):
            raise UsageError("--csv and --png need two different files")
    except UsageError as e:
        print(f"gdstudio run: {e}", file=sys.stderr)
        return EXIT_USAGE
    try:
        train(trainer, progress=sys.stderr.isatty())
    except KeyboardInterrupt:
        print("gdstudio run: interrupted", file=sys.stderr)
        return 130
    if args.csv:
        try:
            write_atomically(args.csv, trainer.history.write_csv)
        except OSError as e:
            print(f"gdstudio run: cannot write {args.csv}: {e.strerror or e}", file=sys.stderr)
            return EXIT_USAGE
    if args.png:
        try:
            from gdstudio.qt.render import render_png  # Qt only when a picture is asked for

            render_png(trainer, args.png)
        except ImportError as e:
            print(f"gdstudio run: --png needs Qt, which cannot load here: {e}", file=sys.stderr)
            return EXIT_USAGE
        except OSError as e:
            print(f"gdstudio run: cannot write {args.png}: {e.strerror or e}", file=sys.stderr)
            return EXIT_USAGE
    print(summary_line(trainer))
    return 0
