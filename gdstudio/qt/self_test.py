"""``gdstudio --self-test``: build the window, step and run every scenario, check what changed."""

from __future__ import annotations

import sys
import time

from PySide6.QtWidgets import QApplication, QPushButton

from gdstudio.qt.runner import SPEEDS


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def self_test(window) -> int:
    app = QApplication.instance()
    window.resize(1280, 800)
    window.show()
    try:
        for page in window.pages:
            for index, part in enumerate(page.parts):
                page.select_part(index)
                name = f"{page.tab_key}/{part.key}"
                step = page.findChild(QPushButton, "stepButton")
                for _ in range(3):
                    step.click()
                _check(
                    len(page.trainer.history) == 3,
                    f"{name}: three steps gave {len(page.trainer.history)} rows",
                )
                points = len(page.loss_plot.curve.getData()[0])
                _check(points == 3, f"{name}: the loss plot has {points} points after three steps")
                page.reset()
                page.runner.set_speed(len(SPEEDS) - 1)
                page.toggle_run()
                deadline = time.monotonic() + 0.5
                while page.runner.running and time.monotonic() < deadline:
                    app.processEvents()
                page.runner.pause()
                grown = len(page.trainer.history)
                _check(grown > 3, f"{name}: running gave only {grown} rows")
                _check(
                    len(page.loss_plot.curve.getData()[0]) > 0,
                    f"{name}: the loss plot stayed empty",
                )
                page.reset()
                window.grab()
    except AssertionError as e:
        print(f"self-test failed: {e}", file=sys.stderr)
        return 1
    print("self-test ok")
    return 0
