"""The main window fits a 1366x768 laptop screen in Vietnamese and in English."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtWidgets import QApplication

from console.demo import start_demo
from console.runtime import RoomRuntime
from ui.i18n import current_language, switch_language
from ui.main_window import MainWindow
from ui.room_panels import attach_room_panels


@pytest.mark.parametrize("language", ["vi", "en"])
async def test_main_window_fits_a_laptop_screen(qapp: QApplication, language: str) -> None:
    before = current_language()
    switch_language(qapp, language)
    session = await asyncio.wait_for(start_demo(with_call=False), 20)
    window = MainWindow(session.room, training=True)
    panels = attach_room_panels(window, RoomRuntime(session.room))
    try:
        needed = window.minimumSizeHint()
        assert needed.width() <= 1366, f"{language}: needs {needed.width()} px wide"
        assert needed.height() <= 740, f"{language}: needs {needed.height()} px high"
    finally:
        panels.close()
        window.close()
        await asyncio.wait_for(session.close(), 15)
        switch_language(qapp, before)
