"""The main window: one tab per scenario group from the registry, menus, shortcuts, status bar,
sessions, export, presentation mode, themes, language and remembered settings."""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QEvent, QLocale, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
)

from gdstudio import __version__
from gdstudio.qt import appearance, i18n
from gdstudio.qt.common import font
from gdstudio.qt.scenario_page import ScenarioPage
from gdstudio.qt.tabs import view_class
from gdstudio.scenarios import BY_KEY, SCENARIOS

MAX_RECENT = 8
PRESENTATION_SCALE = 1.3
LANGUAGES = (("en", "English"), ("zh_CN", "中文（简体）"))


def tab_groups() -> list[tuple[str, list[str]]]:
    """(tab key, [scenario keys]) in registry order."""
    groups: dict[str, list[str]] = {}
    for spec in SCENARIOS:
        groups.setdefault(spec.tab, []).append(spec.key)
    return list(groups.items())


class MainWindow(QMainWindow):
    pagesBuilt = Signal()  # every tab's page exists (once, after the first frame)

    def __init__(self, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else QSettings()
        self.session_path: str | None = None
        self.presenting = False
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("scenarioTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setFont(font(13, bold=True))
        # Pages are built when first needed: the one on screen now, the others right after the
        # first paint (or at once when something asks for self.pages). Start-up pays for one.
        self._groups = tab_groups()
        self._built: list[ScenarioPage | None] = [None] * len(self._groups)
        self._waiting_for_paint = False
        for tab_key, keys in self._groups:
            placeholder = QLabel(self.tr("Preparing…"))
            placeholder.setObjectName(f"{tab_key}Placeholder")
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            placeholder.setFont(font(16))
            self.tabs.addTab(placeholder, self._tab_title(tab_key, keys))
        self.tabs.setCurrentIndex(self._remembered_tab())
        self.setCentralWidget(self.tabs)
        self.status_text = QLabel(self)
        self.status_text.setObjectName("keyHints")
        self.statusBar().addWidget(self.status_text, 1)
        self._build_actions()
        self._build_menus()
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.retranslate()
        self._restore_settings()

    # --- actions ------------------------------------------------------------------------
    def _action(self, name: str, shortcuts, slot, checkable: bool = False) -> QAction:
        a = QAction(self)
        a.setObjectName(name)
        a.setShortcuts([QKeySequence(s) for s in shortcuts])
        a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.setCheckable(checkable)
        (a.toggled if checkable else a.triggered).connect(slot)
        self.addAction(a)
        return a

    def _build_actions(self) -> None:
        page = self.current_page
        self.run_action = self._action("runAction", ["Space"], lambda: page().toggle_run())
        self.step_action = self._action("stepAction", ["Right", "PgDown"], lambda: page().step())
        self.phase_action = self._action(
            "phaseAction", ["Shift+Right"], lambda: page().next_phase()
        )
        self.back_action = self._action("backAction", ["Backspace", "PgUp"], lambda: page().back())
        self.reset_action = self._action("resetAction", ["Ctrl+R"], lambda: page().reset())
        self.next_tab_action = self._action("nextTabAction", ["Ctrl+Tab"], self._next_tab)
        self.prev_tab_action = self._action(
            "previousTabAction", ["Ctrl+Shift+Tab"], self._previous_tab
        )
        self.open_action = self._action("openAction", ["Ctrl+O"], self.open_session_dialog)
        self.save_action = self._action("saveAction", ["Ctrl+S"], self.save_session)
        self.save_as_action = self._action("saveAsAction", ["Ctrl+Shift+S"], self.save_session_as)
        self.png_action = self._action("exportPngAction", [], lambda: self.export_dialog("png"))
        self.svg_action = self._action("exportSvgAction", [], lambda: self.export_dialog("svg"))
        self.csv_action = self._action("exportCsvAction", [], lambda: self.export_dialog("csv"))
        self.quit_action = self._action("quitAction", ["Ctrl+Q"], self.close)
        self.present_action = self._action(
            "presentationAction", ["F11"], self.set_presentation, checkable=True
        )
        self.leave_action = self._action(
            "leavePresentationAction", ["Esc"], lambda: self.present_action.setChecked(False)
        )
        self.leave_action.setEnabled(False)
        self.guide_action = self._action("guideAction", ["F1"], self.show_guide)
        self.about_action = self._action("aboutAction", [], self.show_about)
        self.keys_action = self._action("keysAction", ["Ctrl+/"], self.show_keys)
        self.theme_group = QActionGroup(self)
        self.theme_actions = {}
        for theme in appearance.THEMES:
            a = QAction(self)
            a.setObjectName(f"theme_{theme}")
            a.setCheckable(True)
            a.triggered.connect(lambda _c=False, t=theme: self.set_theme(t))
            self.theme_group.addAction(a)
            self.theme_actions[theme] = a
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for code, name in LANGUAGES:
            a = QAction(name, self)  # each language in its own words: not translated
            a.setObjectName(f"language_{code}")
            a.setCheckable(True)
            a.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            self.language_group.addAction(a)
            self.language_actions[code] = a

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addAction(self.save_action)
        self.file_menu.addAction(self.save_as_action)
        self.file_menu.addSeparator()
        self.export_menu = self.file_menu.addMenu("")
        for a in (self.png_action, self.svg_action, self.csv_action):
            self.export_menu.addAction(a)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.training_menu = bar.addMenu("")
        for a in (
            self.run_action,
            self.step_action,
            self.phase_action,
            self.back_action,
            self.reset_action,
        ):
            self.training_menu.addAction(a)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.present_action)
        self.theme_menu = self.view_menu.addMenu("")
        for a in self.theme_actions.values():
            self.theme_menu.addAction(a)
        self.language_menu = self.view_menu.addMenu("")
        for a in self.language_actions.values():
            self.language_menu.addAction(a)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.next_tab_action)
        self.view_menu.addAction(self.prev_tab_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.keys_action)
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Gradient Descent Studio"))
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.export_menu.setTitle(self.tr("&Export"))
        self.training_menu.setTitle(self.tr("&Training"))
        self.view_menu.setTitle(self.tr("&View"))
        self.theme_menu.setTitle(self.tr("&Theme"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        for action, text in (
            (self.run_action, self.tr("Run / Pause")),
            (self.step_action, self.tr("Step")),
            (self.phase_action, self.tr("Next phase")),
            (self.back_action, self.tr("Back one step")),
            (self.reset_action, self.tr("Reset")),
            (self.next_tab_action, self.tr("Next scenario")),
            (self.prev_tab_action, self.tr("Previous scenario")),
            (self.open_action, self.tr("&Open session…")),
            (self.save_action, self.tr("&Save session")),
            (self.save_as_action, self.tr("Save session &as…")),
            (self.png_action, self.tr("Picture as PNG…")),
            (self.svg_action, self.tr("Picture as SVG…")),
            (self.csv_action, self.tr("History as CSV…")),
            (self.quit_action, self.tr("Quit")),
            (self.present_action, self.tr("Presentation mode")),
            (self.leave_action, self.tr("Leave presentation mode")),
            (self.guide_action, self.tr("Guide for teachers")),
            (self.about_action, self.tr("About Gradient Descent Studio")),
            (self.keys_action, self.tr("Keyboard shortcuts")),
            (self.theme_actions["system"], self.tr("Follow the system")),
            (self.theme_actions["light"], self.tr("Light")),
            (self.theme_actions["dark"], self.tr("Dark")),
        ):
            action.setText(text)
        for i, (tab_key, keys) in enumerate(self._groups):
            if self._built[i] is not None:
                self._built[i].retranslate()
            self.tabs.setTabText(i, self._tab_title(tab_key, keys))
        self.tabs.setAccessibleName(self.tr("Scenarios"))
        self.status_text.setText(
            self.tr(
                "Keys: Space run/pause · → or Page Down step · Shift+→ next phase · "
                "Backspace back · Ctrl+R reset · Ctrl+Tab next scenario · F1 guide"
            )
        )
        self._update_title()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        title = self.tr("Gradient Descent Studio")
        if self.session_path:
            title = f"{os.path.basename(self.session_path)} — {title}"
        self.setWindowTitle(title)

    # --- tabs ---------------------------------------------------------------------------
    def _tab_title(self, tab_key: str, keys: list[str]) -> str:
        titles = {
            "guess": self.tr("Guess the number"),
            "blackbox": self.tr("Black box"),
            "rifle": self.tr("Rifle target"),
        }
        return titles.get(tab_key) or BY_KEY[keys[0]].title

    def _remembered_tab(self) -> int:
        try:
            index = int(self.settings.value("window/tab", 0))
        except (TypeError, ValueError):
            index = 0
        return index if 0 <= index < self.tabs.count() else 0

    def _build_page(self, index: int) -> ScenarioPage:
        page = self._built[index]
        if page is not None:
            return page
        tab_key, keys = self._groups[index]
        # parented from the start: a widget that is briefly top-level takes the activation
        # away from this window when it is built after the window is shown
        holder = self.tabs.widget(index)
        page = ScenarioPage(tab_key, [view_class(k)(holder) for k in keys], holder)
        if self.presenting:
            appearance.scale_fonts(page, PRESENTATION_SCALE)
            page.set_presentation(True)
        self._built[index] = page
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        old = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, self._tab_title(tab_key, keys))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        old.deleteLater()
        if None not in self._built:
            self.pagesBuilt.emit()
        return page

    def build_all_pages(self) -> None:
        for i in range(len(self._built)):
            self._build_page(i)

    @property
    def pages(self) -> list[ScenarioPage]:
        """Every tab's page (building any that were not built yet)."""
        self.build_all_pages()
        return list(self._built)

    def built_pages(self) -> list[ScenarioPage]:
        return [p for p in self._built if p is not None]

    def current_page(self) -> ScenarioPage:
        return self._build_page(self.tabs.currentIndex())

    def showEvent(self, event) -> None:
        """The window appears at once; the tab on screen is built right after the first
        frame is painted, then the others, each in its own turn of the event loop."""
        super().showEvent(event)
        if None in self._built and not self._waiting_for_paint:
            self._waiting_for_paint = True
            self.tabs.currentWidget().installEventFilter(self)
            QTimer.singleShot(500, self, self._build_next)  # in case no paint ever comes

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and self._waiting_for_paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self, self._build_next)
        return False

    def _build_next(self) -> None:
        self._waiting_for_paint = False
        order = [self.tabs.currentIndex()] + list(range(len(self._built)))
        for i in order:
            if self._built[i] is None:
                self._build_page(i)
                break
        if None in self._built:
            QTimer.singleShot(0, self, self._build_next)

    def _next_tab(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count())

    def _previous_tab(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() - 1) % self.tabs.count())

    def _on_tab_changed(self, index: int) -> None:
        for i, page in enumerate(self._built):
            if page is not None and i != index:
                page.runner.pause()
        self._build_page(index)

    def pause_all(self) -> None:
        for page in self.built_pages():
            page.runner.pause()

    # --- sessions -----------------------------------------------------------------------
    def open_session_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open session"), self._last_folder(), self._session_filter()
        )
        if path:
            self.open_session(path)

    def open_session(self, path: str) -> bool:
        """Open a session file; on any problem, one dialog and the current session stays."""
        from gdstudio.qt import session
        from gdstudio.session_file import SessionError, load_session

        self.pause_all()
        try:
            loaded = load_session(path)
        except SessionError as e:
            self.show_error(self.tr("This session cannot be opened"), str(e))
            return False
        session.apply(self, loaded)
        self.session_path = path
        self._remember_recent(path)
        self._update_title()
        return True

    def save_session(self) -> bool:
        if not self.session_path:
            return self.save_session_as()
        return self._save_to(self.session_path)

    def save_session_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save session"), self._last_folder(), self._session_filter()
        )
        if not path:
            return False
        if not os.path.splitext(path)[1]:
            path += ".gdstudio.json"
        return self._save_to(path)

    def _save_to(self, path: str) -> bool:
        from gdstudio.qt import session
        from gdstudio.session_file import SessionError, save_session

        self.pause_all()
        try:
            save_session(path, session.collect(self))
        except SessionError as e:
            self.show_error(self.tr("The session was not saved"), str(e))
            return False
        self.session_path = path
        self._remember_recent(path)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {file}").format(file=path), 4000)
        return True

    def _session_filter(self) -> str:
        return self.tr("gdstudio sessions (*.gdstudio.json *.json);;All files (*)")

    def _last_folder(self) -> str:
        recent = self.recent_files()
        return os.path.dirname(recent[0]) if recent else os.path.expanduser("~")

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if isinstance(v, str)][:MAX_RECENT]

    def _remember_recent(self, path: str) -> None:
        path = os.path.abspath(path)
        files = [path] + [f for f in self.recent_files() if f != path]
        self.settings.setValue("recent", files[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        if not files:
            empty = self.recent_menu.addAction(self.tr("(none yet)"))
            empty.setEnabled(False)
        for path in files:
            a = self.recent_menu.addAction(path)
            a.triggered.connect(lambda _c=False, p=path: self.open_session(p))

    # --- export -------------------------------------------------------------------------
    def export_dialog(self, kind: str) -> None:
        page = self.current_page()
        filters = {
            "png": self.tr("PNG picture (*.png)"),
            "svg": self.tr("SVG drawing (*.svg)"),
            "csv": self.tr("CSV table (*.csv)"),
        }
        name = f"{page.tab_key}-{page.current.key}-step{page.trainer.step_count}.{kind}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), os.path.join(self._last_folder(), name), filters[kind]
        )
        if path:
            self.export(kind, path)

    def export(self, kind: str, path: str) -> bool:
        from gdstudio.qt import export  # QtSvg and the CSV writer load when first needed

        page = self.current_page()
        try:
            if kind == "png":
                export.export_png(page, path)
            elif kind == "svg":
                export.export_svg(page, path)
            else:
                export.export_csv(page.trainer, path)
        except OSError as e:
            self.show_error(self.tr("Nothing was exported"), e.strerror or str(e))
            return False
        self.statusBar().showMessage(self.tr("Exported {file}").format(file=path), 4000)
        return True

    # --- appearance ---------------------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Full screen, larger fonts and thicker lines, clutter hidden; Esc leaves."""
        on = bool(on)
        if on == self.presenting:
            return
        self.presenting = on
        self.present_action.blockSignals(True)
        self.present_action.setChecked(on)
        self.present_action.blockSignals(False)
        self.leave_action.setEnabled(on)
        appearance.scale_fonts(self, PRESENTATION_SCALE if on else 1.0)
        for page in self.built_pages():
            page.set_presentation(on)
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)
        if on:
            self._normal_geometry = self.saveGeometry()
            self.showFullScreen()
        else:
            self.showNormal()
            if getattr(self, "_normal_geometry", None) is not None:
                self.restoreGeometry(self._normal_geometry)
        self.settings.setValue("presentation", on)

    def set_theme(self, theme: str) -> None:
        app = QApplication.instance()
        appearance.apply_theme(app, theme)
        self.theme_actions.get(theme, self.theme_actions["system"]).setChecked(True)
        self.settings.setValue("theme", theme)

    def set_language(self, code: str) -> None:
        i18n.install(QApplication.instance(), code)
        self.language_actions[code].setChecked(True)
        self.settings.setValue("language", code)
        self.retranslate()

    # --- dialogs ------------------------------------------------------------------------
    def show_error(self, title: str, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("errorDialog")
        box.exec()

    def show_guide(self) -> None:
        from gdstudio.qt.guide import GuideDialog

        dialog = GuideDialog(
            [(key, self._tab_title(key, keys)) for key, keys in self._groups],
            self.tabs.currentIndex(),
            self,
        )
        dialog.exec()
        dialog.deleteLater()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Gradient Descent Studio"),
            self.tr(
                "<h3>Gradient Descent Studio {version}</h3>"
                "<p>See the loss function, backpropagation and gradient descent at work, "
                "step by step.</p>"
                "<p>Licence: MIT.</p>"
                "<p>The three scenarios — guess the number, the black box and the rifle target — "
                "follow the chapter on loss functions, backpropagation and gradient descent of a "
                "textbook on neural networks, whose facts and numbers they use; every text in this "
                "app is written afresh.</p>"
                "<p>Built with Qt for Python (PySide6), pyqtgraph and NumPy.</p>"
            ).format(version=__version__),
        )

    def show_keys(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Keyboard shortcuts"),
            self.tr(
                "<table cellpadding='4'>"
                "<tr><td><b>Space</b></td><td>run / pause</td></tr>"
                "<tr><td><b>→</b> or <b>Page Down</b></td><td>one step</td></tr>"
                "<tr><td><b>Shift+→</b></td><td>next phase</td></tr>"
                "<tr><td><b>Backspace</b> or <b>Page Up</b></td><td>back one step</td></tr>"
                "<tr><td><b>Ctrl+R</b></td><td>reset</td></tr>"
                "<tr><td><b>Ctrl+Tab</b></td><td>next scenario</td></tr>"
                "<tr><td><b>F11</b> / <b>Esc</b></td><td>presentation mode on / off</td></tr>"
                "<tr><td><b>Ctrl+S</b> / <b>Ctrl+O</b></td><td>save / open a session</td></tr>"
                "<tr><td><b>F1</b></td><td>guide for teachers</td></tr>"
                "<tr><td><b>Ctrl+Q</b></td><td>quit</td></tr></table>"
            ),
        )

    # --- remembered settings ----------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        theme = str(self.settings.value("theme", "system"))
        self.theme_actions.get(theme, self.theme_actions["system"]).setChecked(True)
        code = "zh_CN" if QLocale().name().startswith("zh") else "en"
        if code in self.language_actions:
            self.language_actions[code].setChecked(True)

    def restore_presentation(self) -> None:
        """Re-enter presentation mode if it was on when the app last closed."""
        if str(self.settings.value("presentation", "false")).lower() == "true":
            self.present_action.setChecked(True)

    def save_settings(self) -> None:
        if not self.presenting:
            self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()

    def closeEvent(self, event) -> None:
        self.pause_all()
        self.save_settings()
        super().closeEvent(event)
