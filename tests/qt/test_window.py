"""The studio window (issue 3): buttons by objectName, asserting on what changed."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QPushButton

from gdstudio.engine import Phase, StopReason
from tests.qt.conftest import activate, all_parts

NAMES = [
    "stepButton",
    "phaseButton",
    "runButton",
    "backButton",
    "resetButton",
    "speedSlider",
    "learningRateSpin",
    "seedSpin",
    "phaseStrip",
    "lessonPanel",
    "lossPlot",
    "gradientPlot",
    "historyTable",
]


def button(page, name) -> QPushButton:
    b = page.findChild(QPushButton, name)
    assert b is not None, name
    return b


def test_tabs_come_from_the_registry(window):
    tabs = window.findChild(type(window.tabs), "scenarioTabs")
    assert tabs is window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Guess the number",
        "Black box",
        "Rifle target",
    ]
    assert [p.key for p in window.pages[1].parts] == ["blackbox", "fit"]


def test_every_tab_has_its_own_named_widgets(window):
    from PySide6.QtCore import QObject

    for page, _ in all_parts(window):
        for name in NAMES:
            w = page.findChild(QObject, name)
            assert w is not None, (page.tab_key, name)
            if hasattr(w, "accessibleName"):
                assert w.accessibleName(), (page.tab_key, name)


def test_five_steps_give_five_rows_points_and_a_new_arrow(window, qtbot):
    for page, _ in all_parts(window):
        page.reset()
        rows = len(page.trainer.history)
        for _ in range(5):
            qtbot.mouseClick(button(page, "stepButton"), Qt.MouseButton.LeftButton)
        t = page.trainer
        n = len(t.history)
        assert n == rows + 5 or (t.done and n > rows), page.tab_key
        x, y = page.loss_plot.curve.getData()
        assert len(x) == n and np.allclose(y, t.history.column("loss"))
        latest = page.gradient_plot.vectors[0]
        names = t.model.param_names
        assert latest[0] == t.history.column(f"grad_{names[0]}")[-1]
        # the arrows drawn: one per step so far (at most ten), the newest from the origin (two
        # weights) or from its row (one weight) to the gradient
        ax, ay = page.gradient_plot.arrows.getData()
        assert len(ax) == 2 * min(10, n)
        assert ax[1] == latest[0]
        assert ay[1] == (latest[1] if len(names) > 1 else 0.0)
        assert page.table.model().rowCount() == n


def test_next_phase_walks_the_strip_and_a_walk_equals_one_step(window, qtbot):
    for page, _ in all_parts(window):
        page.reset()
        assert page.phase_strip.current is Phase.INIT
        seen = []
        for _ in range(4):
            qtbot.mouseClick(button(page, "phaseButton"), Qt.MouseButton.LeftButton)
            seen.append(page.phase_strip.current)
            assert page.lesson.text  # every phase explains itself
        assert seen == [Phase.FORWARD, Phase.LOSS, Phase.BACKWARD, Phase.UPDATE]
        walked = page.trainer.params.copy()
        rows = page.trainer.history.to_array()
        page.reset()
        qtbot.mouseClick(button(page, "stepButton"), Qt.MouseButton.LeftButton)
        assert np.array_equal(page.trainer.params, walked)
        assert np.array_equal(page.trainer.history.to_array(), rows)


def test_run_then_pause_within_one_tick(window, qtbot):
    for page, _ in all_parts(window):
        page.reset()
        run = button(page, "runButton")
        qtbot.mouseClick(run, Qt.MouseButton.LeftButton)
        assert page.runner.running and run.isChecked()
        ticks = page.runner.ticks
        qtbot.mouseClick(run, Qt.MouseButton.LeftButton)
        assert not page.runner.running and not run.isChecked()
        assert page.runner.ticks - ticks <= 1


def test_the_run_button_draws_its_triangle_and_bars_in_the_text_colour(window, qtbot):
    """Run shows a drawn triangle, Pause two bars (no "⏸", which many fonts lack); the icon is
    as tall as the text, in presentation mode too, and takes the text's colour in the dark
    theme."""
    from PySide6.QtGui import QPalette

    page = window.current_page()
    run = button(page, "runButton")

    def picture() -> QImage:
        return run.icon().pixmap(run.iconSize()).toImage()

    assert run.text() == "Run" and run.accessibleName() == "Run"
    triangle = picture()
    qtbot.mouseClick(run, Qt.MouseButton.LeftButton)
    assert run.text() == "Pause" and run.accessibleName() == "Pause"
    bars = picture()
    assert triangle != bars and not bars.isNull()
    qtbot.mouseClick(run, Qt.MouseButton.LeftButton)
    assert run.text() == "Run"
    side = run.iconSize().height()
    assert abs(side - 0.8 * run.fontMetrics().height()) <= 1
    window.present_action.trigger()
    assert run.iconSize().height() > side
    window.present_action.trigger()
    assert run.iconSize().height() == side
    window.theme_actions["dark"].trigger()
    try:
        text = run.palette().color(QPalette.ColorRole.ButtonText)
        image = picture()
        middle = image.pixelColor(image.width() // 3, image.height() // 2)
        assert middle.alpha() == 255 and middle.rgb() == text.rgb()
    finally:
        window.theme_actions["light"].trigger()


def test_running_at_full_speed_grows_the_history(window, qtbot):
    page = window.pages[2]  # the rifle
    window.tabs.setCurrentIndex(2)
    page.controls.speed_slider.setValue(page.controls.speed_slider.maximum())
    qtbot.mouseClick(button(page, "runButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.trainer.done, timeout=10000)
    assert not page.runner.running
    assert len(page.trainer.history) > 5
    assert page.trainer.stop is StopReason.PLATEAU
    assert "plateau" in page.status_label.text()


def test_a_fast_run_redraws_the_plots_every_frame_and_the_words_a_few_times(window, qtbot):
    from gdstudio.qt.scenario_page import TEXT_HZ

    page = window.pages[1]  # the black box: its search runs long enough at full speed
    window.tabs.setCurrentIndex(1)
    page.select_part(1)  # crack the box: a long fit
    page.trainer.max_steps = 10**9
    page.trainer.stop_rules = False
    page.controls.speed_slider.setValue(page.controls.speed_slider.maximum())
    frames, words = [], []
    page.runner.stepped.connect(lambda: frames.append(page.loss_plot.curve.xData[-1]))
    last = [page.status_label.text()]

    def seen():
        if page.status_label.text() != last[0]:
            last[0] = page.status_label.text()
            words.append(last[0])

    page.runner.stepped.connect(seen)
    qtbot.mouseClick(button(page, "runButton"), Qt.MouseButton.LeftButton)
    assert page.runner.running
    # the runner's ticks, called here one after another: the same frames as a fast run,
    # without waiting on paints (so a busy machine changes the count, not the outcome)
    start = time.monotonic()
    while time.monotonic() - start < 1.0:
        page.runner._tick()
    seconds = time.monotonic() - start
    qtbot.mouseClick(button(page, "runButton"), Qt.MouseButton.LeftButton)
    assert len(frames) >= 10 and len(frames) >= 2 * len(words)  # the curve follows every frame
    assert len(words) <= TEXT_HZ * seconds + 2
    assert frames[-1] > frames[0]  # and the curve grew
    # paused: everything is up to date
    steps = page.trainer.step_count
    assert page.status_label.text().startswith(f"Step {steps} ")
    assert page.history_model.rowCount() == len(page.trainer.history)
    # the table shows its last rows' steps without a cached copy of the whole step column
    page.table.grab()
    last = page.history_model.index(page.history_model.rowCount() - 1, 0)
    assert page.history_model.data(last) == str(len(page.trainer.history) - 1)
    assert len(page.trainer.history._step_cache) == 0


def test_a_new_status_repaints_the_label_not_the_whole_window(window, qtbot):
    """While running, the status changes a few times a second next to plots that change every
    frame; a see-through label made Qt repaint the whole window under both (3-4 ms)."""
    from PySide6.QtCore import QEvent, QObject

    assert window.pages  # every tab built: no layout work left from the start-up
    page = window.current_page()
    page.step()
    qtbot.wait(200)

    class Paints(QObject):
        seen: list = []

        def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                self.seen.append(obj)
            return False

    counter = Paints()
    window.installEventFilter(counter)
    page.installEventFilter(counter)
    page.status_label.installEventFilter(counter)
    page.loss_plot.viewport().update()
    page.status_label.setText(page.status_label.text() + " ·")
    QApplication.processEvents()
    assert page.status_label in counter.seen  # the new words were painted
    assert window not in counter.seen and page not in counter.seen


def test_a_long_status_wraps_and_the_status_line_grows_then_shrinks(window, qtbot):
    page = window.current_page()
    line = page.status_label.fontMetrics().lineSpacing()
    qtbot.wait(50)
    one = page.status_box.height()
    assert one < 2 * line
    page.status_label.setText(" ".join(["a long status sentence"] * 30))
    qtbot.waitUntil(lambda: page.status_box.height() >= 2 * line, timeout=2000)
    assert page.status_label.geometry() == page.status_box.rect()  # the label fills its box
    page.status_label.setText("short")
    qtbot.waitUntil(lambda: page.status_box.height() == one, timeout=2000)


def test_back_then_step_repeats_the_third_step(window, qtbot):
    for page, _ in all_parts(window):
        page.reset()
        step = button(page, "stepButton")
        for _ in range(3):
            qtbot.mouseClick(step, Qt.MouseButton.LeftButton)
        if page.trainer.done or len(page.trainer.history) < 3:
            continue
        third = page.trainer.history.row(2)
        qtbot.mouseClick(button(page, "backButton"), Qt.MouseButton.LeftButton)
        assert len(page.trainer.history) == 2
        assert page.table.model().rowCount() == 2
        assert len(page.loss_plot.curve.getData()[0]) == 2
        qtbot.mouseClick(step, Qt.MouseButton.LeftButton)
        assert page.trainer.history.row(2) == third


def test_reset_returns_to_step_zero_with_the_same_start(window, qtbot):
    for page, _ in all_parts(window):
        page.reset()
        start = page.trainer.params.copy()
        for _ in range(4):
            qtbot.mouseClick(button(page, "stepButton"), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(button(page, "resetButton"), Qt.MouseButton.LeftButton)
        assert page.trainer.step_count == 0 and len(page.trainer.history) == 0
        assert page.trainer.phase is Phase.INIT
        assert np.array_equal(page.trainer.params, start)
        assert len(page.loss_plot.curve.getData()[0]) == 0


def test_learning_rate_change_while_running_applies_to_the_next_step(window, qtbot):
    window.tabs.setCurrentIndex(1)
    page = window.pages[1]
    page.select_part(1)  # crack the box: a long, smooth run
    page.controls.speed_slider.setValue(0)  # one step per second: we control the steps
    qtbot.mouseClick(button(page, "runButton"), Qt.MouseButton.LeftButton)
    page.trainer.step()
    page.controls.lr_spin.setValue(0.02)
    assert page.runner.running
    before = page.trainer.params.copy()
    page.trainer.step()
    grad = page.trainer.history.column("grad_w")[-1]
    assert page.trainer.params[0] == pytest.approx(before[0] - 0.02 * grad)
    qtbot.mouseClick(button(page, "runButton"), Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("tab, part, lr", [(1, 0, 5.0), (1, 1, 50.0), (2, 0, 50.0)])
def test_a_diverging_learning_rate_stops_with_the_diverged_status(window, qtbot, tab, part, lr):
    window.tabs.setCurrentIndex(tab)
    page = window.pages[tab]
    page.select_part(part)
    page.controls.lr_spin.setValue(lr)
    page.controls.speed_slider.setValue(page.controls.speed_slider.maximum())
    qtbot.mouseClick(button(page, "runButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.trainer.done, timeout=10000)
    assert page.trainer.stop is StopReason.DIVERGED
    assert "diverged" in page.status_label.text()
    x, y = page.loss_plot.curve.getData()
    assert np.all(np.isfinite(x)) and np.all(np.isfinite(y))
    sx, sy = page.gradient_plot.arrows.getData()
    assert np.all(np.isfinite(sx)) and np.all(np.isfinite(sy))
    assert not button(page, "stepButton").isEnabled()


def test_keyboard_shortcuts(window, qtbot):
    page = window.pages[0]
    window.tabs.setCurrentIndex(0)
    page.reset()
    activate(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert len(page.trainer.history) == 1
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert len(page.trainer.history) == 2
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert page.trainer.phase is Phase.FORWARD
    qtbot.keyClick(window, Qt.Key.Key_Backspace)
    assert page.trainer.phase is Phase.UPDATE and len(page.trainer.history) == 2
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert len(page.trainer.history) == 0
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert page.runner.running
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not page.runner.running
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1


def test_switching_tabs_pauses_the_hidden_run(window, qtbot):
    page = window.pages[0]
    page.toggle_run()
    assert page.runner.running
    window.tabs.setCurrentIndex(1)
    assert not page.runner.running


def test_the_window_remembers_its_size_and_tab(qtbot, settings):
    from gdstudio.qt.main_window import MainWindow

    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    w.resize(
        900, 640
    )  # the offscreen screen is 800 wide: restoring clamps the width, not the height
    qtbot.waitUntil(lambda: w.height() == 640)
    w.tabs.setCurrentIndex(2)
    w.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 2
    assert again.size().height() == 640


def test_seed_and_initial_values_rebuild_and_reset(window, qtbot):
    page = window.pages[2]
    window.tabs.setCurrentIndex(2)
    page.step()
    first = page.trainer.history.row(0)
    page.controls.seed_spin.setValue(5)
    assert len(page.trainer.history) == 0 and page.trainer.seed == 5
    page.step()
    assert page.trainer.history.row(0) != first
    spin = page.current.init_spins["aim_x"]
    spin.setValue(10.0)
    assert page.trainer.params[0] == 10.0


def test_main_reuses_an_existing_application(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QEventLoop

    from gdstudio.app import main
    from gdstudio.qt import application

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main installs its own: undone
    # (main freezes what lives once the pages are built: not in this test process)
    monkeypatch.setattr(application, "keep_out_of_the_collector", lambda: None)
    app = QApplication.instance()
    # main's app.exec() runs in a plain event loop that this test ends: QApplication.quit()
    # left this test process's later event loops without timers (the rifle's comparison run
    # after this test never ticked)
    loop = QEventLoop()
    monkeypatch.setattr(app, "exec", lambda: loop.exec())
    seen = {}

    def check_and_close():
        w = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
        seen["tabs"] = w.tabs.count()
        seen["app"] = QApplication.instance()
        w.close()
        loop.quit()

    QTimer.singleShot(200, check_and_close)
    assert main(["--lang", "en"]) == 0
    assert seen["tabs"] == 3
    assert seen["app"] is app  # the same application, not a second one
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "mainWindow":
            w.deleteLater()


def _env(**changes):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(changes)
    return env


def test_without_a_display_it_explains_and_exits_2():
    r = subprocess.run(
        [sys.executable, "-m", "gdstudio"], env=_env(), capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert (
        len(lines) == 1 and "gdstudio run" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]
    )


def test_self_test_passes(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "gdstudio", "--self-test"],
        env=_env(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().endswith("self-test ok")


FREEZE_PROBE = """
import gc, sys
from gdstudio.qt import application

real = application.keep_out_of_the_collector


def keep():
    real()
    window = next(w for w in application.QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
    print("frozen", gc.get_freeze_count(), "pages", len(window.built_pages()), flush=True)
    application.QTimer.singleShot(0, application.QApplication.instance().quit)


application.keep_out_of_the_collector = keep
from gdstudio.app import main

sys.exit(main(["--lang", "en"]))
"""


def test_the_app_leaves_its_long_lived_objects_out_of_full_collections(tmp_path):
    """Once every page is built, the app freezes what lives then (gc.freeze): a full garbage
    collection over the window's ~80,000 objects took 35 ms, and one came every few seconds
    of a fast run, so a click waited 45-50 ms."""
    r = subprocess.run(
        [sys.executable, "-c", FREEZE_PROBE],
        env=_env(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    words = r.stdout.split()
    assert words[0] == "frozen" and int(words[1]) > 10_000
    assert words[2:] == ["pages", "3"]


def test_status_words_for_every_stop(window):
    page = window.pages[1]
    window.tabs.setCurrentIndex(1)
    page.select_part(1)
    page.trainer.run()
    page.refresh()
    assert "cannot copy the box exactly" in page.status_label.text()
    assert not math.isnan(page.trainer.history.last()["loss"])
