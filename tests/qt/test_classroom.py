"""Classroom essentials (issue 5) in the window: sessions, export, presentation mode, themes,
the guide and remembered settings."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from tests.qt.conftest import activate, all_parts


@pytest.fixture
def errors(window, monkeypatch):
    seen = []
    monkeypatch.setattr(window, "show_error", lambda title, message: seen.append((title, message)))
    return seen


def _step_everything(window, n=3):
    for page, _ in all_parts(window):
        for _ in range(n):
            page.step()


def _snapshot(window):
    return {
        f"{page.tab_key}/{part.key}": (part.trainer.history.to_array(), part.trainer.params.copy())
        for page in window.pages
        for part in page.parts
    }


def test_save_and_reopen_restores_every_tab_and_the_next_steps(window, qtbot, tmp_path, errors):
    from gdstudio.qt.main_window import MainWindow

    _step_everything(window, 3)
    window.tabs.setCurrentIndex(1)
    window.pages[1].select_part(1)
    path = tmp_path / "lesson.gdstudio.json"
    assert window._save_to(str(path))
    doc = json.loads(path.read_text())
    assert doc["format"] == "gdstudio-session" and doc["version"] == 1
    before = _snapshot(window)

    other = MainWindow(window.settings)
    qtbot.addWidget(other)
    assert other.open_session(str(path))
    after = _snapshot(other)
    assert before.keys() == after.keys()
    for name in before:
        assert np.array_equal(before[name][0], after[name][0]), name
        assert np.array_equal(before[name][1], after[name][1]), name
    assert other.tabs.currentIndex() == 1 and other.pages[1].current.key == "fit"
    # continuing gives the same numbers as the original would have
    for a, b in zip(window.pages, other.pages):
        for pa, pb in zip(a.parts, b.parts):
            for _ in range(4):
                pa.trainer.step()
                pb.trainer.step()
            assert np.array_equal(pa.trainer.history.to_array(), pb.trainer.history.to_array())
    # the plots show the reopened history
    page = other.pages[1]
    assert len(page.loss_plot.curve.getData()[0]) == len(page.trainer.history) - 4
    assert errors == []


@pytest.mark.parametrize(
    "content",
    [
        b"not json at all",
        b'{"format": "gdstudio-session", "version": 1, "tabs": ',
        b'{"name": "some other program"}',
        b'{"format": "gdstudio-session", "version": 99, "tabs": {}}',
        b'{"format": "gdstudio-session", "version": 1, "tabs": {"x": {"scenario": 5}}}',
        b'{"format": "gdstudio-session", "version": NaN, "tabs": {}}',
        b'{"format": "gdstudio-session", "version": 1e400, "tabs": {}}',
        b"",
    ],
)
def test_a_bad_file_shows_one_message_and_changes_nothing(window, tmp_path, errors, content):
    _step_everything(window, 2)
    before = _snapshot(window)
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert not window.open_session(str(path))
    assert len(errors) == 1 and errors[0][1]
    after = _snapshot(window)
    for name in before:
        assert np.array_equal(before[name][0], after[name][0])


def test_a_missing_file_is_a_message_too(window, tmp_path, errors):
    assert not window.open_session(str(tmp_path / "nope.json"))
    assert len(errors) == 1


def test_a_failed_save_keeps_the_old_file(window, tmp_path, errors, monkeypatch):
    path = tmp_path / "keep.json"
    assert window._save_to(str(path))
    old = path.read_bytes()
    window.pages[0].step()
    import gdstudio.session_file as sf

    def broken(f, data):
        f.write(data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sf, "_write_all", broken)
    assert not window._save_to(str(path))
    assert len(errors) == 1
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.json"]


def test_recent_files_are_remembered(window, tmp_path, errors):
    path = tmp_path / "a.json"
    window._save_to(str(path))
    assert window.recent_files()[0] == str(path)
    window._fill_recent()
    assert any(a.text() == str(path) for a in window.recent_menu.actions())


def test_export_png_svg_and_csv(window, tmp_path, errors):
    page = window.pages[2]
    window.tabs.setCurrentIndex(2)
    for _ in range(4):
        page.step()
    for kind in ("png", "svg", "csv"):
        path = tmp_path / f"out.{kind}"
        assert window.export(kind, str(path)), kind
        assert path.stat().st_size > 100, kind
    assert (tmp_path / "out.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in (tmp_path / "out.svg").read_bytes()[:2000]
    rows = list(csv.reader((tmp_path / "out.csv").open()))
    assert rows[0] == ["step", "loss", "aim_x", "aim_y", "distance", "grad_aim_x", "grad_aim_y"]
    assert len(rows) == 5
    assert not window.export("csv", str(tmp_path / "missing-folder" / "x.csv"))
    assert len(errors) == 1


def test_svg_export_keeps_the_cached_axes_as_text(window, tmp_path, errors):
    """The plots keep their axes as cached pixmaps while running; an SVG must not."""
    from PySide6.QtCore import QPoint, QRect, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator
    from PySide6.QtWidgets import QGraphicsItem

    page = window.current_page()
    page.step()
    axis = page.loss_plot.getPlotItem().getAxis("left")
    assert axis.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache

    def svg_with_caches_on(path):
        w = page.figure_area
        gen = QSvgGenerator()
        gen.setFileName(str(path))
        gen.setSize(QSize(w.width(), w.height()))
        gen.setViewBox(QRect(0, 0, w.width(), w.height()))
        painter = QPainter(gen)
        w.render(painter, QPoint(0, 0))
        painter.end()
        return path.read_text(encoding="utf-8")

    cached = svg_with_caches_on(tmp_path / "cached.svg")
    assert window.export("svg", str(tmp_path / "out.svg"))
    exported = (tmp_path / "out.svg").read_text(encoding="utf-8")
    # tick labels drawn as text, not as pictures of the axes
    assert exported.count("<text") > cached.count("<text")
    assert exported.count("<image") < cached.count("<image")
    assert axis.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache  # restored
    assert errors == []


def test_presentation_mode_hides_clutter_and_esc_leaves(window, qtbot):
    page = window.current_page()
    base = page.lesson.body.font().pointSizeF()
    axis = page.gradient_plot.getPlotItem().getAxis("bottom")
    tick = axis.style["tickFont"].pointSizeF()
    title = page.loss_plot.getPlotItem().titleLabel.text
    window.present_action.trigger()
    assert window.presenting and window.isFullScreen()
    activate(window, qtbot)
    assert not page.table.isVisible() and page.controls.step_button.isVisible()
    assert page.lesson.body.font().pointSizeF() > base
    assert page.loss_plot.curve.opts["pen"].widthF() > 3
    # the words inside the plots grow too: tick labels, titles, axis labels
    assert axis.style["tickFont"].pointSizeF() > tick
    assert page.loss_plot.getPlotItem().titleLabel.text != title
    assert "18.2pt" in page.loss_plot.getPlotItem().titleLabel.text  # 13 pt x 1.4
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presenting and not window.isFullScreen()
    assert page.table.isVisible()
    assert page.lesson.body.font().pointSizeF() == base
    assert axis.style["tickFont"].pointSizeF() == tick
    assert page.loss_plot.getPlotItem().titleLabel.text == title


def test_dark_theme_and_back(window):
    app = QApplication.instance()
    window.theme_actions["dark"].trigger()
    assert app.palette().window().color().lightness() < 100
    assert window.settings.value("theme") == "dark"
    window.theme_actions["light"].trigger()
    assert app.palette().window().color().lightness() > 150


def test_the_guide_has_a_page_per_tab_in_both_languages():
    from gdstudio.qt.guide import guide_html

    for key in ("guess", "blackbox", "rifle"):
        en, zh = guide_html(key, "en"), guide_html(key, "zh_CN")
        assert "<h2>" in en and "<h3>" in en and en != zh
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)


def test_settings_remember_theme_and_presentation(qtbot, settings):
    from gdstudio.qt.main_window import MainWindow

    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.theme_actions["dark"].trigger()
    w.present_action.setChecked(True)
    w.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.theme_actions["dark"].isChecked()
    again.restore_presentation()
    assert again.presenting
    again.present_action.setChecked(False)
    from gdstudio.qt import appearance

    appearance.apply_theme(QApplication.instance(), "light")


from PySide6.QtCore import Qt  # noqa: E402


def test_an_unexpected_error_is_one_line_and_a_log_not_a_traceback(
    window, tmp_path, monkeypatch, capsys
):
    import sys

    from gdstudio.qt import application

    monkeypatch.setattr(application, "error_log_path", lambda: tmp_path / "errors.log")
    old = sys.excepthook
    try:
        application.install_error_handler(window)
        try:
            raise ValueError("boom")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "boom" in err and "Traceback" not in err
    assert "Traceback" in (tmp_path / "errors.log").read_text()
    assert "Something went wrong" in window.statusBar().currentMessage()


def test_reopening_shows_the_saved_settings_in_the_widgets(window, qtbot, tmp_path, errors):
    from gdstudio.qt.main_window import MainWindow

    guess = window.pages[0]
    combo = guess.findChild(QComboBox, "feedbackCombo")
    combo.setCurrentIndex(combo.findData("exact"))
    guess.step()
    path = tmp_path / "s.json"
    assert window._save_to(str(path))
    other = MainWindow(window.settings)
    qtbot.addWidget(other)
    assert other.open_session(str(path))
    other_combo = other.pages[0].findChild(QComboBox, "feedbackCombo")
    assert other_combo.currentData() == "exact"
    assert other.pages[0].trainer.model.feedback_mode == "exact"


from PySide6.QtWidgets import QComboBox  # noqa: E402
