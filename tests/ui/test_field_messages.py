"""The profile's checks, as pydantic words them, become plain translated words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from pydantic import ValidationError
from PySide6.QtWidgets import QApplication

from console.config.codec import CodecProfile
from console.config.mixer import MixerProfile
from console.config.schedule import MeetingProfile
from ui.field_messages import plain_message
from ui.i18n import current_language, switch_language


def _meeting(**fields: object) -> Callable[[], object]:
    base: dict[str, object] = {"id": "m", "name": "M", "bridge": "b", "time": dt.time(7, 30)}
    return lambda: MeetingProfile.model_validate(base | fields)


CASES = [
    (lambda: CodecProfile(ctrl="bad host"), "Write it as HOST:PORT, e.g. 127.0.0.1:4444"),
    (lambda: CodecProfile(user="a b"), "Use letters, digits, ., - and _ only"),
    (lambda: CodecProfile(driver="cisco-xapi"), "Fill this in"),
    (
        _meeting(repeat="monthly"),
        "Choose a week of the month (with one day ticked) or a day of the month",
    ),
    (_meeting(repeat="once"), "A one-off meeting needs its date"),
    (
        _meeting(weekdays=["mon"], date=dt.date(2026, 1, 5), until=dt.date(2026, 1, 1)),
        "The last day is before the first day",
    ),
    (
        lambda: MixerProfile.model_validate(
            {"driver": "x32", "host": "h", "channels": [{"number": 1}, {"number": 1}]}
        ),
        "A channel is listed twice: 1",
    ),
    (
        lambda: MixerProfile.model_validate(
            {"driver": "xair", "host": "h", "channels": [{"number": 30}]}
        ),
        "This desk has channels 1–16",  # noqa: RUF001 - an en dash, as shown
    ),
]


def _message(build: Callable[[], object]) -> str:
    with pytest.raises(ValidationError) as caught:
        build()
    return str(caught.value.errors()[0]["msg"])


@pytest.mark.parametrize(("build", "expected"), CASES)
def test_a_check_reads_in_plain_words(build: Callable[[], object], expected: str) -> None:
    assert plain_message(_message(build)) == expected


def test_the_words_are_vietnamese_in_vietnamese(qapp: QApplication) -> None:
    before = current_language()
    try:
        switch_language(qapp, "vi")
        assert (
            plain_message(_message(CASES[1][0]))
            == "Chỉ dùng chữ không dấu, chữ số, dấu chấm, - và _"
        )
        assert plain_message("Input should be less than or equal to 7") == "Tối đa 7"
    finally:
        switch_language(qapp, before)


def test_an_unknown_check_is_shown_as_it_is() -> None:
    assert plain_message("Value error, something new") == "something new"
