"""Evidence for the pins and private hooks the project relies on (issue 11).

Each test fails loudly the day a dependency changes the behaviour we depend on, so a pin can
be lifted (or a hook replaced) on evidence rather than by guessing.
"""

from __future__ import annotations

import asyncio
import inspect
import sys

import pytestqt.plugin
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def test_qtimer_start_stop_keeps_the_references_to_none(qapp: QApplication) -> None:
    """PySide6-Essentials 6.12.0 dropped 2 references to None per QTimer start/stop pair.

    Under qasync that exhausts None's count and aborts the process (``none_dealloc``), hence
    ``<6.12`` in pyproject.toml. Run this against a newer release before lifting the pin. (On
    Python 3.12+ None is immortal and its count fixed, so the check can only pass there; the
    sites' Debian 12 runs 3.11, where it bites.)
    """
    timer = QTimer()
    for _ in range(10):  # warm-up: first calls may cache objects
        timer.start(1000)
        timer.stop()
    before = sys.getrefcount(None)
    for _ in range(100):
        timer.start(1000)
        timer.stop()
    after = sys.getrefcount(None)
    assert after - before >= 0, f"{before - after} references to None lost in 100 start/stop pairs"


def test_pytest_qt_still_calls_the_process_events_hook_we_replace() -> None:
    """tests/ui/conftest.py replaces ``pytestqt.plugin._process_events`` (private).

    If pytest-qt renames it or stops calling it between test phases, our replacement silently
    does nothing and qasync tests start failing in odd ways: fail here instead.
    """
    hook = pytestqt.plugin._process_events  # type: ignore[attr-defined]
    assert hook.__name__ == "_process_events_inside_the_loop", "our replacement is not installed"
    source = inspect.getsource(pytestqt.plugin)
    assert source.count("_process_events()") >= 2, "pytest-qt no longer processes events per phase"


def test_asyncio_set_running_loop_is_still_there() -> None:
    """tests/ui/conftest.py uses ``asyncio.events._set_running_loop`` (for loop implementers)."""
    loop = asyncio.new_event_loop()
    try:
        asyncio.events._set_running_loop(loop)
        assert asyncio.get_running_loop() is loop
    finally:
        asyncio.events._set_running_loop(None)
        loop.close()
