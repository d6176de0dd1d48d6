"""Turn ``Problem`` keys and availability into plain, translated words for the operator."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from drivers.errors import Problem
from drivers.roles.base import Availability, DeviceStatus

_CONTEXT = "Messages"


class DeviceKind(StrEnum):
    """What sort of device a message is about (changes the advice given)."""

    CAMERA = "camera"
    OTHER = "other"


def _tr(text: str) -> str:
    """Translate in the shared "Messages" context (Qt Linguist finds these strings)."""
    return QCoreApplication.translate(_CONTEXT, text)


def problem_text(problem: Problem, device: str, kind: DeviceKind = DeviceKind.OTHER) -> str:
    """One sentence saying what is wrong with ``device`` and what to check."""
    if kind is DeviceKind.CAMERA:
        camera_texts = {
            Problem.NOT_ANSWERING: _tr(
                "{device} is not answering — check the VISCA cable and the camera's power"
            ),
            Problem.PORT_MISSING: _tr(
                "{device}: the serial port is missing — check that the USB adapter is plugged in"
            ),
            Problem.CONNECTION_REFUSED: _tr(
                "{device} cannot be reached — check the network cable and the camera's address"
            ),
            Problem.NOT_EXECUTABLE: _tr(
                "{device} cannot do that right now — is it switched on and in the right mode?"
            ),
        }
        if problem in camera_texts:
            return camera_texts[problem].format(device=device)
    texts = {
        Problem.NOT_ANSWERING: _tr(
            "{device} is not answering — check the cable and the device's power"
        ),
        Problem.PORT_MISSING: _tr("{device}: the port is missing — check that it is plugged in"),
        Problem.CONNECTION_REFUSED: _tr("{device} cannot be reached — check the network cable"),
        Problem.LIBRARY_MISSING: _tr(
            "{device} cannot be used on this computer — a program it needs is not installed"
        ),
        Problem.GARBLED: _tr("{device} is sending unexpected data — check the cable and settings"),
        Problem.REFUSED: _tr("{device} refused the command"),
        Problem.BUSY: _tr("{device} is busy — try again in a moment"),
        Problem.NOT_EXECUTABLE: _tr("{device} cannot do that in its current mode"),
        Problem.BAD_CONFIG: _tr("{device} is set up wrongly — ask a technician to check the setup"),
        Problem.UNKNOWN: _tr("{device} has a problem — see the event log for details"),
    }
    return texts[problem].format(device=device)


def warning_text(problem: Problem, device: str, kind: DeviceKind = DeviceKind.OTHER) -> str:
    """Words for a device that works but is degraded (e.g. a camera that never answers)."""
    if kind is DeviceKind.CAMERA and problem is Problem.NOT_ANSWERING:
        return _tr(
            "{device} works one way only: commands are sent but the camera's replies are not "
            "received, so its position may be shown wrongly"
        ).format(device=device)
    return problem_text(problem, device, kind)


def availability_text(availability: Availability) -> str:
    """Short word for a status light."""
    return {
        Availability.CONNECTING: _tr("connecting…"),
        Availability.ONLINE: _tr("ready"),
        Availability.OFFLINE: _tr("not available"),
    }[availability]


def status_text(status: DeviceStatus, device: str, kind: DeviceKind = DeviceKind.OTHER) -> str:
    """Sentence for the hover text of a status light: state, and the reason when not ready."""
    if status.availability is Availability.OFFLINE:
        return problem_text(status.problem or Problem.UNKNOWN, device, kind)
    if status.availability is Availability.CONNECTING:
        return _tr("{device}: connecting…").format(device=device)
    if status.warning is not None:
        return warning_text(status.warning, device, kind)
    return _tr("{device} is ready").format(device=device)
