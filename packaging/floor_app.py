"""The floor: the smallest PySide6 + pyqtgraph window, bundled with the same options as gdstudio.

``measure.py`` builds this next to gdstudio and compares the two (size, file count, start-up time),
so the figures show what gdstudio itself adds on top of Qt + pyqtgraph + numpy.

Start-up probe (the same contract as the app): with ``GDSTUDIO_STARTUP_PROBE=1`` in the
environment the program prints ``first-paint <seconds since process start>`` once, after the
first paint of its main window, and exits 0. ``--self-test`` draws the window offscreen once
and prints ``self-test ok``.
"""

from __future__ import annotations

import os
import sys
import time

_IMPORTED = time.perf_counter()


def seconds_since_process_start() -> float:
    """Seconds since this process started (best effort; Linux reads /proc, elsewhere since import)."""
    try:
        with open("/proc/self/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat(5); fields[0] is field 3
        with open("/proc/uptime", "rb") as f:
            uptime = float(f.read().split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _IMPORTED


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in argv:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

    import numpy as np
    import pyqtgraph as pg
    from PySide6 import QtCore, QtWidgets

    probe = os.environ.get("GDSTUDIO_STARTUP_PROBE") == "1"

    class Window(QtWidgets.QMainWindow):
        def __init__(self) -> None:
            super().__init__()
            self._painted = False
            self.setWindowTitle("floor")
            plot = pg.PlotWidget()
            x = np.linspace(-3.0, 3.0, 200)
            plot.plot(x, x**2, pen=pg.mkPen("b", width=2))
            self.setCentralWidget(plot)
            self.resize(800, 600)

        def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
            # installed on the application: the first paint of any widget of this window counts
            # (the plot is opaque, so the main window itself is never painted)
            if (
                not self._painted
                and event.type() == QtCore.QEvent.Type.Paint
                and isinstance(obj, QtWidgets.QWidget)
                and obj.window() is self
            ):
                self._painted = True
                if probe:
                    print(f"first-paint {seconds_since_process_start():.4f}", flush=True)
                    QtCore.QTimer.singleShot(0, QtWidgets.QApplication.quit)
            return super().eventFilter(obj, event)

    app = QtWidgets.QApplication(sys.argv[:1])
    window = Window()
    app.installEventFilter(window)
    window.show()
    if "--self-test" in argv:
        window.grab()
        app.processEvents()
        print("self-test ok", flush=True)
        return 0
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
