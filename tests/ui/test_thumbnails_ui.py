"""Preset thumbnails and the off-preset badge, end to end on the demo room.

Real ViscaCameras drive the VISCA emulators; each emulator's training camera serves its view
as MJPEG on 127.0.0.1 and libVLC plays it into the preview the thumbnails are taken from.
"""

from __future__ import annotations

import asyncio
import tomllib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_polling import until

from console.demo import DemoSession
from console.presets import PresetBook
from drivers.roles.base import Availability
from ui.main_window import MainWindow
from ui.off_preset import CheckState, PresetPictures
from ui.preset_grid import PresetGrid

SLOT = 5  # empty in the demo: saving needs no confirmation (Ctrl+6 on the keyboard)


@pytest.fixture
async def saved_window(
    demo: DemoSession, qtbot: QtBot, tmp_path: Path
) -> AsyncIterator[MainWindow]:
    """The main window on the demo room as if it was opened from a profile file."""
    demo.room.profile_path = tmp_path / "room.toml"
    main = MainWindow(demo.room)
    main.show()
    await until(
        lambda: all(light.availability is Availability.ONLINE for light in main.status.lights)
    )
    yield main
    main.close()
    main.deleteLater()


def _pictures(grid: PresetGrid) -> PresetPictures:
    assert grid.pictures is not None  # the demo camera has a preview
    return grid.pictures


def _thumbnail(book: PresetBook, number: int) -> str | None:
    preset = book.get(number)
    return None if preset is None else preset.thumbnail


def _ctrl_digit(window: MainWindow, key: Qt.Key) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.ControlModifier)
        QApplication.sendEvent(window.camera_panel, event)


async def _frame_a_shot_and_save(window: MainWindow, demo: DemoSession) -> str:
    """Frame a shot by hand on the emulator, save it with Ctrl+6, return the thumbnail name."""
    grid = window.camera_panel.grid
    pictures = _pictures(grid)
    await until(lambda: pictures.live, timeout=10)
    demo.emulators[0].cameras[0].nudge(pan=-500, tilt=100, zoom=5000)
    await asyncio.sleep(0.6)  # the preview shows the camera ~150 ms late
    assert grid.button(SLOT).icon().isNull()
    _ctrl_digit(window, Qt.Key.Key_6)
    book = demo.room.cameras[0].presets
    await until(lambda: _thumbnail(book, SLOT) is not None, timeout=10)
    name = _thumbnail(book, SLOT)
    assert name is not None
    return name


async def test_saving_a_preset_stores_its_picture_beside_the_profile(
    saved_window: MainWindow, demo: DemoSession, tmp_path: Path
) -> None:
    name = await _frame_a_shot_and_save(saved_window, demo)
    grid = saved_window.camera_panel.grid
    assert (tmp_path / "thumbnails" / name).is_file()
    assert not grid.button(SLOT).icon().isNull()  # shown at once
    saved = tomllib.loads((tmp_path / "room.toml").read_text(encoding="utf-8"))
    presets = {p["number"]: p for p in saved["cameras"][0]["presets"]}
    assert presets[SLOT]["thumbnail"] == name  # recorded in the profile file


async def test_demo_keeps_thumbnails_for_the_session(window: MainWindow, demo: DemoSession) -> None:
    assert demo.room.profile_path is None
    name = await _frame_a_shot_and_save(window, demo)
    folder = _pictures(window.camera_panel.grid).store.folder
    assert (folder / name).is_file()
    assert not window.camera_panel.grid.button(SLOT).icon().isNull()
    window.close()
    assert not folder.exists()  # a temporary folder, gone with the window


async def test_off_preset_badge_after_a_knock_and_recall_again(
    window: MainWindow, demo: DemoSession
) -> None:
    grid = window.camera_panel.grid
    pictures = _pictures(grid)
    slot = demo.room.cameras[0]
    emulated = demo.emulators[0].cameras[0]
    await _frame_a_shot_and_save(window, demo)

    await asyncio.wait_for(slot.camera.home(), 10)
    grid.recall(SLOT)
    await until(lambda: pictures.check.value.state is CheckState.ON_PRESET, timeout=15)
    assert grid.badge.isHidden()
    assert "⚠" not in grid.button(SLOT).text()

    grid.recall(SLOT)  # a second recall; this time someone knocks the camera right after it
    await until(lambda: pictures.check.value.state is CheckState.CHECKING, timeout=10)
    emulated.nudge(pan=120)
    await until(lambda: pictures.check.value.state is CheckState.OFF_PRESET, timeout=10)
    assert not grid.badge.isHidden()
    assert grid.caption() and grid.badge.number == SLOT
    assert "⚠" in grid.button(SLOT).text()

    grid.badge.button.click()  # "Recall again": the badge goes at once, the check runs again
    assert grid.badge.isHidden()
    await until(lambda: pictures.check.value.state is CheckState.ON_PRESET, timeout=15)
    assert grid.badge.isHidden()
    assert "⚠" not in grid.button(SLOT).text()
