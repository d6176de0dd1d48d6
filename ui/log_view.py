"""The event log view ("Nhật ký sự kiện"): time, device, severity, message, with filters.

Fed by ``console.eventlog.EventLog``. The message column shows the line in the operator's words
(``ui.event_words``); its tooltip, and the column itself in technician mode, the raw line. The
log's subscribers are called in whatever thread logged, so each event hops to the GUI loop with
``call_soon_threadsafe`` before it touches a widget.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.eventlog import EventLog, LogEvent, LogSeverity
from ui.event_words import device_name, plain_event
from ui.i18n import retranslate_on_change

_LOGGER = logging.getLogger(__name__)

ALL_DEVICES = None
COLUMNS = 5  # time, device, severity, message, source (technician only)
MESSAGE_COLUMN = 3
SOURCE_COLUMN = 4
_ROW_COLOURS = {
    LogSeverity.WARNING: QColor("#fff6e0"),
    LogSeverity.ERROR: QColor("#fdecea"),
    LogSeverity.CRITICAL: QColor("#fdecea"),
}


def severity_text(severity: LogSeverity) -> str:
    """Return the plain word for a severity."""
    return {
        LogSeverity.DEBUG: QCoreApplication.translate("EventLogView", "detail"),
        LogSeverity.INFO: QCoreApplication.translate("EventLogView", "information"),
        LogSeverity.WARNING: QCoreApplication.translate("EventLogView", "warning"),
        LogSeverity.ERROR: QCoreApplication.translate("EventLogView", "error"),
        LogSeverity.CRITICAL: QCoreApplication.translate("EventLogView", "error"),
    }[severity]


def raw_text(event: LogEvent) -> str:
    """Return the line as logged and the logger that logged it (for technicians, tooltips)."""
    return f"{event.message}\n[{event.source}]"


def event_matches(event: LogEvent, needle: str) -> bool:
    """Tell whether ``needle`` (casefolded) is in the event's plain words or its raw line."""
    return not needle or any(
        needle in text.casefold()
        for text in (plain_event(event.source, event.message), event.message)
    )


def _gui_loop() -> asyncio.AbstractEventLoop:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:  # built before the loop runs (scripts): the loop set for this thread
        return asyncio.get_event_loop_policy().get_event_loop()


class EventTableModel(QAbstractTableModel):
    """The events shown, oldest first (at most ``capacity`` rows)."""

    def __init__(self, capacity: int = 2000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.capacity = capacity
        self.events: list[LogEvent] = []
        self.technician = False  # True: the message column shows the raw line

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, D102
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, D102
        return 0 if parent.isValid() else COLUMNS

    def headerData(  # noqa: D102 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Time"),
            self.tr("Device"),
            self.tr("Severity"),
            self.tr("Message"),
            self.tr("Source"),
        )[section]

    def data(  # noqa: D102 - Qt API
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        event = self.events[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(event, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(event.time))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == MESSAGE_COLUMN:
            return raw_text(event)
        if role == Qt.ItemDataRole.BackgroundRole and event.severity in _ROW_COLOURS:
            return QBrush(_ROW_COLOURS[event.severity])
        return None

    def _text(self, event: LogEvent, column: int) -> str:
        if column == 0:
            return time.strftime("%d/%m %H:%M:%S", time.localtime(event.time))
        if column == 1:
            return device_name(event.device)
        if column == 2:
            return severity_text(event.severity)
        if column == MESSAGE_COLUMN:
            return event.message if self.technician else plain_event(event.source, event.message)
        return event.source

    def retranslate(self) -> None:
        """Tell the view that headers and severity words changed language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        if self.events:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.events) - 1, COLUMNS - 1))

    def set_events(self, events: list[LogEvent]) -> None:
        """Show ``events`` instead (the newest ``capacity`` of them)."""
        self.beginResetModel()
        self.events = list(events[-self.capacity :])
        self.endResetModel()

    def append(self, event: LogEvent) -> None:
        """Add one event at the bottom, dropping the oldest beyond ``capacity``."""
        if len(self.events) >= self.capacity:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            del self.events[0]
            self.endRemoveRows()
        row = len(self.events)
        self.beginInsertRows(QModelIndex(), row, row)
        self.events.append(event)
        self.endInsertRows()


class EventLogView(QWidget):
    """Table of events with device, severity and text filters; follows the log live."""

    def __init__(self, event_log: EventLog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventLogView")
        self._log = event_log
        self._loop = _gui_loop()  # events logged in other threads hop onto it
        self.model = EventTableModel(parent=self)
        self._build()
        self._update_devices()
        self.refresh()
        retranslate_on_change(self, self._retranslate)
        self._unsubscribe = event_log.subscribe(self._on_logged)
        self.destroyed.connect(lambda *_: self._unsubscribe())
        self.set_technician(False)

    def _build(self) -> None:
        self.device_filter = QComboBox(self)
        self.device_filter.addItem("", ALL_DEVICES)
        self.device_filter.currentIndexChanged.connect(self.refresh)
        self.severity_filter = QComboBox(self)
        for severity in (LogSeverity.INFO, LogSeverity.WARNING, LogSeverity.ERROR):
            self.severity_filter.addItem("", int(severity))
        self._retranslate_filters()
        self.severity_filter.currentIndexChanged.connect(self.refresh)
        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText(self.tr("Search the messages"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Device:"), self))
        filters.addWidget(self.device_filter)
        filters.addWidget(QLabel(self.tr("Show:"), self))
        filters.addWidget(self.severity_filter)
        filters.addWidget(self.text_filter, 1)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MESSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    def _retranslate_filters(self) -> None:
        self.device_filter.setItemText(0, self.tr("All devices"))
        for index in range(1, self.device_filter.count()):
            self.device_filter.setItemText(index, device_name(self.device_filter.itemData(index)))
        for index, text in enumerate(
            (self.tr("Everything"), self.tr("Warnings and errors"), self.tr("Errors only"))
        ):
            self.severity_filter.setItemText(index, text)

    def _retranslate(self) -> None:
        """Word the filters, the headers and the severities again after a language switch."""
        self._retranslate_filters()
        self.model.retranslate()

    def set_technician(self, technician: bool) -> None:
        """Show the raw view (the line as logged, which module logged it) in technician mode."""
        self.table.setColumnHidden(SOURCE_COLUMN, not technician)
        self.model.technician = technician
        self.model.retranslate()

    def detach(self) -> None:
        """Stop following the log (before the view goes away)."""
        self._unsubscribe()

    # -- filters ------------------------------------------------------------------------------
    def _filters(self) -> tuple[str | None, LogSeverity, str]:
        device = self.device_filter.currentData()
        severity = LogSeverity(self.severity_filter.currentData())
        return device, severity, self.text_filter.text().strip()

    def matches(self, event: LogEvent) -> bool:
        """Tell whether ``event`` passes the filters shown."""
        device, severity, text = self._filters()
        return (
            (device is None or event.device == device)
            and event.severity >= severity
            and event_matches(event, text.casefold())
        )

    def refresh(self) -> None:
        """Show the log again through the current filters."""
        device, severity, text = self._filters()
        needle = text.casefold()  # plain words as well as the raw line: filtered here
        events = self._log.events(device=device, min_severity=severity)
        self.model.set_events([event for event in events if event_matches(event, needle)])
        self.table.scrollToBottom()

    def _update_devices(self) -> None:
        known = {self.device_filter.itemData(i) for i in range(self.device_filter.count())}
        for device in self._log.devices():
            if device not in known:
                self.device_filter.addItem(device_name(device), device)

    # -- live ---------------------------------------------------------------------------------
    def _on_logged(self, event: LogEvent) -> None:
        """Hand an event from the logging thread to the GUI loop."""
        # a closed loop (shutting down) has nothing left to show
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(self._on_event, event)

    def _on_event(self, event: LogEvent) -> None:
        if not shiboken6.isValid(self):
            return
        if event.device and self.device_filter.findData(event.device) < 0:
            self.device_filter.addItem(event.device, event.device)
        if self.matches(event):
            bottom = self.table.verticalScrollBar()
            follow = bottom.value() >= bottom.maximum() - 2  # only follow if already at the end
            self.model.append(event)
            if follow:
                self.table.scrollToBottom()


class EventLogDialog(QDialog):
    """The event log in its own window."""

    def __init__(self, event_log: EventLog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Event log"))
        self.view = EventLogView(event_log, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.resize(980, 560)
