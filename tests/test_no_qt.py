"""design.md rule 1: the core never knows Qt."""

import subprocess
import sys

CHECK = """
import sys
import gdstudio.engine, gdstudio.scenarios
from gdstudio.app import main
code = main(["run", "fit", "--steps", "50"])
qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6'))
assert code == 0, code
assert not qt, qt
assert 'gdstudio.qt' not in sys.modules
print('no qt')
"""


def test_engine_scenarios_and_headless_runs_load_no_qt():
    r = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().endswith("no qt")


def test_core_sources_do_not_import_qt():
    from pathlib import Path

    import gdstudio

    root = Path(gdstudio.__file__).parent
    for folder in ("engine", "scenarios"):
        for path in (root / folder).glob("*.py"):
            text = path.read_text()
            for name in ("PySide6", "pyqtgraph", "gdstudio.qt", "PyQt"):
                assert f"import {name}" not in text and f"from {name}" not in text, path
