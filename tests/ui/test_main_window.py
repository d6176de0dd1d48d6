"""Main window: status lights follow the cameras, plug-in points for the other panels."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from ui_polling import until

from console.demo import DemoSession
from console.services.leave import leave_meeting
from drivers.roles.base import Availability
from ui.main_window import MainWindow


async def test_status_lights_follow_the_emulator_going_away_and_back(
    window: MainWindow, demo: DemoSession
) -> None:
    light = window.status.lights[1]
    name = demo.room.cameras[1].name
    assert light.toolTip() == f"{name} is ready"
    await demo.emulators[1].vanish()
    await until(lambda: light.availability is Availability.OFFLINE, timeout=10.0)
    assert light.toolTip().startswith(name)
    assert "check" in light.toolTip()
    await until(lambda: window.status.message.startswith(name))  # the notification is shown
    await demo.emulators[1].reappear()
    await until(lambda: light.availability is Availability.ONLINE, timeout=10.0)
    assert light.toolTip() == f"{name} is ready"
    await until(lambda: window.status.message == f"{name} is working again")
    assert window.status.lights[0].availability is Availability.ONLINE


async def test_plug_in_points_for_preview_and_side_panels(window: MainWindow) -> None:
    assert window.preview_area.objectName() == "previewPlaceholder"
    preview = QLabel("preview")
    window.set_preview_area(preview)
    assert window.preview_area is preview
    assert preview.isVisible()
    audio, call = QLabel("audio"), QLabel("call")
    window.add_side_panel(audio)
    window.add_side_panel(call)
    assert audio.isVisible() and call.isVisible()
    assert (
        audio.mapTo(window, audio.rect().topLeft()).y()
        < call.mapTo(window, call.rect().topLeft()).y()
    )


async def test_closing_the_window_stops_a_held_move(window: MainWindow, demo: DemoSession) -> None:
    from drivers.roles.camera import PanTiltDirection

    window.camera_panel.start_move(PanTiltDirection.DOWN)
    packets = demo.emulators[0].cameras[0].commands_received
    await until(lambda: any(p[1:4] == b"\x01\x06\x01" and p[6:8] == b"\x03\x02" for p in packets))
    window.close()

    def stopped_after_drive() -> bool:
        kinds = [p[1:4] == b"\x01\x06\x01" and p[6:8] for p in packets]
        return b"\x03\x03" in kinds[kinds.index(b"\x03\x02") :]

    await until(stopped_after_drive)


async def test_typing_in_a_text_field_does_not_drive_the_camera(
    window: MainWindow, demo: DemoSession
) -> None:
    field = QLineEdit()
    window.add_side_panel(field)  # e.g. the call panel's dial field
    for key, text in ((Qt.Key.Key_2, "2"), (Qt.Key.Key_Left, "")):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                field, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
            )
    await asyncio.sleep(0.2)
    assert field.text() == "2"
    packets = demo.emulators[0].cameras[0].commands_received
    assert not [p for p in packets if p[1:4] in (b"\x01\x04\x3f", b"\x01\x06\x01")]


async def test_a_camera_put_in_standby_by_leaving_shows_standby_not_ready(
    window: MainWindow, demo: DemoSession
) -> None:
    """The leaving shot powers the cameras down: their lights must not stay a green "ready"."""
    slot = demo.room.cameras[0]
    light = window.status.lights[0]
    assert light.text() == f"{slot.name}: ready"
    await leave_meeting(None, cameras=[slot.camera])  # no parking preset: standby
    await until(lambda: light.in_standby)
    assert light.text() == f"{slot.name}: standby"
    assert light.dot_state() == "standby"
    assert "standby" in light.toolTip() and "switch it on" in light.toolTip()
    choice = window.camera_panel.findChildren(QPushButton, "cameraChoice")[0]
    await until(lambda: choice.property("standby") is True)  # the camera row says it too
    assert "standby" in choice.toolTip()
    await slot.camera.power(True)
    await until(lambda: light.text() == f"{slot.name}: ready")
    assert light.dot_state() == "online"
    await until(lambda: choice.property("standby") is False)


async def test_a_long_status_message_never_widens_the_window(window: MainWindow) -> None:
    window.resize(1366, 768)
    await asyncio.sleep(0.1)
    width = window.width()
    long_text = "Hội trường từ chối lệnh: máy quay đang ở chế độ chờ, hãy bật nguồn. " * 6
    window.status.show_problem(long_text)
    await asyncio.sleep(0.1)  # the qasync loop lays the window out; never a nested processEvents()
    assert window.width() == width
    assert window.minimumSizeHint().width() <= 1366
    assert window.status.message == long_text  # whole in the tooltip and the log
    assert window.status._message.toolTip() == long_text
    assert window.status._message.shown_text().endswith("…")
