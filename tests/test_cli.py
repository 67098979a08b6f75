import csv
import os
import subprocess
import sys

import pytest

from gdstudio.cli import run_main


def run_cli(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "gdstudio", "run", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_fit_writes_the_whole_history_as_csv(tmp_path, capsys):
    out = tmp_path / "out.csv"
    assert run_main(["fit", "--csv", str(out)]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("fit: ") and "plateau" in line and "w=0.633" in line
    rows = list(csv.reader(out.open()))
    assert rows[0] == ["step", "loss", "w", "grad_w"]
    assert rows[1][0] == "0" and float(rows[1][2]) == 1.0
    assert [int(r[0]) for r in rows[1:]] == list(range(len(rows) - 1))


@pytest.mark.parametrize(
    "args, header",
    [
        (["guess", "--secret", "44"], ["step", "loss", "guess", "grad_guess"]),
        (["blackbox"], ["step", "loss", "x", "output", "grad_x"]),
        (["fit", "--model", "w*x+b"], ["step", "loss", "w", "b", "grad_w", "grad_b"]),
        (["fit", "--model", "w*x+v*x^2"], ["step", "loss", "w", "v", "grad_w", "grad_v"]),
        (["rifle"], ["step", "loss", "aim_x", "aim_y", "distance", "grad_aim_x", "grad_aim_y"]),
    ],
)
def test_csv_columns_per_scenario(tmp_path, args, header):
    out = tmp_path / "h.csv"
    assert run_main([*args, "--csv", str(out)]) == 0
    assert next(csv.reader(out.open())) == header


def test_options_reach_the_model(capsys):
    assert (
        run_main(["guess", "--secret", "17", "--feedback", "exact", "--low", "1", "--high", "20"])
        == 0
    )
    assert "guess=17" in capsys.readouterr().out
    assert run_main(["rifle", "--burst", "5", "--spread", "0", "--wind", "0", "--seed", "3"]) == 0
    assert "converged" in capsys.readouterr().out
    assert run_main(["blackbox", "--x0", "0", "--target", "4", "--lr", "0.02"]) == 0
    assert "converged, x=1.5" in capsys.readouterr().out


def test_no_stop_runs_exactly_the_steps(tmp_path):
    out = tmp_path / "n.csv"
    assert (
        run_main(["fit", "--model", "w*x", "--steps", "300", "--no-stop", "--csv", str(out)]) == 0
    )
    assert len(out.read_text().splitlines()) == 302


def test_diverging_run_is_a_result_not_an_error(capsys):
    assert run_main(["blackbox", "--lr", "5"]) == 0
    assert "diverged" in capsys.readouterr().out


BAD = [
    ["nosuch"],
    ["fit", "--lr", "-1"],
    ["fit", "--lr", "nan"],
    ["fit", "--lr", "inf"],
    ["fit", "--lr", "0"],
    ["fit", "--steps", "abc"],
    ["fit", "--steps", "0"],
    ["fit", "--model", "w*x^3"],
    ["fit", "--batch", "7"],
    ["fit", "--secret", "3"],
    ["guess", "--secret", "99"],
    ["guess", "--low", "10", "--high", "5"],
    ["guess", "--momentum", "0.5"],
    ["guess", "--feedback", "loud"],
    ["rifle", "--burst", "0"],
    ["rifle", "--burst", "11"],
    ["rifle", "--spread", "-1"],
    ["rifle", "--momentum", "1"],
    ["blackbox", "--x0", "nan"],
    ["fit", "--no-stop"],
    ["fit", "--seed", "-3"],
    ["fit", "--csv", "/nonexistent-folder/out.csv"],
    [],
    ["fit", "--unknown-flag"],
]


@pytest.mark.parametrize("args", BAD, ids=[" ".join(a) or "none" for a in BAD])
def test_bad_arguments_exit_2_with_one_line(args, capsys):
    assert run_main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gdstudio run: ")
    assert "Traceback" not in captured.err


def test_bad_arguments_through_the_real_command(tmp_path):
    r = run_cli("fit", "--lr", "nan", "--csv", str(tmp_path / "x.csv"))
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert os.listdir(tmp_path) == []


def test_unwritable_csv_leaves_no_partial_file(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "keep.csv").write_text("old\n")
    assert run_main(["fit", "--csv", str(folder)]) == 2
    assert sorted(os.listdir(folder)) == ["keep.csv"]


def test_quiet_progress_when_stderr_is_not_a_terminal():
    r = run_cli("rifle", "--steps", "20000", "--no-stop", "--spread", "1")
    assert r.returncode == 0
    assert r.stderr == ""
    assert r.stdout.startswith("rifle: 20000 steps")
