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


ISSUE_13 = [  # what the loader says -> English -> Vietnamese
    (
        'Input should be a valid integer (found the text "2")',
        "Write a whole number, without quotes",
        "Nhập một số nguyên, không đặt trong dấu ngoặc kép",
    ),
    (
        "Value error, unknown camera driver 'visca-sereal'; camera drivers: visca-ip, visca-serial",
        "Unknown camera driver “visca-sereal” — use one of: visca-ip, visca-serial",
        "Không có trình điều khiển máy quay “visca-sereal” — dùng một trong: visca-ip, "
        "visca-serial",
    ),
    (
        "camera 'b' has the same connection and address as camera 'a': give each camera on a "
        "serial chain its own address (1-7)",
        "Camera “b” has the same connection and address as camera “a” — give each camera its own",
        "Máy quay “b” trùng kết nối và địa chỉ với máy quay “a” — mỗi máy quay cần kết nối hoặc "
        "địa chỉ riêng",
    ),
    (
        "Value error, over the network the camera address is always 1 (addresses 2-7 are ...)",
        "Over the network the address is always 1 (2–7 are for cameras chained on one serial "  # noqa: RUF001
        "port)",
        "Qua mạng, địa chỉ luôn là 1 (2–7 dành cho các máy quay nối chuỗi trên cùng một cổng nối "  # noqa: RUF001
        "tiếp)",
    ),
    (
        "the file is empty: it has no settings (start from example.toml)",
        "The file is empty: it has no settings",
        "Tệp trống: chưa có thiết lập nào",
    ),
    (
        "not UTF-8 text (byte 0xE9): save it again as UTF-8",
        "The file is not saved as UTF-8 text — open it and save it as UTF-8",
        "Tệp không được lưu dạng văn bản UTF-8 — hãy mở và lưu lại dạng UTF-8",
    ),
    (
        "the console could not start with this room setup: bug {x}",
        "The console could not start with this room setup: bug {x}",
        "Chương trình không khởi động được với cấu hình phòng họp này: bug {x}",
    ),
]


@pytest.mark.parametrize(("message", "english", "vietnamese"), ISSUE_13)
def test_new_profile_checks_read_well_in_both_languages(
    qapp: QApplication, message: str, english: str, vietnamese: str
) -> None:
    before = current_language()
    try:
        switch_language(qapp, "en")
        assert plain_message(message) == english
        switch_language(qapp, "vi")
        assert plain_message(message) == vietnamese
    finally:
        switch_language(qapp, before)
