"""A running frame of the rifle tab redraws little (issue 7), and the picture stays right: the
close-up follows the shot list (a few times a second in a fast run, the latest burst once the
run stops), the coloured bursts drawn as one item look as five items drew them, and the words
by the arrow are in place whenever they show."""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from gdstudio.engine import Phase
from gdstudio.qt.common import INK
from gdstudio.qt.items import Dots
from gdstudio.qt.tabs.rifle_target import BURSTS_SHOWN, burst_look, burst_records
from tests.benchmarks.window_run import marked_running
from tests.qt.conftest import pixels as _pixels


def close_up_holes(view) -> np.ndarray:
    x, y = view.close_up.holes.getData()
    return np.column_stack([x, y])


def words_and_close_up_agree(view) -> None:
    """The shot list and the close-up show one burst: its shots in words, numbered on its
    holes; its mean and -gradient arrow once the gradient is known."""
    holes = close_up_holes(view)
    burst = view._burst
    if burst is None:
        assert view.shot_lines == [] and len(holes) == 0
        return
    assert np.array_equal(holes, burst.forward.impacts)
    assert view.shot_lines == [view.shot_words(x, y) for x, y in holes]
    shown = [t for t in view.numbers if t.isVisible()]
    assert [t.toPlainText() for t in shown] == [str(i + 1) for i in range(len(holes))]
    assert np.allclose([(t.pos().x(), t.pos().y()) for t in shown], holes)
    x, y = view.close_up.mean.getData()
    if burst.gradient is None:
        assert len(x) == 0 and not view.close_up.head.isVisible()
    else:
        assert np.allclose([x[0], y[0]], burst.forward.mean)
        sx, sy = view.close_up.shaft.getData()  # from the mean to mean - gradient
        assert np.allclose([sx[1], sy[1]], burst.forward.mean - burst.gradient, atol=1e-9)


def shows_the_latest(page) -> None:
    view = page.view
    records = burst_records(page.trainer)
    assert view._burst is (records[-1] if records else None)
    words_and_close_up_agree(view)


def test_the_close_up_shows_the_burst_of_the_words_in_a_run_and_the_latest_after(rifle):
    """Issue 7: in a fast run the close-up was reframed every frame (a third of the view's
    refresh); it now follows the shot list, a few times a second, showing the same burst. When
    the run stops, and after Step, Back, a resize and a reset, both show the latest burst."""
    page, view = rifle, rifle.view
    page.runner.step()
    shows_the_latest(page)
    window = page.window()
    with marked_running(page):  # "running" for the refresh, but no ticks
        behind = 0
        for i in range(12):
            page.trainer.step()
            words = i % 4 == 0
            page._words_at = 0.0 if words else time.monotonic()  # words due, or not
            page.refresh()
            assert page.words_due is words
            QApplication.processEvents()
            latest = page.trainer.recent[-1]
            words_and_close_up_agree(view)
            # the target shows every burst at once
            assert np.array_equal(np.column_stack(view.bursts.burst(0)), latest.forward.impacts)
            if words:
                assert view._burst is latest
            else:
                behind += view._burst is not latest
        assert behind == 9  # a frame without the words shows the burst of the last ones
        # a resize in the run: the close-up keeps the words' burst, framed for its new size
        size = window.size()
        window.resize(size.width() - 200, size.height() - 100)
        page.trainer.step()
        page._words_at = time.monotonic()
        page.refresh()
        QApplication.processEvents()
        words_and_close_up_agree(view)
        assert view._burst is not page.trainer.recent[-1]
        page.runner.pause()  # the run stops: everything brought up to date
        assert not page.runner.running
        shows_the_latest(page)
    QApplication.processEvents()
    shows_the_latest(page)
    window.resize(size)
    QApplication.processEvents()
    shows_the_latest(page)
    # in the middle of a step: the burst in flight, its gradient not yet known
    page.runner.next_phase()
    assert page.trainer.phase is Phase.FORWARD
    shows_the_latest(page)
    assert view._burst.gradient is None
    page.runner.next_phase()
    page.runner.next_phase()  # BACKWARD: the gradient of the same burst
    assert view._burst.gradient is not None
    shows_the_latest(page)
    page.back()
    shows_the_latest(page)
    page.reset()
    shows_the_latest(page)
    assert view._burst is None and "No shots yet" in view.words.text()


def old_items(view) -> list:
    """The coloured bursts and the trail of means drawn as before: a ``Dots`` for each burst
    and a ``PlotDataItem`` for the trail (hidden; the caller shows them)."""
    target = view.plot
    records = burst_records(view._trainer)[-BURSTS_SHOWN:]
    pens = (pg.mkPen(INK, width=2), pg.mkPen("w", width=1))
    items = []
    for age in range(BURSTS_SHOWN):
        j = len(records) - 1 - age
        if j < 0:
            break
        r = records[j]
        colour, symbol = burst_look(r.step, age)
        dots = Dots()
        dots.setData(
            r.forward.impacts[:, 0],
            r.forward.impacts[:, 1],
            symbol=symbol,
            size=16 if age == 0 else 11,
            brush=pg.mkBrush(colour),
            pen=pens[min(age, 1)],
        )
        dots.setZValue(20 - age)
        items.append(dots)
    trail = pg.PlotDataItem(pen=pg.mkPen(INK, width=1.5, style=Qt.PenStyle.DotLine))
    means = [r.forward.mean for r in records if r.gradient is not None]
    if means:
        trail.setData([m[0] for m in means], [m[1] for m in means])
    trail.setZValue(24)
    items.append(trail)
    for item in items:
        item.setVisible(False)
        target.addItem(item)
    return items


def drawn_as_before(view) -> None:
    """The target's pixels with the bursts in one item and the trail a ``Polyline`` are those
    drawn with the old items."""
    target = view.plot
    new = (target.bursts, target.trail)
    now = _pixels(target)
    old = old_items(view)
    try:
        for item in new:
            item.setVisible(False)
        for item in old:
            item.setVisible(True)
        before = _pixels(target)
    finally:
        for item in old:
            target.removeItem(item)
        for item in new:
            item.setVisible(True)
    assert np.array_equal(now, before)


def test_the_bursts_in_one_item_look_as_five_items_drew_them(rifle):
    """Issue 7: each burst ages every frame of a run; five items set again cost five geometry
    changes and scene updates a frame. One item draws them: the same pixels, oldest first,
    each in its colour, symbol, size and pen; the trail of means as its dotted line was."""
    page, view = rifle, rifle.view
    drawn_as_before(view)  # no shots
    for n in (1, 2, 4, 7):
        while page.trainer.step_count < n:
            page.runner.step()
        drawn_as_before(view)
        assert np.array_equal(
            np.column_stack(view.bursts.burst(0)), page.trainer.recent[-1].forward.impacts
        )
    page.runner.next_phase()  # a burst in flight: drawn, its mean not yet
    assert page.trainer.phase is Phase.FORWARD
    drawn_as_before(view)
    with marked_running(page):
        for _ in range(9):
            page.trainer.step()
            page.refresh()
            QApplication.processEvents()
    page.refresh()
    drawn_as_before(view)
    assert len(view.bursts.burst(BURSTS_SHOWN - 1)[0]) == page.trainer.model.burst
    assert len(view.bursts.burst(BURSTS_SHOWN)[0]) == 0


def test_the_words_by_the_arrow_are_in_place_whenever_they_show(rifle):
    """The words "mean" and "−gradient" show beside a long arrow only; hidden, they are not
    moved each frame, so they must be put in place when they show again."""
    page, view = rifle, rifle.view
    target = view.plot
    seen = set()

    def check():
        r = burst_records(page.trainer)[-1]
        shown = target.arrow_text.isVisible()
        assert target.mean_text.isVisible() is shown
        seen.add(shown)
        if shown:
            mean = r.forward.mean
            mid = mean - 0.5 * np.asarray(r.gradient)
            assert np.allclose([target.mean_text.pos().x(), target.mean_text.pos().y()], mean)
            assert np.allclose([target.arrow_text.pos().x(), target.arrow_text.pos().y()], mid)

    for _ in range(3):
        page.runner.step()
        check()
    with marked_running(page):
        for _ in range(30):
            page.trainer.step()
            page.refresh()
            check()
    page.runner.step()
    check()
    assert seen == {True, False}
    page.reset()
    page.runner.step()
    check()
    assert target.arrow_text.isVisible()  # the first burst misses by far


def test_the_wind_drawn_once_follows_a_resize_and_a_language_switch(rifle, qapp):
    """The wind is drawn again only when it, the target's size or the language changes: its
    arrow's head is sized in pixels, its words are translated."""
    from gdstudio.qt import i18n

    page, view = rifle, rifle.view
    target = view.plot
    view.wind_spin.setValue(5.0)
    window = page.window()

    def head_fits():
        vb = target.getPlotItem().getViewBox()
        (x0, x1), _ = vb.viewRange()
        pixels = 10.0 * vb.width() / (x1 - x0)  # the wind's arrow is 10 cm long
        assert view.wind_head.opts["headLen"] == pytest.approx(max(7.0, min(20.0, pixels / 2)))

    page.refresh()
    head_fits()
    big = view.wind_head.opts["headLen"]
    size = window.size()
    try:
        window.resize(560, 420)  # a target under 80 pixels wide: a smaller head
        QApplication.processEvents()
        page.refresh()
        head_fits()
        assert view.wind_head.opts["headLen"] < big
    finally:
        window.resize(size)
        QApplication.processEvents()
    page.refresh()
    head_fits()
    assert view.wind_text.toPlainText() == "wind 5 cm"
    locale = QLocale()
    try:
        assert i18n.install(qapp, "zh_CN")
        window.retranslate()
        assert view.wind_text.toPlainText() != "wind 5 cm"
    finally:
        i18n.install(qapp, "en")
        QLocale.setDefault(locale)
        window.retranslate()
    assert view.wind_text.toPlainText() == "wind 5 cm"


def test_old_holes_of_a_fast_run_are_drawn_directly_and_of_a_slow_one_from_pictures(rifle):
    """Issue 7: when more than a chunk of bursts arrives between two refreshes (a fast run adds
    a hundred or more), building pictures of them cost more than drawing every hole: the grey
    holes are drawn directly, and pictures are kept again once bursts come one at a time."""
    page, view = rifle, rifle.view
    old = view.old_holes
    page.trainer.stop_rules = False  # (a plateau would end the run)
    with marked_running(page):
        for _ in range(4):
            page.trainer.run(3 * old.CHUNK)  # a fast run's frame
            page.refresh()
            QApplication.processEvents()
            assert old.direct and not old._front and old._back is None
        fast = _pixels(view.plot)
        x, y = old.getData()
        assert len(x) > 3 * old.CHUNK * page.trainer.model.burst
        for _ in range(3 * old.CHUNK):  # one burst a frame
            page.trainer.step()
            page.refresh()
            QApplication.processEvents()
        assert not old.direct and old._front  # pictures again
    assert not np.array_equal(fast, _pixels(view.plot))  # (the holes did move on)


def test_the_aim_s_words_hide_while_a_run_moves_the_aim(rifle, qtbot):
    """'aim (drag me)' invites a drag that would start again from there: hidden while the run
    moves the aim, back when it stops (Pause or a stop rule)."""
    from PySide6.QtWidgets import QPushButton

    page, view = rifle, rifle.view
    label = view.aim_item.label()
    run = page.findChild(QPushButton, "runButton")
    assert label.isVisible() and label.toPlainText() == "aim (drag me)"
    qtbot.mouseClick(run, Qt.MouseButton.LeftButton)
    assert page.runner.running and not label.isVisible()
    qtbot.wait(50)
    assert not label.isVisible()
    qtbot.mouseClick(run, Qt.MouseButton.LeftButton)
    assert not page.runner.running and label.isVisible()
    page.controls.speed_slider.setValue(page.controls.speed_slider.maximum())
    qtbot.mouseClick(run, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.trainer.done, timeout=10000)  # ends on a plateau
    assert label.isVisible()
