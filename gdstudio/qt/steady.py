"""SteadyBox: a widget whose changes re-lay out the window only when its size hints change.

A QLabel that gets a new text calls updateGeometry: its layout lays out again, and the end of
every layout's activation sends the request on up to the window, which then repaints as a whole
(3-4 ms here), even when no widget moved. Labels that change while a run goes (the status
line, the number line's title, the rifle's shot list) sit in a SteadyBox, which has no layout
of its own: the request stops there, and the box asks its own layout for room again only when
the child's size hints have changed (its preferred or minimum size, or its height at the
box's width: a wrapped label's second line). The box takes the child's hints and size policy
and the child always fills the box, so the page looks and lays out as it did without it.

Whoever sets a new text may call ``check()`` right away: measuring then, before the paint,
saves laying out the rich text a second time when the request arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSizePolicy, QWidget


class SteadyBox(QWidget):
    def __init__(
        self, child: QWidget, parent: QWidget | None = None, background: QColor | None = None
    ):
        """``background``: fill the box with this colour, for a label whose own background
        comes from a style sheet (which does not make it opaque): a new text then repaints the
        box and the label, not the widgets under them."""
        super().__init__(parent)
        self.child = child
        child.setParent(self)
        self.setSizePolicy(child.sizePolicy())
        if background is not None:
            palette = self.palette()
            palette.setColor(self.backgroundRole(), background)
            self.setPalette(palette)
            self.setAutoFillBackground(True)
        self._hints = self._measure()
        self._stale = False  # layouts may keep heights for other widths of an older text

    def _size_hints(self) -> tuple:
        """The child's preferred and minimum size; only their heights when its width is
        Ignored (a one-line title cut at the box's edge: a longer text asks for nothing)."""
        c = self.child
        hint, least = c.sizeHint(), c.minimumSizeHint()
        if self.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored:
            return hint.height(), least.height()
        return hint, least

    def _measure(self) -> tuple:
        return (*self._size_hints(), self.child.heightForWidth(self.width()))

    def check(self) -> None:
        """Ask the layout for room again if the child's size hints have changed."""
        hints = self._measure()
        if hints != self._hints:
            self._hints = hints
            self._stale = False
            self.updateGeometry()
        else:
            self._stale = True

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.child.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.child.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return self.child.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return self.child.heightForWidth(width)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.child.setGeometry(self.rect())
        self._hints = self._measure()
        if self._stale:  # the layout may have used a height the label worked out for an older
            self._stale = False  # text at this width: let it ask the label again
            self.updateGeometry()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.check()  # a text set while hidden sends no request

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            # a new text measured at once (check) leaves here only what else may change the
            # child's size (its font, say). Its hints are kept; a height for a width is not,
            # and working it out again here would lay out and repaint the text once more.
            if self._size_hints() != self._hints[:2]:
                self.check()
            return True
        return super().event(event)
