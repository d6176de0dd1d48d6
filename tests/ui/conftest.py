"""Qt test set-up: every async UI test runs on a qasync loop inside the QApplication."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import qasync
from PySide6.QtWidgets import QApplication


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(["roomconsole-tests"])
    assert isinstance(app, QApplication)
    return app


def _qasync_loop() -> qasync.QEventLoop:
    """One qasync loop per test, so Qt events and asyncio tasks share the thread as in the app."""
    return qasync.QEventLoop(_application())


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], Any]]:
    """pytest-asyncio >= 1.x: run the async tests of this folder on qasync."""
    return {"qasync": _qasync_loop}


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    """pytest-qt makes the same QApplication class the loop uses."""
    return QApplication
