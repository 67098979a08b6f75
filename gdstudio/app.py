"""Composition root: read the command line, then open the window or run headless.

Qt is imported only on the window's path, so ``gdstudio run`` works on machines without it.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from gdstudio import __version__

EXIT_USAGE = 2
LANGUAGES = ("en", "zh_CN")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        print(f"gdstudio: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="gdstudio",
        description="Gradient Descent Studio. 'gdstudio run SCENARIO --help' trains without a window.",
    )
    p.add_argument("file", nargs="?", help="a saved session to open")
    p.add_argument("--open", dest="open_file", metavar="FILE", help="a saved session to open")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the window")
    p.add_argument(
        "--self-test", action="store_true", help="build the window offscreen and check it"
    )
    p.add_argument("--reset-settings", action="store_true", help="forget remembered settings")
    p.add_argument("--version", action="version", version=f"gdstudio {__version__}")
    return p


def has_display(environ=os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt can open a window here (or was told to draw offscreen)."""
    if environ.get("QT_QPA_PLATFORM"):
        return True
    if not platform.startswith("linux"):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "run":
        from gdstudio.cli import run_main

        return run_main(argv[1:])
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    if args.file and args.open_file:
        print("gdstudio: give the session either as FILE or with --open, not both", file=sys.stderr)
        return EXIT_USAGE
    session_file = args.file or args.open_file
    if session_file and not os.path.isfile(session_file):
        print(f"gdstudio: no session file at {session_file}", file=sys.stderr)
        return EXIT_USAGE
    if session_file and not os.access(session_file, os.R_OK):
        print(f"gdstudio: cannot read {session_file}", file=sys.stderr)
        return EXIT_USAGE
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not has_display():
        print(
            "gdstudio: no desktop session found (DISPLAY is not set): the window needs one. "
            "Use 'gdstudio run SCENARIO' to train without a window, "
            "or set QT_QPA_PLATFORM=offscreen to draw off screen.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from gdstudio.qt.application import run_window

    return run_window(args)
