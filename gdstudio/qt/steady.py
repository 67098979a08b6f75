"""SteadyBox: a word-wrapped label whose new texts re-lay out the window only when needed.

A QLabel that gets a new text asks its parent's layout to lay everything out again, and that
request climbs to the window: Qt then repaints the whole window (3-4 ms here), even when no
widget moved. The status line changes a few times a second while running, so its label sits in
a SteadyBox, which has no layout of its own: it answers the label's requests itself and passes
one on only when the label needs another height (a second line, or one less).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class SteadyBox(QWidget):
    def __init__(self, label: QLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._height: int | None = None  # the label's height when the layout last asked

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        if self.label.wordWrap():
            return self.label.heightForWidth(width)
        return self.label.sizeHint().height()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.label.minimumSizeHint()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.label.setGeometry(self.rect())
        self._height = self.height()
        super().resizeEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            if self.heightForWidth(self.width()) != self._height:
                self._height = None
                self.updateGeometry()  # the label needs another height: lay out again
            return True
        return super().event(event)
