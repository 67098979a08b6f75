"""Qt test fixtures: a main window with throw-away settings, and a leak check after each test."""

from __future__ import annotations

import gc

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings):
    from gdstudio.qt.main_window import MainWindow

    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    # offscreen activation is asynchronous and a request can get lost while the other tabs
    # are built: ask until the window is active (keys and focus need it)
    activate(w, qtbot)
    return w


@pytest.fixture
def rifle(window):
    """The rifle tab, shown and reset (seed 0, default range)."""
    index = next(i for i, p in enumerate(window.pages) if p.tab_key == "rifle")
    window.tabs.setCurrentIndex(index)
    page = window.pages[index]
    page.reset()
    return page


def black_box_page(window, part: int):
    """The black box tab, shown, on ``part`` (0: find the input, 1: crack the box), reset."""
    index = next(i for i, p in enumerate(window.pages) if p.tab_key == "blackbox")
    window.tabs.setCurrentIndex(index)
    page = window.pages[index]
    page.select_part(part)
    page.reset()
    return page


def on_screen(window, widget) -> np.ndarray:
    """What the window's backing store holds for ``widget`` (not drawn afresh, as grab() is):
    where a redraw of part of a plot left old pixels, they show here."""
    QApplication.processEvents()
    shot = window.screen().grabWindow(window.winId())
    corner = widget.mapTo(window, widget.rect().topLeft())
    image = shot.copy(corner.x(), corner.y(), widget.width(), widget.height()).toImage()
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    a = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return a[:, : 4 * image.width()].astype(int)


def shown_plot(qtbot, size, x_range, y_range, background=None):
    """A bare pyqtgraph PlotWidget of ``size`` on screen, showing ``x_range`` by ``y_range``
    (for testing one item on its own)."""
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    if background is not None:
        plot.setBackground(background)
    qtbot.addWidget(plot)
    plot.resize(*size)
    plot.show()
    qtbot.waitExposed(plot)
    plot.setRange(xRange=x_range, yRange=y_range, padding=0)
    return plot


def pixels(widget) -> np.ndarray:
    """What ``widget`` shows, as an array of BGRA bytes (rows of 4 x width integers)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    a = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return a[:, : 4 * image.width()].astype(int)


def check_plot_is_finite(plot) -> None:
    """Every drawn item's data and place in ``plot`` are finite: the data items and the light
    items of gdstudio.qt.items (Dots, Curve, the gradient arrows...), which are not data items
    (a dot moved into place must be at a finite place)."""
    for item in plot.getPlotItem().items:
        if not hasattr(item, "getData") or not item.isVisible():
            continue
        x, y = item.getData()
        if x is not None:
            assert np.all(np.isfinite(np.asarray(x, dtype=float))), plot.objectName()
            assert np.all(np.isfinite(np.asarray(y, dtype=float))), plot.objectName()
        pos = item.pos()
        assert np.isfinite(pos.x()) and np.isfinite(pos.y()), plot.objectName()


def activate(w, qtbot) -> None:
    """Make ``w`` the active window (offscreen activation is asynchronous and a request can
    get lost while other tabs are built): keyboard shortcuts and focus need it."""
    for _ in range(100):
        w.activateWindow()
        qtbot.wait(20)
        if QApplication.activeWindow() is w:
            return


def all_parts(window):
    """(page, part index) for every tab and part, selecting each in turn."""
    for ti, page in enumerate(window.pages):
        window.tabs.setCurrentIndex(ti)
        for pi in range(len(page.parts)):
            page.select_part(pi)
            yield page, pi


@pytest.fixture(autouse=True)
def no_leaks(qapp):
    """Fail a test that leaves a window or a running timer behind (as ndv's conftest does)."""
    before = {id(w) for w in QApplication.topLevelWidgets()}
    yield
    for w in QApplication.topLevelWidgets():
        if id(w) not in before and w.isVisible():
            w.close()
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, 0)
    from PySide6.QtCore import QEvent

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    leaked = [
        w
        for w in QApplication.topLevelWidgets()
        if id(w) not in before and shiboken6.isValid(w) and w.objectName() == "mainWindow"
    ]
    gc.collect()
    timers = [
        t
        for t in gc.get_objects()
        if isinstance(t, QTimer)
        and shiboken6.isValid(t)
        and t.isActive()
        and t.objectName() == "runTimer"
    ]
    assert not leaked, f"windows left alive: {leaked}"
    assert not timers, f"timers left running: {timers}"


# Run ``gdstudio run ... --png`` in a child process and report what the tab's settings widgets
# (``ui_state()``) and its trainer showed at the moment the picture was taken.
_PNG_PROBE = """
import json, sys
from gdstudio.qt.main_window import MainWindow

real_grab, seen, key = MainWindow.grab, {}, sys.argv.pop(1)


def grab(self, *args):  # the moment the picture is taken
    page = next(p for p in self.pages if p.tab_key == key)
    seen.update(page.parts[0].view.ui_state(), steps=page.trainer.step_count)
    return real_grab(self, *args)


MainWindow.grab = grab
from gdstudio.app import main

code = main(sys.argv[1:])
print(json.dumps(seen))
sys.exit(code)
"""


def settings_in_png(tab_key: str, run_args: list[str], out) -> dict:
    """What the ``tab_key`` tab's settings showed when ``gdstudio run RUN_ARGS --png OUT``
    took its picture (and the trainer's step count, as ``steps``)."""
    import json
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-c", _PNG_PROBE, tab_key, "run", *run_args, "--png", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])
