"""PyInstaller entry script for the GUI: the same `ui.app:main` as the `roomconsole` command.

With ROOMCONSOLE_BUNDLE_SELFTEST=VIDEO_FILE set, the bundle checks itself instead (Qt plugins,
libVLC playing that file: bundle_selftest.py) and exits; ci_smoke.sh uses it.
"""

import os
import sys

if os.environ.get("ROOMCONSOLE_BUNDLE_SELFTEST"):
    from bundle_selftest import main as selftest

    sys.exit(selftest(os.environ["ROOMCONSOLE_BUNDLE_SELFTEST"]))

from ui.app import main

sys.exit(main())
