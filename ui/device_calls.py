"""Run device verbs as loop tasks so widgets never block; failures become plain words."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

import shiboken6
from PySide6.QtCore import QObject

from drivers.errors import DeviceError, Problem
from ui.messages import DeviceKind, problem_text

_LOGGER = logging.getLogger(__name__)

Report = Callable[[str], None]


class DeviceCalls:
    """Starts device coroutines as tasks, keeps them alive, and reports their errors."""

    def __init__(self, report: Report, owner: QObject | None = None) -> None:
        self._report = report
        self._owner = owner  # the widget that shows the report; may be deleted before a reply
        self._tasks: set[asyncio.Future[Any]] = set()

    def start(
        self,
        coro: Coroutine[Any, Any, Any],
        device: str,
        kind: DeviceKind = DeviceKind.CAMERA,
    ) -> asyncio.Future[Any]:
        """Schedule ``coro``; a ``DeviceError`` is logged and reported in plain words."""
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(lambda done: self._finished(done, device, kind))
        return task

    @property
    def pending(self) -> int:
        """How many calls are still running (for tests and shutdown)."""
        return len(self._tasks)

    def _finished(self, task: asyncio.Future[Any], device: str, kind: DeviceKind) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is None:
            return
        if isinstance(error, DeviceError):
            _LOGGER.warning("%s: command failed: %s", device, error)
            problem = error.problem
        else:  # a bug, not a device problem: keep the traceback in the log
            _LOGGER.error("%s: unexpected error", device, exc_info=error)
            problem = Problem.UNKNOWN
        if self._owner is not None and not shiboken6.isValid(self._owner):
            return  # the window closed meanwhile: the log has it
        self._report(problem_text(problem, device, kind))
