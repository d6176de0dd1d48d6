"""The event log: a ring buffer fed by ``logging`` (for the log view) plus a rotating log file.

Every module logs through ``logging`` with the device name first (``"%s: lost", name``), so the
handler can tell which device an event is about without any change to the drivers; an explicit
``extra={"device": name}`` wins. Subscribers are called in the thread that logged: a widget must
hand the event to the GUI thread itself (``loop.call_soon_threadsafe``).
"""

from __future__ import annotations

import logging
import logging.handlers
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from enum import IntEnum
from pathlib import Path
from typing import Any

import platformdirs

from console.config.loader import APP_NAME

_LOGGER = logging.getLogger(__name__)

LOG_FILE_NAME = "roomconsole.log"
_FILE_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class LogSeverity(IntEnum):
    """Severity as the log view filters it (ordered: ``>=`` means "at least")."""

    DEBUG = logging.DEBUG
    INFO = logging.INFO
    WARNING = logging.WARNING
    ERROR = logging.ERROR
    CRITICAL = logging.CRITICAL

    @classmethod
    def of(cls, level: int) -> LogSeverity:
        """Round a logging level down to the nearest severity."""
        return max((s for s in cls if s <= level), default=cls.DEBUG)


@dataclass(frozen=True)
class LogEvent:
    """One line of the event log."""

    time: float  # wall clock (time.time())
    severity: LogSeverity
    device: str  # "" when the event is not about one device
    source: str  # the logger name, e.g. "drivers.visca.camera"
    message: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (for the support bundle)."""
        return {**asdict(self), "severity": self.severity.name.lower()}


def device_of(record: logging.LogRecord) -> str:
    """Return the device of a record: ``extra={"device": ...}``, else a leading ``"%s: "`` arg."""
    explicit = getattr(record, "device", None)
    if isinstance(explicit, str):
        return explicit
    if isinstance(record.msg, str) and record.msg.startswith("%s: ") and record.args:
        args = record.args if isinstance(record.args, tuple) else (record.args,)
        return str(args[0])
    return ""


EventCallback = Callable[[LogEvent], None]


class EventLog(logging.Handler):
    """Keeps the last ``capacity`` events in memory, filterable by device and severity."""

    def __init__(self, capacity: int = 2000, level: int = logging.INFO) -> None:
        super().__init__(level)
        self._events: deque[LogEvent] = deque(maxlen=capacity)
        self._callbacks: list[EventCallback] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Store a record as an event (called by ``logging`` with the handler lock held)."""
        try:
            message = record.getMessage()
            if record.exc_info and record.exc_info[1] is not None:
                message = f"{message} ({record.exc_info[1]!r})"
            event = LogEvent(
                record.created,
                LogSeverity.of(record.levelno),
                device_of(record),
                record.name,
                message,
            )
        except Exception:  # noqa: BLE001 - logging must never raise into the caller
            self.handleError(record)
            return
        self._events.append(event)
        for callback in list(self._callbacks):
            try:
                callback(event)
            except Exception:  # noqa: BLE001 - a broken view must not break logging
                self.handleError(record)

    def subscribe(self, callback: EventCallback) -> Callable[[], None]:
        """Call ``callback`` for each new event (in the logging thread); returns unsubscribe."""
        self._callbacks.append(callback)
        return lambda: self._callbacks.remove(callback) if callback in self._callbacks else None

    def events(
        self,
        *,
        device: str | None = None,
        min_severity: LogSeverity = LogSeverity.DEBUG,
        text: str = "",
    ) -> list[LogEvent]:
        """Events oldest first, filtered by device ("" = not device-specific), severity, text."""
        with self._locked():
            snapshot = list(self._events)
        needle = text.casefold()
        return [
            e
            for e in snapshot
            if (device is None or e.device == device)
            and e.severity >= min_severity
            and (not needle or needle in e.message.casefold())
        ]

    def devices(self) -> list[str]:
        """Devices that have events, sorted (for the filter box)."""
        with self._locked():
            return sorted({e.device for e in self._events if e.device})

    def clear(self) -> None:
        """Forget every event."""
        with self._locked():
            self._events.clear()

    def _locked(self) -> _HandlerLock:
        return _HandlerLock(self)


class _HandlerLock:
    """``with`` block holding the handler's own lock (the one ``logging`` takes for emit)."""

    def __init__(self, handler: logging.Handler) -> None:
        self._handler = handler

    def __enter__(self) -> None:
        self._handler.acquire()

    def __exit__(self, *exc: object) -> None:
        self._handler.release()


def default_log_dir() -> Path:
    """Return the platform's log folder for Room Console."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


@dataclass
class LoggingSetup:
    """What ``install_logging`` attached to the root logger."""

    event_log: EventLog
    file_handler: logging.handlers.RotatingFileHandler | None
    log_file: Path | None
    previous_level: int = logging.WARNING

    def log_files(self) -> list[Path]:
        """Return the current log file and its rotated predecessors, newest first."""
        if self.log_file is None:
            return []
        candidates = [self.log_file, *(Path(f"{self.log_file}.{n}") for n in range(1, 100))]
        return [path for path in candidates if path.exists()]

    def uninstall(self) -> None:
        """Detach and close the handlers."""
        root = logging.getLogger()
        root.removeHandler(self.event_log)
        root.setLevel(self.previous_level)
        if self.file_handler is not None:
            root.removeHandler(self.file_handler)
            self.file_handler.close()


def install_logging(
    *,
    log_dir: Path | None = None,
    to_file: bool = True,
    level: int = logging.INFO,
    capacity: int = 2000,
    max_bytes: int = 1_000_000,
    backups: int = 5,
) -> LoggingSetup:
    """Attach the event log (and a rotating UTF-8 file in ``log_dir``) to the root logger."""
    root = logging.getLogger()
    previous_level = root.level
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    event_log = EventLog(capacity, level)
    root.addHandler(event_log)
    file_handler: logging.handlers.RotatingFileHandler | None = None
    log_file: Path | None = None
    if to_file:
        folder = log_dir or default_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        log_file = folder / LOG_FILE_NAME
        file_handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
        )
        file_handler.setLevel(level)
        formatter = logging.Formatter(_FILE_FORMAT)
        formatter.converter = time.localtime
        file_handler.setFormatter(formatter)
        root.addHandler(file_handler)
    _LOGGER.info("logging to %s", log_file or "memory only")
    return LoggingSetup(event_log, file_handler, log_file, previous_level)


def events_to_dicts(events: Iterable[LogEvent]) -> list[dict[str, Any]]:
    """JSON-ready list of events."""
    return [event.to_dict() for event in events]
