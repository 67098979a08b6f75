"""Chinese and English (issue 5): the translations are complete and current, the window shows
Chinese everywhere with zh_CN, switching back restores English, numbers follow the locale, and
the bundled font draws the Chinese where the system has no CJK font."""

from __future__ import annotations

import html
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QAction, QRawFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsTextItem,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)

from gdstudio.engine import PHASES
from gdstudio.qt import i18n
from gdstudio.qt.common import fmt, signed
from tests.qt.conftest import all_parts

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3400-\u9fff]")
ENGLISH_TABS = ["Guess the number", "Black box", "Rifle target"]
BUTTONS = ["stepButton", "phaseButton", "runButton", "backButton", "resetButton"]
#: words that stay as they are in Chinese: key names, file formats, product and library names
KEEP = re.compile(
    r"\b(Ctrl|Shift|Alt|Space|Page ?(Up|Down)|Backspace|Esc|Tab|F\d+|PNG|SVG|CSV|JSON|MIT|"
    r"gdstudio|Qt|PySide6|pyqtgraph|NumPy|Python|English|cm|aim_[xy]|grad_\w+)\b"
)


def tools():
    """tools/translations.py, the maintenance script (not part of the package)."""
    name = "gdstudio_tools_translations"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "translations.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[name]


def plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", " ", text)).replace("&", "").strip()


def english_left(text: str) -> bool:
    """Whether ``text`` still shows English words (Chinese, numbers, formulas and names pass)."""
    text = plain(text)
    if not text or CJK.search(text):
        return False
    return bool(re.search(r"[A-Za-z]{2,}", KEEP.sub(" ", text)))


# --- what the window shows --------------------------------------------------------------------
def widget_texts(window) -> dict[str, str]:
    """Every text a visible widget of the window shows, keyed by where it is (the rifle's
    shot list paints its words itself: its ``text()``)."""
    from gdstudio.qt.tabs.rifle_words import ShotList

    found = {"window title": window.windowTitle()}

    def add(key, text):
        if text and text.strip():
            found[key] = text

    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        name = f"{type(w).__name__} {w.objectName()}"
        if isinstance(w, (QLabel, ShotList)):
            add(f"{name} label", w.text())
        elif isinstance(w, QAbstractButton):
            add(f"{name} button", w.text())
        elif isinstance(w, QGroupBox):
            add(f"{name} group", w.title())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(f"{name} item {i}", w.itemText(i))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(f"{name} tab {i}", w.tabText(i))
        elif isinstance(w, QAbstractSpinBox) and hasattr(w, "suffix"):
            add(f"{name} spin", f"{w.prefix()} {w.suffix()} {w.specialValueText()}")
    for menu in window.menuBar().findChildren(QMenu):
        add(f"menu {menu.objectName()}", menu.title())
    for a in window.findChildren(QAction):
        if not a.isSeparator() and a.isVisible() and not a.objectName().startswith("language_"):
            add(f"action {a.objectName()}", a.text())  # (language names stay in their own words)
    found.update(plot_texts(window))
    return found


def plot_texts(window) -> dict[str, str]:
    """The texts drawn in the window's visible plots: titles, axis labels, legends, notes, and
    the words a guess number line draws itself (its ``Words`` item)."""
    from gdstudio.qt.tabs.guess_line import Words

    found = {}
    for plot in window.findChildren(pg.PlotWidget):
        if not plot.isVisibleTo(window):
            continue
        for item in plot.scene().items():
            if not item.isVisible():
                continue
            if isinstance(item, QGraphicsTextItem):
                texts = [item.toPlainText()]
            elif isinstance(item, Words):
                texts = item.texts()
            else:
                continue
            for i, text in enumerate(texts):
                if text.strip():
                    found[f"plot {plot.objectName()} text {id(item)}.{i}"] = text
    return found


def walk_all(window) -> dict[str, str]:
    """The texts of every tab and part, at every phase of a step and after a run to the end."""
    texts = widget_texts(window)
    for page, pi in all_parts(window):
        page.reset()
        where = f"{page.tab_key}/{page.parts[pi].key}"
        texts.update({f"{where} start: {k}": v for k, v in widget_texts(window).items()})
        for phase in PHASES[1:]:
            page.next_phase()
            texts.update({f"{where} {phase.name}: {k}": v for k, v in widget_texts(window).items()})
        while not page.trainer.done:
            page.trainer.step()
        page.refresh()
        texts.update({f"{where} end: {k}": v for k, v in widget_texts(window).items()})
        page.reset()
    return texts


@pytest.fixture
def restore_language(qapp):
    """Leave the app in English with the locale it had, whatever the test did."""
    before = QLocale()
    yield
    i18n.install(qapp, "en")
    QLocale.setDefault(before)


@pytest.fixture
def zh_window(qapp, qtbot, settings, restore_language):
    from gdstudio.qt.main_window import MainWindow

    assert i18n.install(qapp, "zh_CN"), "gdstudio_zh_CN.qm did not load"
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.build_all_pages()  # built now, in Chinese (tabs are otherwise built after the first paint)
    return w


# --- the translation files --------------------------------------------------------------------
def test_every_message_in_the_code_has_a_finished_chinese_translation(tmp_path):
    t = tools()
    fresh = tmp_path / "fresh_zh_CN.ts"
    t.lupdate(fresh, "zh_CN")
    in_code = {(m.context, m.source) for m in t.read_ts(fresh)}
    shipped = {(m.context, m.source): m for m in t.read_ts(t.ts_path("zh_CN")) if m.current}
    assert len(in_code) > 100
    missing = sorted(k for k in in_code if k not in shipped)
    unfinished = sorted(k for k in in_code if k in shipped and not shipped[k].finished)
    broken = [(k, t.problems(shipped[k])) for k in sorted(in_code) if k in shipped]
    broken = [(k, p) for k, p in broken if p]
    run = "run: python tools/translations.py, then translate"
    assert not missing, f"not in resources/i18n/gdstudio_zh_CN.ts ({run}): {missing}"
    assert not unfinished, f"untranslated ({run}): {unfinished}"
    assert not broken, f"translations whose placeholders or tags differ: {broken}"


def test_placeholders_must_match():
    t = tools()
    ok = t.Message("C", "Step {step} · <b>{loss}</b>", "第 {step} 步 · <b>{loss}</b>", "")
    assert t.problems(ok) == []
    lost = t.Message("C", "Step {step} · loss {loss}", "第 {step} 步", "")
    assert t.problems(lost)
    renamed = t.Message("C", "ring {n}", "{m} 环", "")
    assert t.problems(renamed)
    tag_lost = t.Message("C", "<b>{x}</b>", "{x}", "")
    assert t.problems(tag_lost)


def test_the_qm_holds_every_translation_of_the_ts(qapp):
    """The compiled .qm (what the app loads) is current: it answers every finished message of
    the .ts with that message's translation."""
    t = tools()
    translator = QTranslator()
    assert translator.load(str(t.qm_path("zh_CN")))
    stale = [
        (m.context, m.source)
        for m in t.read_ts(t.ts_path("zh_CN"))
        if m.finished and translator.translate(m.context, m.source) != m.translation
    ]
    assert not stale, f"gdstudio_zh_CN.qm is stale, run python tools/translations.py: {stale}"


def test_the_bundled_font_has_every_character_of_the_translations(qapp):
    t = tools()
    wanted = set()
    for m in t.read_ts(t.ts_path("zh_CN")):
        if m.current:
            wanted |= set(CJK.findall(m.translation))
    wanted |= set(CJK.findall("".join(i18n.LANGUAGES.values())))
    files = i18n.font_files()
    assert len(files) == 2, files
    for path in files:
        assert path.stat().st_size < 1_000_000, path
        raw = QRawFont(str(path), 12)
        assert raw.isValid() and raw.familyName() == i18n.CJK_FAMILY
        lacking = sorted(c for c in wanted if not raw.supportsCharacter(ord(c)))
        assert not lacking, f"{path.name} lacks {''.join(lacking)}: run tools/translations.py"
    assert (i18n.FONTS / "OFL.txt").exists()


# --- the window in Chinese ----------------------------------------------------------------------
def test_every_text_shown_in_the_window_is_chinese(zh_window):
    texts = walk_all(zh_window)
    assert len(texts) > 100
    shot_lists = [v for k, v in texts.items() if "ShotList shotWords" in k]  # painted words too
    assert len(shot_lists) > 5 and all(CJK.search(v) for v in shot_lists)
    english = {k: v for k, v in texts.items() if english_left(v)}
    assert not english, (
        "shown in English although the language is zh_CN (missing translation, or a text that "
        "does not go through tr()):\n" + "\n".join(f"  {k}: {v!r}" for k, v in english.items())
    )


def test_tab_titles_buttons_and_phases_are_chinese(zh_window):
    tabs = zh_window.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles == ["猜数字", "黑箱", "步枪打靶"]
    assert CJK.search(zh_window.windowTitle())
    for page in zh_window.pages:
        for name in BUTTONS:
            button = page.findChild(QAbstractButton, name)
            assert CJK.search(button.text()), (page.tab_key, name, button.text())
            assert CJK.search(button.accessibleName()), (page.tab_key, name)
        chips = [c.text() for c in page.phase_strip.chips.values()]
        for word, chip in zip(["初始化", "前向计算", "损失", "反向传播", "梯度下降"], chips):
            assert word in chip


def test_numbers_follow_the_language(qapp, restore_language):
    i18n.install(qapp, "zh_CN")
    assert QLocale().name() == "zh_CN"
    assert fmt(0.5) == "0.5"
    assert fmt(1234.5) == "1,234.5"
    assert fmt(2.0) == "2"
    assert signed(-0.21) == "-0.21" and signed(0.429) == "+0.429"
    assert fmt(3e-7) == "3e-07"
    i18n.install(qapp, "en")
    assert QLocale().language() == QLocale.Language.English
    assert fmt(1234.5) == "1,234.5"


def test_switching_back_to_english_restores_english(zh_window, qapp, qtbot):
    assert [zh_window.tabs.tabText(i) for i in range(3)] == ["猜数字", "黑箱", "步枪打靶"]
    assert i18n.install(qapp, "en")
    assert i18n.current_language() == "en"
    qtbot.wait(10)  # Qt posts QEvent.LanguageChange; the window re-sets its texts
    zh_window.retranslate()  # (as the View > Language menu does)
    assert [zh_window.tabs.tabText(i) for i in range(3)] == ENGLISH_TABS
    page = zh_window.pages[0]
    assert page.findChild(QAbstractButton, "stepButton").text().startswith("Step")
    shown = widget_texts(zh_window)
    plots = plot_texts(zh_window)
    chinese = {k: v for k, v in shown.items() if CJK.search(v) and k not in plots}
    assert not chinese, f"still Chinese after switching to English: {chinese}"
    captions = [
        part.init_box.layout().labelForField(spin).text()
        for p in zh_window.pages
        for part in p.parts
        for spin in part.init_spins.values()
    ]
    assert captions and not any(CJK.search(c) for c in captions), captions
    # and live the other way again
    assert i18n.install(qapp, "zh_CN")
    qtbot.wait(10)
    zh_window.retranslate()
    assert zh_window.tabs.tabText(0) == "猜数字"
    assert CJK.search(page.findChild(QAbstractButton, "stepButton").text())
    # the starting-value captions too (a form's row labels), on every tab
    for p in zh_window.pages:
        for part in p.parts:
            form = part.init_box.layout()
            for spin in part.init_spins.values():
                caption = form.labelForField(spin).text()
                assert CJK.search(caption), (p.tab_key, caption)
                assert spin.accessibleName() == caption


def test_plot_texts_follow_a_live_language_switch(zh_window, qapp, qtbot):
    i18n.install(qapp, "en")
    qtbot.wait(10)
    zh_window.retranslate()
    chinese = {k: v for k, v in plot_texts(zh_window).items() if CJK.search(v)}
    assert not chinese, f"plot texts still Chinese after switching to English: {chinese}"


def test_language_codes(qapp, restore_language):
    assert i18n.normalize("zh-CN") == "zh_CN"
    assert i18n.normalize("zh_Hans_CN") == "zh_CN"
    assert i18n.normalize("en_GB") == "en"
    assert i18n.normalize(None) == "en"
    assert i18n.system_language() in i18n.LANGUAGES
    assert i18n.install(qapp, "zh-CN") and i18n.current_language() == "zh_CN"
    assert QApplication.translate("Phase", "Backpropagation") == "反向传播"


# --- the font fallback, with the system's CJK fonts hidden -------------------------------------
FALLBACK_SCRIPT = r"""
import json, re, sys
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase, QTextLayout
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget
from gdstudio.qt.application import application
from gdstudio.qt import i18n

CJK = re.compile(r"[\u3400-\u9fff]")

def glyphs(text, font):
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine().setLineWidth(100000)
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]

app = application()
system_cjk = [f for f in QFontDatabase.families() if CJK.search(f) or "CJK" in f]
boxes_before = any(0 in g for _, g in glyphs("梯度下降", app.font()))
i18n.install(app, "zh_CN")
from gdstudio.qt.main_window import MainWindow
from gdstudio.qt.tabs.rifle_words import ShotList
window = MainWindow(QSettings(sys.argv[1], QSettings.Format.IniFormat))
window.resize(1280, 800)
window.show()
window.build_all_pages()  # tabs are otherwise built after the first paint
app.processEvents()
window.grab().save(sys.argv[2])
checked, boxes, families = 0, [], set()
for w in window.findChildren(QWidget):
    if not w.isVisibleTo(window):
        continue
    if isinstance(w, (QLabel, ShotList)):
        text = w.text()
    elif isinstance(w, QAbstractButton):
        text = w.text()
    elif isinstance(w, QGroupBox):
        text = w.title()
    else:
        continue
    for ch in set(CJK.findall(text)):
        checked += 1
        for family, ids in glyphs(ch, w.font()):
            families.add(family)
            if 0 in ids:
                boxes.append((w.objectName() or type(w).__name__, ch))
print(json.dumps({"system_cjk": system_cjk, "boxes_before": boxes_before, "checked": checked,
                  "boxes": boxes, "families": sorted(families)}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig is Linux's")
def test_chinese_has_glyphs_without_a_system_cjk_font(tmp_path):
    """Only DejaVu (or no font at all) visible to fontconfig: the bundled subset draws the
    Chinese, no empty boxes."""
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        + (f"  <dir>{dejavu}</dir>\n" if dejavu.is_dir() else "")
        + f"  <cachedir>{tmp_path / 'cache'}</cachedir>\n</fontconfig>\n"
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen")
    env.pop("FONTCONFIG_PATH", None)
    done = subprocess.run(
        [sys.executable, "-c", FALLBACK_SCRIPT, str(tmp_path / "s.ini"), str(tmp_path / "w.png")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["system_cjk"] == [], "the system's CJK fonts were not hidden"
    assert result["boxes_before"], "without the bundled font Chinese should be boxes here"
    assert result["checked"] > 50
    assert result["boxes"] == [], f"drawn as empty boxes: {result['boxes']}"
    assert i18n.CJK_FAMILY in result["families"]
    assert (tmp_path / "w.png").stat().st_size > 10_000
