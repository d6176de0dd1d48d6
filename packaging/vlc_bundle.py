"""The libVLC files a Windows bundle carries (used by roomconsole.spec, tested on any OS)."""

from __future__ import annotations

from pathlib import Path

TocEntry = tuple[str, str, str]
REQUIRED = ("libvlc.dll", "libvlccore.dll", "plugins")


class VlcFilesMissing(Exception):
    """The folder is not a VLC distribution (fetch_vlc.ps1 was not run)."""


def vlc_files(vlc_dir: Path, dest: str = "vlc") -> list[TocEntry]:
    """Return DATA entries copying libvlc.dll, libvlccore.dll and plugins/ under ``dest``."""
    missing = [name for name in REQUIRED if not (vlc_dir / name).exists()]
    if missing:
        raise VlcFilesMissing(
            f"libVLC files missing in {vlc_dir}: {', '.join(missing)}; run "
            "packaging/windows/fetch_vlc.ps1 first (docs/packaging.md, 'The libVLC step')"
        )
    files = [vlc_dir / "libvlc.dll", vlc_dir / "libvlccore.dll"]
    files += sorted(p for p in (vlc_dir / "plugins").rglob("*") if p.is_file())
    return [(str(Path(dest) / f.relative_to(vlc_dir)), str(f), "DATA") for f in files]
