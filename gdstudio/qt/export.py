"""Exporting the current tab: its picture and plots as PNG or SVG, its history as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from gdstudio.cli import replace_atomically, write_atomically
from gdstudio.qt.plots import uncached


def figure_widget(page) -> QWidget:
    """The part of a tab worth putting on a slide: picture, lesson and plots (not the controls)."""
    return page.figure_area


def export_png(page, path: str | Path, scale: float = 2.0) -> None:
    """A sharp PNG of the figure area (rendered at ``scale`` times its size on screen)."""
    w = figure_widget(page)
    ratio = max(1.0, scale)
    with uncached(w):
        pixmap = w.grab()
        if ratio > 1.0:
            from PySide6.QtGui import QPixmap

            big = QPixmap(w.size() * ratio)
            big.setDevicePixelRatio(ratio)
            big.fill()
            w.render(big)
            pixmap = big
    replace_atomically(path, lambda tmp: pixmap.save(tmp, "PNG"))


def export_svg(page, path: str | Path) -> None:
    """A vector drawing of the figure area (text stays text, lines stay lines)."""
    w = figure_widget(page)

    def write(tmp: str) -> bool:
        gen = QSvgGenerator()
        gen.setFileName(tmp)
        gen.setSize(QSize(w.width(), w.height()))
        gen.setViewBox(QRect(0, 0, w.width(), w.height()))
        gen.setTitle("gdstudio")
        painter = QPainter(gen)
        try:
            with uncached(w):
                w.render(painter, QPoint(0, 0))
        finally:
            painter.end()
        return True

    replace_atomically(path, write)


def export_csv(trainer, path: str | Path) -> None:
    """The history in the same columns as ``gdstudio run --csv``."""
    write_atomically(str(path), trainer.history.write_csv)
