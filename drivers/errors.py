"""Typed device errors shared by every driver family.

Policy: ``DeviceCommandError`` is normal operation (log it, carry on); ``DeviceParseError`` is
one message that makes no sense (log it rate-limited, skip it, keep reading);
``DeviceProtocolError`` means the byte stream is out of step (reconnect); ``DeviceConnectionError``
means the link is gone or silent (the link reconnects by itself with back-off).
"""

from __future__ import annotations

from enum import StrEnum


class Problem(StrEnum):
    """What went wrong, as a key the UI turns into plain words and advice."""

    NOT_ANSWERING = "not_answering"  # silence: check cable and power
    PORT_MISSING = "port_missing"  # serial port / USB adapter not present
    CONNECTION_REFUSED = "connection_refused"  # network peer refused / unreachable
    LIBRARY_MISSING = "library_missing"  # optional library (libVLC, baresip) not installed
    GARBLED = "garbled"  # bytes we cannot make sense of
    REFUSED = "refused"  # the device refused the command
    BUSY = "busy"  # the device is busy (buffer full, call in progress)
    NOT_EXECUTABLE = "not_executable"  # command not possible in the device's current mode
    BAD_CONFIG = "bad_config"  # the profile asks for something impossible
    UNKNOWN = "unknown"


class DeviceError(Exception):
    """Root of every device error; carries a ``Problem`` key for the UI."""

    problem: Problem = Problem.UNKNOWN

    def __init__(self, message: str, *, problem: Problem | None = None) -> None:
        super().__init__(message)
        if problem is not None:
            self.problem = problem


class DeviceUnavailable(DeviceError):
    """A needed library, port or program is missing: the driver cannot run here."""

    problem = Problem.LIBRARY_MISSING


class DeviceConnectionError(DeviceError):
    """The link to the device is down or could not be opened."""

    problem = Problem.CONNECTION_REFUSED


class DeviceTimeout(DeviceConnectionError):
    """The device did not answer in time."""

    problem = Problem.NOT_ANSWERING


class DeviceProtocolError(DeviceError):
    """The byte stream is out of step with the protocol: fatal for the link, reconnect."""

    problem = Problem.GARBLED


class DeviceParseError(DeviceError):
    """One message from the device does not parse: skip it and keep reading (never fatal)."""

    problem = Problem.GARBLED


class DeviceCommandError(DeviceError):
    """The device understood and refused a command; the link is fine."""

    problem = Problem.REFUSED
