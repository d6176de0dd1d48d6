"""packaging/vlc_bundle.py: what the Windows bundle copies from the official VLC."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "packaging"))

from vlc_bundle import VlcFilesMissing, vlc_files


def _vlc_distribution(root: Path) -> Path:
    for name in ("libvlc.dll", "libvlccore.dll", "plugins/codec/libavcodec_plugin.dll",
                 "plugins/access/liblive555_plugin.dll"):  # fmt: skip
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"MZ")
    return root


def test_libraries_and_every_plugin_land_under_vlc_as_data(tmp_path: Path) -> None:
    entries = vlc_files(_vlc_distribution(tmp_path))
    dests = {Path(dest).as_posix() for dest, _, _ in entries}
    assert dests == {
        "vlc/libvlc.dll",
        "vlc/libvlccore.dll",
        "vlc/plugins/codec/libavcodec_plugin.dll",
        "vlc/plugins/access/liblive555_plugin.dll",
    }
    assert {typecode for _, _, typecode in entries} == {"DATA"}
    assert all(Path(src).is_file() for _, src, _ in entries)


def test_a_folder_without_libvlccore_is_refused_with_the_fix(tmp_path: Path) -> None:
    (_vlc_distribution(tmp_path) / "libvlccore.dll").unlink()
    with pytest.raises(VlcFilesMissing, match=r"libvlccore\.dll.*fetch_vlc\.ps1"):
        vlc_files(tmp_path)
