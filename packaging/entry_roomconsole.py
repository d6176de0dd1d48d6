"""PyInstaller entry script for the GUI: the same `ui.app:main` as the `roomconsole` command."""

import sys

from ui.app import main

sys.exit(main())
