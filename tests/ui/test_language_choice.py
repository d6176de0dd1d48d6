"""The language selector: switches the open window at once, is kept per computer, fits 1366 px."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_rooms import operator_day_for

from console.config.models import RoomProfile
from console.room import Room
from ui.i18n import LANGUAGE_VARIABLE, current_language, saved_language, switch_language
from ui.language_choice import LanguageChoice, apply_profile_language, install_language_choice
from ui.main_window import MainWindow
from ui.operator_day import OperatorDay
from ui.settings_editor import install_settings


@pytest.fixture
def language(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Start in Vietnamese with no $ROOMCONSOLE_LANG; put the language back afterwards."""
    monkeypatch.delenv(LANGUAGE_VARIABLE, raising=False)
    before = current_language()
    switch_language(qapp, "vi")
    yield
    switch_language(qapp, before)


@pytest.fixture
def day(qtbot: QtBot, tmp_path: Path, language: None) -> Iterator[OperatorDay]:
    profile = RoomProfile.model_validate({"site": {"name": "Hội trường"}})
    window = MainWindow(Room(profile))
    qtbot.addWidget(window)
    installed = operator_day_for(window, tmp_path)
    window.show()
    yield installed
    installed.close()
    window.close()


def choose(choice: LanguageChoice, name: str) -> None:
    """Pick ``name`` from the list as the operator does."""
    index = choice.findText(name)
    assert index >= 0, name
    choice.setCurrentIndex(index)
    choice.activated.emit(index)


def test_choosing_english_retranslates_at_once_and_is_kept(
    qapp: QApplication, day: OperatorDay, tmp_path: Path
) -> None:
    settings = tmp_path / "console.ini"
    choice = install_language_choice(day, qapp, settings_path=settings)
    assert choice.parent() is day.toolbar and choice.currentText() == "Tiếng Việt"
    assert day.precheck_action.text() == "Kiểm tra trước họp"
    assert saved_language(settings) is None  # nothing chosen on this computer yet
    choose(choice, "English")
    assert current_language() == "en"
    assert day.precheck_action.text() == "Pre-meeting check"  # no restart needed
    assert day.modes.action.text() != "" and choice.currentText() == "English"
    assert saved_language(settings) == "en"
    choose(choice, "Tiếng Việt")
    assert day.precheck_action.text() == "Kiểm tra trước họp"
    assert saved_language(settings) == "vi"


def test_the_profile_language_applies_when_this_computer_chose_none(
    qapp: QApplication, language: None, tmp_path: Path
) -> None:
    settings = tmp_path / "console.ini"
    assert apply_profile_language(qapp, None, settings_path=settings) == "vi"  # nothing set
    assert apply_profile_language(qapp, "en", settings_path=settings) == "en"
    assert current_language() == "en"
    switch_language(qapp, "vi")
    choice = LanguageChoice(qapp, settings_path=settings)
    choose(choice, "Tiếng Việt")  # this computer's choice wins over the site's
    assert apply_profile_language(qapp, "en", settings_path=settings) == "vi"
    assert current_language() == "vi"
    choice.deleteLater()


@pytest.mark.parametrize("code", ["vi", "en"])
def test_the_toolbar_with_the_selector_fits_a_laptop_screen(
    qapp: QApplication, day: OperatorDay, tmp_path: Path, code: str
) -> None:
    install_settings(day)
    install_language_choice(day, qapp, settings_path=tmp_path / "console.ini")
    switch_language(qapp, code)
    assert day.technician_actions
    for action in day.technician_actions:
        action.setVisible(True)  # the widest toolbar: technician mode
    needed = day.toolbar.sizeHint().width()
    assert needed <= 1366, f"{code}: the toolbar needs {needed} px"
    assert day.window.minimumSizeHint().width() <= 1366
