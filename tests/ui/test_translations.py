"""The shipped Vietnamese catalogue: complete, loaded into real windows, switched at run time."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from xml.etree import ElementTree

import pytest
from PySide6.QtGui import QColor, QFont, QFontInfo, QImage, QPainter, QRawFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from ui_polling import until

from console.config.codec import BridgeProfile
from console.demo import DemoSession
from console.services.join import JoinBridge
from drivers.cisco.codec import CiscoCodec
from drivers.cisco.emulator import CiscoEmulator
from drivers.roles.base import Availability
from ui.call_panel import CallPanel
from ui.i18n import (
    catalogue_messages,
    catalogue_path,
    current_language,
    retranslate_on_change,
    switch_language,
    unfinished_messages,
)
from ui.main_window import MainWindow
from ui.style import apply_style

VI_TS = catalogue_path("vi")
PLACEHOLDER = re.compile(r"\{\w+\}|%\d")


def _translations() -> list[tuple[str, str]]:
    """(source, translation) of every current message in the Vietnamese catalogue."""
    pairs = []
    for message in ElementTree.parse(VI_TS).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") not in ("obsolete", "vanished"):
            pairs.append((message.findtext("source", ""), translation.text or ""))
    return pairs


def _texts(root: QWidget) -> set[str]:
    """Every label's text under ``root``."""
    return {label.text() for label in root.findChildren(QLabel)}


class Switcher:
    """Switches the application's language, as the Settings screen does."""

    def __init__(self, app: QApplication) -> None:
        self.app = app

    def switch(self, language: str) -> None:
        switch_language(self.app, language)
        assert current_language() == language


@pytest.fixture
def switcher(qapp: QApplication) -> Iterator[Switcher]:
    """Language switching that leaves the application in English afterwards."""
    yield Switcher(qapp)
    switch_language(qapp, "en")


def test_every_message_is_translated() -> None:
    assert len(catalogue_messages(VI_TS)) > 100
    assert unfinished_messages(VI_TS) == []


def test_translations_keep_the_placeholders() -> None:
    for source, translation in _translations():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), (
            source
        )


def test_preset_shots_use_the_operators_word() -> None:
    texts = [translation.lower() for _, translation in _translations()]
    assert any("góc máy" in text for text in texts)
    assert not any("cài đặt trước" in text for text in texts)


async def test_main_window_speaks_vietnamese_then_english_at_run_time(
    demo: DemoSession, switcher: Switcher
) -> None:
    switcher.switch("vi")
    window = MainWindow(demo.room, training=True)
    try:
        texts = _texts(window)
        assert "Hình máy quay sẽ hiện ở đây" in texts
        assert "Máy quay:" in texts
        assert "Chế độ tập huấn — máy quay là mô phỏng" in texts
        switcher.switch("en")
        texts = _texts(window)
        assert "Camera pictures will appear here" in texts
        assert "Camera:" in texts
        assert "Hình máy quay sẽ hiện ở đây" not in texts
        light = window.status.lights[0]
        await until(lambda: light.availability is Availability.ONLINE)
        assert any(text.endswith(": ready") for text in _texts(light)), _texts(light)
        switcher.switch("vi")
        assert "Hình máy quay sẽ hiện ở đây" in _texts(window)
        assert any(text.endswith(": sẵn sàng") for text in _texts(light)), _texts(light)
    finally:
        window.close()
        window.deleteLater()


async def test_call_panel_join_button_switches_language(switcher: Switcher) -> None:
    emulator = CiscoEmulator()
    await asyncio.wait_for(emulator.start(), 5)
    codec = CiscoCodec("Codec", host="127.0.0.1", port=emulator.port)
    bridge = BridgeProfile(id="main", name="Cầu chính tỉnh", dial_string="bridge@127.0.0.1")
    try:
        await asyncio.wait_for(codec.start(), 5)
        switcher.switch("vi")
        panel = CallPanel(codec, JoinBridge(bridge, codec))
        assert panel.join_button.text() == "Tham gia Cầu chính tỉnh"
        assert panel.state_label.text() == "Chưa vào cuộc họp"
        switcher.switch("en")
        assert panel.join_button.text() == "Join Cầu chính tỉnh"
        assert panel.state_label.text() == "Not in a meeting"
        panel.detach()
        panel.deleteLater()
    finally:
        await asyncio.wait_for(codec.close(), 5)
        await asyncio.wait_for(emulator.close(), 5)


def test_a_widget_that_joins_retranslates_itself(qapp: QApplication, switcher: Switcher) -> None:
    label = QLabel()
    seen: list[str] = []

    def retranslate() -> None:
        label.setText(QApplication.translate("CallPanel", "Join %1").replace("%1", "Tỉnh ủy"))
        seen.append(current_language())

    retranslate()
    retranslate_on_change(label, retranslate)
    switcher.switch("vi")
    assert label.text() == "Tham gia Tỉnh ủy"
    switcher.switch("en")
    assert label.text() == "Join Tỉnh ủy"
    assert seen[-1] == "en"


def test_texts_with_values_are_switched_too(qapp: QApplication, switcher: Switcher) -> None:
    switcher.switch("vi")
    label = QLabel(QApplication.translate("Messages", "{device} is ready").format(device="Máy 2"))
    assert label.text() == "Máy 2 đã sẵn sàng"
    switcher.switch("en")
    assert label.text() == "Máy 2 is ready"


def _vietnamese_characters() -> set[str]:
    letters = {char for _, translation in _translations() for char in translation}
    return {char for char in letters if ord(char) > 0x7F and char.isalpha()}


def test_the_interface_font_has_every_vietnamese_letter(qapp: QApplication) -> None:
    apply_style(qapp)
    font = QFont(qapp.font())
    family = QFontInfo(font).family()
    assert family in ("Noto Sans", "DejaVu Sans"), f"required font missing, got {family}"
    raw = QRawFont.fromFont(font)
    letters = _vietnamese_characters()
    assert {"ộ", "ự", "đ", "ầ"} <= letters  # the catalogue really is Vietnamese
    needed = letters | {"ỗ", "ự", "ẫ", "ặ"}  # the glossary's test letters
    missing = sorted(char for char in needed if not raw.supportsCharacter(ord(char)))
    assert missing == []


def _render(text: str, font: QFont) -> QImage:
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(10, 45, text)
    painter.end()
    return image


def test_diacritics_render_as_letters_not_boxes(qapp: QApplication) -> None:
    apply_style(qapp)
    font = QFont(qapp.font())
    font.setPixelSize(36)
    label = QLabel("Tham gia cuộc họp")
    label.setFont(font)
    label.adjustSize()
    assert not label.grab().toImage().isNull()
    missing_box = _render("\U0010fffd", font)  # a private-use code point: no font has it
    letters = {char: _render(char, font) for char in "ộựẫặđ"}
    plain_o = _render("o", font)
    for char, image in letters.items():
        assert image != missing_box, f"{char} is drawn as a missing-glyph box"
        assert image != plain_o, f"{char} lost its marks"
    assert letters["ộ"] != _render("ô", font)  # the dot below is drawn
