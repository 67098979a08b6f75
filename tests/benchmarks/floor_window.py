"""A fallback floor for the start-up benchmark: the smallest PySide6 + pyqtgraph window.

Used only when ``packaging/floor_app.py`` (the packaging floor) is missing. It honours the same
probe as the app: with ``GDSTUDIO_STARTUP_PROBE=1`` it prints ``first-paint <seconds>`` after the
first paint of its window and quits.
"""

from __future__ import annotations

import os
import sys
import time

STARTED = time.perf_counter()


def main() -> int:
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    plot = pg.PlotWidget()
    x = np.linspace(-3.0, 3.0, 200)
    plot.plot(x, x**2, pen=pg.mkPen("b", width=2))
    window.setCentralWidget(plot)
    window.resize(800, 600)

    class Probe(QObject):
        done = False

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
            if (
                not self.done
                and event.type() == QEvent.Type.Paint
                and isinstance(obj, QWidget)
                and obj.window() is window
            ):
                self.done = True
                print(f"first-paint {time.perf_counter() - STARTED:.4f}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    if os.environ.get("GDSTUDIO_STARTUP_PROBE") == "1":
        probe = Probe(app)
        app.installEventFilter(probe)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
