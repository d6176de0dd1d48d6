"""packaging/hooks/rthook_vlc.py: python-vlc is pointed at a bundled libVLC only if present."""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

import pytest

HOOK = Path(__file__).parents[2] / "packaging" / "hooks" / "rthook_vlc.py"
VARIABLES = ("PYTHON_VLC_LIB_PATH", "PYTHON_VLC_MODULE_PATH", "VLC_PLUGIN_PATH")


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty PyInstaller bundle folder (sys._MEIPASS) and a clean environment."""
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _bundle_libvlc(bundle: Path) -> tuple[Path, Path]:
    vlc = bundle / "vlc"
    (vlc / "plugins" / "codec").mkdir(parents=True)
    library = vlc / ("libvlc.dll" if sys.platform == "win32" else "libvlc.so.5")
    library.write_bytes(b"")
    return library, vlc / "plugins"


def test_bundled_libvlc_and_plugins_are_announced(bundle: Path) -> None:
    library, plugins = _bundle_libvlc(bundle)
    runpy.run_path(str(HOOK))
    assert os.environ["PYTHON_VLC_LIB_PATH"] == str(library)
    assert os.environ["PYTHON_VLC_MODULE_PATH"] == str(plugins)
    assert os.environ["VLC_PLUGIN_PATH"] == str(plugins)


def test_a_bundle_without_libvlc_leaves_python_vlc_to_find_the_system_one(bundle: Path) -> None:
    (bundle / "vlc").mkdir()  # a library without plugins is not usable either
    runpy.run_path(str(HOOK))
    assert not any(name in os.environ for name in VARIABLES)


def test_a_technicians_own_setting_wins(bundle: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _bundle_libvlc(bundle)
    monkeypatch.setenv("PYTHON_VLC_LIB_PATH", "/opt/vlc-test/libvlc.so.5")
    runpy.run_path(str(HOOK))
    assert os.environ["PYTHON_VLC_LIB_PATH"] == "/opt/vlc-test/libvlc.so.5"
