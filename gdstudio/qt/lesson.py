"""The lesson panel: what the current phase means, with this step's real numbers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout

from gdstudio.engine import Phase
from gdstudio.qt.common import font
from gdstudio.qt.phase_strip import phase_name


class LessonPanel(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self.setAccessibleName(self.tr("Lesson"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#lessonPanel { background: #fffbea; border: 1px solid #e0c870; }"
            " #lessonPanel QLabel { color: #202020; background: transparent; }"
        )
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("lessonHeading")
        self.heading.setFont(font(14, bold=True))
        self.body = QLabel()
        self.body.setObjectName("lessonBody")
        self.body.setFont(font(13))
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)
        # a long explanation (large presentation fonts, a small window) scrolls instead of
        # being cut off at the panel's edge
        self.scroll = QScrollArea()
        self.scroll.setObjectName("lessonScroll")
        self.scroll.setWidget(self.body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        )
        layout.addWidget(self.scroll, 1)

    def show_phase(self, phase: Phase, text: str) -> None:
        self.heading.setText(phase_name(phase))
        self.body.setText(text)

    @property
    def text(self) -> str:
        return self.body.text()
