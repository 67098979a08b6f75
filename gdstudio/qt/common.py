"""Small helpers shared by the window's widgets: number formatting, colours, fonts."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor, QFont

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
BLUE = QColor("#0072B2")
ORANGE = QColor("#E69F00")
SKY = QColor("#56B4E9")
GREEN = QColor("#009E73")
YELLOW = QColor("#F0E442")
VERMILION = QColor("#D55E00")
PURPLE = QColor("#CC79A7")
GREY = QColor("#7f7f7f")
INK = QColor("#202020")


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def fmt(value: float | None, digits: int = 4) -> str:
    """A number for people: up to ``digits`` significant decimals, in the current locale."""
    if value is None:
        return "–"
    if not math.isfinite(value):
        return "∞" if value > 0 else "-∞" if value < 0 else "?"
    locale = QLocale()
    if value != 0 and (abs(value) >= 1e6 or abs(value) < 1e-4):
        return locale.toString(float(value), "g", digits)
    text = locale.toString(float(value), "f", digits)
    point = locale.decimalPoint()
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return "0" if text in ("-0", "") else text


def signed(value: float, digits: int = 3) -> str:
    """A number with its sign always shown (+0.429, -0.21)."""
    text = fmt(value, digits)
    return text if text.startswith("-") or text == "0" else "+" + text


def font(point_size: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(point_size)
    f.setBold(bold)
    return f
