"""Trim what PyInstaller's Qt hooks collect but Room Console never uses (used by the spec).

A TOC entry is PyInstaller's ``(dest_name, src_path, typecode)``. Dropping a Qt plugin also
drops the shared libraries only it needed (the GTK3 theme plugin alone drags in ~20 MB of GTK,
cairo and pango), found by following the libraries' own imports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePath

TocEntry = tuple[str, str, str]

# Qt plugin folder -> plugin file stems to keep; a folder not listed keeps everything.
# Linux sites run X11 or Wayland; Windows needs qwindows. offscreen/minimal serve CI and tests.
KEEP_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {
        "libqxcb",
        "libqwayland",
        "libqoffscreen",
        "libqminimal",
        "qwindows",
        "qoffscreen",
        "qminimal",
        "qdirect2d",
    },
    "platformthemes": {"libqxdgdesktopportal"},  # not libqgtk3: GTK3 for a file dialog or two
    "egldeviceintegrations": set(),  # eglfs runs without a window system: not our case
    "generic": set(),  # evdev input without a window system
    "networkinformation": set(),
    "tls": set(),  # Qt networking is not used (drivers use asyncio sockets)
}
# Qt's own translations: only the languages the console ships (Vietnamese, English).
KEEP_LANGUAGES = ("vi", "en")


def _plugin_kept(parts: tuple[str, ...]) -> bool:
    """Whether a file under .../plugins/<folder>/<file> is one to keep."""
    index = len(parts) - 3
    if index < 0 or parts[index] != "plugins" or "PySide6" not in parts:
        return True  # not a Qt plugin (libVLC's plugins/ folder has its own names)
    allowed = KEEP_PLUGINS.get(parts[-2])
    return allowed is None or PurePath(parts[-1]).stem.split(".")[0] in allowed


def _translation_kept(parts: tuple[str, ...]) -> bool:
    """Whether a Qt translation (.../translations/qtbase_vi.qm) is one of our languages."""
    if len(parts) < 2 or parts[-2] != "translations" or not parts[-1].endswith(".qm"):
        return True
    if "PySide6" not in parts:
        return True  # our own ui/translations are always kept
    language = parts[-1].removesuffix(".qm").split("_", 1)[-1]
    return language.split("_")[0] in KEEP_LANGUAGES


def is_kept(entry: TocEntry) -> bool:
    """Keep everything except unused Qt plugins and Qt translations for other languages."""
    parts = PurePath(entry[0].replace("\\", "/")).parts
    return _plugin_kept(parts) and _translation_kept(parts)


def trim(
    binaries: Iterable[TocEntry],
    datas: Iterable[TocEntry],
    needed_by: Callable[[str], set[str]],
) -> tuple[list[TocEntry], list[TocEntry], list[TocEntry]]:
    """Return (binaries, datas, dropped): unused plugins/translations and their orphan libs out.

    ``needed_by(src_path)`` gives the file names a shared library imports (its DT_NEEDED /
    PE import table); PyInstaller's ``bindepend.get_imports`` provides it in the spec.
    """
    binaries, datas = list(binaries), list(datas)
    dropped = [e for e in binaries + datas if not is_kept(e)]
    kept_bins = [e for e in binaries if is_kept(e)]
    # Libraries the dropped plugins pulled in are candidates; one goes only when no kept binary
    # imports it any more. Repeat: removing one orphan can orphan its own dependencies.
    dropped_bins = [e for e in binaries if not is_kept(e)]
    candidates = _closure(
        {name for e in dropped_bins for name in needed_by(e[1])}, kept_bins, needed_by
    )
    while True:
        imported = {name for e in kept_bins for name in needed_by(e[1])}
        orphans = [e for e in kept_bins if _name(e) in candidates and _name(e) not in imported]
        if not orphans:
            break
        dropped += orphans
        kept_bins = [e for e in kept_bins if e not in orphans]
    return kept_bins, [e for e in datas if is_kept(e)], dropped


def _name(entry: TocEntry) -> str:
    """Return the library's file name as other libraries import it."""
    return PurePath(entry[0].replace("\\", "/")).name


def _closure(
    names: set[str], binaries: list[TocEntry], needed_by: Callable[[str], set[str]]
) -> set[str]:
    """All library names reachable by imports from ``names`` (within ``binaries``)."""
    by_name = {_name(e): e for e in binaries}
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        entry = by_name.get(name)
        if entry is not None:
            todo.extend(needed_by(entry[1]))
    return seen
