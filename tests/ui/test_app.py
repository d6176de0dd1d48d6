"""roomconsole start-up: a profile opens the main window on live cameras; a bad one repair mode."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel
from ui_polling import until

from console.config.loader import backup_path
from drivers.roles.base import Availability
from drivers.visca.emulator import ViscaEmulator
from ui.app import open_room, parse_args
from ui.main_window import MainWindow
from ui.repair import RepairWindow

PROFILE = """\
schema_version = 1

[site]
name = "Test hall"

[[cameras]]
id = "front"
name = "Front camera"
driver = "visca-tcp"
connection = "{endpoint}"

[[cameras.presets]]
number = 0
name = "Wide"
"""


async def test_profile_opens_the_main_window_on_live_cameras(tmp_path: Path) -> None:
    emulator = ViscaEmulator()
    await emulator.start("tcp:127.0.0.1:0")
    try:
        path = tmp_path / "room.toml"
        thumbnail = 'thumbnail = "front-preset-0.jpg"\n'
        path.write_text(PROFILE.format(endpoint=emulator.endpoint) + thumbnail, encoding="utf-8")
        (tmp_path / "thumbnails").mkdir()
        picture = QImage(320, 180, QImage.Format.Format_RGB32)
        picture.fill(QColor("#3a7"))
        assert picture.save(str(tmp_path / "thumbnails" / "front-preset-0.jpg"))
        window, close = await open_room(parse_args(["--config", str(path)]))
        try:
            assert isinstance(window, MainWindow)
            assert window.windowTitle() == "Room Console — Test hall"
            assert window.findChild(QLabel, "trainingBadge") is None  # a real site
            window.show()
            light = window.status.lights[0]
            await until(lambda: light.availability is Availability.ONLINE)
            assert "Wide" in window.camera_panel.grid.button(0).text()
            assert not window.camera_panel.grid.button(0).icon().isNull()  # its thumbnail
            assert window.camera_panel.grid.button(1).icon().isNull()
        finally:
            window.close()
            await asyncio.wait_for(close(), 10.0)
    finally:
        await emulator.close()


async def test_broken_profile_opens_repair_mode_and_keeps_the_file(tmp_path: Path) -> None:
    path = tmp_path / "room.toml"
    broken = PROFILE.format(endpoint="tcp:127.0.0.1:1").replace(
        'id = "front"', 'id = "front"\nzoom = 3'
    )
    path.write_text(broken, encoding="utf-8")
    window, close = await open_room(parse_args(["--config", str(path)]))
    assert isinstance(window, RepairWindow)
    assert window.line_label.text() == "8"
    assert "zoom" in window.field_label.text()
    await close()
    window.close()
    assert path.read_text(encoding="utf-8") == broken
    assert not backup_path(path).exists()


async def test_a_shared_camera_link_opens_repair_mode_at_its_line(tmp_path: Path) -> None:
    """Issue 13: two cameras on one port and address used to crash room.start (no window)."""
    path = tmp_path / "room.toml"
    camera = PROFILE.format(endpoint="tcp:127.0.0.1:1").split("[[cameras]]")[1].split("[[")[0]
    text = (
        PROFILE.format(endpoint="tcp:127.0.0.1:1")
        + "\n[[cameras]]"
        + camera.replace('"front"', '"back"')
    )
    path.write_text(text, encoding="utf-8")
    window, close = await open_room(parse_args(["--config", str(path)]))
    assert isinstance(window, RepairWindow)
    assert (window.line_label.text(), window.field_label.text()) == ("20", "cameras[2].connection")
    await close()
    window.close()


async def test_an_unexpected_error_while_starting_opens_repair_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import console.runtime

    def broken_build_room(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug while building the room")

    monkeypatch.setattr(console.runtime, "build_room", broken_build_room)  # as the runtime does
    path = tmp_path / "room.toml"
    path.write_text(PROFILE.format(endpoint="tcp:127.0.0.1:1"), encoding="utf-8")
    window, close = await open_room(parse_args(["--config", str(path)]))
    assert isinstance(window, RepairWindow)
    assert "a bug while building the room" in window.message_label.text()
    await close()
    window.close()


async def test_missing_profile_says_there_is_no_setup_yet(tmp_path: Path) -> None:
    window, close = await open_room(parse_args(["--config", str(tmp_path / "none.toml")]))
    assert isinstance(window, RepairWindow)
    assert window.error.missing
    title = window.findChild(QLabel, "repairTitle")
    assert isinstance(title, QLabel)
    assert title.text() == "This computer has no room setup yet"
    await close()
    window.close()


async def test_demo_says_it_is_training_mode() -> None:
    window, close = await open_room(parse_args(["--demo"]))
    try:
        assert isinstance(window, MainWindow)
        window.show()
        badge = window.findChild(QLabel, "trainingBadge")
        assert isinstance(badge, QLabel) and badge.isVisible()
        assert len(window.camera_panel.grid.caption()) > 0
        lights = window.status.lights
        await until(lambda: all(light.availability is Availability.ONLINE for light in lights))
    finally:
        window.close()
        await asyncio.wait_for(close(), 10.0)


async def test_one_way_camera_shows_an_amber_light_with_a_warning(tmp_path: Path) -> None:
    emulator = ViscaEmulator()
    emulator.one_way = True
    await emulator.start("udp:127.0.0.1:0")
    try:
        path = tmp_path / "room.toml"
        profile = PROFILE.format(endpoint=emulator.endpoint).replace("visca-tcp", "visca-udp")
        path.write_text(profile + "\n[cameras.limits]\nreplies = false\n", encoding="utf-8")
        window, close = await open_room(parse_args(["--config", str(path)]))
        try:
            assert isinstance(window, MainWindow)
            light = window.status.lights[0]
            dot = light.findChild(QLabel, "statusDot")
            await until(lambda: dot.property("state") == "warning")
            assert "one way" in light.toolTip()
        finally:
            window.close()
            await asyncio.wait_for(close(), 10.0)
    finally:
        await emulator.close()
