"""The shared plots' small marks: the loss curve's latest point and the gradient's origin."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton

from gdstudio.qt.common import BLUE
from tests.qt.conftest import shown_plot


def _patch(plot, item, x: float, y: float, half: int = 6) -> np.ndarray:
    """The RGB pixels painted around view point (x, y) of ``item``'s view box."""
    QApplication.processEvents()
    image = plot.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    at = plot.mapFromScene(item.getViewBox().mapViewToScene(QPointF(x, y)))
    dpr = image.devicePixelRatio()
    cx, cy = round(at.x() * dpr), round(at.y() * dpr)
    a = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    return a[cy - half : cy + half + 1, cx - half : cx + half + 1, 2::-1].astype(int)


def _drawn(plot, item, x: float, y: float, colour: QColor) -> int:
    """How many pixels around (x, y) the item paints in about ``colour`` (it is hidden for a
    second picture: what it adds to the plot)."""
    shown = _patch(plot, item, x, y)
    item.setVisible(False)
    hidden = _patch(plot, item, x, y)
    item.setVisible(True)
    changed = (shown != hidden).any(axis=-1)
    near = (np.abs(shown - np.array(colour.getRgb()[:3])) <= 40).all(axis=-1)
    return int((changed & near).sum())


def test_the_loss_marker_sits_on_the_latest_loss_in_both_scales(window, qtbot):
    page = window.pages[0]
    step = page.findChild(QPushButton, "stepButton")
    for _ in range(4):
        qtbot.mouseClick(step, Qt.MouseButton.LeftButton)
    plot, marker = page.loss_plot, page.loss_plot.marker
    h = page.trainer.history
    last_step, last_loss = float(h.column("step")[-1]), float(h.column("loss")[-1])
    assert marker.isVisible()
    assert (marker.pos().x(), marker.pos().y()) == (last_step, last_loss)
    assert _drawn(plot, marker, last_step, last_loss, QColor(BLUE)) >= 30  # an 11-px dot

    page.findChild(QCheckBox, "logScaleCheck").setChecked(True)
    y = math.log10(max(last_loss, 1e-16))
    assert (marker.pos().x(), marker.pos().y()) == (last_step, y)
    assert _drawn(plot, marker, last_step, y, QColor(BLUE)) >= 30
    # the curve is drawn at log10 of the losses (its data stay the losses)
    xs, losses = plot.curve.getData()
    assert np.allclose(losses, h.column("loss")[-len(losses) :])
    low, high = plot.curve.dataBounds(1)
    assert math.isclose(low, math.log10(max(losses.min(), 1e-16)))
    assert math.isclose(high, math.log10(losses.max()))


def test_the_marker_grows_in_presentation_mode_and_shrinks_back(window, qtbot):
    page = window.pages[0]
    qtbot.mouseClick(page.findChild(QPushButton, "stepButton"), Qt.MouseButton.LeftButton)
    marker = page.loss_plot.marker
    normal = marker.boundingRect().width()
    page.loss_plot.set_presentation(True)
    assert marker.boundingRect().width() > 1.3 * normal
    page.loss_plot.set_presentation(False)
    assert marker.boundingRect().width() == normal


def test_the_gradient_origin_is_a_dark_dot_at_zero(window):
    plot = window.pages[0].gradient_plot
    x, y = plot.origin.getData()
    assert np.array_equal(x, [0.0]) and np.array_equal(y, [0.0])
    assert _drawn(plot, plot.origin, 0.0, 0.0, QColor("#202020")) >= 16  # an 8-px dot


def test_the_gradient_arrows_bounds_hold_the_arrows_and_follow_the_view(window, qtbot):
    """The arrows' bounds are their own area within the visible one (a frame repaints only
    around them) and follow each new range (they once stayed the first view's)."""
    page = window.pages[2]  # the rifle: arrows in two dimensions
    window.tabs.setCurrentIndex(2)
    for _ in range(4):
        qtbot.mouseClick(page.findChild(QPushButton, "stepButton"), Qt.MouseButton.LeftButton)
    plot = page.gradient_plot
    xs, ys = plot.arrows.getData()
    assert len(xs) == 8
    for x0, x1, y0, y1 in [(-60, 60, -60, 60), (-3, 3, -3, 3), (-600, 600, -600, 600)]:
        plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        QApplication.processEvents()
        view = plot.arrows.viewRect()
        r = plot.arrows.boundingRect()
        for x, y in zip(xs, ys):  # every end in sight is inside
            if view.contains(QPointF(x, y)):
                assert r.contains(QPointF(x, y)), (x, y, r)
        # and the bounds reach at most a head and a pen beyond the view
        pixel = view.width() / plot.getPlotItem().getViewBox().width()
        slack = 30 * pixel
        assert view.adjusted(-slack, -slack, slack, slack).contains(r)
    plot.setRange(xRange=(-60, 60), yRange=(-60, 60), padding=0)
    QApplication.processEvents()
    wide = plot.arrows.boundingRect()
    assert wide.width() < 0.9 * plot.arrows.viewRect().width()  # (not the whole view)


def test_frames_of_a_run_leave_no_old_arrow_pixels(window, qtbot):
    """With bounds of their own, a frame repaints only around the arrows: what is on screen
    then is what a repaint of the whole plot shows."""
    from tests.benchmarks.window_run import marked_running
    from tests.qt.conftest import on_screen

    page = window.pages[2]
    window.tabs.setCurrentIndex(2)
    page.trainer.stop_rules = False
    plot = page.gradient_plot
    with marked_running(page):
        page.refresh()
        qtbot.wait(100)  # (the tab just shown: its first paints and layout settle)
        for k in range(30):
            page.trainer.run(1 if k % 3 else 25)
            page.refresh()
            before = on_screen(window, plot)
            plot.viewport().update()
            after = on_screen(window, plot)
            assert np.array_equal(before, after), k


def test_frames_of_a_run_leave_no_old_loss_curve_pixels(window, qtbot):
    """The loss curve repaints only where it changed (its end, in a long run): what is on
    screen after each frame, with the range kept or changed, is what a repaint of the whole
    plot shows."""
    from tests.benchmarks.window_run import marked_running, prefill
    from tests.qt.conftest import on_screen

    page = window.pages[2]  # the rifle: a noisy loss
    window.tabs.setCurrentIndex(2)
    t = page.trainer
    t.stop_rules = False
    t.max_steps = 10**9
    prefill(t, 5000)
    plot = page.loss_plot
    with marked_running(page):
        page.refresh()
        qtbot.wait(100)  # (the tab just shown: its first paints and layout settle)
        for k in range(40):
            t.run(1 if k % 4 else 150)
            page.refresh()
            before = on_screen(window, plot)
            plot.viewport().update()
            after = on_screen(window, plot)
            assert np.array_equal(before, after), k


def test_a_curve_that_only_grew_repaints_only_its_end(qtbot):
    """items.Curve asks for a repaint of the changed end: old and new last segments."""
    import pyqtgraph as pg

    from gdstudio.qt.items import Curve

    plot = shown_plot(qtbot, (300, 200), (0, 100), (0, 10))
    curve = Curve(pg.mkPen("k", width=3))
    plot.addItem(curve)
    x = np.arange(50.0)
    curve.setData(x, np.full(50, 5.0))
    QApplication.processEvents()
    asked = []
    curve.update = lambda *rect: asked.append(rect)
    curve.setData(np.arange(51.0), np.r_[np.full(50, 5.0), 6.0])  # one more point
    (rect,) = asked[0]
    assert 47.0 < rect.left() < 49.0 and 50.0 < rect.right() < 52.5  # the last segment
    assert rect.top() < 5.0 and rect.bottom() > 6.0
    asked.clear()
    curve.setData(np.arange(51.0), np.r_[np.full(50, 5.0), 6.0])  # the same: no repaint
    assert asked == []
    curve.setData(np.arange(51.0), np.full(51, 2.0))  # all moved: everything in one rect
    (rect,) = asked[0]
    assert rect.left() < 0.5 and rect.right() > 50.0


def test_a_curve_repainted_at_its_end_strokes_only_the_segments_there(qtbot):
    """A frame that repaints the curve's end strokes the segments that reach it, not all the
    line (the pixels are checked against a full repaint in the run test above)."""
    import pyqtgraph as pg

    from gdstudio.qt.items import Curve

    kept = []

    class Counted(Curve):
        def _near(self, ends, rect):
            near = super()._near(ends, rect)
            kept.append(len(ends[0]) if near is None else int(near.sum()))
            return near

    plot = shown_plot(qtbot, (400, 200), (0, 1000), (0, 10))
    curve = Counted(pg.mkPen("k", width=3))
    plot.addItem(curve)
    x = np.arange(1000.0)
    y = 5.0 + np.sin(x / 7.0)
    curve.setData(x, y)
    qtbot.waitUntil(lambda: bool(kept))
    assert kept[-1] == 999  # the first paint: all of it
    qtbot.wait(20)
    kept.clear()
    curve.setData(x, np.r_[y[:-1], 9.0])  # the last point moved
    qtbot.waitUntil(lambda: bool(kept))
    assert 0 < kept[-1] < 50
