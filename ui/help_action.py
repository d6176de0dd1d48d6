"""Request help ("Gửi yêu cầu hỗ trợ"): write the support bundle, say where it is and to whom.

The zip is written in a worker thread (``asyncio.to_thread``: logs can be megabytes), then a
window tells the operator in plain words where the file is and whom to send it to (the contact
in the room profile), with a button that opens the folder.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.support_bundle import default_bundle_path, write_support_bundle

if TYPE_CHECKING:
    from console.eventlog import EventLog
    from console.room import Room

_LOGGER = logging.getLogger(__name__)

LogFiles = Callable[[], Sequence[Path]]

RESULT_STYLE = """
QDialog { background: #ffffff; }
#helpTitle { font-size: 20px; font-weight: 600; }
#helpMessage { font-size: 16px; }
#helpTitle[kind="problem"] { color: #8a1c12; }
"""


def open_folder(path: Path) -> bool:
    """Open the folder holding ``path`` in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class HelpResultDialog(QDialog):
    """Where the support file is and whom to send it to; or why it could not be written."""

    def __init__(
        self,
        bundle: Path | None,
        contact: str,
        parent: QWidget | None = None,
        *,
        error: str = "",
    ) -> None:
        super().__init__(parent)
        self.bundle = bundle
        self.setWindowTitle(self.tr("Request help"))
        self.setStyleSheet(RESULT_STYLE)
        self.title = QLabel(self)
        self.title.setObjectName("helpTitle")
        self.message = QLabel(self)
        self.message.setObjectName("helpMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open the folder"), self)
        self.open_button.clicked.connect(self._on_open_clicked)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        for widget in (self.title, self.message):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        if bundle is None:
            self._update_failed(error)
        else:
            self._update_saved(bundle, contact)

    def _update_saved(self, bundle: Path, contact: str) -> None:
        self.title.setText(self.tr("The support file is ready"))
        who = contact.strip() or self.tr("your technician")
        self.message.setText(
            self.tr("The support file is saved at {path}. Send it to {contact}.").format(
                path=bundle, contact=who
            )
        )

    def _update_failed(self, error: str) -> None:
        self.title.setText(self.tr("The support file could not be saved"))
        self.title.setProperty("kind", "problem")
        self.message.setText(
            self.tr("Call your technician and read them this message: {error}").format(error=error)
        )
        self.open_button.hide()

    def _on_open_clicked(self) -> None:
        if self.bundle is not None and not open_folder(self.bundle):
            _LOGGER.warning("cannot open the folder of %s", self.bundle)


class RequestHelp(QObject):
    """Writes the support bundle off the GUI thread, then shows where it is."""

    finished = Signal(object)  # the bundle's Path, or None when it could not be written

    def __init__(
        self,
        room: Room,
        *,
        event_log: EventLog | None = None,
        log_files: LogFiles = tuple,
        last_check: Path | None = None,
        target: Callable[[], Path] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._room = room
        self._event_log = event_log
        self._log_files = log_files
        self._last_check = last_check
        self._target = target or (lambda: default_bundle_path(room.profile.site.name))
        self._task: asyncio.Task[Path | None] | None = None
        self.dialog: HelpResultDialog | None = None

    @property
    def busy(self) -> bool:
        """True while a bundle is being written."""
        return self._task is not None and not self._task.done()

    def start(self, parent: QWidget | None = None) -> asyncio.Task[Path | None] | None:
        """Write the bundle as a task and show the result window (None if already writing)."""
        if self.busy:
            return None
        self._task = asyncio.ensure_future(self._write_and_show(parent))
        return self._task

    async def _write_and_show(self, parent: QWidget | None) -> Path | None:
        profile = self._room.profile
        target = self._target()
        # Collect Qt garbage here, on the GUI thread: a cyclic GC pass started in the worker
        # would otherwise delete dead widgets there and crash Qt (docs/video-previews.md).
        gc.collect()
        try:
            bundle: Path | None = await asyncio.to_thread(
                write_support_bundle,
                target,
                profile=profile.model_copy(deep=True),  # the GUI may edit the live one meanwhile
                log_files=list(self._log_files()),
                event_log=self._event_log,
                last_check=self._last_check,
                site=profile.site.name,
            )
            error = ""
        except OSError as exc:
            _LOGGER.error("cannot write the support bundle to %s: %s", target, exc)
            bundle, error = None, str(exc)
        if parent is not None and not shiboken6.isValid(parent):
            return bundle  # the window closed meanwhile: the log has it
        self.dialog = HelpResultDialog(bundle, profile.site.contact, parent, error=error)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.dialog.open()
        self.finished.emit(bundle)
        return bundle
