"""Garbage cycles are collected by the GUI-thread timer, never by a worker thread."""

from __future__ import annotations

import asyncio
import gc
import threading
import weakref

from ui_polling import until

from ui.gc_guard import GuiThreadCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


async def test_cycles_are_freed_on_the_gui_thread_by_the_timer() -> None:
    collector = GuiThreadCollector()
    try:
        assert not gc.isenabled()
        freed_in: list[str] = []
        node = _Node()
        weakref.finalize(node, lambda: freed_in.append(threading.current_thread().name))
        del node

        def allocate_in_a_worker() -> None:
            for _ in range(50_000):
                _Node.__new__(_Node)  # would trip the automatic collector if it were on

        worker = threading.Thread(target=allocate_in_a_worker, name="worker")
        worker.start()
        await asyncio.get_running_loop().run_in_executor(None, worker.join)
        assert freed_in == []  # the worker allocated a lot, but nothing was collected there
        await until(lambda: freed_in != [], timeout=3)
        assert freed_in == [threading.main_thread().name]
    finally:
        collector.stop()
    assert gc.isenabled()
