"""Preset grid against the real PresetBook, ViscaCamera and emulator."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from ui_polling import until

from console.demo import DemoSession
from drivers.roles.camera import PanTiltDirection
from ui.i18n import current_language, switch_language
from ui.main_window import MainWindow
from ui.preset_grid import PresetGrid

RECALL, SET, RESET = 2, 1, 0  # 01 04 3F aa pp: aa = what, pp = preset number


def preset_commands(demo: DemoSession, camera: int = 0) -> list[tuple[int, int]]:
    """(action, number) of every preset command the emulated camera received."""
    packets = demo.emulators[camera].cameras[0].commands_received
    return [(p[4], p[5]) for p in packets if p[1:4] == b"\x01\x04\x3f"]


def _key(window: MainWindow, key: Qt.Key, ctrl: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(window.camera_panel, QKeyEvent(kind, key, modifiers))


def _answer(grid: PresetGrid, button_text: str) -> None:
    box = grid.dialog
    assert isinstance(box, QMessageBox)
    chosen = [b for b in box.buttons() if b.text() == button_text]
    assert chosen, [b.text() for b in box.buttons()]
    chosen[0].click()


async def test_digit_recalls_and_grid_shows_active_then_moved_off(
    window: MainWindow, demo: DemoSession
) -> None:
    grid = window.camera_panel.grid
    _key(window, Qt.Key.Key_2)  # the second button: preset 1
    await until(lambda: (RECALL, 1) in preset_commands(demo))
    await until(lambda: grid.button(1).state() == "active")
    assert "Chủ tọa" in grid.caption()
    assert grid.button(0).state() == "set"
    window.camera_panel.start_move(PanTiltDirection.RIGHT)
    await until(lambda: grid.button(1).state() == "movedoff")
    assert grid.caption().startswith("Moved off")
    window.camera_panel.stop_move()


async def test_tap_recalls(window: MainWindow, demo: DemoSession) -> None:
    grid = window.camera_panel.grid
    grid.button(3).click()
    await until(lambda: (RECALL, 3) in preset_commands(demo))


async def test_save_over_a_preset_asks_first(window: MainWindow, demo: DemoSession) -> None:
    grid = window.camera_panel.grid
    _key(window, Qt.Key.Key_1, ctrl=True)
    await until(lambda: isinstance(grid.dialog, QMessageBox))
    assert (SET, 0) not in preset_commands(demo)  # nothing saved before the answer
    _answer(grid, "Cancel")
    _key(window, Qt.Key.Key_1, ctrl=True)
    await until(lambda: isinstance(grid.dialog, QMessageBox))
    assert (SET, 0) not in preset_commands(demo)
    _answer(grid, "Replace")
    await until(lambda: (SET, 0) in preset_commands(demo))
    await until(lambda: grid.button(0).state() == "active")


async def test_save_into_an_empty_slot_from_the_menu(window: MainWindow, demo: DemoSession) -> None:
    grid = window.camera_panel.grid
    assert grid.button(5).state() == "empty"
    menu = grid.open_menu(5, grid.button(5).mapToGlobal(grid.button(5).rect().center()))
    actions = {action.text(): action for action in menu.actions()}
    assert not actions["Clear"].isEnabled()  # nothing to clear yet
    actions["Save the current shot here"].trigger()
    await until(lambda: (SET, 5) in preset_commands(demo))
    await until(lambda: grid.button(5).state() == "active")
    assert grid.dialog is None  # no confirmation needed for an empty slot
    assert demo.room.cameras[0].presets.get(5) is not None


async def test_rename_and_clear(window: MainWindow, demo: DemoSession) -> None:
    grid = window.camera_panel.grid
    book = demo.room.cameras[0].presets
    grid.request_rename(2)
    dialog = grid.dialog
    assert isinstance(dialog, QInputDialog)
    assert dialog.textValue() == "Bục phát biểu"
    dialog.setTextValue("Podium")
    dialog.accept()
    await until(lambda: "Podium" in grid.button(2).text())
    assert book.get(2) is not None and book.get(2).name == "Podium"  # type: ignore[union-attr]
    assert demo.room.profile.cameras[0].presets[2].name == "Podium"  # kept in the profile
    grid.request_clear(2)
    await until(lambda: isinstance(grid.dialog, QMessageBox))
    _answer(grid, "Clear")
    await until(lambda: (RESET, 2) in preset_commands(demo))
    await until(lambda: grid.button(2).state() == "empty")
    assert book.get(2) is None


async def test_long_press_opens_the_menu_instead_of_recalling(
    window: MainWindow, demo: DemoSession, qtbot: QtBot
) -> None:
    grid = window.camera_panel.grid
    button = grid.button(2)
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    await until(lambda: grid.menu is not None and grid.menu.isVisible(), timeout=3.0)
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    await asyncio.sleep(0.2)
    assert (RECALL, 2) not in preset_commands(demo)
    grid.menu.close()


async def test_a_tap_on_a_camera_in_standby_offers_to_switch_it_on(
    window: MainWindow, demo: DemoSession
) -> None:
    grid = window.camera_panel.grid
    slot = demo.room.cameras[0]
    emulated = demo.emulators[0].cameras[0]
    await slot.camera.power(False)  # as the leaving shot does
    await until(lambda: slot.presets.in_standby)
    grid.button(3).click()
    await until(lambda: isinstance(grid.dialog, QMessageBox))
    assert isinstance(grid.dialog, QMessageBox)
    assert "standby" in grid.dialog.text() and slot.name in grid.dialog.text()
    assert (RECALL, 3) not in preset_commands(demo)  # nothing sent before the answer
    _answer(grid, "Switch on and go")
    await until(lambda: (RECALL, 3) in preset_commands(demo))
    assert emulated.power_on
    await until(lambda: grid.button(3).state() == "active")


async def test_cancel_leaves_a_camera_in_standby(window: MainWindow, demo: DemoSession) -> None:
    grid = window.camera_panel.grid
    slot = demo.room.cameras[0]
    await slot.camera.power(False)
    await until(lambda: slot.presets.in_standby)
    grid.button(3).click()
    await until(lambda: isinstance(grid.dialog, QMessageBox))
    _answer(grid, "Cancel")
    await asyncio.sleep(0.3)
    assert (RECALL, 3) not in preset_commands(demo)
    assert not demo.emulators[0].cameras[0].power_on


async def test_where_the_profile_says_so_a_tap_switches_the_camera_on(
    window: MainWindow, demo: DemoSession
) -> None:
    grid = window.camera_panel.grid
    slot = demo.room.cameras[0]
    slot.presets.wake_on_preset = True  # cameras.wake_on_preset = true in the profile
    await slot.camera.power(False)
    await until(lambda: slot.presets.in_standby)
    grid.button(3).click()
    await until(lambda: (RECALL, 3) in preset_commands(demo))
    assert grid.dialog is None and demo.emulators[0].cameras[0].power_on


async def test_the_rename_dialog_speaks_vietnamese(window: MainWindow, qapp: QApplication) -> None:
    before = current_language()
    switch_language(qapp, "vi")
    try:
        grid = window.camera_panel.grid
        grid.request_rename(2)
        dialog = grid.dialog
        assert isinstance(dialog, QInputDialog)
        texts = sorted(b.text() for b in dialog.findChildren(QPushButton) if b.isVisible())
        assert texts == ["Huỷ", "Đổi tên"]
        dialog.reject()
    finally:
        switch_language(qapp, before)


async def test_a_long_press_does_not_leave_a_second_button_lit(
    window: MainWindow, demo: DemoSession, qtbot: QtBot
) -> None:
    """The menu takes the mouse: the pressed button must not stay down (lit like the active)."""
    grid = window.camera_panel.grid
    grid.button(1).click()
    await until(lambda: grid.button(1).state() == "active")
    button = grid.button(2)
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    await until(lambda: grid.menu is not None and grid.menu.isVisible(), timeout=3.0)
    assert not button.isDown()
    grid.menu.close()  # closed without a choice; the release went to the menu, not the button
    lit = [n for n in (0, 1, 2, 3) if grid.button(n).isDown() or grid.button(n).state() == "active"]
    assert lit == [1]
