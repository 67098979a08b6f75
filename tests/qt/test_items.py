"""The light items of gdstudio/qt/items.py draw what the pyqtgraph items they replace draw."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tests.qt.conftest import pixels as _pixels
from tests.qt.conftest import shown_plot


@pytest.fixture
def plot(qtbot):
    w = shown_plot(qtbot, (300, 300), (-5, 5), (-5, 5), background="w")
    return w


def _same_picture(plot, ours, theirs) -> None:
    """``ours`` alone and ``theirs`` alone give the same pixels, and they draw something."""
    for item in (ours, theirs):
        plot.addItem(item)
        item.setVisible(False)
    blank = _pixels(plot)
    ours.setVisible(True)
    mine = _pixels(plot)
    ours.setVisible(False)
    theirs.setVisible(True)
    reference = _pixels(plot)
    assert np.array_equal(mine, reference)
    assert (reference != blank).any()  # something was drawn at all


@pytest.mark.parametrize("style", [Qt.PenStyle.DotLine, Qt.PenStyle.DashLine])
def test_a_polyline_draws_what_a_plot_data_item_draws(plot, style):
    from gdstudio.qt.items import Polyline

    pen = pg.mkPen("#202020", width=1.5, style=style)
    x, y = [-4.0, -1.0, 0.5, 3.0], [-3.0, 2.0, -1.0, 4.0]
    ours = Polyline(pen)
    ours.setData(x, y)
    theirs = pg.PlotDataItem(x, y, pen=pen)
    _same_picture(plot, ours, theirs)
    got_x, got_y = ours.getData()
    assert got_x.tolist() == x and got_y.tolist() == y


def test_a_polyline_leaves_out_non_finite_points_and_draws_nothing_for_one(plot):
    from gdstudio.qt.items import Polyline

    line = Polyline(pg.mkPen("k", width=2))
    plot.addItem(line)
    line.setData([0.0, np.nan, 1.0], [0.0, 1.0, np.inf])
    assert line.boundingRect().isEmpty()
    blank = _pixels(plot)
    line.setData([-2.0, np.nan, 2.0], [-2.0, 5.0, 2.0])
    r = line.boundingRect()
    assert r.left() < -2.0 < 2.0 < r.right() and r.top() < -2.0 < 2.0 < r.bottom()
    assert not np.array_equal(_pixels(plot), blank)


@pytest.mark.parametrize("scale", [float("inf"), 1e300])
def test_dots_under_an_infinite_or_huge_scale_draw_off_the_picture_without_crashing(qtbot, scale):
    """A view range of subnormal width (a table of 1e-310) scales by infinity: the points come
    out NaN or huge, and Qt crashed drawing them (a segmentation fault in the black box)."""
    from PySide6.QtGui import QPainter, QTransform

    from gdstudio.qt.items import Dots

    dots = Dots(size=11, brush=pg.mkBrush("b"))
    dots.setData([0.0, 1.0], [0.0, 2.0])
    image = QImage(50, 50, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setTransform(QTransform(scale, 0, 0, -scale, 25, 25))
    dots.paint(painter, None, None)
    painter.end()
    t = QTransform(scale, 0, 0, -scale, 25, 25)
    px, py = dots._device_points(t)
    assert np.all(np.isfinite(px)) and np.all(np.abs(px) <= 2.0**30)
    assert np.all(np.isfinite(py)) and np.all(np.abs(py) <= 2.0**30)


@pytest.mark.parametrize("width", [3, 6])
def test_a_curve_draws_what_a_plot_data_item_draws(plot, width):
    """The loss curve's item: the same pixels as a PlotDataItem with the same solid pen, for a
    noisy line of 800 points with a gap (a non-finite loss breaks the line, as there)."""
    from gdstudio.qt.items import Curve

    rng = np.random.default_rng(1)
    x = np.linspace(-4.5, 4.5, 800)
    y = 3.0 * np.exp(-0.3 * (x + 4.5)) - 1.5 + 0.4 * rng.standard_normal(800)
    y[400] = np.nan
    y[401] = np.inf
    pen = pg.mkPen("#0072B2", width=width)
    ours = Curve(pen)
    ours.setData(x, y)
    theirs = pg.PlotDataItem(x, y, pen=pen)
    _same_picture(plot, ours, theirs)
    got_x, got_y = ours.getData()
    assert np.array_equal(got_x, x) and np.array_equal(got_y, y, equal_nan=True)


def test_a_curve_draws_shown_y_and_keeps_far_points_on_the_picture(plot):
    """``shown_y`` is drawn (a log scale's log10), ``getData`` keeps ``y``; a point far out of
    sight (1e300) still draws the line towards it, as a PlotDataItem does, without a crash."""
    from gdstudio.qt.items import Curve

    x = np.array([-4.0, 0.0, 4.0])
    y = np.array([10.0, 100.0, 1000.0])
    ours = Curve(pg.mkPen("k", width=3))
    ours.setData(x, y, shown_y=np.log10(y) - 2.0)
    theirs = pg.PlotDataItem(x, np.log10(y) - 2.0, pen=pg.mkPen("k", width=3))
    _same_picture(plot, ours, theirs)
    assert ours.getData()[1].tolist() == [10.0, 100.0, 1000.0]
    ours.setData([-4.0, 0.0], [0.0, 1e300])
    theirs.setData([-4.0, 0.0], [0.0, 1e300])
    shown = _pixels(plot)  # (ours hidden, theirs shown: left by _same_picture)
    theirs.setVisible(False)
    ours.setVisible(True)
    mine = _pixels(plot)
    assert (mine != 255).any()
    # the steep line: the same column of pixels
    assert np.array_equal((mine < 128).any(axis=0), (shown < 128).any(axis=0))


def test_a_curve_s_bounds_follow_the_view(plot):
    """A Curve's bounds are the visible area; they must follow every new range (pyqtgraph keeps
    the view's rectangle cached until the base class forgets it: the bounds stayed the first
    view's, and a partial redraw left the line's old pixels on screen)."""
    from gdstudio.qt.items import Curve

    curve = Curve(pg.mkPen("k", width=3))
    curve.setData([0.0, 1.0], [0.0, 1.0])
    plot.addItem(curve)
    for x0, x1, y0, y1 in [(-5, 5, -5, 5), (0, 100, -20, 3), (-1, 1, -1, 1)]:
        plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        QApplication.processEvents()
        r = curve.boundingRect()
        assert (r.left(), r.right()) == pytest.approx((x0, x1), abs=1e-6)
        assert (r.top(), r.bottom()) == pytest.approx((y0, y1), abs=1e-6)
