"""Themes (light, dark, or following the system) and presentation mode's larger fonts.

Plots stay light "paper" cards in both themes: the class reads them on a projector, and every
colour in them was chosen against white.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

THEMES = ("system", "light", "dark")
_FONT_KEY = "_gdstudio_base_point_size"


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return bool(scheme) and scheme() == Qt.ColorScheme.Dark


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d31"), QColor("#e8e8e8")
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor("#26282c")),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, QColor("#3a3d42")),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.BrightText, QColor("#ffffff")),
        (QPalette.ColorRole.Highlight, QColor("#0072B2")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.Link, QColor("#56B4E9")),
        (QPalette.ColorRole.PlaceholderText, QColor("#9a9a9a")),
    ):
        p.setColor(role, colour)
    grey = QColor("#8a8a8a")
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, grey)
    return p


def apply_theme(app: QApplication, theme: str) -> str:
    """Apply ``theme`` ("system", "light" or "dark"); returns the one in effect."""
    if theme not in THEMES:
        theme = "system"
    dark = theme == "dark" or (theme == "system" and system_is_dark())
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    app.setPalette(_dark_palette() if dark else app.style().standardPalette())
    app.setProperty("gdstudio_dark", dark)
    return "dark" if dark else "light"


def scale_fonts(root: QWidget, factor: float) -> None:
    """Scale every widget's font under ``root`` by ``factor`` of its original size (1 restores).

    All original sizes are read before any is changed: children inherit their parent's font,
    so changing a parent first would make its children scale twice.
    """
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if w.property(_FONT_KEY) is None and w.font().pointSizeF() > 0:
            w.setProperty(_FONT_KEY, w.font().pointSizeF())
    for w in widgets:
        base = w.property(_FONT_KEY)
        if base is None:
            continue
        f = w.font()
        f.setPointSizeF(float(base) * factor)
        w.setFont(f)
