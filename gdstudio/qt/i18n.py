"""Languages: the app's translations (.qm in resources/i18n), Qt's own, the number locale and a
bundled Chinese font.

English is the source language (no translation file); Simplified Chinese ships as
``resources/i18n/gdstudio_zh_CN.ts`` (the source, edited by people) and ``.qm`` (compiled).
``python tools/translations.py`` refreshes both from the code and re-cuts the font subset.

``install(app, language)`` switches everything at once: Qt then sends every widget a
``QEvent.LanguageChange`` and the window re-sets its texts (``retranslate()``). Numbers follow
the language too: ``common.fmt`` uses ``QLocale()``, the default set here.

The font: a PC without a CJK font shows Chinese as empty boxes, so a small subset of Noto Sans
CJK SC (just the characters of our translations, OFL licence beside it in resources/fonts) is
registered and appended to the application font's families as a fallback.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from gdstudio.resources import RESOURCES

I18N = RESOURCES / "i18n"
FONTS = RESOURCES / "fonts"
#: the family name of the bundled subset (renamed, so it never clashes with an installed Noto)
CJK_FAMILY = "Noto Sans SC gdstudio"
#: language code -> the language's name in its own words (menus show these untranslated)
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "中文（简体）"}
SOURCE_LANGUAGE = "en"

# Strings the code translates from data (a dict, an enum), so lupdate cannot see the literal at
# the call: declared here, in the context the call uses, so that they reach the .ts file.
_DYNAMIC = (
    # phase_strip.phase_name(): QCoreApplication.translate("Phase", _PHASE_NAMES[phase])
    QT_TRANSLATE_NOOP("Phase", "Initialization"),
    QT_TRANSLATE_NOOP("Phase", "Forward"),
    QT_TRANSLATE_NOOP("Phase", "Loss"),
    QT_TRANSLATE_NOOP("Phase", "Backpropagation"),
    QT_TRANSLATE_NOOP("Phase", "Gradient descent"),
    # tabs/guess.py calls self.tr('...') inside an f-string, where lupdate does not look
    QT_TRANSLATE_NOOP("GuessView", "The number line: every guess, and what B said"),
)

_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE
_font_families: list[str] | None = None


def normalize(language: str | None) -> str:
    """A supported language code for ``language`` ("zh", "zh-CN", "zh_Hans_CN" -> "zh_CN";
    anything else -> "en")."""
    text = (language or "").strip().replace("-", "_").lower()
    return "zh_CN" if text.startswith("zh") else SOURCE_LANGUAGE


def system_language() -> str:
    """The language the system asks for: Chinese if its first UI language is Chinese."""
    system = QLocale.system()
    names = list(system.uiLanguages()) or [system.name()]  # e.g. ["zh-Hans-CN", "en-US"]
    return normalize(names[0])


def current_language() -> str:
    """The language installed last ("en" before any install)."""
    return _current


def locale_for(language: str) -> QLocale:
    """The number locale for ``language``: the system's own when it speaks that language (keeps
    en_GB or zh_SG conventions), else the language's standard one."""
    language = normalize(language)
    system = QLocale.system()
    if system.language() == QLocale(language).language():
        return system
    return QLocale(language)


def install(app: QApplication | QCoreApplication | None, language: str) -> bool:
    """Switch the app to ``language`` ("en" or "zh_CN"): our translator, Qt's own (dialog
    buttons), the default locale for numbers, and the fonts. True if the language is fully
    available (English always is)."""
    global _current
    app = app if app is not None else QCoreApplication.instance()
    language = normalize(language)
    register_fonts()
    for t in _installed:
        app.removeTranslator(t)
        t.deleteLater()
    _installed.clear()
    QLocale.setDefault(locale_for(language))
    _current = language
    if language == SOURCE_LANGUAGE:
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


def font_files() -> list:
    return sorted(FONTS.glob("*.otf")) + sorted(FONTS.glob("*.ttf"))


def register_fonts() -> list[str]:
    """Register the bundled fonts (once) and make the application font fall back to them.

    Returns the families registered. Needs a QGuiApplication; safe to call again.
    """
    global _font_families
    if _font_families is not None:
        return _font_families
    if QApplication.instance() is None:
        return []
    families: list[str] = []
    for path in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in families:
                    families.append(family)
    _font_families = families
    if CJK_FAMILY in families:
        use_cjk_fallback(CJK_FAMILY)
    return families


def use_cjk_fallback(family: str = CJK_FAMILY) -> None:
    """Put ``family`` behind the application font's own families, so characters those lack
    (Chinese on a PC with only Latin fonts) come from it, and behind every family the
    application font names, for widgets that set a family of their own."""
    app_font = QFont(QApplication.font())
    families = [f for f in app_font.families() or [app_font.family()] if f and f != family]
    # the family really used (a generic name like "Sans Serif" resolves to e.g. "DejaVu Sans"):
    # named explicitly, so Latin text keeps its font and only missing glyphs come from ours
    resolved = QFontInfo(app_font).family()
    if resolved and resolved != family and resolved not in families:
        families.append(resolved)
    for name in {*families, app_font.defaultFamily(), "Sans Serif", "sans-serif"}:
        if family not in QFont.substitutes(name):
            QFont.insertSubstitution(name, family)
    app_font.setFamilies([*families, family])
    QApplication.setFont(app_font)
