"""The event log: fed by logging, device and severity filters, ring buffer, rotating file."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.eventlog import (
    LOG_FILE_NAME,
    EventLog,
    LogEvent,
    LogSeverity,
    default_log_dir,
    install_logging,
)

_LOG = logging.getLogger("tests.eventlog")


@pytest.fixture
def event_log() -> Iterator[EventLog]:
    handler = EventLog(capacity=5, level=logging.DEBUG)
    _LOG.addHandler(handler)
    _LOG.setLevel(logging.DEBUG)
    yield handler
    _LOG.removeHandler(handler)
    _LOG.setLevel(logging.NOTSET)


def test_device_comes_from_the_leading_name_or_extra(event_log: EventLog) -> None:
    _LOG.warning("%s: unavailable (%s): %s", "Cam 1", "not_answering", "no reply")
    _LOG.info("%s: available again", "Bàn trộn")
    _LOG.error("codec gone", extra={"device": "Codec"})
    _LOG.info("path %s: 10/10 answered", "udp://127.0.0.1:9")  # not a device line
    events = event_log.events()
    assert [e.device for e in events] == ["Cam 1", "Bàn trộn", "Codec", ""]
    assert events[0].message == "Cam 1: unavailable (not_answering): no reply"
    assert events[0].severity is LogSeverity.WARNING
    assert events[0].source == "tests.eventlog"
    assert event_log.devices() == ["Bàn trộn", "Cam 1", "Codec"]


def test_filters_by_device_severity_and_text(event_log: EventLog) -> None:
    _LOG.debug("%s: polled", "Cam 1")
    _LOG.warning("%s: slow reply", "Cam 1")
    _LOG.error("%s: lost", "Cam 2")
    _LOG.info("schedule: reminder")
    assert [e.message for e in event_log.events(device="Cam 1")] == [
        "Cam 1: polled",
        "Cam 1: slow reply",
    ]
    warnings = event_log.events(min_severity=LogSeverity.WARNING)
    assert [e.device for e in warnings] == ["Cam 1", "Cam 2"]
    assert [e.message for e in event_log.events(device="")] == ["schedule: reminder"]
    assert [e.device for e in event_log.events(text="LOST")] == ["Cam 2"]


def test_ring_buffer_keeps_the_newest_and_subscribers_see_each_event(
    event_log: EventLog,
) -> None:
    seen: list[LogEvent] = []
    unsubscribe = event_log.subscribe(seen.append)
    for number in range(8):
        _LOG.info("line %d", number)
    assert [e.message for e in event_log.events()] == [f"line {n}" for n in range(3, 8)]
    assert len(seen) == 8
    unsubscribe()
    _LOG.info("after")
    assert len(seen) == 8
    event_log.clear()
    assert event_log.events() == []


def test_exceptions_and_other_threads_are_recorded(event_log: EventLog) -> None:
    try:
        raise OSError("port vanished")
    except OSError:
        _LOG.exception("%s: link failed", "Cam 1")
    worker = threading.Thread(target=lambda: _LOG.warning("%s: from a thread", "Player"))
    worker.start()
    worker.join(5)
    messages = [e.message for e in event_log.events()]
    assert "port vanished" in messages[0]
    assert messages[1] == "Player: from a thread"
    assert LogSeverity.of(logging.WARNING + 5) is LogSeverity.WARNING


def test_install_logging_writes_a_rotating_utf8_file(tmp_path: Path) -> None:
    level = logging.getLogger().level
    setup = install_logging(log_dir=tmp_path, max_bytes=2000, backups=2, capacity=50)
    try:
        for number in range(60):
            logging.getLogger("console.test").warning("%s: mất tín hiệu %d", "Máy quay 1", number)
    finally:
        setup.uninstall()
    assert setup.log_file == tmp_path / LOG_FILE_NAME
    files = setup.log_files()
    assert files[0] == setup.log_file and len(files) == 3  # current + 2 rotated
    text = setup.log_file.read_text(encoding="utf-8")
    assert "Máy quay 1: mất tín hiệu 59" in text
    assert len(setup.event_log.events(device="Máy quay 1")) == 50
    assert setup.event_log not in logging.getLogger().handlers
    assert logging.getLogger().level == level
    assert default_log_dir().name  # the platform folder is resolvable
