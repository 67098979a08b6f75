"""``python -m gdstudio``: the same as the ``gdstudio`` command (and the PyInstaller entry)."""

import sys

from gdstudio.app import main

if __name__ == "__main__":
    sys.exit(main())
