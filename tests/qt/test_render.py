"""``gdstudio run ... --png``: a picture of the tab after a headless run, without a display."""

import os
import subprocess
import sys


def test_run_png_renders_the_tab_without_a_display(tmp_path):
    out = tmp_path / "slide.png"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["HOME"] = str(tmp_path)
    r = subprocess.run(
        [sys.executable, "-m", "gdstudio", "run", "fit", "--model", "w*x", "--png", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("fit: ") and "converged" in r.stdout
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    assert (width, height) == (1600, 1000)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["slide.png"]


def test_run_png_to_a_missing_folder_fails_before_the_run(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "gdstudio", "run", "rifle", "--png", str(tmp_path / "no" / "x.png")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
