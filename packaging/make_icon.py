"""Draw gdstudio's application icon and write it in every format the bundles need.

    python packaging/make_icon.py            # writes resources/gdstudio.{svg,png,ico,icns}

The picture: a loss curve (a valley), the ball of gradient descent on its slope, two fading
earlier positions (its steps shrink as the slope flattens) and an arrow pointing downhill.

The SVG below is the source. Qt renders it offscreen (QSvgRenderer + QPainter on a QImage, no
display needed) at each size; the PNG images are then packed into the container formats:
``.ico`` for Windows (PNG-compressed entries, 16-256 px; Qt's own ICO writer stores only one
size) and ``.icns`` for macOS (PNG entries 16-1024 px), so no Pillow is needed on any platform.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"

SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Gradient Descent Studio</title>
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#2563eb"/>
      <stop offset="1" stop-color="#0f766e"/>
    </linearGradient>
    <radialGradient id="ball" cx="0.38" cy="0.34" r="0.7">
      <stop offset="0" stop-color="#fed7aa"/>
      <stop offset="0.45" stop-color="#fb923c"/>
      <stop offset="1" stop-color="#c2410c"/>
    </radialGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="52" fill="url(#bg)"/>
  <!-- the loss curve: y = 200 - 140 ((x - 150) / 116)^2, an exact quadratic Bezier -->
  <path d="M 34 60 Q 130 291.7 226 139.9" fill="none" stroke="#ffffff" stroke-width="13"
        stroke-linecap="round"/>
  <!-- earlier steps -->
  <circle cx="38" cy="69.5" r="10" fill="#fdba74" fill-opacity="0.5"/>
  <circle cx="66" cy="126.6" r="14" fill="#fdba74" fill-opacity="0.75"/>
  <!-- the arrow: downhill, along the slope -->
  <path d="M 123 128 L 151 163" fill="none" stroke="#fde047" stroke-width="11"
        stroke-linecap="round"/>
  <path d="M 166 182 L 139.5 171.5 L 160 155 Z" fill="#fde047" stroke="#fde047"
        stroke-width="5" stroke-linejoin="round"/>
  <!-- the ball -->
  <circle cx="94" cy="167.4" r="21" fill="url(#ball)" stroke="#7c2d12" stroke-width="2.5"/>
</svg>
"""

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data, with their pixel sizes (macOS 10.7+)
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)


def render_png(renderer, size: int) -> bytes:
    """The icon at ``size`` x ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG-compressed image per size."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    directory, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + directory + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG entries."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    out = Path(argv[0]) if argv else RESOURCES
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt up)
    renderer = QSvgRenderer(QByteArray(SVG.encode()))
    if not renderer.isValid():
        raise RuntimeError("the icon's SVG does not parse")
    sizes = sorted(set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: render_png(renderer, size) for size in sizes}

    out.mkdir(parents=True, exist_ok=True)
    (out / "gdstudio.svg").write_text(SVG, encoding="utf-8")
    (out / "gdstudio.png").write_bytes(pngs[256])
    (out / "gdstudio.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (out / "gdstudio.icns").write_bytes(icns_bytes(pngs))
    for name in ("gdstudio.svg", "gdstudio.png", "gdstudio.ico", "gdstudio.icns"):
        print(f"wrote {out / name} ({(out / name).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
