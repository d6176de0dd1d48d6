"""Event log view fed by a real EventLog handler, including events logged from other threads."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_polling import until

from console.eventlog import EventLog, LogSeverity
from ui.i18n import current_language, switch_language
from ui.log_view import SOURCE_COLUMN, EventLogView


@pytest.fixture
def logged() -> Iterator[tuple[EventLog, logging.Logger]]:
    event_log = EventLog(capacity=100)
    logger = logging.getLogger("tests.ui.log_view")
    logger.setLevel(logging.INFO)
    logger.addHandler(event_log)
    try:
        yield event_log, logger
    finally:
        logger.removeHandler(event_log)


def rows(view: EventLogView) -> list[tuple[str, str, str]]:
    """Device, severity and message of every row shown."""
    model = view.model
    return [
        tuple(model.index(row, column).data() for column in (1, 2, 3))
        for row in range(model.rowCount())
    ]


def make_view(qtbot: QtBot, event_log: EventLog) -> EventLogView:
    view = EventLogView(event_log)
    qtbot.addWidget(view)
    view.show()
    return view


async def test_filters_by_device_severity_and_text(
    qtbot: QtBot, logged: tuple[EventLog, logging.Logger]
) -> None:
    event_log, logger = logged
    logger.info("%s: ready", "Cam 1")
    logger.warning("%s: not answering", "Cam 2")
    logger.error("%s: port missing", "Desk")
    logger.info("profile saved")
    view = make_view(qtbot, event_log)
    assert rows(view) == [
        ("Cam 1", "information", "Cam 1: ready"),
        ("Cam 2", "warning", "Cam 2: not answering"),
        ("Desk", "error", "Desk: port missing"),
        ("", "information", "profile saved"),
    ]
    devices = [view.device_filter.itemText(i) for i in range(view.device_filter.count())]
    assert devices == ["All devices", "Cam 1", "Cam 2", "Desk"]
    view.device_filter.setCurrentIndex(view.device_filter.findData("Cam 2"))
    assert [r[0] for r in rows(view)] == ["Cam 2"]
    view.device_filter.setCurrentIndex(0)
    view.severity_filter.setCurrentIndex(view.severity_filter.findData(int(LogSeverity.WARNING)))
    assert [r[1] for r in rows(view)] == ["warning", "error"]
    view.severity_filter.setCurrentIndex(0)
    view.text_filter.setText("PORT")
    assert [r[2] for r in rows(view)] == ["Desk: port missing"]


async def test_events_from_another_thread_arrive_in_the_gui_thread(
    qtbot: QtBot, logged: tuple[EventLog, logging.Logger]
) -> None:
    event_log, logger = logged
    view = make_view(qtbot, event_log)
    inserted_in: list[str] = []
    view.model.rowsInserted.connect(lambda *_: inserted_in.append(threading.current_thread().name))
    gc.collect()  # dead widgets of earlier tests must not be collected in the worker thread
    worker = threading.Thread(
        target=lambda: logger.warning("%s: lost", "Codec"), name="driver-thread"
    )
    worker.start()
    worker.join(5)
    await until(lambda: view.model.rowCount() == 1)
    assert rows(view) == [("Codec", "warning", "Codec: lost")]
    assert inserted_in == [threading.main_thread().name]
    assert view.device_filter.findData("Codec") > 0  # a new device joins the filter


async def test_live_events_respect_the_filters(
    qtbot: QtBot, logged: tuple[EventLog, logging.Logger]
) -> None:
    event_log, logger = logged
    view = make_view(qtbot, event_log)
    view.severity_filter.setCurrentIndex(view.severity_filter.findData(int(LogSeverity.ERROR)))
    logger.info("%s: ready", "Cam 1")
    logger.error("%s: gone", "Cam 1")
    await until(lambda: view.model.rowCount() >= 1)
    await until(lambda: view.device_filter.findData("Cam 1") > 0)
    assert rows(view) == [("Cam 1", "error", "Cam 1: gone")]
    view.detach()
    logger.error("%s: gone again", "Cam 1")
    view.refresh()  # an explicit refresh still reads the log
    assert len(rows(view)) == 2


async def test_raw_source_column_only_for_technicians_and_capacity_bound(
    qtbot: QtBot, logged: tuple[EventLog, logging.Logger]
) -> None:
    event_log, logger = logged
    view = make_view(qtbot, event_log)
    assert view.table.isColumnHidden(SOURCE_COLUMN)
    view.set_technician(True)
    assert not view.table.isColumnHidden(SOURCE_COLUMN)
    view.model.capacity = 3
    for number in range(5):
        logger.info("event %d", number)
    await until(lambda: view.model.index(2, 3).data() == "event 4")
    assert [r[2] for r in rows(view)] == ["event 2", "event 3", "event 4"]
    assert view.model.index(0, SOURCE_COLUMN).data() == "tests.ui.log_view"


async def test_the_view_switches_language_without_a_restart(
    qtbot: QtBot, qapp: QApplication, logged: tuple[EventLog, logging.Logger]
) -> None:
    event_log, logger = logged
    logger.warning("%s: not answering", "Cam 2")
    view = make_view(qtbot, event_log)
    before = current_language()
    try:
        switch_language(qapp, "vi")
        assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Thời gian"
        assert rows(view) == [("Cam 2", "cảnh báo", "Cam 2: not answering")]
        assert view.device_filter.itemText(0) == "Tất cả thiết bị"
        assert view.severity_filter.itemText(2) == "Chỉ lỗi"
    finally:
        switch_language(qapp, before)
    assert view.device_filter.itemText(0) == "All devices"
    assert rows(view)[0][1] == "warning"
