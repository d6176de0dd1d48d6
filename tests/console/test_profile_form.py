"""Editing the profile text by section: values land where people expect, comments survive."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from console.config.loader import ProfileError
from console.config.models import RoomProfile
from console.profile_edit import validate_text
from console.profile_form import (
    add_item,
    blames,
    error_path,
    get_value,
    item_count,
    move_item,
    next_id,
    remove_item,
    set_table,
    set_value,
)

TEXT = """# Test hall: the technician's notes stay
schema_version = 1

[site]
name = "Hall"  # shown in the title bar

# the cameras
[[cameras]]
id = "front"
name = "Front"
connection = "tcp:127.0.0.1:9"

[[cameras.presets]]
number = 1
name = "Chair"  # the chair's shot

[[cameras]]
id = "back"
name = "Back"
connection = "tcp:127.0.0.1:10"
"""


def profile(text: str) -> RoomProfile:
    result = validate_text(text, "room.toml")
    assert isinstance(result, RoomProfile), result
    return result


def test_set_value_keeps_comments_and_puts_a_new_key_in_its_table() -> None:
    text = set_value(TEXT, ("site", "language"), "en")
    text = set_value(text, ("cameras", 0, "presets", 0, "name"), "Chủ tọa")
    assert "# Test hall: the technician's notes stay" in text
    assert 'name = "Chủ tọa"  # the chair\'s shot' in text
    # the new key sits in [site], above the comment that belongs to the cameras
    assert text.index('language = "en"') < text.index("# the cameras")
    loaded = profile(text)
    assert loaded.site.language == "en" and loaded.cameras[0].presets[0].name == "Chủ tọa"
    assert get_value(text, ("site", "language")) == "en"


def test_a_new_key_goes_below_a_multi_line_value_and_keeps_the_item_s_indent() -> None:
    text = TEXT.replace(
        'connection = "tcp:127.0.0.1:9"',
        'connection = "tcp:127.0.0.1:9"\n  tags = [\n    "a",  # first\n    "b",\n  ]\n',
    )
    result = set_value(text, ("cameras", 0, "address"), 2)
    assert "  ]\n  address = 2\n" in result  # below the array's closing line, same indent
    assert result.index("address = 2") < result.index("[[cameras.presets]]")
    assert get_value(result, ("cameras", 0, "tags")) == ["a", "b"]
    assert '"a",  # first' in result
    # dates, times and lists are written as TOML values, not as Python reprs
    result = set_value(TEXT, ("site", "opens"), dt.time(7, 30))
    assert "opens = 07:30:00\n" in result and get_value(result, ("site", "opens")) == dt.time(7, 30)


def test_profile_form_uses_no_private_tomlkit_api() -> None:
    """tomlkit 0.15 removed ``Container._insert_after``; only public names may be used."""
    source = (Path(__file__).parents[2] / "console" / "profile_form.py").read_text()
    assert not re.search(r"\b(?:container|table|document|item)\._[a-z]", source)
    assert '"_body"' not in source


def test_none_removes_a_field_and_an_unchanged_value_leaves_the_text_alone() -> None:
    text = set_value(TEXT, ("cameras", 1, "recall_speed"), 3)
    assert profile(text).cameras[1].recall_speed == 3
    assert set_value(text, ("cameras", 1, "recall_speed"), None) == TEXT
    assert set_value(TEXT, ("site", "name"), "Hall") == TEXT


def test_add_remove_and_move_items_of_arrays_of_tables() -> None:
    bridge = {"id": "main", "name": "Cầu chính", "dial_string": "sip:hop@127.0.0.1"}
    text = add_item(TEXT, ("call", "bridges"), bridge)
    meeting = {
        "id": "flag",
        "name": "Chào cờ",
        "bridge": "main",
        "time": dt.time(7, 30),
        "weekdays": ["mon"],
    }
    text = add_item(text, ("schedule", "meetings"), meeting)
    text = add_item(text, ("cameras", 1, "presets"), {"number": 0, "name": "Wide"})
    loaded = profile(text)
    assert loaded.call.bridges[0].dial_string == "sip:hop@127.0.0.1"
    assert loaded.schedule.meetings[0].time == dt.time(7, 30)
    assert [p.name for p in loaded.cameras[1].presets] == ["Wide"]
    assert item_count(text, ("call", "bridges")) == 1
    moved = move_item(text, ("cameras",), 0, 1)
    assert [c.id for c in profile(moved).cameras] == ["back", "front"]
    assert profile(moved).cameras[1].presets[0].name == "Chair"  # the presets moved along
    assert "# the chair's shot" in moved
    text = remove_item(text, ("cameras", 0, "presets"), 0)
    assert profile(text).cameras[0].presets == []
    assert item_count(text, ("cameras", 0, "presets")) == 0
    with pytest.raises(IndexError):
        remove_item(text, ("cameras", 0, "presets"), 0)


def test_optional_sub_tables_are_set_and_cleared() -> None:
    text = set_table(TEXT, ("cameras", 0, "preview"), {"url": "udp://@127.0.0.1:5004"})
    text = set_value(text, ("cameras", 0, "preview", "caching_ms"), 80)
    text = set_table(text, ("incoming",), {"url": "rtsp://127.0.0.1/far"})
    loaded = profile(text)
    assert loaded.cameras[0].preview is not None and loaded.cameras[0].preview.caching_ms == 80
    assert loaded.incoming is not None and loaded.incoming.url == "rtsp://127.0.0.1/far"
    text = set_table(text, ("cameras", 0, "preview"), None)
    text = set_table(text, ("incoming",), None)
    assert text.rstrip() == TEXT.rstrip()  # at most a blank line at the end differs


def test_errors_name_the_field_path_a_form_can_mark() -> None:
    bridge = {"id": "main", "name": "Cầu chính", "dial_string": "sip:hop@127.0.0.1"}
    text = add_item(TEXT, ("call", "bridges"), bridge)
    text = set_value(text, ("call", "bridges", 0, "dial_string"), "")
    error = validate_text(text, "room.toml")
    assert isinstance(error, ProfileError)
    assert error_path(error) == ("call", "bridges", 0, "dial_string")
    assert blames(error_path(error), ("call", "bridges", 0, "dial_string"))
    assert not blames(error_path(error), ("call", "bridges", 0, "name"))
    text = set_table(TEXT, ("cameras", 1, "preview"), {"url": "rtps://127.0.0.1/cam"})
    error = validate_text(text, "room.toml")
    assert isinstance(error, ProfileError)
    assert error_path(error) == ("cameras", 1, "preview", "url")
    assert error_path(ProfileError(Path("x"), None, None, "bad")) is None


def test_next_id_skips_the_ones_in_use() -> None:
    assert next_id(TEXT, ("cameras",), "cam") == "cam1"
    text = add_item(TEXT, ("call", "bridges"), {"id": "bridge1"})
    assert next_id(text, ("call", "bridges"), "bridge") == "bridge2"


def test_a_field_in_a_new_sub_table_of_an_item_gets_its_own_section() -> None:
    bridge = {"id": "main", "name": "Cầu chính", "dial_string": "sip:hop@127.0.0.1"}
    text = add_item(TEXT, ("call", "bridges"), bridge)
    text = set_value(text, ("cameras", 0, "limits", "replies"), False)
    text = set_value(text, ("call", "bridges", 0, "dtmf", "pause"), 2.5)
    text = set_value(text, ("call", "bridges", 0, "dtmf", "between_id_and_pin"), 2.0)
    assert "[cameras.limits]\nreplies = false\n\n[[cameras]]" in text  # a blank line between
    assert "[call.bridges.dtmf]\npause = 2.5\nbetween_id_and_pin = 2.0\n" in text
    loaded = profile(text)
    assert not loaded.cameras[0].limits.replies and loaded.cameras[1].limits.replies
    assert loaded.call.bridges[0].dtmf.pause == 2.5
    assert loaded.call.bridges[0].dtmf.between_id_and_pin == 2.0
    assert set_value(TEXT, ("precheck", "lectern_channel"), None) == TEXT  # no empty table


def test_mixer_channels_are_an_array_of_tables_in_the_mixer() -> None:
    text = set_value(TEXT, ("mixer", "driver"), "x32")
    text = set_value(text, ("mixer", "host"), "127.0.0.1")
    text = add_item(text, ("mixer", "channels"), {"number": 1, "name": "Chủ tọa"})
    text = add_item(text, ("mixer", "channels"), {"number": 4})
    text = set_value(text, ("mixer", "channels", 1, "microphone"), False)
    mixer = profile(text).mixer
    assert mixer.name_overrides() == {1: "Chủ tọa"} and mixer.microphones() == [1]
