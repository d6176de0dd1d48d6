"""PIN dialog and mode switch over the real TechnicianGate (real scrypt hashes)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow
from pytestqt.qtbot import QtBot
from ui_polling import until
from ui_rooms import operator_day_for

from console.access import Mode, TechnicianGate, hash_pin, verify_pin
from console.config.models import RoomProfile
from console.room import Room
from ui.main_window import MainWindow
from ui.technician import ModeSwitch, PinDialog

PIN = "2468"
STORED = hash_pin(PIN)


@dataclass
class FakeClock:
    """A monotonic clock the test moves by hand (the gate takes any clock)."""

    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_dialog(qtbot: QtBot, gate: TechnicianGate, **kwargs: object) -> PinDialog:
    dialog = PinDialog(gate, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_right_pin_enters_technician_mode(qtbot: QtBot) -> None:
    gate = TechnicianGate(STORED)
    dialog = open_dialog(qtbot, gate)
    assert not dialog.setting_pin
    qtbot.keyClicks(dialog.pin, PIN)
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert gate.mode.value is Mode.TECHNICIAN


def test_wrong_pin_says_how_many_tries_are_left_and_only_digits_are_typed(qtbot: QtBot) -> None:
    gate = TechnicianGate(STORED, free_attempts=3)
    dialog = open_dialog(qtbot, gate)
    qtbot.keyClicks(dialog.pin, "12ab34")
    assert dialog.pin.text() == "1234"  # the field takes digits only
    click(qtbot, dialog.ok_button)
    assert dialog.message.text() == "Wrong PIN (2 tries left)"
    assert dialog.isVisible() and dialog.pin.text() == ""
    assert gate.mode.value is Mode.OPERATOR


async def test_lock_out_shows_the_wait_counts_down_and_unlocks(qtbot: QtBot) -> None:
    clock = FakeClock()
    gate = TechnicianGate(STORED, clock=clock, free_attempts=1, lockout=30.0)
    dialog = open_dialog(qtbot, gate)
    for _ in range(2):
        qtbot.keyClicks(dialog.pin, "0000")
        click(qtbot, dialog.ok_button)
    assert dialog.message.text() == "Too many wrong PINs — try again in 30 s"
    assert not dialog.pin.isEnabled() and not dialog.ok_button.isEnabled()
    clock.now += 12.2
    await until(lambda: dialog.message.text().endswith("in 18 s"), timeout=3)
    clock.now += 18.0
    await until(lambda: dialog.pin.isEnabled(), timeout=3)
    assert dialog.message.text() == "You can try the PIN again now."
    qtbot.keyClicks(dialog.pin, PIN)
    click(qtbot, dialog.ok_button)
    assert gate.mode.value is Mode.TECHNICIAN


def test_dialog_opened_during_a_lock_out_starts_locked(qtbot: QtBot) -> None:
    clock = FakeClock()
    gate = TechnicianGate(STORED, clock=clock, free_attempts=0, lockout=30.0)  # 1 beyond: 2 x 30 s
    gate.try_pin("1111")
    dialog = open_dialog(qtbot, gate)
    assert not dialog.pin.isEnabled()
    assert dialog.message.text() == "Too many wrong PINs — try again in 60 s"


def test_first_time_sets_a_pin_and_hands_over_only_its_hash(qtbot: QtBot) -> None:
    gate = TechnicianGate(None)
    saved: list[str | None] = []
    dialog = open_dialog(qtbot, gate, on_pin_set=saved.append)
    assert dialog.setting_pin
    assert dialog.cancel_button.text() == "Later"
    qtbot.keyClicks(dialog.new_pin, "12")
    qtbot.keyClicks(dialog.repeat_pin, "12")
    click(qtbot, dialog.ok_button)
    assert dialog.message.text() == "A PIN is 4 to 12 digits."
    dialog.new_pin.setText("135790")
    dialog.repeat_pin.setText("135791")
    click(qtbot, dialog.ok_button)
    assert dialog.message.text() == "The two PINs are different — type the same PIN twice."
    assert saved == []
    dialog.repeat_pin.setText("135790")
    click(qtbot, dialog.ok_button)
    assert len(saved) == 1 and saved[0] is not None
    assert "135790" not in saved[0] and verify_pin("135790", saved[0])
    assert gate.pin_hash == saved[0]
    assert gate.mode.value is Mode.TECHNICIAN
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.parametrize(("button", "mode"), [("later", Mode.TECHNICIAN), ("esc", Mode.OPERATOR)])
def test_first_time_later_lets_in_but_closing_does_not(
    qtbot: QtBot, button: str, mode: Mode
) -> None:
    gate = TechnicianGate(None)
    saved: list[str | None] = []
    dialog = open_dialog(qtbot, gate, on_pin_set=saved.append)
    if button == "later":
        click(qtbot, dialog.cancel_button)
    else:
        dialog.reject()
    assert gate.mode.value is mode
    assert saved == [] and gate.pin_hash is None


def test_mode_switch_shows_technician_actions_only_in_technician_mode(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    gate = TechnicianGate(STORED)
    switch = ModeSwitch(gate, window)
    settings = QAction("Settings", window)
    switch.add_technician_only([settings])
    modes: list[str] = []
    switch.mode_changed.connect(modes.append)
    assert not settings.isVisible() and not switch.action.isChecked()
    switch.action.trigger()
    dialog = switch.dialog
    assert dialog is not None and dialog.isVisible()
    assert not switch.action.isChecked()  # not before the PIN was right
    qtbot.keyClicks(dialog.pin, PIN)
    click(qtbot, dialog.ok_button)
    assert settings.isVisible() and switch.action.isChecked()
    assert switch.action.text() == "Technician mode (tap to leave)"
    switch.action.trigger()  # leave
    assert gate.mode.value is Mode.OPERATOR
    assert not settings.isVisible() and not switch.action.isChecked()
    assert modes == ["technician", "operator"]
    switch.detach()
    gate.try_pin(PIN)
    assert modes == ["technician", "operator"]  # no longer following


def test_a_pin_that_cannot_be_saved_keeps_the_old_one_and_says_why(qtbot: QtBot) -> None:
    """Issue 13: a read-only profile raised an uncaught PermissionError from the dialog."""
    gate = TechnicianGate(None)

    def read_only(pin_hash: str | None) -> None:
        raise PermissionError(13, "Permission denied", "/etc/xdg/RoomConsole/room.toml")

    dialog = open_dialog(qtbot, gate, on_pin_set=read_only)
    assert dialog.setting_pin
    dialog.new_pin.setText("975310")
    dialog.repeat_pin.setText("975310")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text().startswith("The PIN could not be saved, so it is not changed")
    assert "Permission denied" in dialog.message.text()
    assert gate.pin_hash is None  # not saved, so not set: the warning stays, nobody is locked out


async def test_the_status_bar_warns_while_no_pin_is_set(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(Room(RoomProfile()))
    qtbot.addWidget(window)
    window.show()
    saved: list[str | None] = []
    fail = [True]

    def save(profile: RoomProfile) -> None:
        if fail[0]:
            raise PermissionError(13, "Permission denied")
        saved.append(profile.technician_pin_hash)

    day = operator_day_for(window, tmp_path, save_profile=save)
    try:
        warning = window.findChild(QLabel, "pinWarning")
        assert isinstance(warning, QLabel)
        assert warning.isVisible() and warning.text() == "⚠ No technician PIN"
        dialog = day.modes.request_technician()
        dialog.new_pin.setText("2468")
        dialog.repeat_pin.setText("2468")
        click(qtbot, dialog.ok_button)  # the profile is read-only
        assert "could not be saved" in dialog.message.text()
        assert warning.isVisible() and window.room.profile.technician_pin_hash is None
        fail[0] = False
        click(qtbot, dialog.ok_button)
        assert len(saved) == 1 and saved[0] is not None and verify_pin("2468", saved[0])
        assert window.room.profile.technician_pin_hash == saved[0]
        assert not warning.isVisible()
    finally:
        day.close()
