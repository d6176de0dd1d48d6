"""The shared reader helpers: bounded line framing, rate-limited parse errors, supervision."""

from __future__ import annotations

import asyncio
import logging

from drivers.readers import LineSplitter, ParseErrorLog, SupervisedTask


def test_lines_any_chunking_and_an_overlong_line_is_dropped_then_resynced() -> None:
    dropped: list[bytes] = []
    splitter = LineSplitter(8, on_overlong=dropped.append)
    stream = b"one\ntwo\n" + b"x" * 30 + b"\nthree\n"
    lines = [line for byte in stream for line in splitter.feed(bytes([byte]))]
    assert lines == [b"one", b"two", b"three"]
    assert dropped == [b"x" * 8] and splitter.dropped == 1


def test_an_overlong_line_inside_one_chunk_is_dropped() -> None:
    splitter = LineSplitter(4)
    assert splitter.feed(b"ab\nabcdefgh\ncd\n") == [b"ab", b"cd"]
    assert splitter.dropped == 1


def test_endless_input_keeps_the_buffer_bounded() -> None:
    splitter = LineSplitter(1024)
    for _ in range(1000):
        assert splitter.feed(b"y" * 4096) == []
        assert len(splitter._buffer) <= 1024
    assert splitter.feed(b"\nok\n") == [b"ok"]


def test_parse_errors_are_logged_once_per_interval(caplog) -> None:
    now = [0.0]
    log = ParseErrorLog("dev", logging.getLogger("test"), interval=10.0, clock=lambda: now[0])
    with caplog.at_level(logging.DEBUG):
        for _ in range(100):
            log.report("line", b"\x01\x02", "bad")
        now[0] = 11.0
        log.report("line", b"\x03", "bad")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2 and "99 more skipped" in warnings[1]
    assert log.skipped == 101
    assert any("01 02" in r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG)


async def test_a_supervised_task_that_dies_is_reported_and_restarted() -> None:
    runs: list[int] = []
    died: list[str] = []

    async def work() -> None:
        runs.append(1)
        if len(runs) == 1:
            raise RuntimeError("boom")
        await asyncio.Event().wait()

    supervised = SupervisedTask("work", work, died.append, restart_delay=0.01)
    supervised.start()
    async with asyncio.timeout(2):
        while len(runs) < 2:
            await asyncio.sleep(0.005)
    assert died == ["RuntimeError: boom"]
    task = supervised.task
    assert task is not None
    task.cancel()  # someone else kills it: reported and restarted too
    async with asyncio.timeout(2):
        while len(runs) < 3:
            await asyncio.sleep(0.005)
    assert died[-1] == "cancelled"
    await supervised.stop()
    await asyncio.sleep(0.05)
    assert len(runs) == 3 and supervised.task is None
