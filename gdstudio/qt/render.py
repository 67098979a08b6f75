"""``gdstudio run ... --png PATH``: draw a scenario's tab after a headless run, without a display."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

SIZE = (1600, 1000)


def render_png(trainer, path: str | Path) -> None:
    """Show ``trainer`` in its tab of an offscreen window and save the window as a PNG."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture for slides: never a window
    from PySide6.QtCore import QSettings

    from gdstudio.cli import replace_atomically
    from gdstudio.qt.application import application
    from gdstudio.qt.main_window import MainWindow

    app = application()
    with tempfile.TemporaryDirectory() as folder:  # leave the user's remembered settings alone
        settings = QSettings(os.path.join(folder, "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        try:
            window.resize(*SIZE)
            for index, page in enumerate(window.pages):
                for part_index, part in enumerate(page.parts):
                    if part.key == trainer.model.key:
                        window.tabs.setCurrentIndex(index)
                        page.select_part(part_index)
                        part.view.show_settings(trainer.model)
                        page.restore_initial_values(part, trainer.model.initial_params())
                        page.use_trainer(part.view, trainer)
            window.show()
            app.processEvents()
            pixmap = window.grab()
            replace_atomically(path, lambda tmp: pixmap.save(tmp, "PNG"))
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
