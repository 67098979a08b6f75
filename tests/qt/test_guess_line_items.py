"""The number line's light items draw what the pyqtgraph items they replaced drew (issue 7).

B's words are one ``Words`` item that keeps the layout of each wording (it was a
``pg.TextItem`` per label), the dots are ``items.Dots`` (ScatterPlotItems) and the dashed path an
``items.Polyline`` (a PlotDataItem). Each is compared, pixel by pixel, with the old item put in
its place.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale, QPointF
from PySide6.QtWidgets import QWidget

from gdstudio.qt.common import BLUE, GREY, INK, ORANGE
from gdstudio.qt.tabs.guess_line import LABEL_FILL, NumberLine
from tests.qt.conftest import pixels as _pixels

GUESSES = [5, 30, 42, 45, 44, 43]
ANSWERS = ["too low", "low", "a bit low", "a bit high", "a bit high", "correct!"]


@pytest.fixture
def line(qtbot):
    line = NumberLine("testLine")
    line.resize(480, 400)
    qtbot.addWidget(line)
    QWidget.show(line)  # (NumberLine.show draws the guesses)
    qtbot.waitExposed(line)
    return line


def draw(line, guesses=GUESSES, answers=ANSWERS, found=False, low=1, high=50) -> None:
    line.show(guesses, answers, low, high, None, line.rows_that_fit(), found=found)


def text_items_like(line) -> list[pg.TextItem]:
    """The labels as the number line made them before: a TextItem each, in the same place,
    then moved to the whole device pixel above and left of it, as ``Words`` draws it (a
    TextItem drawn at a fraction of a pixel writes its letters a little differently each
    time; in the old line, cached in device coordinates, that fraction depended on where a
    label was first drawn, and its white box was left out when it was first drawn).
    """
    items = []
    dpr = line.widget.devicePixelRatioF()
    for label, box in zip(line.words.shown, line.words.scene_rects(), strict=True):
        t = pg.TextItem(label.text, color=INK, anchor=(label.anchor, 0.5), fill=LABEL_FILL)
        t.setFont(label.font)
        t.setZValue(5)
        line.plot.addItem(t)
        t.setPos(label.x, label.y)
        assert t.sceneBoundingRect() == box  # the same place (before the rounding)
        x, y = (math.floor(v * dpr) / dpr + 1e-6 for v in (box.left(), box.top()))
        t.setAnchor((0, 0))
        t.setPos(line.words.mapFromScene(QPointF(x, y)))
        items.append(t)
    return items


def same_as(line, ours, theirs) -> None:
    """The line with ``ours`` and with ``theirs`` in its place look the same."""
    theirs = theirs if isinstance(theirs, list) else [theirs]
    for t in theirs:
        t.setVisible(False)
    mine = _pixels(line.widget)
    ours.setVisible(False)
    for t in theirs:
        t.setVisible(True)
    try:
        reference = _pixels(line.widget)
    finally:
        ours.setVisible(True)
        for t in theirs:
            line.plot.removeItem(t)
    differ = np.abs(mine - reference).max(axis=1) > 0
    assert not differ.any(), f"rows {np.nonzero(differ)[0].tolist()} differ"


def test_the_words_look_as_the_text_items_drew_them(line, qtbot):
    draw(line)
    assert line.visible_labels() == [f"{g} — {w}" for g, w in zip(GUESSES, ANSWERS)]
    assert [lab.bold for lab in line.words.shown] == [False] * 5 + [True]
    same_as(line, line.words, text_items_like(line))
    # after a resize the labels move and may change sides: still drawn where the items were
    line.resize(300, 520)
    qtbot.wait(5)
    draw(line)
    same_as(line, line.words, text_items_like(line))
    # a narrow line drops the number rather than cover the dot
    line.resize(150, 520)
    qtbot.wait(5)
    draw(line)
    assert "too low" in line.visible_labels()
    same_as(line, line.words, text_items_like(line))


def test_the_words_are_laid_out_once_per_wording_and_font(line, qtbot):
    words = line.words
    draw(line, [7], ["a first guess"])
    line.widget.grab()
    laid_out = words.laid_out
    for n in range(2, 8):  # every row scrolls; each step adds one wording, bold
        draw(line, [7] * n, ["a first guess"] * n)
        line.widget.grab()
    # the newest in bold (laid out once) and the same words plain (once, then kept)
    assert words.laid_out - laid_out == 1
    laid_out = words.laid_out
    # a new font (the app's font follows the language): new layouts, and new sizes
    big = line.latest_pt
    line.latest_pt = big + 5
    try:
        draw(line, [7] * 7, ["a first guess"] * 7)
        line.widget.grab()
        assert words.laid_out - laid_out == 1
        assert words.shown[-1].font.pointSizeF() == big + 5
        same_as(line, words, text_items_like(line))
    finally:
        line.latest_pt = big


def test_the_words_are_kept_in_the_view_and_do_not_overlap(line, qtbot):
    draw(line, list(range(1, 51, 3)), [f"row {k}" for k in range(17)])
    rects = line.words.scene_rects()
    assert len(rects) == len(line.words.shown) == line.rows_that_fit()
    area = line.plot.vb.sceneBoundingRect()
    assert all(area.contains(r) for r in rects)
    for a, b in zip(rects, rects[1:]):
        assert not a.intersects(b)


@pytest.mark.parametrize("found", [False, True])
def test_the_dots_and_the_path_look_as_the_plot_items_drew_them(line, found):
    draw(line, found=found)
    x, y = line.dots.getData()
    assert x.tolist() == GUESSES[:-1] and y.tolist() == [0, -1, -2, -3, -4]
    dots = pg.ScatterPlotItem(size=15, brush=pg.mkBrush(BLUE), pen=pg.mkPen("w"))
    dots.setZValue(10)
    line.plot.addItem(dots)
    dots.setData(x, y)
    same_as(line, line.dots, dots)
    x, y = line.latest.getData()
    assert x.tolist() == GUESSES[-1:] and y.tolist() == [-5]
    latest = pg.ScatterPlotItem(
        size=26, symbol="d", brush=pg.mkBrush(ORANGE), pen=pg.mkPen(INK, width=2)
    )
    latest.setZValue(11)
    line.plot.addItem(latest)
    latest.setData(x, y, symbol="star" if found else "d", size=30 if found else 26)
    same_as(line, line.latest, latest)
    path = pg.PlotDataItem(*line.path.getData())
    path.setPen(pg.mkPen(GREY, width=2, style=pg.QtCore.Qt.PenStyle.DashLine))
    line.plot.addItem(path)
    path.setZValue(line.path.zValue())
    same_as(line, line.path, path)


@pytest.fixture
def english(qapp):
    """Leave the app in English with the locale it had, whatever the test did."""
    from gdstudio.qt import i18n

    before = QLocale()
    yield
    i18n.install(qapp, "en")
    QLocale.setDefault(before)


def test_the_words_follow_a_language_switch(window, qapp, qtbot, english):
    """(The i18n tests read the texts of the plots' text items; B's words are drawn by one
    item now, so this checks them.)"""
    from gdstudio.qt import i18n

    window.tabs.setCurrentIndex(0)
    page = window.pages[0]
    view = page.parts[0].view
    for _ in range(3):
        page.step()
    english_words = view.line.visible_labels()
    assert english_words[0] == "5 — too low"
    assert i18n.install(qapp, "zh_CN")
    qtbot.wait(10)
    window.retranslate()
    page.refresh()
    chinese = view.line.visible_labels()
    assert len(chinese) == 3 and chinese != english_words
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in chinese), chinese
    same_as(view.line, view.line.words, text_items_like(view.line))  # in the Chinese font
    assert i18n.install(qapp, "en")
    qtbot.wait(10)
    window.retranslate()
    page.refresh()
    assert view.line.visible_labels() == english_words
