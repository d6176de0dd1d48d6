"""packaging/bundle_trim.py: unused Qt plugins, translations and their orphan libraries go."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2] / "packaging"))

from bundle_trim import is_kept, trim

QT = "PySide6/Qt"


def _bin(dest: str) -> tuple[str, str, str]:
    return (dest, f"/src/{dest}", "BINARY")


def _data(dest: str) -> tuple[str, str, str]:
    return (dest, f"/src/{dest}", "DATA")


def test_platform_plugins_for_x11_wayland_windows_and_ci_are_kept() -> None:
    for name in ("libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libqminimal.so"):
        assert is_kept(_bin(f"{QT}/plugins/platforms/{name}"))
    assert is_kept(_bin("PySide6\\plugins\\platforms\\qwindows.dll"))
    for name in ("libqeglfs.so", "libqvnc.so", "libqlinuxfb.so"):
        assert not is_kept(_bin(f"{QT}/plugins/platforms/{name}"))


def test_gtk_theme_and_unneeded_plugin_folders_are_dropped_others_kept() -> None:
    assert not is_kept(_bin(f"{QT}/plugins/platformthemes/libqgtk3.so"))
    assert is_kept(_bin(f"{QT}/plugins/platformthemes/libqxdgdesktopportal.so"))
    assert not is_kept(_bin(f"{QT}/plugins/tls/libqopensslbackend.so"))
    assert is_kept(_bin(f"{QT}/plugins/imageformats/libqjpeg.so"))
    assert is_kept(_bin(f"{QT}/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so"))


def test_libvlc_plugins_are_never_touched() -> None:
    assert is_kept(_bin("vlc/plugins/generic/libfoo_plugin.dll"))
    assert is_kept(_bin("vlc/plugins/codec/libavcodec_plugin.dll"))


def test_qt_translations_keep_only_vietnamese_and_english_ours_always() -> None:
    assert is_kept(_data(f"{QT}/translations/qtbase_vi.qm"))
    assert is_kept(_data(f"{QT}/translations/qt_en.qm"))
    assert not is_kept(_data(f"{QT}/translations/qtbase_de.qm"))
    assert not is_kept(_data(f"{QT}/translations/qt_help_pt_BR.qm"))
    assert is_kept(_data("ui/translations/roomconsole_de.qm"))


def test_libraries_only_a_dropped_plugin_needed_go_shared_ones_stay() -> None:
    gtk_theme = _bin(f"{QT}/plugins/platformthemes/libqgtk3.so")
    xcb = _bin(f"{QT}/plugins/platforms/libqxcb.so")
    libs = [_bin(n) for n in ("libgtk-3.so.0", "libcairo.so.2", "libX11.so.6", "libffi.so.8")]
    imports = {
        "libqgtk3.so": {"libgtk-3.so.0", "libX11.so.6"},
        "libgtk-3.so.0": {"libcairo.so.2"},
        "libqxcb.so": {"libX11.so.6"},
    }

    def needed_by(src: str) -> set[str]:
        return imports.get(Path(src).name, set())

    binaries, datas, dropped = trim([gtk_theme, xcb, *libs], [], needed_by)
    kept = {Path(e[0]).name for e in binaries}
    # libffi is nobody's import here but was never a dropped plugin's dependency: it stays
    # (ctypes and the interpreter load such libraries without an import entry).
    assert kept == {"libqxcb.so", "libX11.so.6", "libffi.so.8"}
    assert {Path(e[0]).name for e in dropped} == {"libqgtk3.so", "libgtk-3.so.0", "libcairo.so.2"}
    assert datas == []
