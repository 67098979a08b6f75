"""Issue 7: the black box pictures draw what changes every frame with light items
(gdstudio.qt.items: ``Dots``, ``Curve``, ``Segment``, ``Polyline``; black_box.``Pairs``)
instead of pyqtgraph's data items and scatters. Each must look as the pyqtgraph item it
replaced, drawn the old way with the same data, in every state, also after the view changed
(a resize, presentation mode) and after Back.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QApplication, QComboBox

from gdstudio.qt.items import Curve, Dots, Polyline, Segment
from gdstudio.qt.tabs.black_box import Pairs
from tests.qt.conftest import black_box_page, on_screen, pixels, shown_plot


def _pixels(widget) -> np.ndarray:
    QApplication.processEvents()
    return pixels(widget)


def old_way(item):
    """The pyqtgraph item the light ``item`` replaced, with its data and look."""
    if isinstance(item, Dots):
        x, y = item.getData()
        old = pg.ScatterPlotItem(
            x, y, symbol=item._symbol, size=item._size, pen=item._pen, brush=item._brushes[0]
        )
    else:
        x, y = item.getData()
        pen = item.opts["pen"] if isinstance(item, Curve) else item._pen
        connect = "pairs" if isinstance(item, Pairs) else "auto"
        old = pg.PlotDataItem(pen=pen, connect=connect)
        if x is not None and len(x):
            old.setData(x, y)
    old.setPos(item.pos().x(), item.pos().y())
    old.setZValue(item.zValue())
    return old


def light_items(plot) -> list:
    kinds = (Dots, Curve, Segment, Polyline)
    return [i for i in plot.getPlotItem().items if isinstance(i, kinds) and i.isVisible()]


def assert_drawn_as_before(plot) -> None:
    """The plot looks the same with each light item swapped for the old pyqtgraph item."""
    items = light_items(plot)
    assert items
    _pixels(plot)  # (settled)
    new = _pixels(plot)
    olds = []
    for item in items:
        old = old_way(item)
        plot.getPlotItem().vb.addItem(old, ignoreBounds=True)
        # the same place in the drawing order: just above the item it stands in for
        old.setZValue(item.zValue())
        old.stackBefore(item)
        item.setVisible(False)
        olds.append((item, old))
    try:
        before = _pixels(plot)
    finally:
        for item, old in olds:
            plot.getPlotItem().vb.removeItem(old)
            item.setVisible(True)
    # (a symbol drawn through a scatter's cached picture may blend a colour value apart)
    assert np.abs(new - before).max() <= 2, plot.objectName()
    assert (new != before).mean() < 0.001, plot.objectName()


def choose(page, name: str, data: str) -> None:
    combo = page.findChild(QComboBox, name)
    combo.setCurrentIndex(combo.findData(data))


def test_pairs_draws_what_a_pairs_data_item_draws(qtbot):
    plot = shown_plot(qtbot, (300, 240), (0, 4), (0, 4))
    pen = pg.mkPen("#CC79A7", width=4)
    pairs = Pairs(pen)
    plot.addItem(pairs)
    x = [0.5, 0.5, 1.5, 1.5, 2.5, 3.5, 3.0, 3.0]
    y = [0.5, 3.0, 1.0, 1.2, 2.0, 2.5, np.inf, 1.0]  # the last pair is not drawn
    pairs.setData(x, y)
    assert np.array_equal(pairs.getData()[0], x)
    _pixels(plot)  # (the first picture is taken before the axes are laid out)
    new = _pixels(plot)
    assert (new != new[0, 0]).any()
    pairs.setVisible(False)
    old = plot.plot(x[:6], y[:6], pen=pen, connect="pairs")
    assert np.array_equal(_pixels(plot), new)
    plot.removeItem(old)
    pairs.setVisible(True)
    plot.setRange(xRange=(0, 8), yRange=(0, 8), padding=0)  # bounds follow the view
    moved = _pixels(plot)
    pairs.setVisible(False)
    old = plot.plot(x[:6], y[:6], pen=pen, connect="pairs")
    assert np.array_equal(_pixels(plot), moved)
    assert not np.array_equal(moved, new)


@pytest.mark.parametrize("family", ["w*x+x^2", "w*x+v*x^2"])
@pytest.mark.parametrize("batch", ["full", "1"])
def test_crack_the_box_looks_as_drawn_with_data_items(window, family, batch):
    page = black_box_page(window, 1)
    choose(page, "familyCombo", family)
    choose(page, "batchCombo", batch)
    view = page.view
    for _ in range(6):
        page.step()
    page.next_phase()
    page.next_phase()  # LOSS: residuals, the current sample's ring in one-sample mode
    for plot in (view.plot, view.landscape):
        assert_drawn_as_before(plot)
    assert view.residuals.isVisible() and len(view.residuals.getData()[0]) > 0
    if batch == "1":
        assert view.current.isVisible()
    window.resize(900, 640)  # a new view: the items' bounds and pictures follow
    for _ in range(30):
        page.step()
    for plot in (view.plot, view.landscape):
        assert_drawn_as_before(plot)
    window.set_presentation(True)
    try:
        assert_drawn_as_before(view.landscape)
    finally:
        window.set_presentation(False)
    for _ in range(10):
        page.back()
    for plot in (view.plot, view.landscape):
        assert_drawn_as_before(plot)


def test_find_the_input_looks_as_drawn_with_data_items(window):
    page = black_box_page(window, 0)
    view = page.view
    view.reveal_check.setChecked(True)
    for _ in range(5):
        page.step()
    for _ in range(4):  # FORWARD .. UPDATE: drop line, loss bar and caps, tangent, step arrow
        page.next_phase()
        assert_drawn_as_before(view.plot)
    assert len(view.error_caps.getData()[0]) == 4 and len(view.step_shaft.getData()[0]) == 2
    page.controls.lr_spin.setValue(1.5)  # big steps: a new view
    for _ in range(8):
        page.step()
    page.next_phase()
    page.next_phase()
    page.next_phase()
    assert_drawn_as_before(view.plot)
    window.resize(900, 640)
    QApplication.processEvents()
    assert_drawn_as_before(view.plot)


def settled_run(page, steps: int):
    """A run past its settling point, stop rules off (as a long fast run): the newest rows
    repeat the same numbers."""
    from gdstudio.engine import Trainer

    old = page.trainer
    t = Trainer(old.model, lr=old.lr, seed=old.seed, stop_rules=False, max_steps=10**9)
    t.run(steps)
    page.use_trainer(page.view, t)
    QApplication.processEvents()
    return t


@pytest.mark.parametrize("steps", [300, 5000])
def test_a_settled_runs_repeated_tries_are_drawn_once_and_look_the_same(window, steps):
    """Repeats are left out of the tries' dots (so a settled run's picture does not change
    every frame); the picture is the one of every try drawn."""
    from gdstudio.qt.tabs.black_box import TRAIL_POINTS

    page = black_box_page(window, 0)
    view = page.view
    t = settled_run(page, steps)
    _, xs = t.history.decimated("x", TRAIL_POINTS)
    _, ys = t.history.decimated("output", TRAIL_POINTS)
    x, y = view.trail.getData()
    assert len(x) < len(xs) - 1  # repeats left out ...
    assert set(zip(x, y)) == set(zip(xs[:-1], ys[:-1]))  # ... no try
    _pixels(view.plot)
    new = _pixels(view.plot)
    old = pg.ScatterPlotItem(xs[:-1], ys[:-1], size=9, brush=view.trail._brushes[0], pen="w")
    view.plot.addItem(old)
    old.stackBefore(view.trail)
    view.trail.setVisible(False)
    try:
        assert np.array_equal(_pixels(view.plot), new)
    finally:
        view.plot.removeItem(old)
        view.trail.setVisible(True)
    before = view.trail.getData()
    t.run(50)  # settled: nothing new to draw
    view.refresh(t)
    assert view.trail.getData()[0] is before[0]  # the same points: not set again


def test_a_settled_runs_path_is_drawn_without_repeats_and_looks_the_same(window):
    page = black_box_page(window, 1)
    view = page.view
    land = view.landscape
    t = settled_run(page, 3000)
    path = land.path[:-1]  # all but the newest (the tail)
    x, y = land.path_line.getData()
    assert len(x) < len(path)
    _pixels(land)
    new = _pixels(land)
    old = pg.PlotDataItem(
        path[:, 0], t.history.decimated("loss", 2000)[1][:-1], pen=land.path_line.opts["pen"]
    )
    land.addItem(old)
    old.stackBefore(land.path_line)
    land.path_line.setVisible(False)
    try:
        assert np.array_equal(_pixels(land), new)
    finally:
        land.removeItem(old)
        land.path_line.setVisible(True)
    line = land.path_line.getData()
    t.run(150)
    view.refresh(t)
    assert land.path_line.getData()[0] is line[0]  # the same points: not set again


@pytest.mark.parametrize("family", ["w*x+x^2", "w*x+v*x^2"])
def test_a_long_one_sample_run_draws_each_piece_of_its_path_once(window, family):
    """One sample at a time the path goes round the same few points: its line draws each
    piece once, and looks as the whole path drawn by a data item."""
    page = black_box_page(window, 1)
    choose(page, "familyCombo", family)
    choose(page, "batchCombo", "1")
    view = page.view
    land = view.landscape
    settled_run(page, 3000)
    x, y = land.path_line.getData()
    assert len(x) > 1000  # the path as given ...
    QApplication.processEvents()
    pieces = land.path_line._pieces
    assert pieces is not None and len(pieces) <= len(x) - 1
    if family == "w*x+x^2":  # this family cannot copy the box: the run goes round for ever
        assert len(pieces) < len(x) / 10
    assert_drawn_as_before(land)  # ... and as drawn
    assert land.sample_curve.isVisible() or family != "w*x+x^2"


@pytest.mark.parametrize(
    "part, family, batch",
    [(1, "w*x+x^2", "full"), (1, "w*x+v*x^2", "full"), (1, "w*x+x^2", "1"), (0, None, None)],
)
def test_frames_of_a_run_leave_no_old_pixels(window, part, family, batch):
    """A running frame redraws only where something changed (the items' bounds; the path's
    new pieces): what is on screen then is what a redraw of the whole plot shows. (A Curve's
    bounds stuck at the first view's, and the path's old pixels stayed.)"""
    from tests.benchmarks.window_run import marked_running

    page = black_box_page(window, part)
    if family:
        choose(page, "familyCombo", family)
        choose(page, "batchCombo", batch)
    view = page.view
    plots = [view.plot] + ([view.landscape] if part == 1 else [])
    t = settled_run(page, 300)
    with marked_running(page):
        for k in range(40):
            t.run(3 if k % 2 else 120)  # (more new points than the path shows as dots)
            page.refresh()
            for plot in plots:
                before = on_screen(window, plot)
                plot.viewport().update()
                after = on_screen(window, plot)
                assert np.array_equal(before, after), (k, plot.objectName())


def test_a_growing_path_redraws_its_new_pieces(qtbot):
    """PathLine asks for a redraw of only where a grown path's new pieces lie: on its own in
    a plot, what is on screen after it grew is the whole path (and after a new path too)."""
    from gdstudio.qt.tabs.landscape_plot import PathLine

    plot = shown_plot(qtbot, (320, 260), (0, 10), (0, 10))
    line = PathLine(pg.mkPen("#E69F00", width=3))
    plot.addItem(line)
    rng = np.random.default_rng(3)
    x, y = [1.0, 2.0], [1.0, 1.5]
    line.setData(x, y)
    on_screen(plot, plot)
    for k in range(12):
        if k == 6:
            x, y = [9.0, 8.0], [1.0, 2.0]  # another path: all redrawn
        else:
            x = x + list(rng.uniform(0.5, 9.5, 3))  # far apart: nothing else redraws there
            y = y + list(rng.uniform(0.5, 9.5, 3))
        line.setData(x, y)
        shown = on_screen(plot, plot)
        plot.viewport().update()
        assert np.array_equal(shown, on_screen(plot, plot)), k
