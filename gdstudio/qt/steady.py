"""SteadyBox: a label whose new texts re-lay out the window only when its height changes.

A QLabel that gets a new text asks its parent's layout to lay everything out again, and each
layout it activates asks its own parent in turn, up to the main window: Qt then repaints the
whole window (3-4 ms here), even when no widget moved. Labels that change while a run goes
(the status line, a picture's title) sit in a SteadyBox, which has no layout of its own: it
answers the label's requests itself and passes one on only when the label needs another height
(a wrapped label's second line, a larger font). The label fills the box.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class SteadyBox(QWidget):
    def __init__(
        self, label: QLabel, parent: QWidget | None = None, background: QColor | None = None
    ):
        """``background``: fill the box with this colour, for a label whose own background
        comes from a style sheet (which does not make it opaque): a new text then repaints the
        box and the label, not the widgets under them. A one-line label's width never pushes
        the layout (its text is cut at the box's edge); a wrapped one takes more lines."""
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        if label.wordWrap():
            policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(True)
        else:  # one line: a fixed height, kept by _check
            policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setSizePolicy(policy)
        if background is not None:
            palette = self.palette()
            palette.setColor(self.backgroundRole(), background)
            self.setPalette(palette)
            self.setAutoFillBackground(True)
        self._height: int | None = None  # the label's height when the layout last asked
        self._check()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return self.label.wordWrap()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        if self.label.wordWrap():
            return self.label.heightForWidth(width)
        return self.label.sizeHint().height()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = self.label.minimumSizeHint()
        return hint if self.label.wordWrap() else QSize(0, hint.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.label.setGeometry(self.rect())
        self._height = self.height()
        super().resizeEvent(event)

    def _check(self) -> None:
        if not self.label.wordWrap():
            height = self.label.sizeHint().height()
            if self.minimumHeight() != height or self.maximumHeight() != height:
                self.setFixedHeight(height)  # (lays out again)
            return
        if self.heightForWidth(self.width()) != self._height:
            self._height = None
            self.updateGeometry()  # the label needs another height: lay out again

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the label's text, font or style
            self._check()
            return True
        return super().event(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._check()  # a hidden label's changes post no request: catch up
        super().showEvent(event)
