"""The black box pictures (issue 4): find the input, and crack the box.

Buttons and widgets are found by objectName; each test asserts on what the picture draws.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QWidget,
)

from gdstudio.engine import Phase, StopReason
from gdstudio.scenarios.black_box import CHAPTER_SAMPLES, box, box_slope
from tests.qt.conftest import black_box_page, check_plot_is_finite

CHAPTER = np.array(CHAPTER_SAMPLES)


def click(page, name: str, qtbot) -> None:
    b = page.findChild(QPushButton, name)
    assert b is not None, name
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


def phases(page, n: int) -> None:
    for _ in range(n):
        page.next_phase()


def line_of(item) -> tuple[np.ndarray, np.ndarray]:
    x, y = item.getData()
    return (np.zeros(0), np.zeros(0)) if x is None else (np.asarray(x), np.asarray(y))


def drawn_path(land) -> tuple[np.ndarray, np.ndarray]:
    """The landscape's path as drawn: its older points, then the newest piece's end."""
    xs, ys = line_of(land.path_line)
    tx, ty = line_of(land.path_tail)
    assert len(tx) == 2 and (tx[0], ty[0]) == (xs[-1], ys[-1])  # the piece goes on from there
    return np.append(xs, tx[1]), np.append(ys, ty[1])


# --- part one: find the input -------------------------------------------------------------
def test_the_tangent_has_the_slope_of_the_box_at_the_current_input(window, qtbot):
    page = black_box_page(window, 0)
    view = page.view
    for _ in range(3):
        click(page, "stepButton", qtbot)
    phases(page, 3)  # FORWARD, LOSS, BACKWARD of the fourth iteration
    t = page.trainer
    assert t.phase is Phase.BACKWARD
    x = float(t.record.params[0])
    xs, ys = line_of(view.tangent)
    assert len(xs) == 2
    slope = (ys[1] - ys[0]) / (xs[1] - xs[0])
    assert slope == pytest.approx(box_slope(x), rel=1e-9)
    assert slope == pytest.approx(t.record.forward.slope, rel=1e-9)
    # it touches the curve at the current point, and it is short (it must not cover the plot)
    assert np.interp(x, xs, ys) == pytest.approx(box(x), rel=1e-9)
    (x_lo, x_hi), (y_lo, y_hi) = view.plot.getViewBox().viewRange()
    assert xs[0] < x < xs[1] and xs[1] - xs[0] < 0.25 * (x_hi - x_lo)
    assert abs(ys[1] - ys[0]) < 0.4 * (y_hi - y_lo)
    assert view.tangent_at == x and view.tangent_slope == pytest.approx(box_slope(x))


def test_no_tangent_before_backpropagation(window):
    page = black_box_page(window, 0)
    view = page.view
    page.step()
    phases(page, 2)  # FORWARD, LOSS
    assert page.trainer.phase is Phase.LOSS
    assert len(line_of(view.tangent)[0]) == 0
    assert len(line_of(view.error_bar)[0]) == 2


def test_the_error_bar_spans_target_to_output(window, qtbot):
    page = black_box_page(window, 0)
    view = page.view
    assert len(line_of(view.error_bar)[0]) == 0  # initialization: no output yet
    phases(page, 2)  # FORWARD, LOSS of the first iteration: x = 1 gives 2.334
    xs, ys = line_of(view.error_bar)
    assert np.allclose(xs, [1.0, 1.0])
    assert ys[0] == pytest.approx(4.0) and ys[1] == pytest.approx(2.334)
    assert "-1.666" in view.error_text.toPlainText()
    for _ in range(4):
        click(page, "stepButton", qtbot)
    t = page.trainer
    x = float(t.record.params[0])
    xs, ys = line_of(view.error_bar)
    assert np.allclose(xs, [x, x]) and ys[0] == 4.0 and ys[1] == pytest.approx(box(x))
    assert ys[1] - ys[0] == pytest.approx(t.record.forward.error)


def test_the_step_arrow_runs_along_the_input_axis_to_the_new_input(window, qtbot):
    page = black_box_page(window, 0)
    view = page.view
    for _ in range(2):
        click(page, "stepButton", qtbot)
    t = page.trainer
    assert t.phase is Phase.UPDATE
    start, end = view.step_arrow
    assert start == t.record.params[0]
    assert end == pytest.approx(t.record.new_params[0])
    assert end - start == pytest.approx(-t.lr * t.record.gradient[0])
    xs, ys = line_of(view.step_shaft)
    assert np.allclose(xs, [start, end]) and ys[0] == ys[1]  # horizontal
    (x_lo, x_hi), (y_lo, y_hi) = view.plot.getViewBox().viewRange()
    assert y_lo < ys[0] < y_lo + 0.2 * (y_hi - y_lo)  # down by the x axis


def test_the_box_drawing_shows_input_and_output(window):
    page = black_box_page(window, 0)
    drawing = page.findChild(QWidget, "boxDrawing")
    assert drawing is page.view.box_drawing and drawing.accessibleName()
    assert drawing.input_text == "1" and drawing.output_text == "?"
    phases(page, 2)
    assert drawing.output_text == "2.334" and "-1.666" in drawing.note_text
    assert "2.334" in drawing.accessibleDescription()


def test_reveal_shows_the_hidden_curve(window, qtbot):
    page = black_box_page(window, 0)
    view = page.view
    page.step()
    assert len(line_of(view.curve)[0]) == 0 and view.box_drawing.inside_text == "?"
    check = page.findChild(QWidget, "revealCheck")
    check.setChecked(True)
    xs, ys = line_of(view.curve)
    assert len(xs) > 10 and np.allclose(ys, box(xs))
    assert "0.332" in view.box_drawing.inside_text
    check.setChecked(False)
    assert len(line_of(view.curve)[0]) == 0


# --- part two: crack the box --------------------------------------------------------------
def table_of(page) -> QTableWidget:
    table = page.findChild(QTableWidget, "sampleTable")
    assert table is not None
    return table


def table_values(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(2)] for r in range(table.rowCount())]


def message(page) -> QLabel:
    return page.findChild(QLabel, "sampleMessage")


def choose(page, name: str, data: str) -> None:
    combo = page.findChild(QComboBox, name)
    combo.setCurrentIndex(combo.findData(data))


def test_crack_widgets_have_names(window):
    page = black_box_page(window, 1)
    for name in (
        "sampleTable",
        "addSampleButton",
        "removeSampleButton",
        "importSamplesButton",
        "sampleMessage",
        "landscapePlot",
        "plateauNote",
        "familyCombo",
        "batchCombo",
        "fitPlot",
    ):
        w = page.findChild(QObject, name)
        assert w is not None, name
        assert w.accessibleName(), name


def test_the_table_starts_with_the_chapters_samples(window):
    page = black_box_page(window, 1)
    assert table_values(table_of(page)) == [
        ["1", "2.21"],
        ["1.1", "2.431"],
        ["1.2", "2.652"],
        ["2", "4.42"],
    ]


def test_residual_lines_are_model_minus_sample(window, qtbot):
    page = black_box_page(window, 1)
    view = page.view
    for _ in range(5):
        click(page, "stepButton", qtbot)
    t = page.trainer
    params = t.record.new_params  # UPDATE: the picture shows the updated model
    lines = view.residual_lines
    assert np.allclose(lines[:, 0, :], CHAPTER)  # from each sample ...
    assert np.allclose(lines[:, 1, 0], CHAPTER[:, 0])  # ... straight up or down ...
    assert np.allclose(
        lines[:, 1, 1] - lines[:, 0, 1], t.model.predict(params, CHAPTER[:, 0]) - CHAPTER[:, 1]
    )
    xs, ys = line_of(view.residuals)
    assert np.allclose(xs, lines[:, :, 0].ravel()) and np.allclose(ys, lines[:, :, 1].ravel())


@pytest.mark.parametrize("family", ["w*x+x^2", "w*x+b"])
def test_the_landscape_path_is_the_history_and_its_arrow_the_latest_gradient(window, family):
    page = black_box_page(window, 1)
    choose(page, "familyCombo", family)
    view = page.view
    for _ in range(7):
        page.step()
    t = page.trainer
    names = t.model.param_names
    land = view.landscape
    history = np.column_stack([t.history.column(n) for n in names])
    assert np.array_equal(land.path, history)
    latest = np.array([t.history.column(f"grad_{n}")[-1] for n in names])
    assert np.array_equal(land.gradient, latest)
    assert np.array_equal(latest, t.record.gradient)
    start, end = land.arrow
    assert np.array_equal(start, history[-1])
    assert np.allclose(end - start, -t.lr * latest)
    assert np.allclose(end, t.record.new_params)  # plain gradient descent: the arrow is the step
    xs, ys = line_of(land.shaft)
    if len(names) == 1:
        assert np.allclose(xs, [start[0], end[0]])
        assert np.allclose(drawn_path(land)[0], history[:, 0])
        assert np.allclose(drawn_path(land)[1], t.history.column("loss"))
    else:
        assert np.allclose(xs, [start[0], end[0]]) and np.allclose(ys, [start[1], end[1]])
        assert np.allclose(np.column_stack(drawn_path(land)), history)


def test_the_landscape_is_the_loss_and_is_computed_once_per_model(window, monkeypatch):
    import gdstudio.qt.tabs.landscape_plot as lp

    calls = []
    real = lp.loss_landscape
    monkeypatch.setattr(lp, "loss_landscape", lambda *a, **k: calls.append(1) or real(*a, **k))
    page = black_box_page(window, 1)
    choose(page, "familyCombo", "w*x+v*x^2")
    land = page.view.landscape
    calls.clear()
    page.reset()
    assert calls == []  # same model, same landscape
    for _ in range(10):
        page.step()
    assert calls == []  # steps move the path, not the landscape
    m = page.trainer.model
    grid = land.landscape
    for i, j in ((0, 0), (60, 17), (120, 120)):
        p = np.array([grid.axes[0][i], grid.axes[1][j]])
        assert grid.values[i, j] == pytest.approx(m.full_loss(p), rel=1e-9, abs=1e-12)
    assert land.image.isVisible() and land.image.image.shape == grid.values.shape
    choose(page, "batchCombo", "1")  # a new model: a new landscape
    assert len(calls) == 1


def test_one_sample_at_a_time_zig_zags_on_the_landscape(window):
    def turns(batch):
        page = black_box_page(window, 1)
        choose(page, "familyCombo", "w*x+v*x^2")
        choose(page, "batchCombo", batch)
        for _ in range(24):
            page.step()
        path = page.view.landscape.path
        d = np.diff(path, axis=0)
        cos = np.sum(d[1:] * d[:-1], axis=1) / (
            np.linalg.norm(d[1:], axis=1) * np.linalg.norm(d[:-1], axis=1)
        )
        return int(np.sum(cos < 0.5))  # turns sharper than 60 degrees

    assert turns("full") == 0
    assert turns("1") >= 5


def test_the_current_sample_is_marked_in_one_sample_mode(window):
    page = black_box_page(window, 1)
    choose(page, "batchCombo", "1")
    view = page.view
    for _ in range(2):
        page.step()
    phases(page, 1)  # FORWARD of the third iteration: sample 3
    ring = view.current.mapToParent(*view.current.getData()[0][:1], *view.current.getData()[1][:1])
    assert view.current.isVisible() and (ring.x(), ring.y()) == tuple(CHAPTER[2])
    assert view.table._current == 2
    assert len(line_of(view.landscape.sample_curve)[0]) > 0  # that sample's own loss


@pytest.mark.parametrize("bad", ["abc", "", "  ", "nan", "1e400", "inf", "1_0", "0x1"])
def test_bad_cell_edits_are_refused_and_the_table_stays(window, qtbot, bad):
    page = black_box_page(window, 1)
    for _ in range(3):
        page.step()
    table = table_of(page)
    before = table_values(table)
    trainer = page.trainer
    table.item(1, 1).setText(bad)
    assert table_values(table) == before
    assert np.array_equal(page.view.samples, CHAPTER)
    assert page.trainer is trainer and trainer.step_count == 3  # the run goes on untouched
    assert message(page).isVisible() and "Row 2" in message(page).text()


def test_editing_a_cell_through_its_editor(window, qtbot):
    page = black_box_page(window, 1)
    table = table_of(page)
    before = table_values(table)
    for text in ("oops", "2.5"):
        table.setCurrentCell(0, 1)
        table.editItem(table.item(0, 1))
        editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
        assert len(editors) == 1
        editor = editors[0]
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()
        if text == "oops":
            assert table_values(table) == before and message(page).isVisible()
    assert table.item(0, 1).text() == "2.5"
    assert page.trainer.model.samples[0, 1] == 2.5


def test_a_good_edit_changes_the_model_and_resets(window, qtbot):
    page = black_box_page(window, 1)
    for _ in range(4):
        page.step()
    table = table_of(page)
    table.item(3, 0).setText(" 2,5 ")  # a decimal comma is read as a point
    assert table.item(3, 0).text() == "2.5"
    m = page.trainer.model
    assert m.samples[3].tolist() == [2.5, 4.42]
    assert page.trainer.step_count == 0 and page.trainer.phase is Phase.INIT
    assert not message(page).isVisible()


def test_add_and_remove_rows_but_never_the_last_one(window, qtbot):
    page = black_box_page(window, 1)
    table = table_of(page)
    click(page, "addSampleButton", qtbot)
    assert table.rowCount() == 5
    assert table_values(table)[-1] == ["3", "6.63"]  # on the table's line
    assert len(page.trainer.model.samples) == 5
    table.selectRow(0)
    click(page, "removeSampleButton", qtbot)
    assert table_values(table)[0] == ["1.1", "2.431"] and table.rowCount() == 4
    for n in (3, 2, 1):
        click(page, "removeSampleButton", qtbot)
        assert table.rowCount() == n
    assert not message(page).isVisible() or not page.view.table.message_is_error
    click(page, "removeSampleButton", qtbot)  # the last row stays
    assert table.rowCount() == 1 and len(page.trainer.model.samples) == 1
    assert message(page).isVisible() and page.view.table.message_is_error
    table.selectAll()
    click(page, "removeSampleButton", qtbot)
    assert table.rowCount() == 1


@pytest.mark.parametrize(
    "text, line",
    [
        ("x,y\n1,2.21\nabc,2.4\n", 3),  # text where a number should be
        ("1,2.21\n1.1,2.431,7\n", 2),  # three columns
        ("1,2.21\n\n1.1,2.431\n2,nan\n", 4),  # nan
        ("1,2.21\n2,1e400\n", 2),  # too large for a float
    ],
)
def test_a_bad_csv_is_refused_naming_the_line(window, tmp_path, text, line):
    page = black_box_page(window, 1)
    for _ in range(3):
        page.step()
    table = table_of(page)
    before = table_values(table)
    trainer = page.trainer
    path = tmp_path / "samples.csv"
    path.write_text(text, encoding="utf-8")
    assert page.view.table.import_file(str(path)) is False
    assert table_values(table) == before
    assert page.trainer is trainer and trainer.step_count == 3
    assert message(page).isVisible() and f"line {line}" in message(page).text()
    assert "samples.csv" in message(page).text()


def test_a_file_that_is_not_text_or_not_there_is_refused(window, tmp_path):
    page = black_box_page(window, 1)
    before = table_values(table_of(page))
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00\x00")
    assert page.view.table.import_file(str(binary)) is False
    assert "image.png" in message(page).text()
    assert page.view.table.import_file(str(tmp_path / "missing.csv")) is False
    assert table_values(table_of(page)) == before


def test_a_good_csv_replaces_the_table_and_resets_the_run(window, qtbot, tmp_path, monkeypatch):
    page = black_box_page(window, 1)
    for _ in range(5):
        page.step()
    path = tmp_path / "box.csv"
    path.write_text("input,output\n0.5,1.105\n1,2.21\n3,6.63\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    click(page, "importSamplesButton", qtbot)
    assert table_values(table_of(page)) == [["0.5", "1.105"], ["1", "2.21"], ["3", "6.63"]]
    t = page.trainer
    assert t.model.samples.tolist() == [[0.5, 1.105], [1, 2.21], [3, 6.63]]
    assert t.step_count == 0 and t.phase is Phase.INIT and len(t.history) == 0
    assert "3" in message(page).text() and not page.view.table.message_is_error
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    click(page, "importSamplesButton", qtbot)  # cancelled: nothing changes
    assert table_of(page).rowCount() == 3


def run_to_the_end(page) -> None:
    while not page.trainer.done:
        page.trainer.step()
    page.refresh()


def test_a_new_family_while_running_redraws_with_the_new_weights(window, qtbot):
    """Found by a long monkey run: changing the model family while the fit ran redrew the
    new one-weight trainer with the gradient plot still set up for two weights (KeyError)."""
    page = black_box_page(window, 1)
    choose(page, "familyCombo", "w*x+v*x^2")
    page.trainer.stop_rules = False  # (this family fits exactly: it would stop at once)
    page.trainer.max_steps = 10**9
    page.controls.speed_slider.setValue(page.controls.speed_slider.maximum())
    page.toggle_run()
    qtbot.wait(30)
    assert page.runner.running
    choose(page, "familyCombo", "w*x")  # one weight now
    assert not page.runner.running
    assert page.gradient_plot.param_names == ("w",)
    assert page.trainer.model.param_names == ("w",)
    page.step()
    assert page.gradient_plot.vectors.shape == (1, 2)  # (the second component stays 0)
    assert page.gradient_plot.vectors[0, 1] == 0


def test_a_wanted_output_below_the_box_minimum_gets_its_own_stop_words(window):
    page = black_box_page(window, 0)
    page.view.target_spin.setValue(-4.0)  # the box's lowest answer is about -3.02
    run_to_the_end(page)
    assert page.trainer.stop in (StopReason.PLATEAU, StopReason.STEP_LIMIT)
    text = page.status_label.text()
    assert "never answers -4" in text and "lowest answer is -3.018" in text, text
    assert "x = -3.015" in text
    assert "imitate" not in text  # not the frame's general plateau sentence
    page.view.target_spin.setValue(4.0)
    run_to_the_end(page)
    assert page.trainer.stop is StopReason.CONVERGED
    assert "never" not in page.status_label.text()


def test_the_plateau_note_after_w_x_plus_x_squared_and_not_after_w_x(window):
    page = black_box_page(window, 1)
    note = page.findChild(QLabel, "plateauNote")
    assert not note.isVisible()
    run_to_the_end(page)
    assert page.trainer.stop is StopReason.PLATEAU
    assert note.isVisible()
    text = note.text()
    assert "w*x+x^2" in text and "0.1911" in text and "w*x." in text  # what to try instead
    floor = page.view.landscape.floor_line
    assert floor.isVisible() and floor.value() == pytest.approx(0.19108, abs=1e-5)
    choose(page, "familyCombo", "w*x")
    assert not note.isVisible()  # a new model, a new run
    run_to_the_end(page)
    assert page.trainer.stop is StopReason.CONVERGED
    assert not note.isVisible() and not page.view.landscape.floor_line.isVisible()


def test_settings_survive_as_plain_data(window):
    page = black_box_page(window, 1)
    view = page.view
    choose(page, "familyCombo", "w*x+b")
    table_of(page).item(0, 1).setText("2.2")
    state = view.ui_state()
    choose(page, "familyCombo", "w*x")
    view.set_ui_state({**state, "samples": [[1, float("nan")]]})  # a bad table is ignored
    assert page.trainer.model.family.formula == "w*x+b"
    view.set_ui_state(state)
    assert page.trainer.model.samples[0, 1] == 2.2 and table_of(page).item(0, 1).text() == "2.2"
    first = black_box_page(window, 0).view
    first.set_ui_state({"target": 5.0, "reveal": True})
    assert first.ui_state() == {"target": 5.0, "reveal": True}
    assert page.window().pages[1].parts[0].trainer.model.target == 5.0


def test_screenshots_of_the_black_box_tab(tmp_path):
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(
        [
            sys.executable,
            str(root / "tests" / "screenshots.py"),
            "--only",
            "blackbox",
            "--sizes",
            "1280x800",
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=root,
    )
    assert r.returncode == 0, r.stderr
    shots = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(shots) == 6  # two parts: step 0, five steps, the end
    assert all((tmp_path / s).stat().st_size > 20_000 for s in shots)


def test_a_trainer_handed_in_shows_its_own_settings(window):
    from gdstudio.engine import Trainer
    from gdstudio.scenarios.black_box import BlackBox, CrackBox

    page = black_box_page(window, 1)
    model = CrackBox(family="w*x+b", samples=[(0.0, 1.0), (1.0, 3.0)], batch="1")
    page.use_trainer(page.view, Trainer(model))
    assert page.findChild(QComboBox, "familyCombo").currentData() == "w*x+b"
    assert page.findChild(QComboBox, "batchCombo").currentData() == "1"
    assert table_values(table_of(page)) == [["0", "1"], ["1", "3"]]
    assert page.trainer.model is model  # shown, not rebuilt
    click_free = page.view.table.add_sample()  # the next edit starts from what is shown
    assert click_free and page.trainer.model.samples.tolist() == [[0, 1], [1, 3], [2, 5]]
    first = black_box_page(window, 0)
    first.use_trainer(first.view, Trainer(BlackBox(target=5.5)))
    assert first.view.target_spin.value() == 5.5


@pytest.mark.parametrize("text", ["1e200,1\n", "1e-310,2\n", "-5,3\n-4,1\n", "0,0\n"])
def test_extreme_tables_draw_only_finite_numbers(window, text):
    import pyqtgraph as pg

    page = black_box_page(window, 1)
    assert page.view.table.import_text(text, "extreme.csv")
    for family in ("w*x+x^2", "w*x+v*x^2"):
        for batch in ("full", "1"):
            choose(page, "familyCombo", family)
            choose(page, "batchCombo", batch)
            for _ in range(30):
                page.step()
            for plot in page.findChildren(pg.PlotWidget):
                check_plot_is_finite(plot)


# --- cheap frames while running -----------------------------------------------------------
def test_running_bounds_read_only_new_rows_and_notice_a_cut_history():
    from gdstudio.engine.history import History
    from gdstudio.qt.tabs.black_box import RunningBounds

    h = History(["step", "x", "output"])
    bounds = RunningBounds("x", "output")
    assert bounds(h) == [(np.inf, -np.inf), (np.inf, -np.inf)]  # nothing yet
    for k in range(10):
        h.append([k, k - 3.0, 2.0 * k])
    h.append([10, np.nan, np.inf])  # a diverging row: left out
    assert bounds(h) == [(-3.0, 6.0), (0.0, 18.0)]
    h.append([11, 40.0, -5.0])
    assert bounds(h) == [(-3.0, 40.0), (-5.0, 18.0)]
    h.truncate(4)  # Back
    assert bounds(h) == [(-3.0, 0.0), (0.0, 6.0)]
    h.truncate(2)  # cut and grown again past the rows read before, without a look between
    for k in range(2, 8):
        h.append([k, 0.5, 1.0])
    assert bounds(h) == [(-3.0, 0.5), (0.0, 2.0)]
    h.clear()  # Reset
    h.append([0, 7.0, 7.0])
    assert bounds(h) == [(7.0, 7.0), (7.0, 7.0)]
    other = History(["step", "x", "output"])  # another trainer's history of the same length
    other.append([0, 1.0, 1.0])
    assert bounds(other) == [(1.0, 1.0), (1.0, 1.0)]


def test_after_back_the_view_frames_only_the_tries_that_are_left(window):
    page = black_box_page(window, 0)
    view = page.view
    page.controls.lr_spin.setValue(1.5)  # big steps: the tries wander far
    for _ in range(6):
        page.step()
    far = view.plot.getViewBox().viewRange()
    for _ in range(5):
        page.back()
    after = view.plot.getViewBox().viewRange()
    from gdstudio.qt.tabs.black_box import RunningBounds

    view._bounds = RunningBounds("x", "output")  # read everything again
    view.plot._view_set = None
    view.refresh(page.trainer)
    assert np.allclose(after, view.plot.getViewBox().viewRange())
    assert not np.allclose(far, after)


def test_a_fast_run_moves_the_picture_every_frame_and_writes_words_when_due(window):
    page = black_box_page(window, 0)
    view = page.view
    for _ in range(3):
        page.step()
    words = view.box_drawing.text()
    step_words = view.step_text.toPlainText()
    page.words_due = False  # between the text updates of a fast run
    page.trainer.step()
    view.refresh(page.trainer)
    x = float(page.trainer.record.params[0])
    dot = view.point.mapToParent(0.0, 0.0)
    assert (dot.x(), dot.y()) == pytest.approx((x, box(x)))  # the picture follows
    assert view.step_arrow[0] == x
    tries = page.trainer.history.column("x")
    trail = np.append(view.trail.getData()[0], view.trail_last.mapToParent(0.0, 0.0).x())
    assert np.array_equal(trail, tries)  # every try drawn (a short run: none thinned out)
    assert view.box_drawing.text() == words  # the words wait
    assert view.step_text.toPlainText() == step_words
    page.words_due = True
    view.refresh(page.trainer)
    assert view.box_drawing.input_text == fmt_number(x)
    assert view.step_text.toPlainText() != step_words


def fmt_number(x: float) -> str:
    from gdstudio.qt.common import fmt

    return fmt(x)


@pytest.mark.parametrize("part", [0, 1])
def test_the_pictures_keep_still_things_as_pixmaps_but_export_them_as_vectors(
    window, tmp_path, part
):
    import pyqtgraph as pg
    from PySide6.QtWidgets import QGraphicsItem

    cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
    page = black_box_page(window, part)
    for _ in range(3):
        page.step()
    plots = page.view.findChildren(pg.PlotWidget)
    assert plots
    for plot in plots:
        for side in ("left", "bottom"):
            assert plot.getPlotItem().getAxis(side).cacheMode() == cached, plot.objectName()
    assert window.export("svg", str(tmp_path / "out.svg"))
    svg = (tmp_path / "out.svg").read_text(encoding="utf-8")
    if part == 0:  # the box drawing, kept as a picture on screen, is text in the SVG
        assert ">black box<" in svg and ">input x<" in svg
