"""Help > Guide: a short page per tab — what to press, what to watch, questions for the class."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QTextBrowser, QVBoxLayout

from gdstudio.qt.common import font
from gdstudio.resources import RESOURCES

GUIDE = RESOURCES / "guide"


def guide_html(tab_key: str, language: str | None = None) -> str:
    """The guide page of a tab in ``language`` (the current locale's by default), else English."""
    language = language or ("zh_CN" if QLocale().name().startswith("zh") else "en")
    for lang in (language, "en"):
        path = GUIDE / lang / f"{tab_key}.html"
        if path.exists():
            return path.read_text(encoding="utf-8")
    return ""


class GuideDialog(QDialog):
    def __init__(self, tabs: list[tuple[str, str]], current: int = 0, parent=None):
        """``tabs``: (tab key, translated title) in window order."""
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Guide for teachers"))
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("guidePages")
        for key, title in tabs:
            browser = QTextBrowser()
            browser.setObjectName(f"guide_{key}")
            browser.setOpenExternalLinks(False)
            browser.setFont(font(13))
            browser.setHtml(guide_html(key))
            self.pages.addTab(browser, title)
        self.pages.setCurrentIndex(current)
        layout.addWidget(self.pages)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
