"""Camera panel against real ViscaCameras and emulators: every held move ends in a Stop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from ui_polling import until

from console.demo import DemoSession
from drivers.roles.base import Availability
from drivers.roles.camera import FocusAction, PanTiltDirection
from ui.camera_panel import CameraPanel
from ui.joystick import offset_for
from ui.main_window import MainWindow

# Pan-tilt drive payload 01 06 01 VV WW XX YY: the last two bytes give the direction.
UP, LEFT, UP_LEFT, STOP = b"\x03\x01", b"\x01\x03", b"\x01\x01", b"\x03\x03"
AUTO_FOCUS, MANUAL_FOCUS = b"\x01\x04\x38\x02", b"\x01\x04\x38\x03"


def payloads(demo: DemoSession, camera: int = 0) -> list[bytes]:
    """Every command the emulated camera received, without address header and FF."""
    return [packet[1:-1] for packet in demo.emulators[camera].cameras[0].commands_received]


def drives(demo: DemoSession, camera: int = 0) -> list[bytes]:
    """The direction bytes of every pan-tilt drive command received, in order."""
    return [p[5:7] for p in payloads(demo, camera) if p[:3] == b"\x01\x06\x01"]


def zooms(demo: DemoSession, camera: int = 0) -> list[int]:
    """The zoom drive bytes received (00 stop, 2p tele, 3p wide)."""
    return [p[3] for p in payloads(demo, camera) if p[:3] == b"\x01\x04\x07"]


def focus_drives(demo: DemoSession, camera: int = 0) -> list[int]:
    """The focus drive bytes received (00 stop, 02/2p far, 03/3p near)."""
    return [p[3] for p in payloads(demo, camera) if p[:3] == b"\x01\x04\x08"]


def _joystick_point(window: MainWindow, direction: PanTiltDirection) -> QPoint:
    stick = window.camera_panel.joystick
    return (stick.centre() + offset_for(direction, 0.7, stick.radius())).toPoint()


def _key(window: MainWindow, kind: QEvent.Type, key: Qt.Key, repeat: bool = False) -> None:
    event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, "", repeat)
    QApplication.sendEvent(window.camera_panel, event)


async def test_joystick_press_hold_release_sends_move_then_stop(
    window: MainWindow, demo: DemoSession, qtbot: QtBot
) -> None:
    stick = window.camera_panel.joystick
    qtbot.mousePress(
        stick, Qt.MouseButton.LeftButton, pos=_joystick_point(window, PanTiltDirection.UP)
    )
    await until(lambda: UP in drives(demo))
    emulated = demo.emulators[0].cameras[0]
    start_tilt = emulated.position().tilt
    await until(lambda: emulated.position().tilt != start_tilt)  # it really moves
    assert STOP not in drives(demo)
    qtbot.mouseRelease(
        stick, Qt.MouseButton.LeftButton, pos=_joystick_point(window, PanTiltDirection.UP)
    )
    await until(lambda: drives(demo)[-1:] == [STOP])
    stopped_at = emulated.position().tilt
    await until(lambda: not window.camera_panel.in_motion)
    assert emulated.position().tilt == stopped_at


async def test_window_deactivation_stops_a_held_move(
    window: MainWindow, demo: DemoSession, qtbot: QtBot
) -> None:
    stick = window.camera_panel.joystick
    qtbot.mousePress(
        stick, Qt.MouseButton.LeftButton, pos=_joystick_point(window, PanTiltDirection.UP)
    )
    await until(lambda: UP in drives(demo))
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))
    await until(lambda: drives(demo)[-1:] == [STOP])
    assert not stick.held
    assert not window.camera_panel.in_motion


async def test_arrow_keys_move_while_held_and_ignore_auto_repeat(
    window: MainWindow, demo: DemoSession
) -> None:
    _key(window, QEvent.Type.KeyPress, Qt.Key.Key_Up)
    await until(lambda: drives(demo) == [UP])
    _key(window, QEvent.Type.KeyPress, Qt.Key.Key_Up, repeat=True)  # auto-repeat: nothing new
    _key(window, QEvent.Type.KeyRelease, Qt.Key.Key_Up, repeat=True)
    _key(window, QEvent.Type.KeyPress, Qt.Key.Key_Left)  # both held: diagonal
    await until(lambda: drives(demo)[-1:] == [UP_LEFT])
    _key(window, QEvent.Type.KeyRelease, Qt.Key.Key_Up)
    await until(lambda: drives(demo)[-1:] == [LEFT])
    _key(window, QEvent.Type.KeyRelease, Qt.Key.Key_Left)
    await until(lambda: drives(demo)[-1:] == [STOP])
    assert drives(demo) == [UP, UP_LEFT, LEFT, STOP]


async def test_plus_and_minus_zoom_while_held(window: MainWindow, demo: DemoSession) -> None:
    _key(window, QEvent.Type.KeyPress, Qt.Key.Key_Plus)
    await until(lambda: any(z >> 4 == 2 for z in zooms(demo)))  # 2p: tele, variable speed
    _key(window, QEvent.Type.KeyRelease, Qt.Key.Key_Plus)
    await until(lambda: zooms(demo)[-1:] == [0])
    _key(window, QEvent.Type.KeyPress, Qt.Key.Key_Minus)
    await until(lambda: zooms(demo)[-1:] != [0] and zooms(demo)[-1] >> 4 == 3)  # 3p: wide
    _key(window, QEvent.Type.KeyRelease, Qt.Key.Key_Minus)
    await until(lambda: zooms(demo)[-1:] == [0])


async def test_zoom_button_release_stops_zoom(
    window: MainWindow, demo: DemoSession, qtbot: QtBot
) -> None:
    button = window.camera_panel.zoom_in
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    await until(lambda: any(z >> 4 == 2 for z in zooms(demo)))
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    await until(lambda: zooms(demo)[-1:] == [0])


async def test_switching_camera_stops_the_one_that_was_moving(
    window: MainWindow, demo: DemoSession
) -> None:
    panel = window.camera_panel
    panel.start_move(PanTiltDirection.LEFT)
    await until(lambda: LEFT in drives(demo))
    panel.select(1)
    await until(lambda: drives(demo)[-1:] == [STOP])
    assert panel.selected.camera is demo.room.cameras[1].camera
    assert drives(demo, 1) == []


async def test_camera_disconnect_lets_go_and_camera_ends_stopped(
    window: MainWindow, demo: DemoSession, qtbot: QtBot
) -> None:
    stick = window.camera_panel.joystick
    qtbot.mousePress(
        stick, Qt.MouseButton.LeftButton, pos=_joystick_point(window, PanTiltDirection.UP)
    )
    await until(lambda: UP in drives(demo))
    await demo.emulators[0].vanish()
    light = window.status.lights[0]
    await until(lambda: light.availability is Availability.OFFLINE, timeout=10.0)
    assert not stick.held
    assert not window.camera_panel.in_motion
    banner = window.camera_panel.findChild(QLabel, "cameraBanner")
    assert banner is not None and banner.isVisible()
    assert banner.text().startswith(demo.room.cameras[0].name)
    await demo.emulators[0].reappear()
    await until(lambda: light.availability is Availability.ONLINE, timeout=10.0)
    emulated = demo.emulators[0].cameras[0]
    tilt = emulated.position().tilt
    await until(lambda: drives(demo)[-1:] == [STOP])
    assert emulated.position().tilt == tilt
    assert not banner.isVisible()


async def test_a_refused_command_is_shown_in_plain_words(
    window: MainWindow, demo: DemoSession
) -> None:
    panel = window.camera_panel
    state = panel.selected.camera.state
    await until(lambda: state.value.focus_auto is not None)
    assert state.value.focus_auto  # Sony: Focus Far in auto focus is not executable
    panel.start_focus(FocusAction.FAR)
    await until(lambda: window.status.message != "")
    assert window.status.message.startswith(demo.room.cameras[0].name)
    assert "cannot do that" in window.status.message
    panel.stop_focus()


async def test_focus_manual_near_far_and_back_to_auto(
    window: MainWindow, demo: DemoSession, qtbot: QtBot
) -> None:
    panel = window.camera_panel
    state = panel.selected.camera.state
    await until(lambda: state.value.focus_auto is True)
    assert not panel.focus_near.isEnabled()  # focus drive only makes sense in manual focus
    panel.auto_focus.click()
    await until(lambda: MANUAL_FOCUS in payloads(demo))
    await until(lambda: panel.focus_near.isEnabled())
    qtbot.mousePress(panel.focus_near, Qt.MouseButton.LeftButton)
    await until(lambda: any(b in (0x03, *range(0x30, 0x38)) for b in focus_drives(demo)))
    qtbot.mouseRelease(panel.focus_near, Qt.MouseButton.LeftButton)
    await until(lambda: focus_drives(demo)[-1:] == [0x00])  # focus stop
    panel.auto_focus.click()
    await until(lambda: AUTO_FOCUS in payloads(demo)[payloads(demo).index(MANUAL_FOCUS) :])
    await until(lambda: state.value.focus_auto is True)


async def test_home_and_power_buttons(window: MainWindow, demo: DemoSession) -> None:
    panel = window.camera_panel
    panel.home.click()
    await until(lambda: b"\x01\x06\x04" in payloads(demo))
    await until(lambda: panel.power.isChecked())
    panel.power.click()
    await until(lambda: b"\x01\x04\x00\x03" in payloads(demo))  # standby
    await until(lambda: demo.emulators[0].cameras[0].power_on is False)
    await until(lambda: panel.power.text() == "Power: standby")


async def test_a_reply_after_the_panel_is_gone_is_only_logged(
    demo: DemoSession, caplog: pytest.LogCaptureFixture
) -> None:
    panel = CameraPanel(demo.room.cameras)
    camera = demo.room.cameras[0].camera
    await until(lambda: camera.state.value.focus_auto is True)
    panel.start_focus(FocusAction.FAR)  # refused by the camera a moment later
    calls = panel._calls
    panel.deleteLater()
    await until(lambda: calls.pending == 0)
    assert "command failed" in caplog.text  # the detail is in the log
    assert "Exception in callback" not in caplog.text
