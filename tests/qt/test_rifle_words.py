"""The rifle's shot list (ShotList): painted from plain strings as the rich-text table looked,
sized from its lines' metrics, and laid out again when its words, its font or the language
change."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from gdstudio.qt import appearance, i18n
from gdstudio.qt.common import font
from gdstudio.qt.tabs.rifle_words import COLUMN_GAP, ShotList

HEAD = "Latest burst (step 7), shot by shot:"
LINES = ["ring 6, 50 degrees upper left", "ring 10, bullseye", "ring 9, 45 degrees upper left"]
TEN = [f"ring {r}, {d} degrees lower right" for r, d in zip(range(1, 11), range(5, 55, 5))]


def table_html(head: str, lines: list[str], columns: int, size: int) -> str:
    """The rich text the list's QLabel held before ShotList (for comparing the looks)."""
    cells = [f"<b>{i}</b>&nbsp;&nbsp;{text}" for i, text in enumerate(lines, start=1)]
    rows = math.ceil(len(cells) / columns)
    style = f"padding-right:16px; white-space:nowrap; font-size:{size}pt"
    table = []
    for row in range(rows):
        tds = []
        for col in range(columns):
            i = col * rows + row
            tds.append(f"<td style='{style}'>{cells[i] if i < len(cells) else ''}</td>")
        table.append("<tr>" + "".join(tds) + "</tr>")
    return f"<b>{head}</b><table cellspacing='0'>{''.join(table)}</table>"


def shown(qtbot, widget, width: int) -> None:
    qtbot.addWidget(widget)
    widget.resize(width, widget.heightForWidth(width))
    widget.show()
    qtbot.waitExposed(widget)


def pixels(widget) -> np.ndarray:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    a = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return a[:, : 4 * image.width()].reshape(image.height(), image.width(), 4)[..., :3].astype(int)


def shot_list(lines=LINES, columns=2, size=12, head=HEAD) -> ShotList:
    words = ShotList()
    words.setFont(font(12))
    words.show_shots(head, lines, columns, size)
    return words


def test_the_list_looks_as_the_rich_text_table_did(qtbot):
    """Same heading, same bold numbers, same columns, same rows, pixel for pixel (up to the
    glyphs' own rounding), and the same size asked for."""
    for lines, columns, size, width in ((LINES, 2, 12, 560), (LINES, 1, 12, 300)):
        words = shot_list(lines, columns, size)
        label = QLabel()
        label.setFont(font(12))
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(table_html(HEAD, lines, columns, size))
        assert words.heightForWidth(width) == label.heightForWidth(width)
        assert words.minimumSizeHint().width() == label.minimumSizeHint().width()
        shown(qtbot, words, width)
        shown(qtbot, label, width)
        new, old = pixels(words), pixels(label)
        assert new.shape == old.shape
        differ = (np.abs(new - old).max(axis=2) > 40).mean()
        assert differ < 0.005, f"{differ:.2%} of the pixels differ ({columns} columns)"
        assert (old.min(axis=2) < 100).sum() > 1000  # (there was text to compare)
    # the message alone: plain, wrapped at the width, as the label wrote it
    words, label = ShotList(), QLabel("No shots yet: press Step to fire the first burst.")
    words.setFont(font(12))
    words.show_message(label.text())
    label.setFont(font(12))
    label.setWordWrap(True)
    for width in (120, 500):
        assert words.heightForWidth(width) == label.heightForWidth(width)
    assert words.text() == label.text()


def test_the_words_of_ten_shots_stand_in_aligned_columns(qtbot):
    words = shot_list(TEN, 2, 11)
    shown(qtbot, words, 700)
    assert words.columns() == [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]
    rects = words.words_rects()
    head = words.heightForWidth(700) - 5 * rects[0].height()
    assert head > 10 and rects[0].top() == head  # the rows start under the heading
    left, right = rects[:5], rects[5:]
    assert len({r.left() for r in left}) == 1 and len({r.left() for r in right}) == 1
    assert right[0].left() >= max(r.right() for r in left) + COLUMN_GAP  # the gap as before
    assert [r.top() for r in left] == [r.top() for r in right]  # rows side by side
    assert all(b.top() == a.bottom() for a, b in zip(left, left[1:]))  # and one under another
    # every line is drawn where it says: ink in each line's place
    ink = pixels(words).min(axis=2) < 100
    for r in rects:
        assert ink[int(r.top()) : int(r.bottom()), int(r.left()) : int(r.right())].sum() > 50
    # one column: the numbers 1 to 10 in a column of their own, all the words in line
    words.show_shots(HEAD, TEN, 1, 11)
    assert words.columns() == [list(range(1, 11))]
    assert len({r.left() for r in words.words_rects()}) == 1


def test_a_heading_that_does_not_fit_is_wrapped(qtbot):
    words = shot_list(LINES, 1)
    wide = words.heightForWidth(1000)
    assert words.sizeHint().height() == wide  # unwrapped
    rows = words.words_rects()[-1].bottom() - words.words_rects()[0].top()
    narrow = words.minimumSizeHint().width()  # the rows' width, narrower than the heading
    assert narrow < words.sizeHint().width()
    assert words.heightForWidth(narrow) > wide  # a second line for the heading
    shown(qtbot, words, narrow)
    assert words.words_rects()[0].top() > wide - rows  # the rows moved down under it
    ink = pixels(words).min(axis=2) < 100
    assert not ink[:, narrow - 2 :].any()  # nothing drawn past the edge
    # the list never gets narrower than its widest row or the heading's longest word
    assert words.minimumSizeHint().width() >= max(r.right() for r in words.words_rects())


def test_it_paints_in_the_palette_s_text_colour(qtbot):
    words = shot_list()
    palette = words.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8e8e8"))  # the dark theme's
    palette.setColor(QPalette.ColorRole.Window, QColor("#2b2d31"))
    words.setPalette(palette)
    words.setAutoFillBackground(True)
    shown(qtbot, words, 560)
    a = pixels(words)
    assert (a.min(axis=2) > 200).sum() > 500  # light text on the dark background
    assert not (a.max(axis=2) < 30).any()  # and no black


def test_its_text_and_accessible_name_are_what_it_shows():
    words = shot_list()
    expected = [HEAD, "1  ring 6, 50 degrees upper left", "2  ring 10, bullseye"]
    assert words.text().splitlines() == [*expected, "3  ring 9, 45 degrees upper left"]
    assert words.accessibleName() == HEAD
    assert words.accessibleDescription() == words.text()
    words.show_message("No shots yet: press Step to fire the first burst.")
    assert words.text() == words.accessibleName() == words.accessibleDescription()
    assert words.shown_lines() == [] and words.columns() == []


def test_a_line_is_laid_out_once_while_its_words_repeat():
    """A fast run writes the list five times a second; the same few words come back burst
    after burst and are not laid out again (only the new heading is)."""
    words = shot_list()
    words.sizeHint()
    kept = dict(words._kept)
    words.show_shots("Latest burst (step 8), shot by shot:", LINES[::-1], 2, 12)
    words.sizeHint()
    assert words._kept == kept and all(words._kept[k] is kept[k] for k in kept)


# --- in the rifle view -------------------------------------------------------------------------
def settle(qtbot):
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(10)


def test_the_box_takes_the_height_of_the_words(rifle, qtbot):
    """3 shots, then 10: the SteadyBox asks the page for the room the words need."""
    view = rifle.view
    box = view.words_box
    view.burst_spin.setValue(3)
    rifle.step()
    settle(qtbot)
    three = box.height()
    assert three == view.words.heightForWidth(box.width()) > 0
    assert view.words.geometry() == box.rect()
    view.burst_spin.setValue(10)
    rifle.step()
    settle(qtbot)
    assert len(view.words.shown_lines()) == 10
    assert box.height() == view.words.heightForWidth(box.width()) > three


def test_one_column_beside_the_picture_two_under_it(rifle, qtbot):
    window = rifle.window()
    view = rifle.view
    view.burst_spin.setValue(10)
    rifle.step()
    window.resize(1900, 760)  # a wide picture: the list goes under the close-up
    settle(qtbot)
    assert view._words_in_column and view.words_box.parent() is view.close_up
    assert view.words.columns() == [list(range(1, 11))]
    window.resize(1280, 800)
    settle(qtbot)
    assert not view._words_in_column
    assert view.words.columns() == [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]
    assert view.words_box.height() == view.words.heightForWidth(view.words_box.width())


def test_larger_fonts_and_a_language_switch_lay_it_out_again(rifle, qtbot):
    view = rifle.view
    box, words = view.words_box, view.words
    rifle.step()
    settle(qtbot)
    before = (box.height(), words.sizeHint())
    appearance.scale_fonts(view, 1.3)  # presentation mode's fonts
    try:
        settle(qtbot)
        assert words.font().pointSizeF() == pytest.approx(12 * 1.3)
        assert words.sizeHint().height() > before[1].height()  # the heading is taller
        assert box.height() == words.heightForWidth(box.width()) > before[0]
    finally:
        appearance.scale_fonts(view, 1.0)
    settle(qtbot)
    assert (box.height(), words.sizeHint()) == before
    locale = QLocale()
    try:
        rifle.window().set_language("zh_CN")
        settle(qtbot)
        assert words.text().startswith("最近一轮")
        assert box.height() == words.heightForWidth(box.width()) > before[0]  # taller glyphs
    finally:
        i18n.install(QApplication.instance(), "en")
        QLocale.setDefault(locale)
        rifle.window().retranslate()
    settle(qtbot)
    assert words.text().startswith("Latest burst")
    assert box.height() == before[0]
