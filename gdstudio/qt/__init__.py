"""The window: the only package that imports PySide6 and pyqtgraph.

PySide6 is imported before pyqtgraph anywhere in the app, and PYQTGRAPH_QT_LIB is pinned, so
pyqtgraph never picks another Qt binding that happens to be installed.
"""

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import PySide6  # noqa: E402,F401  (must come before pyqtgraph)
