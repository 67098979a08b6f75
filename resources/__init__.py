"""Icons, translations and fonts, installed as ``gdstudio.resources``."""

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent
