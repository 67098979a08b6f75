"""Screenshots of every tab and part, for looking at (not a test).

    QT_QPA_PLATFORM=offscreen python tests/screenshots.py [--out shots] [--lang zh_CN]

Each tab and part at step 0, after 5 steps and after a run to its end, at 1280x800 and
1920x1080, saved as PNG files in the output folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--out", default="shots")
    p.add_argument("--lang", default="en")
    p.add_argument("--sizes", default="1280x800,1920x1080")
    p.add_argument("--only", default="", help="tab key to limit to")
    args = p.parse_args(argv)
    from PySide6.QtCore import QSettings

    from gdstudio.qt import i18n
    from gdstudio.qt.application import application
    from gdstudio.qt.main_window import MainWindow
    from gdstudio.qt.runner import SPEEDS

    app = application()
    i18n.install(app, args.lang)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(out / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.show()
    for size in args.sizes.split(","):
        w, h = (int(v) for v in size.split("x"))
        window.resize(w, h)
        for ti, page in enumerate(window.pages):
            if args.only and page.tab_key != args.only:
                continue
            window.tabs.setCurrentIndex(ti)
            for pi, part in enumerate(page.parts):
                page.select_part(pi)
                page.reset()
                stem = f"{args.lang}_{size}_{page.tab_key}_{part.key}"

                def shoot(label: str, stem: str = stem) -> None:
                    app.processEvents()
                    window.grab().save(str(out / f"{stem}_{label}.png"))

                shoot("0_start")
                for _ in range(5):
                    page.step()
                shoot("1_five_steps")
                page.runner.set_speed(len(SPEEDS) - 1)
                while not page.trainer.done:
                    page.trainer.step()
                page.refresh()
                shoot("2_end")
                page.reset()
    window.close()
    print(f"screenshots in {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
