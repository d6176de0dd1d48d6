"""A broken profile opens repair mode naming file, line and field, and the file is untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.config.loader import ProfileError, load_profile
from ui.repair import RepairWindow

BROKEN = """\
schema_version = 1

[site]
name = "Hall"

[[cameras]]
id = "front"
name = "Front"
connection = "serial:/dev/ttyUSB0"
address = 9
"""


def test_repair_window_shows_where_the_profile_is_broken(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "room.toml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    window = RepairWindow(caught.value)
    qtbot.addWidget(window)
    window.show()
    assert window.file_label.text() == str(path)
    assert window.line_label.text() == "10"
    assert "address" in window.field_label.text()
    assert window.message_label.text() == "At most 7"  # plain words, not pydantic's
    assert path.read_text(encoding="utf-8") == BROKEN
