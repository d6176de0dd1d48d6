"""Request help: the real support bundle is written off the GUI thread, then explained."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.access import hash_pin
from console.config import RoomProfile
from console.config.models import SiteProfile
from console.eventlog import EventLog
from console.room import Room
from ui.help_action import RequestHelp

CONTACT = "Anh Minh (Sở TT&TT), 0912 345 678"


class UrlCatcher(QObject):
    """Receives the URLs QDesktopServices would open (Qt's own hook for URL handlers)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture(autouse=True)
def garbage_on_the_gui_thread() -> Iterator[None]:
    """Earlier tests' dead widgets must not be collected in the bundle's worker thread."""
    gc.collect()
    yield
    gc.collect()


@pytest.fixture
def opened() -> Iterator[UrlCatcher]:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "handle")  # type: ignore[arg-type]
    try:
        yield catcher
    finally:
        QDesktopServices.unsetUrlHandler("file")


def room(contact: str = CONTACT) -> Room:
    profile = RoomProfile(
        site=SiteProfile(name="Hội trường xã", contact=contact),
        technician_pin_hash=hash_pin("4321"),
    )
    return Room(profile)


def parent_window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    return window


async def test_bundle_is_written_in_a_worker_and_the_operator_is_told_where_and_to_whom(
    qtbot: QtBot, tmp_path: Path, opened: UrlCatcher
) -> None:
    event_log = EventLog()
    logger = logging.getLogger("tests.ui.help")
    logger.addHandler(event_log)
    logger.warning("%s: login failed pin=9876", "Codec")
    logger.removeHandler(event_log)
    log_file = tmp_path / "roomconsole.log"
    log_file.write_text("codec sip password=hunter2 registered\n", encoding="utf-8")
    check = tmp_path / "last-precheck.json"
    check.write_text(json.dumps({"verdict": "fail", "items": []}), encoding="utf-8")
    target = tmp_path / "out" / "support.zip"
    helper = RequestHelp(
        room(),
        event_log=event_log,
        log_files=lambda: [log_file],
        last_check=check,
        target=lambda: target,
    )
    window = parent_window(qtbot)
    task = helper.start(window)
    assert task is not None and helper.busy
    assert helper.start(window) is None  # one bundle at a time
    bundle = await asyncio.wait_for(task, 20)
    assert bundle == target and target.exists()
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        text = "".join(archive.read(name).decode("utf-8") for name in names)
    assert {"profile.json", "events.json", "logs/roomconsole.log", "last-precheck.json"} <= names
    assert "scrypt$" not in text and "9876" not in text and "hunter2" not in text
    dialog = helper.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.title.text() == "The support file is ready"
    assert dialog.message.text() == (
        f"The support file is saved at {target}. Send it to {CONTACT}."
    )
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened.urls] == [str(target.parent)]


async def test_without_a_contact_the_technician_is_named(qtbot: QtBot, tmp_path: Path) -> None:
    helper = RequestHelp(room(contact=""), target=lambda: tmp_path / "b.zip")
    window = parent_window(qtbot)  # kept: the dialog is its child
    task = helper.start(window)
    assert task is not None
    await asyncio.wait_for(task, 20)
    assert helper.dialog is not None
    assert helper.dialog.message.text().endswith("Send it to your technician.")


async def test_a_bundle_that_cannot_be_written_is_explained(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    helper = RequestHelp(room(), target=lambda: blocker / "support.zip")
    results: list[object] = []
    helper.finished.connect(results.append)
    window = parent_window(qtbot)
    task = helper.start(window)
    assert task is not None
    assert await asyncio.wait_for(task, 20) is None
    dialog = helper.dialog
    assert dialog is not None
    assert dialog.title.text() == "The support file could not be saved"
    assert dialog.message.text().startswith("Call your technician and read them this message:")
    assert dialog.open_button.isHidden()
    assert results == [None]
