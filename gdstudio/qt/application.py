"""Starting the window: the QApplication, fonts, translations, the self-test and start-up probe."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

import gdstudio
from gdstudio.qt import i18n
from gdstudio.resources import RESOURCES


def application() -> QApplication:
    """The running QApplication, created if there is none yet (tests and scripts make their own)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName("gdstudio")
    app.setApplicationName("gdstudio")
    app.setApplicationVersion(gdstudio.__version__)
    f = QFont(app.font())
    if f.pointSizeF() < 11:
        f.setPointSizeF(11)
        app.setFont(f)
    icon = RESOURCES / "gdstudio.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


class _FirstPaint(QObject):
    """GDSTUDIO_STARTUP_PROBE=1: print the time to the first painted window, then quit."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.app = app
        self.done = False

    def eventFilter(self, obj, event) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            print(f"first-paint {time.perf_counter() - gdstudio.STARTED:.4f}", flush=True)
            QTimer.singleShot(0, self.app.quit)
        return False


def error_log_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(folder or tempfile.gettempdir()) / "gdstudio-errors.log"


def keep_out_of_the_collector() -> None:
    """Leave the objects alive now (the window, its pages, Qt's and pyqtgraph's wrappers, about
    80,000) out of Python's full garbage collections: they live as long as the app. A run at
    full speed makes and drops records by the thousand, which sets off a full collection
    every few seconds; over all those objects it took 35 ms, and a click waited 45-50 ms
    (rifle, 10k steps). After this, 1 ms. Objects made later are collected as before."""
    gc.collect()
    gc.freeze()


def install_error_handler(window) -> None:
    """An unexpected error never shows a traceback: one line on stderr, the details in a log
    file, and a short note in the status bar. The window keeps working."""

    def hook(kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.instance().quit()
            return
        path = error_log_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as f:
                f.write(
                    f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} gdstudio {gdstudio.__version__}\n"
                )
                f.write("".join(traceback.format_exception(kind, value, tb)))
        except OSError:
            pass
        print(f"gdstudio: unexpected error: {value!r} (details in {path})", file=sys.stderr)
        try:
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Something went wrong ({error}); the details are in {file}"
                ).format(error=kind.__name__, file=path),
                10000,
            )
        except RuntimeError:  # the window is already gone
            pass

    sys.excepthook = hook


def run_window(args) -> int:
    app = application()
    settings = QSettings()
    if args.reset_settings:
        settings.clear()
    language = args.lang or str(settings.value("language", "")) or i18n.system_language()
    i18n.install(app, language)
    from gdstudio.qt import appearance
    from gdstudio.qt.main_window import MainWindow

    appearance.apply_theme(app, str(settings.value("theme", "system")))
    window = MainWindow(settings)
    window.pagesBuilt.connect(keep_out_of_the_collector)
    session_file = args.file or args.open_file
    if args.self_test:
        from gdstudio.qt.self_test import self_test

        code = self_test(window)
        window.close()
        window.deleteLater()
        return code
    if os.environ.get("GDSTUDIO_STARTUP_PROBE") == "1":
        probe = _FirstPaint(app)
        window.installEventFilter(probe)
    install_error_handler(window)
    window.show()
    window.restore_presentation()
    if session_file:  # after the window shows, so a problem appears as a dialog over it
        QTimer.singleShot(0, lambda: window.open_session(session_file))
    app.exec()
    return 0
