"""Check that a built bundle starts and works, with no Python environment to lean on.

    python packaging/smoke_test.py                      # dist/gdstudio/gdstudio(.exe)
    python packaging/smoke_test.py PATH/TO/EXECUTABLE   # another build (onefile, macOS .app ...)
    python packaging/smoke_test.py --floor PATH         # the floor app (it has only --self-test)

Each check runs the executable in a minimal environment: PATH holds only the system folders, and
no PYTHONPATH, PYTHONHOME, VIRTUAL_ENV or the like is set, so the bundle must bring its own Python,
Qt and numpy. Qt draws offscreen (QT_QPA_PLATFORM=offscreen), so no display is needed. Settings go
to a throw-away home folder. Exit code 0 when every check passed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IS_WIN = sys.platform == "win32"
DEFAULT_EXE = ROOT / "dist" / "gdstudio" / ("gdstudio.exe" if IS_WIN else "gdstudio")
TIMEOUT = 180  # seconds for one run; a onefile bundle unpacks itself first


def minimal_env(home: Path) -> dict[str, str]:
    """The environment of a freshly logged-in user: system PATH only, no Python variables."""
    if IS_WIN:
        windir = os.environ.get("SYSTEMROOT", r"C:\Windows")
        env = {
            "PATH": rf"{windir}\System32;{windir}",
            "SYSTEMROOT": windir,
            "WINDIR": windir,
            "SYSTEMDRIVE": os.environ.get("SYSTEMDRIVE", "C:"),
            "USERPROFILE": str(home),
            "APPDATA": str(home / "AppData" / "Roaming"),
            "LOCALAPPDATA": str(home / "AppData" / "Local"),
            "TEMP": str(home / "Temp"),
            "TMP": str(home / "Temp"),
        }
        for name in ("APPDATA", "LOCALAPPDATA", "TEMP"):
            Path(env[name]).mkdir(parents=True, exist_ok=True)
    else:
        runtime = home / "run"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(runtime),
            "LANG": "C.UTF-8",
            "TMPDIR": str(home),
        }
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run(exe: Path, args: list[str], env: dict[str, str]) -> tuple[int, str, str, float]:
    started = time.monotonic()
    try:
        done = subprocess.run(
            [str(exe), *args],
            env=env,
            cwd=env.get("HOME") or env.get("USERPROFILE"),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else e.stdout or ""
        return -1, out, f"timed out after {TIMEOUT} s", time.monotonic() - started
    return done.returncode, done.stdout, done.stderr, time.monotonic() - started


def checks(floor: bool) -> list[tuple[list[str], str]]:
    """(arguments, text stdout must contain) for each run."""
    if floor:
        return [(["--self-test"], "self-test ok")]
    return [
        (["--version"], "gdstudio "),
        (["run", "fit", "--steps", "50"], "w=0.6"),
        (["--self-test"], "self-test ok"),
        (["--lang", "zh_CN", "--self-test"], "self-test ok"),
    ]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="smoke_test.py", description=__doc__.split("\n")[0])
    p.add_argument("executable", nargs="?", type=Path, default=DEFAULT_EXE)
    p.add_argument("--floor", action="store_true", help="the floor app: --self-test only")
    args = p.parse_args(argv)
    exe = args.executable.resolve()
    if not exe.is_file():
        print(f"smoke_test.py: no bundle at {exe}; build it with: python packaging/build.py")
        return 1
    failures = 0
    with tempfile.TemporaryDirectory(prefix="gdstudio-smoke-") as tmp:
        env = minimal_env(Path(tmp))
        for cmd, expected in checks(args.floor):
            code, out, err, seconds = run(exe, cmd, env)
            # A windowed Windows program may get no stdout; then its exit code has to do.
            silent_ok = IS_WIN and not out.strip()
            ok = code == 0 and (expected in out or silent_ok)
            label = " ".join(cmd)
            print(f"{'ok  ' if ok else 'FAIL'} {exe.name} {label}  ({seconds:.1f} s, exit {code})")
            if not ok:
                failures += 1
                print(f"---- stdout\n{out.rstrip()}\n---- stderr\n{err.rstrip()}\n----")
    print(
        f"smoke_test.py: {'all checks passed' if not failures else f'{failures} check(s) failed'}"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
