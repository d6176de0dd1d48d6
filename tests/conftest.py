"""Shared test set-up: optional Qt blocking, and a guard that no child process is left behind."""

from __future__ import annotations

import importlib.abc
import os
import sys
from collections.abc import Iterator

import pytest

_QT_MODULES = ("PySide6", "shiboken6", "qasync", "pytestqt")


class _BlockQt(importlib.abc.MetaPathFinder):
    """Makes Qt unimportable, to prove drivers/ and console/ run on a machine without it."""

    def find_spec(self, fullname: str, path: object, target: object = None) -> None:
        if fullname.split(".")[0] in _QT_MODULES:
            raise ImportError(f"{fullname} is blocked (ROOMCONSOLE_BLOCK_QT=1)")
        return None


if os.environ.get("ROOMCONSOLE_BLOCK_QT") == "1":
    sys.meta_path.insert(0, _BlockQt())


def _children() -> set[int]:
    """PIDs of this process's live (non-zombie) children, from /proc."""
    found: set[int] = set()
    me = str(os.getpid())
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == me and fields[0] != "Z":
            found.add(int(entry))
    return found


@pytest.fixture(autouse=True)
def no_leftover_processes() -> Iterator[None]:
    """Fail a test that leaves a child process (socat, ffmpeg, baresip ...) running."""
    before = _children()
    yield
    left = _children() - before
    assert not left, f"test left child processes running: {sorted(left)}"
