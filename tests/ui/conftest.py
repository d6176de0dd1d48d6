"""Qt test set-up: every async UI test runs on a qasync loop inside the QApplication."""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import pytestqt.plugin
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_polling import until

from console.demo import DemoSession, start_demo
from drivers.roles.base import Availability
from drivers.video import VideoPlayer, VideoSource
from drivers.video.mjpeg_server import MjpegServer
from drivers.video.training_scene import training_stream
from drivers.visca.emulated_camera import EmulatedCamera
from ui.main_window import MainWindow


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(["roomconsole-tests"])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)  # as in ui.app: closing a window must not stop the loop
    return app


class _TestLoop(qasync.QEventLoop):  # type: ignore[misc]
    """qasync loop that stays the running loop for its trailing processEvents().

    qasync's run_until_complete() ends with one processEvents() after clearing the running
    loop, so socket callbacks dispatched there fail in get_running_loop(). The app calls
    run_until_complete() once for its whole life; pytest-asyncio calls it per fixture and test.
    """

    def run_forever(self) -> None:
        try:
            super().run_forever()
        finally:
            asyncio.events._set_running_loop(self)

    def run_until_complete(self, future: Any) -> Any:
        try:
            return super().run_until_complete(future)
        finally:
            asyncio.events._set_running_loop(None)


_LOOPS: list[qasync.QEventLoop] = []
_LOST_WAKEUPS: list[str] = []


def _record_lost_wakeups(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """Note a task step that could not run because another task was mid-step.

    That happens when code calls processEvents() inside a coroutine: the nested event
    processing resumes a second task, asyncio refuses, and that task never wakes again, so a
    later teardown hangs with no trace. The autouse fixture below fails the test that did it.
    """
    if "Cannot enter into task" in str(context.get("exception", "")):
        _LOST_WAKEUPS.append(str(context.get("message", context["exception"])))
    loop.default_exception_handler(context)


def _qasync_loop() -> qasync.QEventLoop:
    """One qasync loop per test, so Qt events and asyncio tasks share the thread as in the app."""
    loop = _TestLoop(_application())
    loop.set_exception_handler(_record_lost_wakeups)
    _LOOPS[:] = [loop]
    return loop


def _process_events_inside_the_loop() -> None:
    """pytest-qt's between-phase processEvents, run while the test's qasync loop is running.

    A bare processEvents() between fixture set-up and the test dispatches asyncio callbacks
    (socket reads, accepts) with no running loop, which never happens in the app and makes
    get_running_loop() fail in driver code. Running the loop for one turn processes the same
    Qt events the way the application does.
    """
    loop = _LOOPS[0] if _LOOPS else None
    if loop is not None and not loop.is_closed() and not loop.is_running():
        loop.run_until_complete(asyncio.sleep(0))
        return
    app = QApplication.instance()
    if app is not None:
        app.processEvents()


pytestqt.plugin._process_events = _process_events_inside_the_loop  # type: ignore[attr-defined]


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], Any]]:
    """pytest-asyncio >= 1.x: run the async tests of this folder on qasync."""
    return {"qasync": _qasync_loop}


@pytest.fixture(autouse=True)
def collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """As in the app (ui/gc_guard.py): no automatic collection that could run in a worker."""
    gc.collect()
    gc.disable()
    yield
    gc.collect()
    gc.enable()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail a test during which a task step was refused (see _record_lost_wakeups).

    Checked right after the test body and said at once, because the refused task usually
    hangs the teardown before pytest prints its report.
    """
    _LOST_WAKEUPS.clear()
    result = yield
    if _LOST_WAKEUPS:
        problem = f"{item.nodeid}: nested event processing lost a task wake-up: {_LOST_WAKEUPS}"
        reporter = item.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(problem, red=True)
        raise AssertionError(problem)
    return result


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    """pytest-qt makes the same QApplication class the loop uses."""
    return QApplication


@pytest.fixture
async def demo() -> AsyncIterator[DemoSession]:
    """The demo room (no call): real ViscaCameras talking to ViscaEmulators, an X32 emulator."""
    session = await asyncio.wait_for(start_demo(with_call=False), 10.0)
    try:
        yield session
    finally:
        await asyncio.wait_for(session.close(), 10.0)


@pytest.fixture
async def window(demo: DemoSession, qtbot: QtBot) -> AsyncIterator[MainWindow]:
    """The main window on the demo room, shown, with every camera online."""
    main = MainWindow(demo.room)
    main.show()
    await until(
        lambda: all(light.availability is Availability.ONLINE for light in main.status.lights)
    )
    yield main
    main.close()
    main.deleteLater()


@pytest.fixture
async def camera_stream() -> AsyncIterator[tuple[EmulatedCamera, MjpegServer]]:
    """The training camera's live picture (MJPEG on 127.0.0.1) and the camera it follows."""
    camera = EmulatedCamera()
    server = training_stream(camera.position, label="CAM 1", fps=20)
    await server.start()
    yield camera, server
    await server.close()


@pytest.fixture
async def player(camera_stream: tuple[EmulatedCamera, MjpegServer]) -> AsyncIterator[VideoPlayer]:
    """A real preview player (libVLC) on the training camera's stream."""
    made = VideoPlayer("Stage camera", VideoSource(camera_stream[1].url))
    await made.start()
    yield made
    await asyncio.wait_for(made.close(), 10)
