"""The technician's profile editor: validation as you type, device tests, save, import, export."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from ui_polling import until
from ui_rooms import operator_day_for

from console.access import hash_pin
from console.config.loader import backup_path, load_profile
from console.config.models import RoomProfile
from console.room import Room
from drivers.visca.emulator import ViscaEmulator
from ui.main_window import MainWindow
from ui.settings_editor import DEBOUNCE_MS, SettingsEditor, install_settings, open_settings

PIN_HASH = hash_pin("2468")


def profile_text(endpoint: str = "tcp:127.0.0.1:9") -> str:
    return f"""# Test hall
schema_version = 1
technician_pin_hash = "{PIN_HASH}"

[site]
name = "Test hall"

[[cameras]]
id = "front"
name = "Front camera"
driver = "visca-tcp"
connection = "{endpoint}"
address = 1
"""


@pytest.fixture
async def emulator() -> AsyncIterator[ViscaEmulator]:
    emu = ViscaEmulator()
    await emu.start("tcp:127.0.0.1:0")
    try:
        yield emu
    finally:
        await emu.close()


def make_editor(qtbot: QtBot, path: Path | None, text: str) -> SettingsEditor:
    editor = SettingsEditor(path, text)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def replace_text(editor: SettingsEditor, old: str, new: str) -> None:
    text = editor.text()
    assert old in text
    editor.editor.setPlainText(text.replace(old, new, 1))


async def test_broken_value_shows_line_and_field_and_disables_save(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "room.toml"
    path.write_text(profile_text(), encoding="utf-8")
    editor = make_editor(qtbot, path, profile_text())
    assert editor.status_label.text().startswith("✔ OK")
    assert not editor.save_button.isEnabled()  # nothing changed yet
    replace_text(editor, "address = 1", "address = 9")
    assert not editor.save_button.isEnabled()  # while the text is being checked
    await until(lambda: editor.error is not None, timeout=DEBOUNCE_MS / 1000 + 3)
    status = editor.status_label.text()
    assert "line 13" in status and "field cameras[1].address" in status
    assert "At most 7" in status  # the check's plain words, not pydantic's
    assert editor.editor.marked_line() == 13
    editor.status_label.linkActivated.emit("line")  # the technician clicks "line 13"
    assert editor.editor.cursor_line() == 13
    assert editor.tabs.currentWidget() is editor.tabs.text_tab  # the link shows the text
    assert editor.devices_hint.text() == "Correct the error first to test the devices."
    address = editor.tabs.devices.cameras.items[0].section.rows["address"]
    assert address.is_marked() and address.error_label.text() == "At most 7"  # plain words
    assert not editor.save_button.isEnabled()
    assert not editor.rows[0].test_button.isEnabled()  # no tests of an invalid text
    assert not editor.save()  # refused even when called directly
    assert path.read_text(encoding="utf-8") == profile_text()
    replace_text(editor, "address = 9", "address = 1\nrecall_speed = 5")
    await until(lambda: editor.error is None, timeout=DEBOUNCE_MS / 1000 + 3)
    assert editor.status_label.text().startswith("✔ OK")
    assert editor.editor.marked_line() is None
    assert not address.is_marked()
    assert editor.save_button.isEnabled() and editor.rows[0].test_button.isEnabled()


def test_save_is_atomic_keeps_a_backup_and_asks_for_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "room.toml"
    path.write_text(profile_text(), encoding="utf-8")
    editor = make_editor(qtbot, path, profile_text())
    saved: list[str] = []
    editor.saved.connect(saved.append)
    replace_text(editor, 'name = "Test hall"', 'name = "New hall"  # renamed')
    editor.validate_now()
    assert editor.save()
    assert path.read_text(encoding="utf-8") == editor.text()  # the comment is kept as typed
    assert backup_path(path).read_text(encoding="utf-8") == profile_text()
    assert load_profile(path).site.name == "New hall"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert saved == [str(path)]
    assert editor.note_label.isVisible() and "start Room Console again" in editor.note_label.text()
    assert not editor.save_button.isEnabled()  # saved: nothing new to write


async def test_test_connection_says_ok_for_an_answering_camera(
    qtbot: QtBot, emulator: ViscaEmulator
) -> None:
    editor = make_editor(qtbot, None, profile_text(emulator.endpoint))
    assert [row.entry.key for row in editor.rows] == ["front"]
    row = editor.rows[0]
    assert row.where_label.toolTip() == f"Camera · {emulator.endpoint}"  # wraps after a ":"
    task = editor.test_device(row)
    assert row.result_label.text() == "Testing…" and not row.test_button.isEnabled()
    await asyncio.wait_for(task, 10)
    await until(lambda: row.test_button.isEnabled())
    assert row.result_label.text() == "✔ Front camera is ready"
    replace_text(editor, "Test hall", "Hall")  # another setting: the result still holds
    editor.validate_now()
    assert editor.rows == [row] and row.result_label.text() == "✔ Front camera is ready"
    replace_text(editor, '"visca-tcp"', '"visca-udp"')  # this camera's settings changed
    editor.validate_now()
    assert editor.rows == [row] and row.result_label.text() == ""


async def test_test_connection_says_a_silent_camera_is_not_answering(
    qtbot: QtBot, emulator: ViscaEmulator
) -> None:
    emulator.silent = True
    editor = make_editor(qtbot, None, profile_text(emulator.endpoint))
    editor.test_timeout = 1.0  # two unanswered polls turn a silent camera offline well within
    row = editor.rows[0]
    result = await asyncio.wait_for(editor.test_device(row), 15)
    assert not result.ok
    await until(lambda: row.test_button.isEnabled())
    assert "not answering" in row.result_label.text()
    assert row.result_label.text().startswith("✖ Front camera")
    task = editor.test_device(row)
    editor.editor.setPlainText(editor.text() + "\n[cameras.limits]\npreset_capacity = 8\n")
    editor.validate_now()  # this camera's settings changed while it was being tested
    await asyncio.wait_for(task, 15)
    await until(lambda: row.test_button.isEnabled())
    assert editor.rows == [row] and row.result_label.text() == ""  # no stale verdict


async def test_running_room_camera_is_judged_without_opening_the_port_twice(
    qtbot: QtBot, emulator: ViscaEmulator, tmp_path: Path
) -> None:
    from console.setup import build_room

    path = tmp_path / "room.toml"
    path.write_text(profile_text(emulator.endpoint), encoding="utf-8")
    room = build_room(load_profile(path), path)
    await asyncio.wait_for(room.start(), 10)
    try:
        editor = open_settings(room)
        qtbot.addWidget(editor)
        assert editor.text() == profile_text(emulator.endpoint)
        result = await asyncio.wait_for(editor.test_device(editor.rows[0]), 10)
        assert result.ok, result
    finally:
        await asyncio.wait_for(room.close(), 10)


async def test_export_has_no_secrets_and_a_broken_import_is_refused(
    qtbot: QtBot, tmp_path: Path
) -> None:
    editor = make_editor(qtbot, tmp_path / "room.toml", profile_text())
    dest = tmp_path / "for-another-site.toml"
    assert editor.export_to(dest)
    exported = dest.read_text(encoding="utf-8")
    assert "technician_pin_hash" not in exported and "scrypt$" not in exported
    assert load_profile(dest).site.name == "Test hall"
    broken = tmp_path / "broken.toml"
    broken.write_text(profile_text().replace("address = 1", "adress = 1"), encoding="utf-8")
    before = editor.text()
    assert not editor.import_from(broken)
    assert editor.text() == before  # the editor keeps what it had
    note = editor.note_label.text()
    assert note.startswith("Not imported") and "line 13" in note and "cameras[1].adress" in note
    assert editor.import_from(dest)  # a good file comes in, this site's PIN hash kept
    assert editor.text() == profile_text() and editor.error is None  # exact round trip
    assert editor.save_button.isEnabled()  # room.toml does not exist yet
    assert editor.save()
    assert load_profile(tmp_path / "room.toml").technician_pin_hash == PIN_HASH


async def test_settings_action_is_for_technicians_and_opens_the_editor(
    qtbot: QtBot, tmp_path: Path
) -> None:
    profile = RoomProfile.model_validate({"site": {"name": "Hall"}})
    window = MainWindow(Room(profile))  # a room without devices, like the demo without a file
    qtbot.addWidget(window)
    saved: list[RoomProfile] = []
    day = operator_day_for(window, tmp_path, save_profile=saved.append)
    try:
        launcher = install_settings(day)
        action = launcher.action
        assert action.text() == "Settings" and action in day.technician_actions
        assert not action.isVisible()
        action.trigger()
        editor = window.findChild(SettingsEditor)
        assert editor is not None and editor.isVisible() and editor is launcher.editor
        assert editor.path is None and not editor.save_button.isEnabled()
        assert 'name = "Hall"' in editor.text() and editor.error is None
        day.modes.mode_changed.emit("operator")  # leaving technician mode closes it
        assert not editor.isVisible()
        assert launcher.open() is editor  # the same editor, unsaved text and all
        window.close()  # so does closing the main window
        assert not editor.isVisible()
    finally:
        day.close()


def test_a_file_changed_meanwhile_is_replaced_only_on_a_second_save(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "room.toml"
    path.write_text(profile_text(), encoding="utf-8")
    editor = make_editor(qtbot, path, profile_text())
    replace_text(editor, "address = 1", "address = 1\nrecall_speed = 5")
    editor.validate_now()
    elsewhere = profile_text().replace("# Test hall", "# a preset was saved")
    path.write_text(elsewhere, encoding="utf-8")  # the operator saved a preset meanwhile
    assert not editor.save()
    assert path.read_text(encoding="utf-8") == elsewhere
    assert "changed since you opened it" in editor.note_label.text()
    assert "room.toml.bak" in editor.note_label.text()
    assert editor.save()  # the technician confirms
    assert path.read_text(encoding="utf-8") == editor.text()
    assert backup_path(path).read_text(encoding="utf-8") == elsewhere
