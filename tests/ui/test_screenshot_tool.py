"""The screenshot tool: real pictures of the PIN dialog and the pre-meeting check, in Vietnamese."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from ui.i18n import install_translator

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))

import screenshots_operator_day as tool  # noqa: E402


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    """The Vietnamese catalogue while the test runs, English again afterwards."""
    install_translator(qapp, "vi")
    yield
    install_translator(qapp, "en")


def _picture(path: Path) -> QImage:
    assert path.is_file()
    image = QImage(str(path))
    assert not image.isNull()
    return image


def _colours(image: QImage) -> int:
    """How many different colours a coarse grid of the picture has (a blank grab has one)."""
    step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step_x)
            for y in range(0, image.height(), step_y)
        }
    )


async def test_pin_dialog_picture_is_vietnamese(vietnamese: None, tmp_path: Path) -> None:
    shots = tool.Shots(tmp_path / "vi")
    path = await asyncio.wait_for(tool.pin_shot(shots), 10.0)
    assert path == tmp_path / "vi" / "pin.png"
    image = _picture(path)
    assert image.width() >= 440  # the dialog's minimum width
    assert image.height() > 150
    assert _colours(image) > 3
    assert "Nhập mã PIN kỹ thuật" in shots.texts["pin"]
    assert "Sai mã PIN (còn 2 lần thử)" in shots.texts["pin"]
    assert "Enter the technician PIN" not in shots.texts["pin"]


async def test_precheck_picture_shows_the_failures_in_vietnamese(
    vietnamese: None, tmp_path: Path
) -> None:
    shots = tool.Shots(tmp_path)
    path = await asyncio.wait_for(tool.precheck_shot(shots), 20.0)
    image = _picture(path)
    assert (image.width(), image.height()) == tool.CARD_SIZE
    assert _colours(image) > 5
    texts = shots.texts["precheck"]
    assert "Kiểm tra trước họp" in texts
    assert "Máy quay không phản hồi" in texts  # the silent camera
    assert any(text.startswith("Đường truyền kém") for text in texts)  # the lossy link
    assert any("Chưa sẵn sàng" in text for text in texts)  # the verdict
    assert path.stat().st_size < 250_000


def test_settings_tab_pictures_are_named_alike_in_both_languages(vietnamese: None) -> None:
    import screenshots

    tabs = QTabWidget()
    tabs.addTab(QWidget(), QCoreApplication.translate("JoinPrompt", "Not now"))
    named = QWidget()
    named.setObjectName("siteTab")
    tabs.addTab(named, "Điểm cầu")
    tabs.addTab(QWidget(), "???")
    assert tabs.tabText(0) == "Để sau"  # shown in Vietnamese ...
    assert screenshots._tab_slug(tabs, 0) == "not-now"  # ... named in English
    assert screenshots._tab_slug(tabs, 1) == "sitetab"
    assert screenshots._tab_slug(tabs, 2) == "tab3"
