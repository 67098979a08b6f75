"""Loading translations: the app's own (.qm in resources/i18n) and Qt's for the same language."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from gdstudio.resources import RESOURCES

I18N = RESOURCES / "i18n"
_installed: list[QTranslator] = []


def system_language() -> str:
    name = QLocale.system().name()  # e.g. "zh_CN", "en_US"
    return "zh_CN" if name.startswith("zh") else "en"


def install(app: QApplication, language: str) -> bool:
    """Switch the app's translators to ``language`` ("en" or "zh_CN"); True if one loaded."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return True
    loaded = False
    ours = QTranslator(app)
    if ours.load(str(I18N / f"gdstudio_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
        loaded = True
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return loaded
