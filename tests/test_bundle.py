"""The classroom bundle: built with one command from a clean copy of the tree, it starts with no
Python environment on the PATH (packaging/smoke_test.py). Slow (about a minute); skip it locally
with ``python -m pytest -m "not bundle"``. Windows and macOS bundles are checked by
.github/workflows/bundles.yml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# A minimal PySide6 + pyqtgraph onedir bundle is ~220 MiB with PyInstaller's defaults and
# ~160 MiB with packaging/gdstudio.spec's exclusions: this catches an exclusion that stopped working.
SIZE_BUDGET_MIB = 185

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(
        not sys.platform.startswith("linux"), reason="Linux bundle; CI builds others"
    ),
]


def clean_copy(dest: Path) -> Path:
    """The files git would commit (tracked, plus new ones not ignored): no build/, dist/, venvs."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.split(b"\0")
        files = [Path(os.fsdecode(f)) for f in listed if f]
    except (OSError, subprocess.CalledProcessError):  # not a git checkout: copy the source folders
        files = [
            p.relative_to(ROOT)
            for top in ("gdstudio", "resources", "packaging")
            for p in (ROOT / top).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        ]
    for rel in files:
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


def test_bundle_builds_from_a_clean_tree_and_starts_without_python(tmp_path):
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail('PyInstaller is missing: pip install -e ".[test]" installs it')
    src = clean_copy(tmp_path / "src")
    dist, work = tmp_path / "dist", tmp_path / "work"

    build = subprocess.run(
        [sys.executable, "packaging/build.py", "--dist", str(dist), "--work", str(work)],
        cwd=src,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    exe = dist / "gdstudio" / "gdstudio"
    assert exe.is_file() and os.access(exe, os.X_OK)

    # the test's own Python is not used: smoke_test.py gives the bundle a minimal environment
    smoke = subprocess.run(
        [sys.executable, str(src / "packaging" / "smoke_test.py"), str(exe)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "all checks passed" in smoke.stdout

    internal = exe.parent / "_internal"
    resources = internal / "gdstudio" / "resources"
    assert (resources / "gdstudio.png").is_file(), "the window icon was not bundled"
    import numpy

    wheel_libs = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    for lib in wheel_libs.glob("*"):
        # strip corrupts numpy's OpenBLAS: the bundle must hold these exactly as the wheel has them
        bundled = internal / "numpy.libs" / lib.name
        assert bundled.read_bytes() == lib.read_bytes(), f"{lib.name} was modified"

    dangling = [p for p in exe.parent.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling, f"links to files that were left out: {dangling[:5]}"

    size = sum(
        os.lstat(os.path.join(folder, name)).st_size
        for folder, _dirs, names in os.walk(exe.parent)
        for name in names
    )
    assert size / 2**20 < SIZE_BUDGET_MIB, f"bundle grew to {size / 2**20:.0f} MiB"
