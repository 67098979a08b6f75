"""ShotList: the rifle's latest burst in words, painted from plain strings.

A bold heading ("Latest burst (step N), shot by shot:"), wrapped at the widget's width when it
does not fit, then one line per shot: a bold number, two spaces and the shot's words, in one or
two columns, never wrapped inside a line. Or a message alone (no shots yet), plain and wrapped.

It replaces a rich-text QLabel holding an HTML table: every words frame of a fast run that
label laid its text out four times (its size hints, its height for the width, the paint). Here
each line is laid out once (a QTextLayout, kept while its words repeat: the same few words come
back burst after burst), the size hints are sums of those lines' widths and heights, and the
paint draws the kept layouts.

The heading and the message are in the widget's font, the lines in its family at a size of
their own (12 pt, 11 pt for a longer burst), as the table's cells were: presentation mode's
larger fonts (``appearance.scale_fonts``) grow the heading, and the list asks for room again.
(Lines grown as well made ten shots in two columns wider than the picture above them: on a
1,100-pixel screen the page no longer fitted.)
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize
from PySide6.QtGui import QFont, QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import QSizePolicy, QWidget

COLUMN_GAP = 16  # px after each column of lines (the old table cells' padding-right)
SPACES = "\u00a0\u00a0"  # between a line's number and its words
_KEPT = 400  # line layouts kept before the cache starts over
_UNBOUNDED = 1e6  # the width of a line that is not wrapped


class _Line:
    """One line of text laid out once, unwrapped: its width, ascent and descent in pixels."""

    __slots__ = ("layout", "width", "ascent", "descent")

    def __init__(self, text: str, font: QFont):
        layout = QTextLayout(text, font)
        layout.setCacheEnabled(True)  # the paint draws the glyphs shaped here
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(_UNBOUNDED)
        line.setPosition(QPointF(0, 0))
        layout.endLayout()
        self.layout = layout
        self.width = line.naturalTextWidth()
        self.ascent, self.descent = line.ascent(), line.descent()


class _Heading:
    """A text wrapped at word boundaries at one width (None: unbounded): its height, its
    natural width and its longest word's."""

    __slots__ = ("layout", "height", "natural", "least")

    def __init__(self, text: str, font: QFont, width: float | None):
        layout = QTextLayout(text, font)
        layout.setCacheEnabled(True)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(_UNBOUNDED if width is None else width)
            line.setPosition(QPointF(0, y))
            y += math.ceil(line.height())
        layout.endLayout()
        self.layout = layout
        self.height = int(y) if text else 0
        self.natural = math.ceil(layout.maximumWidth()) if text else 0
        self.least = math.ceil(layout.minimumWidth()) if text else 0  # its longest word


class ShotList(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._head = ""
        self._bold = False  # the heading of a burst is bold; the message alone is not
        self._lines: list[str] = []
        self._columns = 1
        self._row_points = 12.0
        self._kept: dict[tuple[bool, str], _Line] = {}  # line layouts in the lines' font
        self._heads: dict[int | None, _Heading] = {}  # the heading at a width (None: unwrapped)
        self._plan: tuple | None = None  # where the lines go (see _lay_out)

    # --- what it shows --------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        """``text`` alone, plain, wrapped at the widget's width."""
        self._show(text, False, [], 1, self._row_points)

    def show_shots(self, head: str, lines: list[str], columns: int, points: float) -> None:
        """``head`` in bold, then ``lines`` numbered from 1, down ``columns`` columns (the
        first ones full), in the widget's font family at ``points`` pt."""
        self._show(head, True, list(lines), max(1, columns), float(points))

    def _show(self, head, bold, lines, columns, points) -> None:
        shown = (self._head, self._bold, self._lines, self._columns, self._row_points)
        if (head, bold, lines, columns, points) == shown:
            return
        if points != self._row_points:
            self._kept.clear()
        if head != self._head or bold != self._bold:
            self._heads.clear()
        self._head, self._bold, self._lines = head, bold, lines
        self._columns, self._row_points = columns, points
        self._plan = None
        text = self.text()
        if self.accessibleName() != head:
            self.setAccessibleName(head)
        self.setAccessibleDescription(text)
        self.update()
        self.updateGeometry()

    def text(self) -> str:
        """What is shown, as plain text: the heading, then one line per shot."""
        return "\n".join([self._head, *self.shown_lines()])

    def shown_lines(self) -> list[str]:
        """The numbered lines as they read: "3  ring 6, 50 degrees upper left"."""
        return [f"{i}  {line}" for i, line in enumerate(self._lines, start=1)]

    def columns(self) -> list[list[int]]:
        """The numbers of the lines in each column, top to bottom."""
        return [list(c) for c in self._lay_out()[0]]

    def words_rects(self) -> list[QRectF]:
        """Where each line's words are drawn (after its number), in the widget: for tests."""
        columns, xs, numbers, row, top = self._lay_out()
        spaces = self._line(False, SPACES).width
        rects = {}
        for c, column in enumerate(columns):
            for r, i in enumerate(column):
                words = self._line(False, self._lines[i - 1])
                x = xs[c] + numbers[c] + spaces
                rects[i] = QRectF(x, top + r * row[0], words.width, row[0])
        return [rects[i] for i in sorted(rects)]

    # --- measuring ------------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        """The heading's font, the numbers' and the words' font."""
        head = QFont(self.font())
        head.setBold(self._bold)
        words = QFont(self.font())
        words.setPointSizeF(self._row_points)
        number = QFont(words)
        number.setBold(True)
        return head, number, words

    def _line(self, bold: bool, text: str) -> _Line:
        key = (bold, text)
        line = self._kept.get(key)
        if line is None:
            if len(self._kept) >= _KEPT:
                self._kept.clear()
            _, number, words = self._fonts()
            line = self._kept[key] = _Line(text, number if bold else words)
        return line

    def _heading(self, width: int | None) -> _Heading:
        found = self._heads.get(width)
        if found is None:
            if len(self._heads) > 8:
                self._heads.clear()
            if width is not None and self._heading(None).natural <= width:
                found = self._heads[None]  # it fits on one line: laid out once
            else:
                found = _Heading(self._head, self._fonts()[0], width)
            self._heads[width] = found
        return found

    def _lay_out(self) -> tuple:
        """The columns (line numbers), each column's left edge and the right edge, each
        column's number width, (row height, ascent), and the rows' top below the heading."""
        if self._plan is None:
            n = len(self._lines)
            per = math.ceil(n / self._columns) if n else 0
            columns = [range(c * per + 1, min(n, (c + 1) * per) + 1) for c in range(self._columns)]
            columns = [c for c in columns if len(c)]
            spaces = self._line(False, SPACES).width
            ascent = descent = 0.0
            xs, numbers, x = [], [], 0
            for column in columns:
                number = max(self._line(True, str(i)).width for i in column)
                words = max(self._line(False, self._lines[i - 1]).width for i in column)
                for i in column:
                    for line in (self._line(True, str(i)), self._line(False, self._lines[i - 1])):
                        ascent, descent = max(ascent, line.ascent), max(descent, line.descent)
                xs.append(x)
                numbers.append(number)
                x += math.ceil(number + spaces + words) + COLUMN_GAP
            xs.append(x)  # the right edge, past the last column's gap
            row = (math.ceil(ascent + descent), ascent)  # as a QTextLine rounds its height
            self._plan = (columns, xs, numbers, row, per)
        columns, xs, numbers, row, per = self._plan
        return columns, xs, numbers, row, self._heading(self._head_width()).height

    def _head_width(self) -> int | None:
        return self.width() if self.width() > 0 else None

    def _rows_size(self) -> tuple[int, int]:
        self._lay_out()
        columns, xs, _, row, per = self._plan
        return (xs[-1] if columns else 0), per * row[0]

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        width, height = self._rows_size()
        head = self._heading(None)
        return QSize(max(width, head.natural), head.height + height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        width, height = self._rows_size()
        head = self._heading(None)
        return QSize(max(width, head.least), head.height + height)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        _, height = self._rows_size()
        return self._heading(width if width > 0 else None).height + height

    # --- drawing --------------------------------------------------------------------------
    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:  # presentation mode: all measured anew
            self._kept.clear()
            self._heads.clear()
            self._plan = None
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        head = self._heading(self._head_width())
        head.layout.draw(painter, QPointF(0, 0))
        columns, xs, numbers, row, top = self._lay_out()
        height, ascent = row
        spaces = self._line(False, SPACES).width
        for c, column in enumerate(columns):
            x = xs[c]
            for r, i in enumerate(column):
                baseline = top + r * height + ascent
                number = self._line(True, str(i))
                number.layout.draw(
                    painter, QPointF(x + numbers[c] - number.width, baseline - number.ascent)
                )
                words = self._line(False, self._lines[i - 1])
                words.layout.draw(
                    painter, QPointF(x + numbers[c] + spaces, baseline - words.ascent)
                )
        painter.end()
