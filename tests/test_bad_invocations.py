"""Robustness (issue 7): wrong invocations of gdstudio and gdstudio run, through the real
command. Each exits 2 with one line on stderr and no traceback, and writes no file."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

BAD = [
    ["--bogus"],
    ["--lang", "xx"],
    ["--lang"],
    ["--open"],
    ["missing-session.json"],
    ["--open", "missing-session.json"],
    ["a.json", "--open", "b.json"],
    ["run"],
    ["run", "nosuch"],
    ["run", "fit", "--lr", "-1"],
    ["run", "fit", "--lr", "nan"],
    ["run", "fit", "--lr", "inf", "--csv", "out.csv"],
    ["run", "fit", "--lr", "1e400", "--csv", "out.csv"],
    ["run", "fit", "--steps", "abc", "--csv", "out.csv"],
    ["run", "fit", "--steps", "-5"],
    ["run", "fit", "--steps", "1e9"],
    ["run", "fit", "--seed", "x"],
    ["run", "fit", "--momentum", "1.5"],
    ["run", "fit", "--model", "w*x^3", "--csv", "out.csv"],
    ["run", "fit", "--batch", "full", "--burst", "3"],
    ["run", "guess", "--secret", "500", "--csv", "out.csv"],
    ["run", "guess", "--low", "9", "--high", "3"],
    ["run", "guess", "--feedback", "loud"],
    ["run", "rifle", "--burst", "0", "--png", "out.png"],
    ["run", "rifle", "--spread", "nan"],
    ["run", "rifle", "--wind", "-inf"],
    ["run", "blackbox", "--x0", "1e999"],
    ["run", "fit", "--csv", "no-such-folder/out.csv"],
    ["run", "fit", "--png", "no-such-folder/out.png"],
    ["run", "fit", "--csv", "."],
    ["run", "fit", "--open", "missing-session.json"],
    ["run", "fit", "--open", "not-json.json"],
    ["run", "fit", "--csv", "same.out", "--png", "same.out"],
]


@pytest.mark.parametrize("args", BAD, ids=[" ".join(a) for a in BAD])
def test_wrong_invocations_exit_2_with_one_line_and_write_nothing(args, tmp_path):
    (tmp_path / "not-json.json").write_text("this is not json")
    before = sorted(os.listdir(tmp_path))
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(tmp_path)
    r = subprocess.run(
        [sys.executable, "-m", "gdstudio", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = [line for line in r.stderr.splitlines() if "propagateSizeHints" not in line]
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("gdstudio"), lines[0]
    assert "Traceback" not in r.stderr
    assert r.stdout == ""
    assert sorted(os.listdir(tmp_path)) == before
