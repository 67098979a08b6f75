"""The main window: one tab per scenario group from the registry, menus, shortcuts, status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from gdstudio import __version__
from gdstudio.qt.common import font
from gdstudio.qt.scenario_page import ScenarioPage
from gdstudio.qt.tabs import VIEWS
from gdstudio.scenarios import SCENARIOS


def tab_groups() -> list[tuple[str, list[str]]]:
    """(tab key, [scenario keys]) in registry order."""
    groups: dict[str, list[str]] = {}
    for spec in SCENARIOS:
        groups.setdefault(spec.tab, []).append(spec.key)
    return list(groups.items())


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else QSettings()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("scenarioTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setFont(font(13, bold=True))
        self.pages: list[ScenarioPage] = []
        for tab_key, keys in tab_groups():
            page = ScenarioPage(tab_key, [VIEWS[k]() for k in keys])
            self.pages.append(page)
            self.tabs.addTab(page, page.tab_title())
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
    def _action(self, name: str, shortcuts, slot) -> QAction:
        a = QAction(self)
        a.setObjectName(name)
        a.setShortcuts([QKeySequence(s) for s in shortcuts])
        a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.triggered.connect(slot)
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
        self.quit_action = self._action("quitAction", [QKeySequence.StandardKey.Quit], self.close)
        self.quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        self.about_action = self._action("aboutAction", [], self.show_about)
        self.keys_action = self._action("keysAction", ["F1"], self.show_keys)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
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
        self.view_menu.addAction(self.next_tab_action)
        self.view_menu.addAction(self.prev_tab_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.keys_action)
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Gradient Descent Studio"))
        self.file_menu.setTitle(self.tr("&File"))
        self.training_menu.setTitle(self.tr("&Training"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        for action, text in (
            (self.run_action, self.tr("Run / Pause")),
            (self.step_action, self.tr("Step")),
            (self.phase_action, self.tr("Next phase")),
            (self.back_action, self.tr("Back one step")),
            (self.reset_action, self.tr("Reset")),
            (self.next_tab_action, self.tr("Next scenario")),
            (self.prev_tab_action, self.tr("Previous scenario")),
            (self.quit_action, self.tr("Quit")),
            (self.about_action, self.tr("About Gradient Descent Studio")),
            (self.keys_action, self.tr("Keyboard shortcuts")),
        ):
            action.setText(text)
        for i, page in enumerate(self.pages):
            page.retranslate()
            self.tabs.setTabText(i, page.tab_title())
        self.tabs.setAccessibleName(self.tr("Scenarios"))
        self.status_text.setText(
            self.tr(
                "Keys: Space run/pause · → or Page Down step · Shift+→ next phase · "
                "Backspace back · Ctrl+R reset · Ctrl+Tab next scenario · F1 all keys"
            )
        )

    # --- tabs ---------------------------------------------------------------------------
    def current_page(self) -> ScenarioPage:
        return self.tabs.currentWidget()

    def _next_tab(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count())

    def _previous_tab(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() - 1) % self.tabs.count())

    def _on_tab_changed(self, index: int) -> None:
        for i, page in enumerate(self.pages):
            if i != index:
                page.runner.pause()

    # --- dialogs ------------------------------------------------------------------------
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
        try:
            index = int(self.settings.value("window/tab", 0))
        except (TypeError, ValueError):
            index = 0
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()

    def closeEvent(self, event) -> None:
        for page in self.pages:
            page.runner.pause()
        self.save_settings()
        super().closeEvent(event)
