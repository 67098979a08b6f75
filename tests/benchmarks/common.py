"""Shared helpers: medians, ratios, a small table printer and the machine description."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def qt_environment() -> dict[str, str]:
    """The environment for child processes: Qt draws offscreen, pyqtgraph uses PySide6."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYQTGRAPH_QT_LIB"] = "PySide6"
    env.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    return env


def median(values) -> float:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


def spread(values) -> str:
    """min..max of the repeats, to show how noisy a median is."""
    values = [v for v in values if v is not None]
    if len(values) < 2:
        return ""
    return f"{number(min(values))}..{number(max(values))}"


def number(v: float) -> str:
    """Four significant digits, or whole numbers with thousands separators from 1000 on."""
    if v != v:  # nan
        return "-"
    return f"{v:.4g}" if abs(v) < 1000 else f"{v:,.0f}"


def ratio(value: float, baseline: float) -> float:
    return value / baseline if baseline else float("nan")


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISS"


def table(headers: list[str], rows: list[list]) -> str:
    """A plain-text table with right-aligned numbers (floats at four significant digits)."""

    def cell(v) -> str:
        if isinstance(v, float):
            return number(v)
        if isinstance(v, int):
            return f"{v:,}"
        return str(v)

    text = [[cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in text)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.rjust(w) for h, w in zip(headers, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.rjust(w) for c, w in zip(r, widths)) for r in text]
    return "\n".join(lines)


def machine() -> dict[str, str]:
    """nproc, CPU model, Python and library versions (imported in a child: no Qt in this process)."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    code = (
        "import PySide6, pyqtgraph, numpy; "
        "print(PySide6.__version__, pyqtgraph.__version__, numpy.__version__)"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=qt_environment(),
            timeout=60,
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        out = []
    pyside, pg, np = (out + ["?", "?", "?"])[:3]
    return {
        "nproc": str(
            len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        ),
        "cpu": cpu,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "PySide6": pyside,
        "pyqtgraph": pg,
        "numpy": np,
    }


def print_machine(info: dict[str, str]) -> None:
    print(
        f"machine: {info['nproc']} cores, {info['cpu']}, {info['os']}; Python {info['python']}, "
        f"PySide6 {info['PySide6']}, pyqtgraph {info['pyqtgraph']}, numpy {info['numpy']}"
    )
