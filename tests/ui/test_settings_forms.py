"""Settings forms: edits in the tabs reach the file, comments kept; errors marked on their field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTimeEdit,
)
from pytestqt.qtbot import QtBot

from console.config.loader import backup_path, load_profile
from console.config.schedule import Repeat
from ui.i18n import current_language, switch_language
from ui.settings_editor import SettingsEditor
from ui.settings_forms.fields import FieldRow
from ui.settings_forms.sections import ListEditor

TEXT = """# Hall of the commune: set up by the district IT team
schema_version = 1

[site]
name = "Test hall"  # shown in the title bar

# the cameras, front first
[[cameras]]
id = "front"
name = "Front camera"
driver = "visca-tcp"
connection = "tcp:127.0.0.1:9"

[[cameras.presets]]
number = 1
name = "Chair"  # the chair's shot

[[cameras]]
id = "back"
name = "Back camera"
driver = "visca-tcp"
connection = "tcp:127.0.0.1:10"
"""


def make_editor(qtbot: QtBot, path: Path) -> SettingsEditor:
    path.write_text(TEXT, encoding="utf-8")
    editor = SettingsEditor(path, TEXT)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def type_into(qtbot: QtBot, row: FieldRow, text: str) -> None:
    """Replace a text field's content the way a person does: select all, delete, type."""
    assert isinstance(row.editor, QLineEdit)
    row.editor.selectAll()
    qtbot.keyClick(row.editor, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(row.editor, text)
    else:  # QTest types ASCII only; insert() is what an input method does
        row.editor.insert(text)


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click as a person does (it may be scrolled out of view: no screen coordinates)."""
    assert button.isEnabled()
    button.click()


def item_row(editor: ListEditor, index: int, key: str) -> FieldRow:
    return editor.items[index].section.rows[key]


def test_round_trip_through_the_forms_keeps_the_comments(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "room.toml"
    editor = make_editor(qtbot, path)
    tabs = editor.tabs
    # Presets: rename the chair's shot
    tabs.setCurrentWidget(tabs.presets)
    presets = tabs.presets.parts[0]
    assert isinstance(presets, ListEditor)
    type_into(qtbot, item_row(presets, 0, "name"), "Chủ tọa")
    # Bridges: add one; its empty dial string is marked and Save waits for it
    tabs.setCurrentWidget(tabs.bridges)
    click(qtbot, tabs.bridges.bridges.add_button)
    dial = item_row(tabs.bridges.bridges, 0, "dial_string")
    assert dial.is_marked() and dial.error_label.text() == "Fill this in"
    assert not editor.save_button.isEnabled()
    type_into(qtbot, dial, "sip:hop@127.0.0.1")
    assert not dial.is_marked() and editor.error is None
    assert editor.save_button.isEnabled()
    # Schedule: a weekly meeting on Wednesdays at 14:00 with that bridge
    tabs.setCurrentWidget(tabs.schedule)
    click(qtbot, tabs.schedule.meetings.add_button)
    meeting = tabs.schedule.meetings.items[0].section.rows
    bridge = meeting["bridge"].editor
    assert isinstance(bridge, QComboBox) and bridge.currentText() == "Bridge 1"
    wednesday = meeting["weekdays"].editor.findChild(QCheckBox, "weekday_wed")
    assert wednesday is not None and wednesday.text() == "Wed"
    click(qtbot, wednesday)
    time = meeting["time"].editor
    assert isinstance(time, QTimeEdit)
    time.setTime(QTime(14, 0))
    # Previews: a typo in the scheme is marked; the right one is taken
    tabs.setCurrentWidget(tabs.previews)
    url = tabs.previews.parts[1].rows["preview.url"]  # the back camera's
    caching = tabs.previews.parts[1].rows["preview.caching_ms"]
    assert not caching.editor.isEnabled()  # no preview yet: nothing to tune
    type_into(qtbot, url, "rtps://127.0.0.1/back")
    assert url.is_marked() and "rtsp://" in url.error_label.text()
    assert tabs.tabBar().tabTextColor(tabs.indexOf(tabs.previews)) != tabs._normal
    assert not editor.save_button.isEnabled()
    type_into(qtbot, url, "rtsp://127.0.0.1/back")
    assert not url.is_marked() and caching.editor.isEnabled()
    assert editor.save_button.isEnabled()
    assert editor.save()
    saved = path.read_text(encoding="utf-8")
    assert saved == editor.text()
    for comment in ("# Hall of the commune", "# shown in the title bar", "# the chair's shot"):
        assert comment in saved
    assert backup_path(path).read_text(encoding="utf-8") == TEXT
    profile = load_profile(path)
    assert profile.cameras[0].presets[0].name == "Chủ tọa"
    assert profile.call.bridges[0].dial_string == "sip:hop@127.0.0.1"
    meeting_saved = profile.schedule.meetings[0]
    assert meeting_saved.bridge == profile.call.bridges[0].id
    assert meeting_saved.time == dt.time(14, 0)
    assert [day.value for day in meeting_saved.weekdays] == ["mon", "wed"]
    assert profile.cameras[1].preview is not None
    assert profile.cameras[1].preview.url == "rtsp://127.0.0.1/back"


def test_a_text_edit_shows_in_the_forms(qtbot: QtBot, tmp_path: Path) -> None:
    editor = make_editor(qtbot, tmp_path / "room.toml")
    name = editor.tabs.site.section.rows["name"]
    assert isinstance(name.editor, QLineEdit) and name.editor.text() == "Test hall"
    bridge = (
        '\n[[call.bridges]]\nid = "main"\nname = "Cầu chính"\ndial_string = "sip:a@127.0.0.1"\n'
    )
    editor.editor.setPlainText(editor.text().replace("Test hall", "Hội trường") + bridge)
    editor.tabs.setCurrentWidget(editor.tabs.bridges)  # shows what was typed at once
    assert name.editor.text() == "Hội trường"
    bridges = editor.tabs.bridges.bridges
    assert len(bridges.items) == 1
    assert bridges.items[0].title.text() == "Cầu chính (main bridge)"
    editor.editor.setPlainText("schema_version = [")  # not TOML: the forms wait for the text
    editor.validate_now()
    assert not editor.tabs.site.isEnabled() and editor.error is not None
    assert editor.tabs.tabBar().tabTextColor(editor.tabs.indexOf(editor.tabs.text_tab)) != (
        editor.tabs._normal
    )


def test_cameras_are_added_moved_and_removed_in_the_devices_tab(
    qtbot: QtBot, tmp_path: Path
) -> None:
    editor = make_editor(qtbot, tmp_path / "room.toml")
    asked: list[str] = []
    editor.model.confirm = lambda question: asked.append(question) or True
    cameras = editor.tabs.devices.cameras
    editor.tabs.setCurrentWidget(editor.tabs.devices)
    click(qtbot, cameras.items[0].down_button)
    assert editor.profile is not None
    assert [c.id for c in editor.profile.cameras] == ["back", "front"]
    assert editor.profile.cameras[1].presets[0].name == "Chair"  # its presets went along
    assert [row.entry.key for row in editor.rows] == ["back", "front"]
    click(qtbot, cameras.add_button)
    assert [c.id for c in editor.profile.cameras] == ["back", "front", "cam1"]
    assert len(editor.tabs.presets.parts) == 3  # the Presets tab has a box for it
    click(qtbot, cameras.items[0].remove_button)
    assert asked == ["Remove camera 'Back camera'? (Nothing is saved until you press Save)"]
    assert [c.id for c in editor.profile.cameras] == ["front", "cam1"]
    assert "# the chair's shot" in editor.text()


def test_the_site_language_is_chosen_from_a_list(qtbot: QtBot, tmp_path: Path) -> None:
    editor = make_editor(qtbot, tmp_path / "room.toml")
    language = editor.tabs.site.section.rows["language"].editor
    assert isinstance(language, QComboBox)
    assert language.currentText() == "Not set (Vietnamese)"
    language.setCurrentIndex(language.findText("English"))
    language.activated.emit(language.currentIndex())
    assert editor.profile is not None and editor.profile.site.language == "en"
    assert 'language = "en"' in editor.text()
    assert editor.text().index('language = "en"') < editor.text().index("# the cameras")


def test_a_meeting_without_days_is_marked_on_its_box(qtbot: QtBot, tmp_path: Path) -> None:
    editor = make_editor(qtbot, tmp_path / "room.toml")
    click(qtbot, editor.tabs.bridges.bridges.add_button)
    type_into(qtbot, item_row(editor.tabs.bridges.bridges, 0, "dial_string"), "sip:a@127.0.0.1")
    meetings = editor.tabs.schedule.meetings
    click(qtbot, meetings.add_button)
    monday = item_row(meetings, 0, "weekdays").editor.findChild(QCheckBox, "weekday_mon")
    assert monday is not None and monday.isChecked()
    click(qtbot, monday)  # no day left
    box = meetings.items[0]
    assert box.error_label.text() == "Tick at least one day"
    assert not editor.save_button.isEnabled()
    click(qtbot, monday)
    assert box.error_label.isHidden() and editor.save_button.isEnabled()


def test_the_forms_follow_a_language_switch(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    before = current_language()
    editor = make_editor(qtbot, tmp_path / "room.toml")
    tabs = editor.tabs
    try:
        switch_language(qapp, "vi")
        assert [tabs.tabText(i) for i in range(tabs.count())] == [
            "Điểm cầu", "Thiết bị", "Góc máy", "Cầu chính", "Lịch họp", "Xem trước",
            "Văn bản (nâng cao)",
        ]  # fmt: skip
        presets = tabs.presets.parts[0]
        assert isinstance(presets, ListEditor)
        assert presets.add_button.text() == "+ Thêm góc máy"
        assert presets.items[0].remove_button.text() == "Xoá"
        assert tabs.presets._groups[0][0].title() == "Máy quay: Front camera"
        switch_language(qapp, "en")
        assert tabs.tabText(0) == "Site" and presets.add_button.text() == "+ Add a preset shot"
    finally:
        switch_language(qapp, before)


def test_odd_hand_typed_values_do_not_break_the_forms(qtbot: QtBot, tmp_path: Path) -> None:
    odd = (
        'site = "Hall"\ncameras = "front"\n\n[call]\nbridges = 3\n\n[schedule]\nmeetings = [1, 2]\n'
    )
    path = tmp_path / "room.toml"
    path.write_text(odd, encoding="utf-8")
    editor = SettingsEditor(path, odd)
    qtbot.addWidget(editor)
    assert editor.error is not None and not editor.save_button.isEnabled()
    assert editor.tabs.devices.cameras.items == [] and editor.tabs.bridges.bridges.items == []
    assert editor.tabs.presets.parts == [] and editor.tabs.site.isEnabled()
    name = editor.tabs.site.section.rows["name"].editor
    assert isinstance(name, QLineEdit) and name.text() == ""


BRIDGE = """
[mixer]
driver = "x32"
name = "Desk"
host = "127.0.0.1"

[[call.bridges]]
id = "tinh"
name = "Cầu chính tỉnh"
dial_string = "sip:hop@127.0.0.1"
"""


def make_full_editor(qtbot: QtBot, path: Path) -> SettingsEditor:
    """The editor on TEXT plus a desk and a bridge."""
    path.write_text(TEXT + BRIDGE, encoding="utf-8")
    editor = SettingsEditor(path, TEXT + BRIDGE)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def choose(row: FieldRow, label: str) -> None:
    """Pick ``label`` in a drop-down field as a person does."""
    combo = row.editor
    assert isinstance(combo, QComboBox)
    index = combo.findText(label)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_a_monthly_meeting_by_week_of_the_month_is_saved(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "room.toml"
    editor = make_full_editor(qtbot, path)
    meetings = editor.tabs.schedule.meetings
    editor.tabs.setCurrentWidget(editor.tabs.schedule)
    click(qtbot, meetings.add_button)
    rows = meetings.items[0].section.rows
    assert rows["week_of_month"].isHidden() and rows["day_of_month"].isHidden()  # weekly
    assert not rows["until"].isHidden() and not rows["weekdays"].isHidden()
    choose(rows["repeat"], "Every month")
    assert not rows["week_of_month"].isHidden() and not rows["day_of_month"].isHidden()
    assert not meetings.items[0].error_label.isHidden()  # neither week nor day chosen yet
    assert not editor.save_button.isEnabled()
    choose(rows["week_of_month"], "Last")  # Monday is ticked: the last Monday of the month
    type_into(qtbot, rows["until"], "2027-06-30")
    duration = rows["duration_minutes"].editor
    assert isinstance(duration, QSpinBox) and duration.value() == 60  # the profile's default
    duration.setValue(90)
    assert editor.error is None and editor.save()
    meeting = load_profile(path).schedule.meetings[0]
    assert meeting.repeat is Repeat.MONTHLY and meeting.week_of_month == -1
    assert [day.value for day in meeting.weekdays] == ["mon"]
    assert meeting.until == dt.date(2027, 6, 30) and meeting.duration_minutes == 90
    assert meeting.occurs_on(dt.date(2026, 11, 30)) and not meeting.occurs_on(dt.date(2026, 11, 23))
    choose(rows["repeat"], "Once")  # a one-off has no day of the month: the field goes ...
    assert rows["day_of_month"].isHidden()
    assert not rows["week_of_month"].isHidden()  # ... one still set stays, to be cleared


def test_schedule_defaults_and_the_check_are_set_in_their_tabs(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "room.toml"
    editor = make_full_editor(qtbot, path)
    grace = editor.tabs.schedule.defaults.rows["late_grace_minutes"].editor
    assert isinstance(grace, QSpinBox) and grace.value() == 10
    grace.setValue(20)
    probe = editor.tabs.site.check.rows["probe_seconds"].editor
    assert isinstance(probe, QDoubleSpinBox) and probe.value() == 30.0
    probe.setValue(12.5)
    lectern = editor.tabs.site.check.rows["lectern_channel"].editor
    assert isinstance(lectern, QSpinBox) and lectern.text() == "—"
    lectern.setValue(2)
    assert editor.save()
    profile = load_profile(path)
    assert profile.schedule.late_grace_minutes == 20 and profile.schedule.reminder_minutes == 60
    assert profile.precheck.probe_seconds == 12.5 and profile.precheck.lectern_channel == 2


def test_a_mixer_channel_named_in_the_form_is_saved(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "room.toml"
    editor = make_full_editor(qtbot, path)
    channels = editor.tabs.devices.channels
    click(qtbot, channels.add_button)
    click(qtbot, channels.add_button)
    assert [item_row(channels, i, "number").value() for i in (0, 1)] == [1, 2]
    type_into(qtbot, item_row(channels, 1, "name"), "Bục phát biểu")
    click(qtbot, item_row(channels, 0, "microphone").editor)  # channel 1 is the PC's sound
    assert editor.save()
    mixer = load_profile(path).mixer
    assert mixer.name_overrides() == {2: "Bục phát biểu"} and mixer.microphones() == [2]


def test_a_bad_value_in_a_new_field_is_marked_and_blocks_save(qtbot: QtBot, tmp_path: Path) -> None:
    editor = make_full_editor(qtbot, tmp_path / "room.toml")
    tabs = editor.tabs
    editor.editor.setPlainText(
        editor.text().replace('"sip:hop@127.0.0.1"', '"sip:hop@127.0.0.1"\ncall_rate = 10')
    )
    editor.validate_now()
    rate = item_row(tabs.bridges.bridges, 0, "call_rate")
    assert rate.is_marked() and rate.error_label.text() == "At least 64"
    assert not editor.save_button.isEnabled()
    assert tabs.tabBar().tabTextColor(tabs.indexOf(tabs.bridges)) != tabs._normal
    rate.editor.setValue(2048)  # the form offers 64 … 20000 only
    assert not rate.is_marked() and editor.save_button.isEnabled()
    # an advanced field: its error unfolds "More settings" so it is seen
    ctrl = tabs.devices.codec.rows["ctrl"]
    assert not tabs.devices.codec.more.isVisibleTo(tabs.devices.codec)
    type_into(qtbot, ctrl, "localhost")  # HOST:PORT is needed
    assert ctrl.is_marked() and not editor.save_button.isEnabled()
    assert tabs.devices.codec.more.isVisibleTo(tabs.devices.codec)
    type_into(qtbot, ctrl, "127.0.0.1:4444")
    assert not ctrl.is_marked() and editor.save_button.isEnabled()


def test_a_bridge_is_removed_only_when_the_technician_agrees(qtbot: QtBot, tmp_path: Path) -> None:
    editor = make_full_editor(qtbot, tmp_path / "room.toml")
    answers: list[bool] = [False, True]
    asked: list[str] = []
    editor.model.confirm = lambda question: asked.append(question) or answers.pop(0)
    bridges = editor.tabs.bridges.bridges
    click(qtbot, bridges.items[0].remove_button)
    assert asked == ["Remove bridge 'Cầu chính tỉnh'? (Nothing is saved until you press Save)"]
    assert len(bridges.items) == 1 and "Cầu chính tỉnh" in editor.text()
    click(qtbot, bridges.items[0].remove_button)
    assert bridges.items == [] and "Cầu chính tỉnh" not in editor.text()


def test_dtmf_timing_is_folded_away_and_saved(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "room.toml"
    editor = make_full_editor(qtbot, path)
    section = editor.tabs.bridges.bridges.items[0].section
    assert not section.more.isVisibleTo(section)
    click(qtbot, section.more_button)
    assert section.more.isVisibleTo(section)
    pause = section.rows["dtmf.pause"].editor
    assert isinstance(pause, QDoubleSpinBox) and pause.value() == 1.0
    pause.setValue(2.5)
    assert "[call.bridges.dtmf]\npause = 2.5\n" in editor.text()
    assert editor.save()
    assert load_profile(path).call.bridges[0].dtmf.pause == 2.5


def test_the_dialog_fits_a_small_laptop_screen(qtbot: QtBot, tmp_path: Path) -> None:
    editor = make_full_editor(qtbot, tmp_path / "room.toml")
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        needed = editor.minimumSizeHint()
        assert needed.width() <= 1366 and needed.height() <= 768 - 40, (index, needed)


def test_the_codec_shows_the_fields_its_type_uses(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "room.toml"
    editor = make_full_editor(qtbot, path)
    rows = editor.tabs.devices.codec.rows
    assert rows["host"].isHidden() and rows["username"].isHidden()  # baresip by default
    assert not rows["user"].isHidden() and not rows["sip_port"].isHidden()
    user = rows["user"].editor
    assert isinstance(user, QLineEdit) and user.placeholderText() == "room"
    choose(rows["driver"], "Cisco (xAPI)")
    assert not rows["host"].isHidden() and not rows["username"].isHidden()
    assert rows["user"].isHidden() and rows["sip_port"].isHidden()
    host = rows["host"]
    assert host.is_marked() and not editor.save_button.isEnabled()  # a Cisco needs its address
    type_into(qtbot, host, "127.0.0.1")
    type_into(qtbot, rows["username"], "admin")
    assert "password" in rows["username"].label.text()  # it says where the password is
    assert editor.save()
    codec = load_profile(path).call.codec
    assert codec.host == "127.0.0.1" and codec.username == "admin"
    assert "password" not in path.read_text(encoding="utf-8")


def test_what_the_desk_does_when_joining_is_set_without_changing_its_meaning(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "room.toml"
    editor = make_full_editor(qtbot, path)
    rows = editor.tabs.devices.mixer.rows
    mute_all = rows["on_join.mute_microphones"].editor
    assert isinstance(mute_all, QCheckBox) and mute_all.isChecked()  # the profile's usual
    opened = rows["on_join.open"]
    assert isinstance(opened.editor, QLineEdit)
    qtbot.keyClicks(opened.editor, "1, 3")  # typed as a person does, commas and all
    assert opened.editor.text() == "1, 3"
    assert mute_all.isChecked()  # the new table still mutes every microphone first
    type_into(qtbot, opened, "1, x")
    assert opened.is_marked() and not editor.save_button.isEnabled()
    type_into(qtbot, opened, "1 3")
    assert editor.save()
    on_join = load_profile(path).mixer.on_join
    assert on_join.open == [1, 3] and on_join.mute_microphones
    editor.editor.setPlainText(editor.text().replace("mute_microphones = true\n", ""))
    editor.validate_now()
    assert not mute_all.isChecked()  # a table without the key mutes none: the form says so


def test_a_channel_listed_twice_is_said_on_the_channel_list(qtbot: QtBot, tmp_path: Path) -> None:
    editor = make_full_editor(qtbot, tmp_path / "room.toml")
    channels = editor.tabs.devices.channels
    click(qtbot, channels.add_button)
    click(qtbot, channels.add_button)
    row = item_row(channels, 1, "number")
    number = row.editor
    assert isinstance(number, QSpinBox)
    number.setValue(1)
    assert row.is_marked()  # the second one, where the file has it (issue 13: line and field)
    assert row.error_label.text() == "A channel is listed twice: 1"  # in plain words
    assert not editor.save_button.isEnabled()
    number.setValue(5)
    assert not row.is_marked() and editor.save_button.isEnabled()


def test_a_bridge_gets_its_own_audio_set_up_only_when_asked(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "room.toml"
    editor = make_full_editor(qtbot, path)
    rows = editor.tabs.bridges.bridges.items[0].section.rows
    own = rows["join_audio"].editor
    opened = rows["join_audio.open"]
    assert isinstance(own, QCheckBox) and not own.isChecked()
    assert not opened.editor.isEnabled()  # the mixer's set-up applies
    click(qtbot, own)
    assert opened.editor.isEnabled()
    mute_all = rows["join_audio.mute_microphones"].editor
    assert isinstance(mute_all, QCheckBox) and mute_all.isChecked()  # starts as the usual one
    type_into(qtbot, opened, "2")
    assert editor.save()
    join_audio = load_profile(path).call.bridges[0].join_audio
    assert join_audio is not None and join_audio.open == [2] and join_audio.mute_microphones
    click(qtbot, own)  # back to the mixer's set-up: the table goes
    assert "join_audio" not in editor.text() and not opened.editor.isEnabled()


def test_the_remove_question_is_a_box_that_does_not_stop_the_room(
    qtbot: QtBot, tmp_path: Path
) -> None:
    editor = make_full_editor(qtbot, tmp_path / "room.toml")
    bridges = editor.tabs.bridges.bridges
    assert editor.model.confirm is None  # the technician is asked in a message box
    for answer, left in (("Cancel", 1), ("Remove", 0)):
        click(qtbot, bridges.items[0].remove_button)  # returns at once: open(), not exec()
        box = bridges.dialog
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert box.text().startswith("Remove bridge 'Cầu chính tỉnh'?")
        assert box.defaultButton().text() == "Cancel"
        button = next(b for b in box.buttons() if b.text() == answer)
        button.click()
        assert len(bridges.items) == left
    assert "Cầu chính tỉnh" not in editor.text()
