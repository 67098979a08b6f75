"""Build gdstudio's classroom bundle for the computer this runs on.

    python packaging/build.py              # the folder bundle: dist/gdstudio/gdstudio(.exe)
    python packaging/build.py --onefile    # one file instead: dist/onefile/gdstudio(.exe)
    python packaging/build.py --smoke      # ... and check that it starts (packaging/smoke_test.py)

Options for measuring (packaging/measure.py uses them): --floor bundles packaging/floor_app.py
instead, --keep GROUP leaves one exclusion group of packaging/gdstudio.spec out, --dist and
--work choose the output and scratch folders, --name renames the executable.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "gdstudio.spec"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def executable(dist: Path, name: str, onefile: bool) -> Path:
    """Where the built program is."""
    return dist / f"{name}{EXE_SUFFIX}" if onefile else dist / name / f"{name}{EXE_SUFFIX}"


def tree_size(path: Path) -> tuple[int, int]:
    """Bytes and number of files under path (a file counts as itself); links are not followed."""
    if path.is_file():
        return path.stat().st_size, 1
    total = count = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            st = os.lstat(os.path.join(folder, name))
            total += st.st_size
            count += 1
    return total, count


def build(
    *,
    onefile: bool = False,
    floor: bool = False,
    keep: list[str] | None = None,
    dist: Path | None = None,
    work: Path | None = None,
    name: str | None = None,
    clean: bool = False,
    quiet: bool = False,
) -> Path:
    """Run PyInstaller on the spec; return the path of the built executable."""
    name = name or ("floor" if floor else "gdstudio")
    dist = Path(dist or ROOT / "dist")
    if onefile:
        dist = dist / "onefile"
    work = Path(work or ROOT / "build" / "pyinstaller") / (
        f"{name}-{'onefile' if onefile else 'onedir'}"
    )
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    if clean:
        cmd.append("--clean")
    cmd += [str(SPEC), "--", "--name", name]
    if onefile:
        cmd.append("--onefile")
    if floor:
        cmd.append("--floor")
    for group in keep or []:
        cmd += ["--keep", group]
    if not quiet:
        print("+ " + " ".join(cmd), flush=True)
    started = time.monotonic()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=quiet, text=True)
    if done.returncode != 0:
        if quiet:
            sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"build.py: PyInstaller failed (exit code {done.returncode})")
    exe = executable(dist, name, onefile)
    if not exe.exists():
        raise SystemExit(f"build.py: PyInstaller finished but {exe} is missing")
    if not quiet:
        size, files = tree_size(exe if onefile else exe.parent)
        print(
            f"build.py: built {exe} in {time.monotonic() - started:.0f} s: "
            f"{size / 2**20:.1f} MiB in {files} files"
        )
    return exe


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="build.py", description=__doc__.split("\n")[0])
    p.add_argument("--onefile", action="store_true", help="one executable file instead of a folder")
    p.add_argument("--smoke", action="store_true", help="run the smoke test on the result")
    p.add_argument("--floor", action="store_true", help="bundle packaging/floor_app.py instead")
    p.add_argument("--keep", action="append", default=[], metavar="GROUP")
    p.add_argument("--dist", type=Path, help="output folder (default: dist/)")
    p.add_argument("--work", type=Path, help="scratch folder (default: build/pyinstaller/)")
    p.add_argument("--name", help="name of the executable")
    p.add_argument("--clean", action="store_true", help="empty PyInstaller's caches first")
    args = p.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print(
            "build.py: PyInstaller is not installed here. Install it with\n"
            f"    {sys.executable} -m pip install pyinstaller\nand run this again.",
            file=sys.stderr,
        )
        return 1
    exe = build(
        onefile=args.onefile,
        floor=args.floor,
        keep=args.keep,
        dist=args.dist,
        work=args.work,
        name=args.name,
        clean=args.clean,
    )
    if args.smoke:
        sys.path.insert(0, str(HERE))
        import smoke_test

        return smoke_test.main([str(exe)] + (["--floor"] if args.floor else []))
    return 0


if __name__ == "__main__":
    sys.exit(main())
