"""PyInstaller runtime hook: point python-vlc at the libVLC the bundle carries (Windows).

Runs before any application code. It only sets variables when the bundle really holds the
files: python-vlc calls sys.exit(1) on a PYTHON_VLC_LIB_PATH that does not load. Without a
bundled libVLC (the Linux bundle) python-vlc looks for the system's libvlc as usual.
"""

import os
import sys


def _point_python_vlc_at_bundle() -> None:
    """Set PYTHON_VLC_LIB_PATH / PYTHON_VLC_MODULE_PATH / VLC_PLUGIN_PATH for a bundled libVLC."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is None:
        return
    vlc_dir = os.path.join(bundle, "vlc")
    library = os.path.join(vlc_dir, "libvlc.dll" if sys.platform == "win32" else "libvlc.so.5")
    plugins = os.path.join(vlc_dir, "plugins")
    if not (os.path.isfile(library) and os.path.isdir(plugins)):
        return
    if sys.platform == "win32":
        # libvlc.dll needs libvlccore.dll from the same folder.
        os.add_dll_directory(vlc_dir)
    # setdefault: a technician can still point at another libVLC for a test.
    os.environ.setdefault("PYTHON_VLC_LIB_PATH", library)
    os.environ.setdefault("PYTHON_VLC_MODULE_PATH", plugins)
    os.environ.setdefault("VLC_PLUGIN_PATH", plugins)


_point_python_vlc_at_bundle()
